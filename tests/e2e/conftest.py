"""Fixtures for the IDE's end-to-end tests: build/site served on 127.0.0.1 and driven in
Debian's headless Chromium with selenium, as a user would use it.

The browser is shared by the whole session (Pyodide loads once per page load, which costs
a second or two); `ide` opens a fresh page with empty localStorage for each test.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from idepage import IDE
from webtools import chrome, serve

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "build" / "site"

def pytest_collection_modifyitems(config, items):
    if (SITE / "ide.js").exists() and shutil.which("chromedriver"):
        return
    skip = pytest.mark.skip(reason="needs `make site` and Debian's chromium-driver")
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def site_url():
    with serve(SITE) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    with chrome("--window-size=1280,800") as driver:
        yield driver


@pytest.fixture
def ide(browser, site_url):
    page = IDE(browser, site_url).open()
    page.wait_ready()
    return page

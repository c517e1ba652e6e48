"""The built site (`make site`) really works in headless Chromium, offline.

Serves build/site on 127.0.0.1, runs Io through the page's Run button and
checks that every resource the page loaded came from that local server.
A screenshot is left in build/screenshots/site.png for humans to look at.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from webtools import chrome, serve

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "build" / "site"

pytestmark = pytest.mark.skipif(
    not (SITE / "index.html").exists() or not shutil.which("chromedriver"),
    reason="needs `make site` and Debian's chromium-driver",
)

@pytest.fixture(scope="module")
def site_url():
    with serve(SITE) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chrome() as driver:
        yield driver


def test_page_runs_io(site_url, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(site_url + "/index.html")
    wait = WebDriverWait(browser, 120)
    wait.until(lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))

    # the IDE page (docs/ide.md): editor API from static/src/main.js, output in #console
    browser.execute_script("pyioEditor.setCode('writeln(1 + 2)')")
    browser.find_element(By.ID, "run").click()
    output = browser.find_element(By.ID, "console")
    wait.until(lambda d: output.text != "")

    shots = ROOT / "build" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(shots / "site.png"))

    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    foreign = [r for r in resources if not r.startswith(site_url)]
    assert not foreign, f"page loaded non-local resources: {foreign}"
    assert output.text == "3"

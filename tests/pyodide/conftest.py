"""pytest-pyodide set-up: run offline against build/pyodide (`make dist`).

Run: .venv/bin/pytest tests/pyodide --dist-dir=build/pyodide --runtime=node
     (or --runtime=chrome).  `make test` does both.

- Chromium is Debian's `chromium` + `chromium-driver`, never a download:
  SE_OFFLINE stops selenium-manager from fetching drivers or browsers, and the
  binary paths are given explicitly.
- The flags keep headless Chromium from reaching out to Google's services
  (background networking, component updates, sync) and make it run as root
  in a container (--no-sandbox, --disable-gpu).
"""

from __future__ import annotations

import os
import shutil

import pytest

os.environ.setdefault("SE_OFFLINE", "true")

from pytest_pyodide import get_global_config  # noqa: E402
from webtools import CHROME_FLAGS as BASE_FLAGS  # noqa: E402
from pytest_pyodide.runner import SeleniumChromeRunner  # noqa: E402

CHROME_FLAGS = ["--js-flags=--expose-gc", *BASE_FLAGS]  # the first is pytest-pyodide's default

get_global_config().set_flags("chrome", CHROME_FLAGS)


def _debian_chrome_driver(self, jspi=False):
    """SeleniumChromeRunner.get_driver, but with Debian's chromium/chromedriver."""
    from selenium.webdriver import Chrome
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    for flag in self._config.get_flags("chrome"):
        options.add_argument(flag)
    if jspi:
        options.add_argument("--enable-features=WebAssemblyExperimentalJSPI")
        options.add_argument("--enable-experimental-webassembly-features")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser:
        options.binary_location = browser
    driver = shutil.which("chromedriver")
    service = Service(executable_path=driver) if driver else Service()
    return Chrome(options=options, service=service)


SeleniumChromeRunner.get_driver = _debian_chrome_driver


@pytest.fixture
def selenium_page(selenium):
    """The runtime, for tests that need a browser page (DOM): skipped in node."""
    if selenium.browser == "node":
        pytest.skip("needs a browser page (DOM)")
    return selenium

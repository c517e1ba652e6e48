"""The built site (`make site`) really works in headless Chromium, offline.

Serves build/site on 127.0.0.1, runs Io through the page's Run button and
checks that every resource the page loaded came from that local server.
A screenshot is left in build/screenshots/site.png for humans to look at.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "build" / "site"

pytestmark = pytest.mark.skipif(
    not (SITE / "index.html").exists() or not shutil.which("chromedriver"),
    reason="needs `make site` and Debian's chromium-driver",
)

CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1000,700",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site_url():
    handler = functools.partial(_QuietHandler, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    os.environ.setdefault("SE_OFFLINE", "true")
    from selenium.webdriver import Chrome
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or ""
    driver = Chrome(options=options, service=Service(executable_path=shutil.which("chromedriver")))
    yield driver
    driver.quit()


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

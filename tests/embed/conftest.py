"""Fixtures for the embedding tests: a local HTTP server for a folder of pages plus the
offline Pyodide folder (build/pyodide, which holds pyio.js) at /pyio/, and headless Debian
Chromium driven by selenium. Nothing is fetched from outside 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from embed_examples import DIST, ROOT

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


MOUNTS = {"/pyio/": DIST, "/pyscript/": ROOT / "node_modules" / "@pyscript" / "core" / "dist"}


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the page folder, build/pyodide under /pyio/ and PyScript under /pyscript/."""

    def translate_path(self, path: str) -> str:
        for prefix, folder in MOUNTS.items():
            if path.startswith(prefix):
                return str(folder / path[len(prefix):].split("?")[0].split("#")[0])
        return super().translate_path(path)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    """The folder the server serves at / (tests write their pages into it)."""
    return tmp_path_factory.mktemp("pages")


@pytest.fixture(scope="module")
def server(pages):
    if not (DIST / "pyio.js").exists():
        pytest.skip("run `make dist` first")
    handler = functools.partial(_PagesHandler, directory=str(pages))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    if not shutil.which("chromedriver") or not shutil.which("chromium"):
        pytest.skip("needs Debian's chromium and chromium-driver")
    os.environ.setdefault("SE_OFFLINE", "true")
    from selenium.webdriver import Chrome
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium")
    driver = Chrome(options=options, service=Service(executable_path=shutil.which("chromedriver")))
    yield driver
    driver.quit()

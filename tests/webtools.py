"""Headless Chromium and a localhost file server, shared by the browser tests
(tests/smoke, tests/e2e, tests/embed and pytest-pyodide's runner in tests/pyodide)."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Debian's chromium as root, with no network but localhost: these flags keep it from
# sandboxing, using a GPU, or phoning home at start-up.
CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file server that keeps the test output clean."""

    def log_message(self, *args):
        pass


@contextmanager
def serve(directory, handler: type = QuietHandler) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port) and yield its base URL."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(directory))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chrome(*extra_flags: str):
    """A selenium driver for Debian's chromium/chromedriver (never a downloaded browser)."""
    os.environ.setdefault("SE_OFFLINE", "true")
    from selenium.webdriver import Chrome
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    for flag in (*CHROME_FLAGS, *extra_flags):
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or ""
    driver = Chrome(options=options, service=Service(executable_path=shutil.which("chromedriver")))
    try:
        yield driver
    finally:
        driver.quit()

"""Fixtures for the embedding tests: a local HTTP server for a folder of pages plus the
offline Pyodide folder (build/pyodide, which holds pyio.js) at /pyio/, and headless Debian
Chromium driven by selenium. Nothing is fetched from outside 127.0.0.1."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from webtools import QuietHandler, chrome, serve

from embed_examples import DIST, ROOT

MOUNTS = {"/pyio/": DIST, "/pyscript/": ROOT / "node_modules" / "@pyscript" / "core" / "dist"}


class _PagesHandler(QuietHandler):
    """Serves the page folder, build/pyodide under /pyio/ and PyScript under /pyscript/."""

    def translate_path(self, path: str) -> str:
        for prefix, folder in MOUNTS.items():
            if path.startswith(prefix):
                return str(folder / path[len(prefix):].split("?")[0].split("#")[0])
        return super().translate_path(path)


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    """The folder the server serves at / (tests write their pages into it)."""
    return tmp_path_factory.mktemp("pages")


@pytest.fixture(scope="module")
def server(pages):
    if not (DIST / "pyio.js").exists():
        pytest.skip("run `make dist` first")
    with serve(pages, _PagesHandler) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if not shutil.which("chromedriver") or not shutil.which("chromium"):
        pytest.skip("needs Debian's chromium and chromium-driver")
    with chrome("--window-size=1000,700") as driver:
        yield driver

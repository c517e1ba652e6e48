"""How the IDE's Python starts (docs/ide.md, "Load time"): from the memory snapshot `make
site` makes, in the browser's own time zone, and the usual way when the snapshot is missing
or refused."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from idepage import IDE
from webtools import QuietHandler, chrome, serve

SITE = Path(__file__).resolve().parents[2] / "build" / "site"

SNAPSHOT = "/pyodide/snapshot.bin.gz"
STARTED_FROM_SNAPSHOT = "pyio: Python started from the snapshot"


def marks(page: IDE) -> list[str]:
    return page.js("return performance.getEntriesByType('mark').map(m => m.name)")


def test_python_starts_from_the_snapshot(ide):
    assert STARTED_FROM_SNAPSHOT in marks(ide)
    assert "3" in ide.console_entry("1 + 2")


def test_time_zone_is_the_browsers_not_the_build_machines(site_url, monkeypatch):
    # Kathmandu: +05:45 all year, nobody's build machine
    monkeypatch.setenv("TZ", "Asia/Kathmandu")
    with chrome("--window-size=1280,800") as browser:
        page = IDE(browser, site_url).open(clear=False).wait_ready()
        out = page.console_entry('Date zone .. " " .. Date gmtOffset')
    assert "UTC+0545 +0545" in out


def python_random(page: IDE) -> float:
    """A number from Python's own `random`, drawn through the page's App object."""
    return page.js("const b = pyioApp.__class__.__init__.__globals__.get('__builtins__');"
                   "return b.get('__import__')('random').random()")


def test_each_page_draws_its_own_random_numbers(ide):
    # Pyodide seeds `random` while it starts: the snapshot would repeat that seed
    first = python_random(ide)
    ide.open().wait_ready()
    assert python_random(ide) != first


class BadSnapshot(QuietHandler):
    """The site, but its snapshot is not one Pyodide accepts (another build's, say) or is
    missing."""

    body: bytes | None = None

    def do_GET(self):
        if self.path != SNAPSHOT:
            return super().do_GET()
        if self.body is None:
            return self.send_error(404)
        self.send_response(200)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)


@pytest.mark.parametrize("body", [None, gzip.compress(b"\0" * 4096), b"not gzip"],
                         ids=["missing", "refused", "broken"])
def test_without_a_usable_snapshot_python_starts_the_usual_way(browser, body):
    handler = type("Handler", (BadSnapshot,), {"body": body})
    with serve(SITE, handler) as url:
        page = IDE(browser, url).open().wait_ready()
        assert STARTED_FROM_SNAPSHOT not in marks(page)
        assert "hello" in page.run('writeln("hel" .. "lo")')

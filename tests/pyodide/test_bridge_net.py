"""fetch of a localhost URL and npm ES modules, in node and Chromium, never the network.

A small CORS-enabled server on 127.0.0.1 serves test files and a local npm mirror:
``/npm/<name>`` redirects to the package's ES module entry in node_modules (the layout
``JS setImportBase`` expects), ``/npm/<name>/<file>`` serves its files.
"""

import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pytest_pyodide import run_in_pyodide

ROOT = Path(__file__).resolve().parents[2]
MODULES = ROOT / "node_modules"


class Handler(SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def do_GET(self):
        path = self.path.split("?")[0]
        if path.startswith("/npm/"):
            rest = path[len("/npm/"):].strip("/")
            pkg = MODULES / rest
            if (pkg / "package.json").is_file():  # a bare package: go to its entry
                meta = json.loads((pkg / "package.json").read_text())
                entry = meta.get("module") or meta.get("main") or "index.js"
                self.send_response(302)
                self.send_header("Location", f"/npm/{rest}/{entry}")
                self.end_headers()
                return
            self.directory = str(MODULES)
            self.path = "/" + rest
        return super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    files = tmp_path_factory.mktemp("www")
    (files / "hello.txt").write_text("hello from localhost")
    (files / "data.json").write_text('{"a": [1, 2, 3], "b": "x"}')
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(files)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def lodash():
    if not (MODULES / "lodash-es" / "package.json").is_file():
        pytest.skip("lodash-es is not installed (npm ci)")


@run_in_pyodide(packages=["pyio"])
async def test_fetch_localhost(selenium, server):
    import bridge

    B = bridge.start()
    cases = {
        f'JS fetch("{server}/hello.txt") await text': "==> hello from localhost\n",
        f'JS fetch("{server}/hello.txt") await status': "==> 200\n",
        f'JS fetch("{server}/hello.txt") await text await size': "==> 20\n",
        f'JS fetchText("{server}/hello.txt")': "==> hello from localhost\n",
        f'JS fetchJson("{server}/data.json") get("a") size': "==> 3\n",
        f'try(JS fetchText("{server}/missing.txt")) error':
            f"==> fetch {server}/missing.txt: HTTP status 404\n",
        'try(JS fetch("http://127.0.0.1:9/nothing") await) error containsSeq("JS error")':
            "==> true\n",
    }
    for code, want in cases.items():
        assert await B.repl(code) == (want, 0), code


@run_in_pyodide(packages=["pyio"])
async def test_npm_import(selenium, server, lodash):
    import bridge

    B = bridge.start()
    if B.glue.isNode():
        # node resolves bare names from node_modules itself
        assert await B.repl('JS resolveImport("lodash-es")') == ("==> lodash-es\n", 0)
    else:
        # a browser goes to a CDN unless told otherwise; point it at the local mirror
        assert await B.repl('JS resolveImport("lodash-es")') == (
            "==> https://esm.sh/lodash-es\n", 0)
        await B.repl(f'JS setImportBase("{server}/npm")')
    cases = {
        'lodash := JS import("lodash-es"); c := lodash chunk(list(1, 2, 3, 4), 2); '
        "list(c size, c at(1) at(0))": "==> list(2, 3)\n",
        'lodash camelCase("hello io world")': "==> helloIoWorld\n",
        'lodash sortBy(list(3, 1, 2))': "==> list(1, 2, 3)\n",
        'lodash map(list(1, 2, 3), block(x, x * 10))': "==> list(10, 20, 30)\n",
        'lodash type': "==> JSObject\n",
        'try(JS import("no-such-package-pyio")) error containsSeq("JS error")': "==> true\n",
    }
    for code, want in cases.items():
        assert await B.repl(code) == (want, 0), code


@run_in_pyodide(packages=["pyio"])
async def test_import_map(selenium, server, lodash):
    import bridge
    import js

    B = bridge.start()
    if B.glue.isNode():
        return  # node cannot import http: URLs; the mapping logic is the same
    url = f"{server}/npm/lodash-es/lodash.js"
    setattr(js.io.importMap, "lo", url)
    assert await B.repl('JS resolveImport("lo")') == (f"==> {url}\n", 0)
    assert await B.repl('JS import("lo") kebabCase("Io Rocks")') == ("==> io-rocks\n", 0)
    await B.repl(f'JS mapImport("lodash-chunk", "{server}/npm/lodash-es/chunk.js")')
    assert await B.repl('JS import("lodash-chunk") default(list(1, 2, 3), 2) size') == (
        "==> 2\n", 0)

"""Upstream's browser test page, run against pyio's bridge in Chromium.

upstream's src/browser/test.html lists REPL entries and the exact console output each
must give. This test reads that file when it is available (it is not part of pyio; the
test is skipped without it, e.g. in CI), evaluates its case list and fixtures in the page,
feeds every entry through ``io.repl`` and checks the outputs.
"""

import os
import re
from pathlib import Path

import pytest
from pytest_pyodide import run_in_pyodide

PAGE = Path(os.environ.get("PYIO_UPSTREAM", "/work/upstream/src")) / "browser" / "test.html"


@pytest.fixture
def upstream_cases():
    if not PAGE.is_file():
        pytest.skip(f"{PAGE} not available")
    html = PAGE.read_text(encoding="utf-8")
    fixtures = re.search(r"// Test fixtures.*?\n(.*?)\nconst tests", html, re.S).group(1)
    cases = re.search(r"\nconst tests = (\[.*?\n\]);\n", html, re.S).group(1)
    return fixtures, cases


@run_in_pyodide(packages=["pyio"])
async def test_upstream_browser_test_page(selenium_page, upstream_cases):
    import asyncio

    import bridge
    from pyodide.code import run_js

    fixtures, cases = upstream_cases
    run_js(fixtures)
    run_js("""const s = document.createElement("div"); s.id = "sandbox";
              s.style.display = "none"; document.body.appendChild(s);
              const m = document.createElement("meta"); document.head.appendChild(m);""")
    tests = run_js(cases)
    bridge.start()
    from js import io

    failures = []
    for t in tests:
        codes = [t.code] if isinstance(t.code, str) else list(t.code)
        # queued together, the entries run back to back like upstream's synchronous ioEval
        r = await [io.repl(code) for code in codes][-1]
        code = codes[-1]
        await asyncio.sleep(0)
        if r.output != t.expect:
            failures.append(f"{t.name}: {code!r} gave {r.output!r}, want {t.expect!r}")
    assert not failures, f"{len(failures)} of {len(tests)} failed:\n" + "\n".join(failures)
    assert len(tests) > 80

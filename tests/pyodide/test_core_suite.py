"""tests/core once more, inside Pyodide in Node: the interpreter must behave the same there.

The test files are copied into Pyodide's file system and run by the pytest wheel from the
offline dist, against the installed pyio wheel (not the source tree).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent.parent / "core"
# modules Pyodide's dist does not ship: files needing them run on CPython only
# (the fuzz harness lives in the repository, not in the wheel)
UNAVAILABLE = ("hypothesis", "fuzz")


def _core_files() -> list[str]:
    """Paths of the test modules that can run in Pyodide."""
    files = []
    for path in sorted(CORE.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        if any(f"import {mod}" in text or f"from {mod}" in text for mod in UNAVAILABLE):
            continue
        files.append(str(path))
    return files


@pytest.mark.timeout(1800)
@pytest.mark.driver_timeout(1800)
def test_core_suite_in_pyodide(selenium):
    if selenium.browser != "node":
        pytest.skip("the core suite runs in Node; Chromium runs the browser-only tests")
    # the Node runner waits for a script's end with pexpect's own default timeout
    selenium.p.timeout = 1800
    selenium.load_package(["pyio", "pytest"])
    # Node reads the test files from disk straight into Pyodide's file system
    selenium.run_js(
        f"""
        const fs = await import("fs");
        pyodide.FS.mkdirTree("/tmp/core");
        for (const path of {json.dumps(_core_files())}) {{
            const name = path.split("/").pop();
            pyodide.FS.writeFile("/tmp/core/" + name, fs.readFileSync(path, "utf8"));
        }}
        """
    )
    result = selenium.run(
        """
import contextlib, io, json, pytest
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = pytest.main(["-q", "-p", "no:cacheprovider", "/tmp/core"])
json.dumps([int(code), out.getvalue()])
"""
    )
    code, output = json.loads(result)
    log = Path(__file__).resolve().parent.parent.parent / "build" / "core-in-pyodide.log"
    log.parent.mkdir(exist_ok=True)
    log.write_text(output, encoding="utf-8")
    summary = output.strip().splitlines()[-1] if output.strip() else ""
    print(f"tests/core in Pyodide: {summary} (full output: {log})")
    problems = [line for line in output.splitlines() if line.startswith(("FAILED", "ERROR"))]
    assert code == 0, "\n".join(problems[:50]) + f"\n...\nfull output: {log}"
    assert " passed" in summary

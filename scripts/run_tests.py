#!/usr/bin/env python3
"""Run every check of `make test`, keep going after a failure, report all.

Steps: ruff; CPython pytest (tests/ minus tests/pyodide); pytest-pyodide in
node; pytest-pyodide in headless Chromium.  Prints each pytest summary line
and a total line, exits 1 if any step failed.

pytest's exit code 5 ("no tests collected") is not a failure here: early on a
folder may hold no tests yet.  Any other non-zero code is a failure.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DIST = ROOT / "build" / "pyodide"

SUMMARY = re.compile(r"^=+ (.*(passed|failed|error|skipped|no tests ran|deselected).*) =+$")
COUNT = re.compile(r"(\d+) (passed|failed|errors?|skipped|xfailed|xpassed)")


def steps() -> list[tuple[str, list[str]]]:
    pytest = [str(BIN / "pytest"), "-p", "no:cacheprovider"]
    pyodide = [*pytest, "tests/pyodide", f"--dist-dir={DIST}"]
    return [
        ("ruff", [str(BIN / "ruff"), "check", "."]),
        ("pytest (CPython)", [*pytest, "tests", "--ignore=tests/pyodide"]),
        ("pytest-pyodide (node)", [*pyodide, "--runtime=node-no-host"]),
        ("pytest-pyodide (chrome)", [*pyodide, "--runtime=chrome-no-host"]),
    ]


def main() -> int:
    os.chdir(ROOT)
    os.environ.setdefault("SE_OFFLINE", "true")
    only = sys.argv[1:]
    results, totals = [], {"passed": 0, "failed": 0, "skipped": 0}
    for name, cmd in steps():
        if only and not any(o in name for o in only):
            continue
        print(f"\n===== {name}: {' '.join(cmd)}", flush=True)
        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        summary = ""
        assert proc.stdout is not None
        for line in proc.stdout:
            sys.stdout.write(line)
            m = SUMMARY.match(line.strip())
            if m:
                summary = m.group(1)
        rc = proc.wait()
        dt = time.monotonic() - t0
        ok = rc == 0 or (rc == 5 and name.startswith("pytest"))
        for n, kind in COUNT.findall(summary):
            kind = "failed" if kind.startswith("error") else kind
            if kind in totals:
                totals[kind] += int(n)
        if not ok and not summary:
            totals["failed"] += 1  # a step that failed without a pytest summary (e.g. ruff)
        note = " (no tests collected)" if rc == 5 else ""
        results.append((name, ok, f"{summary or ('ok' if ok else 'FAILED')}{note} [rc={rc}, {dt:.0f}s]"))

    print("\n===== make test summary")
    for name, ok, text in results:
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {text}")
    failed = [n for n, ok, _ in results if not ok]
    print(f"total: {totals['passed']} passed, {totals['failed']} failed, {totals['skipped']} skipped")
    if failed:
        print("FAILED steps: " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

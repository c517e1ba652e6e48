"""pyio in Pyodide (in Node) against pyio on CPython: the second table of `make bench`.

The browser IDE runs pyio in Pyodide, so that is the speed users feel. bench/pyodide_bench.mjs
runs bench/run.py's own measure() inside the offline Pyodide of build/pyodide; its JSON lines
are read here as they come and set beside this process's CPython numbers. Plain Python in
Pyodide is timed too, so the table shows how much of the gap is Pyodide itself.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from bench.run import UPSTREAM_RATIO, geomean

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "build" / "pyodide"
SCRIPT = Path(__file__).with_name("pyodide_bench.mjs")
TARGET = 2.0  # issue 4: pyio in Pyodide within 2x of pyio on CPython


def _stale_wheel_note() -> str:
    """A warning when build/pyodide holds a pyio wheel older than the sources it measures."""
    wheels = list(DIST.glob("pyio-*.whl"))
    sources = [p for d in ("pyio_core", "bridge") for p in (ROOT / d).rglob("*.py")]
    if wheels and sources and max(p.stat().st_mtime for p in sources) > wheels[0].stat().st_mtime:
        return "note: build/pyodide is older than pyio_core/ — run `make dist` to measure this code"
    return ""


def compare(cpython: dict, quick: bool, repeat: int) -> tuple[dict, bool]:
    """Run the benchmarks in Pyodide, print them beside ``cpython`` (run.py's results).

    Returns the Pyodide results (for --json) and whether anything failed.
    """
    node = shutil.which("node")
    if node is None or not (DIST / "pyodide-lock.json").is_file():
        print("Pyodide: needs node and build/pyodide — run `make dist` (or `make bench`)")
        return {}, True
    cmd = [node, str(SCRIPT), "--repeat", str(repeat), "--dist", str(DIST)]
    results: dict = {"cases": {}}
    pyio_ratios, py_ratios, core_in_pyodide = [], [], []
    failed = False
    with subprocess.Popen([*cmd, *(["--quick"] if quick else [])], stdout=subprocess.PIPE,
                          text=True) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if not line.startswith("{"):  # anything else Pyodide says passes through
                print(line, end="")
                continue
            rec = json.loads(line)
            event = rec["event"]
            if event == "pyodide":
                results["boot"] = rec
                print(f"pyio in Pyodide {rec['version']} on Node {rec['node']}, "
                      f"against pyio on CPython; best of {repeat}")
                print(f"Pyodide start-up (not in the times below): runtime "
                      f"{rec['boot_ms']:,.0f} ms, pyio wheel {rec['packages_ms']:,.0f} ms, "
                      f"import pyio_core {rec['import_ms']:,.0f} ms")
                note = _stale_wheel_note()
                if note:
                    print(note)
            elif event == "python":
                results["python"] = rec["version"]
            elif event == "startup":
                results["startup_ms"] = rec["ms"]
                print(f"start-up to Lobby ready: {cpython['startup_ms']:.1f} ms CPython, "
                      f"{rec['ms']:.1f} ms Pyodide ({rec['ms'] / cpython['startup_ms']:.1f}x)")
            elif event == "parse":
                results["parse_lines_per_s"] = rate = rec["lines_per_s"]
                base = cpython["parse_lines_per_s"]
                print(f"parse: {base:,.0f} lines/s CPython, {rate:,.0f} lines/s Pyodide "
                      f"({base / rate:.1f}x the time)")
                print()
                print(f"{'':<20}{'pyio (Io program)':^25}    {'Python (same program)':^25}".rstrip())
                print(f"{'program':<10}{'N':>10}"
                      + "    ".join([f"{'CPython':>9}{'Pyodide':>9}{'ratio':>7}"] * 2))
            else:
                name = rec["name"]
                base = cpython["cases"][name]
                pyio_ratio, py_ratio = rec["pyio"] / base["pyio"], rec["python"] / base["python"]
                pyio_ratios.append(pyio_ratio)
                py_ratios.append(py_ratio)
                if name in UPSTREAM_RATIO:
                    core_in_pyodide.append(rec["pyio"] / rec["python"])
                ok = rec["pyio_out"] == rec["python_out"] == base["output"]
                failed |= not ok
                print(f"{name:<10}{rec['n']:>10,}"
                      f"{base['pyio']:>9.3f}{rec['pyio']:>9.3f}{pyio_ratio:>6.1f}x    "
                      f"{base['python']:>9.3f}{rec['python']:>9.3f}{py_ratio:>6.1f}x"
                      + ("" if ok else f"   OUTPUT DIFFERS: {rec['pyio_out']!r} in Pyodide"),
                      flush=True)
                results["cases"][name] = {"n": rec["n"], "pyio": rec["pyio"],
                                          "python": rec["python"], "pyio_ratio": pyio_ratio,
                                          "python_ratio": py_ratio, "same_output": ok}
    if proc.returncode:
        print(f"Pyodide run failed (node exited with {proc.returncode}): {' '.join(cmd)}")
        return results, True
    results["pyio_geomean"], results["python_geomean"] = geomean(pyio_ratios), geomean(py_ratios)
    print(f"\ngeometric mean Pyodide/CPython: pyio {results['pyio_geomean']:.1f}x "
          f"(target ≤ {TARGET:.0f}x), plain Python {results['python_geomean']:.1f}x")
    print(f"in Pyodide, pyio/Python over the four core programs: {geomean(core_in_pyodide):.1f}x "
          f"(on CPython: {cpython['geomean']:.1f}x)")
    return results, failed

"""`make bench` in its quick mode: every benchmark program runs on CPython and in Pyodide in
Node, and pyio's output equals the Python program's in both (no timings are asserted)."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "build" / "pyodide"
sys.path.insert(0, str(ROOT))

from bench.run import CASES  # noqa: E402


@pytest.mark.skipif(not (DIST / "pyodide-lock.json").exists() or not shutil.which("node"),
                    reason="needs node and build/pyodide (`make dist`)")
def test_quick_bench_runs_everywhere_with_equal_outputs(tmp_path):
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, "bench/run.py", "--quick", "--repeat", "1", "--pyodide", "--json",
         str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "OUTPUT DIFFERS" not in proc.stdout
    results = json.loads(out.read_text())
    names = [name for name, _, _ in CASES]
    for where in (results, results["pyodide"]):
        assert list(where["cases"]) == names
        assert all(case["same_output"] for case in where["cases"].values())
    assert results["pyodide"]["python"].startswith("CPython 3.")  # Pyodide's own CPython
    assert results["pyodide"]["boot"]["packages"] == ["pyio"]  # no dependencies (no lark)
    assert "pyio in Pyodide" in proc.stdout and "geometric mean Pyodide/CPython" in proc.stdout

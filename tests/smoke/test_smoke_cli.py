"""Smoke tests of the installed project (CPython, .venv)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "build" / "pyodide"


def test_import():
    import pyio_core

    assert pyio_core.__name__ == "pyio_core"


def test_cli_evaluates_expression():
    pyio = Path(sys.executable).parent / "pyio"
    out = subprocess.run(
        [str(pyio), "-e", "writeln(1+2)"], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout == "3\n"


@pytest.mark.skipif(not (DIST / "pyodide-lock.json").exists(), reason="run `make dist` first")
def test_dist_lock_is_offline_and_complete():
    lock = json.loads((DIST / "pyodide-lock.json").read_text())
    pkgs = lock["packages"]
    assert "lark" in pkgs["pyio"]["depends"]
    assert "pyio_core" in pkgs["pyio"]["imports"]
    for name, pkg in pkgs.items():
        # every listed package is shipped, so Pyodide never falls back to a CDN
        assert (DIST / pkg["file_name"]).is_file(), name
        for dep in pkg["depends"]:
            assert dep in pkgs, f"{name} -> {dep}"

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


# Runs pyio with `import lark` failing, as where lark is not installed: every module of
# pyio_core must import (gen_tables and reference import lark only when called) and a
# program, a parse error report included, must run.
_WITHOUT_LARK = """
import importlib, pkgutil, sys

class NoLark:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] == "lark":
            raise ModuleNotFoundError(f"No module named {name!r} (blocked by the test)")

sys.meta_path.insert(0, NoLark())
import pyio_core
for mod in pkgutil.walk_packages(pyio_core.__path__, "pyio_core."):
    importlib.import_module(mod.name)
from pyio_core.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("code, status, out", [
    ("list(3, 4) map(x, x * x) println", 0, "list(9, 16)\n"),
    ("x := (1 +", 1, '"unmatched ()s" on line 1 character 6'),
])
def test_pyio_runs_without_lark(code, status, out):
    proc = subprocess.run([sys.executable, "-c", _WITHOUT_LARK, "-e", code],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == status, proc.stderr
    assert out in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.skipif(not (DIST / "pyodide-lock.json").exists(), reason="run `make dist` first")
def test_dist_lock_is_offline_and_complete():
    lock = json.loads((DIST / "pyodide-lock.json").read_text())
    pkgs = lock["packages"]
    assert pkgs["pyio"]["depends"] == [] and "lark" not in pkgs  # pyio runs without lark
    assert "pyio_core" in pkgs["pyio"]["imports"]
    for name, pkg in pkgs.items():
        # every listed package is shipped, so Pyodide never falls back to a CDN
        assert (DIST / pkg["file_name"]).is_file(), name
        for dep in pkg["depends"]:
            assert dep in pkgs, f"{name} -> {dep}"

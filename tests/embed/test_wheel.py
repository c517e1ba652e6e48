"""The pyio wheel: pure Python, installable with micropip in a bare Pyodide (Node) and
with pip on CPython, where it gives the `pyio` command and the pytest plugin."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from embed_examples import DIST, ROOT, write_examples


def wheel(name: str) -> Path:
    found = sorted(DIST.glob(f"{name}-*-py3-none-any.whl"))
    if not found:
        pytest.skip("run `make dist` first")
    return found[-1]


def test_wheel_is_pure_python_with_entry_points():
    whl = wheel("pyio")
    with zipfile.ZipFile(whl) as z:
        names = z.namelist()
        entry_points = next(z.read(n).decode() for n in names if n.endswith("entry_points.txt"))
        tag = next(z.read(n).decode() for n in names if n.endswith(".dist-info/WHEEL"))
    assert "Root-Is-Purelib: true" in tag and "Tag: py3-none-any" in tag
    for path in ("bridge/embed.py", "pyio_core/pytest_plugin.py", "bridge/glue.js",
                 "pyio_core/prelude/Object.io"):
        assert path in names
    assert not [n for n in names if n.endswith((".so", ".pyd", ".pyc"))]
    assert "[pytest11]\npyio = pyio_core.pytest_plugin" in entry_points
    assert "[console_scripts]\npyio = pyio_core.cli:main" in entry_points


@pytest.mark.skipif(not shutil.which("node"), reason="needs node")
def test_micropip_installs_the_wheel_in_a_bare_pyodide(tmp_path):
    runtime = ROOT / "node_modules" / "pyodide"
    if not (runtime / "pyodide.mjs").exists():
        pytest.skip("needs the npm pyodide package (`make setup`)")
    write_examples(tmp_path, "micropip.py")
    proc = subprocess.run(
        ["node", str(Path(__file__).with_name("micropip_node.mjs")), str(runtime),
         str(wheel("micropip")), str(wheel("pyio")),
         str(tmp_path / "micropip.py")],
        capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and proc.stdout.strip().endswith("ok"), proc.stdout + proc.stderr


def test_pip_install_gives_the_cli(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    pip = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-index",
         "--disable-pip-version-check", "--find-links", str(DIST), str(wheel("pyio"))],
        capture_output=True, text=True, timeout=300)
    assert pip.returncode == 0, pip.stderr
    out = subprocess.run([str(venv / "bin" / "pyio"), "-e", "writeln(6 * 7)"],
                         capture_output=True, text=True, timeout=60)
    assert (out.returncode, out.stdout) == (0, "42\n"), out.stderr
    # pyio has no dependencies: lark (only for regenerating the parser tables) stays out
    lark = subprocess.run([str(venv / "bin" / "python"), "-c", "import lark"],
                          capture_output=True, text=True, timeout=60)
    assert lark.returncode != 0 and "No module named 'lark'" in lark.stderr

"""pyio's pytest plugin (pyio_core/pytest_plugin.py): the fixtures themselves, and the
examples of docs/embedding.md run by a separate pytest that finds the plugin through its
entry point alone (no conftest)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from importlib.metadata import entry_points

import pytest
from embed_examples import DIST, write_examples

from pyio_core import IoUncaught
from bridge.embed import Session


def test_registered_as_a_pytest11_entry_point():
    (ep,) = [e for e in entry_points(group="pytest11") if e.name == "pyio"]
    assert ep.value == "pyio_core.pytest_plugin"


def test_io_keeps_its_lobby_between_calls(io):
    assert io.run("Point := Object clone do(x := 1; y := 2)") == ""
    assert io.run("writeln(Point x + Point y)") == "3\n"
    assert io.eval("Point y * 10") == 20.0
    assert io.eval('"abc" asUppercase') == "ABC"


def test_io_error_returns_the_report(io):
    report = io.error("list(1, 2) at(\"a\")")
    assert "argument 0 to method 'at' must be a Number, not a 'Sequence'" in report


def test_io_error_fails_when_nothing_is_raised(io):
    with pytest.raises(pytest.fail.Exception, match="raised no error"):
        io.error("1 + 1")


def test_uncaught_error_raises_with_the_report(io):
    with pytest.raises(IoUncaught, match="does not respond to 'zork'"):
        io.run("writeln(1); zork", "mine.io")
    assert io.host.output == "1\n"


def test_io_run_file(io, tmp_path):
    path = tmp_path / "hello.io"
    path.write_text('hello := method(n, "hi " .. n)\nhello("file") println\n')
    assert io.run_file(path) == "hi file\n"
    assert "hello.io 1" in io.error("Object fails; nil", str(path))


def test_run_io_is_fresh_each_call(run_io):
    assert run_io("q := 5; q println") == "5\n"
    assert run_io('hasSlot("q") println') == "false\n"


async def _run(session: Session, code: str, label: str = "<script>"):
    return await session.run(code, label)


def test_session_without_js_has_no_bridge_and_shares_a_lobby():
    import asyncio

    printed: list[str] = []
    session = Session(printed.append)
    assert session.bridge is None
    assert asyncio.run(_run(session, "n := 2; writeln(n)")) is None
    report = asyncio.run(_run(session, "writeln(n * 21); boom", "two.io"))
    assert "".join(printed) == "2\n42\n"
    assert "Object does not respond to 'boom'" in report and "two.io" in report


def run_pytest(folder, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=folder, capture_output=True, text=True, timeout=600)


def test_documented_fixture_examples(tmp_path):
    write_examples(tmp_path, "test_greeter.py")
    proc = run_pytest(tmp_path, "test_greeter.py")
    assert proc.returncode == 0 and "3 passed" in proc.stdout, proc.stdout + proc.stderr


def test_documented_pyodide_example(tmp_path):
    if not (DIST / "pyodide-lock.json").exists() or not shutil.which("node"):
        pytest.skip("needs node and `make dist`")
    write_examples(tmp_path, "test_in_pyodide.py")
    proc = run_pytest(tmp_path, "test_in_pyodide.py", f"--dist-dir={DIST}", "--runtime=node")
    assert proc.returncode == 0 and "1 passed" in proc.stdout, proc.stdout + proc.stderr

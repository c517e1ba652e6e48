"""The ``pyio`` command as a user runs it: files, -e, exit statuses, the REPL, Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

# the CLI runs as a separate process: there are no processes in Pyodide
pytestmark = pytest.mark.skipif(sys.platform == "emscripten", reason="no subprocesses")

PYIO = str(Path(sys.executable).parent / "pyio")


def pyio(*args: str, stdin: str = "", cwd: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([PYIO, *args], input=stdin, capture_output=True, text=True,
                          timeout=60, cwd=cwd)


def test_e_runs_code_without_echo():
    r = pyio("-e", "1 + 1")
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")


def test_e_joins_arguments_and_sets_args():
    r = pyio("-e", "System args println;", "writeln(2)")
    assert r.stdout == 'list("-e", "System args println;", "writeln(2)")\n2\n'


def test_file_with_args(tmp_path):
    script = tmp_path / "prog.io"
    script.write_text('System args println\nSystem launchScript println\n'
                      'System launchPath println\n')
    r = pyio(str(script), "a", "b c")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [f'list("{script}", "a", "b c")', str(script),
                                     str(tmp_path)]


def test_uncaught_exception_goes_to_stderr_with_status_1(tmp_path):
    script = tmp_path / "bad.io"
    script.write_text('"before" println\nfoo bar\n"after" println\n')
    r = pyio(str(script))
    assert r.returncode == 1
    assert r.stdout == "before\n"
    assert "Exception: Object does not respond to 'foo'" in r.stderr


def test_syntax_error_status_1():
    r = pyio("-e", "a := (1 + 2")
    assert r.returncode == 1
    assert 'compile error: "unmatched ()s"' in r.stderr or "unmatched ()s" in r.stderr


def test_system_exit_status(tmp_path):
    script = tmp_path / "exit.io"
    script.write_text('"x" println\nSystem exit(3)\n"not reached" println\n')
    r = pyio(str(script))
    assert (r.returncode, r.stdout) == (3, "x\n")


def test_system_exit_defaults_to_zero():
    assert pyio("-e", "System exit; foo").returncode == 0


def test_missing_file():
    r = pyio("/nonexistent/nothing.io")
    assert r.returncode == 1
    assert "unable to read file '/nonexistent/nothing.io'" in r.stderr


def test_version_and_help():
    assert "20260302" in pyio("--version").stdout
    assert "usage: pyio" in pyio("-h").stdout


def test_repl_echo_and_prompts():
    r = pyio(stdin='1+1\n"hi" println\nnil\n')
    assert r.returncode == 0
    assert r.stdout == "Io 20260302\nIo> ==> 2\nIo> hi\nIo> Io> \n"


def test_repl_error_and_continue():
    r = pyio(stdin="foo\n3\n")
    assert "Exception: Object does not respond to 'foo'" in r.stdout
    assert r.stdout.endswith("Io> ==> 3\nIo> \n")


def test_repl_continuation_lines():
    r = pyio(stdin="x := (1 +\n2)\nx\n")
    assert r.stdout == "Io 20260302\nIo> ... ==> 3\nIo> ==> 3\nIo> \n"


def test_repl_unfinished_string_and_comment():
    r = pyio(stdin='"""a\nb"""\n/* c\nd */ 5\n')
    assert r.stdout == 'Io 20260302\nIo> ... ==> a\nb\nIo> ... ==> 5\nIo> \n'


def test_repl_empty_continuation_line_reports_the_error():
    r = pyio(stdin="(1 +\n\n7\n")
    assert "unmatched ()s" in r.stdout
    assert r.stdout.endswith("Io> ==> 7\nIo> \n")


def test_repl_exit():
    r = pyio(stdin="1\nexit\n2\n")
    assert r.returncode == 0
    assert r.stdout == "Io 20260302\nIo> ==> 1\nIo> "


def test_repl_system_exit_status():
    assert pyio(stdin="System exit(4)\n").returncode == 4


def test_dash_i_loads_files_then_repl(tmp_path):
    lib = tmp_path / "lib.io"
    lib.write_text("double := method(x, x * 2)\n")
    r = pyio("-i", str(lib), stdin="double(21)\n")
    assert r.stdout.endswith("Io> ==> 42\nIo> \n")


def _start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([PYIO, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _wait_for(proc: subprocess.Popen, seconds: float = 1.0) -> None:
    time.sleep(seconds)
    assert proc.poll() is None


@pytest.mark.skipif(os.name != "posix", reason="needs SIGINT")
def test_ctrl_c_stops_a_running_program():
    p = _start("-e", "loop(1 + 1)")
    _wait_for(p)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=20)
    assert p.returncode == 130
    assert "Interrupted" in err


@pytest.mark.skipif(os.name != "posix", reason="needs SIGINT")
def test_ctrl_c_stops_a_sleeping_program():
    p = _start("-e", 'System sleep(60); "late" println')
    _wait_for(p)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=20)
    assert (p.returncode, out) == (130, "")


@pytest.mark.skipif(os.name != "posix", reason="needs SIGINT")
def test_ctrl_c_returns_to_the_repl():
    p = _start()
    p.stdin.write("loop(1 + 1)\n")
    p.stdin.flush()
    _wait_for(p)
    p.send_signal(signal.SIGINT)
    time.sleep(0.5)
    out, err = p.communicate("2 + 2\n", timeout=20)
    assert p.returncode == 0
    assert "Interrupted" in out
    assert out.endswith("Io> ==> 4\nIo> \n")


def test_repl_underscore_is_the_last_result():
    r = pyio(stdin="1+1\n_ + 1\n")
    assert r.stdout == "Io 20260302\nIo> ==> 2\nIo> ==> 3\nIo> \n"


def test_repl_result_whose_as_string_fails():
    r = pyio(stdin='o := Object clone do(asString := method(Exception raise("bad")))\n1\n')
    assert "==> <exception while displaying result>\n" in r.stdout
    assert "Exception: bad" in r.stdout
    assert r.stdout.endswith("Io> ==> 1\nIo> \n")

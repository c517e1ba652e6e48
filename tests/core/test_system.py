"""System, Collector and the Importer, as Io code sees them."""

from __future__ import annotations

import os
import sys
import time

import pytest

from pyio_core import CaptureHost, Interpreter, IoUncaught
from pyio_core.errors import IoExit


def run(code: str) -> str:
    host = CaptureHost()
    Interpreter(host=host).do_string(code)
    return host.output


def test_defaults_without_a_script():
    assert run("System args println; System launchScript println") == "list()\nnil\n"
    assert run("System launchPath println") == os.getcwd() + "\n"


def test_version_platform_pid():
    assert run("System version println") == "20260302\n"
    assert run("System platform type println") == "Sequence\n"
    assert run("System thisProcessPid println") == f"{os.getpid()}\n"
    assert run("(System activeCpus > 0) println") == "true\n"


def test_environment(monkeypatch):
    monkeypatch.setenv("PYIO_TEST_VAR", "hello")
    assert run('System getEnvironmentVariable("PYIO_TEST_VAR") println') == "hello\n"
    assert run('System getEnvironmentVariable("PYIO_NO_SUCH_VAR") println') == "nil\n"
    run('System setEnvironmentVariable("PYIO_TEST_VAR", "set")')
    assert os.environ["PYIO_TEST_VAR"] == "set"


@pytest.mark.parametrize("code, status", [("System exit", 0), ("System exit(3)", 3),
                                          ("System exit(2.7)", 2)])
def test_exit(code, status):
    with pytest.raises(IoExit) as e:
        Interpreter(host=CaptureHost()).do_string(code + '; "not reached" println')
    assert e.value.code == status


def test_exit_needs_a_number():
    with pytest.raises(IoUncaught) as e:
        Interpreter(host=CaptureHost()).do_string('System exit("x")')
    assert "argument 0 to method 'exit' must be a Number, not a 'Sequence'" in e.value.report


def test_sleep_waits_and_returns_system():
    start = time.monotonic()
    assert run("(System sleep(0.2) == System) println") == "true\n"
    assert time.monotonic() - start >= 0.19


@pytest.mark.skipif(sys.platform == "emscripten", reason="no processes in the browser")
def test_system_runs_a_shell_command():
    assert run('System system("exit 3") println') == "3\n"


@pytest.mark.skipif(sys.platform == "emscripten", reason="no processes in the browser")
def test_run_command():
    assert run('r := System runCommand("echo hi; echo err >&2; exit 1")\n'
               "r exitStatus println; r stdout print; r stderr print; r failed println") == (
        "1\nhi\nerr\ntrue\n")


def test_get_options():
    assert run('o := System getOptions(list("--a=1", "--b", "x"))\n'
               'o at("a") println; o at("b") println; o at("") println') == (
        '1\n\nlist("x")\n')


def test_is_launch_script():
    assert run("isLaunchScript println") == "false\n"
    assert run('System launchScript = "<string>"; isLaunchScript println') == "true\n"


def test_collector_collect():
    assert run("Collector collect type println") == "Number\n"


# -- Importer ------------------------------------------------------------------------------
def test_unknown_names_still_fail():
    assert run("try(foo) error println; try(1 bar) error println") == (
        "Object does not respond to 'foo'\nNumber does not respond to 'bar'\n")
    assert run("try(NoSuchProto) error println") == (
        "Object does not respond to 'NoSuchProto'\n")


def test_imports_from_the_current_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "Greeter.io").write_text(
        'Greeter := Object clone do(hi := method("hi from Greeter" println))\n')
    assert run("Greeter hi; Greeter hi") == "hi from Greeter\nhi from Greeter\n"


def test_add_search_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "Thing.io").write_text('Thing := "a thing"\n')
    assert run("try(Thing) error println\n"
               'Importer addSearchPath("lib")\n'
               "Thing println") == "Object does not respond to 'Thing'\na thing\n"


def test_file_that_does_not_define_the_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "Oops.io").write_text("other := 1\n")
    assert run("try(Oops) error println") == "Importer slot 'Oops' missing after file load\n"


def test_turn_off(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "Late.io").write_text("Late := 2\n")
    # without the Importer, the evaluator's own (upstream's) wording
    assert run("Importer turnOff; try(Late) error println; Importer turnOn; Late println") == (
        "'Object' does not respond to message 'Late'\n2\n")

"""UnitTest, TestRunner and the collectors: what a test author sees printed."""

from __future__ import annotations

import re

import pytest

from pyio_core import CaptureHost, Interpreter
from pyio_core.errors import IoExit

RULE = "-" * 70


def run(code: str) -> str:
    host = CaptureHost()
    Interpreter(host=host).do_string(code)
    return host.output


def failure(body: str) -> str:
    """The exception text a single failing test reports."""
    out = run("T := UnitTest clone do(testIt := method(" + body + "))\n"
              "e := TestRunner clone run(T prepare) first last error println")
    return out.split("\n")[-2]


def without_times(text: str) -> str:
    return re.sub(r"in [0-9.]+s", "in Xs", text)


def test_passing_case_prints_dots_and_ok():
    out = run("FooTest := UnitTest clone do(\n"
              "  testA := method(assertEquals(1, 1))\n"
              "  testB := method(assertTrue(true))\n"
              ")\n"
              "FooTest run size println")
    assert without_times(out) == (
        "..\n" + RULE + "\nRan 2 tests in Xs\n\n" + "OK" + "FooTest".rjust(68) + "\n\n0\n"
    )


def test_failing_case_report():
    out = run("FooTest := UnitTest clone do(\n"
              "  testOk := method(assertEquals(1, 1))\n"
              "  testBad := method(assertEquals(1 + 1, 3))\n"
              ")\n"
              "FooTest run size println")
    lines = without_times(out).split("\n")
    assert lines[0] == ".E"
    assert lines[1] == "=" * 70
    assert lines[2] == "FAIL: FooTest testBad"
    assert lines[3] == RULE
    assert lines[5] == "  Exception: `1 +(1) != 3` --> `2 != 3`"
    tail = "\n".join(lines[-7:])
    assert tail == (RULE + "\nRan 2 tests in Xs\n\n"
                    + "FAILED (failures 1)" + "FooTest".rjust(51) + "\n\n1\n")


def test_single_test_says_test():
    out = run("T := UnitTest clone do(testA := method(nil)); T run")
    assert "Ran 1 test in" in out


def test_tests_run_in_source_order_with_setup_and_teardown():
    out = run("T := UnitTest clone do(\n"
              "  setUp := method(write(\"<\"))\n"
              "  tearDown := method(write(\">\"))\n"
              "  testZ := method(write(\"z\"))\n"
              "  testA := method(write(\"a\"))\n"
              "  helper := method(write(\"never\"))\n"
              ")\n"
              "T testSlotNames println\n"
              "T run")
    assert out.startswith('list("testZ", "testA")\n<z.><a.>\n')


def test_line_wraps_every_70_marks():
    tests = "\n".join(f"  test{i} := method(nil)" for i in range(71))
    out = run("T := UnitTest clone do(\n" + tests + "\n)\nT run")
    assert out.startswith("." * 70 + "\n.\n")


def test_assert_messages():
    assert failure("assertEquals(1, 2)") == "`1 != 2` --> `1 != 2`"
    # upstream's List asSimpleString quotes the items
    assert failure('assertEquals("a", list(1))') == '`"a" != list(1)` --> `"a" != list("1")`'
    assert failure("assertNotEquals(3, 3)") == "`3 == 3` --> `3 == 3`"
    assert failure("assertTrue(1 == 2)") == "`1 ==(2) != nil` --> `false != true`"
    assert failure("assertFalse(nil)") == "`nil != nil` --> `nil != false`"
    assert failure("assertNil(5)") == "`5 != nil` --> `5 != nil`"
    assert failure("assertNotNil(nil)") == "`nil == nil` --> `nil == nil`"
    assert failure("assertRaisesException(1 + 1)") == (
        "`1 +(1)` should have raised Exception")
    assert failure("knownBug(a b)") == "`a b` is a known bug"
    assert failure('fail("boom")') == "boom"
    assert failure("fail") == "fail"
    assert failure("assertEqualsWithinDelta(1, 2, 0.5)") == (
        "1 expected, but was 2 (allowed delta: 0.5)")


def test_assertions_that_pass():
    out = run("T := UnitTest clone do(testA := method(\n"
              "  assertEquals(list(1, 2), list(1, 2))\n"
              "  assertNotEquals(1, 2)\n"
              "  o := Object clone\n"
              "  assertSame(o, o)\n"
              "  assertNotSame(o, Object clone)\n"
              "  assertNil(nil); assertNotNil(0)\n"
              "  assertTrue(true); assertFalse(false)\n"
              "  assertRaisesException(Exception raise(\"x\"))\n"
              "  assertEqualsWithinDelta(1, 1.1, 0.2)\n"
              "))\nT run size println")
    assert out.endswith("\n0\n") and out.startswith(".\n")


def test_errors_and_stop_statuses_in_tests():
    out = run("T := UnitTest clone do(\n"
              "  testErr := method(nosuchthing)\n"
              "  testReturn := method(return 1; fail)\n"
              ")\nT run size println")
    assert "Exception: T does not respond to 'nosuchthing'" in out
    assert out.endswith("\n1\n")


def test_file_collector_collects_unit_tests_in_the_lobby():
    out = run("ATest := UnitTest clone do(testX := method(nil))\n"
              "BTest := UnitTest clone do(testY := method(nil); testZ := method(nil))\n"
              "NotATest := Object clone do(testQ := method(nil))\n"
              "c := FileCollector prepare\n"
              "c keys sort println\n"
              "c at(\"BTest\") println")
    assert out == 'list("ATest", "BTest")\nlist("testY", "testZ")\n'


def test_runner_name_with_several_cases_is_the_script_name():
    out = run('System launchScript = "/x/run.io"\n'
              "ATest := UnitTest clone do(testX := method(nil))\n"
              "BTest := UnitTest clone do(testY := method(fail))\n"
              "FileCollector run")
    assert ("FAILED (failures 1)" + "run".rjust(51)) in out


def test_directory_collector_loads_test_files(tmp_path):
    (tmp_path / "OneTest.io").write_text("OneTest := UnitTest clone do(testA := method(nil))\n")
    (tmp_path / "Helper.io").write_text("Helper := 1\n")
    out = run(f'r := DirectoryCollector with("{tmp_path}") run\n'
              "r size println\n"
              "Lobby hasSlot(\"Helper\") println")
    assert out.startswith(".\n")
    assert "OK" in out and out.endswith("0\nfalse\n")


def test_test_suite_is_the_old_name_of_directory_collector():
    assert run("(TestSuite == DirectoryCollector) println") == "true\n"


def test_run_exit_status_protocol():
    it = Interpreter(host=CaptureHost())
    with pytest.raises(IoExit) as e:
        it.do_string("T := UnitTest clone do(testA := method(fail); testB := method(fail))\n"
                     "System exit(FileCollector run size)")
    assert e.value.code == 2


def test_runner_name_without_a_script():
    out = run("ATest := UnitTest clone do(testX := method(nil))\n"
              "BTest := UnitTest clone do(testY := method(nil))\n"
              "FileCollector run")
    assert out.endswith("\nOK" + " " * 68 + "\n\n")

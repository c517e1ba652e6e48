"""Reliability as a user meets it: every limit ends a runaway program with a clean Io error,
an interrupt always stops a program, a pyio bug surfaces as an Io exception with the Python
details at hand, and every finding of the fuzzer (fuzz/run.py) stays fixed.
docs/reliability.md quotes the texts checked here."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pyio_core import CaptureHost, Interpreter, IoUncaught
from pyio_core.errors import IoInterrupt
from pyio_core.eval.machine import MORE
from pyio_core.registry import EAGER

from fuzz.harness import Budget, run_program


def run(code: str, **limits) -> tuple[str, str]:
    """(printed output, report of the uncaught exception or "")."""
    h = CaptureHost()
    it = Interpreter(host=h, **limits)
    try:
        it.do_string(code, "t.io")
    except IoUncaught as e:
        return h.output, e.report
    return h.output, ""


def out(code: str, **limits) -> str:
    printed, report = run(code, **limits)
    assert report == ""
    return printed


def report(code: str, **limits) -> str:
    printed, text = run(code, **limits)
    assert text, f"expected an uncaught exception, got output {printed!r}"
    return text


# -- recursion depth ---------------------------------------------------------------------
def test_runaway_recursion_is_a_stack_overflow_error():
    r = report("f := method(n, f(n + 1)); f(0)", max_depth=500)
    assert r.startswith("\n  Exception: Stack overflow: more than 500 nested calls "
                        "(System setMaxRecursionDepth changes the limit)\n  ---------\n")


def test_the_default_recursion_limit_is_200000():
    assert out("System maxRecursionDepth println") == "200000\n"


def test_set_max_recursion_depth_from_io():
    code = ('System setMaxRecursionDepth(50); f := method(n, if(n == 0, 0, f(n - 1)))\n'
            'f(40) println; e := try(f(60)); e error println; System maxRecursionDepth println')
    assert out(code) == ("0\nStack overflow: more than 50 nested calls "
                         "(System setMaxRecursionDepth changes the limit)\n50\n")


def test_stack_overflow_can_be_caught_and_the_program_goes_on():
    code = 'f := method(f); e := try(f); e error exSlice(0, 14) println; "still here" println'
    assert out(code, max_depth=300) == "Stack overflow\nstill here\n"


def test_a_deep_recursion_within_the_limit_works():
    code = "f := method(n, if(n == 0, 0, 1 + f(n - 1))); f(20000) println"
    assert out(code) == "20000\n"


def test_a_stack_overflow_report_shows_100_frames_and_counts_the_rest():
    r = report("f := method(f); f", max_depth=1000)
    lines = r.strip("\n").split("\n")
    assert lines[-1] == "  ... 901 more frames"
    assert len(lines) == 2 + 100 + 1


@pytest.mark.parametrize("bad", ["0", "-5", "nil", '"deep"', "1/0"])
def test_limits_refuse_nonsense(bad):
    r = report(f"System setMaxRecursionDepth({bad})")
    assert "setMaxRecursionDepth" in r.split("\n")[1]
    assert out("System maxRecursionDepth println") == "200000\n"


# -- output size -------------------------------------------------------------------------
LIMIT_TEXT = ("Output limit reached: more than 20 characters written in one run "
              "(System setMaxOutputSize changes the limit)")


def test_output_is_unlimited_by_default():
    assert out("System maxOutputSize println") == "nil\n"
    assert len(out('10000 repeat("x" repeated(100) print)')) == 1_000_000


def test_output_limit_writes_what_fits_then_raises():
    printed, r = run('loop("hello " print)', max_output=20)
    assert printed == "hello hello hello he"
    assert r == f"\n  Exception: {LIMIT_TEXT}\n  ---------\n  Sequence print                       t.io 1\n\n"


def test_output_limit_from_io_and_nil_lifts_it():
    printed, r = run('System setMaxOutputSize(20); loop("hello " print)')
    assert printed == "hello hello hello he" and LIMIT_TEXT in r
    assert out('System setMaxOutputSize(5); System setMaxOutputSize(nil); "0123456789" print') \
        == "0123456789"


def test_output_limit_cannot_be_dodged_with_try():
    printed, r = run('loop(try("hello " print))', max_output=20)
    assert printed == "hello hello hello he"
    assert r == f"\n  Exception: {LIMIT_TEXT}\n  ---------\n  nothing on stack\n"


def test_output_limit_counts_per_run():
    h = CaptureHost()
    it = Interpreter(host=h, max_output=10)
    for _ in range(3):
        it.do_string('"12345678" print')
    assert h.output == "12345678" * 3


# -- steps -------------------------------------------------------------------------------
STEP_TEXT = ("Step limit reached: more than 100000 steps in one run "
             "(System setMaxSteps changes the limit)")


def test_step_limit_ends_an_endless_loop():
    r = report("loop(nil)", max_steps=100_000)
    assert r == f"\n  Exception: {STEP_TEXT}\n  ---------\n  nothing on stack\n"


def test_step_limit_from_io_cannot_be_caught_forever():
    code = 'System setMaxSteps(100000); i := 0; loop(try(loop(i = i + 1))); "never" println'
    printed, r = run(code)
    assert printed == "" and STEP_TEXT in r


def test_step_limit_is_off_by_default_and_counts_per_run():
    assert out("System maxSteps println") == "nil\n"
    it = Interpreter(host=CaptureHost(), max_steps=50_000)
    for _ in range(3):  # 30,000 steps each: fine, because each run starts afresh
        it.do_string("for(i, 1, 30000, nil)")


# -- memory runaway ----------------------------------------------------------------------
def test_a_self_appending_list_stops_at_the_step_budget_and_interrupt():
    it = Interpreter(host=CaptureHost())
    it.start("l := list(); loop(l append(l))")
    assert it.run_slice(max_steps=20) == MORE
    it.interrupt()
    with pytest.raises(IoInterrupt):
        it.run_slice()
    assert it.do_string("l size") > 0
    assert it.do_string("1 + 1") == 2.0


def test_a_self_appending_list_stops_at_the_step_limit():
    r = report("l := list(); loop(l append(l))", max_steps=200_000)
    assert STEP_TEXT.replace("100000", "200000") in r


def test_a_huge_allocation_is_an_out_of_memory_error():
    code = 'e := try("a" repeated(1e15)); e error println; "alive" println'
    assert out(code) == "Out of memory: a value grew too large for this machine\nalive\n"


def test_a_self_containing_list_prints_without_crashing():
    printed, r = run("l := list(1); l append(l); l println; l asString size println")
    assert r == "" or "Exception" in r


# -- interrupts --------------------------------------------------------------------------
@pytest.mark.parametrize("code", [
    "loop(nil)",
    "f := method(f); loop(try(f))",
    'loop(try(Exception raise("x")))',
    "while(true, doString(\"for(j, 1, 3, j)\"))",
    "loop(e := try(loop(nil)))",
])
def test_interrupt_always_stops_the_program(code):
    it = Interpreter(host=CaptureHost(), max_depth=2000)
    it.start(code)
    it.run_slice(max_steps=30)
    it.interrupt()
    t0 = time.monotonic()
    with pytest.raises(IoInterrupt):
        while it.run_slice(seconds=0.05) == MORE:
            assert time.monotonic() - t0 < 5
    assert it.do_string("40 + 2") == 42.0


def test_doString_in_a_loop_keeps_slices_short():
    """Fuzz finding: each pass compiled a fresh `for` (milliseconds) while the tick budget
    assumed cheap steps, so one slice (and Stop) took seconds."""
    it = Interpreter(host=CaptureHost())
    it.start('while(true, doString("for(j, 1, 10, 2, 1 + 2; if(j > 5, break))"))')
    worst = 0.0
    for _ in range(10):
        t0 = time.monotonic()
        it.run_slice(seconds=0.02)
        worst = max(worst, time.monotonic() - t0)
    it.interrupt()
    with pytest.raises(IoInterrupt):
        it.run_slice()
    assert worst < 0.5


def test_slices_stay_short_when_each_step_gets_slower():
    """Fuzz finding (seed 4153 of an earlier generator): appendIfAbsent on a list growing by
    one element per step makes every step slower; a fixed 1000 steps per check let one slice
    (and Stop) take seconds. Checks now come more often while steps are slow."""
    it = Interpreter(host=CaptureHost())
    it.start('l := list(); while(true, l appendIfAbsent(Duration clone setSeconds(90)))')
    slices = []
    t0 = time.monotonic()
    while time.monotonic() - t0 < 3:
        t = time.monotonic()
        it.run_slice(seconds=0.01)
        slices.append(time.monotonic() - t)
    it.interrupt()
    with pytest.raises(IoInterrupt):
        it.run_slice()
    assert max(slices[10:]) < 1.0
    assert it.steps_per_check < 1000
    it.do_string("for(i, 1, 100000, nil)")  # cheap steps: back to the full 1000 per check
    assert it.steps_per_check == 1000


# -- internal errors ---------------------------------------------------------------------
def broken_interpreter() -> tuple[Interpreter, CaptureHost]:
    """An interpreter with a primitive that has a Python bug (divides by zero)."""
    h = CaptureHost()
    it = Interpreter(host=h)

    def buggy(S, t):
        return 1 / 0

    it.lobby.slots["buggy"] = it._cfunction(buggy, EAGER, "buggy", "Object")
    return it, h


def test_an_internal_error_is_an_io_exception_saying_so():
    it, h = broken_interpreter()
    with pytest.raises(IoUncaught) as info:
        it.do_string("buggy", "t.io")
    assert info.value.report == (
        "\n  Exception: Internal error in pyio (ZeroDivisionError: division by zero). "
        "Please report it with the details from: e pythonTraceback println\n"
        "  ---------\n  buggy                                t.io 1\n\n")
    assert it.do_string("1 + 1") == 2.0  # and the interpreter keeps working


def test_the_python_traceback_is_printable_from_io():
    it, h = broken_interpreter()
    it.do_string("e := try(buggy); e pythonTraceback println")
    assert h.output.startswith("Traceback (most recent call last):\n")
    assert "ZeroDivisionError: division by zero" in h.output
    assert "in buggy" in h.output


def test_an_ordinary_error_has_no_python_traceback():
    assert out('e := try(1 foo); (e ?pythonTraceback) println') == "nil\n"


# -- fuzz findings -----------------------------------------------------------------------
@pytest.mark.parametrize("code, expected", [
    # a Number in protos crashed every later lookup (AttributeError: 'float' ... 'slots')
    ('o := Object clone; o setProto(3); o hasSlot("+") println', "true\n"),
    ('o := Object clone; o appendProto("ab"); o hasSlot("size") println', "true\n"),
    ('o := Object clone; o setProtos(list(3, "a")); o protos println', 'list(0, "")\n'),
    ('o := Object clone; o prependProto(1e3); o isKindOf(Number) println', "true\n"),
])
def test_unboxed_values_as_protos(code, expected):
    assert out(code) == expected


FUZZ_PROGRAMS = [
    # seed 293: setProto to a Number, then operators on the object
    "o := Object clone; try(o appendProto(3 returnIfError) | 2); try(o >=(o) % 1)",
    # seed 830: appendProto((0/0)), then a send the Number proto answers
    "o := Object clone; try(write(o appendProto((0/0)) & Coroutine clone slotContext()))",
    # seed 654: a string as proto
    's := "hello"; o := Object clone; try(o setProto(s) < Map clone at(Map clone) > s)',
    # seed 421: doString compiling a loop on every pass of an endless while
    'try(o = while("x", doString("try(for(j, 1, 10, 2, 1; if(j > 5, break)))")))',
    # seed 28472: after Lobby become(Exception), a string reached FutureProxy's forward
    'e := try(Exception raise("first")); l := list(1)\ntry(o f := block(q, f := Date '
    'fromNumber(0) setHour(doString("try((f) println)"), -1)))\ntry((Lobby become(Exception)))'
    '\ntry(("\\\\" repeat(Object clone)) println)\ntry(l)',
]


@pytest.mark.parametrize("code", FUZZ_PROGRAMS)
def test_fuzz_findings_stay_fixed(code):
    o = run_program(code, Budget(seconds=0.3, slow_slice=1.0))
    assert o.finding is None, f"{o.finding}\n{o.detail}"


@pytest.mark.parametrize("code, error", [
    # seed 22737: a list holding itself; its echo recursed in Python (RecursionError escaped)
    ("l := list(1); l append(l); l", "Stack overflow"),
    # seed 23863: an object whose proto is a method; its echo raised a bare IoError
    ("o := Object clone; o setProto(method(1)); o", "Block asString called on a 'Block'"),
    # seed 25644: the same with a string proto
    ('o := Object clone; o setProto("3.5"); o', "Sequence method called on a 'Sequence'"),
])
def test_a_failing_repl_echo_is_an_io_error(code, error):
    echo = Interpreter(host=CaptureHost()).repl_line(code)
    assert echo == (f"==> <exception while displaying result>\n\n  Exception: {error}\n"
                    "  ---------\n  nothing on stack\n")


@pytest.mark.parametrize("code, expected", [
    # seed 25545: a NaN index was a Python ValueError
    ("message(foo(1, 2)) argAt(0/0) println", "nil\n"),
    ("message(foo(1, 2)) argAt(1/0) println", "nil\n"),
    # seed 20668: a Map loop whose first argument is not a name hit an unset slots dict
    ('Map clone atPut("k", 1) detect((1 and 2), 0) println', 'list("k", 1)\n'),
    # seed 105494: a negative evalArgAt index was a Python IndexError (upstream's answers)
    ("f := method(call evalArgAt(-2)); f(5) println; f(5, 6, 7) println", "nil\n6\n"),
    ("method(call) call evalArgAt(-2) println", "nil\n"),
    ("message(foo(1, 2)) argAt(-1) println; message(foo(1, 2)) argAt(-5) println", "2\nnil\n"),
    # seed 205659: a Number or string as locals, with a variable argument (upstream's answers)
    ('x := 1; "abc" doString("at(x)") println', "nil\n"),
    ('x := 1; "abc" do(at(x)) println', "abc\n"),
    ('x := 1; message(at(x)) doInContext("abc") println', "nil\n"),
    ("x := 1; 3 doMessage(message(max(x))) println", "3\n"),
    # seeds 202895, 204750: Sequence byte primitives on an object without a payload
    ("e := try((Object clone setProto(Sequence)) asBinaryNumber); e error println",
     "Sequence method called on a non-Sequence\n"),
])
def test_more_fuzz_findings(code, expected):
    assert out(code) == expected


def test_a_python_error_outside_eval_chain_is_an_internal_io_error():
    """The trampoline's safety net: a host-started generator with a bug."""
    it = Interpreter(host=CaptureHost())

    def broken():
        yield from ()
        raise KeyError("oops")

    with pytest.raises(IoUncaught) as info:
        it.finish(it.start_call(broken))
    assert info.value.report.startswith(
        "\n  Exception: Internal error in pyio (KeyError: 'oops'). Please report it")
    assert info.value.exc.slots["pythonTraceback"].startswith("Traceback")
    assert it.do_string("1 + 1") == 2.0


# -- the CLI -----------------------------------------------------------------------------
@pytest.mark.skipif(os.name != "posix", reason="needs pipes and SIGPIPE semantics")
def test_a_closed_pipe_ends_the_cli_quietly():
    """`pyio prog.io | head`: found by hand; was an internal-error report (BrokenPipeError)."""
    pyio = str(Path(sys.executable).parent / "pyio")
    p = subprocess.Popen([pyio, "-e", 'loop("x" println)'], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    assert p.stdout.read(4) == b"x\nx\n"
    p.stdout.close()
    assert p.wait(timeout=30) == 141
    assert p.stderr.read() == b""

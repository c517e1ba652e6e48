"""A method's call of a small method of self computes the callee's answer in place when the
callee's body needs no send for it (fib's base case, ``method(x, x * x)``). Each test
compiles the caller, changes what that shortcut assumed, and compares with the interpreter.
"""

from __future__ import annotations

import pytest

from pyio_core import CaptureHost, Interpreter
from pyio_core.eval import engine
from iotest import interpreted
from iotest import out as run

HOT = "for(i, 1, 5, {call})\n"
# a change followed by a call, each in a `try`; `e` exists beforehand (a new slot would move
# the shape counter, which sends the call the general way whatever the change did)
CHANGE = "e = try({change}); if(e, e error println)\ne = try({call} println); if(e, e error println)\n"


def same(program: str) -> str:
    """What ``program`` prints, checked equal to what the interpreter prints."""
    printed = run(program)
    assert printed == interpreted(program)
    return printed


FIB = "e := nil\nfib := method(n, if(n < 2, n, fib(n - 1) + fib(n - 2)))\n"


def test_recursive_base_cases_answer_as_the_call_would():
    program = FIB + HOT.format(call="fib(i) print") + "fib(20) println; fib(0.5) println\n"
    assert same(program) == "11235" + "6765\n0.5\n"


@pytest.mark.parametrize("change", [
    # the block gets another body
    'getSlot("fib") setMessage(message(if(n < 2, n + 100, fib(n - 1) + fib(n - 2))))',
    # an edit inside the body: the literal of the test, the answer of the base case
    'getSlot("fib") message arguments at(0) next arguments at(0) setCachedResult(0.5)',
    'getSlot("fib") message arguments at(1) setCachedResult(42)',
    # another block in the slot
    'fib := method(n, if(n < 2, n * 10, fib(n - 1) + fib(n - 2)))',
    # the test is no longer Number's built-in, nor `if` the Locals proto's
    'Number < := method(v, "[<]" print; self compare(v) == -1)',
    'Number - := method(v, "[-]" print; self + (v * -1))',
    'Locals if := method("[if]" print; 0)',  # (no named arguments: lazy)
])
def test_an_inlined_base_case_sees_every_change_to_the_callee(change):
    # run's calls inline fib's base case; the calls after the change see it whichever way
    # they go (the first ones may take the general way and remember the block again)
    program = (
        FIB + "run := method(k, fib(k - 1) + fib(k) * 10)\n" + HOT.format(call="run(i) print")
        + CHANGE.format(change=change, call="list(run(7), run(1), run(2), run(7), run(1), run(2))")
    )
    same(program)


def test_an_inlined_callee_whose_argument_names_change():
    program = (
        "e := nil\ng := method(a, b, if(a < b, b - a, a))\n"
        "run := method(k, g(k, k * 2) + g(k - 1, 1) * 10)\n" + HOT.format(call="run(i) print")
        + CHANGE.format(change='getSlot("g") setArgumentNames(list("b", "a"))',
                        call="list(run(3), run(1), run(3), run(1))")
    )
    assert same(program).endswith("list(16, 12, 16, 12)\n")


SQUARE = "e := nil\nsq := method(x, x * x)\nf := method(n, sq(n + 1) - sq(n - 1))\n"


def test_a_method_whose_whole_body_is_arithmetic_answers_in_place():
    assert same(SQUARE + HOT.format(call="f(i) print") + "f(2.5) println\n") == "4812162010\n"


@pytest.mark.parametrize("change", [
    'getSlot("sq") message next setName("+")',
    'getSlot("sq") setMessage(message(x + 1))',
    'sq := method(x, "[sq]" print; x)',
    'Number * := method(v, "[*]" print; v)',
    'sq := 3',
])
def test_an_inlined_arithmetic_method_sees_every_change(change):
    program = SQUARE + HOT.format(call="f(i) print") + CHANGE.format(change=change, call="list(f(3), f(4), f(3))")
    same(program)


def test_arguments_that_are_not_numbers_take_the_call():
    program = (
        'g := method(a, b, if(a < 1, b, a))\n'
        'f := method(n, g(n - 1, "x") .. g(n, 2))\n'
        + HOT.format(call="f(i) print") + 'f(0.5) println\n'
    )
    same(program)


@pytest.mark.parametrize("call", [
    'f(1, "extra" println)',  # more arguments than names: the extra one is not evaluated
    'performWithArgList("f", list(1, 2, 3))',
    'getSlot("f") call(1, 2)',
    'list(5, 3, 1, 4, 2) sortBy(block(a, a > 2))',  # a primitive passes two values
    'f(1)',
    'f',
])
def test_a_compiled_method_called_with_other_argument_counts(call):
    program = "f := method(a, list(a))\n" + HOT.format(call="f(i) print") + f"{call} println\n"
    same(program)


@pytest.mark.parametrize("names", ['list("a", "b")', 'list("b")', "list()"])
def test_a_compiled_method_given_other_argument_names(names):
    # the compiled activation takes as many values as it had names; a call with more
    # (after names were added) takes the general way
    program = (
        "f := method(a, list(a, b))\nb := 0\ng := method(f(1, 2))\n"
        + HOT.format(call="g print; f(i) print")
        + f"getSlot(\"f\") setArgumentNames({names})\n"
        + "e := try(list(g, f(5, 6), f(7)) println); if(e, e error println)\n"
    )
    same(program)


@pytest.mark.parametrize("body", [
    # a redefinition made inside the loop of a method that runs once (compiled at once)
    'for(i, 1, 3, if(i == 2, Number + := method(v, 100)); (i + 1) print)',
    'for(i, 1, 3, if(i == 2, self count := 10); count = count + 1; count print)',
    'n := 0; while(n < 3, n = n + 1; if(n == 2, Locals updateSlot := method(a, b, "[=]" print;'
    ' call sender setSlot(a, b))); n print)',
    'list(1, 2) foreach(x, x print; self foreach := 3)',
])
def test_a_method_with_a_loop_called_once_runs_as_the_interpreter_does(body):
    program = f"P := Object clone do(count := 0; m := method({body}))\nP clone m println\n"
    same(program)


def test_a_method_whose_compile_fails_runs_interpreted_and_is_not_compiled_again(monkeypatch):
    tries = []

    def failing(*args):
        tries.append(args)
        raise RuntimeError("compiler bug")

    monkeypatch.setattr(engine, "compile_entry", failing)
    host = CaptureHost()
    interp = Interpreter(host=host)
    interp.strict_compile = False  # as in use: interpret what the compiler cannot build
    interp.do_string("f := method(s := 0; for(i, 1, 3, s = s + i); s)\n"
                     "for(k, 1, 5, f print)\n")
    assert host.output == "66666"
    assert len(tries) == 1

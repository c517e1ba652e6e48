"""Running one untrusted Io program under a budget and judging how the interpreter coped.

A program may do anything an Io program can: finish, raise an Io exception, loop forever,
recurse without end. All of those are fine. What counts as a *finding* (a pyio bug):

- a Python exception escaping ``run_slice`` (anything but the interrupt we asked for);
- an Io exception saying "Internal error in pyio" (a bug the evaluator caught), even if the
  program itself caught it with ``try``;
- a report that cannot be formatted, or a result whose echo (the REPL's ``==>``) fails
  with a Python exception;
- a hang: the program ignores the interrupt sent when its budget ran out, or one slice runs
  far past its time (a primitive that never reaches a check, so Stop would not work).
"""

from __future__ import annotations

import contextlib
import difflib
import re
import time
import traceback
from dataclasses import dataclass

from pyio_core import CaptureHost, Interpreter, state
from pyio_core.protos import object as objects_prims
from pyio_core.errors import IoExit, IoInterrupt, IoRaise
from pyio_core.eval.machine import DONE, WAITING

INTERNAL = "Internal error in pyio"


@dataclass
class Budget:
    """How long a program may run before it is interrupted, and how long after that it may
    take to stop. ``checks`` counts the evaluator's periodic checks (1000 calls or loop
    iterations each)."""

    seconds: float = 0.25
    checks: int = 400
    grace: float = 2.0  # after the interrupt
    slice_seconds: float = 0.02
    slow_slice: float = 3.0  # one slice taking this long means a primitive never checks
    max_output: int = 200_000


# For differential runs: each compile ends a slice (a compile costs thousands of sends), so
# a hot program uses many slices quickly; only time says it runs too long.
HOT_BUDGET = Budget(seconds=0.5, checks=1_000_000)


@dataclass
class Outcome:
    """What happened. ``finding`` is None when the interpreter behaved."""

    kind: str  # ok | io-error | interrupted | exit | finding
    finding: str | None = None
    detail: str = ""


def new_interpreter(budget: Budget) -> Interpreter:
    """A fresh world with output capped, so a printing loop cannot eat the machine."""
    return Interpreter(host=CaptureHost(), max_output=budget.max_output)


def run_program(code: str, budget: Budget | None = None, it: Interpreter | None = None,
                ) -> Outcome:
    """Run ``code`` in ``it`` (a fresh interpreter by default) and judge the result."""
    budget = budget or Budget()
    it = it if it is not None else new_interpreter(budget)
    internal: list[str] = []
    make_internal = it.internal_error

    def spy(e, m):  # record internal errors even when the program catches them
        exc = make_internal(e, m)
        if "pythonTraceback" in exc.slots:
            internal.append(exc.slots["pythonTraceback"])
        return exc

    it.internal_error = spy
    try:
        outcome = _drive(it, code, budget)
    except Exception as e:  # noqa: BLE001  (any escape is exactly what we look for)
        return Outcome("finding", f"Python exception escaped: {type(e).__name__}: {e}",
                       traceback.format_exc())
    if internal and outcome.finding is None:
        return Outcome("finding", INTERNAL, internal[0])
    return outcome


def _drive(it: Interpreter, code: str, budget: Budget) -> Outcome:
    co = it.start(code, "fuzz.io")
    outcome = _run(it, co, budget)
    if outcome is not None:
        return outcome
    if co.result is None:
        return Outcome("finding", "a run produced Python None as its value")
    # show the result as the REPL would (runs the value's asString), under the same budget
    echo = it.start_call(it.as_string, co.result)
    outcome = _run(it, echo, budget)
    if outcome is None and echo.result.__class__ is not str:
        return Outcome("finding", f"asString gave a {type(echo.result).__name__}")
    return outcome or Outcome("ok")


def _run(it: Interpreter, co, budget: Budget) -> Outcome | None:
    """Drive ``co`` to its end under the budget; None when it returned a value."""
    start = time.monotonic()
    interrupted_at = None
    checks = 0
    while not co.finished:
        t0 = time.monotonic()
        try:
            status = it.run_slice(max_steps=50, seconds=budget.slice_seconds)
        except IoInterrupt:
            return Outcome("interrupted")
        except IoExit:
            return Outcome("exit")
        now = time.monotonic()
        if now - t0 > budget.slow_slice:
            return Outcome("finding", f"unresponsive: one slice ran {now - t0:.1f}s")
        checks += 50
        if status == DONE or (status == WAITING and it.next_timer() is None):
            break  # a deadlock (waiting for what cannot come) is fine for Io
        if status == WAITING:
            time.sleep(min(0.01, max(0.0, it.next_timer() - now)))
            it.fire_timers()
        if interrupted_at is None and (now - start > budget.seconds or checks > budget.checks):
            it.interrupt()
            interrupted_at = now
        elif interrupted_at is not None and now - interrupted_at > budget.grace:
            return Outcome("finding", "hang: the interrupt was not honoured")
    if not co.finished:
        return Outcome("ok")
    e = co.exception
    if isinstance(e, IoRaise):
        report = it.report(e.exc)
        if INTERNAL in report:
            return Outcome("finding", INTERNAL, report)
        return Outcome("io-error", detail=report)
    if e is not None:
        return Outcome("finding", f"coroutine ended with {type(e).__name__}", repr(e))
    return None


def run_differential(code: str, budget: Budget | None = None,
                     worlds: tuple[Interpreter, Interpreter] | None = None) -> Outcome:
    """Run ``code`` interpreted (``compile = False``) and as usual, and compare what a user
    sees: the printed output, the kind of ending and the error's first line. A difference
    is a compiler bug (the interpreter is the reference); so is any ordinary finding in
    either run. A run cut short by the budget proves nothing: its kind is "inconclusive".
    ``worlds`` are the two interpreters to use (fresh ones by default), plain one first."""
    budget = budget or HOT_BUDGET
    if worlds is None:
        worlds = new_interpreter(budget), new_interpreter(budget)
    seen = []
    for it, compiled in zip(worlds, (False, True)):
        it.compile = compiled
        it.strict_compile = True  # a chain the compiler cannot build is a finding too
        with _stable_identity_order():
            o = run_program(code, budget, it)
        mode = "compiled" if compiled else "interpreted"
        if o.finding is not None:
            return Outcome("finding", f"{o.finding} ({mode})", o.detail)
        if o.kind in ("interrupted", "exit"):
            return Outcome("inconclusive")
        seen.append((o.kind, _visible(it.host.output), _visible(o.detail.split("\n")[0])))
    if seen[0] != seen[1]:
        return Outcome("finding", "compiled code differs from the interpreter",
                       _diff(seen[0], seen[1]))
    return Outcome(seen[0][0])


@contextlib.contextmanager
def _stable_identity_order():
    """Objects of one kind with no natural order (``Object clone < Object clone``) compare by
    identity, that is by address, which differs between two runs: order them by when each
    was first compared instead, the same in both runs as long as the runs agree."""
    first_seen: dict[int, tuple[object, int]] = {}

    def rank(x) -> int:
        got = first_seen.get(id(x))
        if got is None:  # holding x keeps its id from being reused
            got = first_seen[id(x)] = (x, len(first_seen))
        return got[1]

    def kind(x) -> int:
        return objects_prims._TYPE_ORDER.get(x.__class__.__name__, objects_prims._OBJECT_RANK)

    def compare(a, b) -> int:
        if a is b or kind(a) != kind(b):
            return original(a, b)
        return (rank(a) > rank(b)) - (rank(a) < rank(b))

    original = state.compare_unlike
    state.compare_unlike = compare
    try:
        yield
    finally:
        state.compare_unlike = original


def _visible(text: str) -> str:
    """Output with what legitimately differs between two runs (addresses) blanked."""
    return _ADDRESS.sub("0xADDR", text)


_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")


def _diff(plain: tuple, compiled: tuple) -> str:
    lines = [f"ending: interpreted {plain[0]}, compiled {compiled[0]}"]
    if plain[2] != compiled[2]:
        lines.append(f"error: interpreted {plain[2]!r}\n       compiled    {compiled[2]!r}")
    lines += difflib.unified_diff(plain[1].splitlines(), compiled[1].splitlines(),
                                  "interpreted", "compiled", lineterm="", n=2)
    return "\n".join(lines)

"""Control flow: if, while, loop, for, return, break, continue — the lazy primitives.

Each evaluates its own argument messages, so the bodies run only when (and as often as)
they should, and every loop iteration passes through ``loop_body`` where the trampoline may
end the slice: an infinite loop can always be stopped.
"""

from __future__ import annotations

from ..errors import IoBreak, IoContinue, IoError, IoReturn
from ..eval.compiler import check_for
from ..registry import Prims

P = Prims("Object")


@P.lazy("if")
def if_(S, t, L, m):
    cond = yield from S.arg(m, L, 0)
    flag = cond is not S.false and cond is not S.nil
    if len(m.args) < 2:
        return S.bool(flag)
    if flag:
        return (yield from S.arg(m, L, 1))
    if len(m.args) > 2:
        return (yield from S.arg(m, L, 2))
    return S.nil


@P.lazy("while")
def while_(S, t, L, m):
    args = m.args
    if len(args) < 2:
        raise IoError("while requires a condition and a body")
    cond, body = args[0], args[1]
    r = S.nil
    while True:
        c = yield from S.eval_chain(cond, L, L)
        if c is S.false or c is S.nil:
            return r
        r, stop = yield from S.loop_body(body, L)
        if stop == "break":
            return r


@P.lazy("loop")
def loop(S, t, L, m):
    if not m.args:
        raise IoError("loop requires a body")
    body = m.args[0]
    while True:
        r, stop = yield from S.loop_body(body, L)
        if stop == "break":
            return r


@P.lazy("for")
def for_(S, t, L, m):
    args = m.args
    if len(args) < 4:
        raise IoError("for requires at least 4 arguments: for(name, start, end, body)")
    name = args[0].name
    start = yield from S.arg(m, L, 1)
    end = yield from S.arg(m, L, 2)
    if len(args) > 4:
        step = yield from S.arg(m, L, 3)
        body = args[4]
    else:
        step = 1.0
        body = args[3]
    check_for(S, start, end, step)
    r = S.nil
    i = start
    slots = L.slots
    while (i <= end) if step > 0 else (i >= end):
        slots[name] = i
        r, stop = yield from S.loop_body(body, L)
        if stop == "break":
            return r
        i += step
    return r


@P("return")
def return_(S, t, v=None):
    raise IoReturn(S.nil if v is None else v)


@P("break")
def break_(S, t, v=None):
    raise IoBreak(S.nil if v is None else v)


@P("continue")
def continue_(S, t):
    raise IoContinue(S.nil)

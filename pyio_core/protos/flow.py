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
    """``if(c, then, else)``: the branch's value; with no branch for the outcome, the
    outcome itself as true or false (``if(false, 1)`` is false, as upstream)."""
    cond = yield from S.arg(m, L, 0)
    flag = cond is not S.false and cond is not S.nil
    branch = 1 if flag else 2
    if branch < len(m.args):
        return (yield from S.arg(m, L, branch))
    return S.bool(flag)


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
    slots = S.bind_slots(L, name)
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


@P.lazy("switch")
def switch(S, t, L, m):
    """``x switch(k1, v1, k2, v2, ..., default)``: the value for the first key equal to x.
    Keys and values are evaluated lazily in the caller, so break/continue/return inside a
    value act on the caller's loop or method."""
    n = len(m.args)
    for i in range(0, n - 1, 2):
        key = yield from S.arg(m, L, i)
        if (yield from S.compare(key, t)) == 0:
            return (yield from S.arg(m, L, i + 1))
    if n % 2:
        return (yield from S.arg(m, L, n - 1))
    return S.nil


@P.lazy("?")
def question(S, t, L, m):
    """``x ?foo(args)``: send foo only if x has such a slot, else nil."""
    if not m.args:
        return S.nil
    msg = m.args[0]
    if S.slot_value(t, msg.name) is None:
        return S.nil
    return (yield from S.eval_chain(msg, L, t))


@P.lazy("foreachSlot")
def foreach_slot(S, t, L, m):
    """``foreachSlot(name, value, body)`` over the receiver's own slots in name order; the
    names are set in the caller's context and the body runs there."""
    args = m.args
    if len(args) < 2:
        raise IoError("foreachSlot requires 2 or 3 arguments")
    key = args[0].name if len(args) > 2 else None
    value, body = args[-2].name, args[-1]
    slots = t.slots if hasattr(t, "slots") else {}
    r = S.nil
    target = S.bind_slots(L, key, value) if hasattr(L, "slots") else {}
    for name in sorted(slots):
        if name not in slots:
            continue
        if key is not None:
            target[key] = name
        target[value] = slots[name]
        r, stop = yield from S.loop_body(body, L)
        if stop == "break":
            break
    return r

"""Call: what a method knows about how it was called (``call sender``, ``call argAt``...)."""

from __future__ import annotations

from ..errors import IoError, IoStop
from ..eval.engine import STOPS as _STOPS
from ..objects import lookup_context
from ..registry import Prims
from ..values import Call

P = Prims("Call")



def need_call(S, t) -> Call:
    if isinstance(t, Call):
        return t
    raise IoError(f"Call method called on a '{S.type_name(t)}'")


@P("sender")
def sender(S, t):
    return need_call(S, t).sender


@P("message")
def message(S, t):
    return need_call(S, t).message


@P("target")
def target(S, t):
    return need_call(S, t).target


@P("activated")
def activated(S, t):
    return need_call(S, t).activated


@P("coroutine")
def coroutine(S, t):
    return need_call(S, t).coroutine


@P("slotContext")
def slot_context(S, t):
    c = need_call(S, t)
    if c.context is None:
        tgt = c.target
        obj = tgt if hasattr(tgt, "slots") else S.proto_of(tgt)
        _, ctx = lookup_context(obj, c.message.name)
        c.context = S.nil if ctx is None else ctx
    return c.context


@P("argAt")
def arg_at(S, t, i):
    args = need_call(S, t).message.args
    i = int(i) if i.__class__ is float else 0
    return args[i] if 0 <= i < len(args) else S.nil


@P("argCount")
def arg_count(S, t):
    return float(len(need_call(S, t).message.args))


@P.gen("evalArgAt")
def eval_arg_at(S, t, i):
    c = need_call(S, t)
    if i.__class__ is not float:
        raise IoError(f"argument 0 to method 'evalArgAt' must be a Number, not a '{S.type_name(i)}'")
    return (yield from S.arg(c.message, c.sender, int(i)))


@P.gen("evalArgs")
def eval_args(S, t):
    c = need_call(S, t)
    return S.new_list((yield from S.eval_args(c.message, c.sender)))


@P("stopStatus")
def stop_status(S, t):
    st = need_call(S, t).stop_status
    return S.core.slots.get(st or "Normal", S.nil)


@P("setStopStatus")
def set_stop_status(S, t, status):
    c = need_call(S, t)
    name = S.type_name(status) if status is not S.nil else "Normal"
    c.stop_status = name if name in _STOPS else None
    return t


@P("relayStopStatus")
def relay_stop_status(S, t, value=None):
    return t if value is None else value


@P.gen("delegateTo")
def delegate_to(S, t, target, alt_sender=None):
    c = need_call(S, t)
    sender_ = c.sender if alt_sender is None or alt_sender is S.nil else alt_sender
    return (yield from S.send(target, c.message, sender_))


@P.gen("delegateToMethod")
def delegate_to_method(S, t, target, name):
    c = need_call(S, t)
    from ..message import Message

    m = Message(S.simple_string(name), c.message.args, S.message_protos, c.message.line,
                c.message.col, c.message.label)
    return (yield from S.send(target, m, c.sender))


O = Prims("Object")


@O.lazy("stopStatus")
def object_stop_status(S, t, L, m):
    try:
        yield from S.arg(m, L, 0)
    except IoStop as e:
        return S.core.slots[e.status]
    return S.core.slots["Normal"]

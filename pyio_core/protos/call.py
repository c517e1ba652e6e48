"""Call: what a method knows about how it was called (``call sender``, ``call argAt``...),
and the stop statuses (``call setStopStatus``, ``stopStatus(expr)``, ``relayStopStatus``).

A stop (return, break, continue) travels as a Python exception (errors.IoStop). Setting a
call's stop status makes the engine raise that stop in the caller once the method returns.
"""

from __future__ import annotations

from ..errors import IoError, IoStop
from ..eval.engine import STOPS
from ..message import Message
from ..objects import Locals, lookup_context
from ..registry import Prims
from ..values import Block, Call, CFunction
from .message import description, need_int

P = Prims("Call")

_ASSIGNMENTS = ("setSlot", "updateSlot", "setSlotWithType")


def need_call(S, t) -> Call:
    if isinstance(t, Call):
        return t
    raise IoError(f"Call method called on a '{S.type_name(t)}'")


def call_of(S, L) -> Call | None:
    """The Call of the activation whose locals are ``L`` (``call sender call``)."""
    c = L.slots.get("call") if hasattr(L, "slots") else None
    return c if isinstance(c, Call) else None


def status_name(S, status) -> str | None:
    """The stop status a status object stands for (None for Normal and anything else)."""
    for name in STOPS:
        if status is S.core.slots.get(name):
            return name
    return None


def slot_context(S, c: Call):
    """The object holding the activated slot: given at activation, else looked up."""
    if c.context is None:
        tgt = c.target
        obj = tgt if hasattr(tgt, "slots") else S.proto_of(tgt)
        _, ctx = lookup_context(obj, c.message.name)
        c.context = S.nil if ctx is None else ctx
    return c.context


def eval_catching_stop(S, m, L):
    """Evaluate argument 0 of ``m``, catching a stop: (value, stop name or None).

    Upstream's stops end only the message chain, so in ``stopStatus(r := expr)`` the
    assignment still receives the stop's value; an assignment argument is emulated here."""
    if not m.args:
        return S.nil, None
    a = m.args[0]
    if a.next is None and a.name in _ASSIGNMENTS and len(a.args) == 2:
        name = yield from S.arg(a, L, 0)
        try:
            value = yield from S.arg(a, L, 1)
            stop = None
        except IoStop as e:
            value, stop = e.value, e.status
        yield from S.send(L, Message(a.name, [S.literal_message(name), S.literal_message(value)],
                                     S.message_protos, a.line, a.col, a.label), L)
        return value, stop
    try:
        return (yield from S.arg(m, L, 0)), None
    except IoStop as e:
        return e.value, e.status


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
def slot_context_(S, t):
    return slot_context(S, need_call(S, t))


@P("description")
def description_(S, t):
    c = need_call(S, t)
    m = c.message
    head = (S.type_name(c.target) + " " + m.name).ljust(36)
    return head + " " + description(S, m)[36:]


@P("argAt")
def arg_at(S, t, i):
    args = need_call(S, t).message.args
    i = need_int(S, i, "argAt")
    return args[i] if -len(args) <= i < len(args) else S.nil  # negative: from the end


@P("argCount")
def arg_count(S, t):
    return float(len(need_call(S, t).message.args))


@P("hasArgs")
def has_args(S, t):
    return S.bool(need_call(S, t).message.args)


@P.gen("evalArgAt")
def eval_arg_at(S, t, i):
    c = need_call(S, t)
    i = need_int(S, i, "evalArgAt")
    if i < 0:  # as upstream: counted from the end; before the first argument is nil
        i += len(c.message.args)
        if i < 0:
            return S.nil
    return (yield from S.arg(c.message, c.sender, i))


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
    need_call(S, t).stop_status = status_name(S, status)
    return t


@P.lazy("relayStopStatus")
def relay_stop_status(S, t, L, m):
    """``call relayStopStatus(expr)``: expr's value; a stop inside it is passed on to the
    caller of the method that sent this (upstream: ``call sender call setStopStatus``)."""
    value, stop = yield from eval_catching_stop(S, m, L)
    if stop is not None:
        c = call_of(S, L)
        if c is not None:
            c.stop_status = stop if stop in STOPS else None
    return value


@P.gen("delegateTo")
def delegate_to(S, t, target_, alt_sender=None):
    c = need_call(S, t)
    sender_ = c.sender if alt_sender is None or alt_sender is S.nil else alt_sender
    return (yield from S.send(target_, c.message, sender_))


@P.gen("delegateToMethod")
def delegate_to_method(S, t, target_, name):
    c = need_call(S, t)
    cm = c.message
    m = Message(S.simple_string(name), cm.args, S.message_protos, cm.line, cm.col, cm.label)
    return (yield from S.send(target_, m, c.sender))


O = Prims("Object")


@O.lazy("stopStatus")
def object_stop_status(S, t, L, m):
    """``stopStatus(expr)``: Normal, Return, Break or Continue, by how expr ended."""
    _, stop = yield from eval_catching_stop(S, m, L)
    return S.core.slots[stop or "Normal"]


def sender_call(S, L) -> Call:
    """The call of the method running ``super``/``resend`` (upstream reads ``call sender
    call``, so outside a method the error is the one that read gives)."""
    c = call_of(S, L) if L.__class__ is Locals else None
    if c is None:
        raise IoError(f"{S.type_name(L)} does not respond to 'call'")
    return c


def _ancestor_with(S, ctx, name: str):
    protos = ctx.protos if hasattr(ctx, "protos") else [S.proto_of(ctx)]
    for p in protos:
        _, holder = lookup_context(p, name)
        if holder is not None:
            return holder
    return None


def _find_inherited(S, ctx, name: str, what: str):
    """(ancestor, name) for ``super``/``resend``: the slot above ``ctx``, else ``forward``."""
    ancestor = _ancestor_with(S, ctx, name)
    if ancestor is None:
        name = "forward"
        ancestor = _ancestor_with(S, ctx, name)
    if ancestor is None or ancestor is ctx:
        raise IoError(f"Object {what} slot {name} not found")
    return ancestor, name


def _perform_on(S, v, target_, L, m, ancestor):
    if isinstance(v, Block):  # runs whether or not it is activatable, like performOn
        return (yield from S.activate(v, target_, m, L, context=ancestor))
    return (yield from S.activate_value(v, target_, m, L))


@O.lazy("resend")
def resend(S, t, L, m):
    """Send the current method's message again, to the next ancestor holding that slot,
    with the same self and arguments."""
    c = sender_call(S, L)
    msg = c.message
    ancestor, name = _find_inherited(S, slot_context(S, c), msg.name, "resend")
    v = ancestor.slots[name]
    return (yield from _perform_on(S, v, L.slots.get("self", t), c.sender, msg, ancestor))


@O.lazy("super")
def super_(S, t, L, m):
    """``super(foo(args))``: run the ancestor's foo on self, from inside a method."""
    if not m.args:
        raise IoError("Object super requires an argument")
    c = sender_call(S, L)
    msg = m.args[0]
    ancestor, name = _find_inherited(S, slot_context(S, c), msg.name, "super")
    v = ancestor.slots[name]
    if not (isinstance(v, Block) and v.activatable or isinstance(v, CFunction)):
        return v
    return (yield from _perform_on(S, v, c.target, L, msg, ancestor))

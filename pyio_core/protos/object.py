"""Object: slots, protos, cloning, comparison, printing and evaluation entry points."""

from __future__ import annotations

from ..errors import IoError
from ..message import Message
from ..objects import IoObject, Locals, lookup_context
from ..registry import Prims
from ..values import Block, raw_clone

P = Prims("Object")
L_ = Prims("Locals")


def need_obj(S, t, what: str) -> IoObject:
    if not isinstance(t, IoObject):
        raise IoError(f"{what} is not supported on a {S.type_name(t)}")
    return t


def need_str(S, v, method: str, i: int = 0) -> str:
    if v.__class__ is str:
        return v
    s = getattr(v, "s", None)
    if s is not None and not isinstance(v, Message):
        return s
    raise IoError(
        f"argument {i} to method '{method}' must be a Sequence, not a '{S.type_name(v)}'"
    )


# -- cloning -------------------------------------------------------------------------------
@P.gen("clone")
def clone(S, t):
    if not isinstance(t, IoObject):
        return t
    new = raw_clone(t)
    init = S.slot_value(new, "init")
    if init is not None:
        yield from S.activate_value(init, new, S.init_message, S.lobby)
    return new


@P("cloneWithoutInit")
def clone_without_init(S, t):
    return raw_clone(t) if isinstance(t, IoObject) else t


@P("init")
def init(S, t):
    return t


# -- slots ---------------------------------------------------------------------------------
@P("setSlot")
def set_slot(S, t, name, value):
    need_obj(S, t, "setSlot").slots[need_str(S, name, "setSlot")] = value
    return value


@P("setSlotWithType")
def set_slot_with_type(S, t, name, value):
    name = need_str(S, name, "setSlotWithType")
    need_obj(S, t, "setSlotWithType").slots[name] = value
    if isinstance(value, IoObject) and "type" not in value.slots and value is not S.nil:
        value.slots["type"] = name
    return value


@P("updateSlot")
def update_slot(S, t, name, value):
    name = need_str(S, name, "updateSlot")
    if S.slot_value(t, name) is None:
        raise IoError(
            f"Slot {name} not found. Must define slot using := operator before updating."
        )
    need_obj(S, t, "updateSlot").slots[name] = value
    return value


@L_("updateSlot")
def locals_update_slot(S, t, name, value):
    name = need_str(S, name, "updateSlot")
    if name in t.slots:
        t.slots[name] = value
        return value
    target = t.slots.get("self")
    if target is not None and target is not t:
        if S.slot_value(target, name) is not None:
            need_obj(S, target, "updateSlot").slots[name] = value
            return value
    raise IoError(
        f"updateSlot - slot with name `{name}' not found in `{S.type_name(target)}'. "
        "Use := to create slots."
    )


@P("getSlot")
def get_slot(S, t, name):
    v = S.slot_value(t, need_str(S, name, "getSlot"))
    return S.nil if v is None else v


@P("getLocalSlot")
def get_local_slot(S, t, name):
    if not isinstance(t, IoObject):
        return S.nil
    return t.slots.get(need_str(S, name, "getLocalSlot"), S.nil)


@P("hasSlot")
def has_slot(S, t, name):
    return S.bool(S.slot_value(t, need_str(S, name, "hasSlot")) is not None)


@P("hasLocalSlot")
def has_local_slot(S, t, name):
    return S.bool(isinstance(t, IoObject) and need_str(S, name, "hasLocalSlot") in t.slots)


@P("removeSlot")
def remove_slot(S, t, name):
    if isinstance(t, IoObject):
        t.slots.pop(need_str(S, name, "removeSlot"), None)
    return t


@P("removeAllSlots")
def remove_all_slots(S, t):
    if isinstance(t, IoObject):
        t.slots.clear()
    return t


@P("slotNames")
def slot_names(S, t):
    return S.new_list(list(t.slots) if isinstance(t, IoObject) else [])


@P("slotValues")
def slot_values(S, t):
    return S.new_list(list(t.slots.values()) if isinstance(t, IoObject) else [])


@P("contextWithSlot")
def context_with_slot(S, t, name):
    if not isinstance(t, IoObject):
        t = S.proto_of(t)
    _, ctx = lookup_context(t, need_str(S, name, "contextWithSlot"))
    return S.nil if ctx is None else ctx


# -- protos --------------------------------------------------------------------------------
def protos_of(S, t) -> list:
    return t.protos if isinstance(t, IoObject) else [S.proto_of(t)]


@P("proto")
def proto(S, t):
    ps = protos_of(S, t)
    return ps[0] if ps else S.nil


@P("protos")
def protos(S, t):
    return S.new_list(list(protos_of(S, t)))


@P("setProto")
def set_proto(S, t, p):
    need_obj(S, t, "setProto").protos = [p]
    return t


@P("setProtos")
def set_protos(S, t, lst):
    need_obj(S, t, "setProtos").protos = list(S.need_list(lst, "setProtos").items)
    return t


@P("appendProto")
def append_proto(S, t, p):
    o = need_obj(S, t, "appendProto")
    o.protos = o.protos + [p]
    return t


@P("prependProto")
def prepend_proto(S, t, p):
    o = need_obj(S, t, "prependProto")
    o.protos = [p] + o.protos
    return t


@P("removeProto")
def remove_proto(S, t, p):
    o = need_obj(S, t, "removeProto")
    o.protos = [x for x in o.protos if x is not p]
    return t


@P("removeAllProtos")
def remove_all_protos(S, t):
    need_obj(S, t, "removeAllProtos").protos = []
    return t


# -- identity and comparison ---------------------------------------------------------------
@P("isIdenticalTo")
def is_identical_to(S, t, o):
    return S.bool(t is o or (t.__class__ in (float, str) and t.__class__ is o.__class__ and t == o))


@P("uniqueId")
def unique_id(S, t):
    return float(id(t))


@P.gen("==")
def eq(S, t, o):
    return S.bool((yield from S.compare(t, o)) == 0)


@P.gen("!=")
def ne(S, t, o):
    return S.bool((yield from S.compare(t, o)) != 0)


@P.gen("<")
def lt(S, t, o):
    return S.bool((yield from S.compare(t, o)) < 0)


@P.gen(">")
def gt(S, t, o):
    return S.bool((yield from S.compare(t, o)) > 0)


@P.gen("<=")
def le(S, t, o):
    return S.bool((yield from S.compare(t, o)) <= 0)


@P.gen(">=")
def ge(S, t, o):
    return S.bool((yield from S.compare(t, o)) >= 0)


@P("compare")
def compare(S, t, o):
    return float(S.raw_compare(t, o))


# -- truth ---------------------------------------------------------------------------------
@P("isNil")
def is_nil(S, t):
    return S.false


@P("not")
def not_(S, t):
    return S.false


@P("isTrue")
def is_true(S, t):
    return S.true


@P("asBoolean")
def as_boolean(S, t):
    return S.true


@P.lazy("and")
def and_(S, t, L, m):
    v = yield from S.arg(m, L, 0)
    return S.bool(S.truthy(v))


@P.lazy("or")
def or_(S, t, L, m):
    return S.true
    yield


# -- evaluation ----------------------------------------------------------------------------
def _block(S, L, m, activatable):
    args = m.args
    if not args:
        body = Message("nil", [], S.message_protos)
        names = []
    else:
        body = args[-1]
        names = [a.name for a in args[:-1]]
    return Block(S.block_protos, body, names, None if activatable else L, activatable)


@P.lazy("method")
def method(S, t, L, m):
    return _block(S, L, m, True)
    yield


@P.lazy("block")
def block(S, t, L, m):
    return _block(S, L, m, False)
    yield


@P.lazy("do")
def do(S, t, L, m):
    if m.args:
        yield from S.eval_chain(m.args[0], t, t)
    return t


@P.gen("doString")
def do_string(S, t, code, label=None):
    text = need_str(S, code, "doString")
    msg = S.parse(text, "doString" if label is None else need_str(S, label, "doString", 1))
    return (yield from S.eval_chain(msg, t, t))


@P.lazy("doMessage")
def do_message(S, t, L, m):
    msg = yield from S.arg(m, L, 0)
    ctx = t
    if len(m.args) > 1:
        ctx = yield from S.arg(m, L, 1)
    if not isinstance(msg, Message):
        raise IoError(f"argument 0 to method 'doMessage' must be a Message, not a '{S.type_name(msg)}'")
    return (yield from S.eval_chain(msg, ctx, ctx))


@P.gen("doFile")
def do_file(S, t, path):
    name = need_str(S, path, "doFile")
    try:
        with open(name, encoding="utf-8") as f:
            text = f.read()
    except OSError:
        raise IoError(f"unable to read file '{name}'") from None
    msg = S.parse(text, name)
    return (yield from S.eval_chain(msg, t, t))


@P.lazy("perform")
def perform(S, t, L, m):
    if not m.args:
        raise IoError("perform requires a slot name or message")
    first = yield from S.arg(m, L, 0)
    if isinstance(first, Message):
        return (yield from S.send(t, first, L))
    name = need_str(S, first, "perform")
    msg = Message(name, m.args[1:], S.message_protos, m.line, m.col, m.label)
    return (yield from S.send(t, msg, L))


@P.gen("performWithArgList")
def perform_with_arg_list(S, t, name, args):
    name = need_str(S, name, "performWithArgList")
    values = S.need_list(args, "performWithArgList").items
    msg = Message(name, [S.literal_message(v) for v in values], S.message_protos)
    return (yield from S.send(t, msg, S.lobby))


@P.lazy("thisContext")
def this_context(S, t, L, m):
    return t
    yield


@P.lazy("thisLocalContext")
def this_local_context(S, t, L, m):
    return L
    yield


@P.lazy("thisMessage")
def this_message(S, t, L, m):
    return m
    yield


@P.lazy("message")
def message(S, t, L, m):
    return m.args[0] if m.args else S.nil
    yield


@P("setIsActivatable")
def set_is_activatable(S, t, flag):
    if isinstance(t, Block):
        t.activatable = S.truthy(flag)
    return t


@P("isActivatable")
def is_activatable(S, t):
    return S.bool(isinstance(t, Block) and t.activatable or t.__class__.__name__ == "CFunction")


@P.lazy("evalArg")
def eval_arg(S, t, L, m):
    return (yield from S.arg(m, L, 0))


@P.lazy("evalArgAndReturnSelf")
def eval_arg_and_return_self(S, t, L, m):
    yield from S.arg(m, L, 0)
    return t


@P.lazy("evalArgAndReturnNil")
def eval_arg_and_return_nil(S, t, L, m):
    yield from S.arg(m, L, 0)
    return S.nil


# -- printing ------------------------------------------------------------------------------
@P.gen("print")
def print_(S, t):
    S.write((yield from S.as_string(t)))
    return t


@P.gen("println")
def println(S, t):
    S.write((yield from S.as_string(t)) + "\n")
    return t


@P.gen("write")
def write(S, t, *args):
    out = []
    for a in args:
        out.append((yield from S.as_string(a)))
    S.write("".join(out))
    return S.nil


@P.gen("writeln")
def writeln(S, t, *args):
    out = []
    for a in args:
        out.append((yield from S.as_string(a)))
    out.append("\n")
    S.write("".join(out))
    return S.nil


@P("asString", "asSimpleString")
def as_string(S, t):
    return S.simple_string(t)


@P("uniqueHexId")
def unique_hex_id(S, t):
    return "0x" + format(id(t), "x")


@P("type")
def type_(S, t):
    return S.type_name(t)


@P("list")
def list_(S, t, *items):
    return S.new_list(list(items))


@P("isLocals")
def is_locals(S, t):
    return S.bool(t.__class__ is Locals)


@P("")
def group(S, t, value=None):
    """``(expr)``: the parser makes an unnamed message whose argument is the expression."""
    return S.nil if value is None else value

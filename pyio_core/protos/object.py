"""Object: slots, protos, cloning, comparison, printing and evaluation entry points."""

from __future__ import annotations

import weakref

from ..errors import IoError, IoReturn
from ..message import Message
from ..objects import IoObject, Locals, lookup_context, lookup_holder, lookup_in, used_as_proto
from ..registry import LAZY, Prims
from ..values import ActivatableObject, Block, Call, CFunction, raw_clone
from .printing import simple_repr

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
# Where each recently cloned proto's ``init`` was found: proto -> (shape cell, shape, holder).
# It holds while the shape counter stays (no slot added to or removed from a possible proto,
# no protos list changed: see Engine.reshaped), and the value is read from the holder live,
# as compiled code's protos-walk memories do. Bounded, since it keeps its protos alive.
_INIT_AT: dict = {}
_INIT_AT_MAX = 256


def find_init(S, t: IoObject):
    """The ``init`` a new clone of ``t`` gets (its walk starts at ``t``: a new clone has no
    slots of its own); None when there is none. Every ``clone`` asks, so the walk is
    remembered."""
    sh = S.shape
    e = _INIT_AT.get(t)
    if e is not None and e[0] is sh and e[1] == sh.cell_contents:
        f = e[2].slots.get("init")
        if f is not None:
            return f
    holder = t
    f = t.slots.get("init")
    if f is None:
        holder, f = lookup_holder(t, "init")
        if f is None:
            return None
    if len(_INIT_AT) >= _INIT_AT_MAX:
        _INIT_AT.clear()
    _INIT_AT[t] = (sh, sh.cell_contents, holder)
    return f


@P.gen("clone")
def clone(S, t):
    if not isinstance(t, IoObject):
        return t
    new = raw_clone(t)
    f = find_init(S, t)
    # Object's own init only answers self: skip the send (most clones never define init)
    if f is not None and not (f.__class__ is CFunction and f.fn.__func__ is init):
        yield from S.activate_value(f, new, S.init_message, S.lobby)
    return new


@P("cloneWithoutInit")
def clone_without_init(S, t):
    return raw_clone(t) if isinstance(t, IoObject) else t


@P("init")
def init(S, t):
    return t


@P("shallowCopy")
def shallow_copy(S, t):
    """A new plain Object holding the receiver's slots (upstream ignores its protos)."""
    o = need_obj(S, t, "shallowCopy")
    return IoObject(S.object_protos, dict(o.slots))


@P("setSlot")
def set_slot(S, t, name, value):
    S.set_slot(need_obj(S, t, "setSlot"), need_str(S, name, "setSlot"), value)
    return value


@P("setSlotWithType")
def set_slot_with_type(S, t, name, value):
    name = need_str(S, name, "setSlotWithType")
    S.set_slot(need_obj(S, t, "setSlotWithType"), name, value)
    if isinstance(value, IoObject) and "type" not in value.slots and value is not S.nil:
        S.set_slot(value, "type", name)
    return value


@P("updateSlot")
def update_slot(S, t, name, value):
    name = need_str(S, name, "updateSlot")
    if t.__class__ is IoObject:  # the usual receiver: compiled code calls here once its own
        if lookup_in(t, name) is not None:  # slot missed (a new clone's first update)
            S.set_slot(t, name, value)
            return value
    elif S.slot_value(t, name) is not None:
        S.set_slot(need_obj(S, t, "updateSlot"), name, value)
        return value
    raise IoError(f"Slot {name} not found. Must define slot using := operator before updating.")


@L_.gen("updateSlot")
def locals_update_slot(S, t, name, value):
    """``x = v`` inside a method: a local x if there is one, else ``updateSlot`` is sent to
    the method's self (which may define its own, as upstream allows)."""
    name = need_str(S, name, "updateSlot")
    loc = t
    while loc.__class__ is Locals:  # a block's self is the locals of the code around it
        slots = loc.slots
        if name in slots:
            slots[name] = value
            return value
        target = slots.get("self")
        if target is None or target is loc:
            break
        loc = target
    if loc is not t:
        own = S.slot_value(loc, "updateSlot")
        if own.__class__ is CFunction and own.fn.__func__ is update_slot:
            return update_slot(S, loc, name, value)
        msg = Message("updateSlot", [S.literal_message(name), S.literal_message(value)],
                      S.message_protos)
        return (yield from S.send(loc, msg, t))
    raise IoError(
        f"updateSlot - slot with name `{name}' not found in `{S.type_name(t)}'. "
        "Use := to create slots."
    )


@P.gen("newSlot")
def new_slot(S, t, name, value=None, doc=None):
    """``newSlot("x", v)`` (also ``x ::= v``): slot x plus a setter ``setX(v)`` returning self."""
    name = need_str(S, name, "newSlot")
    value = S.nil if value is None else value
    S.set_slot(need_obj(S, t, "newSlot"), name, value)
    setter_code = S.parse(f"method({name} = call evalArgAt(0); self)", "doString")
    setter = yield from S.eval_chain(setter_code, t, t)
    S.set_slot(t, "set" + name[:1].upper() + name[1:], setter)
    return value


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
        if t.slots.pop(need_str(S, name, "removeSlot"), None) is not None:
            S.reshaped()
    return t


@P("removeAllSlots")
def remove_all_slots(S, t):
    if isinstance(t, IoObject):
        t.slots.clear()
        S.reshaped()
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


@P("ancestorWithSlot")
def ancestor_with_slot(S, t, name):
    """The first object up the protos (not the receiver itself) that holds ``name``."""
    name = need_str(S, name, "ancestorWithSlot")
    for p in protos_of(S, t):
        _, ctx = lookup_context(p, name)
        if ctx is not None:
            return ctx
    return S.nil


def iter_ancestors(S, t):
    """The receiver and everything up its protos, depth first, each once (cycles are fine)."""
    seen = set()
    todo = [t]
    while todo:
        o = todo.pop()
        if id(o) in seen:
            continue
        seen.add(id(o))
        yield o
        todo.extend(reversed(protos_of(S, o)))


@P("ancestors")
def ancestors(S, t):
    return S.new_list(list(iter_ancestors(S, t)))


@P("ownsSlots")
def owns_slots(S, t):
    return S.bool(isinstance(t, IoObject))


@P("hasDirtySlot")
def has_dirty_slot(S, t, name=None):
    return S.false


@P("markClean")
def mark_clean(S, t):
    return t


@P("memorySize")
def memory_size(S, t):
    return float(t.__sizeof__() + (t.slots.__sizeof__() if isinstance(t, IoObject) else 0))


# -- protos --------------------------------------------------------------------------------
def protos_of(S, t) -> list:
    return t.protos if isinstance(t, IoObject) else [S.proto_of(t)]


@P("hasProto")
def has_proto(S, t, p):
    """Is ``p`` the receiver or anywhere up its protos (``isKindOf`` too)."""
    return S.bool(any(o is p for o in iter_ancestors(S, t)))


@P("proto")
def proto(S, t):
    ps = protos_of(S, t)
    return ps[0] if ps else S.nil


@P("protos")
def protos(S, t):
    return S.new_list(list(protos_of(S, t)))


def as_proto(S, p):
    """What a protos list may hold: an unboxed Number or string has no slots of its own,
    so its proto (Number, Sequence) stands in for it; lookup then finds the same slots."""
    return S.proto_of(p) if p.__class__ in (float, str) else p


# ``t become(v)`` makes t use v's data, as upstream points both at one object: t takes v's
# slots dict and protos list. Protos lists are replaced, never changed in place (objects may
# hold the same list), so a new list must go to every object using the same slots dict.
_BECOME: weakref.WeakSet = weakref.WeakSet()  # the objects that took part in a become


def share_data(t, v) -> None:
    """``t become(v)`` for two plain objects: from now on they have the same slots and protos
    (whichever of them changes them), and so do objects that became either before."""
    t.slots = v.slots
    t.protos = v.protos
    _BECOME.add(t)
    _BECOME.add(v)


def sharing(o) -> list:
    """``o`` and every object that uses its data since a become."""
    if not _BECOME or o not in _BECOME:
        return [o]
    return [x for x in _BECOME if x.slots is o.slots]


def replace_protos(o, protos: list) -> None:
    for x in sharing(o):
        x.protos = protos


@P("setProto")
def set_proto(S, t, p):
    replace_protos(need_obj(S, t, "setProto"), [as_proto(S, p)])
    used_as_proto(p)
    S.reshaped()
    return t


@P("setProtos")
def set_protos(S, t, lst):
    items = S.need_list(lst, "setProtos").items
    replace_protos(need_obj(S, t, "setProtos"), [as_proto(S, p) for p in items])
    for p in items:
        used_as_proto(p)
    S.reshaped()
    return t


@P("appendProto")
def append_proto(S, t, p):
    o = need_obj(S, t, "appendProto")
    replace_protos(o, o.protos + [as_proto(S, p)])
    used_as_proto(p)
    S.reshaped()
    return t


@P("prependProto")
def prepend_proto(S, t, p):
    o = need_obj(S, t, "prependProto")
    replace_protos(o, [as_proto(S, p)] + o.protos)
    used_as_proto(p)
    S.reshaped()
    return t


@P("removeProto")
def remove_proto(S, t, p):
    o = need_obj(S, t, "removeProto")
    replace_protos(o, [x for x in o.protos if x is not p])
    S.reshaped()
    return t


@P("removeAllProtos")
def remove_all_protos(S, t):
    replace_protos(need_obj(S, t, "removeAllProtos"), [])
    S.reshaped()
    return t


# -- identity and comparison ---------------------------------------------------------------
@P("isIdenticalTo")
def is_identical_to(S, t, o):
    return S.bool(t is o or (t.__class__ in (float, str) and t.__class__ is o.__class__ and t == o))


def identity(t) -> int:
    """An id that is equal for equal numbers and strings (upstream caches and interns them)."""
    if t.__class__ in (float, str):
        return hash((t.__class__, t)) & 0xFFFFFFFFFFFF
    return id(t)


@P("uniqueId", "uniqueHexId")
def unique_id(S, t):
    return "0x" + format(identity(t), "x")


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


# Upstream orders values of different types by the addresses of their types' tags, which its
# startup allocates in a fixed order. This is that order (measured with upstream's `compare`),
# so `list() > 0` or sorting a mixed List answers as upstream does, on every run; Python ids
# would change with memory layout. Classes not named here rank as plain Objects.
_TYPE_ORDER = {name: i for i, name in enumerate((
    "IoDate", "IoFile", "IoMap", "IoList", "CFunction", "Block", "IoDirectory", "Call",
    "Message", "IoWeakLink", "IoDuration", "float", "Coroutine", "IoObject", "str"))}
_TYPE_ORDER["MutableSeq"] = _TYPE_ORDER["IoVector"] = _TYPE_ORDER["str"]
_OBJECT_RANK = _TYPE_ORDER["IoObject"]


def compare_unlike(a, b) -> int:
    """-1, 0 or 1 for values the built-in ordering has no rule for: by type as upstream,
    then by identity (stable within a run, as upstream's by address)."""
    if a is b:
        return 0
    ra = _TYPE_ORDER.get(a.__class__.__name__, _OBJECT_RANK)
    rb = _TYPE_ORDER.get(b.__class__.__name__, _OBJECT_RANK)
    if ra != rb:
        return 1 if ra > rb else -1
    return (id(a) > id(b)) - (id(a) < id(b))


@P("-")
def negate_arg(S, t, n):
    """``-x`` parses as ``-(x)`` sent to the current context: the negated number."""
    if n.__class__ is not float:
        raise IoError(f"argument 0 to method '-' must be a Number, not a '{S.type_name(n)}'")
    return -n


@P.gen("..")
def concat(S, t, other):
    return (yield from S.as_string(t)) + (yield from S.as_string(other))


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
    return t if t is S.false or t is S.nil else S.true


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
        body = Message("nil", [], S.message_protos, label="[unlabeled]")
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


@P.lazy("lexicalDo")
def lexical_do(S, t, L, m):
    """Like ``do``, with the caller's locals as an extra proto while the code runs."""
    o = need_obj(S, t, "lexicalDo")
    if m.args:
        replace_protos(o, o.protos + [L])
        used_as_proto(L)
        S.reshaped()
        try:
            yield from S.eval_chain(m.args[0], o, o)
        finally:
            replace_protos(o, [p for p in o.protos if p is not L])
            S.reshaped()
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
    return (yield from S.eval_chain(msg, ctx, t))


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


@P.lazy("doRelativeFile", "relativeDoFile")
def do_relative_file(S, t, L, m):
    """``doFile`` with a path relative to the file the call is written in."""
    import os.path

    path = need_str(S, (yield from S.arg(m, L, 0)), "doRelativeFile")
    return (yield from do_file(S, t, os.path.join(os.path.dirname(m.label), path)))


@P.lazy("perform")
def perform(S, t, L, m):
    first = yield from S.arg(m, L, 0)
    if isinstance(first, Message):
        if len(m.args) != 1:
            raise IoError(
                "Io Assertion 'perform takes a single argument when using a Message as an argument'"
            )
        return (yield from S.send(t, first, L))
    if first.__class__ is not str:
        raise IoError("Io Assertion 'perform requires a Symbol or Message argument'")
    msg = Message(first, m.args[1:], S.message_protos, m.line, m.col, m.label)
    return (yield from S.send(t, msg, L))


@P.lazy("performWithArgList")
def perform_with_arg_list(S, t, L, m):
    name = need_str(S, (yield from S.arg(m, L, 0)), "performWithArgList")
    values = S.need_list((yield from S.arg(m, L, 1)), "performWithArgList", 1).items
    msg = Message(name, [S.literal_message(v) for v in values], S.message_protos,
                  m.line, m.col, m.label)
    return (yield from S.send(t, msg, L))


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


@P.lazy("inlineMethod")
def inline_method(S, t, L, m):
    """``m := inlineMethod(code)``: reading m runs code right in the reader's context (no
    new locals), like upstream's activatable message."""
    code = m.args[0] if m.args else Message("nil", [], S.message_protos, label=m.label)

    def run_inline(S, target, L, m):
        return (yield from S.eval_chain(code, L, L))

    activate = S._cfunction(run_inline, LAZY, "inlineMethod", "Object")
    return ActivatableObject(S.object_protos, {"message": code, "activate": activate})
    yield


@P.lazy("message")
def message(S, t, L, m):
    return m.args[0] if m.args else S.nil
    yield


@P("setIsActivatable")
def set_is_activatable(S, t, flag):
    """Blocks switch their flag; a plain object becomes (or stops being) one whose reading
    runs its ``activate`` slot."""
    on = S.truthy(flag)
    if isinstance(t, Block):
        t.activatable = on
        S.reshaped()  # call sites remember blocks they activated
    else:
        for x in sharing(t):
            if x.__class__ is (IoObject if on else ActivatableObject):
                x.__class__ = ActivatableObject if on else IoObject
    return t


@P("isActivatable")
def is_activatable(S, t):
    return S.bool(isinstance(t, Block) and t.activatable
                  or isinstance(t, (CFunction, ActivatableObject)))


@P("argIsActivationRecord")
def arg_is_activation_record(S, t):
    return S.bool(isinstance(t, IoObject) and "call" in t.slots)


@P("argIsCall")
def arg_is_call(S, t, v):
    return S.bool(isinstance(v, Call))


@P("returnIfNonNil")
def return_if_non_nil(S, t):
    if t is not S.nil:
        raise IoReturn(t)
    return t


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


@P.gen("asString")
def as_string(S, t):
    if t.__class__ is IoObject and t is not S.nil and t is not S.true and t is not S.false:
        return (yield from slot_summary(S, t))
    return S.simple_string(t)


@P("asSimpleString")
def as_simple_string(S, t):
    return simple_repr(S, t)


def simple_text(S, v):
    """``v asSimpleString`` as text: the built-in form, or the value's own method's answer."""
    f = S.slot_value(v, "asSimpleString")
    if f is None or f.__class__ is CFunction:
        return simple_repr(S, v)
    r = yield from S.activate_value(f, v, Message("asSimpleString", [], S.message_protos), S.lobby)
    return (yield from S.as_string(r))


def summary_lines(S, t, keyword):
    """``  name = value`` lines for the receiver's own slots whose names contain ``keyword``
    (any case; all of them when keyword is nil), sorted."""
    key = None if keyword is None or keyword is S.nil else need_str(S, keyword, "slotSummary").lower()
    slots = t.slots if isinstance(t, IoObject) else {}
    lines = []
    for name in sorted(slots):
        if (key is None or key in name.lower()) and name in slots:
            lines.append(f"  {name.ljust(16)} = {(yield from simple_text(S, slots[name]))}\n")
    return lines


@P.gen("slotSummary")
def slot_summary(S, t, keyword=None):
    """`` Type_0x..:`` and one line per local slot, the format ``asString`` uses."""
    if isinstance(t, Block) or not isinstance(t, IoObject):
        return simple_repr(S, t)
    head = yield from simple_text(S, t)
    return f" {head}:\n" + "".join((yield from summary_lines(S, t, keyword)))


@P.gen("apropos")
def apropos(S, t, keyword=None):
    """Print, for every proto in Core, its slots whose names contain ``keyword``."""
    for name in sorted(S.core.slots):
        lines = yield from summary_lines(S, S.core.slots[name], keyword)
        if lines:
            S.write(name + "\n" + "".join(lines) + "\n")
    return S.nil


@P("type")
def type_(S, t):
    return S.type_name(t)


@P("list")
def list_(S, t, *items):
    return S.new_list(list(items))


@P("")
def group(S, t, value=None):
    """``(expr)``: the parser makes an unnamed message whose argument is the expression."""
    return S.nil if value is None else value


# The Object primitives upstream's Locals proto has (state.py copies only these): anything
# else sent without a receiver inside a method goes on to the method's self, as upstream.
LOCALS_OWN = frozenset((
    "", "!=", "-", "<", "<=", "==", ">", ">=", "ancestorWithSlot", "appendProto",
    "argIsActivationRecord", "argIsCall", "asBoolean", "become", "block", "break", "clone",
    "cloneWithoutInit", "compare", "contextWithSlot", "continue", "do", "doMessage", "doString",
    "evalArg", "evalArgAndReturnNil", "evalArgAndReturnSelf", "for", "foreachSlot", "forward",
    "getLocalSlot", "getSlot", "hasDirtySlot", "hasLocalSlot", "hasProto", "if", "init",
    "isActivatable", "isIdenticalTo", "lexicalDo", "loop", "markClean", "memorySize", "message",
    "method", "ownsSlots", "perform", "performWithArgList", "prependProto", "print", "proto",
    "protos", "removeAllProtos", "removeAllSlots", "removeProto", "removeSlot", "return",
    "returnIfNonNil", "setIsActivatable", "setProto", "setProtos", "setSlot", "setSlotWithType",
    "shallowCopy", "slotNames", "slotValues", "stopStatus", "thisContext", "thisLocalContext",
    "thisMessage", "type", "uniqueId", "updateSlot", "while", "write", "writeln",
    # Io methods upstream that read the sender's call or only build a value: kept local
    "super", "resend", "list",
))

"""Payload-carrying Io objects, in one place so every module agrees on their shape.

Each class only adds data; behaviour lives in the proto modules (``protos/``) and the
evaluator (``eval/``).
"""

from __future__ import annotations

from .objects import IoObject


class CFunction(IoObject):
    """A primitive method. ``kind`` is registry.EAGER / GEN / LAZY; ``lo``/``hi`` its arity."""

    __slots__ = ("fn", "kind", "lo", "hi", "name", "owner")

    def __init__(self, protos, fn, kind, lo, hi, name, owner) -> None:
        self.slots = {}
        self.protos = protos
        self.fn = fn
        self.kind = kind
        self.lo = lo
        self.hi = hi
        self.name = name
        self.owner = owner  # proto name, for error texts and printing


class Block(IoObject):
    """``method(...)`` (scope None, activatable) or ``block(...)`` (scope = creating locals)."""

    __slots__ = ("message", "arg_names", "scope", "activatable", "pass_stops", "needs_call")

    def __init__(self, protos, message, arg_names, scope, activatable) -> None:
        self.slots = {}
        self.protos = protos
        self.message = message
        self.arg_names = arg_names
        self.scope = scope
        self.activatable = activatable
        self.pass_stops = False
        self.needs_call = None  # whether activations need a Call object (engine decides)


class ActivatableObject(IoObject):
    """A plain object after ``setIsActivatable(true)``: reaching its slot runs its
    ``activate`` slot instead of answering the object (upstream's activatable objects)."""

    __slots__ = ()


class Call(IoObject):
    """What ``call`` answers inside an activation."""

    __slots__ = ("sender", "message", "target", "activated", "coroutine", "stop_status",
                 "context")

    def __init__(self, protos, sender, message, target, activated, coroutine) -> None:
        self.slots = {}
        self.protos = protos
        self.sender = sender
        self.message = message
        self.target = target
        self.activated = activated
        self.coroutine = coroutine
        self.stop_status = None
        self.context = None


class IoList(IoObject):
    __slots__ = ("items",)

    def __init__(self, protos, items=None) -> None:
        self.slots = {}
        self.protos = protos
        self.items = [] if items is None else items


class IoMap(IoObject):
    __slots__ = ("map",)

    def __init__(self, protos, mapping=None) -> None:
        self.slots = {}
        self.protos = protos
        self.map = {} if mapping is None else mapping


class MutableSeq(IoObject):
    """A mutable Sequence. Text is kept as a Python str; appends are buffered so that
    building a long string piece by piece stays linear."""

    __slots__ = ("_s", "_parts", "encoding", "item_type")

    def __init__(self, protos, s: str = "") -> None:
        self.slots = {}
        self.protos = protos
        self._s = s
        self._parts = None
        self.encoding = "utf8"
        self.item_type = "uint8"

    @property
    def s(self) -> str:
        parts = self._parts
        if parts is not None:
            self._s = self._s + "".join(parts)
            self._parts = None
        return self._s

    @s.setter
    def s(self, value: str) -> None:
        self._s = value
        self._parts = None

    def append(self, text: str) -> None:
        parts = self._parts
        if parts is None:
            self._parts = [text]
        else:
            parts.append(text)


class Coroutine(IoObject):
    """An Io coroutine: its own heap stack of generators, run by the trampoline."""

    __slots__ = ("stack", "depth", "parent", "result", "exception", "started", "finished",
                 "send_value", "throw_exc", "starter")

    def __init__(self, protos) -> None:
        self.slots = {}
        self.protos = protos
        self.stack = []
        self.depth = 0
        self.parent = None
        self.result = None
        self.exception = None
        self.started = False
        self.finished = False
        self.send_value = None
        self.throw_exc = None
        self.starter = None  # a callable making the first generator (set by `run`)


class IoExceptionObj(IoObject):
    """An Exception: its Io slots (error, ...) plus the Io stack frames it unwound."""

    __slots__ = ("frames",)

    def __init__(self, protos) -> None:
        self.slots = {}
        self.protos = protos
        self.frames = []


def _copy_fields(names):
    def copy(src, dst):
        for n in names:
            setattr(dst, n, getattr(src, n))

    return copy


# How `clone` fills a new object's payload from its proto (upstream copies data on clone).
CLONE_PAYLOAD = {
    CFunction: _copy_fields(CFunction.__slots__),
    Block: _copy_fields(Block.__slots__),
    Call: _copy_fields(Call.__slots__),
    IoList: lambda s, d: setattr(d, "items", list(s.items)),
    IoMap: lambda s, d: setattr(d, "map", dict(s.map)),
    IoExceptionObj: lambda s, d: setattr(d, "frames", []),
}


def raw_clone(proto: IoObject) -> IoObject:
    """A new object whose only proto is ``proto``, with a copy of its payload."""
    cls = proto.__class__
    new = cls.__new__(cls)
    new.slots = {}
    new.protos = [proto]
    new.leaf = True
    proto.leaf = False
    if cls is IoObject:  # most clones: no payload
        return new
    copy = CLONE_PAYLOAD.get(cls)
    if copy is not None:
        copy(proto, new)
    elif cls is MutableSeq:
        new._s, new._parts = proto.s, None
        new.encoding, new.item_type = proto.encoding, proto.item_type
    elif cls is Coroutine:
        Coroutine.__init__(new, [proto])
    else:
        init = getattr(cls, "clone_from", None)
        if init is not None:
            init(new, proto)
    return new

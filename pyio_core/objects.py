"""The Io object model: slots, protos and lookup.

Numbers (Python float) and immutable strings (Python str) are unboxed: they have no slots of
their own and look up through the Number / Sequence protos. Everything else is an IoObject.
A ``protos`` list is never mutated in place (it is replaced), so many objects may share one.
Slot values are never Python ``None``, so ``dict.get`` doubles as the "found?" test.
"""

from __future__ import annotations


class IoObject:
    """A plain Io object. Subclasses add a payload (list items, map entries, ...)."""

    # ``leaf``: set True on a new clone (and on activation locals) until something uses it
    # as a proto; a slot added to a leaf cannot change where a walk through protos ends, so
    # it needs no shape report (see Engine.set_slot). Unset means "maybe a proto".
    __slots__ = ("slots", "protos", "leaf", "__weakref__")

    def __init__(self, protos: list, slots: dict | None = None) -> None:
        self.slots = {} if slots is None else slots
        self.protos = protos


class Locals(IoObject):
    """The locals of one block activation: args, ``self``, ``call`` and local variables.

    Its only proto is the Locals proto (a copy of Object's primitive slots); anything not
    found there is forwarded to ``self``, exactly as upstream does.
    """

    __slots__ = ()


class WatchedSlots(dict):
    """The slots of a proto whose built-ins compiled code runs inline (Number's arithmetic):
    every change calls ``on_change``, so the inline code can test one flag instead of
    looking the operator up each time. Reading stays the plain dict's."""

    __slots__ = ("on_change",)

    def __init__(self, items: dict, on_change) -> None:
        super().__init__(items)
        self.on_change = on_change

    def __setitem__(self, key, value) -> None:
        super().__setitem__(key, value)
        self.on_change()

    def __delitem__(self, key) -> None:
        super().__delitem__(key)
        self.on_change()

    def __ior__(self, other):
        self.update(other)
        return self

    def _changing(name: str):  # noqa: N805  (builds the methods below)
        method = getattr(dict, name)

        def changing(self, *args, **kw):
            result = method(self, *args, **kw)
            self.on_change()
            return result
        changing.__name__ = name
        return changing

    pop = _changing("pop")
    popitem = _changing("popitem")
    clear = _changing("clear")
    update = _changing("update")
    setdefault = _changing("setdefault")
    del _changing


def used_as_proto(p) -> None:
    """``p`` is going into a protos list: slots added to it now change lookups."""
    if isinstance(p, IoObject):
        p.leaf = False


def lookup_in(obj: IoObject, name: str):
    """Find ``name`` in ``obj`` and its protos, depth first; None when absent."""
    v = obj.slots.get(name)
    if v is not None:
        return v
    return lookup_holder(obj, name)[1]


def lookup_holder(obj: IoObject, name: str):
    """(holder, value) for ``name`` in ``obj``'s protos (not its own slots); (None, None)
    when absent. Compiled code caches the holder and reads the value from it live."""
    protos = obj.protos
    hops = 0
    while len(protos) == 1:
        p = protos[0]
        v = p.slots.get(name)
        if v is not None:
            return p, v
        protos = p.protos
        hops += 1
        if hops > 64:
            break
    if not protos:
        return None, None
    v, holder = _lookup_careful(obj, name, set())
    return holder, v


def lookup_context(obj: IoObject, name: str):
    """Like lookup_in, also returning the object that holds the slot (``slotContext``)."""
    v = obj.slots.get(name)
    if v is not None:
        return v, obj
    return _lookup_careful(obj, name, set())


def _lookup_careful(obj: IoObject, name: str, active: set):
    """Depth-first over several protos, skipping objects already on the search path
    (upstream's hasDoneLookup mark), so cyclic proto graphs terminate."""
    stack = [(obj, 0)]
    active.add(id(obj))
    path = [obj]
    # iterative DFS keeping the "on current path" set like upstream's recursion
    while stack:
        o, i = stack[-1]
        if i == 0 and o is not obj:
            v = o.slots.get(name)
            if v is not None:
                return v, o
        protos = o.protos
        if i < len(protos):
            stack[-1] = (o, i + 1)
            p = protos[i]
            if id(p) in active:
                continue
            active.add(id(p))
            path.append(p)
            stack.append((p, 0))
        else:
            stack.pop()
            active.discard(id(path.pop()))
    return None, None

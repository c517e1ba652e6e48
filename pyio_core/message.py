"""Io messages: the parse tree, the code, and a first-class Io value all at once.

A program is a chain of Message nodes linked by ``next``; arguments are chains too. The
evaluator walks (or compiles) these chains, and Io code can inspect and rewrite them, so
every mutation goes through methods that drop compiled code built from the old shape.
"""

from __future__ import annotations

from .objects import IoObject


class Message(IoObject):
    """One message send: ``name(args...)`` followed by ``next``.

    ``cached`` holds the literal value of number/string literals (``None`` for ordinary
    sends: Python's None is never an Io value). ``units`` lists compiled code that was
    generated from this node; any mutation clears it so stale code is never run.
    """

    __slots__ = ("name", "args", "next", "cached", "label", "line", "col", "units", "code",
                 "hits", "loop_code", "entry")

    def __init__(
        self,
        name: str,
        args: list[Message] | None,
        protos: list,
        line: int = 0,
        col: int = 0,
        label: str = "",
        cached: object = None,
    ) -> None:
        self.slots = {}
        self.protos = protos
        self.name = name
        self.args = args if args is not None else []
        self.next = None
        self.cached = cached
        self.label = label
        self.line = line
        self.col = col
        self.units = None
        self.code = None  # compiled generator function for the chain starting here
        self.hits = 0  # evaluations so far; hot chains get compiled (eval/compiler.py)
        self.loop_code = None  # this message alone, compiled: loops run inline at once
        self.entry = None  # compiled activation of a block whose body starts here

    # -- mutation: every structural change invalidates compiled code ---------------------
    def invalidate(self) -> None:
        """Drop compiled code of every chain this node was compiled into."""
        units = self.units
        if units:
            self.units = None
            for root in units:
                if root.entry is not None:  # call sites may hold it: make it hand over
                    root.entry.__globals__["NAMES"] = None  # (see compiler.compile_entry)
                root.code = root.loop_code = root.entry = None
                root.hits = 0

    def set_name(self, name: str) -> None:
        self.name = name
        self.invalidate()

    def set_args(self, args: list[Message]) -> None:
        self.args = args
        self.invalidate()

    def set_next(self, nxt: Message | None) -> None:
        self.next = nxt
        self.invalidate()

    def set_cached(self, value: object) -> None:
        self.cached = value
        self.invalidate()

    def clone_from(self, proto: Message) -> None:
        """Payload of a raw clone (``values.raw_clone``): upstream keeps the name and label
        and starts with no arguments, next or cached result."""
        Message.__init__(self, proto.name, None, [proto], label=proto.label)

    # -- helpers -------------------------------------------------------------------------
    def is_eol(self) -> bool:
        return self.name == ";" and self.cached is None and not self.args

    def chain(self):
        m = self
        while m is not None:
            yield m
            m = m.next

    def last(self) -> Message:
        m = self
        while m.next is not None:
            m = m.next
        return m

    def __repr__(self) -> str:  # debugging aid only
        return f"<Message {self.name!r} {self.label}:{self.line}:{self.col}>"

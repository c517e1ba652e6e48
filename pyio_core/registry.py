"""Declaring primitives: each proto module lists its methods with small decorators.

Three calling conventions keep the hot path cheap:
- ``eager``: the caller evaluates the arguments; ``fn(S, target, *args)`` returns a value and
  never runs Io code.
- ``gen``: as eager, but ``fn`` is a generator (it may call back into Io with ``yield from``).
- ``lazy``: ``fn(S, target, locals, message)`` is a generator that evaluates its own arguments
  (``if``, ``while``, ``method``...), like upstream's lazy-argument primitives.
"""

from __future__ import annotations

from collections.abc import Callable

EAGER, GEN, LAZY = 0, 1, 2

# proto name -> list of (slot name, function, kind)
TABLE: dict[str, list[tuple[str, Callable, int]]] = {}

# proto name -> IoObject subclass the proto is built as (protos whose clones carry a payload)
PROTO_CLASSES: dict[str, type] = {}


class Prims:
    """Collects the primitives of one proto: ``P = Prims("Number")``, then ``@P("+")``.

    ``cls`` builds the proto itself as that IoObject subclass (a payload, like File's path)."""

    def __init__(self, proto: str, cls: type | None = None) -> None:
        self.proto = proto
        TABLE.setdefault(proto, [])
        if cls is not None:
            PROTO_CLASSES[proto] = cls

    def _add(self, names, kind: int):
        def deco(fn):
            for name in names:
                TABLE[self.proto].append((name, fn, kind))
            return fn

        return deco

    def __call__(self, *names: str):
        return self._add(names, EAGER)

    def gen(self, *names: str):
        return self._add(names, GEN)

    def lazy(self, *names: str):
        return self._add(names, LAZY)


def arity(fn: Callable) -> tuple[int, int]:
    """(min, max) count of Io arguments an eager primitive takes; max -1 means any.
    Read from the code object: inspect.signature is too slow for start-up."""
    code = fn.__code__
    n = code.co_argcount - 2  # skip S, target
    lo = n - len(fn.__defaults__ or ())
    if code.co_flags & 0x04:  # CO_VARARGS
        return lo, -1
    return lo, n

"""Primitive tables for the bridge's protos, installed per interpreter.

pyio_core's ``registry.Prims`` registers globally (every Interpreter gets those protos); the
bridge must only appear where it is installed, so it keeps its own tables and binds each
function to the ``Bridge`` (or the interpreter, for JS-free protos) at install time.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MethodType

from pyio_core.registry import EAGER, GEN, LAZY, arity
from pyio_core.values import CFunction


class Table:
    """``T = Table("JSObject")``; ``@T("get")`` eager, ``@T.gen`` generator, ``@T.lazy`` raw
    message (same conventions as pyio_core.registry)."""

    def __init__(self, owner: str) -> None:
        self.owner = owner
        self.entries: list[tuple[str, Callable, int]] = []

    def _add(self, names, kind: int):
        def deco(fn):
            for name in names:
                self.entries.append((name, fn, kind))
            return fn

        return deco

    def __call__(self, *names: str):
        return self._add(names, EAGER)

    def gen(self, *names: str):
        return self._add(names, GEN)

    def lazy(self, *names: str):
        return self._add(names, LAZY)

    def install(self, S, target, bound) -> None:
        """Put every primitive on ``target``; functions get ``bound`` as first argument."""
        for name, fn, kind in self.entries:
            lo, hi = arity(fn) if kind != LAZY else (0, -1)
            target.slots[name] = CFunction(S.cfunc_protos, MethodType(fn, bound), kind, lo, hi,
                                           name, self.owner)


def new_proto(S, cls, name: str, parent=None):
    """A proto object of payload class ``cls`` with ``type`` = name, registered in Core."""
    p = cls.__new__(cls)
    cls.__init__(p, [S.Object if parent is None else parent])
    p.slots["type"] = name
    S.core.slots[name] = p
    return p

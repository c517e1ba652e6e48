"""WeakLink: a reference that does not keep its target alive (``link`` is nil once the
target has been collected).

Objects are held through Python weak references. Numbers and immutable strings are values
that Python cannot reference weakly; a link to one simply keeps it, which no Io program can
tell apart, since a value is never collected while it can still be named.
"""

from __future__ import annotations

import weakref

from ..errors import IoError
from ..objects import IoObject
from ..registry import Prims


class IoWeakLink(IoObject):
    """WeakLink's payload: ``target``, a callable answering the linked object or None."""

    __slots__ = ("target",)

    def __init__(self, protos) -> None:
        self.slots = {}
        self.protos = protos
        self.target = _nothing

    def clone_from(self, proto: IoWeakLink) -> None:
        """Clones start unlinked, as upstream's do."""
        self.target = _nothing


def _nothing():
    return None


P = Prims("WeakLink", IoWeakLink)


def need_link(S, t, method: str) -> IoWeakLink:
    if isinstance(t, IoWeakLink):
        return t
    raise IoError(f"WeakLink {method} called on a '{S.type_name(t)}'")


@P("setLink")
def set_link(S, t, value):
    w = need_link(S, t, "setLink")
    if value is S.nil:
        w.target = _nothing
    elif isinstance(value, IoObject):
        w.target = weakref.ref(value)
    else:
        w.target = lambda: value
    return t


@P("link")
def link(S, t):
    v = need_link(S, t, "link").target()
    return S.nil if v is None else v

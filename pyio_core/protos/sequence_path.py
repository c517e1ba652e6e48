"""Sequence path methods: components, extensions and joining, with '/' as the separator."""

from __future__ import annotations

import os

from ..registry import Prims
from .object import need_str
from .sequence_base import mutable, new_mutable, text
from .sequence_text import split_text

P = Prims("Sequence")


def last_component_start(s: str) -> int:
    """Where the last path component begins; trailing separators belong to it."""
    if not s:
        return 0
    size, pos = len(s), 0
    while size:
        pos = s.rfind("/", 0, size)
        if pos != size - 1:
            break
        size = pos
    return 0 if pos == -1 else pos + 1


def join_path(a: str, b: str) -> str:
    """``a`` and ``b`` with exactly one separator between them."""
    a_sep, b_sep = a.endswith("/"), b.startswith("/")
    if a_sep and b_sep:
        return a + b[1:]
    if a_sep or b_sep or not a:
        return a + b
    return a + "/" + b


@P("lastPathComponent")
def last_path_component(S, t):
    s = text(S, t)
    return new_mutable(S, s[last_component_start(s):])


@P("pathComponent")
def path_component(S, t):
    s = text(S, t)
    return s[:max(last_component_start(s) - 1, 0)]


@P("pathExtension")
def path_extension(S, t):
    s = text(S, t)
    i = s.rfind(".")
    return "" if i == -1 or i == len(s) - 1 else s[i + 1:]


@P("fileName")
def file_name(S, t):
    s = text(S, t)
    if not s:
        return t
    parts = split_text(s, ["/"])
    last = parts[-1] if parts else ""
    pieces = split_text(last, ["."])
    if len(pieces) > 1:
        pieces.pop()
    return new_mutable(S, ".".join(pieces))


@P("appendPathSeq")
def append_path_seq(S, t, other):
    part = need_str(S, other, "appendPathSeq")
    seq = mutable(S, t, "appendPathSeq")
    seq.s = join_path(seq.s, part)
    return t


@P("cloneAppendPath")
def clone_append_path(S, t, other):
    return join_path(text(S, t), need_str(S, other, "cloneAppendPath"))


@P("asOSPath", "asIoPath")
def as_os_path(S, t):
    return text(S, t)


@P("stringByExpandingTilde")
def string_by_expanding_tilde(S, t):
    return text(S, t).replace("~", os.environ.get("HOME", "~"))

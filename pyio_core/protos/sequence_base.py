"""Helpers shared by the Sequence modules: receivers, arguments, indexes, results."""

from __future__ import annotations

import math
import string

from ..errors import IoError
from ..values import MutableSeq
from .number import format_number


def text(S, t) -> str:
    """The characters of a Sequence receiver."""
    c = t.__class__
    if c is str:
        return t
    if c is MutableSeq:
        return t.s
    raise IoError(f"Sequence method called on a '{S.type_name(t)}'")


def mutable(S, t, method: str) -> MutableSeq:
    """The receiver, which must be a mutable Sequence (upstream's IO_ASSERT_NOT_SYMBOL)."""
    if t.__class__ is MutableSeq:
        return t
    if t.__class__ is str:
        raise IoError(f"'{method}' cannot be called on an immutable Sequence")
    raise IoError(f"Sequence method called on a '{S.type_name(t)}'")


def new_mutable(S, s: str) -> MutableSeq:
    return MutableSeq(S.seq_protos, s)


def like(S, t, s: str):
    """A result with the receiver's mutability: Symbols give Symbols, others new copies."""
    return s if t.__class__ is str else new_mutable(S, s)


def number(S, v, method: str, i: int = 0) -> float:
    if v.__class__ is float:
        return v
    raise IoError(f"argument {i} to method '{method}' must be a Number, not a '{S.type_name(v)}'")


def integer(S, v, method: str, i: int = 0) -> int:
    """A Number argument truncated to an integer, as C's (long) cast does."""
    n = number(S, v, method, i)
    return int(n) if math.isfinite(n) else 0


def size_t(S, v, method: str, i: int = 0) -> int:
    n = integer(S, v, method, i)
    if n < 0:
        raise IoError("IoMessage_locals_sizetArgAt_ attempt to get size_t value from "
                      f"negative number {format_number(float(n))}")
    return n


def assertion(flag: bool, what: str) -> None:
    if not flag:
        raise IoError(f"Io Assertion '{what}'")


def wrap(pos: int, size: int) -> int:
    """Upstream's index wrapping: negatives count from the end, past-the-end clamps."""
    if pos > size - 1:
        return size
    if pos < 0:
        pos += size
        if pos < 0:
            pos = 0
    return pos


def find(s: str, sub: str, start: int = 0) -> int:
    """Index of ``sub`` at or after ``start``, -1 if absent (nothing is found in "")."""
    if start >= len(s):
        return -1
    return s.find(sub, max(start, 0))


def check_char(n: float) -> str:
    """The character for an item value (text sequences hold code points)."""
    i = int(n) if math.isfinite(n) else 0
    if 0 <= i < 0x110000:
        return chr(i)
    return chr(i & 0xFF)


# Upstream changes case with C's toupper/tolower: ASCII letters only.
_UPPER = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)
_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def ascii_upper(s: str) -> str:
    return s.translate(_UPPER)


def ascii_lower(s: str) -> str:
    return s.translate(_LOWER)

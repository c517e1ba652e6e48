"""Sequence editing: concatenation, appending, inserting, removing and replacing.

Mutating methods require a mutable receiver, as upstream (``'x' cannot be called on an
immutable Sequence``); ``..`` and cloneAppendSeq build new Symbols instead.
"""

from __future__ import annotations

from ..errors import IoError
from ..registry import Prims
from ..values import IoMap, MutableSeq
from .number import format_number
from .object import need_str
from .sequence import at_put
from .sequence_base import (
    assertion,
    check_char,
    find,
    integer,
    like,
    mutable,
    new_mutable,
    number,
    size_t,
    text,
    wrap,
)
from .sequence_bytes import as_text, is_bytes, is_raw, raw_append, raw_set_size, widen

P = Prims("Sequence")


# -- concatenation -------------------------------------------------------------------------
def _one_byte(v, s: str) -> bool:
    """Whether upstream keeps this operand of ``..`` one byte per character (ascii): a byte
    sequence (``233 asCharacter``), or text that is all ASCII (numbers' text included)."""
    if v.__class__ is MutableSeq:
        return v.encoding == "ascii" and is_bytes(v)
    return s.isascii()


def joined(S, t, head: str, other, tail: str):
    """``head + tail`` as a new Symbol, or, when a byte sequence with bytes past ASCII is
    joined to bytes or ASCII text, as a new byte sequence: upstream's result is then ascii,
    so ``File write`` must write its bytes, not their characters as UTF-8."""
    s = head + tail
    if ((t.__class__ is MutableSeq or other.__class__ is MutableSeq) and not s.isascii()
            and _one_byte(t, head) and _one_byte(other, tail)):
        seq = new_mutable(S, s)
        seq.encoding = "ascii"
        return seq
    return s


@P.gen("..")
def concat(S, t, other):
    if other.__class__ is str:
        if t.__class__ is str:
            return t + other if other else t
        tail = other
    else:
        tail = yield from S.as_string(other)
    if t.__class__ is str:
        head = t
    elif t.__class__ is MutableSeq:
        head = as_text(S, t)
    else:
        head = yield from S.as_string(t)
    return joined(S, t, head, other, tail)


@P("cloneAppendSeq")
def clone_append_seq(S, t, other):
    c = other.__class__
    if c is float:
        tail = format_number(other)
    elif c is str or c is MutableSeq:
        tail = text(S, other)
    else:
        raise IoError("argument 0 to method 'cloneAppendSeq' must be a number or string, not "
                      f"a '{S.type_name(other)}'")
    return joined(S, t, text(S, t), other, tail)


@P("slicesBetween")
def slices_between(S, t, start, end):
    s = text(S, t)
    a = need_str(S, start, "slicesBetween")
    b = need_str(S, end, "slicesBetween", 1)
    found = []
    at = 0
    while True:
        i = find(s, a, at)
        if i == -1:
            break
        j = find(s, b, i + len(a))
        if j == -1:
            break
        found.append(like(S, t, s[i + len(a):j]))
        at = max(j + len(b), i + 1)  # empty separators must still move on
    return S.new_list(found)


@P("set")
def set_(S, t, *values):
    seq = mutable(S, t, "set")
    for i, v in enumerate(values):
        at_put(S, seq, float(i), number(S, v, "set", i))
    return t


@P.gen("appendSeq")
def append_seq(S, t, *parts):
    seq = mutable(S, t, "appendSeq")
    assertion(bool(parts), "requires at least one argument")
    for p in parts:
        c = p.__class__
        if c is str:
            seq.append(p)
        elif c is float:
            seq.append(format_number(p))
        else:
            seq.append((yield from S.as_string(p)))
        widen(seq, p)
    return t


@P("append")
def append(S, t, *values):
    seq = mutable(S, t, "append")
    assertion(bool(values), "requires at least one argument")
    if is_raw(seq):
        for i, v in enumerate(values):
            raw_append(seq, number(S, v, "append", i))
        return t
    seq.append("".join(check_char(number(S, v, "append", i)) for i, v in enumerate(values)))
    return t


@P.gen("atInsertSeq")
def at_insert_seq(S, t, index, value):
    i = size_t(S, index, "atInsertSeq")
    ins = yield from S.as_string(value)
    seq = mutable(S, t, "atInsertSeq")
    s = seq.s
    assertion(i <= len(s), "insert index out of sequence bounds")
    seq.s = s[:i] + ins + s[i:]
    return t


@P.gen("insertSeqEvery")
def insert_seq_every(S, t, value, count):
    ins = yield from S.as_string(value)
    n = size_t(S, count, "insertSeqEvery", 1)
    seq = mutable(S, t, "insertSeqEvery")
    s = seq.s
    assertion(n > 0, "aNumberOfItems must be > 0")
    assertion(n <= len(s), "aNumberOfItems out of sequence bounds")
    parts = [s[i:i + n] for i in range(0, len(s), n)]
    tail = "" if len(parts[-1]) == n else parts.pop()
    seq.s = "".join(p + ins for p in parts) + tail
    return t


# -- removing ------------------------------------------------------------------------------
@P("removeAt")
def remove_at(S, t, index):
    i = integer(S, index, "removeAt")
    seq = mutable(S, t, "removeAt")
    s = seq.s
    i = wrap(i, len(s))
    if i >= len(s):
        return S.nil
    seq.s = s[:i] + s[i + 1:]
    return float(ord(s[i]))


@P("removeSlice")
def remove_slice(S, t, start, end):
    a = integer(S, start, "removeSlice")
    b = integer(S, end, "removeSlice", 1)
    seq = mutable(S, t, "removeSlice")
    s = seq.s
    a, b = wrap(a, len(s)), wrap(b, len(s))
    if b >= a:
        seq.s = s[:a] + s[b + 1:]
    return t


@P("removeLast")
def remove_last(S, t):
    seq = mutable(S, t, "removeLast")
    seq.s = seq.s[:-1]
    return t


@P("removePrefix")
def remove_prefix(S, t, other):
    prefix = need_str(S, other, "removePrefix")
    seq = mutable(S, t, "removePrefix")
    if prefix and seq.s.startswith(prefix):
        seq.s = seq.s[len(prefix):]
    return t


@P("removeSuffix")
def remove_suffix(S, t, other):
    suffix = need_str(S, other, "removeSuffix")
    seq = mutable(S, t, "removeSuffix")
    if suffix and seq.s.endswith(suffix):
        seq.s = seq.s[:-len(suffix)]
    return t


@P("removeSeq")
def remove_seq(S, t, other):
    sub = need_str(S, other, "removeSeq")
    seq = mutable(S, t, "removeSeq")
    if sub:
        seq.s = seq.s.replace(sub, "")
    return t


@P("leaveThenRemove")
def leave_then_remove(S, t, leave, remove):
    keep = size_t(S, leave, "leaveThenRemove")
    drop = size_t(S, remove, "leaveThenRemove", 1)
    seq = mutable(S, t, "leaveThenRemove")
    assertion(keep > 0 or drop > 0, "either aNumberToLeave or aNumberToRemove must be > 0")
    s = seq.s
    if keep == 0:
        seq.s = ""
    elif drop:
        period = keep + drop
        seq.s = "".join(s[i:i + keep] for i in range(0, len(s), period))
    return t


@P("setSize")
def set_size(S, t, n):
    k = size_t(S, n, "setSize")
    seq = mutable(S, t, "setSize")
    if is_raw(seq):
        raw_set_size(seq, k)
        return t
    s = seq.s
    seq.s = s[:k] if k <= len(s) else s + "\0" * (k - len(s))
    return t


@P("preallocateToSize")
def preallocate_to_size(S, t, n):
    size_t(S, n, "preallocateToSize")
    mutable(S, t, "preallocateToSize")
    return t


@P("empty")
def empty(S, t):
    mutable(S, t, "empty").s = ""
    return t


@P("clipBeforeSeq")
def clip_before_seq(S, t, other):
    sub = need_str(S, other, "clipBeforeSeq")
    seq = mutable(S, t, "clipBeforeSeq")
    i = find(seq.s, sub)
    if i != -1:
        seq.s = seq.s[i:]
    return t


@P("clipAfterSeq")
def clip_after_seq(S, t, other):
    sub = need_str(S, other, "clipAfterSeq")
    seq = mutable(S, t, "clipAfterSeq")
    i = find(seq.s, sub)
    if i != -1:
        seq.s = seq.s[:i + len(sub)]
    return t


@P("clipBeforeEndOfSeq")
def clip_before_end_of_seq(S, t, other):
    sub = need_str(S, other, "clipBeforeEndOfSeq")
    seq = mutable(S, t, "clipBeforeEndOfSeq")
    i = find(seq.s, sub)
    if i != -1:
        seq.s = seq.s[i + len(sub):]
    return t


@P("clipAfterStartOfSeq")
def clip_after_start_of_seq(S, t, other):
    sub = need_str(S, other, "clipAfterStartOfSeq")
    seq = mutable(S, t, "clipAfterStartOfSeq")
    i = find(seq.s, sub)
    if i != -1:
        seq.s = seq.s[:i]
    return t


# -- replacing -----------------------------------------------------------------------------
@P("replaceSeq")
def replace_seq(S, t, old, new):
    a = need_str(S, old, "replaceSeq")
    b = need_str(S, new, "replaceSeq", 1)
    seq = mutable(S, t, "replaceSeq")
    if a:
        seq.s = seq.s.replace(a, b)
    return t


@P("replaceFirstSeq")
def replace_first_seq(S, t, old, new, start=None):
    a = need_str(S, old, "replaceFirstSeq")
    b = need_str(S, new, "replaceFirstSeq", 1)
    k = 0 if start is None else integer(S, start, "replaceFirstSeq", 2)
    seq = mutable(S, t, "replaceFirstSeq")
    s = seq.s
    i = find(s, a, k)
    if i != -1:
        seq.s = s[:i] + b + s[i + len(a):]
    return t


@P("replaceMap")
def replace_map(S, t, mapping):
    if not isinstance(mapping, IoMap):
        raise IoError("argument 0 to method 'replaceMap' must be a Map, not a "
                      f"'{S.type_name(mapping)}'")
    seq = mutable(S, t, "replaceMap")
    s = seq.s
    for key, value in mapping.map.items():
        if value.__class__ not in (str, MutableSeq):
            raise IoError("argument 0 to method 'replaceMap' must be a Map with Sequence "
                          f"values, not '{S.type_name(value)}'")
        if key:
            s = s.replace(key, text(S, value))
    seq.s = s
    return t


@P("translate")
def translate(S, t, src, dst):
    a = need_str(S, src, "translate")
    b = need_str(S, dst, "translate", 1)
    seq = mutable(S, t, "translate")
    if len(a) != len(b):
        raise IoError("translation strings must be of the same length")
    seq.s = seq.s.translate(str.maketrans(a, b))
    return t


@P("reverseInPlace")
def reverse_in_place(S, t):
    seq = mutable(S, t, "reverseInPlace")
    seq.s = seq.s[::-1]
    return t


@P("sort")
def sort(S, t):
    seq = mutable(S, t, "sort")
    seq.s = "".join(sorted(seq.s))
    return t

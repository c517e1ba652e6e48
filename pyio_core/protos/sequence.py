"""Sequence: sizes, items, slices, searching, comparison and in-place editing.

Immutable sequences (literals, Symbols) are Python ``str``; mutable ones are
``values.MutableSeq``. Both hold code points, so ``"é" size`` is 1 as upstream. A mutable
sequence switched to a numeric item type (``setItemType("float32")``, Vectors) keeps its raw
bytes as latin-1 characters instead; ``sequence_bytes`` handles that view.

Shared helpers are in ``sequence_base``; encodings and numeric items in ``sequence_bytes``.
"""

from __future__ import annotations

from ..errors import IoBreak, IoContinue, IoError
from ..objects import IoObject
from ..registry import Prims
from ..values import IoMap, MutableSeq
from .number import format_number
from .object import need_str
from .sequence_base import (
    ascii_lower,
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
from .sequence_bytes import (
    as_text,
    is_raw,
    items,
    mutable_copy,
    raw_append,
    raw_at,
    raw_at_put,
    raw_set_size,
    raw_size,
)

P = Prims("Sequence", MutableSeq)


# -- creating ------------------------------------------------------------------------------
@P("asMutable", "asBuffer")
def as_mutable(S, t):
    return mutable_copy(S, t)


@P("asSymbol", "asString")
def as_symbol(S, t):
    if t.__class__ is str:
        return t
    return as_text(S, t)


@P("isSymbol")
def is_symbol(S, t):
    return S.bool(t.__class__ is str)


@P("isMutable")
def is_mutable(S, t):
    return S.bool(t.__class__ is MutableSeq)


@P("copy")
def copy(S, t, other):
    src = need_str(S, other, "copy")
    mutable(S, t, "copy").s = src
    return t


@P("with")
def with_(S, t, *parts):
    s = text(S, t) + "".join(need_str(S, p, "with", i) for i, p in enumerate(parts))
    return like(S, t, s)


# -- size and items ------------------------------------------------------------------------
@P("size")
def size(S, t):
    c = t.__class__
    if c is str:
        return float(len(t))
    if is_raw(t):
        return float(raw_size(t))
    return float(len(text(S, t)))


@P("isEmpty")
def is_empty(S, t):
    return S.bool(not text(S, t))


@P("at")
def at(S, t, index):
    i = size_t(S, index, "at")
    if is_raw(t):
        return raw_at(S, t, i)
    s = text(S, t)
    if i >= len(s):
        return S.nil
    c = ord(s[i])
    return float(c - 0xDC00 if 0xDC80 <= c <= 0xDCFF else c)  # an undecodable byte


@P("atPut")
def at_put(S, t, index, value):
    i = integer(S, index, "atPut")
    v = number(S, value, "atPut", 1)
    seq = mutable(S, t, "atPut")
    if is_raw(seq):
        raw_at_put(seq, i, v)
        return t
    s = seq.s
    if i < 0:
        raise IoError("index out of bounds")
    if i >= len(s):
        s += "\0" * (i - len(s) + 1)
    seq.s = s[:i] + check_char(v) + s[i + 1:]
    return t


@P("contains")
def contains(S, t, value):
    n = number(S, value, "contains")
    return S.bool(n in items(S, t))


@P("asList")
def as_list(S, t):
    if is_raw(t):
        return S.new_list(items(S, t))
    return S.new_list(list(text(S, t)))


@P.lazy("foreach")
def foreach(S, t, L, m):
    args = m.args
    values = items(S, t)
    if len(args) == 1:
        return (yield from _each(S, values, L, args[0]))
    if len(args) < 2:
        raise IoError("[Sequence foreach] requires 2 arguments\n")
    index_name = args[0].name if len(args) > 2 else None
    value_name = args[-2].name
    body = args[-1]
    slots = L.slots
    r = S.nil
    for i, v in enumerate(values):
        if index_name is not None:
            slots[index_name] = float(i)
        slots[value_name] = v
        r, stop = yield from S.loop_body(body, L)
        if stop == "break":
            break
    return r


def _each(S, values, L, body):
    """``foreach(message)``: send the message to each item, honouring break/continue."""
    r = S.nil
    for v in values:
        try:
            r = yield from S.eval_chain(body, L, v)
        except IoBreak as e:
            return e.value
        except IoContinue as e:
            r = e.value
    return r


# -- slices --------------------------------------------------------------------------------
def _bounds(S, t, m_name, start, end, inclusive):
    s = text(S, t)
    n = len(s)
    a = integer(S, start, m_name)
    if end is None:
        b = n
    else:
        b = integer(S, end, m_name, 1)
        if inclusive:
            b = n if b == -1 else b + 1
    a, b = wrap(a, n), wrap(b, n)
    return s, a, max(a, b)


def _slicer(name: str, inclusive: bool):
    """A slice primitive; each alias names itself in its error texts."""
    def slice_(S, t, start, end=None):
        s, a, b = _bounds(S, t, name, start, end, inclusive)
        return like(S, t, s[a:b])

    return slice_


for _name in ("exclusiveSlice", "exSlice", "slice"):
    P(_name)(_slicer(_name, False))
for _name in ("inclusiveSlice", "inSlice"):
    P(_name)(_slicer(_name, True))


@P("splitAt")
def split_at(S, t, index):
    s = text(S, t)
    i = wrap(integer(S, index, "splitAt"), len(s))
    return S.new_list([s[:i], s[i:]])


@P("beforeSeq")
def before_seq(S, t, other):
    s = text(S, t)
    i = find(s, need_str(S, other, "beforeSeq"))
    if i != -1:
        return like(S, t, s[:i])
    return t if t.__class__ is str else new_mutable(S, s)


@P("afterSeq")
def after_seq(S, t, other):
    s = text(S, t)
    sub = need_str(S, other, "afterSeq")
    i = find(s, sub)
    return S.nil if i == -1 else like(S, t, s[i + len(sub):])


@P("betweenSeq", "between")
def between_seq(S, t, start, end):
    s = text(S, t)
    for i, v in enumerate((start, end)):
        if v is not S.nil and v.__class__ not in (str, MutableSeq):
            raise IoError(f"Nil or Sequence argument required for arg {i}, not a "
                          f"{S.type_name(v)}")
    if start is S.nil:
        a = 0
    else:
        first = text(S, start)
        a = 0
        if first:
            a = find(s, first)
            if a == -1:
                return S.nil
            a += len(first)
    if end is S.nil:
        b = len(s)
    else:
        b = find(s, text(S, end), a)
        if b == -1:
            return S.nil
    return new_mutable(S, s[a:b])


# -- searching -----------------------------------------------------------------------------
@P("findSeq")
def find_seq(S, t, other, start=None):
    sub = need_str(S, other, "findSeq")
    a = 0 if start is None else integer(S, start, "findSeq", 1)
    i = find(text(S, t), sub, a)
    return S.nil if i == -1 else float(i)


@P("reverseFindSeq")
def reverse_find_seq(S, t, other, start=None):
    s = text(S, t)
    sub = need_str(S, other, "reverseFindSeq")
    end = len(s) if start is None else max(0, integer(S, start, "reverseFindSeq", 1))
    if len(sub) > min(end, len(s)):
        return S.nil
    i = s.rfind(sub, 0, end + len(sub) - 1 if sub else end)
    return S.nil if i == -1 else float(i)


@P("findSeqs")
def find_seqs(S, t, seqs, start=None):
    s = text(S, t)
    a = 0 if start is None else integer(S, start, "findSeqs", 1)
    best, match = -1, None
    for v in S.need_list(seqs, "findSeqs").items:
        if v.__class__ not in (str, MutableSeq):
            raise IoError(f"requires Sequences as arguments, not {S.type_name(v)}s")
        i = find(s, text(S, v), a)
        if i != -1 and (best == -1 or i < best):
            best, match = i, v
    if match is None:
        return S.nil
    return IoObject(S.object_protos, {"index": float(best), "match": match})


@P("beginsWithSeq")
def begins_with_seq(S, t, other):
    return S.bool(text(S, t).startswith(need_str(S, other, "beginsWithSeq")))


@P("endsWithSeq")
def ends_with_seq(S, t, other):
    return S.bool(text(S, t).endswith(need_str(S, other, "endsWithSeq")))


@P("containsSeq")
def contains_seq(S, t, other):
    return S.bool(find(text(S, t), need_str(S, other, "containsSeq")) != -1)


@P("containsAnyCaseSeq")
def contains_any_case_seq(S, t, other):
    sub = ascii_lower(need_str(S, other, "containsAnyCaseSeq"))
    return S.bool(find(ascii_lower(text(S, t)), sub) != -1)


@P("occurrencesOfSeq")
def occurrences_of_seq(S, t, other):
    sub = need_str(S, other, "occurrencesOfSeq")
    return float(text(S, t).count(sub)) if sub else 0.0


# -- comparison ----------------------------------------------------------------------------
def _other(o):
    """The argument of a comparison, which upstream requires."""
    if o is None:
        raise IoError("Io Assertion 'compare requires argument'")
    return o


@P("==")
def eq(S, t, o=None):
    return S.bool(S.raw_compare(t, _other(o)) == 0)


@P("!=")
def ne(S, t, o=None):
    return S.bool(S.raw_compare(t, _other(o)) != 0)


@P("compare")
def compare(S, t, o=None):
    return float(S.raw_compare(t, _other(o)))


def _ordered(S, t, o, method: str) -> int:
    return S.raw_compare(text(S, t), need_str(S, o, method))


@P("<")
def lt(S, t, o):
    return S.bool(_ordered(S, t, o, "<") < 0)


@P(">")
def gt(S, t, o):
    return S.bool(_ordered(S, t, o, ">") > 0)


@P("<=")
def le(S, t, o):
    return S.bool(_ordered(S, t, o, "<=") <= 0)


@P(">=")
def ge(S, t, o):
    return S.bool(_ordered(S, t, o, ">=") >= 0)


@P("isEqualAnyCase")
def is_equal_any_case(S, t, other):
    other = need_str(S, other, "isEqualAnyCase")
    return S.bool(ascii_lower(text(S, t)) == ascii_lower(other))


# -- concatenation -------------------------------------------------------------------------
@P.gen("..")
def concat(S, t, other):
    if other.__class__ is str:
        tail = other
    else:
        tail = yield from S.as_string(other)
    if t.__class__ is str:
        return t + tail if tail else t
    return (yield from S.as_string(t)) + tail


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
    return text(S, t) + tail


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
        at = j + len(b)
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
        elif p is S.nil:
            raise IoError("argument 0 to method 'appendSeq' must be a Sequence, not a 'nil'")
        else:
            seq.append((yield from S.as_string(p)))
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

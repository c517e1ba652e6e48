"""Sequence: creating, sizes, items, iteration, slices, searching and comparison.

Immutable sequences (literals, Symbols) are Python ``str``; mutable ones are
``values.MutableSeq``. Both hold code points, so ``"é" size`` is 1 as upstream. A mutable
sequence switched to a numeric item type (``setItemType("float32")``) keeps its raw
bytes as latin-1 characters instead; ``sequence_bytes`` handles that view.

The other parts: ``sequence_edit`` (appending, removing, replacing), ``sequence_text`` (case,
splitting, escapes, numbers, interpolation, web encodings), ``sequence_path``,
``sequence_bytes`` (encodings, item types, bytes and bits), ``sequence_math`` (item
arithmetic); shared helpers are in ``sequence_base``.
"""

from __future__ import annotations

from ..errors import IoBreak, IoContinue, IoError
from ..objects import IoObject
from ..registry import Prims
from ..values import MutableSeq
from .object import need_str
from .sequence_base import (
    ascii_lower,
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
    encoding_name,
    is_raw,
    items,
    mutable_copy,
    raw_at,
    raw_at_put,
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
    """The receiver takes the other's items and, as upstream, its encoding and item type:
    copying text into a byte sequence makes it text (written as such), and back."""
    seq = mutable(S, t, "copy")
    src = need_str(S, other, "copy")
    if other.__class__ is MutableSeq:
        seq.encoding, seq.item_type = other.encoding, other.item_type
    else:
        seq.encoding, seq.item_type = encoding_name(other), "uint8"
    seq.s = src
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
    slots = S.bind_slots(L, index_name, value_name)
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


for _name in ("exclusiveSlice", "exSlice"):
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
    if not sub:  # upstream finds the empty sequence one past the end
        return float(min(end, len(s)) + 1)
    if len(sub) > min(end, len(s)):
        return S.nil
    i = s.rfind(sub, 0, end + len(sub) - 1)
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
    suffix = need_str(S, other, "endsWithSeq")
    return S.bool(bool(suffix) and text(S, t).endswith(suffix))  # never ends with ""


@P("containsSeq")
def contains_seq(S, t, other):
    return S.bool(find(text(S, t), need_str(S, other, "containsSeq")) != -1)


@P("containsAnyCaseSeq")
def contains_any_case_seq(S, t, other):
    sub = ascii_lower(need_str(S, other, "containsAnyCaseSeq"))
    return S.bool(sub in ascii_lower(text(S, t)))


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

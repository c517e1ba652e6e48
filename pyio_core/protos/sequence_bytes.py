"""Sequence encodings, item types and the byte view (sizeInBytes, byteAt, bitAt, Vectors).

Text keeps code points; its bytes are computed on demand in the encoding upstream would use:
utf8 for sequences marked utf8, otherwise the narrowest fixed width that holds every
character (latin-1, UCS-2 or UCS-4, little-endian). A mutable sequence with a numeric item
type (``setItemType("float32")``, ``setEncoding("number")``) is in *raw* mode: its ``s`` holds
the bytes themselves as latin-1 characters and items are decoded with ``struct``.
"""

from __future__ import annotations

import struct
import sys
from array import array

from ..errors import IoError
from ..registry import Prims
from ..objects import IoObject
from ..values import MutableSeq
from .number import f32
from .object import need_str
from .sequence_base import assertion, integer, mutable, new_mutable, number, text

P = Prims("Sequence")

ITEM_TYPES = {"uint8": "B", "uint16": "H", "uint32": "I", "uint64": "Q", "int8": "b",
              "int16": "h", "int32": "i", "int64": "q", "float32": "f", "float64": "d"}
ENCODINGS = ("ascii", "utf8", "ucs2", "ucs4", "number")
_TEXT_TYPES = {1: "uint8", 2: "uint16", 4: "uint32"}
_WIDTH_ENCODING = {1: "ascii", 2: "ucs2", 4: "ucs4"}
_ENCODING_WIDTH = {"ascii": 1, "ucs2": 2, "ucs4": 4}
_CODECS = {1: "latin-1", 2: "utf-16-le", 4: "utf-32-le"}


def is_raw(t) -> bool:
    """True for a mutable sequence holding numbers (bytes in ``s``) rather than text."""
    return t.__class__ is MutableSeq and (t.encoding == "number" or t.item_type != "uint8")


def _top(s: str) -> int:
    return max(map(ord, s)) if s else 0


def _fixed_encoding(t) -> str:
    """The fixed-width encoding a text sequence is in. Undeclared text (Symbols, ascii)
    widens as upstream names it, by the UTF-8 length of its widest character; a declared
    ucs2/ucs4 sequence keeps its width while its characters fit; a mutable one declared
    ascii holds bytes (``233 asCharacter``, ``append(233)``) while they fit in one."""
    declared = t.encoding if t.__class__ is MutableSeq else "ascii"
    top = _top(t if t.__class__ is str else t.s)
    if declared == "ascii" and top < 0x100 and t.__class__ is MutableSeq:
        return "ascii"
    if declared == "ucs4" or top >= 0x10000:
        return "ucs4"
    if declared == "ucs2":
        return "ucs2"
    return "ascii" if top < 0x80 else "ucs2" if top < 0x800 else "ucs4"


def _widest(s: str) -> int:
    """Bytes per character of undeclared text: latin-1 text keeps one byte per character
    (so ``"\\0" .. 0xff asCharacter`` is two bytes, as upstream)."""
    top = _top(s)
    return 1 if top < 0x100 else 2 if top < 0x800 else 4


def width(t) -> int:
    """Bytes per item of a text sequence (0 for utf8, whose characters vary)."""
    if t.__class__ is MutableSeq and t.encoding == "utf8":
        return 0
    name = _fixed_encoding(t)
    if name == "ascii" or name == "ucs2" and t.__class__ is str:
        return _widest(t if t.__class__ is str else t.s)
    return _ENCODING_WIDTH[name]


def encoding_name(t) -> str:
    if t.__class__ is MutableSeq and t.encoding in ("utf8", "number"):
        return t.encoding
    return _fixed_encoding(t)


def to_bytes(t) -> bytes:
    """The receiver's bytes, as upstream stores them."""
    if is_raw(t):
        return t.s.encode("latin-1")
    if t.__class__ is not str and t.__class__ is not MutableSeq:  # e.g. a clone of Object
        raise IoError("Sequence method called on a non-Sequence")  # with Sequence as proto
    s = t if t.__class__ is str else t.s
    w = width(t)
    if w == 0:
        try:  # bytes that are not UTF-8 were kept as escape surrogates (see from_bytes)
            return s.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            return s.encode("utf-8", "surrogatepass")
    return s.encode(_CODECS[w], "surrogatepass")


def is_bytes(t) -> bool:
    """True for a Sequence holding bytes rather than text: a number sequence, or one
    declared ascii whose items all fit in a byte (what ``233 asCharacter`` gives)."""
    return is_raw(t) or (t.__class__ is MutableSeq and t.encoding == "ascii"
                         and _top(t.s) < 0x100)


def written_text(S, t, method: str, i: int) -> str:
    """``t`` as ``File write`` hands it on: text as it is; the bytes of a byte sequence
    decoded as UTF-8 with escape surrogates, so writing the text with ``surrogateescape``
    (a file, the terminal) gives back exactly upstream's bytes (a binary image, say)."""
    if is_bytes(t):
        return to_bytes(t).decode("utf-8", "surrogateescape")
    return need_str(S, t, method, i)


def widen(seq: MutableSeq, part) -> None:
    """After appending ``part`` to a sequence declared ascii: non-ASCII text (not bytes)
    gives it the text's encoding (ucs2/ucs4 as upstream converts it, or utf8), so it is not
    taken for bytes later."""
    if seq.encoding != "ascii" or part.__class__ not in (str, MutableSeq) or is_bytes(part):
        return
    name = encoding_name(part)
    if name != "ascii" and _top(part if part.__class__ is str else part.s) >= 0x80:
        seq.encoding = name


def from_bytes(S, data: bytes, encoding: str = "utf8") -> MutableSeq:
    """A mutable sequence holding ``data`` as upstream would (byte buffers from files,
    sockets, Number asBuffer...): utf8 text keeps undecodable bytes as escape surrogates so
    its bytes round-trip; "number" keeps the raw bytes as uint8 items."""
    if encoding == "number":
        seq = new_mutable(S, data.decode("latin-1"))
    elif encoding == "utf8":
        seq = new_mutable(S, data.decode("utf-8", "surrogateescape"))
    else:
        seq = new_mutable(S, _units(data, _ENCODING_WIDTH[encoding]))
    seq.encoding = encoding
    return seq


def _codes(data: bytes, w: int) -> array:
    """Bytes read as little-endian fixed-width units (a short last unit is zero-padded)."""
    data += bytes(-len(data) % w)
    return array({1: "B", 2: "H", 4: "I"}[w], data)


def _units(data: bytes, w: int) -> str:
    """Bytes read as fixed-width code units (each unit one character)."""
    if w == 1:
        return data.decode("latin-1")
    return "".join(chr(c) if c < 0x110000 else "\ufffd" for c in _codes(data, w))


def _decode(data: bytes, encoding: str) -> str:
    if encoding == "utf8":
        return data.decode("utf-8", "surrogateescape")
    return _units(data, _ENCODING_WIDTH[encoding])


def item_type(t) -> str:
    if is_raw(t):
        return t.item_type
    return _TEXT_TYPES[width(t) or 1]


# -- raw (numeric) mode ----------------------------------------------------------------------
def _fmt(t) -> str:
    return "<" + ITEM_TYPES[t.item_type]


def raw_size(t) -> int:
    return len(t.s) // struct.calcsize(_fmt(t))


def raw_items(t) -> list:
    data = t.s.encode("latin-1")
    code = ITEM_TYPES[t.item_type]
    n = len(data) // struct.calcsize("<" + code)
    values = struct.unpack(f"<{n}{code}", data[: n * struct.calcsize(code)])
    return list(values) if code in "fd" else [float(v) for v in values]


def raw_at(S, t, i: int):
    """Item ``i``, decoding only its own bytes (loops over ``at`` stay linear)."""
    fmt = _fmt(t)
    w = struct.calcsize(fmt)
    chunk = t.s[i * w:(i + 1) * w]
    return float(struct.unpack(fmt, chunk.encode("latin-1"))[0]) if len(chunk) == w else S.nil


def _pack(t, v: float) -> str:
    code = ITEM_TYPES[t.item_type]
    if code not in "fd":
        bits = struct.calcsize(code) * 8
        v = int(v) if v == v and abs(v) != float("inf") else 0
        v &= (1 << bits) - 1
        if code.islower() and v >= 1 << (bits - 1):
            v -= 1 << bits
    elif code == "f":
        v = f32(v)  # beyond float32's range is infinity, as a C cast gives
    return struct.pack("<" + code, v).decode("latin-1")


def raw_at_put(t, i: int, v: float) -> None:
    w = struct.calcsize(_fmt(t))
    s = t.s
    if i < 0:
        raise IoError("index out of bounds")
    if (i + 1) * w > len(s):
        s += "\0" * ((i + 1) * w - len(s))
    t.s = s[: i * w] + _pack(t, v) + s[(i + 1) * w:]


def raw_append(t, v: float) -> None:
    t.append(_pack(t, v))


def raw_packed(t, values) -> str:
    """``values`` as the receiver's items (its ``s``), all at once: float items go through
    ``array``, which rounds and overflows as a C cast does, as ``_pack`` does one by one."""
    code = ITEM_TYPES[t.item_type]
    if code in "fd" and sys.byteorder == "little":
        return array(code, values).tobytes().decode("latin-1")
    return "".join(_pack(t, v) for v in values)


def raw_set_size(t, n: int) -> None:
    w = struct.calcsize(_fmt(t))
    s = t.s
    t.s = s[: n * w] if n * w <= len(s) else s + "\0" * (n * w - len(s))


def raw_text(t) -> str:
    """How a numeric sequence prints: its items separated by commas."""
    if t.item_type.startswith("float"):
        return ", ".join("%f" % v for v in raw_items(t))
    return ", ".join(str(int(v)) for v in raw_items(t))


def items(S, t) -> list:
    """The receiver's items as Io values (Numbers)."""
    if is_raw(t):
        return raw_items(t)
    codes = [ord(c) for c in text(S, t)]
    return [float(c - 0xDC00 if 0xDC80 <= c <= 0xDCFF else c) for c in codes]


def as_text(S, t) -> str:
    """The text a sequence prints as (``asString``): number sequences list their items."""
    if is_raw(t):
        return raw_text(t) if t.encoding == "number" else t.s
    return text(S, t)


def mutable_copy(S, t) -> MutableSeq:
    new = new_mutable(S, text(S, t))
    if t.__class__ is MutableSeq:
        new.encoding, new.item_type = t.encoding, t.item_type
    else:
        new.encoding = encoding_name(t)
    return new


def _converted(S, t, encoding: str) -> MutableSeq:
    new = new_mutable(S, as_text(S, t))
    new.encoding = encoding
    return new


# -- primitives ------------------------------------------------------------------------------
@P("encoding")
def encoding(S, t):
    text(S, t)
    return encoding_name(t)


@P("itemType")
def item_type_(S, t):
    text(S, t)
    return item_type(t)


@P("itemSize")
def item_size(S, t):
    text(S, t)
    return float(struct.calcsize(ITEM_TYPES[item_type(t)]))


@P("sizeInBytes")
def size_in_bytes(S, t):
    text(S, t)
    return float(len(to_bytes(t)))


@P("byteAt")
def byte_at(S, t, index):
    i = integer(S, index, "byteAt")
    text(S, t)
    data = to_bytes(t)
    return float(data[i]) if 0 <= i < len(data) else 0.0


@P("bitAt")
def bit_at(S, t, index):
    i = integer(S, index, "bitAt")
    text(S, t)
    data = to_bytes(t)
    return float((data[i >> 3] >> (i & 7)) & 1) if 0 <= (i >> 3) < len(data) else 0.0


@P("bitCount")
def bit_count(S, t):
    text(S, t)
    return float(sum(bin(b).count("1") for b in to_bytes(t)))


def _bitwise(S, t, other, method, op):
    seq = mutable(S, t, method)
    a = to_bytes(seq)
    b = to_bytes(other) if other.__class__ in (str, MutableSeq) else None
    if b is None:
        raise IoError(f"argument 0 to method '{method}' must be a Sequence, not a "
                      f"'{S.type_name(other)}'")
    out = bytes(op(x, b[i]) if i < len(b) else x for i, x in enumerate(a))
    seq.s = out.decode("latin-1") if is_raw(seq) else _decode(out, encoding_name(seq))
    return t


@P("bitwiseAnd")
def bitwise_and(S, t, other):
    return _bitwise(S, t, other, "bitwiseAnd", lambda x, y: x & y)


@P("bitwiseOr")
def bitwise_or(S, t, other):
    return _bitwise(S, t, other, "bitwiseOr", lambda x, y: x | y)


@P("bitwiseXor")
def bitwise_xor(S, t, other):
    return _bitwise(S, t, other, "bitwiseXor", lambda x, y: x ^ y)


@P("bitwiseNot")
def bitwise_not(S, t):
    seq = mutable(S, t, "bitwiseNot")
    return _bitwise(S, seq, seq, "bitwiseNot", lambda x, y: ~x & 0xFF)


@P("setItemType")
def set_item_type(S, t, name):
    kind = need_str(S, name, "setItemType")
    seq = mutable(S, t, "setItemType")
    assertion(kind in ITEM_TYPES, "invalid item type name")
    data = to_bytes(seq)
    w = {"uint8": 1, "uint16": 2, "uint32": 4}.get(kind)
    if w is not None and seq.encoding != "number":
        if not is_raw(seq) and w == (width(seq) or 1):
            return t  # the same bytes, read the same way
        codes = _codes(data, w)
        if max(codes, default=0) < 0x110000:  # each item still fits a character
            seq.s = "".join(map(chr, codes))
            seq.encoding, seq.item_type = _WIDTH_ENCODING[w], "uint8"
            return t
    seq.s = data.decode("latin-1")
    seq.item_type = kind
    return t


@P("convertToItemType")
def convert_to_item_type(S, t, name):
    kind = need_str(S, name, "convertToItemType")
    seq = mutable(S, t, "convertToItemType")
    assertion(kind in ITEM_TYPES, "invalid item type name")
    values = items(S, seq)
    if kind in _TEXT_TYPES.values() and seq.encoding != "number":
        seq.s = "".join(chr(int(v)) for v in values)
        seq.item_type = "uint8"
        seq.encoding = _WIDTH_ENCODING[{"uint8": 1, "uint16": 2, "uint32": 4}[kind]]
        return t
    seq.item_type = kind
    seq.s = ""
    for v in values:
        raw_append(seq, v)
    return t


@P("convertToFixedSizeType")
def convert_to_fixed_size_type(S, t):
    seq = mutable(S, t, "convertToFixedSizeType")
    if not is_raw(seq):
        seq.encoding = _fixed_encoding(seq)
    return t


@P("setEncoding")
def set_encoding(S, t, name):
    enc = need_str(S, name, "setEncoding")
    seq = mutable(S, t, "setEncoding")
    assertion(enc in ENCODINGS, "invalid encoding name")
    if enc == "number":
        if not is_raw(seq):
            seq.s = to_bytes(seq).decode("latin-1")
            seq.item_type = item_type(seq)
    elif enc != seq.encoding or is_raw(seq):  # the same bytes, read as the new encoding
        seq.s = _decode(to_bytes(seq), enc)
        seq.item_type = "uint8"
    seq.encoding = enc
    return t


@P("asUTF8")
def as_utf8(S, t):
    return _converted(S, t, "utf8")


@P("asUCS2")
def as_ucs2(S, t):
    return _converted(S, t, "ucs2")


@P("asUCS4")
def as_ucs4(S, t):
    return _converted(S, t, "ucs4")


@P("asFixedSizeType")
def as_fixed_size_type(S, t):
    return _converted(S, t, _fixed_encoding(as_text(S, t)))


@P("asBinaryUnsignedInteger")
def as_binary_unsigned_integer(S, t):
    data = to_bytes(t)
    if len(data) not in (1, 2, 4, 8):
        raise IoError("Sequence is " + str(len(data)) + " bytes but only conversion of "
                      "1, 2, 4 or 8 bytes is supported")
    return float(int.from_bytes(data, "little"))


@P("asBinarySignedInteger")
def as_binary_signed_integer(S, t):
    data = to_bytes(t)
    if len(data) not in (1, 2, 4, 8):
        raise IoError("Sequence is " + str(len(data)) + " bytes but only conversion of "
                      "1, 2, 4 or 8 bytes is supported")
    return float(int.from_bytes(data, "little", signed=True))


@P("asBinaryNumber")
def as_binary_number(S, t):
    data = to_bytes(t)
    if len(data) < 8:
        raise IoError("Sequence is too short to convert to a Number")
    return struct.unpack("<d", data[:8])[0]


@P("isZero")
def is_zero(S, t):
    return S.bool(all(v == 0 for v in items(S, t)))


@P("setItemsToLong")
def set_items_to_long(S, t, value):
    v = float(integer(S, value, "setItemsToLong"))
    return _fill(S, t, v, "setItemsToLong")


@P("setItemsToDouble")
def set_items_to_double(S, t, value):
    return _fill(S, t, number(S, value, "setItemsToDouble"), "setItemsToDouble")


def _fill(S, t, v: float, method: str):
    seq = mutable(S, t, method)
    n = len(items(S, seq))
    if is_raw(seq):
        seq.s = _pack(seq, v) * n
    else:
        seq.s = chr(int(v) & 0x10FFFF) * n
    return t


# -- binary structures ---------------------------------------------------------------------
_PACK_CODES = {"B": "B", "b": "b", "C": "B", "c": "b", "H": "H", "h": "h", "I": "I",
               "i": "i", "L": "Q", "l": "q", "f": "f", "F": "d"}


def _pack_format(fmt: str):
    """(endian prefix, [(count, code)]) for upstream's pack format strings."""
    endian = ">" if fmt.startswith("*") else "<"
    parts, count = [], ""
    for ch in fmt[1:] if endian == ">" else fmt:
        if ch.isdigit():
            count += ch
            continue
        if ch != "s" and ch not in _PACK_CODES:
            raise IoError(f"unknown pack format code '{ch}'")
        parts.append((int(count) if count else 1, ch))
        count = ""
    return endian, parts


@P("pack")
def pack(S, t, fmt, *values):
    endian, parts = _pack_format(need_str(S, fmt, "pack"))
    out = bytearray()
    args = iter(enumerate(values, 1))
    for count, code in parts:
        if code == "s":
            i, v = next(args, (0, ""))
            out += need_str(S, v, "pack", i).encode("utf-8")[:count].ljust(count, b"\0")
            continue
        for _ in range(count):
            i, v = next(args, (0, 0.0))
            if code in "Cc":
                v = float(ord(need_str(S, v, "pack", i)[:1] or "\0"))
            n = number(S, v, "pack", i)
            p = _PACK_CODES[code]
            out += struct.pack(endian + p, n if p in "fd" else _wrapped(int(n), p))
    return from_bytes(S, bytes(out), "number")


def _wrapped(n: int, code: str) -> int:
    bits = struct.calcsize(code) * 8
    n &= (1 << bits) - 1
    return n - (1 << bits) if code.islower() and n >= 1 << (bits - 1) else n


@P("unpack")
def unpack(S, t, first, second=None):
    start = 0 if second is None else integer(S, first, "unpack")
    fmt = need_str(S, first if second is None else second, "unpack", 0 if second is None else 1)
    endian, parts = _pack_format(fmt)
    data = to_bytes(t)
    at = start
    values = []
    for count, code in parts:
        if code == "s":
            values.append(data[at:at + count].rstrip(b"\0").decode("utf-8", "replace"))
            at += count
            continue
        p = _PACK_CODES[code]
        w = struct.calcsize(p)
        for _ in range(count):
            if at + w > len(data):
                return S.new_list(values)
            values.append(float(struct.unpack(endian + p, data[at:at + w])[0]))
            at += w
    return S.new_list(values)


def _members(S, lst, method: str) -> list:
    members = S.need_list(lst, method).items
    assertion(len(members) % 2 == 0, "members list must be even number")
    return [(need_str(S, members[i], method), members[i + 1]) for i in range(0, len(members), 2)]


@P("withStruct")
def with_struct(S, t, lst):
    out = bytearray()
    for kind, value in _members(S, lst, "withStruct"):
        assertion(kind in ITEM_TYPES, "invalid member type")
        code = ITEM_TYPES[kind]
        n = number(S, value, "withStruct")
        out += struct.pack("<" + code, n if code in "fd" else _wrapped(int(n), code))
    return from_bytes(S, bytes(out), "number")


@P("asStruct")
def as_struct(S, t, lst):
    data = to_bytes(t)
    obj = IoObject(S.object_protos)
    at = 0
    for kind, name in _members(S, lst, "asStruct"):
        assertion(kind in ITEM_TYPES, "invalid member type")
        code = ITEM_TYPES[kind]
        w = struct.calcsize(code)
        assertion(at + w <= len(data), "not enough data for struct")
        obj.slots[need_str(S, name, "asStruct")] = float(struct.unpack("<" + code,
                                                                       data[at:at + w])[0])
        at += w
    return obj

"""Sequence as text: case, stripping, splitting, escapes, number parsing, interpolation,
encodings for the web (base64, percent/url, JSON) and printing."""

from __future__ import annotations

import base64
import binascii
import json
import math
import re

from ..errors import IoError
from ..registry import Prims
from ..values import MutableSeq
from .number import format_number, new_nan
from .object import need_str
from .sequence_base import (
    ascii_lower,
    ascii_upper,
    assertion,
    integer,
    like,
    mutable,
    new_mutable,
    number,
    text,
)
from .sequence_bytes import as_text, from_bytes, to_bytes

P = Prims("Sequence")

WHITESPACE = " \t\n\r"


# -- case ---------------------------------------------------------------------------------
@P("asUppercase")
def as_uppercase(S, t):
    s = text(S, t)
    u = ascii_upper(s)
    return t if t.__class__ is str and u == s else u


@P("asLowercase")
def as_lowercase(S, t):
    s = text(S, t)
    u = ascii_lower(s)
    return t if t.__class__ is str and u == s else u


@P("uppercase")
def uppercase(S, t):
    seq = mutable(S, t, "uppercase")
    seq.s = ascii_upper(seq.s)
    return t


@P("lowercase")
def lowercase(S, t):
    seq = mutable(S, t, "lowercase")
    seq.s = ascii_lower(seq.s)
    return t


@P("asCapitalized")
def as_capitalized(S, t):
    s = text(S, t)
    c = ascii_upper(s[:1]) + s[1:]
    return t if t.__class__ is str and c == s else like(S, t, c)


@P("capitalize")
def capitalize(S, t):
    seq = mutable(S, t, "capitalize")
    s = seq.s
    seq.s = ascii_upper(s[:1]) + s[1:]
    return t


def _first_character(S, t, change):
    """makeFirstCharacterUpper/Lowercase: upstream's Io methods edit item 0 with atPut."""
    seq = mutable(S, t, "atPut")
    s = seq.s
    if not s:
        return S.false
    seq.s = change(s[:1]) + s[1:]
    return t


@P("makeFirstCharacterUppercase")
def make_first_character_uppercase(S, t):
    return _first_character(S, t, ascii_upper)


@P("makeFirstCharacterLowercase")
def make_first_character_lowercase(S, t):
    return _first_character(S, t, ascii_lower)


@P("isLowercase")
def is_lowercase(S, t):
    s = text(S, t)
    return S.bool(ascii_lower(s) == s)


@P("isUppercase")
def is_uppercase(S, t):
    s = text(S, t)
    return S.bool(ascii_upper(s) == s)


# -- stripping -----------------------------------------------------------------------------
def _strip_chars(S, chars, method: str) -> str:
    return WHITESPACE if chars is None else need_str(S, chars, method)


@P("strip")
def strip(S, t, chars=None):
    seq = mutable(S, t, "strip")
    seq.s = seq.s.strip(_strip_chars(S, chars, "strip"))
    return t


@P("lstrip")
def lstrip(S, t, chars=None):
    seq = mutable(S, t, "lstrip")
    seq.s = seq.s.lstrip(_strip_chars(S, chars, "lstrip"))
    return t


@P("rstrip")
def rstrip(S, t, chars=None):
    seq = mutable(S, t, "rstrip")
    seq.s = seq.s.rstrip(_strip_chars(S, chars, "rstrip"))
    return t


# -- splitting -----------------------------------------------------------------------------
def split_text(s: str, seps: list[str]) -> list[str]:
    """Upstream's split: separators tried in order at each position; no trailing empty."""
    if len(seps) == 1:
        parts = s.split(seps[0])
    else:
        parts = re.split("|".join(map(re.escape, seps)), s)
    if parts and not parts[-1]:
        parts.pop()
    return parts


@P("split")
def split(S, t, *seps):
    if seps:
        names = []
        for v in seps:
            if v.__class__ not in (str, MutableSeq):
                raise IoError(f"requires Sequences as arguments, not {S.type_name(v)}s")
            names.append(text(S, v))
    else:
        names = list(WHITESPACE)
    if not all(names):
        raise IoError("empty string argument")
    return S.new_list([new_mutable(S, p) for p in split_text(text(S, t), names)])


@P("whiteSpaceStrings")
def white_space_strings(S, t):
    return S.new_list(list(WHITESPACE))


# -- escapes -------------------------------------------------------------------------------
_ESCAPES = {'"': '\\"', "\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r",
            "\t": "\\t", "\v": "\\v", "\0": "\\0", "\\": "\\\\"}
_ESCAPE_TABLE = str.maketrans(_ESCAPES)
_UNESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_HEX = "0123456789abcdefABCDEF"


def escape_text(s: str) -> str:
    return s.translate(_ESCAPE_TABLE)


def unescape_text(s: str) -> str:
    """Upstream's unescape: \\n and friends, \\xN[N], \\digit as that byte value."""
    if "\\" not in s:
        return s
    out = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        nxt = s[i + 1] if i + 1 < n else ""
        i += 2
        if nxt in _UNESCAPES:
            out.append(_UNESCAPES[nxt])
        elif nxt == "x" and i < n and s[i] in _HEX:
            j = i + 2 if i + 1 < n and s[i + 1] in _HEX else i + 1
            out.append(chr(int(s[i:j], 16)))
            i = j
        elif nxt == "":
            out.append("\\")
        elif nxt.isdigit() and nxt.isascii():
            out.append(chr(ord(nxt) - 48))
        else:
            out.append(nxt)
    return "".join(out)


@P("escape")
def escape(S, t):
    seq = mutable(S, t, "escape")
    seq.s = escape_text(seq.s)
    return t


@P("unescape")
def unescape(S, t):
    seq = mutable(S, t, "unescape")
    seq.s = unescape_text(seq.s)
    return t


@P("asSimpleString")
def as_simple_string(S, t):
    s = as_text(S, t)
    return '"' + escape_text(s) + '"'


# -- numbers -------------------------------------------------------------------------------
_NUMBER = re.compile(
    r"[ \t\n\v\f\r]*([+-]?(?:inf(?:inity)?|nan"
    r"|0x(?:[0-9a-f]+(?:\.[0-9a-f]*)?|\.[0-9a-f]+)(?:p[+-]?\d+)?"
    r"|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?))",
    re.I,
)


_HEX_INTEGER = re.compile(r"0[xX]([0-9a-fA-F]*)")


def parse_number(s: str) -> float:
    """C's strtod on the text: the longest numeric prefix after spaces, else a new nan;
    text starting with 0x is read as a hexadecimal integer, as upstream does."""
    if len(s) > 2:
        hexa = _HEX_INTEGER.match(s)
        if hexa is not None:
            return float(int(hexa.group(1) or "0", 16) % (1 << 64))
    m = _NUMBER.match(s)
    if m is None:
        return new_nan(1.0)
    lit = m.group(1)
    if "x" in lit or "X" in lit:
        if "p" not in lit.lower():
            lit += "p0"
        v = float.fromhex(lit)
    else:
        v = float(lit)
    if math.isinf(v) and "n" not in lit.lower():
        return new_nan(1.0)  # overflow: strtod's ERANGE
    if v == 0 and re.search("[1-9a-f]", re.split("[ep]", lit.lower().replace("0x", ""))[0]):
        return new_nan(1.0)  # underflow
    return v


@P("asNumber")
def as_number(S, t):
    return parse_number(text(S, t))


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


@P("fromBase")
def from_base(S, t, base=None):
    # upstream reports a conversion failure (as base 0) before a non-Number base
    b = integer(S, base, "fromBase") if base.__class__ is float else 0
    s = text(S, t)
    if b == 1 or b > 36 or b < 0:
        raise IoError(f"conversion from base {b} not supported")
    body = s.lstrip(" \t\n\v\f\r")
    sign = -1 if body[:1] == "-" else 1
    body = body[1:] if body[:1] in "+-" else body
    radix = b
    if body[:2].lower() == "0x" and b in (0, 16):
        body, radix = body[2:], 16
    elif b == 0:
        radix = 8 if body[:1] == "0" and len(body) > 1 else 10
    if not body or any(_DIGITS.find(c.lower()) not in range(radix) for c in body):
        raise IoError(f'conversion of "{s}" to base {b} failed')
    if base is not None:
        integer(S, base, "fromBase")
    return float(sign * int(body, radix) % (1 << 64))


@P("toBase")
def to_base(S, t, base):
    b = integer(S, base, "toBase")
    if b < 2 or b > 36:
        raise IoError(f"conversion to base {b} not supported")
    v = parse_number(text(S, t))
    n = int(v) % (1 << 64) if math.isfinite(v) else 0
    digits = []
    while True:
        n, r = divmod(n, b)
        digits.append(_DIGITS[r])
        if not n:
            break
    return new_mutable(S, "".join(reversed(digits)))


@P("hash")
def hash_(S, t):
    data = text(S, t).encode("utf-8", "surrogatepass")
    import hashlib  # on use: it loads every hash module, costly in Pyodide

    return float(int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little"))


# -- code ----------------------------------------------------------------------------------
@P("asMessage")
def as_message(S, t, label=None):
    name = "[asMessage]" if label is None else need_str(S, label, "asMessage")
    return S.parse(text(S, t), name)


def interpolate_text(S, s: str, ctx):
    """Replace each ``#{code}`` with ``code`` evaluated in ``ctx``, as text."""
    out = []
    start = 0
    while True:
        a = s.find("#{", start)
        if a == -1:
            break
        b = s.find("}", a)
        if b == -1:
            break
        out.append(s[start:a])
        code = s[a + 2:b]
        if code:
            v = yield from S.eval_chain(S.parse(code, "doString"), ctx, ctx)
            c = v.__class__
            if c is str:
                out.append(v)
            elif c is float:
                out.append(format_number(v))
            else:
                r = yield from S.send(v, S.as_string_message, ctx)
                assertion(r.__class__ in (str, MutableSeq), "bad asString results")
                out.append(text(S, r))
        start = b + 1
    if not out:
        return s
    out.append(s[start:])
    return "".join(out)


@P.lazy("interpolate")
def interpolate(S, t, L, m):
    ctx = yield from S.arg(m, L, 0)
    return (yield from interpolate_text(S, text(S, t), L if ctx is S.nil else ctx))


@P.lazy("interpolateInPlace")
def interpolate_in_place(S, t, L, m):
    ctx = yield from S.arg(m, L, 0)
    seq = mutable(S, t, "interpolateInPlace")
    seq.s = yield from interpolate_text(S, seq.s, L if ctx is S.nil else ctx)
    return t


# -- printing ------------------------------------------------------------------------------
@P("print", "cPrint")
def print_(S, t):
    S.write(as_text(S, t))
    return t


@P("linePrint")
def line_print(S, t):
    S.write(as_text(S, t) + "\n")
    return t


# -- web encodings -------------------------------------------------------------------------
@P("asBase64")
def as_base64(S, t, per_line=None):
    n = 0 if per_line is None else integer(S, per_line, "asBase64")
    code = base64.b64encode(to_bytes(t)).decode("ascii")
    step = n // 4 * 4
    if step > 0:
        code = "\n".join(code[i:i + step] for i in range(0, len(code), step))
    return new_mutable(S, code + "\n")


@P("fromBase64")
def from_base64(S, t):
    data = re.sub(rb"[^A-Za-z0-9+/]", b"", text(S, t).encode("latin-1", "ignore"))
    data = data[: len(data) - len(data) % 4 if len(data) % 4 == 1 else len(data)]
    try:
        raw = base64.b64decode(data + b"=" * (-len(data) % 4))
    except binascii.Error:
        raw = b""
    return from_bytes(S, raw)


@P("percentEncoded")
def percent_encoded(S, t):
    from urllib.parse import quote  # on use: costly to import in Pyodide

    return quote(text(S, t), safe="-_.~")


@P("urlEncoded")
def url_encoded(S, t):
    from urllib.parse import quote_plus  # on use: costly to import in Pyodide

    return quote_plus(text(S, t), safe="-_.~")


@P("percentDecoded")
def percent_decoded(S, t):
    from urllib.parse import unquote  # on use: costly to import in Pyodide

    return unquote(text(S, t))


@P("urlDecoded")
def url_decoded(S, t):
    from urllib.parse import unquote_plus  # on use: costly to import in Pyodide

    return unquote_plus(text(S, t))


def _from_json(S, v):
    if isinstance(v, dict):
        return S.new_map({k: _from_json(S, x) for k, x in v.items()})
    if isinstance(v, list):
        return S.new_list([_from_json(S, x) for x in v])
    if isinstance(v, bool):
        return S.bool(v)
    if isinstance(v, (int, float)):
        return float(v)
    if v is None:
        return S.nil
    return v


@P("parseJson")
def parse_json(S, t):
    try:
        return _from_json(S, json.loads(text(S, t)))
    except ValueError:
        raise IoError("Can't parse JSON.") from None


_JSON_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "/": "\\/", "\b": "\\b",
                               "\f": "\\f", "\n": "\\n", "\t": "\\t"})


@P("asJson")
def as_json(S, t):
    return '"' + text(S, t).translate(_JSON_ESCAPES) + '"'


# -- building ------------------------------------------------------------------------------
@P("repeated")
def repeated(S, t, times):
    n = number(S, times, "repeated")
    return new_mutable(S, text(S, t) * max(math.ceil(n), 0) if math.isfinite(n) else "")


def _padding(S, pad, method: str) -> str:
    if pad is None or pad is S.nil:
        return " "
    return need_str(S, pad, method, 1) or " "


def pad_to(s: str, width: int, pad: str) -> str:
    """The padding alignLeft adds: ``pad`` repeated and cut to fill ``width``."""
    missing = width - len(s)
    if missing <= 0:
        return ""
    return (pad * -(-missing // len(pad)))[:missing]


def _width(S, w, method: str) -> int:
    n = number(S, w, method)
    return int(n) if math.isfinite(n) else 0


@P("alignLeftInPlace")
def align_left_in_place(S, t, width, pad=None):
    seq = mutable(S, t, "alignLeftInPlace")
    w = _width(S, width, "alignLeftInPlace")
    seq.append(pad_to(seq.s, w, _padding(S, pad, "alignLeftInPlace")))
    return t


@P("alignLeft")
def align_left(S, t, width, pad=None):
    s = text(S, t)
    return new_mutable(S, s + pad_to(s, _width(S, width, "alignLeft"),
                                     _padding(S, pad, "alignLeft")))


@P("alignRight")
def align_right(S, t, width, pad=None):
    s = text(S, t)
    return new_mutable(S, pad_to(s, _width(S, width, "alignRight"),
                                 _padding(S, pad, "alignRight")) + s)


@P("alignCenter")
def align_center(S, t, width, pad=None):
    s = text(S, t)
    w = _width(S, width, "alignCenter")
    p = _padding(S, pad, "alignCenter")
    right = pad_to(s, (len(s) + w) // 2, p) + s
    return new_mutable(S, right + pad_to(right, w, p))


@P("splitNoEmpties")
def split_no_empties(S, t, *seps):
    parts = split(S, t, *seps)
    parts.items = [p for p in parts.items if p.s]
    return parts


@P.gen("prependSeq")
def prepend_seq(S, t, *parts):
    out = []
    for p in parts:
        out.append((yield from S.as_string(p)))
    seq = mutable(S, t, "prependSeq")
    seq.s = "".join(out) + seq.s
    return t


@P("itemCopy")
def item_copy(S, t):
    return new_mutable(S, text(S, t))


@P("reverse")
def reverse(S, t):
    return new_mutable(S, text(S, t)[::-1])


@P("asHex")
def as_hex(S, t):
    return new_mutable(S, "".join(format(ord(c), "02x") for c in text(S, t)))

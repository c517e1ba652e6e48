"""Number: unboxed Python floats; arithmetic, comparison, math, formatting like upstream."""

from __future__ import annotations

import math
import struct

from ..errors import IoError
from ..registry import Prims
from ..values import MutableSeq

P = Prims("Number")

_LL_MAX = 9223372036854775807.0


def new_nan(sign: float = -1.0) -> float:
    """A NaN object of its own, with the sign of ``sign``. Io's comparisons answer "equal" for
    a value and itself before looking at numbers (so ``x := 0/0; x == x`` is true), hence
    every NaN a computation makes must be a new object, as each is in upstream: ``(0/0) ==
    (0/0)`` is false. x86's 0/0, inf-inf, sqrt(-1) are negative NaNs (glibc prints "-nan")."""
    return math.copysign(math.nan, sign)


def fresh(n: float) -> float:
    """``n`` as a result of its own: a NaN argument gives a new NaN (see new_nan)."""
    return n if n == n else math.copysign(math.nan, n)


def format_number(n: float) -> str:
    """Upstream's rule: integral values as integers, huge ones with %e, else %.16f trimmed.
    (Every number printed or joined comes here: the integral test is ordered cheapest
    first, and ``%d`` formats without building an int.)"""
    if n.is_integer() and -_LL_MAX <= n <= _LL_MAX:
        return "%d" % n
    if n != n:
        return "-nan" if math.copysign(1.0, n) < 0 else "nan"
    if n > _LL_MAX or n < -_LL_MAX:
        return "%e" % n
    s = "%.16f" % n
    s = s.rstrip("0")
    return s[:-1] if s.endswith(".") else s


def num(S, v, method: str, i: int = 0) -> float:
    if v.__class__ is float:
        return v
    raise IoError(f"argument {i} to method '{method}' must be a Number, not a '{S.type_name(v)}'")


def target(S, t, method: str) -> float:
    if t.__class__ is float:
        return t
    if t is S.Number:
        return 0.0
    raise IoError(f"Number {method} called on a '{S.type_name(t)}'")


@P("+")
def add(S, t, o):
    if t.__class__ is float and o.__class__ is float:
        return t + o
    return target(S, t, "+") + num(S, o, "+")


@P("-")
def sub(S, t, o):
    if t.__class__ is float and o.__class__ is float:
        return t - o
    return target(S, t, "-") - num(S, o, "-")


@P("*")
def mul(S, t, o):
    if t.__class__ is float and o.__class__ is float:
        return t * o
    return target(S, t, "*") * num(S, o, "*")


def c_div(a: float, b: float) -> float:
    """IEEE division: x/0 is a signed infinity, 0/0 a NaN (Python would raise)."""
    if b == 0.0:
        if a != a:
            return fresh(a)
        if a == 0.0:
            return new_nan()
        return math.copysign(math.inf, a) * math.copysign(1.0, b)
    return a / b


@P("/")
def div(S, t, o):
    return c_div(target(S, t, "/"), num(S, o, "/"))


# Comparisons between Numbers go by value, except that a Number is equal to itself first (as
# upstream's compare checks identity before values): a NaN is == itself, and <= and >= it, but
# not another NaN; two different NaNs compare as -1, so x < y and x <= y are true for them.
# pyio_core/eval/compiler.py inlines the same expressions; keep the two in step.
@P("<")
def lt(S, t, o):
    if o.__class__ is float and t.__class__ is float:
        return S.false if t >= o or t is o else S.true
    return S.bool(S.raw_compare(t, o) < 0)


@P(">")
def gt(S, t, o):
    if o.__class__ is float and t.__class__ is float:
        return S.true if t > o else S.false
    return S.bool(S.raw_compare(t, o) > 0)


@P("<=")
def le(S, t, o):
    if o.__class__ is float and t.__class__ is float:
        return S.false if t > o else S.true
    return S.bool(S.raw_compare(t, o) <= 0)


@P(">=")
def ge(S, t, o):
    if o.__class__ is float and t.__class__ is float:
        return S.true if t >= o or t is o else S.false
    return S.bool(S.raw_compare(t, o) >= 0)


@P("==")
def eq(S, t, o):
    if o.__class__ is float and t.__class__ is float:
        return S.true if t == o or t is o else S.false
    return S.bool(S.raw_compare(t, o) == 0)


@P("!=")
def ne(S, t, o):
    if o.__class__ is float and t.__class__ is float:
        return S.false if t == o or t is o else S.true
    return S.bool(S.raw_compare(t, o) != 0)


@P.lazy("repeat")
def repeat(S, t, L, m):
    n = target(S, t, "repeat")
    args = m.args
    if not args:
        raise IoError("[Number repeat] requires 1 arguments\n")
    if len(args) > 1:
        name, body = args[0].name, args[1]
    else:
        name, body = None, args[0]
    r = S.nil
    i = 0.0
    while i < n:
        if name is not None:
            S.bind_slots(L, name)[name] = i
        r, stop = yield from S.loop_body(body, L)
        if stop == "break":
            break
        i += 1.0
    return r


# -- C conversions ---------------------------------------------------------------------------
# Upstream casts doubles to C integers; x86 turns NaN and out-of-range values into the most
# negative integer, and the results below depend on that (bit operations, isEven, factorial).
INT_MIN = -(2**31)
LONG_MIN = -(2**63)


def c_int(x: float) -> int:
    """C's ``(int)x``."""
    if -2147483649.0 < x < 2147483648.0:
        return int(x)
    return INT_MIN


def c_long(x: float) -> int:
    """C's ``(long)x`` (64-bit)."""
    if -9223372036854775808.0 <= x < 9223372036854775808.0:
        return int(x)
    return LONG_MIN


def wrap_long(n: int) -> int:
    """An integer wrapped to a signed 64-bit value, as C's long arithmetic does."""
    return ((n + 2**63) & (2**64 - 1)) - 2**63


def int_arg(S, v, method: str, i: int = 0) -> int:
    return c_int(num(S, v, method, i))


def long_arg(S, v, method: str, i: int = 0) -> int:
    return c_long(num(S, v, method, i))


def c_fixed(n: float, width: int, prec: int) -> str:
    """printf's ``%*.*f`` (negative width left-justifies), with glibc's ``-nan``."""
    if n != n:
        s = "-nan" if math.copysign(1.0, n) < 0 else "nan"
        return s.ljust(-width) if width < 0 else s.rjust(width)
    return "%*.*f" % (width, prec, n)


# -- arithmetic ------------------------------------------------------------------------------
def libm(fn, sign: float = -1.0):
    """A Python math function answering as C's does where Python raises: a new NaN (with the
    sign of ``sign``, which varies by function in glibc) outside the domain, infinity on
    overflow."""
    def call(x: float) -> float:
        try:
            return fn(x)
        except ValueError:
            return new_nan(x if x != x else sign)
        except OverflowError:
            return math.inf

    return call


def c_pow(a: float, b: float) -> float:
    """C's pow: overflow and 0 to a negative power give infinities, not exceptions."""
    try:
        return math.pow(a, b)
    except (ValueError, OverflowError) as e:
        odd = math.isfinite(b) and b == int(b) and int(b) % 2 == 1
        if a == 0.0 or isinstance(e, OverflowError):
            return -math.inf if odd and math.copysign(1.0, a) < 0 else math.inf
        return new_nan()


@P("%", "mod")
def mod(S, t, o):
    a, b = target(S, t, "mod"), num(S, o, "mod")
    if b == 0.0 or math.isinf(a) or a != a or b != b:
        return new_nan(a if a != a else b if b != b else -1.0)
    return math.fmod(a, b)


@P("**", "pow")
def pow_(S, t, o):
    return c_pow(target(S, t, "pow"), num(S, o, "pow"))


@P("atan2")
def atan2(S, t, o):
    return math.atan2(target(S, t, "atan2"), num(S, o, "atan2"))


@P("abs")
def abs_(S, t):
    n = target(S, t, "abs")
    return -n if n < 0 else n


@P("negate")
def negate(S, t):
    return -target(S, t, "negate")


@P("squared")
def squared(S, t):
    n = target(S, t, "squared")
    return n * n


@P("cubed")
def cubed(S, t):
    n = target(S, t, "cubed")
    return n * n * n


@P("ceil")
def ceil(S, t):
    n = target(S, t, "ceil")
    return float(math.ceil(n)) if math.isfinite(n) else fresh(n)


@P("floor")
def floor(S, t):
    n = target(S, t, "floor")
    return float(math.floor(n)) if math.isfinite(n) else fresh(n)


@P("round")
def round_(S, t):
    """Halves round away from zero (C's ceil(x - .5) / floor(x + .5))."""
    n = target(S, t, "round")
    if not math.isfinite(n):
        return fresh(n)
    return float(math.ceil(n - 0.5)) if n < 0 else float(math.floor(n + 0.5))


@P("roundDown")
def round_down(S, t):
    """Halves round up, toward positive infinity."""
    n = target(S, t, "roundDown")
    return float(math.floor(n + 0.5)) if math.isfinite(n) else fresh(n)


@P("toggle")
def toggle(S, t):
    return 0.0 if target(S, t, "toggle") else 1.0


def f32(x: float) -> float:
    """``x`` rounded to a C float (single precision)."""
    try:
        return _F32.unpack(_F32.pack(x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


_F32 = struct.Struct("<f")
_F32_E = f32(math.e)


def c_log(fn):
    """A Python logarithm with C's answers at 0 and infinity."""
    def call(x: float) -> float:
        if x == 0.0:
            return -math.inf
        if x == math.inf:
            return x
        return fn(x)

    return call


_ln = libm(c_log(math.log))


@P("log")
def log(S, t, base=None):
    """The base is a C float in upstream, so ``10 log`` is not quite ln(10)."""
    n = target(S, t, "log")
    b = _F32_E if base is None else f32(num(S, base, "log"))
    return c_div(_ln(n), _ln(b))


def _unary(name: str, fn):
    @P(name)
    def prim(S, t):
        return fn(target(S, t, name))

    prim.__name__ = name
    return prim


# glibc's NaN sign differs per function: log10, acos and asin give +nan, the others -nan.
for _name, _fn in (("sqrt", libm(math.sqrt)), ("exp", libm(math.exp)),
                   ("sin", libm(math.sin)), ("cos", libm(math.cos)), ("tan", libm(math.tan)),
                   ("asin", libm(math.asin, 1.0)), ("acos", libm(math.acos, 1.0)),
                   ("atan", libm(math.atan)), ("log2", libm(c_log(math.log2))),
                   ("log10", libm(c_log(math.log10), 1.0))):
    _unary(_name, _fn)


@P("factorial")
def factorial(S, t):
    """The product n * (n-1) * ... * 1 of the C int part, in doubles (so 171 is inf)."""
    n = c_int(target(S, t, "factorial"))
    if n < 0:
        # upstream's loop counts down through INT_MIN and wraps: the product overflows,
        # its sign set by how many negative factors it met
        return math.inf if (n - INT_MIN + 1) % 2 == 0 else -math.inf
    v = 1.0
    while n and v != math.inf:
        v *= n
        n -= 1
    return v


@P("max")
def max_(S, t, o):
    a, b = target(S, t, "max"), num(S, o, "max")
    return a if a > b else b


@P("min")
def min_(S, t, o):
    a, b = target(S, t, "min"), num(S, o, "min")
    return a if a < b else b


@P("between")
def between(S, t, lo, hi):
    n = target(S, t, "between")
    a, b = num(S, lo, "between"), num(S, hi, "between", 1)
    return S.bool((a <= n <= b) or (b <= n <= a))


@P("clip")
def clip(S, t, lo, hi):
    n = target(S, t, "clip")
    a, b = num(S, lo, "clip"), num(S, hi, "clip", 1)
    if n < a:
        n = a
    if n > b:
        n = b
    return fresh(n)


@P("isNan")
def is_nan(S, t):
    n = target(S, t, "isNan")
    return S.bool(n != n)


# -- bits ------------------------------------------------------------------------------------
def _bits(name: str, op):
    @P(name)
    def prim(S, t, o):
        return float(wrap_long(op(c_long(target(S, t, name)), long_arg(S, o, name))))

    prim.__name__ = name
    return prim


for _names, _op in ((("&", "bitwiseAnd"), lambda a, b: a & b),
                    (("|", "bitwiseOr"), lambda a, b: a | b),
                    (("^", "bitwiseXor"), lambda a, b: a ^ b),
                    (("<<", "shiftLeft"), lambda a, b: a << (b & 63)),
                    ((">>", "shiftRight"), lambda a, b: a >> (b & 63))):
    for _name in _names:
        _bits(_name, _op)


@P("bitwiseComplement")
def bitwise_complement(S, t):
    return float(~c_long(target(S, t, "bitwiseComplement")))


@P("at")
def bit_at(S, t, index):
    i = int_arg(S, index, "at")
    if not 0 <= i < 64:
        raise IoError("Io Assertion 'index out of bit bounds'")
    return float((c_long(target(S, t, "at")) >> i) & 1)


@P("isEven")
def is_even(S, t):
    return S.bool(c_int(target(S, t, "isEven")) & 1 == 0)


@P("isOdd")
def is_odd(S, t):
    return S.bool(c_int(target(S, t, "isOdd")) & 1 == 1)


# -- characters (the C locale: ASCII only) ------------------------------------------------------
_PUNCT = frozenset(range(33, 48)) | frozenset(range(58, 65)) | frozenset(range(91, 97)) \
    | frozenset(range(123, 127))
_CLASSES = {
    "isAlphaNumeric": lambda c: chr(c).isalnum(),
    "isLetter": lambda c: chr(c).isalpha(),
    "isControlCharacter": lambda c: c < 32 or c == 127,
    "isDigit": lambda c: 48 <= c <= 57,
    "isGraph": lambda c: 33 <= c <= 126,
    "isLowercase": lambda c: 97 <= c <= 122,
    "isUppercase": lambda c: 65 <= c <= 90,
    "isPrint": lambda c: 32 <= c <= 126,
    "isPunctuation": lambda c: c in _PUNCT,
    "isSpace": lambda c: c == 32 or 9 <= c <= 13,
    "isHexDigit": lambda c: 48 <= c <= 57 or 65 <= c <= 70 or 97 <= c <= 102,
}


def _char_class(name: str, test):
    @P(name)
    def prim(S, t):
        c = c_int(target(S, t, name))
        return S.bool(0 <= c < 128 and test(c))

    prim.__name__ = name
    return prim


for _name, _test in _CLASSES.items():
    _char_class(_name, _test)


@P("asLowercase")
def as_lowercase(S, t):
    c = c_int(target(S, t, "asLowercase"))
    return float(c + 32 if 65 <= c <= 90 else c)


@P("asUppercase")
def as_uppercase(S, t):
    c = c_int(target(S, t, "asUppercase"))
    return float(c - 32 if 97 <= c <= 122 else c)


@P("asCharacter")
def as_character(S, t):
    """A new one-character mutable Sequence for a code point (nil for fractions, negatives
    and values no character encoding holds). As upstream, 0-255 give a one-byte "ascii"
    sequence: ``File write`` writes it as that byte (binary output such as a PBM image)."""
    n = target(S, t, "asCharacter")
    if not (0 <= n <= 0x10FFFF) or n != int(n):
        return S.nil
    c = int(n)
    seq = MutableSeq(S.seq_protos, chr(c))
    seq.encoding = "ascii" if c < 0x100 else "ucs2" if c < 0x10000 else "ucs4"
    return seq


# -- conversions -----------------------------------------------------------------------------
@P("clone")
def clone(S, t):
    """Numbers are values: a clone is an equal number (``Number clone`` is 0); only a NaN's
    clone is told apart from it (a NaN is equal to itself only)."""
    return fresh(target(S, t, "clone"))


@P("asNumber")
def as_number(S, t):
    return target(S, t, "asNumber")


@P("asString")
def as_string(S, t, whole=None, part=None):
    """No argument: upstream's number text. ``asString(width, decimals)``: printf's
    ``%*.*f`` (decimals default to 6; negative values count as positive)."""
    if whole is None and t.__class__ is float:  # the common case, checked in one step
        return format_number(t)
    n = target(S, t, "asString")
    if whole is None:
        return format_number(n)
    w = abs(int_arg(S, whole, "asString"))
    p = 6 if part is None else abs(int_arg(S, part, "asString", 1))
    # C's abs(INT_MIN) stays negative (left-justify); upstream's buffer holds 1023 characters
    w = -1024 if w == -INT_MIN else min(w, 1024)
    return c_fixed(n, w, min(p, 1024))[:1023]


@P("asSimpleString", "asJson")
def as_simple_string(S, t):
    return format_number(target(S, t, "asSimpleString"))


def _bytes_seq(S, data: bytes) -> MutableSeq:
    return MutableSeq(S.seq_protos, data.decode("latin-1"))


@P("asBuffer")
def as_buffer(S, t, count=None):
    """The bytes of the double (little-endian), or the first ``count`` of them."""
    data = struct.pack("<d", target(S, t, "asBuffer"))
    n = 8 if count is None or count is S.nil else c_int(num(S, count, "asBuffer"))
    return _bytes_seq(S, (data + bytes(max(0, n - 8)))[: max(0, n)])


@P("asUint32Buffer")
def as_uint32_buffer(S, t):
    return _bytes_seq(S, struct.pack("<I", c_int(target(S, t, "asUint32Buffer")) & 0xFFFFFFFF))


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def to_base(n: float, base: int) -> str:
    """The integer part of ``n`` in ``base`` (negatives as 64-bit two's complement)."""
    if not 2 <= base <= 36:
        raise IoError(f"conversion to base {base} not supported")
    v = int(n) if -(2.0**63) <= n < 2.0**64 else 0
    v &= 2**64 - 1
    out = []
    while True:
        v, d = divmod(v, base)
        out.append(_DIGITS[d])
        if not v:
            return "".join(reversed(out))


@P("toBase")
def to_base_(S, t, base):
    return to_base(target(S, t, "toBase"), int_arg(S, base, "toBase"))


@P("toBaseWholeBytes")
def to_base_whole_bytes(S, t, base):
    """Like toBase, zero-padded to a whole number of bytes' worth of digits."""
    b = int_arg(S, base, "toBaseWholeBytes")
    s = to_base(target(S, t, "toBaseWholeBytes"), b)
    per_byte = math.ceil(math.log(256) / math.log(f32(b)))
    width = math.ceil(len(s) / per_byte) * per_byte
    return s.rjust(width, "0")


def _whole_bytes(name: str, base: int):
    @P(name)
    def prim(S, t):
        return to_base_whole_bytes(S, t, float(base))

    prim.__name__ = name
    return prim


for _name, _base in (("asHex", 16), ("asBinary", 2), ("asOctal", 8)):
    _whole_bytes(_name, _base)


# -- limits ----------------------------------------------------------------------------------
def _constant(name: str, value: float):
    @P(name)
    def prim(S, t):
        return value

    prim.__name__ = name
    return prim


for _name, _value in (("integerMax", 2.0**31 - 1), ("integerMin", -(2.0**31)),
                      ("longMax", 2.0**63 - 1), ("longMin", -(2.0**63)),
                      ("shortMax", 32767.0), ("shortMin", -32768.0),
                      ("unsignedLongMax", 2.0**64 - 1), ("unsignedIntMax", 2.0**32 - 1),
                      ("floatMax", 3.4028234663852886e38), ("floatMin", 1.1754943508222875e-38)):
    _constant(_name, _value)

"""BigInt: arbitrary-precision integers (upstream's browser build has them for JS bigint).

Pure Python, so it works on CPython too; the JS bridge converts it to and from JS bigint.
"""

from __future__ import annotations

from pyio_core.errors import IoError
from pyio_core.objects import IoObject
from pyio_core.values import MutableSeq

from .prims import Table, new_proto

T = Table("BigInt")


class IoBigInt(IoObject):
    __slots__ = ("value",)

    def __init__(self, protos, value: int = 0) -> None:
        self.slots = {}
        self.protos = protos
        self.value = value

    def clone_from(self, proto) -> None:
        self.value = proto.value


def new_bigint(S, value: int) -> IoBigInt:
    return IoBigInt([S.core.slots["BigInt"]], value)


def as_int(S, v, method: str, i: int = 0) -> int:
    """An integer from a BigInt, an integral Number or decimal text."""
    if isinstance(v, IoBigInt):
        return v.value
    if v.__class__ is float:
        if v != v or v in (float("inf"), float("-inf")) or v != int(v):
            raise IoError(f"BigInt {method}: {S.simple_string(v)} is not an integer")
        return int(v)
    if v.__class__ in (str, MutableSeq):
        text = (v if v.__class__ is str else v.s).strip()
        try:
            return int(text, 0) if text[:2].lower() in ("0x", "0o", "0b") else int(text)
        except ValueError:
            raise IoError(f"BigInt {method}: cannot convert \"{text}\" to a BigInt") from None
    raise IoError(f"argument {i} to method '{method}' must be a BigInt, Number or Sequence, "
                  f"not a '{S.type_name(v)}'")


def me(S, t, method: str) -> int:
    if not isinstance(t, IoBigInt):
        raise IoError(f"BigInt {method}: receiver is a '{S.type_name(t)}', not a BigInt")
    return t.value


@T("from", "with")
def from_(S, t, v):
    return new_bigint(S, as_int(S, v, "from"))


def _arith(name: str, op):
    def prim(S, t, other):
        return new_bigint(S, op(me(S, t, name), as_int(S, other, name)))

    T(name)(prim)


def _trunc_div(a: int, b: int) -> int:
    """JS bigint division: truncates toward zero."""
    if b == 0:
        raise IoError("BigInt division by zero")
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def _trunc_mod(a: int, b: int) -> int:
    return a - b * _trunc_div(a, b)


def _pow(a: int, b: int) -> int:
    if b < 0:
        raise IoError("BigInt exponent must be non-negative")
    return a ** b


for _name, _op in (("+", int.__add__), ("-", int.__sub__), ("*", int.__mul__),
                   ("/", _trunc_div), ("%", _trunc_mod), ("**", _pow), ("pow", _pow),
                   ("&", int.__and__), ("|", int.__or__), ("^", int.__xor__),
                   ("<<", int.__lshift__), (">>", int.__rshift__)):
    _arith(_name, _op)


def _other(S, v):
    """The integer value of a comparable operand, or None (so == with a string is false)."""
    if isinstance(v, IoBigInt):
        return v.value
    if v.__class__ is float and v == v and v not in (float("inf"), float("-inf")):
        return v
    return None


def _compare(name: str, op):
    def prim(S, t, other):
        o = _other(S, other)
        if o is None:
            if name in ("==", "!="):
                return S.bool(name == "!=")
            raise IoError(f"BigInt {name}: cannot compare with a '{S.type_name(other)}'")
        return S.bool(op(me(S, t, name), o))

    T(name)(prim)


for _name, _op in (("==", lambda a, b: a == b), ("!=", lambda a, b: a != b),
                   ("<", lambda a, b: a < b), (">", lambda a, b: a > b),
                   ("<=", lambda a, b: a <= b), (">=", lambda a, b: a >= b)):
    _compare(_name, _op)


@T("compare")
def compare(S, t, other):
    a, b = me(S, t, "compare"), _other(S, other)
    if b is None:
        raise IoError(f"BigInt compare: cannot compare with a '{S.type_name(other)}'")
    return float((a > b) - (a < b))


@T("negate")
def negate(S, t):
    return new_bigint(S, -me(S, t, "negate"))


@T("abs")
def abs_(S, t):
    return new_bigint(S, abs(me(S, t, "abs")))


@T("asString")
def as_string(S, t, base=None):
    v = me(S, t, "asString")
    if base is None or base is S.nil:
        return str(v)
    b = int(as_int(S, base, "asString"))
    if not 2 <= b <= 36:
        raise IoError("BigInt asString: base must be between 2 and 36")
    digits, n, out = "0123456789abcdefghijklmnopqrstuvwxyz", abs(v), ""
    while True:
        n, r = divmod(n, b)
        out = digits[r] + out
        if not n:
            break
    return "-" + out if v < 0 else out


@T("asNumber")
def as_number(S, t):
    v = me(S, t, "asNumber")
    try:
        return float(v)
    except OverflowError:
        return float("inf") if v > 0 else float("-inf")


@T("isZero")
def is_zero(S, t):
    return S.bool(me(S, t, "isZero") == 0)


def install(S) -> None:
    """Add the BigInt proto to Core (the bridge does this; plain pyio may call it too)."""
    if "BigInt" in S.core.slots and isinstance(S.core.slots["BigInt"], IoBigInt):
        return
    p = new_proto(S, IoBigInt, "BigInt")
    T.install(S, p, S)

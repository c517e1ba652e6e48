"""Sequence item arithmetic: element-wise operators and functions for number-encoded
sequences (``Sequence clone setEncoding("number")``), and the aggregates (sum, mean, max...)
that upstream also allows on text. The Vector proto has its own faster payload (vector.py).
"""

from __future__ import annotations

import math
import operator

from ..errors import IoError
from ..registry import Prims
from ..values import MutableSeq
from .sequence_base import mutable, number, text
from .sequence_bytes import is_raw, items, mutable_copy, raw_packed

P = Prims("Sequence")


def _numeric(S, t, method: str) -> MutableSeq:
    seq = mutable(S, t, method)
    if seq.encoding != "number":
        raise IoError("Io Assertion 'operation not valid on non-number encodings'")
    return seq


def need_seq(S, v, method: str):
    if v.__class__ in (str, MutableSeq):
        return v
    raise IoError(f"argument 0 to method '{method}' must be a Sequence, not a "
                  f"'{S.type_name(v)}'")


def _store(seq: MutableSeq, values) -> None:
    seq.s = raw_packed(seq, values)


def _operand(S, o, method: str):
    """A Number, or the items of a Sequence argument."""
    if o.__class__ is float:
        return o
    if o.__class__ in (str, MutableSeq):
        return items(S, o)
    raise IoError(f"argument 0 to method '{method}' must be a Sequence or Number, not a "
                  f"'{S.type_name(o)}'")


def _apply(S, seq: MutableSeq, o, op, method: str) -> None:
    mine = items(S, seq)
    other = _operand(S, o, method)
    if other.__class__ is float:
        _store(seq, [op(a, other) for a in mine])
    else:  # items past the shorter operand stay as they are
        n = min(len(mine), len(other))
        _store(seq, [*map(op, mine[:n], other[:n]), *mine[n:]])


def _div(a: float, b: float) -> float:
    if b == 0:
        return math.nan if a == 0 or a != a else math.copysign(math.inf, a) * math.copysign(1, b)
    return a / b


def _pow(a: float, b: float) -> float:
    try:
        return math.pow(a, b)
    except (OverflowError, ValueError):
        return math.nan


_OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": _div, "**": _pow}


def _in_place(name: str, op):
    def prim(S, t, o):
        _apply(S, _numeric(S, t, name), o, op, name)
        return t

    return prim


def _copying(name: str, op):
    def prim(S, t, o):
        if t.__class__ is not MutableSeq or t.encoding != "number":
            raise IoError("Io Assertion 'operation not valid on non-number encodings'")
        new = mutable_copy(S, t)
        _apply(S, new, o, op, name)
        return new

    return prim


for _sym, _op in _OPS.items():
    P(_sym + "=")(_in_place(_sym + "=", _op))
    P(_sym)(_copying(_sym, _op))
P("addEquals")(_in_place("addEquals", _OPS["+"]))
P("logicalOr")(_in_place("logicalOr", lambda a, b: float(bool(a or b))))


def _guarded(f):
    def g(x: float) -> float:
        try:
            return float(f(x))
        except (ValueError, OverflowError):
            return math.nan

    return g


_FUNCTIONS = {
    "abs": abs, "acos": math.acos, "asin": math.asin, "atan": math.atan, "ceil": math.ceil,
    "cos": math.cos, "cosh": math.cosh, "floor": math.floor, "log": math.log,
    "log10": math.log10, "negate": lambda x: -x, "sin": math.sin, "sinh": math.sinh,
    "sqrt": math.sqrt, "square": lambda x: x * x, "tan": math.tan, "tanh": math.tanh,
}


def _unary(name: str, f):
    def prim(S, t):
        seq = _numeric(S, t, name)
        _store(seq, map(f, items(S, seq)))
        return t

    return prim


for _name, _f in _FUNCTIONS.items():
    P(_name)(_unary(_name, _guarded(_f)))


# -- aggregates ----------------------------------------------------------------------------
@P("sum")
def sum_(S, t):
    return float(sum(items(S, t)))


@P("product")
def product(S, t):
    return float(math.prod(items(S, t)))


@P("max")
def max_(S, t):
    vals = items(S, t)
    return max(vals) if vals else S.nil


@P("min")
def min_(S, t):
    vals = items(S, t)
    return min(vals) if vals else S.nil


@P("mean")
def mean(S, t):
    vals = items(S, t)
    return sum(vals) / len(vals) if vals else 0.0


@P("meanSquare")
def mean_square(S, t):
    vals = items(S, t)
    return sum(v * v for v in vals) / len(vals) if vals else 0.0


@P("rootMeanSquare")
def root_mean_square(S, t):
    return math.sqrt(mean_square(S, t))


@P("dotProduct")
def dot_product(S, t, other):
    b = items(S, need_seq(S, other, "dotProduct"))
    return float(sum(x * y for x, y in zip(items(S, mutable(S, t, "dotProduct")), b)))


@P("distanceTo")
def distance_to(S, t, other):
    b = items(S, need_seq(S, other, "distanceTo"))
    return math.sqrt(sum((x - y) ** 2 for x, y in zip(items(S, t), b)))


@P("normalize")
def normalize(S, t):
    seq = _numeric(S, t, "normalize")
    vals = items(S, seq)
    length = math.sqrt(sum(v * v for v in vals))
    if length:
        _store(seq, [v / length for v in vals])
    return t


@P("zero")
def zero(S, t):
    seq = mutable(S, t, "zero")
    n = len(items(S, seq))
    if is_raw(seq):
        _store(seq, [0.0] * n)
    else:
        seq.s = "\0" * n
    return t


@P("rangeFill")
def range_fill(S, t):
    seq = _numeric(S, t, "rangeFill")
    _store(seq, [float(i) for i in range(len(items(S, seq)))])
    return t


P("Max")(_in_place("Max", max))
P("Min")(_in_place("Min", min))


def _drop_indexes(S, t, method: str, keep_even: bool):
    seq = mutable(S, t, method)
    vals = items(S, seq)[0 if keep_even else 1::2]
    if is_raw(seq):
        _store(seq, vals)
    else:
        seq.s = text(S, seq)[0 if keep_even else 1::2]
    return t


@P("removeOddIndexes")
def remove_odd_indexes(S, t):
    return _drop_indexes(S, t, "removeOddIndexes", True)


@P("removeEvenIndexes")
def remove_even_indexes(S, t):
    return _drop_indexes(S, t, "removeEvenIndexes", False)


@P("duplicateIndexes")
def duplicate_indexes(S, t):
    seq = mutable(S, t, "duplicateIndexes")
    if is_raw(seq):
        _store(seq, [v for v in items(S, seq) for _ in (0, 1)])
    else:
        seq.s = "".join(c + c for c in seq.s)
    return t


def _xyz(i: int):
    setter = "set" + "XYZ"[i]

    def get(S, t):
        vals = items(S, t)
        return vals[i] if i < len(vals) else S.nil

    def put(S, t, value):
        seq = _numeric(S, t, setter)
        vals = items(S, seq)
        if i < len(vals):
            vals[i] = number(S, value, setter)
            _store(seq, vals)
        return t

    return get, put


for _i, _axis in enumerate("xyz"):
    _get, _put = _xyz(_i)
    P(_axis)(_get)
    P("set" + _axis.upper())(_put)

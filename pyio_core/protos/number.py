"""Number: unboxed Python floats; arithmetic, comparison, math, formatting like upstream."""

from __future__ import annotations

import math

from ..errors import IoError
from ..registry import Prims

P = Prims("Number")

_LL_MAX = 9223372036854775807.0


def format_number(n: float) -> str:
    """Upstream's rule: integral values as integers, huge ones with %e, else %.16f trimmed."""
    if -_LL_MAX <= n <= _LL_MAX and n == int(n):
        return str(int(n))
    if n != n:
        return "nan"
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


@P("/")
def div(S, t, o):
    a, b = target(S, t, "/"), num(S, o, "/")
    if b == 0.0:
        if a == 0.0 or a != a:
            return math.nan
        return math.copysign(math.inf, a) * math.copysign(1.0, b)
    return a / b


@P("<")
def lt(S, t, o):
    if o.__class__ is float and t.__class__ is float:
        return S.true if t < o else S.false
    return S.bool(S.raw_compare(t, o) < 0)


@P(">")
def gt(S, t, o):
    if o.__class__ is float and t.__class__ is float:
        return S.true if t > o else S.false
    return S.bool(S.raw_compare(t, o) > 0)


@P("<=")
def le(S, t, o):
    if o.__class__ is float and t.__class__ is float:
        return S.true if t <= o else S.false
    return S.bool(S.raw_compare(t, o) <= 0)


@P(">=")
def ge(S, t, o):
    if o.__class__ is float and t.__class__ is float:
        return S.true if t >= o else S.false
    return S.bool(S.raw_compare(t, o) >= 0)


@P("==")
def eq(S, t, o):
    if o.__class__ is float and t.__class__ is float:
        return S.true if t == o else S.false
    return S.bool(S.raw_compare(t, o) == 0)


@P("!=")
def ne(S, t, o):
    if o.__class__ is float and t.__class__ is float:
        return S.true if t != o else S.false
    return S.bool(S.raw_compare(t, o) != 0)


@P("asString", "asSimpleString")
def as_string(S, t):
    return format_number(target(S, t, "asString"))


@P.lazy("repeat")
def repeat(S, t, L, m):
    n = target(S, t, "repeat")
    args = m.args
    if not args:
        raise IoError("repeat requires a body")
    if len(args) > 1:
        name, body = args[0].name, args[1]
    else:
        name, body = None, args[0]
    r = S.nil
    i = 0.0
    while i < n:
        if name is not None:
            L.slots[name] = i
        r, stop = yield from S.loop_body(body, L)
        if stop == "break":
            break
        i += 1.0
    return r

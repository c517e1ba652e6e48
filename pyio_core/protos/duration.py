"""Duration: a length of time in seconds, shown as years, days, hours, minutes, seconds.

Upstream splits the seconds into components with C ``int`` casts (a year is 365 days), and
its printouts keep the quirks of those casts, so the same arithmetic is reproduced here.
"""

from __future__ import annotations

from ..errors import IoError
from ..objects import IoObject
from ..registry import Prims
from .number import c_fixed, c_int, num
from .object import need_str

_UNITS = (31536000, 86400, 3600, 60)  # seconds in a year, day, hour, minute
DEFAULT_FORMAT = "%Y years %d days %H:%M:%S"


class IoDuration(IoObject):
    """Duration's payload: ``seconds``."""

    __slots__ = ("seconds",)

    def __init__(self, protos, seconds: float = 0.0) -> None:
        self.slots = {}
        self.protos = protos
        self.seconds = seconds

    def clone_from(self, proto: IoDuration) -> None:
        self.seconds = proto.seconds


P = Prims("Duration", IoDuration)


def new_duration(S, seconds: float) -> IoDuration:
    return IoDuration([S.Duration], seconds)


def need_duration(S, t, method: str) -> IoDuration:
    if isinstance(t, IoDuration):
        return t
    raise IoError(f"Duration {method} called on a '{S.type_name(t)}'")


def duration_arg(S, v, method: str, i: int = 0) -> IoDuration:
    if isinstance(v, IoDuration):
        return v
    raise IoError(f"argument {i} to method '{method}' must be a Duration, not a "
                  f"'{S.type_name(v)}'")


def components(seconds: float) -> list[float]:
    """[years, days, hours, minutes, seconds], each whole unit taken off in turn."""
    t = seconds
    out = []
    for unit in _UNITS:
        n = float(c_int(t / unit))
        t -= c_int(n * unit)
        out.append(n)
    out.append(t)
    return out


def from_components(parts: list[float]) -> float:
    return sum(n * unit for n, unit in zip(parts, _UNITS)) + parts[4]


def format_duration(seconds: float, fmt: str) -> str:
    years, days, hours, minutes, secs = components(seconds)
    for code, text in (("%Y", "%i" % years), ("%y", "%04i" % years), ("%d", "%02i" % days),
                       ("%H", "%02i" % hours), ("%M", "%02i" % minutes),
                       ("%S", c_fixed(secs, 2, 6))):
        fmt = fmt.replace(code, text)
    return fmt


def _component(name: str, index: int):
    setter = "set" + name[0].upper() + name[1:]

    @P(name)
    def get(S, t):
        value = components(need_duration(S, t, name).seconds)[index]
        return value if index == 4 else float(c_int(value))

    @P(setter)
    def put(S, t, value):
        d = need_duration(S, t, setter)
        parts = components(d.seconds)
        parts[index] = num(S, value, setter)
        d.seconds = from_components(parts)
        return t

    get.__name__, put.__name__ = name, setter


for _i, _name in enumerate(("years", "days", "hours", "minutes", "seconds")):
    _component(_name, _i)


@P("asNumber", "totalSeconds")
def as_number(S, t):
    return need_duration(S, t, "asNumber").seconds


@P("fromNumber")
def from_number(S, t, n):
    need_duration(S, t, "fromNumber").seconds = num(S, n, "fromNumber")
    return t


@P("asString")
def as_string(S, t, fmt=None):
    d = need_duration(S, t, "asString")
    text = DEFAULT_FORMAT if fmt is None else need_str(S, fmt, "asString")
    return format_duration(d.seconds, text)


@P("print")
def print_(S, t):
    S.write(format_duration(need_duration(S, t, "print").seconds, DEFAULT_FORMAT))
    return t


@P("+=")
def add_in_place(S, t, other):
    need_duration(S, t, "+=").seconds += duration_arg(S, other, "+=").seconds
    return t


@P("-=")
def subtract_in_place(S, t, other):
    need_duration(S, t, "-=").seconds -= duration_arg(S, other, "-=").seconds
    return t


@P("+")
def add(S, t, other):
    d = need_duration(S, t, "+")
    return new_duration(S, d.seconds + duration_arg(S, other, "+").seconds)


@P("-")
def subtract(S, t, other):
    d = need_duration(S, t, "-")
    return new_duration(S, d.seconds - duration_arg(S, other, "-").seconds)


@P("compare")
def compare(S, t, other):
    d = need_duration(S, t, "compare")
    if not isinstance(other, IoDuration):
        return float(S.raw_compare(d, other))
    return float((d.seconds > other.seconds) - (d.seconds < other.seconds))

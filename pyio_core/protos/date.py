"""Date: a point in time (seconds and microseconds since 1970) shown in local time.

Like upstream, a Date keeps whole seconds and integer microseconds separately, reads its
calendar fields through ``localtime`` and writes them back through ``mktime``, formats with
``strftime`` and parses with a lenient strptime of its own (fields it cannot read keep their
defaults instead of failing). The current time comes from the host (``S.host.now()``), so a
browser page supplies its own clock.
"""

from __future__ import annotations

import math
import re
import time

from ..errors import IoError
from ..objects import IoObject, used_as_proto
from ..registry import Prims
from .duration import IoDuration, duration_arg, new_duration
from .number import c_int, num
from .object import need_str
from .vector import IoVector, new_vector

DEFAULT_FORMAT = "%Y-%m-%d %H:%M:%S %Z"


class IoDate(IoObject):
    """Date's payload: ``sec`` and ``usec`` since the epoch, and the zone it was given
    (``west``: minutes west of UTC, ``dst``: daylight-saving flag)."""

    __slots__ = ("sec", "usec", "west", "dst")

    def __init__(self, protos) -> None:
        self.slots = {}
        self.protos = protos
        self.sec = 0
        self.usec = 0
        self.west = 0
        self.dst = 0

    def clone_from(self, proto: IoDate) -> None:
        self.sec, self.usec, self.west, self.dst = proto.sec, proto.usec, proto.west, proto.dst

    def seconds(self) -> float:
        return self.sec + self.usec / 1000000.0

    def set_seconds(self, s: float) -> None:
        whole = int(s) if math.isfinite(s) else 0
        self.sec = whole
        self.usec = int((s - whole) * 1000000) if math.isfinite(s) else 0

    def add_seconds(self, s: float) -> None:
        whole = int(s) if math.isfinite(s) else 0
        self.sec += whole
        self.usec = int(self.usec + (s - whole) * 1000000) if math.isfinite(s) else self.usec


P = Prims("Date", IoDate)


def need_date(S, t, method: str) -> IoDate:
    if isinstance(t, IoDate):
        return t
    raise IoError(f"Date {method} called on a '{S.type_name(t)}'")


def date_arg(S, v, method: str, i: int = 0) -> IoDate:
    if isinstance(v, IoDate):
        return v
    raise IoError(f"argument {i} to method '{method}' must be a Date, not a "
                  f"'{S.type_name(v)}'")


def local(sec: int) -> time.struct_time:
    try:
        return time.localtime(sec)
    except (OverflowError, OSError, ValueError):
        raise IoError("Date is out of the range this system can represent") from None


def make_time(fields: list[int], dst: int) -> int:
    """mktime over [year, month(1-12), day, hour, minute, second]; -1 when impossible."""
    try:
        return int(time.mktime((*fields, 0, 0, dst)))
    except (OverflowError, OSError, ValueError):
        return -1


def _fields(tm: time.struct_time) -> list[int]:
    return [tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec]


def _assert(flag: bool, what: str) -> None:
    if not flag:
        raise IoError(f"Io Assertion '{what}'")


def _is_leap(year: int) -> bool:
    return (year % 4 == 0 and year % 100 != 0) or year % 400 == 0


def _check_day(d: IoDate, v: int) -> None:
    """Upstream's checks: 1-31, February by leap year, November 30 (other months unchecked)."""
    _assert(1 <= v <= 31, "day must be within range 1-31")
    tm = local(d.sec)
    if tm.tm_mon == 2:
        top = 29 if _is_leap(tm.tm_year) else 28
        _assert(v <= top, f"day must be within range 1-{top}")
    elif tm.tm_mon == 11:
        _assert(v <= 30, "day must be within range 1-30")


# (getter, setter, index in _fields, check of the new value)
_FIELDS = (
    ("year", "setYear", 0, None),
    ("month", "setMonth", 1, lambda d, v: _assert(1 <= v <= 12, "month must be within range 1-12")),
    ("day", "setDay", 2, _check_day),
    ("hour", "setHour", 3, lambda d, v: _assert(0 <= v <= 23, "hour must be within range 0-23")),
    ("minute", "setMinute", 4,
     lambda d, v: _assert(0 <= v <= 59, "minute must be within range 0-59")),
)


def _field(getter: str, setter: str, index: int, check):
    @P(getter)
    def get(S, t):
        return float(_fields(local(need_date(S, t, getter).sec))[index])

    @P(setter)
    def put(S, t, value):
        v = c_int(num(S, value, setter))
        d = need_date(S, t, setter)
        if check is not None:
            check(d, v)
        tm = local(d.sec)
        fields = _fields(tm)
        fields[index] = v
        d.sec = make_time(fields, tm.tm_isdst)
        return t

    get.__name__, put.__name__ = getter, setter


for _getter, _setter, _index, _check in _FIELDS:
    _field(_getter, _setter, _index, _check)


@P("second")
def second(S, t):
    d = need_date(S, t, "second")
    return local(d.sec).tm_sec + d.usec / 1000000.0


@P("setSecond")
def set_second(S, t, value):
    v = c_int(num(S, value, "setSecond"))
    _assert(0 <= v <= 59, "second must be within range 0-59")
    d = need_date(S, t, "setSecond")
    tm = local(d.sec)
    fields = _fields(tm)
    fields[5] = v
    d.sec = make_time(fields, tm.tm_isdst)
    d.usec = 0
    return t


# -- the clock -------------------------------------------------------------------------------
def host_now(S) -> tuple[int, int]:
    """(seconds, microseconds) since 1970 by the host's clock (a browser supplies its own),
    kept apart as upstream's timeval is, so differences print without float noise."""
    moment = float(S.host.now())
    whole = math.floor(moment)
    return whole, int((moment - whole) * 1000000)


def elapsed(later: tuple[int, int], earlier: tuple[int, int]) -> float:
    return (later[0] - earlier[0]) + (later[1] - earlier[1]) / 1000000.0


@P("now")
def now(S, t):
    d = need_date(S, t, "now")
    d.sec, d.usec = host_now(S)
    d.west = d.dst = 0
    return t


@P("clock")
def clock(S, t):
    """Processor seconds used so far."""
    return time.process_time()


@P.lazy("secondsToRun")
def seconds_to_run(S, t, L, m):
    """Wall-clock seconds taken to evaluate the argument."""
    start = host_now(S)
    yield from S.arg(m, L, 0)
    return elapsed(host_now(S), start)


@P.lazy("cpuSecondsToRun")
def cpu_seconds_to_run(S, t, L, m):
    if not m.args:
        raise IoError("[Date cpuSecondsToRun] requires 1 arguments\n")
    start = time.process_time()
    yield from S.eval_chain(m.args[0], L, L)
    return time.process_time() - start


@P("secondsSince")
def seconds_since(S, t, other):
    d = need_date(S, t, "secondsSince")
    o = date_arg(S, other, "secondsSince")
    return elapsed((d.sec, d.usec), (o.sec, o.usec))


def _since_now(S, d: IoDate) -> float:
    return elapsed(host_now(S), (d.sec, d.usec))


@P("secondsSinceNow")
def seconds_since_now(S, t):
    return _since_now(S, need_date(S, t, "secondsSinceNow"))


@P("isPast")
def is_past(S, t):
    return S.bool(_since_now(S, need_date(S, t, "isPast")) > 0)


# -- conversions -----------------------------------------------------------------------------
@P("asNumber")
def as_number(S, t):
    return need_date(S, t, "asNumber").seconds()


@P("fromNumber")
def from_number(S, t, n):
    need_date(S, t, "fromNumber").set_seconds(num(S, n, "fromNumber"))
    return t


@P("copy")
def copy(S, t, other):
    need_date(S, t, "copy").clone_from(date_arg(S, other, "copy"))
    return t


def zone_name(st: time.struct_time) -> str:
    """The zone's name; Emscripten (Pyodide) calls UTC "UTC-0000"."""
    name = st.tm_zone or ""
    return "UTC" if name in ("UTC-0000", "UTC+0000") else name


_PORTABLE = re.compile(r"%[%YZ]")


def format_date(d: IoDate, fmt: str) -> str:
    st = local(d.sec)
    # %Y and %Z differ between C libraries (Emscripten pads years, names UTC oddly):
    # fill them in ourselves as glibc does
    fields = {"%%": "%%", "%Y": str(st.tm_year), "%Z": zone_name(st).replace("%", "%%")}
    fmt = _PORTABLE.sub(lambda mt: fields[mt.group()], fmt)
    try:
        return time.strftime(fmt, st)
    except ValueError:  # a format the C library rejects: upstream gets an empty string
        return ""


@P("asString")
def as_string(S, t, *args):
    """Formats with strftime: the argument, else the ``format`` slot, else the default."""
    d = need_date(S, t, "asString")
    if len(args) == 1:
        return format_date(d, need_str(S, args[0], "asString"))
    f = S.slot_value(t, "format")
    fmt = f if f.__class__ is str else getattr(f, "s", None)
    return format_date(d, DEFAULT_FORMAT if fmt is None else fmt)


@P("print")
def print_(S, t):
    S.write(as_string(S, t))
    return t


@P("asSerialization")
def as_serialization(S, t):
    """Four int32 items (seconds, microseconds, minutes west, dst) that rebuild the Date."""
    d = need_date(S, t, "asSerialization")
    return new_vector(S, (d.sec, d.usec, d.west, d.dst), "int32")


@P("fromSerialization")
def from_serialization(S, t, data):
    d = need_date(S, t, "fromSerialization")
    if isinstance(data, IoVector):
        values = [int(v) for v in data.items]
    else:
        raw = need_str(S, data, "fromSerialization").encode("latin-1", "replace")
        values = [int.from_bytes(raw[i:i + 4], "little", signed=True)
                  for i in range(0, len(raw) - len(raw) % 4, 4)]
    if len(values) != 4:
        raise IoError("Expected a serialization sequence comprising 4 int32 items.")
    d.sec, d.usec, d.west, d.dst = values
    return t


# -- zones -----------------------------------------------------------------------------------
@P("zone")
def zone(S, t):
    """The system's time zone name (as upstream: not the receiver's)."""
    return zone_name(time.localtime())


@P("gmtOffsetSeconds")
def gmt_offset_seconds(S, t):
    return float(time.localtime().tm_gmtoff or 0)


@P("gmtOffset")
def gmt_offset(S, t):
    """The system's offset from UTC as text, e.g. ``+0100`` or ``-0500``."""
    minutes = int((time.localtime().tm_gmtoff or 0) / 60)
    hours = int(minutes / 60)
    return "%+03d%02d" % (hours, abs(minutes - hours * 60))


@P("isDST")
def is_dst(S, t):
    return S.bool(need_date(S, t, "isDST").dst)


@P("isDaylightSavingsTime")
def is_daylight_savings_time(S, t):
    return S.bool(local(need_date(S, t, "isDaylightSavingsTime").sec).tm_isdst > 0)


@P("setGmtOffset")
def set_gmt_offset(S, t, minutes):
    need_date(S, t, "setGmtOffset").west = c_int(num(S, minutes, "setGmtOffset"))
    return t


def _set_zone(d: IoDate, west: int, dst: int) -> None:
    """A zone change keeps the instant (upstream's issue #5) and records the zone only."""
    d.west, d.dst = west, dst


@P("convertToUTC", "setToUTC")
def convert_to_utc(S, t):
    _set_zone(need_date(S, t, "convertToUTC"), 0, 0)
    return t


@P("convertToZone")
def convert_to_zone(S, t, west, dst):
    d = need_date(S, t, "convertToZone")
    _set_zone(d, c_int(num(S, west, "convertToZone")), int(S.truthy(dst)))
    return t


@P("convertToLocal")
def convert_to_local(S, t):
    _set_zone(need_date(S, t, "convertToLocal"), 0, 0)
    return t


@P("isValidTime")
def is_valid_time(S, t, hour, minute, sec):
    """Negative values count back once from the end of the day / hour / minute."""
    h = c_int(num(S, hour, "isValidTime"))
    mi = c_int(num(S, minute, "isValidTime", 1))
    s = c_int(num(S, sec, "isValidTime", 2))
    h, mi, s = h + 24 if h < 0 else h, mi + 60 if mi < 0 else mi, s + 60 if s < 0 else s
    return S.bool(0 <= h < 24 and 0 <= mi < 60 and 0 <= s < 60)


# -- arithmetic ------------------------------------------------------------------------------
@P("+=")
def add_in_place(S, t, d):
    need_date(S, t, "+=").add_seconds(duration_arg(S, d, "+=").seconds)
    return t


@P("-=")
def subtract_in_place(S, t, d):
    need_date(S, t, "-=").add_seconds(-duration_arg(S, d, "-=").seconds)
    return t


def _copy(S, d: IoDate) -> IoDate:
    used_as_proto(d)
    new = IoDate([d])
    new.clone_from(d)
    return new


@P("+")
def add(S, t, d):
    seconds = duration_arg(S, d, "+").seconds
    new = _copy(S, need_date(S, t, "+"))
    new.add_seconds(seconds)
    return new


@P("-")
def subtract(S, t, other):
    """A Date minus a Date is a Duration; minus a Duration, an earlier Date."""
    d = need_date(S, t, "-")
    if isinstance(other, IoDate):
        return new_duration(S, seconds_since(S, d, other))
    if isinstance(other, IoDuration):
        new = _copy(S, d)
        new.add_seconds(-other.seconds)
        return new
    return S.nil


@P("compare")
def compare(S, t, other):
    d = need_date(S, t, "compare")
    if not isinstance(other, IoDate):
        return float(S.raw_compare(d, other))
    a, b = d.seconds(), other.seconds()
    return float((a > b) - (a < b))


# -- parsing ---------------------------------------------------------------------------------
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_DAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
_SHORTHANDS = {"C": "%A, %B, %e, %Y", "c": "%x %X", "D": "%m/%d/%y", "R": "%H:%M",
               "r": "%I:%M:%S %p", "T": "%H:%M:%S", "X": "%H:%M:%S", "x": "%m/%d/%y"}
# code -> (tm field, most digits, lowest, highest, offset added, lenient, digit required):
# a lenient field is skipped (not an error) when the text is at a space
_NUMBERS = {
    "j": ("yday", 3, 0, 366, 0, True, False), "M": ("min", 2, 0, 59, 0, True, False),
    "S": ("sec", 2, 0, 60, 0, True, False), "H": ("hour", 2, 0, 23, 0, False, True),
    "k": ("hour", 2, 0, 23, 0, False, True), "I": ("hour", 2, 1, 12, 0, False, True),
    "l": ("hour", 2, 1, 12, 0, False, True), "d": ("mday", 2, 1, 31, 0, False, True),
    "e": ("mday", 2, 1, 31, 0, False, True), "m": ("mon", 2, 1, 12, -1, False, True),
    "Y": ("year", 4, 0, 9999, -1900, True, True), "y": ("year", 2, 0, 99, 0, True, True),
}


def _digits(s: str, i: int, count: int) -> tuple[int, int]:
    j = i
    while j < len(s) and j - i < count and "0" <= s[j] <= "9":
        j += 1
    return (int(s[i:j]) if j > i else 0), j


def _name_at(s: str, i: int, names) -> tuple[int, int] | None:
    """(index, length) of the first full or three-letter name ``s`` continues with."""
    low = s[i:].lower()
    for k, name in enumerate(names):
        for candidate in (name, name[:3]):
            if low.startswith(candidate.lower()):
                return k, len(candidate)
    return None


def parse_date(s: str, fmt: str, tm: dict, i: int = 0) -> int | None:
    """Reads ``s`` from ``i`` as ``fmt`` says into ``tm``; the position reached, or None on
    a mismatch (fields read before it stay set, as in upstream's strptime)."""
    j = 0
    while j < len(fmt) and i < len(s):
        c = fmt[j]
        j += 1
        if c != "%":
            if c.isspace():
                while i < len(s) and s[i].isspace():
                    i += 1
            elif c != s[i]:
                return None
            else:
                i += 1
            continue
        if j >= len(fmt):
            return None
        c = fmt[j]
        j += 1
        if c in _SHORTHANDS:
            i = parse_date(s, _SHORTHANDS[c], tm, i)
            if i is None:
                return None
        elif c in _NUMBERS:
            field, count, lo, hi, offset, lenient, needs_digit = _NUMBERS[c]
            if lenient and s[i].isspace():
                continue
            if needs_digit and not "0" <= s[i] <= "9":
                return None
            value, i = _digits(s, i, count)
            if not lo <= value <= hi:
                return None
            tm[field] = value + offset
            if c != "j" and i < len(s) and s[i].isspace():
                # upstream then skips the format to its next space
                while j < len(fmt) and not fmt[j].isspace():
                    j += 1
        elif c in "pP":
            word = s[i:i + 2].upper()
            if word not in ("AM", "PM") or tm["hour"] > 12:
                return None
            if word == "AM":
                tm["hour"] = 0 if tm["hour"] == 12 else tm["hour"]
            elif tm["hour"] != 12:
                tm["hour"] += 12
            i += 2
        elif c in "aAbBh":
            found = _name_at(s, i, _DAYS if c in "aA" else _MONTHS)
            if found is None:
                return None
            tm["wday" if c in "aA" else "mon"], n = found
            i += n
        elif c == "%":
            if s[i] != "%":
                return None
            i += 1
    return i


@P("fromString")
def from_string(S, t, *args):
    """Sets the receiver to the date ``text`` shows in ``format`` (strptime codes). Fields
    the text does not give keep the defaults: 1900, January, day 0, midnight."""
    if len(args) < 2:
        raise IoError("[Date fromString] requires 2 arguments\n")
    text = need_str(S, args[0], "fromString")
    fmt = need_str(S, args[1], "fromString", 1)
    d = need_date(S, t, "fromString")
    tm = {"year": 0, "mon": 0, "mday": 0, "hour": 0, "min": 0, "sec": 0, "wday": 0,
          "yday": 0}
    parse_date(text, fmt, tm)
    fields = [tm["year"] + 1900, tm["mon"] + 1, tm["mday"], tm["hour"], tm["min"], tm["sec"]]
    d.set_seconds(float(make_time(fields, d.dst)))
    return t

"""Date and Duration as an Io program sees them; expected texts checked against upstream Io
(run in UTC, which the fixture below sets for these tests)."""

from __future__ import annotations

from functools import partial

import os
import time

import pytest

from pyio_core import CaptureHost, Interpreter
from iotest import Shared, error, show


@pytest.fixture(autouse=True, scope="module")
def utc():
    """Local time is UTC while these tests run (their texts assume it)."""
    tzset = getattr(time, "tzset", None)  # Pyodide has none: its local time is UTC
    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    if tzset:
        tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    if tzset:
        tzset()


class FixedClock(CaptureHost):
    """A host whose clock reads ``moment`` and advances by ``step`` on every reading."""

    def __init__(self, moment: float, step: float = 0.0) -> None:
        super().__init__()
        self.moment = moment
        self.step = step

    def now(self) -> float:
        self.moment += self.step
        return self.moment - self.step


def out(code: str, host: CaptureHost | None = None) -> str:
    """What ``code`` prints."""
    h = host or CaptureHost()
    Interpreter(host=h).do_string(code)
    return h.output


_SHARED = Shared()  # every expression below builds its own dates
show = partial(show, run=_SHARED.out)
error = partial(error, run=_SHARED.out)


VALUES = [
    ('Date clone fromNumber(0)', '1970-01-01 00:00:00 UTC'),
    ('Date clone fromNumber(0) year', '1970'),
    ('Date clone fromNumber(0) second', '0'),
    ('Date clone fromNumber(1.5) second', '1.5'),
    ('Date clone fromNumber(-1.5) second', '58.5'),
    ('Date clone fromNumber(-1.5) asNumber', '-1.5'),
    ('Date clone fromNumber(1e9)', '2001-09-09 01:46:40 UTC'),
    ('Date clone fromNumber(1e9) type', 'Date'),
    ('Date clone fromNumber(1e9) year', '2001'),
    ('Date clone fromNumber(1e9) month', '9'),
    ('Date clone fromNumber(1e9) day', '9'),
    ('Date clone fromNumber(1e9) hour', '1'),
    ('Date clone fromNumber(1e9) minute', '46'),
    ('Date clone fromNumber(1e9) second', '40'),
    ('Date clone fromNumber(1e9) asNumber', '1000000000'),
    ('Date clone fromNumber(946740345.678) second', '45.6779989999999998'),
    ('Date clone fromNumber(946740345.678) asString("%S")', '45'),
    ('Date clone fromNumber(1e9) asString("%Y/%m/%d %H-%M-%S")', '2001/09/09 01-46-40'),
    ('Date clone fromNumber(1e9) asString("%a %A %b %B %j %y %p %I %%")', 'Sun Sunday Sep September 252 01 AM 01 %'),
    ('Date clone fromNumber(1e9) asString("%X")', '01:46:40'),
    ('Date clone fromNumber(1e9) asString("%x")', '09/09/01'),
    ('Date clone fromNumber(1e9) asString("%c")', 'Sun Sep  9 01:46:40 2001'),
    ('Date clone fromNumber(1e9) asString("%Z")', 'UTC'),
    ('Date clone fromNumber(1e9) setMonth(8) asString("%m %b")', '08 Aug'),
    ('Date clone fromNumber(1e9) setHour(15) setMinute(07) setSecond(13) asString("%X")', '15:07:13'),
    ('Date clone fromNumber(1e9) setYear(2020)', '2020-09-09 01:46:40 UTC'),
    ('Date clone fromNumber(1e9) setYear(2000) setMonth(2) setDay(29)', '2000-02-29 01:46:40 UTC'),
    ('Date clone fromNumber(1e9) setSecond(5.7) second', '5'),
    ('Date clone fromNumber(1e9) asSerialization', '1000000000, 0, 0, 0'),
    ('Date clone fromNumber(1e9 + 0.25) asSerialization', '1000000000, 250000, 0, 0'),
    ('Date clone fromSerialization(Date clone fromNumber(1e9) asSerialization) asNumber', '1000000000'),
    ('Date clone fromNumber(1e9) == Date clone fromNumber(1e9)', 'true'),
    ('Date clone fromNumber(1e9) < Date clone fromNumber(2e9)', 'true'),
    ('Date clone fromNumber(1e9) copy(Date clone fromNumber(5)) asNumber', '5'),
    ('(Date clone fromNumber(1e9) + Duration clone setSeconds(0.9)) asNumber', '1000000000.8999999761581421'),
    ('(Date clone fromNumber(1e9) + Duration clone setSeconds(0.9)) second', '40.8999999999999986'),
    ('(Date clone fromNumber(1e9) - Duration clone setSeconds(0.5)) asSerialization', '1000000000, -500000, 0, 0'),
    ('(Date clone fromNumber(1e9) - Duration clone setSeconds(0.5)) second', '39.5'),
    ('Date clone fromNumber(1e9) - Date clone fromNumber(0)', '31 years 259 days 01:46:40.000000'),
    ('(Date clone fromNumber(1e9) - Date clone fromNumber(0)) type', 'Duration'),
    ('Date clone fromNumber(1e9) - 3', 'nil'),
    ('Date clone fromNumber(1e9) secondsSince(Date clone fromNumber(1e9 - 90.5))', '90.5'),
    ('Date clone fromNumber(1e9) isPast', 'true'),
    ('Date clone fromNumber(4e9) isPast', 'false'),
    ('Date clone fromNumber(1e9) isDST', 'false'),
    ('Date clone fromNumber(1e9) convertToZone(300, true) isDST', 'true'),
    ('Date clone fromNumber(1e9) convertToZone(300, true) setToUTC isDST', 'false'),
    ('Date clone fromNumber(1e9) convertToUTC', '2001-09-09 01:46:40 UTC'),
    ('Date clone fromNumber(1e9) isDaylightSavingsTime', 'false'),
    ('Date clone fromNumber(1e9) isToday', 'false'),
    ('Date isValidTime(25, 0, 0)', 'false'),
    ('Date isValidTime(-5, -5, 0)', 'true'),
    ('Date zone', 'UTC'),
    ('Date gmtOffset', '+0000'),
    ('Date gmtOffsetSeconds', '0'),
    ('Date format', '%Y-%m-%d %H:%M:%S %Z'),
    ('Date clone fromNumber(1e9) asAtomDate', '2001-09-09T01:46:40+00:00'),
    ('Date clone fromNumber(1e9) asNumberString', '100000000000000000000000000'),
    ('Date clone fromNumber(1e9) asJson', '"2001-09-09 01:46:40 UTC"'),
    ('Date clone fromNumber(1e9) today asString("%H:%M:%S")', '00:00:00'),
    ('Date clone fromString("2004/09/06", "%Y/%m/%d")', '2004-09-06 00:00:00 UTC'),
    ('Date clone fromString("Mon Feb 3 04:05:06 2020", "%a %b %d %H:%M:%S %Y")', '2020-02-03 04:05:06 UTC'),
    ('Date clone fromString("12/25/99", "%D")', '1999-12-25 00:00:00 UTC'),
    ('Date clone fromString("2001-2-3 4:5", "%Y-%m-%d %H:%M")', '2001-02-03 04:05:00 UTC'),
    ('Date clone fromString("2001 abc", "%Y %m")', '2000-12-31 00:00:00 UTC'),
    ('Date clone fromString("  2001 ", "%Y")', '1899-12-31 00:00:00 UTC'),
    ('Date clone fromString("15:30 PM", "%I:%M %p")', '1899-12-31 00:00:00 UTC'),
    ('Date clone fromString("03 PM", "%I %p")', '1899-12-31 15:00:00 UTC'),
    ('Date clone fromString("12 am", "%I %p")', '1899-12-31 00:00:00 UTC'),
    ('Date clone fromString("July 4 1776", "%B %d %Y")', '1776-07-04 00:00:00 UTC'),
    ('Date clone fromString("20010203", "%Y%m%d")', '2001-02-03 00:00:00 UTC'),
    ('Date clone fromString("2001x", "%Yy")', '2000-12-31 00:00:00 UTC'),
    ('Date clone fromString("99", "%y")', '1998-12-31 00:00:00 UTC'),
    ('Date clone fromString("xx", "%Y/%m/%d")', '1899-12-31 00:00:00 UTC'),
    ('Date clone fromString("2001-02-03T04:05:06", "%Y-%m-%dT%T")', '2001-02-03 04:05:06 UTC'),
    ('Date clone fromString("100%", "%Y%%")', '99-12-31 00:00:00 UTC'),
    ('Duration clone', '0 years 00 days 00:00:0.000000'),
    ('Duration clone type', 'Duration'),
    ('Duration clone setSeconds(90.5)', '0 years 00 days 00:01:30.500000'),
    ('Duration clone setSeconds(90.5) seconds', '30.5'),
    ('Duration clone setSeconds(90.5) minutes', '1'),
    ('Duration clone setSeconds(90.5) totalSeconds', '90.5'),
    ('Duration clone setYears(1.5)', '1 years 182 days 12:00:0.000000'),
    ('Duration clone setYears(1.5) asNumber', '47304000'),
    ('Duration clone setDays(400) years', '1'),
    ('Duration clone setDays(400) days', '35'),
    ('Duration clone setHours(25)', '0 years 01 days 01:00:0.000000'),
    ('Duration clone setHours(25) hours', '1'),
    ('Duration clone fromNumber(-100)', '0 years 00 days 00:-1:-40.000000'),
    ('Duration clone fromNumber(1e10)', '317 years 140595 days 3970824:274040849:18589934592.000000'),
    ('Duration clone fromNumber(1e12)', '31709 years 11598929 days 278970824:-2147483648:1008589934592.000000'),
    ('Duration clone fromNumber(3661.25) asString("%Y|%y|%d|%H|%M|%S|%%")', '0|0000|00|01|01|1.250000|%%'),
    ('Duration clone setSeconds(5) + Duration clone setSeconds(7)', '0 years 00 days 00:00:12.000000'),
    ('Duration clone setSeconds(5) - Duration clone setSeconds(7)', '0 years 00 days 00:00:-2.000000'),
    ('Duration clone setSeconds(5) == Duration clone setSeconds(5)', 'true'),
    ('Duration clone setSeconds(5) < Duration clone setSeconds(7)', 'true'),
    ('d := Duration clone setSeconds(5); d += Duration clone setSeconds(1); d', '0 years 00 days 00:00:6.000000'),
    ('d := Duration clone setSeconds(5); d -= Duration clone setSeconds(1); d', '0 years 00 days 00:00:4.000000'),
]


@pytest.mark.parametrize("expr, text", VALUES)
def test_value(expr, text):
    assert show(expr) == text


ERRORS = [
    ('Date clone setSecond(60)', "Io Assertion 'second must be within range 0-59'"),
    ('Date clone setMinute(60)', "Io Assertion 'minute must be within range 0-59'"),
    ('Date clone setHour(24)', "Io Assertion 'hour must be within range 0-23'"),
    ('Date clone setDay(32)', "Io Assertion 'day must be within range 1-31'"),
    ('Date clone setMonth(13)', "Io Assertion 'month must be within range 1-12'"),
    ('Date clone setSecond(-1)', "Io Assertion 'second must be within range 0-59'"),
    ('Date clone setMinute(-1)', "Io Assertion 'minute must be within range 0-59'"),
    ('Date clone setHour(-1)', "Io Assertion 'hour must be within range 0-23'"),
    ('Date clone setDay(0)', "Io Assertion 'day must be within range 1-31'"),
    ('Date clone setMonth(0)', "Io Assertion 'month must be within range 1-12'"),
    ('Date clone fromNumber(1e9) setYear(2001) setMonth(2) setDay(29)', "Io Assertion 'day must be within range 1-28'"),
    ('Date clone fromNumber(1e9) setMonth(11) setDay(31)', "Io Assertion 'day must be within range 1-30'"),
    ('Date clone fromNumber(1e9) setMonth(4) setDay(31)', 'no error'),
    ('Date clone setHour("a")', "argument 0 to method 'setHour' must be a Number, not a 'Sequence'"),
    ('Date clone fromString("a")', '[Date fromString] requires 2 arguments'),
    ('Date clone fromSerialization("abc")', 'Expected a serialization sequence comprising 4 int32 items.'),
    ('Duration clone setSeconds(nil)', "argument 0 to method 'setSeconds' must be a Number, not a 'nil'"),
]


@pytest.mark.parametrize("code, text", ERRORS)
def test_error(code, text):
    assert error(code).rstrip("\n") == text


# -- the clock comes from the host ------------------------------------------------------------
def test_now_reads_the_host_clock():
    assert out("Date clone now asNumber println", FixedClock(1e9 + 0.25)) == "1000000000.25\n"
    assert out("Date clone now println", FixedClock(1e9)) == "2001-09-09 01:46:40 UTC\n"


def test_the_proto_holds_the_start_time():
    host = FixedClock(1e9, step=5)
    assert out("(Date clone asNumber < Date clone now asNumber) println", host) == "true\n"


def test_seconds_to_run_measures_host_time():
    assert out("Date secondsToRun(1 + 1) println", FixedClock(100, step=2)) == "2\n"


def test_seconds_to_run_evaluates_in_the_caller():
    assert out("x := 1; Date secondsToRun(x = x + 1); x println") == "2\n"


def test_cpu_seconds_to_run_and_clock_are_numbers():
    assert out("Date cpuSecondsToRun(1 + 1) type println; Date clock type println") == \
        "Number\nNumber\n"


def test_seconds_since_now_and_is_past():
    host = FixedClock(1000.5)
    assert out("Date clone fromNumber(990) secondsSinceNow println", host) == "10.5\n"


# -- printing and serializing -----------------------------------------------------------------
def test_format_slot_sets_the_default_format():
    assert out('d := Date clone fromNumber(1e9); d format := "%Y"; d println') == "2001\n"


def test_print_writes_the_date():
    assert out("Date clone fromNumber(1e9) print") == "2001-09-09 01:46:40 UTC"
    assert out("Duration clone setSeconds(3) print") == "0 years 00 days 00:00:3.000000"


def test_serialized_rebuilds_the_date():
    code = "Date clone fromNumber(1e9) serialized println"
    text = "Date clone do(setYear(2001) setMonth(9) setDay(9) setHour(1) setMinute(46) " \
        "setSecond(40));\n"
    assert out(code) == text
    assert out(f"(doString({code[:-8]}) asNumber) println") == "1000000000\n"


def test_adding_an_hour_rolls_over_the_year():
    code = ("d := Date clone fromNumber(1e9) setMonth(12) setDay(31) setHour(23) "
            "setMinute(59) setSecond(59); d += Duration clone setHours(1); d println")
    assert out(code) == "2002-01-01 00:59:59 UTC\n"


def test_seconds_to_run_has_microsecond_steps():
    # whole seconds and microseconds are subtracted apart, so no float noise shows
    assert out("Date secondsToRun(nil) println", FixedClock(1e9 + 0.25, step=0.5)) == "0.5\n"

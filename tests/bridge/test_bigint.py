"""BigInt and the bridge's absence on CPython (no ``js`` module)."""

import pytest

import bridge
from bridge import bigint
from pyio_core import CaptureHost, Interpreter, IoUncaught


@pytest.fixture
def io():
    host = CaptureHost()
    S = Interpreter(host=host)
    bigint.install(S)

    def run(code: str) -> str:
        host.out.clear()
        S.do_string(code)
        return host.output

    return run


def test_bridge_is_absent_without_js():
    assert bridge.available() is False
    S = Interpreter(host=CaptureHost())
    assert bridge.install(S) is None
    assert "JSObject" not in S.core.slots and "JS" not in S.core.slots


@pytest.mark.parametrize("code, want", [
    ('(BigInt from(10) + BigInt from(20)) asString', "30"),
    ('(BigInt from(7) * BigInt from(6)) asString', "42"),
    ('(BigInt from(2) ** 100) asString', "1267650600228229401496703205376"),
    ('(BigInt from(7) - 10) asString', "-3"),
    ('(BigInt from(-7) / BigInt from(2)) asString', "-3"),
    ('(BigInt from(-7) % BigInt from(2)) asString', "-1"),
    ('BigInt from(42) == BigInt from(42)', "true"),
    ('BigInt from(42) == BigInt from(41)', "false"),
    ('BigInt from(42) == "42"', "false"),
    ('BigInt from(42) != 42', "false"),
    ('BigInt from(1) < BigInt from(2)', "true"),
    ('BigInt from(3) >= 3', "true"),
    ('BigInt from(5) negate asString', "-5"),
    ('BigInt from("999") asString', "999"),
    ('BigInt from("123456789012345678901234567890") asString', "123456789012345678901234567890"),
    ('BigInt from(255) asString(16)', "ff"),
    ('BigInt from(-255) asString(2)', "-11111111"),
    ('BigInt from(42) asNumber', "42"),
    ('BigInt from(42) type', "BigInt"),
    ('BigInt from(3) compare(BigInt from(5))', "-1"),
    ('BigInt from(0) isZero', "true"),
    ('BigInt from(-4) abs asString', "4"),
])
def test_bigint(io, code, want):
    assert io(f"writeln(({code}) asString)") == want + "\n"


@pytest.mark.parametrize("code, error", [
    ('BigInt from(1.5)', "BigInt from: 1.5 is not an integer"),
    ('BigInt from("12x")', 'BigInt from: cannot convert "12x" to a BigInt'),
    ('BigInt from(1) / 0', "BigInt division by zero"),
    ('BigInt from(nil)', "argument 0 to method 'from' must be a BigInt, Number or Sequence"),
])
def test_bigint_errors(io, code, error):
    with pytest.raises(IoUncaught) as e:
        io(code)
    assert error in e.value.report

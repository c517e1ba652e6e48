"""Number as an Io program sees it; every expected text was checked against upstream Io."""

from __future__ import annotations

from functools import partial

import pytest

from iotest import Shared, error, show
from iotest import out as run_fresh
from pyio_core import Interpreter

out = Shared().out  # numbers keep no state, so one interpreter serves every case
show = partial(show, run=out)
error = partial(error, run=out)


VALUES = [
    ('1', '1'),
    ('1.5', '1.5'),
    ('1/3', '0.3333333333333333'),
    ('1e21', '1.000000e+21'),
    ('0/0', '-nan'),
    ('1/0', 'inf'),
    ('-1/0', '-inf'),
    ('0.1 + 0.2', '0.3'),
    ('2 ** 0.5', '1.4142135623730951'),
    ('123456789012', '123456789012'),
    ('2147483648', '2147483648'),
    ('1.1', '1.1000000000000001'),
    ('-0.0', '0'),
    ('1.5e-10', '0.00000000015'),
    ('123456.789', '123456.7890000000043074'),
    ('1e15 + 0.3', '1000000000000000.25'),
    ('Number floatMin', '0'),
    ('Number floatMax', '3.402823e+38'),
    ('Number longMax', '9223372036854775808'),
    ('Number unsignedLongMax', '1.844674e+19'),
    ('Number integerMax', '2147483647'),
    ('Number integerMin', '-2147483648'),
    ('Number longMin', '-9223372036854775808'),
    ('Number shortMax', '32767'),
    ('Number shortMin', '-32768'),
    ('Number unsignedIntMax', '4294967295'),
    ('Number', '0'),
    ('Number clone', '0'),
    ('5 clone', '5'),
    ('5 % 3', '2'),
    ('(-5) % 3', '-2'),
    ('5 % (-3)', '2'),
    ('5.5 mod(2)', '1.5'),
    ('5 % 0', '-nan'),
    ('5 % (1/0)', '5'),
    ('(1/0) % 2', '-nan'),
    ('2 ** 10', '1024'),
    ('2 pow(0.5)', '1.4142135623730951'),
    ('2 ** 10000', 'inf'),
    ('(-2) ** 10001', '-inf'),
    ('(-8) ** (1/3)', '-nan'),
    ('10 / 4', '2.5'),
    ('1 / 0', 'inf'),
    ('0 / 0', '-nan'),
    ('(-1) sqrt', '-nan'),
    ('1000 sqrt', '31.6227766016837926'),
    ('(-1) log', '-nan'),
    ('0 log', '-inf'),
    ('10 log', '2.3025851629186298'),
    ('8 log(2)', '3'),
    ('100 log(10)', '2'),
    ('(-1) log10', 'nan'),
    ('(-1) log2', '-nan'),
    ('0 log2', '-inf'),
    ('1024 log2', '10'),
    ('1000 log10', '3'),
    ('2 acos', 'nan'),
    ('2 asin', 'nan'),
    ('1 atan', '0.7853981633974483'),
    ('1 atan2(1)', '0.7853981633974483'),
    ('0 cos', '1'),
    ('0 sin', '0'),
    ('0 tan', '0'),
    ('1 exp', '2.7182818284590451'),
    ('1000 exp', 'inf'),
    ('(1/0) sin', '-nan'),
    ('(0/0) abs', '-nan'),
    ('(-3) abs', '3'),
    ('(0/0) negate', 'nan'),
    ('3 negate', '-3'),
    ('3 squared', '9'),
    ('3 cubed', '27'),
    ('10.5 floor', '10'),
    ('10.5 ceil', '11'),
    ('(-0.4) ceil', '0'),
    ('10.49 round', '10'),
    ('10.5 round', '11'),
    ('(-10.5) round', '-11'),
    ('(-10.5) roundDown', '-10'),
    ('2.5 roundDown', '3'),
    ('(1/0) round', 'inf'),
    ('(0/0) floor', '-nan'),
    ('0 toggle', '1'),
    ('3 toggle', '0'),
    ('0 factorial', '1'),
    ('10 factorial', '3628800'),
    ('3.7 factorial', '6'),
    ('20 factorial', '2432902008176640000'),
    ('25 factorial', '1.551121e+25'),
    ('171 factorial', 'inf'),
    ('(-1) factorial', 'inf'),
    ('(-2) factorial', '-inf'),
    ('(1/0) factorial', '-inf'),
    ('5 combinations(2)', '10'),
    ('30 combinations(15)', '155117520.0000000298023224'),
    ('5 permutations(2)', '20'),
    ('5 minMax(1, 3)', '3'),
    ('0 minMax(1, 3)', '1'),
    ('5 minMax(7, 3)', '7'),
    ('3 max(4)', '4'),
    ('3 min(4)', '3'),
    ('(0/0) min(3)', '3'),
    ('3 min(0/0)', '-nan'),
    ('7 clip(1, 5)', '5'),
    ('5 clip(7, 3)', '3'),
    ('10 between(9.9999, 10.0001)', 'true'),
    ('7 between(10, 5)', 'true'),
    ('10 between(10, 10)', 'true'),
    ('(0/0) isNan', 'true'),
    ('3 isNan', 'false'),
    ('2 shiftLeft(1)', '4'),
    ('2 shiftRight(1)', '1'),
    ('1 << 3', '8'),
    ('-16 >> 2', '-4'),
    ('1 shiftLeft(64)', '1'),
    ('1 shiftLeft(63)', '-9223372036854775808'),
    ('1 shiftLeft(-1)', '-9223372036854775808'),
    ('3 | 4', '7'),
    ('3 bitwiseOr(4)', '7'),
    ('3 & 4', '0'),
    ('3 bitwiseAnd(4)', '0'),
    ('5 ^ 3', '6'),
    ('5 bitwiseXor(3)', '6'),
    ('5 bitwiseComplement', '-6'),
    ('(2 ** 40) bitwiseAnd(2 ** 40 + 1)', '1099511627776'),
    ('(2 ** 63) bitwiseOr(0)', '-9223372036854775808'),
    ('(0/0) bitwiseOr(0)', '-9223372036854775808'),
    ('5 at(0)', '1'),
    ('5 at(1)', '0'),
    ('(-1) at(63)', '1'),
    ('3 isEven', 'false'),
    ('3 isOdd', 'true'),
    ('(-3) isOdd', 'true'),
    ('(2 ** 31) isEven', 'true'),
    ('(2 ** 32 + 1) isOdd', 'false'),
    ('65 isLetter', 'true'),
    ('30 isLetter', 'false'),
    ('300 isLetter', 'false'),
    ('233 isLetter', 'false'),
    ('47 isDigit', 'false'),
    ('48 isDigit', 'true'),
    ('57 isDigit', 'true'),
    ('58 isDigit', 'false'),
    ('32 isPrint', 'true'),
    ('31 isPrint', 'false'),
    ('9 isSpace', 'true'),
    ('32 isSpace', 'true'),
    ('127 isControlCharacter', 'true'),
    ('65 isUppercase', 'true'),
    ('97 isLowercase', 'true'),
    ('33 isPunctuation', 'true'),
    ('65 isPunctuation', 'false'),
    ('102 isHexDigit', 'true'),
    ('103 isHexDigit', 'false'),
    ('48 isAlphaNumeric', 'true'),
    ('32 isGraph', 'false'),
    ('97 asUppercase', '65'),
    ('65 asLowercase', '97'),
    ('255 asUppercase', '255'),
    ('97 asCharacter', 'a'),
    ('256 asCharacter', 'Ā'),
    ('9786 asCharacter', '☺'),
    ('0.5 asCharacter', 'nil'),
    ('(-1) asCharacter', 'nil'),
    ('4294967296 asCharacter', 'nil'),
    ('0 asCharacter size', '1'),
    ('3 asUint32Buffer size', '4'),
    ('3.7 asBuffer(2) size', '2'),
    ('3 asBuffer size', '8'),
    ('3 asBuffer(20) size', '20'),
    ('3 asNumber', '3'),
    ('1 asString', '1'),
    ('2147483647 asString', '2147483647'),
    ('1.1 asString', '1.1000000000000001'),
    ('1.2 asString', '1.2'),
    ('1 asString(0)', '1.000000'),
    ('1 asString(10)', '  1.000000'),
    ('1.1 asString(1)', '1.100000'),
    ('1000 sqrt asString(0, 10)', '31.6227766017'),
    ('137846528820 asString(0, 0)', '137846528820'),
    ('137846528820 asString(20, 1)', '      137846528820.0'),
    ('(-137846528820) asString(20, 1)', '     -137846528820.0'),
    ('1.23456 asString(-8, -2)', '    1.23'),
    ('(0/0) asString(5, 1)', ' -nan'),
    ('(1/0) asString(6, 1)', '   inf'),
    ('(-1/0) asString(0, 1)', '-inf'),
    ('(2 ** 70) asString(0, 0)', '1180591620717411303424'),
    ('0.1 asString(0, 20)', '0.10000000000000000555'),
    ('1.5 asSimpleString', '1.5'),
    ('1.5 asJson', '1.5'),
    ('0xf asHex', '0f'),
    ('0xff asHex', 'ff'),
    ('0x100 asHex', '0100'),
    ('0xffef asHex', 'ffef'),
    ('0 asHex', '00'),
    ('(-5) asHex', 'fffffffffffffffb'),
    ('42 asBinary', '00101010'),
    ('256 asBinary', '0000000100000000'),
    ('0 asBinary', '00000000'),
    ('1 asOctal', '001'),
    ('97 asOctal', '141'),
    ('512 asOctal', '001000'),
    ('42 toBase(2)', '101010'),
    ('15 toBase(16)', 'f'),
    ('255 toBase(36)', '73'),
    ('42.7 toBase(2)', '101010'),
    ('1e19 toBase(16)', '8ac7230489e80000'),
    ('255 toBaseWholeBytes(16)', 'ff'),
    ('255 toBaseWholeBytes(10)', '255'),
    ('Number constants pi', '3.1415926535897931'),
    ('Number constants e', '2.7182818284590451'),
    ('Number constants inf', 'inf'),
    ('Number constants nan', '-nan'),
    ('Number constants type', 'Object'),
    ('97 isInASequenceSet', 'true'),
    ('10 perform("log10")', '1'),
    ('list(3, 1, 2) sort', 'list(1, 2, 3)'),
]


@pytest.mark.parametrize("expr, text", VALUES)
def test_value(expr, text):
    assert show(expr) == text


ERRORS = [
    ('3 + "a"', "argument 0 to method '+' must be a Number, not a 'Sequence'"),
    ('3 max(nil)', "argument 0 to method 'max' must be a Number, not a 'nil'"),
    ('3 between(nil, 4)', "argument 0 to method 'between' must be a Number, not a 'nil'"),
    ('3 shiftLeft(nil)', "argument 0 to method 'shiftLeft' must be a Number, not a 'nil'"),
    ('3 at(64)', "Io Assertion 'index out of bit bounds'"),
    ('3 repeat', '[Number repeat] requires 1 arguments'),
    ('3 asString("a")', "argument 0 to method 'asString' must be a Number, not a 'Sequence'"),
    ('3 log(nil)', "argument 0 to method 'log' must be a Number, not a 'nil'"),
    ('255 toBase(37)', 'conversion to base 37 not supported'),
    ('255 toBase(1)', 'conversion to base 1 not supported'),
    ('3 toBase(nil)', "argument 0 to method 'toBase' must be a Number, not a 'nil'"),
    ('3 atan2(nil)', "argument 0 to method 'atan2' must be a Number, not a 'nil'"),
    ('3 clip(1, nil)', "argument 1 to method 'clip' must be a Number, not a 'nil'"),
]


@pytest.mark.parametrize("code, text", ERRORS)
def test_error(code, text):
    assert error(code).rstrip("\n") == text


# -- repeat ------------------------------------------------------------------------------------
@pytest.mark.parametrize("code, text", [
    ('s := ""; 3 repeat(i, s = s .. i); s println', "012\n"),
    ("n := 0; 5 repeat(n = n + 1); n println", "5\n"),
    ("r := 10 repeat(i, if(i == 2, break); i); r println", "nil\n"),
    ('3 repeat(i, if(i == 1, continue); i print); "" println', "02\n"),
    ("(0 repeat(1)) println", "nil\n"),
    ('2.5 repeat(i, i print); "" println', "012\n"),
])
def test_repeat(code, text):
    assert out(code) == text


# -- what upstream's NumberTest checks --------------------------------------------------------
def test_clone_is_the_number():
    assert show("5 clone == 5") == "true"
    assert show("5 proto == Number") == "true"


def test_precision():
    assert show("2 * 1.123456789123456789 == 2.2469135782469135") == "true"
    assert show("2 * 1.123456789123456789 == 2.246913578246913") == "false"


def test_precedence():
    assert show("2 + 3 * 4 - 5 * 6 / 7") == "9.7142857142857153"


def test_nan_prints_with_its_sign():
    assert show('"nan" asNumber') == "nan"
    assert show("0 - (0 / 0)") == "-nan"
    assert show("Number constants nan isNan") == "true"


def test_just_serialized_writes_the_number():
    assert out("3.5 justSerialized(File standardOutput)") == "3.5"


def test_asstring_width_is_capped_like_upstream():
    # width 2147483648 becomes C's INT_MIN: left-justified in upstream's 1023-character buffer
    text = show("3 asString(2147483648)")
    assert len(text) == 1023 and text.startswith("3.000000 ")


def test_nan_orders_below_everything_like_upstream():
    # upstream compares with a three-way compare that answers -1 for NaN: `<` and `<=` are
    # true both ways, `>` and `>=` false; compiled code (the method, once hot) agrees
    code = (
        "nan := 0 / 0\n"
        "lt := method(a, b, list(a < b, a <= b, a > b, a >= b))\n"
        "for(i, 1, 4, lt(nan, 3))\n"
        "lt(nan, 3) println\nlt(3, nan) println\n"
        "list(nan < 3, 3 < nan, nan > 3, nan == 3) println\n"
    )
    assert out(code) == ("list(true, true, false, false)\nlist(true, true, false, false)\n"
                         "list(true, true, false, false)\n")


# A NaN is equal to itself (upstream's compare answers 0 for one object before looking at
# numbers) and to no other NaN; every expected text was checked against upstream Io.
_NAN_CHECKS = ("list(a == a, a != a, a < a, a <= a, a > a, a >= a, a compare(a), "
               "a == b, a != b, a < b, a <= b, a > b, a >= b, a compare(b))")
_NAN_ANSWERS = "list(true, false, false, true, false, true, 0, false, true, true, true, false, false, -1)"


@pytest.mark.parametrize("compiled", [False, True])
def test_nan_is_equal_to_itself_only(monkeypatch, compiled):
    # the method runs often enough to be compiled (when the compiler is on): its inlined
    # comparisons must answer as the primitives do
    monkeypatch.setattr(Interpreter, "compile", compiled)
    code = (f"f := method(a, b, {_NAN_CHECKS})\n"
            "x := 0/0; y := 0/0\n"
            "for(i, 1, 5, r := f(x, y))\n"
            "r println\n"
            f"a := x; b := y; {_NAN_CHECKS} println\n")
    assert run_fresh(code) == f"{_NAN_ANSWERS}\n{_NAN_ANSWERS}\n"


@pytest.mark.parametrize("expr, expected", [
    ("(0/0) == (0/0)", "false"),  # two computations, two NaNs
    ("x == x", "true"),
    ("x sqrt == x", "false"),
    ("(x % 2) == x", "false"),
    ("(x / 0) == x", "false"),
    ("x floor == x", "false"),
    ("x clip(0, 1) == x", "false"),
    ("x clone == x", "false"),
    ("x abs == x", "true"),  # upstream answers the receiver itself
    ("x max(x) == x", "true"),
    ("x asNumber == x", "true"),
    ('"nan" asNumber == "nan" asNumber', "false"),
    ('"abc" asNumber == "abc" asNumber', "false"),
    ("Number constants nan == Number constants nan", "true"),
    ("list(x) contains(x)", "true"),
    ("list(x) contains(0/0)", "false"),
    ("list(x) indexOf(0/0)", "nil"),
    ("list(x, 0/0, x) unique size", "2"),
    ("list(x) == list(x)", "true"),
    ("list(x) == list(0/0)", "false"),
])
def test_each_computed_nan_is_a_new_value(expr, expected):
    assert show(f"x := 0/0; {expr}") == expected

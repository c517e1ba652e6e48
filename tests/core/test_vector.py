"""Vector and WeakLink as an Io program sees them; expected texts checked against upstream Io."""

from __future__ import annotations

from functools import partial

import gc

import pytest

from pyio_core import CaptureHost, Interpreter
from iotest import Shared, error, show


def out(code: str) -> str:
    """What ``code`` prints."""
    h = CaptureHost()
    Interpreter(host=h).do_string(code)
    return h.output


_SHARED = Shared()  # every expression below builds its own vectors
show = partial(show, run=_SHARED.out)
error = partial(error, run=_SHARED.out)


VALUES = [
    ('vector()', ''),
    ('vector(1)', '1.000000'),
    ('vector(1, 2, 3.5)', '1.000000, 2.000000, 3.500000'),
    ('vector(1, 2, 3.5) type', 'Vector'),
    ('Vector type', 'Vector'),
    ('vector(1, 2) proto == Vector', 'true'),
    ('vector(0.1) at(0)', '0.1000000014901161'),
    ('vector(1/3) at(0)', '0.3333333432674408'),
    ('vector(1e40)', 'inf'),
    ('vector(1e40) at(0)', 'inf'),
    ('vector(1, 2, 3) at(5)', 'nil'),
    ('vector(1, 2, 3) at(1.7)', '2'),
    ('vector(1, 2, 3) size', '3'),
    ('vector(1, 2, 3) itemType', 'float32'),
    ('vector(1, 2, 3) itemSize', '4'),
    ('vector(1, 2, 3) sizeInBytes', '12'),
    ('vector(1, 2, 3) encoding', 'number'),
    ('vector(1, 2, 3) isMutable', 'true'),
    ('vector(1, 2, 3) isEmpty', 'false'),
    ('vector() isEmpty', 'true'),
    ('vector(1, 2, 3) asList', 'list(1, 2, 3)'),
    ('vector(1, 2, 3) asString', '1.000000, 2.000000, 3.000000'),
    ('vector(1, 2, 3) asString type', 'Sequence'),
    ('vector(1, 2, 3) x', '1'),
    ('vector(1, 2, 3) y', '2'),
    ('vector(1, 2, 3) z', '3'),
    ('vector(1, 2) z', 'nil'),
    ('vector(1, 2, 3) setX(7)', '7.000000, 2.000000, 3.000000'),
    ('vector(1, 2, 3) setZ(7)', '1.000000, 2.000000, 7.000000'),
    ('vector(1, 2) setZ(5)', '1.000000, 2.000000, 5.000000'),
    ('vector(1, 2, 3) set(4, 5)', '4.000000, 5.000000, 3.000000'),
    ('vector(1, 2, 3) append(4)', '1.000000, 2.000000, 3.000000, 4.000000'),
    ('vector(1, 2, 3) atPut(0, 9)', '9.000000, 2.000000, 3.000000'),
    ('vector(1, 2, 3) atPut(5, 9)', '1.000000, 2.000000, 3.000000, 0.000000, 0.000000, 9.000000'),
    ('vector(1, 2, 3) removeAt(0)', '1'),
    ('vector(1, 2, 3) removeAt(-1)', '3'),
    ('vector(1, 2, 3) removeAt(5)', 'nil'),
    ('vector(1, 2, 3) removeLast', '1.000000, 2.000000'),
    ('vector(0, 1, 2) removeSlice(1, 1)', '0.000000, 2.000000'),
    ('vector(0, 1, 2) removeSlice(1, 2)', '0.000000'),
    ('vector(0, 1, 2) removeSlice(2, 1)', '0.000000, 1.000000, 2.000000'),
    ('vector(0, 1, 2) removeSlice(-8, 1)', '2.000000'),
    ('vector(0, 1, 2) removeSlice(1, 8)', '0.000000'),
    ('vector(0, 1, 2) removeSlice(-1, -1)', '0.000000, 1.000000'),
    ('vector(0, 1, 2, 3, 4, 5) removeSlice(1, 4)', '0.000000, 5.000000'),
    ('vector(1, 2, 3) exSlice(1)', '2.000000, 3.000000'),
    ('vector(1, 2, 3) exSlice(1, 2)', '2.000000'),
    ('vector(1, 2, 3) setSize(5)', '1.000000, 2.000000, 3.000000, 0.000000, 0.000000'),
    ('vector(1, 2, 3) setSize(1)', '1.000000'),
    ('vector(1, 2, 3) copy(vector(7))', '7.000000'),
    ('vector(1, 2, 3) empty', ''),
    ('vector(1, 2, 3) reverse', '3.000000, 2.000000, 1.000000'),
    ('vector(1, 2, 3) reverseInPlace', '3.000000, 2.000000, 1.000000'),
    ('vector(3, 1, 2) sort', '1.000000, 2.000000, 3.000000'),
    ('vector(0, 0) isZero', 'true'),
    ('vector(0, 1) isZero', 'false'),
    ('vector(1, 2, 3) contains(2)', 'true'),
    ('vector(1, 2, 3) contains(5)', 'false'),
    ('vector(1, 2, 3) rangeFill', '0.000000, 1.000000, 2.000000'),
    ('vector(1, 2, 3) zero', '0.000000, 0.000000, 0.000000'),
    ('vector(1, 2, 3) duplicateIndexes', '1.000000, 1.000000, 2.000000, 2.000000, 3.000000, 3.000000'),
    ('vector(1, 2, 3, 4, 5) removeOddIndexes', '1.000000, 3.000000, 5.000000'),
    ('vector(1, 2, 3, 4, 5) removeEvenIndexes', '2.000000, 4.000000'),
    ('vector(1, 2) clone', '1.000000, 2.000000'),
    ('vector(1, 2) clone == vector(1, 2)', 'true'),
    ('Vector clone', ''),
    ('Vector clone append(3)', '3.000000'),
    ('vector(1, 2) + vector(1)', '2.000000, 2.000000'),
    ('vector(1, 2) + vector(1, 2, 3)', '2.000000, 4.000000'),
    ('vector(1, 2) + 1', '2.000000, 3.000000'),
    ('vector(1, 2) - vector(5, 5)', '-4.000000, -3.000000'),
    ('vector(1, 2) * 2', '2.000000, 4.000000'),
    ('vector(1, 2) * vector(3, 4)', '3.000000, 8.000000'),
    ('vector(1, 2) / 2', '0.500000, 1.000000'),
    ('vector(1, 2) / 0', 'inf, inf'),
    ('vector(1, 2) ** 2', '1.000000, 4.000000'),
    ('vector(1, 2) += vector(1, 1)', '2.000000, 3.000000'),
    ('vector(1, 2) addEquals(vector(1, 1))', '2.000000, 3.000000'),
    ('vector(1, 2) -= 2', '-1.000000, 0.000000'),
    ('vector(1, 2) *= 2', '2.000000, 4.000000'),
    ('vector(1, 2) /= 2', '0.500000, 1.000000'),
    ('vector(1, 2, 3, 4, 5) sum', '15'),
    ('vector(1.1) sum', '1.1000000238418579'),
    ('vector(1, 2, 3, 4, 5) product', '120'),
    ('vector(1, 2, 5) mean', '2.6666666666666665'),
    ('vector() mean', '-nan'),
    ('vector(1, 2, 5) meanSquare', '10'),
    ('vector(1, 2) rootMeanSquare', '1.5811388300841898'),
    ('vector(1, -2) max', '1'),
    ('vector(-1, -2) max', '0'),
    ('vector() max', '0'),
    ('vector(1, -2) min', '-2'),
    ('vector(3, 4) dotProduct(vector(1, 2))', '11'),
    ('vector(3, 4) distanceTo(vector(0, 0))', '5'),
    ('vector(3, 4) distanceTo(vector(0))', '0'),
    ('vector(3, 4) normalize', '0.600000, 0.800000'),
    ('vector(1.5, 2.5) floor', '1.000000, 2.000000'),
    ('vector(1.5, 2.5) ceil', '2.000000, 3.000000'),
    ('vector(-1.5, 2.5) abs', '1.500000, 2.500000'),
    ('vector(-1.5, 2.5) negate', '1.500000, -2.500000'),
    ('vector(1, 2) square', '1.000000, 4.000000'),
    ('vector(1, 2, 3) sqrt', '1.000000, 1.414214, 1.732051'),
    ('vector(1, 2) sin', '0.841471, 0.909297'),
    ('vector(1, 2) cos', '0.540302, -0.416147'),
    ('vector(1, 2, 3) log', '0.000000, 0.693147, 1.098612'),
    ('vector(10, 100) log10', '1.000000, 2.000000'),
    ('vector(1, 2, 3) Max(vector(0, 5))', '1.000000, 5.000000, 3.000000'),
    ('vector(1, 2, 3) Min(vector(0, 5))', '0.000000, 2.000000, 3.000000'),
    ('vector(1, 1) == vector(1, 1)', 'true'),
    ('vector(1, 0) == vector(0, 1)', 'false'),
    ('vector(1, 1) != vector(1, 1)', 'false'),
    ('vector(1, 2) == vector(1, 2, 0)', 'false'),
    ('vector(1, 2) == list(1, 2)', 'false'),
    ('vector(1, 3) < vector(2, 2)', 'false'),
    ('vector(1, 1) < vector(2, 2)', 'true'),
    ('vector(1, 1) <= vector(2, 2)', 'true'),
    ('vector(3, 3) > vector(2, 2)', 'true'),
    ('vector(3, 3) >= vector(2, 2)', 'true'),
    ('vector(3, 1) >= vector(2, 2)', 'false'),
    ('vector(1, 2) < vector(1, 2)', 'true'),
    ('vector(1, 2) > vector(1, 2)', 'true'),
    ('vector(1, 2) < vector(1, 2, 0)', 'true'),
    ('vector(1, 2) compare(vector(1, 3))', '-1'),
    ('vector(1, 2) compare(vector(1, 2))', '0'),
]


@pytest.mark.parametrize("expr, text", VALUES)
def test_value(expr, text):
    assert show(expr) == text


ERRORS = [
    ('vector(1, 2, 3) at(nil)', "argument 0 to method 'at' must be a Number, not a 'nil'"),
    ('vector(1, 2, 3) at(-1)', 'IoMessage_locals_sizetArgAt_ attempt to get size_t value from negative number -1'),
    ('vector(0, 1, 2) removeAt', "argument 0 to method 'removeAt' must be a Number, not a 'nil'"),
    ('vector(0, 1, 2) removeAt(nil)', "argument 0 to method 'removeAt' must be a Number, not a 'nil'"),
    ('vector(0, 1, 2) removeSlice', "argument 0 to method 'removeSlice' must be a Number, not a 'nil'"),
    ('vector(0, 1, 2) removeSlice(nil)', "argument 0 to method 'removeSlice' must be a Number, not a 'nil'"),
    ('vector(0, 1, 2) removeSlice(1, nil)', "argument 1 to method 'removeSlice' must be a Number, not a 'nil'"),
    ('vector(0, 1, 2) removeSlice(nil, 2)', "argument 0 to method 'removeSlice' must be a Number, not a 'nil'"),
    ('vector(1, 2) dotProduct(nil)', "argument 0 to method 'dotProduct' must be a Sequence, not a 'nil'"),
    ('vector(1, 2) Max(nil)', "argument 0 to method 'Max' must be a Sequence, not a 'nil'"),
    ('vector(1, 2) < 3', "argument 0 to method '<' must be a Sequence, not a 'Number'"),
    ('vector(1, 2) append("a")', "argument 0 to method 'append' must be a Number, not a 'Sequence'"),
]


@pytest.mark.parametrize("code, text", ERRORS)
def test_error(code, text):
    assert error(code) == text


# -- loops, mutation, printing ----------------------------------------------------------------
@pytest.mark.parametrize("code, text", [
    ('vector(1, 2, 3) foreach(x, x print); "" println', "123\n"),
    ('vector(1, 2, 3) foreach(i, x, (i .. ":" .. x .. " ") print); "" println',
     "0:1 1:2 2:3 \n"),
    ("vector(1, 2, 3) foreach(println)", "1\n2\n3\n"),
    ("r := vector(1, 2, 3) foreach(x, if(x == 2, break); x); r println", "nil\n"),
    ('vector(1, 2) print; "" println', "1.000000, 2.000000\n"),
    ("v := vector(1, 2); v += 1; v println", "2.000000, 3.000000\n"),
    ("v := vector(1, 2); w := v clone; w atPut(0, 5); v println", "1.000000, 2.000000\n"),
    ("v := vector(1, 2); (v + 1) println; v println", "2.000000, 3.000000\n1.000000, 2.000000\n"),
    ("v := vector(4, 9); v sqrt; v println", "2.000000, 3.000000\n"),
    ("v := vector(0, 1, 2); v removeAt(0); (v == vector(1, 2)) println", "true\n"),
])
def test_programs(code, text):
    assert out(code) == text


def test_items_are_single_precision():
    assert show("vector(0.1) at(0) == 0.1") == "false"
    assert show("vector(0.5) at(0) == 0.5") == "true"


# -- WeakLink ----------------------------------------------------------------------------------
@pytest.mark.parametrize("code, text", [
    ("WeakLink clone link println", "nil\n"),
    ("WeakLink clone setLink(3) link println", "3\n"),
    ("WeakLink clone setLink(3) setLink(nil) link println", "nil\n"),
    ("o := Object clone; w := WeakLink clone setLink(o); (w link == o) println", "true\n"),
    ("w := WeakLink clone setLink(Lobby); w clone link println", "nil\n"),
    ("WeakLink clone type println", "WeakLink\n"),
])
def test_weaklink(code, text):
    assert out(code) == text


def test_weaklink_lets_its_target_go():
    h = CaptureHost()
    io = Interpreter(host=h)
    io.do_string("w := WeakLink clone; f := method(w setLink(Object clone)); f")
    gc.collect()
    io.do_string("w link println")
    assert h.output == "nil\n"

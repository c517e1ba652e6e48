"""Small programs in the style of upstream's samples (misc, shootout), written here; each
expected text is what upstream Io prints for the same program."""

from __future__ import annotations

from iotest import out


def test_float64_vector_math_rounds_like_upstream():
    """An n-body style energy sum: distanceTo squares differences as C floats, squares and
    sums go item by item in order, so the 17th digit matches upstream."""
    code = """
        Vector setItemType("float64")
        v := vector(1.1, 2.2, 3.3)
        w := vector(0.3, 0.1, 0.7)
        v distanceTo(w) asString(0, 17) println
        v meanSquare asString(0, 17) println
        v clone normalize at(0) asString(0, 17) println
        (v square sum / 2 - 1 / v distanceTo(w)) asString(0, 17) println
    """
    assert out(code) == ("3.43656786504820833\n5.64666666666666561\n"
                         "0.26726124191242440\n8.38131035381070255\n")


def test_float32_vector_distance():
    code = 'vector(1.1, 2.2, 3.3) distanceTo(vector(0.3, 0.1, 0.7)) asString(0, 17) println'
    assert out(code) == "3.43656807317903645\n"

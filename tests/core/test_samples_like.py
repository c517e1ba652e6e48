"""Small programs in the style of upstream's samples (misc, shootout), written here; each
expected text is what upstream Io prints for the same program."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pyio_core import CaptureHost, Interpreter
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


def _bytes_out(code: str) -> bytes:
    """What ``code`` writes, as the bytes a terminal or file receives."""
    host = CaptureHost()
    Interpreter(host=host).do_string(code)
    return host.output.encode("utf-8", "surrogateescape")


def test_file_write_of_characters_0_to_255_gives_those_bytes():
    """A PBM image written a pixel byte at a time, as the mandelbrot sample does."""
    code = """
        out := File standardOutput
        out write("P4\\n8 2\\n")
        list(255, 129, 0) foreach(b, out write(b asCharacter))
        s := Sequence clone setEncoding("number"); s append(200, 1)
        out write(s)
        t := "ab" asMutable; t append(233)
        out write(t)
    """
    assert _bytes_out(code) == b"P4\n8 2\n\xff\x81\x00\xc8\x01ab\xe9"


def test_file_write_of_text_stays_utf8():
    code = """
        out := File standardOutput
        out write("café ", 256 asCharacter)
        s := "ab" asMutable; s appendSeq("é", 233 asCharacter)
        out write(s)
        u := "cd" asMutable; u appendSeq(Sequence clone appendSeq("é"))
        out write(u)
        233 asCharacter print
    """
    assert _bytes_out(code) == "café Āabéécdéé".encode()


def test_bytes_joined_with_dots_stay_bytes():
    # upstream's `..` of byte sequences (or bytes and ASCII text) is an ascii sequence, so
    # File write writes the bytes; joined to wider text it is text (UTF-8 here)
    code = """
        out := File standardOutput
        out write(200 asCharacter .. 201 asCharacter, "P5\\n" .. 255 asCharacter)
        out write(233 asCharacter .. 7, 233 asCharacter cloneAppendSeq("x"))
        out write(233 asCharacter .. "é")
    """
    assert _bytes_out(code) == b"\xc8\xc9P5\n\xff\xe97\xe9x" + "éé".encode()


def test_copy_takes_the_encoding_of_what_it_copies():
    code = """
        c := 200 asCharacter; c copy("é"); d := "é" asMutable; d copy(200 asCharacter)
        File standardOutput write(c, d)
        list(c encoding, c sizeInBytes, d encoding, d sizeInBytes) print
        e := "ab" asMutable; e copy(Sequence clone setItemType("float32") setEncoding("number") append(1.5, 2))
        list(e encoding, e itemType, e size, e at(1)) print
    """
    assert _bytes_out(code) == ("é".encode() + b'\xc8list("ucs2", 2, "ascii", 1)'
                                b'list("number", "float32", 2, 2)')


def test_as_character_is_a_new_mutable_sequence():
    code = """
        c := 233 asCharacter
        list(c isMutable, c encoding, c sizeInBytes, c == "é", c at(0)) println
        list(300 asCharacter encoding, 300 asCharacter sizeInBytes) println
        d := 65 asCharacter; d append(66); list(d, 65 asCharacter) println
    """
    assert out(code) == ('list(true, "ascii", 1, true, 233)\nlist("ucs2", 2)\n'
                         'list("AB", "A")\n')


def test_binary_file_on_disk_gets_the_same_bytes(tmp_path):
    path = tmp_path / "img.pbm"
    out(f'f := File with("{path}") open; f write("P4\\n", 255 asCharacter, 7 asCharacter); '
        'f close')
    assert path.read_bytes() == b"P4\n\xff\x07"


@pytest.mark.skipif(sys.platform == "emscripten", reason="no subprocesses")
def test_terminal_gets_raw_bytes_even_when_stdout_is_strict():
    pyio = str(Path(sys.executable).parent / "pyio")
    r = subprocess.run([pyio, "-e", 'File standardOutput write(255 asCharacter, "é")'],
                       capture_output=True, timeout=60,
                       env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"})
    assert (r.stdout, r.stderr) == (b"\xff\xc3\xa9", b"")


def test_number_sequence_prints_its_items():
    """A Vector made the way upstream's samples make one (a Sequence of float32 numbers)
    prints its items with print, println and write, as asString does."""
    code = """
        V := Sequence clone setItemType("float32") setEncoding("number")
        v := V clone setSize(2); v atPut(1, 2.5)
        v println; writeln(v, " | ", v * 2); v print
    """
    assert out(code) == "0.000000, 2.500000\n0.000000, 2.500000 | 0.000000, 5.000000\n" \
        "0.000000, 2.500000"


def test_values_of_different_types_order_as_upstream():
    """Upstream's fannkuch sample tests `counts atPut(...) > 0`, a List against a Number:
    the answer must not depend on where Python put the objects in memory."""
    code = """
        list(list() > 0, list() < 0, 1 < "a", Map clone < list(), Date clone < File clone,
             message(a) < 2, Object clone > 2) println
        list("s", 2, list(1), Map clone, block(1), Date clone) sort map(type) println
    """
    assert out(code) == ('list(false, true, true, true, true, true, true)\n'
                         'list("Date", "Map", "List", "Block", "Number", "Sequence")\n')

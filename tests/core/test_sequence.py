"""Sequence as an Io program sees it: results, mutability and error texts, compared with
upstream Io (every expected value below is what the reference binary prints)."""

from __future__ import annotations

import pytest

from iotest import error, out, show


FLOATS = 'Sequence clone setItemType("float32") setEncoding("number") append(1.5, 2)'


ITEMS_AND_SLICES = [
    ('"abc" size', '3'),
    ('"é" size', '1'),
    ('"" size', '0'),
    ('"abc" at(0)', '97'),
    ('"abc" at(3)', 'nil'),
    ('"é" at(0)', '233'),
    ('"abcdef" exSlice(1, 3)', 'bc'),
    ('"abcdef" exSlice(-2)', 'ef'),
    ('"abcdef" exSlice(3, -3)', ''),
    ('"abcdef" exSlice(2, 2000)', 'cdef'),
    ('"abcdef" inSlice(1, 2)', 'bc'),
    ('"abcdef" inSlice(-2, -1)', 'ef'),
    ('"abcdef" inSlice(1, -1)', 'bcdef'),
]


SEARCHING = [
    ('"abcabc" findSeq("bc")', '1'),
    ('"abcabc" findSeq("a", 1)', '3'),
    ('"abcabc" findSeq("x")', 'nil'),
    ('"abcabc" reverseFindSeq("a")', '3'),
    ('"abcabc" reverseFindSeq("a", 1)', '0'),
    ('"abcd" beginsWithSeq("ab")', 'true'),
    ('"abcd" endsWithSeq("cd")', 'true'),
    ('"abcd" containsSeq("bc")', 'true'),
    ('"ABCD" containsAnyCaseSeq("bc")', 'true'),
    ('"abc" contains(98)', 'true'),
    ('"abcabc" occurrencesOfSeq("bc")', '2'),
]


SPLITTING_AND_STRIPPING = [
    ('"a,b,,c" split(",")', 'list("a", "b", "", "c")'),
    ('",a," split(",")', 'list("", "a")'),
    ('"a b\\tc" split', 'list("a", "b", "c")'),
    ('"a--b==c" split("--", "==")', 'list("a", "b", "c")'),
    ('"a  b c" splitNoEmpties', 'list("a", "b", "c")'),
    ('"abc" splitAt(1)', 'list("a", "bc")'),
    ('"abc" splitAt(-1)', 'list("ab", "c")'),
    ('"  abc  " asMutable strip', 'abc'),
    ('"xxabcxx" asMutable strip("x")', 'abc'),
    ('"  abc  " asMutable lstrip', 'abc  '),
    ('"  abc  " asMutable rstrip', '  abc'),
]


CASE_AND_ESCAPES = [
    ('"hello world" asUppercase', 'HELLO WORLD'),
    ('"HeLLo" asLowercase', 'hello'),
    ('"hello" asCapitalized', 'Hello'),
    ('"abc" isLowercase', 'true'),
    ('"ABC" isUppercase', 'true'),
    ('"ABC" isEqualAnyCase("abc")', 'true'),
    ('"a\\tb\\n\\"c\\"\\\\" asMutable escape', 'a\\tb\\n\\"c\\"\\\\'),
    ('"a\\\\tb\\\\n\\\\x41" asMutable unescape', 'a\tb\nA'),
    ('"a\\tb\\"" asSimpleString', '"a\\tb\\""'),
]


NUMBERS = [
    ('"  42abc" asNumber', '42'),
    ('"0x1F" asNumber', '31'),
    ('"-.5e1" asNumber', '-5'),
    ('"1e400" asNumber', 'nan'),
    ('"abc" asNumber', 'nan'),
    ('"ff" fromBase(16)', '255'),
    ('"777" fromBase(8)', '511'),
    ('"255" toBase(2)', '11111111'),
]


INTERPOLATE_AND_REPLACE = [
    ('"#{1+2} and #{\\"x\\" .. 3}" interpolate', '3 and x3'),
    ('"a#{}b" interpolate', 'ab'),
    ('"#{" interpolate', '#{'),
    ('"abc" asMutable replaceSeq("b", "XY")', 'aXYc'),
    ('"aabca" asMutable replaceSeq("a", "aa")', 'aaaabcaa'),
    ('"abcabc" asMutable replaceFirstSeq("b", "X")', 'aXcabc'),
    ('"abcabc" asMutable replaceFirstSeq("b", "X", 2)', 'abcaXc'),
    ('"abc" asMutable replaceMap(Map clone atPut("a", "AA") atPut("c", "CC"))', 'AAbCC'),
    ('"abc" asMutable removeSeq("b")', 'ac'),
]


WEB_ENCODINGS = [
    ('"hello" asBase64', 'aGVsbG8=\n'),
    ('"aGVsbG8=" fromBase64', 'hello'),
    ('"a b/c?d=" percentEncoded', 'a%20b%2Fc%3Fd%3D'),
    ('"a b+c" urlEncoded', 'a+b%2Bc'),
    ('"a%20b+c" urlDecoded', 'a b c'),
    ('"a%20b+c" percentDecoded', 'a b+c'),
    ('"a\\"b/c\\nd\\te" asJson', '"a\\"b\\/c\\nd\\te"'),
]


PATHS = [
    ('"/usr/lib/libc.so.6" lastPathComponent', 'libc.so.6'),
    ('"/usr/lib/" lastPathComponent', 'lib/'),
    ('"/usr/lib/x" pathComponent', '/usr/lib'),
    ('"abc/" pathComponent', ''),
    ('"a.tar.gz" pathExtension', 'gz'),
    ('"abc" pathExtension', ''),
    ('"dir/a.tar.gz" fileName', 'a.tar'),
    ('"c./.a.b.c" fileName', '.a.b'),
    ('"abc" asMutable appendPathSeq("def")', 'abc/def'),
    ('"abc/" asMutable appendPathSeq("/def")', 'abc/def'),
    ('"abc" cloneAppendPath("/d")', 'abc/d'),
]


BUILDING_AND_ALIGNING = [
    ('"ab" repeated(3)', 'ababab'),
    ('"abc" alignLeft(6, "-")', 'abc---'),
    ('"ab" alignRight(5, "xy")', 'xyxab'),
    ('"ab" alignCenter(7, "-")', '--ab---'),
    ('"[abc]" alignCenter(10, "123")', '12[abc]123'),
    ('"abc" alignLeft(2)', 'abc'),
]


COMPARISON = [
    ('"abc" compare("abd")', '-1'),
    ('"abd" compare("abc")', '1'),
    ('"abc" == "abc" asMutable', 'true'),
    ('"abc" != "abd"', 'true'),
    ('"abc" < "abd"', 'true'),
    ('"b" > "abd"', 'true'),
]


EDITING = [
    ('"abc" asList', 'list("a", "b", "c")'),
    ('"abc" asMutable atPut(1, 66)', 'aBc'),
    ('"abc" asMutable append(100, 101)', 'abcde'),
    ('"abc" asMutable setSize(1)', 'a'),
    ('"abcdef" asMutable removeSlice(1, 3)', 'aef'),
    ('"abcdef" asMutable removeLast', 'abcde'),
    ('"abc" asMutable removeAt(1)', '98'),
    ('"abc" asMutable insertSeqEvery("-", 2)', 'ab-c'),
    ('"abcdef" asMutable leaveThenRemove(2, 1)', 'abde'),
    ('"abc" asMutable atInsertSeq(1, 123)', 'a123bc'),
    ('"hello" asMutable clipBeforeSeq("l")', 'llo'),
    ('"hello" asMutable clipAfterSeq("l")', 'hel'),
    ('"hello" asMutable clipBeforeEndOfSeq("l")', 'lo'),
    ('"hello" asMutable clipAfterStartOfSeq("l")', 'he'),
    ('"hello" asMutable sort', 'ehllo'),
    ('"abc" asMutable reverseInPlace', 'cba'),
    ('"abc" reverse', 'cba'),
    ('"ABC" asMutable lowercase', 'abc'),
    ('"abc" asMutable uppercase', 'ABC'),
    ('"abc" asMutable capitalize', 'Abc'),
    ('"x" asMutable prependSeq("a", 1)', 'a1x'),
    ('"ab" with("c", "d")', 'abcd'),
    ('"abc" beforeSeq("b")', 'a'),
    ('"abc" afterSeq("b")', 'c'),
    ('"abc" afterSeq("x")', 'nil'),
    ('"abcd" betweenSeq("a", "d")', 'bc'),
    ('"abcd" betweenSeq(nil, "c")', 'ab'),
    ('"abcabc" findNthSeq("c", 2)', '4'),
    ('"a:b;c" orderedSplit(":", ";")', 'list("a", "b", "c")'),
    ('"abc" asHex', '616263'),
    ('"a" .. 1 .. nil', 'a1nil'),
    ('"a" .. list(1, "x")', 'alist(1, "x")'),
]


MUTABILITY = [
    ('"abc" type', 'Sequence'),
    ('"abc" asMutable type', 'Sequence'),
    ('"abc" isSymbol', 'true'),
    ('"abc" asMutable isMutable', 'true'),
    ('"abc" asMutable asSymbol isSymbol', 'true'),
    ('"abc" exSlice(1) isMutable', 'false'),
    ('"abc" asMutable exSlice(1) isMutable', 'true'),
    ('"abc" split("b") first isMutable', 'true'),
    ('"abc" alignLeft(4) isMutable', 'true'),
    ('"abc" asUppercase isMutable', 'false'),
    ('"abc" interpolate isMutable', 'false'),
    ('"abc" lastPathComponent isMutable', 'true'),
    ('"abc" pathExtension isMutable', 'false'),
    ('"abc" asBase64 isMutable', 'true'),
    ('"abc" percentEncoded isMutable', 'false'),
    ('Sequence clone isMutable', 'true'),
    ('"abc" clone isMutable', 'false'),
    ('"abc" asMutable clone isMutable', 'true'),
]


ENCODINGS_AND_BYTES = [
    ('"é" encoding', 'ucs2'),
    ('"abc" encoding', 'ascii'),
    ('"€" encoding', 'ucs4'),
    ('"é" asUTF8 encoding', 'utf8'),
    ('"abc" asMutable encoding', 'ascii'),
    ('"abc" itemType', 'uint8'),
    ('"€" itemType', 'uint32'),
    ('"abc" itemSize', '1'),
    ('"é" asUTF8 sizeInBytes', '2'),
    ('"€" sizeInBytes', '4'),
    ('"abc" byteAt(1)', '98'),
    ('"abc" bitAt(0)', '1'),
    ('"abc" bitAt(1)', '0'),
    ('"ab" asUCS2 sizeInBytes', '4'),
    ('"ab" asUCS4 itemType', 'uint32'),
    ('"abcd" asMutable setItemType("uint16") at(0)', '25185'),
    ('"abcd" asMutable setItemType("uint16") size', '2'),
    ('"abcd" asMutable setItemType("uint16") encoding', 'ucs2'),
    (FLOATS + " asList", 'list(1.5, 2)'),
    (FLOATS + " size", '2'),
    (FLOATS + " sizeInBytes", '8'),
    ('"ab" asMutable convertToItemType("uint16") itemType', 'uint16'),
    ('Sequence validEncodings', 'list("ascii", "utf8", "ucs2", "ucs4", "number")'),
]


@pytest.mark.parametrize("table", [
    ITEMS_AND_SLICES, SEARCHING, SPLITTING_AND_STRIPPING, CASE_AND_ESCAPES, NUMBERS,
    INTERPOLATE_AND_REPLACE, WEB_ENCODINGS, PATHS, BUILDING_AND_ALIGNING, COMPARISON, EDITING,
    MUTABILITY, ENCODINGS_AND_BYTES,
], ids=["items", "search", "split", "case", "numbers", "interpolate", "web", "paths", "build",
        "compare", "edit", "mutability", "encodings"])
def test_matches_upstream(table):
    code = "\n".join(f'writeln({expr}); write("<|>")' for expr, _ in table)
    assert out(code).split("<|>")[:-1] == [text + "\n" for _, text in table]


# -- immutability --------------------------------------------------------------------------
@pytest.mark.parametrize("call", [
    "append(1)", 'appendSeq("x")', "atPut(0, 1)", "setSize(1)", "removeAt(0)",
    'replaceSeq("a", "b")', "reverseInPlace", "removeSlice(1, 2)", 'copy("x")',
    "capitalize", "strip", "escape", "interpolateInPlace", 'setEncoding("utf8")',
    'insertSeqEvery(".", 1)', "leaveThenRemove(1, 1)", "lowercase", 'appendPathSeq("x")',
])
def test_literals_are_immutable(call):
    name = call.split("(")[0]
    assert error(f'"abc" {call}') == f"'{name}' cannot be called on an immutable Sequence"


def test_mutable_copy_is_edited_in_place():
    assert out('s := "abc" asMutable; s appendSeq("d", 1); s atPut(0, 65); s removeAt(1);'
               " s println") == "Acd1\n"


def test_as_mutable_copies():
    assert out('a := "ab" asMutable; b := a asMutable; b appendSeq("c"); write(a, " ", b)') \
        == "ab abc"


def test_clone_of_a_literal_is_itself_and_of_a_mutable_a_copy():
    assert show('s := "abc"; s clone isIdenticalTo(s)') == "true"
    assert out('m := "ab" asMutable; c := m clone; c appendSeq("c"); write(m, " ", c)') \
        == "ab abc"


def test_sequence_proto_is_an_empty_mutable_sequence():
    assert out("Sequence println; Sequence size println; Sequence clone isMutable println") \
        == "\n0\ntrue\n"


def test_string_and_immutable_sequence_are_the_empty_symbol():
    assert show("list(String, ImmutableSequence, String size, String isSymbol)") \
        == 'list("", "", 0, true)'


# -- errors --------------------------------------------------------------------------------
@pytest.mark.parametrize("code, text", [
    ('"abc" at(nil)', "argument 0 to method 'at' must be a Number, not a 'nil'"),
    ('"abc" at(-1)',
     "IoMessage_locals_sizetArgAt_ attempt to get size_t value from negative number -1"),
    ('"abc" findSeq(nil)', "argument 0 to method 'findSeq' must be a Sequence, not a 'nil'"),
    ('"abc" compare', "Io Assertion 'compare requires argument'"),
    ('"abc" ==', "Io Assertion 'compare requires argument'"),
    ('"abc" < nil', "argument 0 to method '<' must be a Sequence, not a 'nil'"),
    ('"abc" asMutable atInsertSeq(9, "d")', "Io Assertion 'insert index out of sequence bounds'"),
    ('"1f" fromBase', 'conversion of "1f" to base 0 failed'),
    ('"g" fromBase(16)', 'conversion of "g" to base 16 failed'),
    ('"12" toBase(1)', "conversion to base 1 not supported"),
    ('"abc" asMutable insertSeqEvery(".", 4)',
     "Io Assertion 'aNumberOfItems out of sequence bounds'"),
    ('"abc" asMutable leaveThenRemove(0, 0)',
     "Io Assertion 'either aNumberToLeave or aNumberToRemove must be > 0'"),
    ('"abc" asMutable replaceMap(Map clone atPut("a", nil))',
     "argument 0 to method 'replaceMap' must be a Map with Sequence values, not 'nil'"),
    ('"abc" split("")', "empty string argument"),
    ('"abc" split(1)', "requires Sequences as arguments, not Numbers"),
    ('"abc" exSlice', "argument 0 to method 'exSlice' must be a Number, not a 'nil'"),
    ('"abc" betweenSeq(1, "x")', "Nil or Sequence argument required for arg 0, not a Number"),
    ('"abc" asMutable setItemType("bad")', "Io Assertion 'invalid item type name'"),
    ('"abc" asMutable setEncoding("bad")', "Io Assertion 'invalid encoding name'"),
    ('"abc" asMutable translate("ab", "c")', "translation strings must be of the same length"),
    ('"a" foreach', "[Sequence foreach] requires 2 arguments\n"),
])
def test_error_texts(code, text):
    assert error(code) == text


# -- iteration -----------------------------------------------------------------------------
def test_foreach_index_and_value():
    assert out('"abc" foreach(i, v, write(i, ":", v, " "))') == "0:97 1:98 2:99 "


def test_foreach_value_only():
    assert out('"ab" foreach(v, write(v, " "))') == "97 98 "


def test_foreach_single_message_is_sent_to_each_item():
    assert out('"abc" foreach(println)') == "97\n98\n99\n"


def test_foreach_break_and_continue():
    assert show('"abc" foreach(v, if(v == 98, break(v)))') == "98"
    assert out('"abc" foreach(v, if(v == 98, continue); write(v))') == "9799"


def test_foreach_returns_last_body_value():
    assert show('"ab" foreach(v, v + 1)') == "99"


# -- interpolation -------------------------------------------------------------------------
def test_interpolate_sees_the_callers_locals():
    assert out('f := method(x := 41; "x is #{x + 1}" interpolate); f println') == "x is 42\n"


def test_interpolate_in_a_given_context():
    assert show('"#{a + b}" interpolate(Object clone do(a := 1; b := 7))') == "8"


def test_interpolate_result_uses_as_string():
    assert show('o := Object clone do(asString := "O"); "<#{o}>" interpolate') == "<O>"


def test_interpolate_bad_as_string_raises():
    assert error('x := Object clone do(asString := nil); "#{x}" interpolate') \
        == "Io Assertion 'bad asString results'"


def test_interpolate_in_place_edits_the_receiver():
    assert out('s := "n=#{1+1}" asMutable; s interpolateInPlace; s println') == "n=2\n"


# -- concatenation and printing ------------------------------------------------------------
def test_dot_dot_calls_as_string_on_the_argument():
    assert show('"a" .. Object clone do(asString := "!")') == "a!"


def test_dot_dot_of_a_mutable_is_immutable():
    assert show('("a" asMutable .. "b") isSymbol') == "true"


def test_as_simple_string_quotes_and_escapes():
    assert show('"a\\tb\\"c" asSimpleString') == '"a\\tb\\"c"'


def test_print_returns_the_receiver():
    assert out('"x" print println') == "xx\n"


def test_as_message_parses_code():
    assert show('"1 + 2" asMessage') == "1 +(2)"
    assert show('"a b" asMessage name') == "a"


# -- numeric sequences ---------------------------------------------------------------------
def test_float_vector_items():
    code = ('v := Sequence clone setItemType("float32") setEncoding("number");'
            " v atPut(0, -0.5); v atPut(2, 0.5); v")
    assert show(code + " asList") == "list(-0.5, 0, 0.5)"
    assert show(code + " asString") == "-0.500000, 0.000000, 0.500000"


def test_int16_items_wrap():
    assert show('Sequence clone setItemType("int16") setEncoding("number") append(-3, 70000)'
                " asList") == "list(-3, 4464)"


def test_number_encoding_of_text_gives_items():
    assert show('"abc" asMutable setEncoding("number") asString') == "97, 98, 99"


# -- bits and bytes ------------------------------------------------------------------------
def test_bit_at_reads_little_endian_bits():
    assert show("list(0, 1, 2, 3, 4, 5, 6, 7) map(i, \"a\" bitAt(i))") \
        == "list(1, 0, 0, 0, 0, 1, 1, 0)"


def test_byte_at_of_two_byte_items_keeps_the_bytes():
    assert show('s := "abcd" asMutable setItemType("uint16");'
                " list(s sizeInBytes, s byteAt(0), s byteAt(3), s byteAt(4))") \
        == "list(4, 97, 100, 0)"


def test_latin1_characters_take_one_byte_in_symbols():
    assert show('list(("\\0" .. 255 asCharacter) sizeInBytes, ("\\0" .. 255 asCharacter)'
                " bitAt(15))") == "list(2, 1)"


def test_utf8_and_ucs_conversions_keep_characters():
    assert show('s := "aé€"; list(s asUTF8 == s, s asUCS2 == s, s asUCS4 size,'
                " s asUTF8 sizeInBytes, s asUCS4 sizeInBytes)") == "list(true, true, 3, 6, 12)"


# -- item arithmetic -----------------------------------------------------------------------
NUMBERS_123 = 'Sequence clone setItemType("float32") setEncoding("number") append(1, 2, 3)'


@pytest.mark.parametrize("code, text", [
    (f"({NUMBERS_123} + 1) asString", "2.000000, 3.000000, 4.000000"),
    (f"v := {NUMBERS_123}; v *= 2; v asString", "2.000000, 4.000000, 6.000000"),
    (f"{NUMBERS_123} negate asString", "-1.000000, -2.000000, -3.000000"),
    (f"{NUMBERS_123} sum", "6"),
    (f"{NUMBERS_123} mean", "2"),
    (f"{NUMBERS_123} dotProduct({NUMBERS_123})", "14"),
    (f"v := {NUMBERS_123}; v setY(7); v asString", "1.000000, 7.000000, 3.000000"),
    ('"abc" sum', "294"),
    ('"abc" max', "99"),
    ('"abc" asMutable removeOddIndexes', "ac"),
])
def test_item_arithmetic(code, text):
    assert show(code) == text


def test_arithmetic_on_text_is_refused():
    assert error('"abc" asMutable + 1') \
        == "Io Assertion 'operation not valid on non-number encodings'"


# -- binary structures ---------------------------------------------------------------------
def test_pack_and_unpack():
    assert show('s := Sequence pack("IC5s", 100, "a", "hello"); s size') == "10"
    assert show('Sequence pack("IC5s", 100, "a", "hello") unpack("IC5s")') \
        == 'list(100, 97, "hello")'
    assert show('Sequence pack("*I", 0x01020304) unpack("*I")') == "list(16909060)"
    assert show('"hello" unpack(1, "2c")') == "list(101, 108)"


def test_with_struct_and_as_struct():
    assert show('s := Sequence withStruct(list("uint8", 65, "int16", -2, "float32", 1.5));'
                ' o := s asStruct(list("uint8", "a", "int16", "b", "float32", "c"));'
                " list(s size, o a, o b, o c)") == "list(7, 65, -2, 1.5)"


# -- upstream's C-library details ----------------------------------------------------------
@pytest.mark.parametrize("expr, text", [
    ('"éa" asUppercase', "éA"),
    ('"ÉA" asLowercase', "Éa"),
    ('"éa" asCapitalized', "éa"),
    ('"ÉA" isEqualAnyCase("éa")', "false"),
    ('"0x1.8" asNumber', "1"),
    ('"0xff" asNumber', "255"),
    ('" 0x10" asNumber', "16"),
    ('"1e400" asNumber', "nan"),
    ('"  -3x" asNumber', "-3"),
    ('"abc" asNumber', "nan"),
])
def test_c_library_behaviour(expr, text):
    assert show(expr) == text


def test_parse_json():
    assert show('"{\\"a\\": [1, 2.5, \\"x\\", true, null]}" parseJson at("a")') \
        == 'list(1, 2.5, "x", true, nil)'
    assert error('"{" parseJson') == "Can't parse JSON."


# -- reinterpreting bytes ------------------------------------------------------------------
@pytest.mark.parametrize("expr, text", [
    ('"abc" asMutable setEncoding("ucs2")', "扡c"),
    ('x := "abc" asMutable setItemType("uint16"); list(x size, x at(1), x sizeInBytes)',
     "list(2, 99, 4)"),
    ('x := "abcd" asMutable setItemType("uint32"); list(x size, x at(0))',
     "list(1, 1684234849)"),
    ('x := "é" asMutable setEncoding("ascii"); list(x size, x at(0), x at(1))',
     "list(2, 233, 0)"),
    ('x := Sequence clone setItemType("int16"); x append(-3); x at(0)', "-3"),
])
def test_reinterpreting_bytes(expr, text):
    assert show(expr) == text


def test_slice_is_deprecated_in_favour_of_ex_slice():
    assert out('"abcd" slice(1, 3) println') \
        == "Warning in <string>: 'slice' is deprecated.  Use 'exSlice' instead.\nbc\n"


def test_append_seq_takes_as_string_of_anything():
    assert show('"abc" asMutable appendSeq(nil, 1, list(2))') == "abcnil1list(2)"


@pytest.mark.parametrize("expr, text", [
    ('"hello world" reverseFindSeq("")', "12"),
    ('"" reverseFindSeq("")', "1"),
    ('"hello" endsWithSeq("")', "false"),
    ('"hello" beginsWithSeq("")', "true"),
    ('"" containsAnyCaseSeq("")', "true"),
    ('"" containsSeq("")', "false"),
    ('"abc" findSeq("", 3)', "nil"),
    ('"abc" byteAt(-1)', "0"),
    ('"abc" bitAt(100)', "0"),
    ('"abc" occurrencesOfSeq("")', "0"),
    ('"abab" slicesBetween("", "")', 'list("", "", "", "")'),  # upstream never returns
])
def test_empty_and_out_of_range_arguments(expr, text):
    assert show(expr) == text

"""Map as an Io program sees it: printed results and error texts, compared with upstream."""

from __future__ import annotations

import re

import pytest

from iotest import error, out, show

AB = 'm := Map clone atPut("a", 1) atPut("b", 2); '


# -- access ----------------------------------------------------------------------------
@pytest.mark.parametrize("expr, text", [
    (AB + 'm at("a")', "1"),
    (AB + 'm at("c")', "nil"),
    (AB + 'm at("a" asMutable)', "1"),
    (AB + 'm at("c", 3)', "3"),
    (AB + 'm at("a", Exception raise("not evaluated"))', "1"),
    (AB + "m size", "2"),
    ("Map size", "0"),
    ("Map clone isEmpty", "true"),
    (AB + "m isEmpty", "false"),
    (AB + "m isNotEmpty", "true"),
    (AB + 'm hasKey("a")', "true"),
    (AB + 'm hasKey("z")', "false"),
    (AB + "m hasValue(2)", "true"),
    (AB + "m hasValue(3)", "false"),
    ("Map clone hasValue", "false"),
    (AB + "m keys", 'list("a", "b")'),
    (AB + "m values", "list(1, 2)"),
    (AB + "m keys type", "List"),
    ('Map clone atPut("a" asMutable, 1) keys first type', "Sequence"),
    ('Map clone atPut("a") at("a")', "nil"),
    ('Map clone atIfAbsentPut("a")', "nil"),
])
def test_access(expr, text):
    assert show(expr) == text


def test_at_put_answers_the_map_and_replaces():
    assert out(AB + 'm atPut("a", 9) at("a") println; m size println') == "9\n2\n"


def test_at_if_absent_put_is_lazy():
    code = AB + 'm atIfAbsentPut("a", Exception raise("no")) print; m atIfAbsentPut("c", 3) print'
    assert out(code + "; m size print") == "133"


def test_remove_at_and_empty():
    assert out(AB + 'm removeAt("a"); m removeAt("zz"); m keys println') == 'list("b")\n'
    assert out(AB + "m empty size println") == "0\n"


@pytest.mark.parametrize("code, text", [
    ("Map clone at", "argument 0 to method 'at' must be a Sequence, not a 'nil'"),
    ("Map clone at(1)", "argument 0 to method 'at' must be a Sequence, not a 'Number'"),
    ("Map clone atPut(nil, 1)", "argument 0 to method 'atPut' must be a Sequence, not a 'nil'"),
    ("Map clone atPut(33)", "argument 0 to method 'atPut' must be a Sequence, not a 'Number'"),
    ("Map clone atIfAbsentPut(33)",
     "argument 0 to method 'atIfAbsentPut' must be a Sequence, not a 'Number'"),
    ("Map clone hasKey", "argument 0 to method 'hasKey' must be a Sequence, not a 'nil'"),
    ("Map clone removeAt(list())",
     "argument 0 to method 'removeAt' must be a Sequence, not a 'List'"),
    (AB + "m reverseMap", "argument 0 to method 'atPut' must be a Sequence, not a 'Number'"),
])
def test_keys_must_be_sequences(code, text):
    assert error(code) == text


def test_clone_copies_entries():
    code = AB + 'c := m clone; c atPut("z", 0); m size print; c size print; c at("a") print'
    assert out(code) == "231"


# -- iteration -------------------------------------------------------------------------
def test_foreach_forms():
    assert out(AB + 'm foreach(k, v, write(k, v, " "))') == "a1 b2 "
    assert out(AB + "m foreach(v, v print)") == "12"


def test_foreach_answers_last_value_and_handles_break():
    assert show(AB + "m foreach(k, v, v * 10)") == "20"
    assert show(AB + "m foreach(k, v, break)") == "nil"
    assert out(AB + "m foreach(k, v, if(v == 1, continue); v print)") == "2"


def test_foreach_may_change_the_map():
    assert out(AB + 'm foreach(k, v, m removeAt("b"); m atPut("c", 3); k print); '
               "m keys println") == 'ablist("a", "c")\n'


def test_foreach_needs_two_arguments():
    assert error("Map clone foreach(k)") == "[Map foreach] requires 2 arguments\n"


def test_return_from_foreach():
    assert out(AB + "f := method(m foreach(k, v, if(v == 2, return k)); nil); f println") == \
        "b\n"


@pytest.mark.parametrize("expr, text", [
    (AB + "m map(k, v, k .. v)", 'list("a1", "b2")'),
    (AB + "m map(v, v + 1)", "list(2, 3)"),
    (AB + "m select(k, v, v > 1) keys", 'list("b")'),
    (AB + 'm select(k, k == "a") keys', 'list("a")'),
    (AB + "m select(true) size", "2"),
    (AB + "m detect(k, v, v > 1)", 'list("b", 2)'),
    (AB + "m detect(k, v, v > 5)", "nil"),
    (AB + "m asList", 'list(list("\\"a\\"", "1"), list("\\"b\\"", "2"))'),
    (AB + "m asList first first", "a"),
    ('Map clone atPut("a", "x") reverseMap at("x")', "a"),
    ('Map with("a", 1, "b", 2) keys', 'list("a", "b")'),
    ('Map clone addKeysAndValues(list("a", "b"), list(1, 2)) at("b")', "2"),
])
def test_collections(expr, text):
    assert show(expr) == text


def test_merge():
    code = ('m := Map clone atPut("a", 0) atPut("b", 1); '
            'n := m merge(Map clone atPut("a", -1) atPut("c", 2)); '
            'n keys println; n at("a") println; m size println; m at("a") println')
    assert out(code) == 'list("a", "b", "c")\n-1\n2\n0\n'
    code = ('m := Map clone atPut("a", 0); m mergeInPlace(Map clone atPut("c", 2)); '
            "m keys println")
    assert out(code) == 'list("a", "c")\n'


def test_as_object():
    assert out(AB + "o := m asObject; o a println; o b println") == "1\n2\n"


def test_as_json():
    assert show(AB + "m asJson") == '{"a":1,"b":2}'
    assert show("Map clone asJson") == "{}"


# -- printing and comparing ------------------------------------------------------------
def test_printing_shows_slots_not_entries():
    text = out(AB + "m println; m x := 5; m println")
    assert re.fullmatch(r" Map_0x[0-9a-f]+:\n\n Map_0x[0-9a-f]+:\n  x {16}= 5\n\n", text)


def test_list_group_by_answers_a_map():
    assert show('list("a", "bb") groupBy(size) type') == "Map"


def test_serialized():
    assert show(AB + "m serialized") == 'Map clone do(atPut("a", 1);atPut("b", 2););'
    assert show(AB + 'doString(m serialized) at("b")') == "2"


def test_equality_compares_entries():
    assert show('Map clone atPut("a", 1) == Map clone atPut("a", 1)') == "true"
    assert show('Map clone atPut("a", 1) == Map clone atPut("a", 2)') == "false"
    assert show('Map clone atPut("a", 1) == Map clone atPut("b", 1)') == "false"
    assert show('list(Map clone atPut("a", 1)) contains(Map clone atPut("a", 1))') == "true"


def test_primitive_on_another_type():
    assert error('o := Object clone; o at := Map getSlot("at"); o at("a")') == \
        "CFunction defined for type Map but called on type Object"

"""List as an Io program sees it: printed results and error texts, compared with upstream."""

from __future__ import annotations

import pytest

from iotest import error, out, show


# -- building and printing -------------------------------------------------------------
@pytest.mark.parametrize("expr, text", [
    ("list(1, 2, 3)", "list(1, 2, 3)"),
    ("list()", "list()"),
    ("List", "list()"),
    ('list("a", 1.5, nil, true, false, list())', 'list("a", 1.5, nil, true, false, list())'),
    ('list("a\\"b")', 'list("a\\"b")'),
    ("list(list(1, 2))", 'list(list("1", "2"))'),
    ('list(list("a"))', 'list(list("\\"a\\""))'),
    ("list(0.1 + 0.2, 12345678901234567890)", "list(0.3, 1.234568e+19)"),
])
def test_printing(expr, text):
    assert show(expr) == text


def test_as_string_is_a_sequence():
    assert show("list(1, 2) asString") == "list(1, 2)"
    assert show("list(1, 2) asString type") == "Sequence"


def test_as_simple_string_quotes_items_and_truncates():
    assert show("list(1, 2) asSimpleString") == 'list("1", "2")'
    long = "list(" + ", ".join(str(i) for i in range(1, 35)) + ")"
    assert show(f"{long} asSimpleString") == 'list("1", "2", "3", "4", "5", "6", "7...'


def test_printing_uses_items_as_simple_string():
    code = 'o := Object clone do(asSimpleString := "<o>"); list(o, 1) println'
    assert out(code) == "list(<o>, 1)\n"


def test_with_and_clone():
    assert show("List with(1, 2)") == "list(1, 2)"
    assert show("list(1) with(2)") == "list(1, 2)"
    assert out("a := list(1, 2); b := a clone; b append(3); a println; b println") == \
        "list(1, 2)\nlist(1, 2, 3)\n"
    assert show("List clone size") == "0"
    assert show("List clone type") == "List"


def test_subclass_keeps_its_type_through_map_and_select():
    code = "MyList := List clone; l := MyList clone append(1, 2); "
    assert show(code + "l map(x, x) type") == "MyList"
    assert show(code + "l select(x, x > 1) type") == "MyList"


# -- reading ---------------------------------------------------------------------------
@pytest.mark.parametrize("expr, text", [
    ('list("a", "beta", 3) at(0)', "a"),
    ('list("a", "beta", 3) at(-1)', "3"),
    ('list("a", "beta", 3) at(-3)', "a"),
    ('list("a", "beta", 3) at(-4)', "nil"),
    ('list("a", "beta", 3) at(3)', "nil"),
    ("list(1, 2) at(1.7)", "2"),
    ("list(1, 2) at(-1.5)", "2"),
    ("list(1, 2) at(-0.5)", "1"),
    ("list(1, 2, 3) at(-3.5)", "1"),
    ("list(1, 2) at(2.5)", "nil"),
    ("list(1, 2, 3) first", "1"),
    ("list(1, 2, 3) last", "3"),
    ("List first", "nil"),
    ("List last", "nil"),
    ("list(1, 2, 3) second", "2"),
    ("list(1) third", "nil"),
    ("list(1, 2) size", "2"),
    ("list(1, 2) isEmpty", "false"),
    ("list() isEmpty", "true"),
    ("list() isNotEmpty", "false"),
    ("list(1, 2, 3) rest", "list(2, 3)"),
    ("list(1, 2, 3) indexOf(2)", "1"),
    ("list(1, 2, 3) indexOf(4)", "nil"),
    ("list(list(1)) indexOf(list(1))", "0"),
    ('list("a") contains("a" asMutable)', "true"),
    ("list(1, 2) contains(3)", "false"),
    ("list(1, 2) contains", "false"),
    ("list(1, nil) contains(nil)", "true"),
    ("list(1, 2) containsIdenticalTo(1)", "true"),
    ("list(list(1)) containsIdenticalTo(list(1))", "false"),
    ("list(1, 2) containsAll(list(2, 1))", "true"),
    ("list(1, 2) containsAll(list(3))", "false"),
    ("list(1, 2) containsAny(list(3, 2))", "true"),
    ("list(1, 2) containsAny(list(3))", "false"),
])
def test_reading(expr, text):
    assert show(expr) == text


@pytest.mark.parametrize("code, text", [
    ("list(1) at", "argument 0 to method 'at' must be a Number, not a 'nil'"),
    ('list(1) at("a")', "argument 0 to method 'at' must be a Number, not a 'Sequence'"),
    ("list(1) indexOf", "Io Assertion 'indexOf requires at least one argument'"),
])
def test_reading_errors(code, text):
    assert error(code) == text


# -- slicing ---------------------------------------------------------------------------
@pytest.mark.parametrize("expr, text", [
    ("list(1, 2, 3) slice(1)", "list(2, 3)"),
    ("list(1, 2, 3) slice(-2)", "list(2, 3)"),
    ("list(1, 2, 3) slice(1, 2)", "list(2)"),
    ("list(1, 2, 3) slice(2, 1)", "list()"),
    ("list(1, 2, 3) slice(0, 100)", "list(1, 2, 3)"),
    ("list(1, 2, 3, 4, 5, 6) slice(0, -1)", "list(1, 2, 3, 4, 5)"),
    ("list(1, 2, 3, 4, 5, 6) slice(0, -6)", "list()"),
    ("list(1, 2, 3, 4, 5, 6) slice(0, 6, 2)", "list(1, 3, 5)"),
    ("list(1, 2, 3, 4, 5, 6) slice(0, 6, 3)", "list(1, 4)"),
    ("list(1, 2, 3, 4, 5, 6) slice(-1, -7, -1)", "list(6, 5, 4, 3, 2, 1)"),
    ("list(1, 2, 3, 4, 5, 6) slice(-1, -7, -2)", "list(6, 4, 2)"),
    ("list(1, 2, 3, 4, 5, 6) slice(-1, -7, -6)", "list(6)"),
    ("list(1, 2, 3) exSlice(1)", "list(2, 3)"),
])
def test_slice(expr, text):
    assert show(expr) == text


def test_slice_step_zero():
    assert error("list(1) slice(0, 1, 0)") == "Io Assertion 'step cannot be equal to zero'"


def test_slice_in_place():
    assert out("a := list(1, 2, 3, 4, 5, 6); a sliceInPlace(0, 6, 2); a println") == \
        "list(1, 3, 5)\n"
    assert out('a := list("a", "beta", 3); a sliceInPlace(-1, -4, -1); a println') == \
        'list(3, "beta", "a")\n'


# -- changing --------------------------------------------------------------------------
@pytest.mark.parametrize("code, text", [
    ('a := list("a", "beta", 3); a append(nil, 88); a push("x", "y")', 'list("a", "beta", 3, nil, 88, "x", "y")'),
    ("a := list(1, 2); a prepend(3, 4)", "list(4, 3, 1, 2)"),
    ("a := list(1); a appendIfAbsent(1, 2, 2, nil, 3)", "list(1, 2, nil, 3)"),
    ("a := list(1); a appendSeq(list(2, 3), list(), list(4))", "list(1, 2, 3, 4)"),
    ("a := list(1, nil, 2, nil); a remove(nil)", "list(1, 2)"),
    ('a := list(1, "a", 2, "a" asMutable); a remove("a", 1)', "list(2)"),
    ("a := list(1, 2, 3); a atInsert(0, 0); a atInsert(4, 9)", "list(0, 1, 2, 3, 9)"),
    ("a := list(1, 2, 3); a insertAt(9, 1)", "list(1, 9, 2, 3)"),
    ("a := list(1, 2, 3); a insertAfter(9, 2)", "list(1, 2, 9, 3)"),
    ("a := list(1, 2, 3); a insertBefore(9, 2)", "list(1, 9, 2, 3)"),
    ("a := list(1, 2, 3); a insertBefore(9, 7)", "list(1, 2, 3, 9)"),
    ("a := list(1, 2, 3); a atPut(1, 9)", "list(1, 9, 3)"),
    ("a := list(1, 2, 3); a swapIndices(0, 2)", "list(3, 2, 1)"),
    ("a := list(1, 2); a setSize(4)", "list(1, 2, nil, nil)"),
    ("a := list(1, 2, 3); a setSize(1)", "list(1)"),
    ("a := list(1, 2); a empty", "list()"),
    ("a := list(1, 2); a removeAll", "list()"),
    ("a := list(1, 2, 3); a reverseInPlace", "list(3, 2, 1)"),
    ("a := list(1, 2); a copy(list(3))", "list(3)"),
    ("a := list(1, 2, 3, 4); a removeSeq(list(2, 3))", "list(1, 4)"),
    ("a := list(1, 2); a preallocateToSize(100)", "list(1, 2)"),
])
def test_changing_returns_the_list(code, text):
    assert out(code + "; a println") == text + "\n"


def test_removing_answers_the_item():
    assert out("a := list(1, 2, 3); a removeAt(1) println; a println") == "2\nlist(1, 3)\n"
    assert out("a := list(1, 2, 3); a pop println; a removeLast println; a println") == \
        "3\n2\nlist(1)\n"
    assert out("a := list(1, 2); a removeFirst println; a println") == "1\nlist(2)\n"
    assert show("list() pop") == "nil"
    assert show("list() removeFirst") == "nil"


@pytest.mark.parametrize("code, text", [
    ("list(1) append", "Io Assertion 'requires at least one argument'"),
    ("list(1) push", "Io Assertion 'requires at least one argument'"),
    ("list(1) prepend", "Io Assertion 'requires at least one argument'"),
    ("list(1) remove", "Io Assertion 'requires at least one argument'"),
    ("list(1) appendSeq(nil)", "Io Assertion 'requires List objects as arguments'"),
    ("a := list(1); a appendSeq(a)", "can't add a list to itself\n"),
    ("list(1, 2) atInsert(3, 0)", "index out of bounds\n"),
    ("list(1, 2) atInsert(-1, 0)", "index out of bounds\n"),
    ("list(1, 2) atInsert(nil, 0)", "argument 0 to method 'atInsert' must be a Number, not a 'nil'"),
    ("list(1, 2) removeAt(2)", "index out of bounds\n"),
    ("list(1, 2) removeAt(-1)", "index out of bounds\n"),
    ("list(1, 2) atPut(2, 0)", "index out of bounds\n"),
    ("list(1, 2) atPut(-1, 0)", "index out of bounds\n"),
    ("list(1, 2) swapIndices(0, 2)", "index out of bounds\n"),
    ("list(1, 2) swapIndices(1, nil)", "argument 1 to method 'swapIndices' must be a Number, not a 'nil'"),
    ("list(1) preallocateToSize", "argument 0 to method 'preallocateToSize' must be a Number, not a 'nil'"),
    ("list(1) setSize(-1)", "IoMessage_locals_sizetArgAt_ attempt to get size_t value from negative number -1"),
])
def test_changing_errors(code, text):
    assert error(code) == text


# -- iteration -------------------------------------------------------------------------
def test_foreach_forms():
    assert out("list(1, 2) foreach(v, v print)") == "12"
    assert out("list(1, 2) foreach(i, v, write(i, v, \" \"))") == "01 12 "
    assert out("list(1, 2) foreach(println)") == "1\n2\n"


def test_foreach_answers_last_value_and_leaves_its_names():
    assert show('s := ""; list("a", "b") foreach(v, s = s .. v)') == "ab"
    assert out("f := method(list(1, 2) foreach(i, v, nil); write(i, v)); f") == "12"


def test_foreach_break_and_continue():
    assert show("list(1, 2, 3) foreach(v, if(v == 2, break(9)); v)") == "9"
    assert out("list(1, 2, 3) foreach(v, if(v == 2, continue); v print)") == "13"
    assert out("f := method(list(1, 2, 3) foreach(v, if(v == 2, return v * 10)); 0); "
               "f println") == "20\n"


def test_foreach_sees_changes_to_the_list():
    assert out("l := list(1, 2, 3); l foreach(i, v, if(i == 0, l append(9)); v print)") == \
        "1239"
    assert out("l := list(1, 2, 3); l foreach(i, v, l removeAt(0); v print)") == "13"


def test_foreach_needs_two_arguments():
    assert error("list(1) foreach") == "[List foreach] requires 2 arguments\n"


def test_reverse_foreach():
    assert out("list(1, 2, 3) reverseForeach(v, v print)") == "321"
    assert out("list(1, 2) reverseForeach(i, v, write(i, v, \" \"))") == "12 01 "
    assert show("list(1, 2, 3) reverseForeach(v, if(v == 2, break); v)") == "nil"
    assert out("l := list(1, 2, 3); l reverseForeach(i, v, l removeAt(i); v print); "
               "l println") == "321list()\n"
    assert error("list(1) reverseForeach(nil)") == \
        "[List reverseForeach] requires 2 arguments\n"


@pytest.mark.parametrize("expr, text", [
    ("list(1, 2, 3) map(x, x * 2)", "list(2, 4, 6)"),
    ("list(1, 2, 3) map(i, x, i * x)", "list(0, 2, 6)"),
    ("list(1, 2, 3) map(* 2)", "list(2, 4, 6)"),
    ("list(1, 2, 3) map(x, if(x == 2, continue); x)", "list(1, 3)"),
    ("list(1, 2, 3) map(x, if(x == 2, break); x)", "list(1)"),
    ("list(1, 2, 3) select(x, x > 1)", "list(2, 3)"),
    ("list(1, 2, 3) select(i, x, i == 0)", "list(1)"),
    ("list(1, nil, false, 2) select(v, v)", "list(1, 2)"),
    ('list(1, "a", 2) select(isKindOf(Number))', "list(1, 2)"),
    ("list(1, 2, 3, 4) detect(x, x > 2)", "3"),
    ("list(1, 2, 3, 4) detect(i, x, i == 1)", "2"),
    ("list(1, 2, 3, 4) detect(> 1)", "2"),
    ("list(1, 2) detect(x, x > 5)", "nil"),
])
def test_map_select_detect(expr, text):
    assert show(expr) == text


def test_map_style_methods_need_an_argument():
    for name in ("map", "select", "detect", "mapInPlace", "selectInPlace", "groupBy",
                 "reduce"):
        assert error(f"list(1) {name}") == "missing argument"


def test_map_does_not_leave_its_names_behind():
    assert out("f := method(list(1) map(i, v, v); list(1) select(w, w); "
               "write(getSlot(\"i\"), getSlot(\"v\"), getSlot(\"w\"))); f") == "nilnilnil"
    assert out("v := 5; list(1, 2) map(v, v); v println") == "5\n"


def test_map_body_sees_callers_slots():
    code = ("o := Object clone do(n := 10; go := method(list(1, 2) map(+ n))); "
            "o go println")
    assert out(code) == "list(11, 12)\n"


def test_map_does_not_change_the_list():
    assert out("a := list(1, 2); a map(x, x + 1); a select(x, x > 1); a println") == \
        "list(1, 2)\n"


def test_in_place_forms():
    assert out("a := list(1, 2, 3); a mapInPlace(x, x * x); a println") == "list(1, 4, 9)\n"
    assert out("a := list(1, 2, 3); a mapInPlace(i, x, i + x); a println") == "list(1, 3, 5)\n"
    assert out("a := list(1, 2, 3); a mapInPlace(+ 1); a println") == "list(2, 3, 4)\n"
    assert out("a := list(1, 5, 7, 2); a selectInPlace(v, v > 3); a println") == \
        "list(5, 7)\n"
    assert out("a := list(1, 5, 7, 2); a selectInPlace(i, v, i > 1); a println") == \
        "list(7, 2)\n"


def test_group_by():
    assert out('m := list("a", "b", "cd") groupBy(size); m keys sort println; '
               'm at("1") println') == 'list("1", "2")\nlist("a", "b")\n'
    assert show('list("a", "b", "cd") groupBy(i, v, i == 1) at("true")') == 'list("b")'
    assert show("list() groupBy(size) size") == "0"


@pytest.mark.parametrize("expr, text", [
    ("list(1, 2, 3) reduce(+)", "6"),
    ("list(1, 2, 3) reduce(-)", "-4"),
    ("list(1, 2, 3) reduce(x, y, x + y)", "6"),
    ("list(1, 2, 3) reduce(+, -6)", "0"),
    ("list(1, 2, 3) reduce(x, y, x + y, -6)", "0"),
    ("list() reduce(+)", "nil"),
    ("list(5) reduce(+)", "5"),
    ('list("a", "b") reduce(..)', "ab"),
    ("list(1, 2, 3) reverseReduce(-)", "0"),
    ("list(1, 2, 3) reverseReduce(x, y, x - y)", "0"),
    ("list(1, 2, 3) reverseReduce(+, -6)", "0"),
    ("list(1, 2, 3) sum", "6"),
    ("list() sum", "nil"),
    ("list(1, 2) average", "1.5"),
    ("list(3, 1, 2) max", "3"),
    ("list(3, 1, 2) min", "1"),
    ('list("b", "a") min', "a"),
    ('list("bb", "a", "ccc") max(size)', "ccc"),
    ('list("bb", "a", "ccc") min(size)', "a"),
    ("list() max", "nil"),
])
def test_folds(expr, text):
    assert show(expr) == text


def test_reduce_leaves_no_names():
    assert out('f := method(list(1, 2) reduce(x, y, x + y); write(getSlot("x"), '
               'getSlot("y"))); f') == "nilnil"


def test_average_of_empty_list():
    assert error("list() average") == "nil does not respond to '/'"


# -- sorting ---------------------------------------------------------------------------
@pytest.mark.parametrize("expr, text", [
    ("list(3, 1, 2) sort", "list(1, 2, 3)"),
    ('list("a", "beta", "3", "0") sort', 'list("0", "3", "a", "beta")'),
    ('list("b", "a" asMutable) sort', 'list("a", "b")'),
    ("list(list(2), list(1, 1), list(1)) sort", "list(list(\"1\"), list(\"2\"), list(\"1\", \"1\"))"),
    ("list(3, 1, 2) sortBy(block(a, b, a > b))", "list(3, 2, 1)"),
    ('list("aa", "b", "ccc") sortInPlace(size)', 'list("b", "aa", "ccc")'),
    ('list("ccc", "a", "bb") sortByKey(size)', 'list("a", "bb", "ccc")'),
    ("list(3, 1, 2) sortByKey(x, x negate)", "list(3, 2, 1)"),
    ("list(3, 1, 2) sortKey(negate) sort", "list(3, 2, 1)"),
    ("list(3, 1, 2) sortKey(negate) sort(>)", "list(1, 2, 3)"),
    ("list(3, 1, 2) sortKey(x, x negate) sort(a, b, a > b)", "list(1, 2, 3)"),
    ("list() sortInPlaceBy(block(x, y, x < y))", "list()"),
    ("list(3) sortInPlaceBy(block(x, y, x < y))", "list(3)"),
    ("list(3, 1) sortInPlaceBy(block(x, y, x < y))", "list(1, 3)"),
])
def test_sorting(expr, text):
    assert show(expr) == text


def test_sort_in_place_changes_the_list_and_sort_does_not():
    assert out("a := list(2, 1); a sort; a println; a sortInPlace; a println") == \
        "list(2, 1)\nlist(1, 2)\n"


def test_sort_uses_io_compare():
    code = ('P := Object clone do(n := 0; compare := method(o, n compare(o n))); '
            'l := list(3, 1, 2) map(x, p := P clone; p n := x; p); '
            'l sort map(n) println')
    assert out(code) == "list(1, 2, 3)\n"


def test_sort_by_is_stable_and_runs_a_block():
    code = ('list("bb", "a", "cc", "d") sortBy(block(x, y, x size < y size)) println')
    assert out(code) == 'list("a", "d", "bb", "cc")\n'


def test_sort_by_needs_a_block():
    assert error("list(1) sortInPlaceBy(nil)") == \
        "argument 0 to method 'sortInPlaceBy' must be a Block, not a 'nil'"
    assert error("list(1) sortInPlaceBy") == \
        "argument 0 to method 'sortInPlaceBy' must be a Block, not a 'nil'"


def test_reverse_is_a_copy():
    assert out("a := list(1, 2, 3); a reverse println; a println") == \
        "list(3, 2, 1)\nlist(1, 2, 3)\n"


# -- set-like operations ---------------------------------------------------------------
@pytest.mark.parametrize("expr, text", [
    ("list(1, 2, 2, 3, 1) unique", "list(1, 2, 3)"),
    ('list("a", "a" asMutable, list(1), list(1)) unique', 'list("a", list("1"))'),
    ("list(1, 2) union(list(2, 3))", "list(1, 2, 3)"),
    ("list(1, 2, 3) intersect(list(2, 3, 4))", "list(2, 3)"),
    ("list(1, 2, 3) difference(list(2))", "list(1, 3)"),
    ("list(1, 2, 1) uniqueCount", 'list(list("1", "2"), list("2", "1"))'),
    ("list(list(1, 2), 3, list(list(4))) flatten", "list(1, 2, 3, 4)"),
])
def test_set_operations(expr, text):
    assert show(expr) == text


# -- join ------------------------------------------------------------------------------
@pytest.mark.parametrize("expr, text", [
    ("list(1, 2, 3) join", "123"),
    ('list(1, 2, 3) join(", ")', "1, 2, 3"),
    ('list(1) join(", ")', "1"),
    ('list() join(", ")', ""),
    ('list(1, nil, true, "x", 2.5) join(",")', "1,nil,true,x,2.5"),
    ('list(1, 2) join(3)', "132"),
    ('list(1, 2) join(nil)', "12"),
    ('list(true, list(1)) join(",")', "true,list(1)"),
    ('list(1, Object clone do(asString := "X")) join("-")', "1-X"),
    ('list("a", "b") join(", ")', "a, b"),
    ('list("a", "b") join("")', "ab"),
    ('list("a", "b") join(false)', "ab"),
    ('list("a", "b" asMutable, "c") join("-")', "a-b-c"),
    ('list("a", 1) join("-" asMutable)', "a-1"),
])
def test_join(expr, text):
    assert show(expr) == text


def test_join_answers_a_mutable_sequence():
    assert show('list("a") join type') == "Sequence"
    assert show('list("a", "b") join == "ab"') == "true"


def test_join_of_many_numbers():
    code = "l := list(); for(i, 1, 2000, l append(i asString)); l join size println"
    assert out(code) == f"{sum(len(str(i)) for i in range(1, 2001))}\n"


# -- conversions -----------------------------------------------------------------------
def test_as_map():
    code = 'm := list(list("a", 1), list("b", 2)) asMap; m keys sort println; m at("b") println'
    assert out(code) == 'list("a", "b")\n2\n'


def test_encoded_list_round_trip():
    code = ('t := list(1, "test", nil, "foo", 3, 0.5); '
            'u := List fromEncodedList(t asEncodedList); (u == t) println; u println')
    assert out(code) == 'true\nlist(1, "test", nil, "foo", 3, 0.5)\n'


def test_as_json():
    assert show('list(1, "a", nil, list(true)) asJson') == '[1,"a",null,[true]]'


def test_cursor():
    code = ("c := list(1, 2, 3) cursor; c next; c value print; c next; c next print; "
            "c value print; c previous; c previous; c previous print; c value print")
    assert out(code) == "2false3false1"


def test_equality():
    assert show("list(1, 2) == list(1, 2)") == "true"
    assert show("list(1, 2) == list(2, 1)") == "false"
    assert show('list(1, list("a")) == list(1, list("a"))') == "true"
    assert show("list(1, 2) != list(1)") == "true"


def test_serialized():
    assert show('list(1, "a", nil, list(2)) serialized') == 'list(1, "a", nil, list(2););'
    assert show("doString(list(1, list(2)) serialized)") == 'list(1, list("2"))'


def test_slot_names_match_upstream():
    names = out("List slotNames sort foreach(n, n println)").split()
    assert "KeyedItems" not in names
    for name in ("append", "sortKey", "ListCursor", "asEncodedList", "exSlice", "with"):
        assert name in names


def test_primitive_on_another_type():
    assert error('o := Object clone; o append := List getSlot("append"); o append(1)') == \
        "CFunction defined for type List but called on type Object"


def test_list_in_an_object_printout():
    text = out('o := Object clone; o x := list(1, "a", list(2)); o println')
    assert text.splitlines()[1] == '  x                = list("1", "\\"a\\"", "list(\\"2\\")")'

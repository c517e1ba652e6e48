"""Operator shuffle tests: precedence, assignment rewriting, terminators, custom operators.

Expected strings are upstream ``Message code`` output for the same source (IoMessage_opShuffle.c
semantics, including its corner cases).
"""

from __future__ import annotations

import itertools

import pytest

from pyio_core.message import Message
from pyio_core.parser import (
    IoSyntaxError,
    OperatorTableData,
    default_operator_table,
    format_message,
    parse,
    parse_unshuffled,
    shuffle,
)
from pyio_core.parser.optable import MAX_LEVEL

PROTOS: list = []

LEVELS = {
    0: ["@", "@@", "?"],
    1: ["**"],
    2: ["*", "/", "%"],
    3: ["+", "-"],
    4: ["<<", ">>"],
    5: [">", "<", "<=", ">="],
    6: ["==", "!="],
    7: ["&"],
    8: ["^"],
    9: ["|"],
    10: ["and", "&&"],
    11: ["or", "||"],
    12: [".."],
    13: ["+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=", "<<=", ">>="],
    14: ["return"],
}


def s(src: str, ops: OperatorTableData | None = None) -> str:
    ops = default_operator_table() if ops is None else ops
    return format_message(parse(src, "shuffle.io", ops, PROTOS))


def shuffle_error(src: str, ops: OperatorTableData | None = None) -> IoSyntaxError:
    with pytest.raises(IoSyntaxError) as info:
        s(src, ops)
    return info.value


# -- the default table --------------------------------------------------------------------------
def test_default_table_is_upstreams() -> None:
    ops = default_operator_table()
    expected = {name: level for level, names in LEVELS.items() for name in names}
    assert ops.operators == expected
    assert ops.assign_operators == {":=": "setSlot", "=": "updateSlot", "::=": "newSlot"}


def test_default_table_is_a_fresh_copy() -> None:
    a = default_operator_table()
    a.operators["+"] = 9
    assert default_operator_table().operators["+"] == 3


# -- precedence ---------------------------------------------------------------------------------
def test_basic_precedence() -> None:
    assert s("1 + 2 * 3") == "1 +(2 *(3))"
    assert s("1 * 2 + 3") == "1 *(2) +(3)"
    assert s("1 + 2 + 3") == "1 +(2) +(3)"  # same level: left to right
    assert s("1 - 2 - 3") == "1 -(2) -(3)"
    assert s("a + b * c - d / e") == "a +(b *(c)) -(d /(e))"
    assert s("2 ** 3 ** 2") == "2 **(3) **(2)"


@pytest.mark.parametrize(
    "tight, loose",
    [
        (LEVELS[a][i % len(LEVELS[a])], LEVELS[b][i % len(LEVELS[b])])
        for i, (a, b) in enumerate(itertools.combinations(range(14), 2))
    ],
)
def test_every_pair_of_levels(tight: str, loose: str) -> None:
    assert s(f"x {tight} y {loose} z") == f"x {tight}(y) {loose}(z)"
    assert s(f"x {loose} y {tight} z") == f"x {loose}(y {tight}(z))"


@pytest.mark.parametrize("level", sorted(LEVELS))
def test_every_operator_is_binary(level: int) -> None:
    for op in LEVELS[level]:
        if op == "return":
            continue
        assert s(f"a {op} b") == f"a {op}(b)"
        assert s(f"a {op} b c") == f"a {op}(b c)"


def test_word_operators() -> None:
    assert s("a and b or c") == "a and(b) or(c)"
    assert s("a or b and c") == "a or(b and(c))"
    assert s("a == 1 and b != 2") == "a ==(1) and(b !=(2))"
    assert s("1 .. 2 + 3") == "1 ..(2 +(3))"


def test_operand_chains_stay_together() -> None:
    assert s("a b + c d * e f") == "a b +(c d *(e f))"
    assert s("list(1, 2) size + x foo") == "list(1, 2) size +(x foo)"


def test_operator_with_arguments_groups_like_parentheses() -> None:
    assert s("a +(2)") == "a +(2)"
    assert s("1 +(2) * 3") == "1 +((2) *(3))"
    assert s("1 + (2 + 3) * 4") == "1 +((2 +(3)) *(4))"
    assert s("a +(1, 2)") == "a +((1, 2))"
    assert s("(1 + 2) * 3") == "(1 +(2)) *(3)"


def test_return() -> None:
    assert s("return a + 1") == "return(a +(1))"
    assert s("return") == "return"
    assert s("return(x)") == "return(x)"
    assert s("if(a, return b)") == "if(a, return(b))"
    assert s("x := return 1") == 'setSlot("x", return(1))'


def test_unary_minus_is_not_a_literal() -> None:
    # upstream has no negative literals: "-" is an operator with no left operand
    m = parse("-1", "neg.io", default_operator_table(), PROTOS)
    assert m.name == "-" and m.args[0].cached == 1.0
    assert s("-1") == "-(1)"
    assert s("a - -1") == "a -(-(1))"
    assert s("x := -a * b") == 'setSlot("x", -(a *(b)))'


def test_operator_without_right_operand() -> None:
    assert s("a +") == "a +"
    assert s("a + ; b") == "a +(;\nb)"  # upstream: a pending operand swallows the ";"


def test_terminators_stop_the_shuffle() -> None:
    assert s("a + b; c * d") == "a +(b) ;\nc *(d)"
    assert s("a + b\nc + d\ne") == "a +(b) ;\nc +(d) ;\ne"


def test_arguments_are_shuffled_recursively() -> None:
    assert s("f(1 + 2, g(3 * 4 + 5))") == "f(1 +(2), g(3 *(4) +(5)))"
    assert s("[1 + 2, {a == b}]") == "squareBrackets(1 +(2), curlyBrackets(a ==(b)))"
    assert s("method(x, x * 2) call(3 + 4)") == "method(x, x *(2)) call(3 +(4))"


# -- assignment ---------------------------------------------------------------------------------
def test_assignment_operators() -> None:
    assert s("a := 1") == 'setSlot("a", 1)'
    assert s("a = 1") == 'updateSlot("a", 1)'
    assert s("a ::= 1") == 'newSlot("a", 1)'
    assert s("A := 1") == 'setSlotWithType("A", 1)'  # capitalised name with :=
    assert s("A = 1") == 'updateSlot("A", 1)'
    assert s("A ::= 1") == 'newSlot("A", 1)'
    assert s("_A := 1") == 'setSlot("_A", 1)'


def test_assignment_value_is_the_rest_of_the_expression() -> None:
    assert s("a := b c") == 'setSlot("a", b c)'
    assert s("a := b c; d") == 'setSlot("a", b c) ;\nd'
    assert s("a := 1 + 2 * 3") == 'setSlot("a", 1 +(2 *(3)))'
    assert s("a := b := c") == 'setSlot("a", setSlot("b", c))'
    assert s("a := b\nc := d") == 'setSlot("a", b) ;\nsetSlot("c", d)'


def test_assignment_target_is_the_last_message() -> None:
    assert s("a b := 1") == 'a setSlot("b", 1)'
    assert s("self x = x + 1") == 'self updateSlot("x", x +(1))'
    assert s("x + a := 1") == 'x +(setSlot("a", 1))'
    assert s("f(a := 1, b = 2)") == 'f(setSlot("a", 1), updateSlot("b", 2))'


def test_slot_name_message_is_a_string_literal() -> None:
    m = parse("foo := 1", "a.io", default_operator_table(), PROTOS)
    assert m.name == "setSlot"
    slot, value = m.args
    assert slot.name == '"foo"' and slot.cached == "foo"
    assert value.cached == 1.0
    assert m.cached is None


def test_assignment_with_parenthesised_value() -> None:
    assert s("a :=(1)") == 'setSlot("a", 1)'
    assert s("a :=(b c)") == 'setSlot("a", b c)'
    assert s("a :=(b c) d e") == 'setSlot("a", (b c) d e)'
    assert s("a :=(1) + 2") == 'setSlot("a", (1) +(2))'


def test_assignment_to_a_message_with_arguments() -> None:
    # upstream rewrites the target into the first argument; it then also re-attaches the
    # original value message after the rewritten send (kept as upstream does it)
    assert s("a(1) = b") == "updateSlot(a(1), b) b"
    assert s("x a(1, 2) = b c") == "x updateSlot(a(1, 2), b) b c"
    assert s("a(1) := b") == "setSlot(a(1), b) b"


def test_literal_target_loses_its_cached_value() -> None:
    m = parse("1 := 2", "a.io", default_operator_table(), PROTOS)
    assert m.name == "setSlot" and m.cached is None
    assert format_message(m) == 'setSlot("1", 2)'


@pytest.mark.parametrize(
    "src, message",
    [
        (":= 1", ":= requires an expression to its left."),
        ("= 1", "= requires an expression to its left."),
        ("a :=", ":= must be followed by a value."),
        ("a = ; b", "= must be followed by a value."),
        ("a :=(b, c)", "Assign operator passed multiple arguments, e.g., a := (b, c)."),
    ],
)
def test_assignment_errors(src: str, message: str) -> None:
    e = shuffle_error(src)
    assert e.message == message
    assert e.label == "shuffle.io"
    assert e.line == 1 and e.col >= 1
    assert e.caret().startswith(src.split("\n")[0])


def test_shuffle_error_position_points_at_operator() -> None:
    e = shuffle_error("x := 1\ny :=")
    assert (e.line, e.col) == (2, 3)
    assert e.caret() == "y :=\n  ^"


# -- custom tables ------------------------------------------------------------------------------
def test_user_added_operator_affects_later_parses() -> None:
    ops = default_operator_table()
    assert s("a +++ b * c", ops) == "a +++ b *(c)"  # unknown: an ordinary message
    ops.operators["+++"] = 3
    assert s("a +++ b * c", ops) == "a +++(b *(c))"
    ops.operators["+++"] = 1
    assert s("a +++ b * c", ops) == "a +++(b) *(c)"


def test_user_added_word_operator() -> None:
    ops = default_operator_table()
    ops.operators["xor"] = 9
    assert s("a xor b == c", ops) == "a xor(b ==(c))"


def test_user_added_assign_operator() -> None:
    ops = default_operator_table()
    ops.assign_operators["<-"] = "setSlot"
    assert s("a <- 1 + 2", ops) == 'setSlot("a", 1 +(2))'
    ops.assign_operators[":="] = "mySet"
    assert s("a := 1", ops) == 'mySet("a", 1)'
    assert s("Abc := 1", ops) == 'setSlotWithType("Abc", 1)'


def test_removed_operator_is_a_plain_message() -> None:
    ops = default_operator_table()
    del ops.operators["*"]
    assert s("1 + 2 * 3", ops) == "1 +(2 * 3)"


def test_empty_table_leaves_chains_alone() -> None:
    assert s("1 + 2 * 3; a := b", OperatorTableData()) == "1 + 2 * 3 ;\na := b"


@pytest.mark.parametrize(
    "value, message",
    [
        (MAX_LEVEL, "Precedence for operators must be between 0 and 31. Precedence was 32."),
        (-1, "Precedence for operators must be between 0 and 31. Precedence was -1."),
        ("3", "Value for '+' in Message OperatorTable operators is not a number."),
    ],
)
def test_bad_precedence_values(value, message: str) -> None:
    ops = default_operator_table()
    ops.operators["+"] = value
    assert shuffle_error("1 + 2", ops).message.startswith(message)


def test_float_precedence_is_truncated() -> None:
    ops = default_operator_table()
    ops.operators["+"] = 1.9  # Io numbers are floats; upstream uses IoNumber_asInt
    assert s("1 * 2 + 3", ops) == "1 *(2 +(3))"


def test_operator_stack_overflow() -> None:
    assert s("- " * 30 + "1").count("-(") == 30
    e = shuffle_error("- " * 40 + "1")
    assert e.message.startswith("Overflowed operator stack. Only 31 levels")


# -- shuffling hand-built messages --------------------------------------------------------------
def test_shuffle_works_on_built_chains() -> None:
    def msg(name: str) -> Message:
        return Message(name, None, PROTOS, 1, 1, "built")

    a, plus, b, times, c = msg("a"), msg("+"), msg("b"), msg("*"), msg("c")
    a.next, plus.next, b.next, times.next = plus, b, times, c
    assert shuffle(a, default_operator_table()) is a
    assert format_message(a) == "a +(b *(c))"


def test_shuffle_of_unshuffled_parse_matches_parse() -> None:
    src = "x := list(1, 2 + 3) map(v, v * 2) ; y = x size >= 2 and true"
    ops = default_operator_table()
    m = parse_unshuffled(src, "u.io", PROTOS)
    assert format_message(shuffle(m, ops)) == format_message(parse(src, "u.io", ops, PROTOS))


def test_shuffle_invalidates_compiled_code() -> None:
    # Io code can re-shuffle messages the evaluator already compiled: that code must be dropped
    m = parse_unshuffled("a + b", "c.io", PROTOS)

    class Root:
        code = loop_code = "compiled"
        entry = None
        hits = 5

    root = Root()
    m.units = [root]
    shuffle(m, default_operator_table())
    assert m.units is None
    assert (root.code, root.loop_code, root.hits) == (None, None, 0)

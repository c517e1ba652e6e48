"""Parser tests: tokens, literals, positions, chains, brackets and error reporting.

Most assertions compare ``format_message`` output -- upstream's ``Message code`` text, which is
what an Io user sees -- against what upstream Io prints for the same source.
"""

from __future__ import annotations

import random

import pytest

from pyio_core.message import Message
from pyio_core.parser import (
    IoSyntaxError,
    default_operator_table,
    format_message,
    parse,
    parse_unshuffled,
    unescape,
)

PROTOS: list = []


def raw(src: str) -> Message:
    return parse_unshuffled(src, "test.io", PROTOS)


def code(src: str) -> str:
    """Unshuffled code text."""
    return format_message(raw(src))


def shuffled(src: str) -> str:
    return format_message(parse(src, "test.io", default_operator_table(), PROTOS))


def chain(m: Message | None) -> list[Message]:
    out = []
    while m is not None:
        out.append(m)
        m = m.next
    return out


def all_messages(m: Message | None):
    for node in chain(m):
        yield node
        for arg in node.args:
            yield from all_messages(arg)


def error(src: str) -> IoSyntaxError:
    with pytest.raises(IoSyntaxError) as info:
        parse(src, "err.io", default_operator_table(), PROTOS)
    return info.value


# -- identifiers and operators ------------------------------------------------------------------
@pytest.mark.parametrize(
    "src, names",
    [
        ("foo", ["foo"]),
        ("foo_bar1 _x __", ["foo_bar1", "_x", "__"]),
        ("a.b", ["a.b"]),  # "." is an identifier character upstream
        ("at:put:", ["at:put:"]),  # so is ":" (after the first character)
        ("café naïve", ["café", "naïve"]),  # any non-ASCII character is a letter
        ("a+b", ["a", "+", "b"]),
        ("a :=b", ["a", ":=", "b"]),
        ("a:=b", ["a:", "=", "b"]),  # upstream quirk: the identifier takes the colon
        (":foo", [":", "foo"]),
        ("x <=> y", ["x", "<=>", "y"]),
        ("a @@ b ?c", ["a", "@@", "b", "?", "c"]),
        ("a $ b ' c ~ d \\ e", ["a", "$", "b", "'", "c", "~", "d", "\\", "e"]),
        ("1 .. 2", ["1", "..", "2"]),
        ("a ... b", ["a", "...", "b"]),
        ("1abc", ["1", "abc"]),
        ("1.foo", ["1.foo"]),  # a malformed number is read as an identifier
        ("1e", ["1e"]),
        ("1..2", ["1..2"]),
    ],
)
def test_token_names(src: str, names: list[str]) -> None:
    assert [m.name for m in chain(raw(src))] == names


def test_identifier_and_operator_names_are_plain_interned_str() -> None:
    m = raw("fooBarBaz + fooBarBaz")
    assert type(m.name) is str
    assert m.name is m.next.next.name


def test_opchars_are_upstreams() -> None:
    ops = ":'~!@$%^&*-+=|\\<>?/"
    assert [m.name for m in chain(raw("a " + ops + " b"))] == ["a", ops, "b"]
    for ch in ops:
        assert [m.name for m in chain(raw(f"a {ch} b"))] == ["a", ch, "b"]


# -- numbers ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "src, value",
    [
        ("1", 1.0),
        ("0", 0.0),
        ("42", 42.0),
        ("1.5", 1.5),
        ("1.50", 1.5),
        (".5", 0.5),
        ("1e10", 1e10),
        ("1E10", 1e10),
        ("1.5e-3", 1.5e-3),
        ("2e+2", 200.0),
        ("0xFF", 255.0),
        ("0xff", 255.0),
        ("0XfF", 255.0),
        ("0x10", 16.0),
        ("0xFFFFFFFFFFFFFFFFFF", float(2**64 - 1)),  # sscanf %llx saturates
        ("123456789012345678901234567890", 1.2345678901234568e29),
    ],
)
def test_number_literals(src: str, value: float) -> None:
    m = raw(src)
    assert m.name == src  # the message name is the source text
    assert type(m.cached) is float
    assert m.cached == value
    assert m.next is None and m.args == []


def test_hex_literal_is_greedy_like_upstream() -> None:
    # upstream's hex reader swallows any identifier/operator characters after 0x
    m = raw("0xFF+1")
    assert m.name == "0xFF+1" and m.cached == 255.0 and m.next is None
    assert raw("0x1G").cached == 1.0
    assert [m.name for m in chain(raw("0x"))] == ["0", "x"]


def test_number_followed_by_message() -> None:
    assert code("3 sqrt") == "3 sqrt"
    assert code("1.5e3 floor") == "1.5e3 floor"
    assert [m.name for m in chain(raw("1.2.3"))] == ["1.2", ".3"]


def test_number_with_arguments() -> None:
    m = raw("1(2)")
    assert m.cached == 1.0 and len(m.args) == 1 and m.args[0].cached == 2.0


# -- strings ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "src, value",
    [
        ('""', ""),
        ('"abc"', "abc"),
        ('"a\\nb"', "a\nb"),
        ('"\\t\\r\\f\\v\\a\\b"', "\t\r\f\v\a\b"),
        ('"q\\"q"', 'q"q'),
        ('"back\\\\slash"', "back\\slash"),
        ('"\\0"', "\x00"),
        ('"\\7"', "\x07"),
        ('"\\e[0m"', "e[0m"),  # no \e escape upstream: the backslash is dropped
        ('"\\x41\\x4a"', "AJ"),
        ('"\\x1b[1m"', "\x1b[1m"),
        ('"\\x9"', "\t"),
        ('"\\xg"', "xg"),
        ('"\\q"', "q"),
        ('"multi\nline"', "multi\nline"),
        ('"héllo ✓"', "héllo ✓"),
        ('"a // not a comment"', "a // not a comment"),
    ],
)
def test_string_literals(src: str, value: str) -> None:
    m = raw(src)
    assert m.name == src  # the name is the quoted source text, as upstream prints it
    assert m.cached == value
    assert type(m.cached) is str


@pytest.mark.parametrize(
    "src, value",
    [
        ('"""abc"""', "abc"),
        ('""""""', ""),
        ('"""a\\nb"""', "a\\nb"),  # no escape processing
        ('"""say "hi" now"""', 'say "hi" now'),
        ('"""line1\nline2"""', "line1\nline2"),
    ],
)
def test_triple_quoted_strings(src: str, value: str) -> None:
    m = raw(src)
    assert m.name == src
    assert m.cached == value


def test_string_followed_by_messages() -> None:
    assert code('"a" .. "b" size') == '"a" .. "b" size'
    m = raw('"x"(1)')
    assert m.cached == "x" and len(m.args) == 1


def test_unescape_edge_cases() -> None:
    assert unescape("plain") == "plain"
    assert unescape("end\\") == "end\\"
    assert unescape("\\x") == "x"
    assert unescape("\\\\n") == "\\n"


# -- comments and whitespace --------------------------------------------------------------------
@pytest.mark.parametrize(
    "src, expected",
    [
        ("a // comment\nb", "a ;\nb"),
        ("a # comment\nb", "a ;\nb"),
        ("#!/usr/bin/env io\na", "a"),
        ("a /* inline */ b", "a b"),
        ("a /* multi\nline */ b", "a b"),
        ("a /* outer /* nested */ still comment */ b", "a b"),
        ("a /**/ b", "a b"),
        ("a /* c */ (1)", "a(1)"),
        ("a\tb\x0cc\rd", "a b c d"),
        ("a \\\n b", "a b"),  # backslash-newline continues the line
        ("a \\  \n b", "a b"),
        ("a; // trailing\n// whole line\n\nb", "a ;\nb"),
        ("/* only */", "nil"),
        ("// only", "nil"),
        ("   \n\n  ", "nil"),
        ("", "nil"),
    ],
)
def test_comments_and_whitespace(src: str, expected: str) -> None:
    assert code(src) == expected


def test_empty_source_is_nil_message() -> None:
    m = raw("")
    assert m.name == "nil" and m.args == [] and m.next is None and m.label == "test.io"


# -- terminators --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "src, expected",
    [
        ("a; b", "a ;\nb"),
        ("a\nb", "a ;\nb"),
        ("a;;; b", "a ;\nb"),
        ("a;\n;\n\n b", "a ;\nb"),
        ("a ; /* c */ ; b", "a ;\nb"),
        (";a", "a"),
        ("\n\na", "a"),
        ("a;", "a"),
        ("a\n\n", "a"),
        ("a b; c d\ne", "a b ;\nc d ;\ne"),
        ("f(a;b)", "f(a ;\nb)"),
        ("f(a\nb)", "f(a ;\nb)"),
        ("f(\n  a,\n  b\n)", "f(a, b)"),
        ("f(a\n, b)", "f(a, b)"),
        ("f(\n)", "f"),
        ("a\n(1)", "a ;\n(1)"),
        ("a\n[1]", "a ;\nsquareBrackets(1)"),
    ],
)
def test_terminators(src: str, expected: str) -> None:
    assert code(src) == expected


def test_terminator_message_shape() -> None:
    eol = raw("a;b").next
    assert eol.name == ";" and eol.args == [] and eol.cached is None
    assert eol.is_eol()


# -- arguments and brackets ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "src, expected",
    [
        ("f()", "f"),
        ("f(1)", "f(1)"),
        ("f(1, 2, 3)", "f(1, 2, 3)"),
        ("f (1)", "f(1)"),  # blanks between name and "(" are allowed
        ("f(a b, c d e)", "f(a b, c d e)"),
        ("f(g(h(1)))", "f(g(h(1)))"),
        ("f(1)(2)", "f(1) (2)"),
        ("(1)", "(1)"),
        ("(1, 2)", "(1, 2)"),
        ("()", ""),
        ("[1, 2]", "squareBrackets(1, 2)"),
        ("[]", "squareBrackets"),
        ("a[1]", "a squareBrackets(1)"),
        ("a [1]", "a squareBrackets(1)"),
        ("a[1][2]", "a squareBrackets(1) squareBrackets(2)"),
        ("{a, b}", "curlyBrackets(a, b)"),
        ("a {b}", "a curlyBrackets(b)"),
        ("{}", "curlyBrackets"),
        ("f([1], {2})", "f(squareBrackets(1), curlyBrackets(2))"),
        ("list(1, list(2, 3), 4) size", "list(1, list(2, 3), 4) size"),
    ],
)
def test_arguments_and_brackets(src: str, expected: str) -> None:
    assert code(src) == expected


def test_bracket_messages_are_named() -> None:
    m = raw("[1,2]")
    assert m.name == "squareBrackets" and [a.cached for a in m.args] == [1.0, 2.0]
    m = raw("a{x}").next
    assert m.name == "curlyBrackets" and m.args[0].name == "x"
    m = raw("(x)")
    assert m.name == "" and m.args[0].name == "x"


# -- positions, labels, protos ------------------------------------------------------------------
def test_positions() -> None:
    src = 'foo bar(1,\n    "two")\n  baz := 3 // c\n\tqux'
    m = raw(src)
    pos = {n.name: (n.line, n.col) for n in all_messages(m)}
    assert pos["foo"] == (1, 1)
    assert pos["bar"] == (1, 5)
    assert pos["1"] == (1, 9)
    assert pos['"two"'] == (2, 5)
    assert pos["baz"] == (3, 3)
    assert pos[":="] == (3, 7)
    assert pos["3"] == (3, 10)
    assert pos["qux"] == (4, 2)


def test_positions_after_multiline_tokens() -> None:
    src = '"a\nb" x\n/* 1\n2\n3 */ y """\n\n""" z \\\n w'
    pos = {n.name: (n.line, n.col) for n in all_messages(raw(src))}
    assert pos["x"] == (2, 4)
    assert pos["y"] == (5, 6)
    assert pos["z"] == (7, 5)
    assert pos["w"] == (8, 2)


def test_terminator_and_bracket_positions() -> None:
    m = raw("ab;cd\n[1]")
    eol1 = m.next
    assert (eol1.name, eol1.line, eol1.col) == (";", 1, 3)
    eol2 = eol1.next.next
    assert (eol2.name, eol2.line, eol2.col) == (";", 1, 6)  # the newline ends line 1
    sq = eol2.next
    assert (sq.name, sq.line, sq.col) == ("squareBrackets", 2, 1)
    assert (sq.args[0].line, sq.args[0].col) == (2, 2)
    paren = raw("  (x)")
    assert (paren.line, paren.col) == (1, 3)


def test_shuffle_created_messages_have_positions() -> None:
    m = parse("\n  abc := 1", "pos.io", default_operator_table(), PROTOS)
    assert (m.name, m.line, m.col) == ("setSlot", 2, 3)
    slot = m.args[0]
    assert (slot.name, slot.cached, slot.line, slot.col) == ('"abc"', "abc", 2, 3)


def test_label_and_protos_on_every_message() -> None:
    protos = [object()]
    m = parse("a := b(c, [d]) + 1; e {f}", "lbl.io", default_operator_table(), protos)
    nodes = list(all_messages(m))
    assert len(nodes) > 8
    for node in nodes:
        assert node.label == "lbl.io"
        assert node.protos is protos


# -- errors -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "src, message, line, col",
    [
        ("a(", "unmatched ()s", 1, 2),
        ("foo(1,\n  bar(2)", "unmatched ()s", 1, 4),
        ("[1, 2", "unmatched []s", 1, 1),
        ("x {", "unmatched {}s", 1, 3),
        ("a)", 'unexpected ")" without a matching "("', 1, 2),
        ("a\n  ]", 'unexpected "]" without a matching "["', 2, 3),
        ("f(a]", 'mismatched "]": expected ")"', 1, 4),
        ('"abc', "unterminated quote", 1, 1),
        ('x := "abc\n\ndef', "unterminated quote", 1, 6),
        ('"abc\\"', "unterminated quote", 1, 1),
        ("a /* never closed", "unterminated comment", 1, 3),
        ("a /* /* nested */", "unterminated comment", 1, 3),
        ("a `b`", "unexpected character '`'", 1, 3),
        ("ok\n\x01", "unexpected character '\\x01'", 2, 1),
        ("f(a,)", "missing argument in argument list", 1, 4),
        ("f(a,,b)", "missing argument in argument list", 1, 5),
        ("f(,a)", "missing argument in argument list", 1, 3),
        ("f(a,\n)", "missing argument in argument list", 1, 4),
        (", a", 'unexpected "," outside an argument list', 1, 1),
        ("a, b", 'unexpected "," outside an argument list', 1, 2),
    ],
)
def test_syntax_errors(src: str, message: str, line: int, col: int) -> None:
    e = error(src)
    assert (e.message, e.line, e.col, e.label) == (message, line, col, "err.io")


def test_error_caret_and_str() -> None:
    e = error("x := 1\nfoo(1,\n  2")
    assert e.caret() == "foo(1,\n   ^"
    assert str(e) == "err.io:2:4: unmatched ()s\nfoo(1,\n   ^"
    assert e.io_description() == 'compile error: "unmatched ()s" on line 2 character 4'


def test_error_caret_keeps_tabs() -> None:
    e = error("\t\tfoo)")
    assert e.caret() == "\t\tfoo)\n\t\t   ^"


def test_error_is_exception_with_attributes() -> None:
    e = error("a(")
    assert isinstance(e, Exception)
    assert e.source == "a("


def test_no_foreign_exception_escapes() -> None:
    """Random garbage either parses or raises IoSyntaxError -- never anything else."""
    rng = random.Random(1234)
    alphabet = 'ab1 .,;()[]{}"\\/*#\n:=+-x0`\t'
    ops = default_operator_table()
    for _ in range(3000):
        src = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        try:
            parse(src, "fuzz.io", ops, PROTOS)
        except IoSyntaxError as e:
            assert e.line >= 1 and e.col >= 1, src
            assert isinstance(str(e), str)


# -- round trips and the reference parser -------------------------------------------------------
CORPUS = [
    "a := 1 + 2 * 3",
    "Account := Object clone do(\n  balance := 0\n  deposit := method(v, balance = balance + v)\n)",
    "list(1, 2, 3) map(x, x * 2) select(x, x > 2 and x < 10 or x == 0)",
    'x := if(a == b, "yes\\n", """no""") .. 0x1F asString',
    'for(i, 1, 10, write(i, "\\n")); return self',
    "[1, 2] foreach(v, v println) ; {a: 1} size",
    "a b c(d e, f(g)) h [i] {j}",
    "// comment\nfoo /* x */ bar # y\n\nbaz",
    "a - -1 ** 2 @ b ?c",
    "x ::= y += 3 <<= 2",
]


@pytest.mark.parametrize("src", CORPUS)
def test_printed_code_parses_back_to_the_same_tree(src: str) -> None:
    once = shuffled(src)
    assert code(once) == once


def test_reshuffling_printed_code_is_not_always_identity() -> None:
    # Upstream quirk kept on purpose: an operator that already has arguments gets them wrapped
    # in "()" and only the last operator of a level has that wrapper removed again.
    assert shuffled("1 @(b) ?(c)") == "1 @((b)) ?(c)"
    assert shuffled("1 +(2)") == "1 +(2)"


@pytest.mark.parametrize("src", CORPUS + ["", "\n", "a;", "(x)", "f()", "f(\n)"])
def test_runtime_matches_lark_reference(src: str) -> None:
    pytest.importorskip("lark")
    from pyio_core.parser.reference import reference_parse

    ref = reference_parse(src, "ref.io", PROTOS)
    got = raw(src)
    if ref is None:
        assert got.name == "nil"
        return
    assert format_message(got) == format_message(ref)
    got_pos = [(n.name, n.line, n.col, n.cached) for n in all_messages(got)]
    ref_pos = [(n.name, n.line, n.col, n.cached) for n in all_messages(ref)]
    assert got_pos == ref_pos


def test_committed_tables_match_grammar() -> None:
    from pyio_core.parser import _tables
    from pyio_core.parser.gen_tables import grammar_hash

    assert _tables.GRAMMAR_HASH == grammar_hash(), "run python -m pyio_core.parser.gen_tables"

"""The Io grammar for lark (LALR, contextual lexer).

Io's syntax is tiny -- a program is a chain of messages -- so almost all of the work is in the
terminals, which reproduce upstream's hand-written lexer (IoLexer.c) as regular expressions:

* the order in which upstream *tries* token kinds (number, operator, identifier, quote) becomes
  terminal priority, so e.g. ``:=`` lexes as an operator but ``a:`` as an identifier;
* upstream backtracks when a number is malformed (``1.foo``, ``1e`` are identifiers), which the
  NUMBER pattern mirrors with possessive quantifiers and look-aheads;
* runs of ``;``/newline (with blanks and comments between them) collapse into one TERM token, as
  upstream emits a single terminator token for them;
* unterminated strings and comments match "BAD" terminals whose lexer callbacks raise a precise
  IoSyntaxError instead of letting the lexer fail somewhere further on.

The rules are written left-recursive and flat (no ``_inlined`` rules, ``keep_all_tokens``) so lark
calls our builder callbacks directly with no child-filtering wrapper: that is most of the speed.
"""

from __future__ import annotations

# -- regular expressions (Python ``re`` syntax) ----------------------------------------------
BLANK = r"[ \t\f\r\v]"
#: backslash + optional blanks + newline continues a line (upstream readSeparatorChar)
CONTINUATION = r"\\[ \t\f\r\v]*\n"
LINE_COMMENT = r"(?://|#)[^\n]*"


def _block_comment(depth: int) -> str:
    """``/* ... */`` with proper nesting up to ``depth`` levels (Python's re cannot recurse).

    Upstream nests block comments too; deeper nesting than this reports "unterminated comment".
    """
    body = r"[^*/]|\*(?!/)|/(?!\*)"
    pattern = r"/\*(?:" + body + r")*+\*/"
    for _ in range(depth - 1):
        pattern = r"/\*(?:" + body + "|" + pattern + r")*+\*/"
    return pattern


BLOCK_COMMENT = _block_comment(6)
COMMENT = "(?:" + LINE_COMMENT + "|" + BLOCK_COMMENT + ")"
WS = "(?:" + BLANK + "|" + CONTINUATION + ")+"
TERM = r"[;\n](?:[ \t\f\r\v;\n]|" + CONTINUATION + "|" + COMMENT + ")*+"
BAD_COMMENT = r"/\*[\s\S]*"

#: upstream IoLexer_readOpChar
OP_CHARS = ":'~!@$%^&*-+=|\\<>?/"
#: upstream IoLexer_readLetter + readDigit + readSpecialChar ("._"); any non-ASCII is a letter
IDENT_ASCII = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789:._"


def _ascii_class(chars: str, non_ascii: bool) -> str:
    """A regex character class for ``chars`` (plus every non-ASCII character if asked).

    The non-ASCII case is written as a negated class of the excluded ASCII characters: a
    ``\\u0080-\\U0010ffff`` range costs ~2.5 ms to compile, which is start-up time.
    """
    if not non_ascii:
        return "[" + "".join(_class_char(ord(c)) for c in chars) + "]"
    excluded = [i for i in range(128) if chr(i) not in chars]
    ranges = []
    for i in excluded:
        if ranges and ranges[-1][1] == i - 1:
            ranges[-1][1] = i
        else:
            ranges.append([i, i])
    parts = "".join(
        _class_char(a) if a == b else _class_char(a) + "-" + _class_char(b) for a, b in ranges
    )
    return "[^" + parts + "]"


def _class_char(i: int) -> str:
    # printable punctuation as "\\c" (lark keeps those for re as they are); control
    # characters as \\xHH (lark turns those into the character itself, which re accepts)
    c = chr(i)
    if c.isalnum() or c == "/":  # "/" unescaped: _lark_regex escapes it for lark
        return c
    return "\\" + c if 0x20 <= i < 0x7F else f"\\x{i:02x}"


OP = _ascii_class(OP_CHARS, False) + "+"
IDENT = _ascii_class(IDENT_ASCII, True) + "+"
#: "0x" then any run of identifier/operator characters (upstream readHexNumber is that greedy)
HEX = "0[xX]" + _ascii_class(IDENT_ASCII + OP_CHARS, True) + "+"
#: digits with optional .digits, or .digits; an optional exponent.  A '.' or 'e' that does not
#: complete the number makes the whole number fail (upstream then reads an identifier).
NUMBER = r"(?:[0-9]++(?:\.[0-9]++|(?!\.))|\.[0-9]++)(?:[eE][-+]?[0-9]++|(?![eE]))"
TRISTRING = r'"""[\s\S]*?"""'
STRING = r'"(?:[^"\\]|\\[\s\S])*+"'
BAD_STRING = r'"[\s\S]*'


def _lark_regex(pattern: str) -> str:
    """Quote a Python regex as a lark ``/.../`` literal.

    lark evaluates escapes in the literal in a way that hands ``\\x``-style regex escapes to
    ``re`` unchanged, so only the delimiter ``/`` needs escaping.
    """
    return "/" + pattern.replace("/", "\\/") + "/"


_SYMBOLS = ("IDENT", "OP", "NUMBER", "HEX", "STRING", "TRISTRING")


def _msg_rule() -> str:
    alts = []
    for s in _SYMBOLS:
        alts.append(f"{s} -> m_sym")
        alts.append(f'{s} "(" ")" -> m_sym')
        alts.append(f'{s} "(" arglist ")" -> m_call')
    for open_, close, name in (("(", ")", "paren"), ("[", "]", "square"), ("{", "}", "curly")):
        alts.append(f'"{open_}" "{close}" -> m_{name}_empty')
        alts.append(f'"{open_}" arglist "{close}" -> m_{name}')
    return "msg: " + "\n   | ".join(alts)


def grammar_text() -> str:
    """The lark grammar: terminals from the patterns above plus a handful of flat rules."""
    terminals = [
        ("WS", 9, WS),
        ("COMMENT", 8, COMMENT),
        ("TERM", 8, TERM),
        ("BAD_COMMENT", 7, BAD_COMMENT),
        ("TRISTRING", 6, TRISTRING),
        ("STRING", 5, STRING),
        ("BAD_STRING", 4, BAD_STRING),
        ("HEX", 3, HEX),
        ("NUMBER", 2, NUMBER),
        ("OP", 1, OP),
        ("IDENT", 0, IDENT),
    ]
    lines = [
        "start: chain",
        "     | -> start_empty",
        "chain: msg -> chain_first",
        "     | TERM -> chain_first",
        "     | chain msg -> chain_add",
        "     | chain TERM -> chain_add",
        "arglist: chain -> arglist_first",
        '       | arglist "," chain -> arglist_add',
        _msg_rule(),
        "",
    ]
    for name, prio, pattern in terminals:
        lines.append(f"{name}.{prio}: {_lark_regex(pattern)}")
    lines += ["%ignore WS", "%ignore COMMENT", "%ignore BAD_COMMENT", "%ignore BAD_STRING", ""]
    return "\n".join(lines)

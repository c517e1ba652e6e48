"""The fast parser: one regex scanner plus an LALR driver over lark-generated tables.

Why not lark's own runtime?  Importing lark and building the tables costs ~90 ms, over the
interpreter's whole start-up budget, and lark's generic lexer/parser loop (Token objects,
position bookkeeping, one callback per reduction) manages ~22k lines/s.  The tables lark computes
are committed in _tables.py; this module drives them with a loop specialised for this grammar:

* blanks before a token are eaten by the same regex match as the token;
* identifier/operator/literal tokens become Message objects the moment they are scanned;
* the two reductions that happen for nearly every token (``msg: SYMBOL`` and
  ``chain: chain msg``) are done inline instead of through a callback;
* line/column are tracked incrementally, only tokens that can contain newlines pay for it.

Lexing with a single scanner is equivalent to lark's contextual lexer here (gen_tables asserts
the property that makes it so).  Other reductions call the MessageBuilder methods, exactly as
lark does when it is given the builder as ``transformer=`` -- tests run both and compare.
"""

from __future__ import annotations

import re
from sys import intern

from ..message import Message
from . import _tables, grammar
from .builder import MessageBuilder, literal_value
from .errors import IoSyntaxError

# reduction kinds
_CALL = 0  # builder callback(children)
_PASS = 1  # one child, value unchanged (msg: SYMBOL)
_APPEND = 2  # list + item (chain: chain item)


class ParseFailure(Exception):
    """No action for a token: the caller asks diagnose() what went wrong."""

    def __init__(self, line: int, col: int, what: str) -> None:
        super().__init__(what)
        self.line = line
        self.column = col
        self.what = what


class _Pos:
    """Position of a punctuation or terminator token (what builder callbacks read)."""

    __slots__ = ("line", "column", "type")

    def __init__(self, line: int, column: int, type_: str) -> None:
        self.line = line
        self.column = column
        self.type = type_


def _scanner() -> re.Pattern:
    # Order = lark terminal priority; leading blanks are skipped by the same match.
    alternatives = [
        ("CONT", grammar.CONTINUATION),
        ("LCOMMENT", grammar.LINE_COMMENT),
        ("BCOMMENT", grammar.BLOCK_COMMENT),
        ("TERM", grammar.TERM),
        ("BAD_COMMENT", grammar.BAD_COMMENT),
        ("TRISTRING", grammar.TRISTRING),
        ("STRING", grammar.STRING),
        ("BAD_STRING", grammar.BAD_STRING),
        ("HEX", grammar.HEX),
        ("NUMBER", grammar.NUMBER),
        ("OP", grammar.OP),
        ("IDENT", grammar.IDENT),
        ("PUNCT", r"[(),\[\]{}]"),
    ]
    body = "|".join(f"(?P<{name}>{pattern})" for name, pattern in alternatives)
    return re.compile(grammar.BLANK + "*+(?:" + body + ")")


class Parser:
    """Parses with the committed tables; one instance per process is enough."""

    def __init__(self, builder: MessageBuilder) -> None:
        self.builder = builder
        self.match = _scanner().match
        rules = []
        for lhs, size, name in _tables.RULES:
            if name == "m_sym" and size == 1:
                rules.append((lhs, size, _PASS, None))
            elif name == "chain_add":
                rules.append((lhs, size, _APPEND, None))
            else:
                rules.append((lhs, size, _CALL, getattr(builder, name)))
        self.rules = rules

    def parse(self, text: str) -> Message | None:
        """Parse ``text`` into an unshuffled chain (None for empty input).

        Raises IoSyntaxError (bad tokens, builder errors) or ParseFailure (grammar errors).
        """
        builder = self.builder
        protos = builder.protos
        label = builder.label
        match = self.match
        actions = _tables.ACTIONS
        gotos = _tables.GOTOS
        rules = self.rules
        punct = _tables.PUNCT
        end_state = _tables.END

        states = [_tables.START]
        values: list = []
        state = _tables.START
        pos = 0
        n = len(text)
        line = 1
        line_start = 0  # index of the first character of the current line

        while True:
            # ---- scan one token ---------------------------------------------------------
            if pos >= n:
                kind = "$END"
                value = None
                col = pos - line_start + 1
            else:
                m = match(text, pos)
                if m is None:
                    rest = text[pos:]
                    stripped = rest.lstrip(" \t\f\r\v")
                    if not stripped:
                        pos = n
                        continue
                    bad = pos + len(rest) - len(stripped)
                    raise IoSyntaxError(
                        f"unexpected character {text[bad]!r}", label, line, bad - line_start + 1
                    )
                kind = m.lastgroup
                start = m.start(kind)
                pos = m.end()
                col = start - line_start + 1
                if kind == "IDENT" or kind == "OP":
                    value = Message(intern(text[start:pos]), None, protos, line, col, label)
                elif kind == "PUNCT":
                    kind = punct[text[start]]
                    value = _Pos(line, col, kind)
                elif kind == "TERM":
                    value = _Pos(line, col, kind)
                    nl = text.count("\n", start, pos)
                    if nl:
                        line += nl
                        line_start = text.rfind("\n", start, pos) + 1
                elif kind == "LCOMMENT":
                    continue
                elif kind == "CONT" or kind == "BCOMMENT":
                    nl = text.count("\n", start, pos)
                    if nl:
                        line += nl
                        line_start = text.rfind("\n", start, pos) + 1
                    continue
                elif kind == "BAD_STRING":
                    raise IoSyntaxError("unterminated quote", label, line, col)
                elif kind == "BAD_COMMENT":
                    raise IoSyntaxError("unterminated comment", label, line, col)
                else:  # NUMBER, HEX, STRING, TRISTRING
                    token = text[start:pos]
                    value = Message(
                        token, None, protos, line, col, label, literal_value(kind, token)
                    )
                    if kind != "NUMBER" and kind != "HEX":
                        nl = token.count("\n")
                        if nl:
                            line += nl
                            line_start = start + token.rfind("\n") + 1

            # ---- feed it to the LALR automaton ------------------------------------------
            while True:
                action = actions[state].get(kind)
                if action is None:
                    what = "end of input" if kind == "$END" else repr(text[start:pos])
                    raise ParseFailure(line, col, what)
                if action >= 0:
                    states.append(action)
                    values.append(value)
                    state = action
                    break
                lhs, size, how, callback = rules[~action]
                if how == _PASS:
                    del states[-1]
                    result = values.pop()
                elif how == _APPEND:
                    del states[-2:]
                    item = values.pop()
                    result = values.pop()
                    result.append(item)
                elif size:
                    children = values[-size:]
                    del values[-size:]
                    del states[-size:]
                    result = callback(children)
                else:
                    result = callback([])
                state = gotos[states[-1]][lhs]
                states.append(state)
                values.append(result)
                if state == end_state and kind == "$END":
                    return result

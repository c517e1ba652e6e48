"""Parse-time callbacks that turn lark reductions straight into Message chains.

lark calls one method per grammar rule as it reduces (``transformer=`` on an LALR parser), so
no parse tree is ever built.  Chains are collected as Python lists of messages and terminator
tokens and linked once, when the enclosing argument list or program is complete: that keeps the
hot callbacks tiny and lets the "drop leading/trailing terminators" rule live in one place.

Literal values follow upstream IoMessage_ifPossibleCacheToken_: the message name keeps the
source text (``"a\\n"``, ``1.50``, ``0xFF``) and ``cached`` gets the Python value.
"""

from __future__ import annotations

from sys import intern

from ..message import Message
from .errors import IoSyntaxError

_SIMPLE_ESCAPES = {
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
}
_HEX_DIGITS = "0123456789abcdefABCDEF"
_ULLONG_MAX = (1 << 64) - 1


def unescape(text: str) -> str:
    """Process backslash escapes the way upstream UArray_unescape does.

    ``\\a \\b \\f \\n \\r \\t \\v``, ``\\xH``/``\\xHH`` (hex byte), ``\\0``-``\\9`` (that digit's
    code point, e.g. ``\\0`` is NUL), a trailing lone backslash stays; any other escaped character
    is kept without its backslash (``\\"`` -> ``"``, ``\\e`` -> ``e``).
    """
    if "\\" not in text:
        return text
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        if i + 1 >= n:
            out.append("\\")
            break
        c = text[i + 1]
        simple = _SIMPLE_ESCAPES.get(c)
        if simple is not None:
            out.append(simple)
        elif c == "x" and i + 2 < n and text[i + 2] in _HEX_DIGITS:
            value = int(text[i + 2], 16)
            i += 1
            if i + 2 < n and text[i + 2] in _HEX_DIGITS:
                value = value * 16 + int(text[i + 2], 16)
                i += 1
            out.append(chr(value))
        elif "0" <= c <= "9":
            out.append(chr(ord(c) - 48))
        else:
            out.append(c)
        i += 2
    return "".join(out)


def hex_value(text: str) -> float:
    """Value of a ``0x...`` token: leading hex digits after ``0x`` (upstream uses sscanf %llx,
    which stops at the first non-hex character and saturates at 2**64-1)."""
    end = 2
    n = len(text)
    while end < n and text[end] in _HEX_DIGITS:
        end += 1
    if end == 2:
        return 0.0
    return float(min(int(text[2:end], 16), _ULLONG_MAX))


def untriquote(text: str) -> str:
    """Strip up to three layers of surrounding double quotes (upstream rawAsUntriquotedSymbol)."""
    for _ in range(3):
        if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
            text = text[1:-1]
        elif text == '"':
            # a lone quote both begins and ends with a quote; upstream removes first then last
            text = ""
    return text


def literal_value(kind: str, text: str) -> object:
    """The cached value of a literal token of terminal ``kind``."""
    if kind == "NUMBER":
        return float(text)
    if kind == "STRING":
        return unescape(text[1:-1])
    if kind == "TRISTRING":
        return untriquote(text)
    return hex_value(text)


class MessageBuilder:
    """Rule callbacks (named like the rule aliases in grammar.py) plus per-parse context.

    runtime.py calls these by rule; lark calls them too when used as ``transformer=`` (the
    reference parser in tests).  ``label``/``protos`` are set before each parse.
    """

    def __init__(self) -> None:
        self.label = ""
        self.protos: list = []

    # -- symbols: called at shift time, so rules see Messages, never tokens ------------------
    def IDENT(self, tok) -> Message:
        return Message(intern(tok.value), None, self.protos, tok.line, tok.column, self.label)

    OP = IDENT

    def _literal(self, tok) -> Message:
        text = tok.value
        value = literal_value(tok.type, text)
        return Message(text, None, self.protos, tok.line, tok.column, self.label, value)

    NUMBER = HEX = STRING = TRISTRING = _literal

    # -- messages ----------------------------------------------------------------------------
    def m_sym(self, children: list) -> Message:
        # SYMBOL  |  SYMBOL "(" ")"
        return children[0]

    def m_call(self, children: list) -> Message:
        msg = children[0]
        msg.args = _finish_args(children[2])
        return msg

    def _group(self, name: str, open_tok, arglist: list | None) -> Message:
        args = _finish_args(arglist) if arglist is not None else None
        return Message(name, args, self.protos, open_tok.line, open_tok.column, self.label)

    def m_paren(self, children: list) -> Message:
        return self._group("", children[0], children[1])

    def m_paren_empty(self, children: list) -> Message:
        return self._group("", children[0], None)

    def m_square(self, children: list) -> Message:
        return self._group("squareBrackets", children[0], children[1])

    def m_square_empty(self, children: list) -> Message:
        return self._group("squareBrackets", children[0], None)

    def m_curly(self, children: list) -> Message:
        return self._group("curlyBrackets", children[0], children[1])

    def m_curly_empty(self, children: list) -> Message:
        return self._group("curlyBrackets", children[0], None)

    # -- chains and argument lists ----------------------------------------------------------
    def chain_first(self, children: list) -> list:
        return children

    def chain_add(self, children: list) -> list:
        items = children[0]
        items.append(children[1])
        return items

    def arglist_first(self, children: list) -> list:
        return [self.link(children[0])]

    def arglist_add(self, children: list) -> list:
        args = children[0]
        head = self.link(children[2])
        if head is None or args[-1] is None:
            comma = children[1]
            raise IoSyntaxError(
                "missing argument in argument list", self.label, comma.line, comma.column
            )
        args.append(head)
        return args

    def start(self, children: list) -> Message | None:
        return self.link(children[0])

    def start_empty(self, children: list) -> None:
        return None

    def link(self, items: list) -> Message | None:
        """Link messages into a chain; each inner run of terminators becomes one ";" message.

        Leading and trailing terminators are dropped, as upstream's parser does.
        """
        head = None
        last = None
        pending = None
        for item in items:
            if item.__class__ is Message:
                if last is None:
                    head = last = item
                    pending = None
                    continue
                if pending is not None:
                    eol = Message(";", None, self.protos, pending.line, pending.column, self.label)
                    last.next = eol
                    last = eol
                    pending = None
                last.next = item
                last = item
            elif last is not None and pending is None:
                pending = item
        return head


def _finish_args(args: list) -> list:
    # a lone argument holding only terminators, as in "(\n)", is an empty argument list
    if len(args) == 1 and args[0] is None:
        return []
    return args

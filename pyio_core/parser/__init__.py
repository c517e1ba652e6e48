"""Io source text -> shuffled Message chains.

    parse(source, label, ops, protos) -> Message

The grammar lives in grammar.py; lark turns it into LALR(1) tables ahead of time (gen_tables.py
writes _tables.py), and runtime.py drives those tables with a regex scanner, calling the
MessageBuilder callbacks as rules reduce -- so Messages are built during the parse and no tree
is ever made, and start-up costs ~1 ms instead of lark's ~90 ms.  The operator shuffle
(shuffle.py) then applies the precedences in ``ops``.  Every problem surfaces as IoSyntaxError
with label/line/col and a caret line; nothing else escapes.
"""

from __future__ import annotations

from ..message import Message
from .builder import MessageBuilder, unescape
from .errors import IoSyntaxError
from .optable import OperatorTableData, default_operator_table
from .printer import format_message
from .runtime import ParseFailure, Parser
from .shuffle import shuffle

__all__ = [
    "IoSyntaxError",
    "OperatorTableData",
    "default_operator_table",
    "format_message",
    "parse",
    "parse_unshuffled",
    "shuffle",
    "unescape",
]

_builder = MessageBuilder()
_parser: Parser | None = None


def _get_parser() -> Parser:
    """The process-wide parser (cheap to build: the LALR tables are precomputed)."""
    global _parser
    if _parser is None:
        _parser = Parser(_builder)
    return _parser


def parse_unshuffled(source: str, label: str, protos: list) -> Message:
    """Parse without the operator shuffle (what ``Message fromString`` sees before shuffling)."""
    parser = _get_parser()
    builder = _builder
    saved = builder.label, builder.protos
    builder.label = label
    builder.protos = protos
    try:
        head = parser.parse(source)
    except IoSyntaxError as e:
        e.source = source
        e.label = label
        raise
    except ParseFailure as e:
        raise _convert(e, source, label) from None
    finally:
        builder.label, builder.protos = saved
    if head is None:
        # upstream IoMessage_newParse: empty input is the message "nil"
        head = Message("nil", None, protos, 1, 1, label)
    return head


def parse(source: str, label: str, ops: OperatorTableData, protos: list) -> Message:
    """Parse Io source into a shuffled message chain.

    ``label`` (usually the file name) is stored on every message; ``protos`` becomes every
    message's protos list; ``ops`` supplies operator precedences and assignment operators.
    Raises IoSyntaxError on any lexical, syntactic or shuffle error.
    """
    head = parse_unshuffled(source, label, protos)
    try:
        return shuffle(head, ops)
    except IoSyntaxError as e:
        e.source = source
        raise


def _convert(exc: ParseFailure, source: str, label: str) -> IoSyntaxError:
    """Describe a grammar error precisely (diagnose) or fall back to "unexpected X"."""
    from .diagnose import diagnose

    fallback = IoSyntaxError(f"unexpected {exc.what}", label, exc.line, exc.column, source)
    return diagnose(source, label, fallback)

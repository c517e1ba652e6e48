"""The same parse done by lark's own runtime (``transformer=`` builds Messages while parsing).

Not used by the interpreter -- runtime.py is much faster to start and to run -- but it is the
reference the tests compare runtime.py against, so the hand-driven tables can never silently
disagree with what lark makes of grammar.py.  Needs lark installed.
"""

from __future__ import annotations

from ..message import Message
from .builder import MessageBuilder
from .errors import IoSyntaxError


def reference_parse(source: str, label: str, protos: list) -> Message | None:
    """Parse with lark (unshuffled chain, None for empty input)."""
    from .gen_tables import build_lark

    builder = MessageBuilder()
    builder.label = label
    builder.protos = protos

    def unterminated(message: str):
        def callback(tok):
            raise IoSyntaxError(message, label, tok.line, tok.column, source)

        return callback

    parser = build_lark(
        transformer=builder,
        lexer_callbacks={
            "BAD_STRING": unterminated("unterminated quote"),
            "BAD_COMMENT": unterminated("unterminated comment"),
        },
    )
    return parser.parse(source)

"""Message -> Io source text, in upstream's ``Message code`` / ``asString`` format.

Round-tripping (parse, print, parse again) is how users and tests see what the parser and the
shuffle did, so the layout follows upstream IoMessage_appendDescriptionTo_follow_ exactly:
``name(arg1, arg2)``, a space between messages of a chain, and a newline after each ``;``.
"""

from __future__ import annotations

from ..message import Message


def format_message(m: Message, follow: bool = True) -> str:
    """Source text for ``m`` and (unless ``follow`` is False) the rest of its chain."""
    out: list[str] = []
    _append(m, out, follow)
    return "".join(out)


def _append(m: Message | None, out: list[str], follow: bool) -> None:
    while m is not None:
        name = m.name
        out.append(name)
        args = m.args
        if args:
            out.append("(")
            first = True
            for arg in args:
                if not first:
                    out.append(", ")
                first = False
                _append(arg, out, True)
            out.append(")")
        if not follow:
            return
        if name == ";":
            out.append("\n")
        elif m.next is not None:
            out.append(" ")
        m = m.next

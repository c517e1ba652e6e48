"""Turn a failed parse into a precise IoSyntaxError.

lark only knows "unexpected token X"; Io users need "unmatched ()s" pointing at the bracket that
was never closed, or "missing argument" pointing at the comma.  Errors are rare, so this re-scans
the source with a small stand-alone tokenizer (built from the same patterns as the grammar) and
checks bracket structure; it never runs on the fast path.
"""

from __future__ import annotations

import re

from . import grammar
from .errors import IoSyntaxError

_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {")": "(", "]": "[", "}": "{"}

_SCANNER = None


def _scanner() -> re.Pattern:
    global _SCANNER
    if _SCANNER is None:
        parts = [
            ("skip", grammar.WS),
            ("skip", grammar.COMMENT),
            ("term", grammar.TERM),
            ("badcomment", grammar.BAD_COMMENT),
            ("sym", grammar.TRISTRING),
            ("sym", grammar.STRING),
            ("badstring", grammar.BAD_STRING),
            ("sym", grammar.HEX),
            ("sym", grammar.NUMBER),
            ("sym", grammar.OP),
            ("sym", grammar.IDENT),
            ("punct", r"[()\[\]{},]"),
        ]
        pattern = "|".join(f"(?P<{kind}{i}>{p})" for i, (kind, p) in enumerate(parts))
        _SCANNER = re.compile(pattern)
    return _SCANNER


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def diagnose(text: str, label: str, fallback: IoSyntaxError) -> IoSyntaxError:
    """Find the first structural problem in ``text``; ``fallback`` if none is found."""

    def err(message: str, pos: int) -> IoSyntaxError:
        line, col = _line_col(text, pos)
        return IoSyntaxError(message, label, line, col, text)

    scanner = _scanner()
    stack: list[tuple[str, int]] = []
    prev = None  # previous significant token text (None at start)
    prev_pos = 0
    pos = 0
    n = len(text)
    while pos < n:
        m = scanner.match(text, pos)
        if m is None:
            return err(f"unexpected character {text[pos]!r}", pos)
        kind = m.lastgroup.rstrip("0123456789")
        tok = m.group()
        start = pos
        pos = m.end()
        if kind == "skip" or kind == "term":
            continue
        if kind == "badcomment":
            return err("unterminated comment", start)
        if kind == "badstring":
            return err("unterminated quote", start)
        if kind == "punct":
            if tok in _OPENERS:
                stack.append((tok, start))
            elif tok in _CLOSERS:
                if prev == ",":
                    return err("missing argument in argument list", prev_pos)
                if not stack:
                    return err(f'unexpected "{tok}" without a matching "{_CLOSERS[tok]}"', start)
                opener, _ = stack.pop()
                if _OPENERS[opener] != tok:
                    return err(f'mismatched "{tok}": expected "{_OPENERS[opener]}"', start)
            else:  # comma
                if not stack:
                    return err('unexpected "," outside an argument list', start)
                if prev == "," or prev in _OPENERS:
                    return err("missing argument in argument list", start)
        prev = tok if kind == "punct" else "sym"
        prev_pos = start
    if stack:
        opener, start = stack[-1]
        return err(f"unmatched {opener}{_OPENERS[opener]}s", start)
    return fallback

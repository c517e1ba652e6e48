"""IoSyntaxError: the one exception the parser and the operator shuffle raise.

Parse errors must point at the source: the evaluator turns this into an Io exception, the CLI
and the IDE show ``caret()`` under the offending line, so we keep label/line/col and (when we
have it) the source text instead of a bare message.
"""

from __future__ import annotations


# the errors that mean "the source stops too early"
INCOMPLETE = frozenset({"unmatched ()s", "unmatched []s", "unmatched {}s", "unterminated quote",
                        "unterminated comment"})


class IoSyntaxError(Exception):
    """A compile error in Io source: bad token, unbalanced bracket, misplaced assignment...

    ``message`` is the bare description (upstream's wording where upstream has one);
    ``line``/``col`` are 1-based; ``source`` is the full text parsed, if known.
    """

    def __init__(
        self, message: str, label: str = "", line: int = 0, col: int = 0, source: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.label = label
        self.line = line
        self.col = col
        self.source = source

    @property
    def incomplete(self) -> bool:
        """True when more input could cure the error (an open bracket, string or comment):
        the REPL then reads another line instead of reporting it."""
        return self.message in INCOMPLETE

    def source_line(self) -> str | None:
        """The text of the offending line (without its newline), or None if unknown."""
        if self.source is None or self.line < 1:
            return None
        lines = self.source.split("\n")
        if self.line > len(lines):
            return None
        return lines[self.line - 1].rstrip("\r")

    def caret(self) -> str:
        """The offending line with a ``^`` under the error column (tabs kept so it lines up)."""
        text = self.source_line()
        if text is None:
            return ""
        prefix = "".join(c if c == "\t" else " " for c in text[: max(self.col - 1, 0)])
        return f"{text}\n{prefix}^"

    def io_description(self) -> str:
        """Upstream's wording for the Io-level exception: ``compile error: ...``."""
        return f'compile error: "{self.message}" on line {self.line} character {self.col}'

    def __str__(self) -> str:
        where = f"{self.label}:{self.line}:{self.col}" if self.label else f"{self.line}:{self.col}"
        caret = self.caret()
        return f"{where}: {self.message}" + (f"\n{caret}" if caret else "")

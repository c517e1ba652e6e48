"""The console pane: output as text (never HTML), the input line, and its history.

``History`` is plain Python (tested on CPython); ``Console`` writes to the page through a
``document`` object, using only ``textContent`` so a printed ``<img onerror=...>`` stays text.
"""

from __future__ import annotations

import json

HISTORY_LIMIT = 200
MAX_NODES = 4000  # keep the console light when a program prints without end


class History:
    """Console entries for ↑/↓, newest last. Browsing starts below the newest entry; the
    line being typed is kept and comes back when the user goes past the newest again."""

    def __init__(self, items: list[str] | None = None, limit: int = HISTORY_LIMIT) -> None:
        self.items = list(items or [])[-limit:]
        self.limit = limit
        self.pos = len(self.items)
        self.draft = ""

    def add(self, entry: str) -> None:
        if entry.strip() and (not self.items or self.items[-1] != entry):
            self.items.append(entry)
            del self.items[:-self.limit]
        self.pos = len(self.items)
        self.draft = ""

    def previous(self, current: str) -> str | None:
        """The entry before the one shown, or None at the oldest."""
        if self.pos == 0:
            return None
        if self.pos == len(self.items):
            self.draft = current
        self.pos -= 1
        return self.items[self.pos]

    def next(self) -> str | None:
        """The entry after the one shown (the draft after the newest), None when not browsing."""
        if self.pos >= len(self.items):
            return None
        self.pos += 1
        return self.items[self.pos] if self.pos < len(self.items) else self.draft

    def dumps(self) -> str:
        return json.dumps(self.items)

    @classmethod
    def loads(cls, text: str | None) -> History:
        try:
            items = json.loads(text) if text else []
        except ValueError:
            items = []
        if not isinstance(items, list):
            items = []
        return cls([i for i in items if isinstance(i, str)])


class Console:
    """Appends session output to the console element, one span per piece of text."""

    PREFIX = {"input": "Io> ", "stdin": ""}

    def __init__(self, document, element) -> None:
        self.document = document
        self.element = element
        self.at_line_start = True

    def write(self, kind: str, text: str) -> None:
        """Add ``text`` of a kind (out, echo, error, note, input) as plain text."""
        if kind != "out":
            text = ("" if self.at_line_start else "\n") + self.PREFIX.get(kind, "") + text
            if not text.endswith("\n"):
                text += "\n"
        if not text:
            return
        span = self.document.createElement("span")
        span.className = kind
        span.textContent = text
        self.element.appendChild(span)
        self.at_line_start = text.endswith("\n")
        while self.element.childElementCount > MAX_NODES:
            self.element.firstElementChild.remove()
        self.element.scrollTop = self.element.scrollHeight

    def clear(self) -> None:
        self.element.replaceChildren()
        self.at_line_start = True

"""The examples gallery: small Io programs, one per file, shown in the page's menu.

A file's first line is a ``// Title: description`` comment; files sort by their number.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources


@dataclass
class Example:
    key: str  # the file name without ".io"
    title: str
    code: str


def load() -> list[Example]:
    """Every example, in gallery order."""
    found = []
    for entry in sorted(resources.files(__name__).iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".io"):
            code = entry.read_text(encoding="utf-8")
            first = code.splitlines()[0] if code else ""
            title = first.removeprefix("//").split(":")[0].strip() or entry.name
            found.append(Example(entry.name[:-3], title, code))
    return found

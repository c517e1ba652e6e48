"""The examples gallery: small Io programs, one per file, shown in the page's menu.

A file's first line is a ``// Title: description`` comment; files sort by their number.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass
class Example:
    key: str  # the file name without ".io"
    title: str
    code: str


def load() -> list[Example]:
    """Every example, in gallery order. (Plain file reads: importlib.resources costs ~60 ms
    to import in Pyodide, at the IDE's start.)"""
    here = os.path.dirname(__file__)
    found = []
    for name in sorted(os.listdir(here)):
        if name.endswith(".io"):
            with open(os.path.join(here, name), encoding="utf-8") as f:
                code = f.read()
            first = code.splitlines()[0] if code else ""
            title = first.removeprefix("//").split(":")[0].strip() or name
            found.append(Example(name[:-3], title, code))
    return found

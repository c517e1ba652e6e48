"""The examples of docs/embedding.md, by file name, so the tests run exactly what the page
shows. An example is a fenced block preceded by ``<!-- example: NAME -->``."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "build" / "pyodide"

_EXAMPLE = re.compile(r"<!-- example: (\S+) -->\n```\w*\n(.*?)```", re.S)


def examples() -> dict[str, str]:
    text = (ROOT / "docs" / "embedding.md").read_text(encoding="utf-8")
    return dict(_EXAMPLE.findall(text))


def write_examples(folder: Path, *names: str) -> None:
    found = examples()
    for name in names:
        (folder / name).write_text(found[name], encoding="utf-8")

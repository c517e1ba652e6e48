"""The Io prelude, parsed ahead of time: message trees stored by the build, so a new
interpreter need not parse about 1,000 lines of Io.

Parsing the prelude is about a third of pyio's start-up in the browser (Python there runs
in WebAssembly, several times slower than CPython); rebuilding the same Message trees from
a few flat tuples takes about a third of the time. ``make site`` stores the cache in the
IDE's pyio.files.gz (scripts/pyio_zip.mjs calls ``build`` with the very sources it
bundles, so the parser and the cache cannot disagree there); a source checkout has none
and parses.

The cache only ever saves time. A file is taken from it only when its text and the
operator table it is parsed with are the very ones it was made from (CRCs of both); a
missing or unreadable cache, another format, or any difference, and that file is parsed.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from typing import TYPE_CHECKING

from .message import Message

if TYPE_CHECKING:
    from .state import Interpreter

FORMAT = 2
#: where the built cache lives: beside the prelude files it was made from
PATH = os.path.join(os.path.dirname(__file__), "prelude", "parsed.marshal")

_entries: dict | None = None  # the cache file's entries, read once per process
_recording: dict | None = None  # set while ``build`` runs: file name -> entry


def code(interp: Interpreter, name: str, text: str) -> str | Message:
    """What ``interp`` should run for the prelude file ``name`` whose text is ``text``: its
    cached message tree when the cache holds this very text, else the text (parsed as
    usual, inside the running coroutine)."""
    key = (zlib.crc32(text.encode("utf-8")), zlib.crc32(repr(interp.ops).encode("utf-8")))
    if _recording is not None:
        msg = interp.parse(text, name)
        _recording[name] = (key, *_encode(msg))
        return msg
    entry = _load().get(name)
    if entry is None or entry[0] != key:
        return text
    _, names, consts, ints = entry
    return _chain(iter(ints).__next__, names, (None, *consts), interp.message_protos, name)


def build(path: str) -> int:
    """Parse the prelude as a new interpreter loads it (each file with the operator table
    the files before it left) and write the cache to ``path``; returns the file count."""
    global _recording
    from .state import Interpreter

    _recording = {}
    try:
        Interpreter()
        entries = _recording
    finally:
        _recording = None
    with open(path, "wb") as f:
        marshal.dump((FORMAT, entries), f)
    return len(entries)


def _load() -> dict:
    global _entries
    if _entries is None:
        _entries = {}
        try:
            with open(PATH, "rb") as f:  # marshal.load(f) would read item by item: slow
                fmt, entries = marshal.loads(f.read())
            if fmt == FORMAT and isinstance(entries, dict):
                _entries = entries
        except (OSError, EOFError, ValueError, TypeError):
            pass  # no cache (a source checkout) or a broken one: parse
    return _entries


# One file's trees are three flat tuples: the distinct message names, the literal values,
# and integers. Few containers (not one tuple per message) make the cache quick to load:
# marshal then allocates little for the garbage collector to trace. The integers, in
# order: a chain is its length, then each message as name index, line, column, literal
# index (0: none, else 1 + the index), argument count, then each argument's chain.
def _encode(first: Message) -> tuple[tuple, tuple, tuple]:
    names: dict[str, int] = {}
    consts: list = []
    ints: list[int] = []

    def chain(m: Message | None) -> None:
        items = list(m.chain()) if m is not None else []
        ints.append(len(items))
        for m in items:
            if m.cached is not None:
                consts.append(m.cached)
            ints.extend((names.setdefault(m.name, len(names)), m.line, m.col,
                         len(consts) if m.cached is not None else 0, len(m.args)))
            for a in m.args:
                chain(a)

    chain(first)
    return tuple(names), tuple(consts), tuple(ints)


def _chain(nxt, names: tuple, consts: tuple, protos: list, label: str) -> Message | None:
    first = prev = None
    for _ in range(nxt()):
        name, line, col, const, nargs = names[nxt()], nxt(), nxt(), consts[nxt()], nxt()
        m = Message(name, [_chain(nxt, names, consts, protos, label) for _ in range(nargs)],
                    protos, line=line, col=col, label=label, cached=const)
        if prev is None:
            first = m
        else:
            prev.next = m
        prev = m
    return first


if __name__ == "__main__":
    print(f"{sys.argv[1]}: {build(sys.argv[1])} prelude files parsed")

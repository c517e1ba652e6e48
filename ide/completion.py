"""Completion for the editor: slot names of the live Lobby, or of a receiver's proto chain.

``Person gr|`` offers the slots ``Person`` can answer (its own and its protos'); a word
with no receiver before it offers what the Lobby can answer. Only existing objects are
consulted, looked up by name in the Lobby, so nothing is evaluated.
"""

from __future__ import annotations

import re

from .inspector import proto_chain

LIMIT = 300
_TAIL = re.compile(r"(?:([A-Za-z_][A-Za-z0-9_]*)\s+)?([A-Za-z_][A-Za-z0-9_]*)?$")


def names_of(interp, obj) -> set[str]:
    """Every slot name ``obj`` can answer: its own and along its proto chain."""
    names = set(getattr(obj, "slots", {}))
    for p in proto_chain(interp, obj):
        names.update(p.slots)
    return names


def complete(interp, before: str) -> list[str]:
    """Candidate names for the word that ends ``before`` (the text left of the cursor)."""
    m = _TAIL.search(before)
    receiver_name, prefix = (m.group(1), m.group(2) or "") if m else (None, "")
    target = interp.lobby
    if receiver_name:
        found = interp.lobby.slots.get(receiver_name)
        if found is None:
            found = next((p.slots[receiver_name] for p in proto_chain(interp, interp.lobby)
                          if receiver_name in p.slots), None)
        if found is not None and hasattr(found, "slots"):
            target = found
    names = sorted(n for n in names_of(interp, target) if n.startswith(prefix) and n != prefix)
    return [n for n in names if n[:1].isalpha() or n[:1] == "_"][:LIMIT]

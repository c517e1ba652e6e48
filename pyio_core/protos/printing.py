"""How values print when no Io-level asString overrides it (upstream's formats)."""

from __future__ import annotations

from ..message import Message
from ..values import Block, CFunction, IoList, MutableSeq


def quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def short_name(S, v) -> str:
    """``Type_0x1234`` — how an object is named inside other printouts."""
    return f"{S.type_name(v)}_0x{id(v):x}"


def list_simple(texts) -> str:
    """List asSimpleString from its first 30 items' asSimpleString texts: upstream quotes
    each once more and cuts the result to 40 characters."""
    text = "list(" + ", ".join(quote(t) for t in texts) + ")"
    return text[:37] + "..." if len(text) > 40 else text


def simple_repr(S, v) -> str:
    """``asSimpleString``: strings quoted, other values briefly."""
    tc = v.__class__
    if tc is str:
        return quote(v)
    if tc is MutableSeq:
        return quote(v.s)
    if tc is IoList:
        return list_simple(simple_repr(S, x) for x in v.items[:30])
    if tc is float or v is S.nil or v is S.true or v is S.false:
        return S.simple_string(v)
    if tc is Block:
        names = "".join(n + ", " for n in v.arg_names)
        return f"{'method' if v.scope is None else 'block'}({names}...)"
    if tc is Message:
        return message_simple(v)
    if tc is CFunction:
        return S.simple_string(v)
    return short_name(S, v)


def message_simple(m) -> str:
    """``Message asSimpleString``: the code on one line, cut to 40 characters."""
    from ..parser.printer import format_message

    s = format_message(m).replace(" ;\n", "; ")
    return s[:37] + "..." if len(s) > 40 else s


def default_as_string(S, v) -> str:
    if v is S.nil:
        return "nil"
    if v is S.true:
        return "true"
    if v is S.false:
        return "false"
    tc = v.__class__
    if tc is IoList:
        return "list(" + ", ".join(simple_repr(S, x) for x in v.items) + ")"
    if tc is CFunction:
        return f"{v.owner}_{v.name}()"
    if tc is Message:
        from ..parser.printer import format_message

        return format_message(v)
    if tc is Block:
        return block_source(S, v)
    if v is S.Number:
        return "0"
    if v is S.Sequence:
        return ""
    lines = [f" {short_name(S, v)}:"]
    for name in sorted(v.slots):  # a Map's entries are not slots: only its slots show
        lines.append(f"  {name.ljust(16)} = {simple_repr(S, v.slots[name])}")
    return "\n".join(lines) + "\n"


def block_source(S, b) -> str:
    from ..parser.printer import format_message

    kind = "method" if b.scope is None else "block"
    args = "".join(n + ", " for n in b.arg_names)
    body = format_message(b.message)
    return f"{kind}({args}{body})"

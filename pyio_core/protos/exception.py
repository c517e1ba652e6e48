"""Exception: raising, try, and upstream-style reports with the Io stack."""

from __future__ import annotations

from ..errors import IoRaise
from ..registry import Prims
from ..values import IoExceptionObj

P = Prims("Exception")
O = Prims("Object")


def new_exception(S, text: str, m, kind: str = "Exception", target=None):
    """A clone of Exception (or Error) carrying ``text``, positioned at message ``m``."""
    proto = S.core.slots.get(kind, S.Exception)
    if not isinstance(proto, IoExceptionObj):
        proto = S.Exception
    exc = IoExceptionObj([proto])
    exc.slots["error"] = text
    if m is not None:
        exc.frames.append((m, target))
    return exc


def format_frame(S, m, target) -> str:
    who = "" if target is None else S.type_name(target) + " "
    return "  " + (who + m.name).ljust(36) + f" {m.label} {m.line}"


def format_report(S, exc) -> str:
    """The text upstream prints for an uncaught exception (we keep the real stack)."""
    err = exc.slots.get("error", S.nil) if hasattr(exc, "slots") else exc
    text = S.simple_string(err) if err is not S.nil else "nil"
    frames = getattr(exc, "frames", None) or []
    lines = [f"\n  {S.type_name(exc)}: {text}", "  ---------"]
    where = exc.slots.get("sourceContext") if hasattr(exc, "slots") else None
    if where.__class__ is str:  # syntax errors: the line and a caret under the column
        lines.extend("  " + line for line in where.split("\n"))
        return "\n".join(lines) + "\n\n"
    if frames:
        lines.extend(format_frame(S, m, t) for m, t in frames)
        return "\n".join(lines) + "\n\n"
    lines.append("  nothing on stack")
    return "\n".join(lines) + "\n"


@P("raise")
def raise_(S, t, error=None, nested=None):
    exc = IoExceptionObj([t]) if isinstance(t, IoExceptionObj) else new_exception(S, "", None)
    exc.slots["error"] = S.nil if error is None else error
    if nested is not None:
        exc.slots["nestedException"] = nested
    raise IoRaise(exc)


@P("pass")
def pass_(S, t):
    raise IoRaise(t)


@P("showStack")
def show_stack(S, t):
    S.write(format_report(S, t))
    return t


@P("stackLines")
def stack_lines(S, t):
    return S.new_list([format_frame(S, m, tg).strip() for m, tg in getattr(t, "frames", [])])


@O.lazy("try")
def try_(S, t, L, m):
    try:
        yield from S.arg(m, L, 0)
    except IoRaise as e:
        return e.exc
    return S.nil

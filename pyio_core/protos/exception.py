"""Exception: raising, try, resumable handlers, and upstream-style reports.

``try`` runs its code in the current coroutine (upstream starts a new one): the evaluator
unwinds Python generators on an ``IoRaise`` anyway, so a coroutine per ``try`` would only
cost time. Handlers installed by ``withHandler`` live on the coroutine (``handlerStack``)
and ``signal`` (prelude/Exception.io) calls the nearest matching one at the signal site.
"""

from __future__ import annotations

from ..errors import IoRaise, IoStop
from ..objects import IoObject, used_as_proto
from ..registry import Prims
from ..values import Coroutine, IoExceptionObj
from .object import clone

P = Prims("Exception", IoExceptionObj)
O = Prims("Object")


def new_exception(S, text: str, m, kind: str = "Exception", target=None):
    """A clone of Exception (or Error) carrying ``text``, positioned at message ``m``."""
    proto = S.core.slots.get(kind, S.Exception)
    if not isinstance(proto, IoExceptionObj):
        proto = S.Exception
    used_as_proto(proto)
    exc = IoExceptionObj([proto])
    exc.slots["error"] = text
    if S.coro is not None:
        exc.slots["coroutine"] = S.coro
    if m is not None:
        exc.slots["caughtMessage"] = m
        exc.frames.append((m, target))
    return exc


def format_frame(S, m, target) -> str:
    """One stack line, as upstream's ``Call description``: target type and message name,
    then the file name (without its directory) and line."""
    who = "" if target is None else S.type_name(target) + " "
    return "  " + (who + m.name).ljust(36) + f" {m.label.rsplit('/', 1)[-1]} {m.line}"


REPORT_FRAMES = 100  # stack lines a report shows (showStack too); stackLines has them all


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
        if len(frames) > REPORT_FRAMES:  # a stack overflow: the innermost frames, the rest counted
            lines.extend(format_frame(S, m, t) for m, t in frames[:REPORT_FRAMES])
            lines.append(f"  ... {len(frames) - REPORT_FRAMES} more frames")
        else:
            lines.extend(format_frame(S, m, t) for m, t in frames)
        return "\n".join(lines) + "\n\n"
    lines.append("  nothing on stack")
    return "\n".join(lines) + "\n"


def _raise(S, t, error, nested, original_call=None):
    exc = yield from clone(S, t)  # a clone, so an exception type's init runs
    if not isinstance(exc, IoObject):
        exc = new_exception(S, "", None)
    slots = exc.slots
    slots["error"] = S.nil if error is None else error
    slots["coroutine"] = S.nil if S.coro is None else S.coro
    slots["nestedException"] = S.nil if nested is None else nested
    if original_call is not None:
        slots["originalCall"] = original_call
    raise IoRaise(exc)


@P.gen("raise")
def raise_(S, t, error=None, nested=None):
    yield from _raise(S, t, error, nested)


@P.gen("raiseFrom")
def raise_from(S, t, original_call=None, error=None, nested=None):
    yield from _raise(S, t, error, nested, S.nil if original_call is None else original_call)


@P("pass")
def pass_(S, t):
    raise IoRaise(t)


@P("showStack")
def show_stack(S, t):
    S.write(format_report(S, t))
    nested = t.slots.get("nestedException") if isinstance(t, IoObject) else None
    if nested is not None and nested is not S.nil:
        S.write(f"Nested Exception: '{S.simple_string(nested)}'\n")
        show_stack(S, nested)
    return t


@P("stackLines")
def stack_lines(S, t):
    return S.new_list([format_frame(S, m, tg).strip() for m, tg in getattr(t, "frames", [])])


def caught(S, e: IoRaise):
    """The exception ``try`` answers for ``e``. Upstream runs the code in a coroutine of its
    own, which ends holding the exception (``e coroutine showStack``): record one like it."""
    exc = e.exc
    if isinstance(exc, IoObject) and exc.slots.get("coroutine") is S.coro:
        co = Coroutine(S.coro_protos)
        co.started = co.finished = True
        co.parent = S.coro
        co.exception = e
        S.set_slot(exc, "coroutine", co)
    return exc


@O.lazy("try")
def try_(S, t, L, m):
    co = S.coro
    depth = co.depth  # compiled activations leave theirs where an error unwound them
    try:
        yield from S.arg(m, L, 0)
    except IoStop:
        co.depth = depth
        return S.nil  # upstream's try is a coroutine: return/break/continue end only it
    except IoRaise as e:
        co.depth = depth
        return caught(S, e)
    return S.nil


@O.lazy("withHandler")
def with_handler(S, t, L, m):
    """``withHandler(proto, handler, body)``: while body runs, ``proto signal`` calls
    ``handler`` (innermost first) instead of unwinding."""
    proto = yield from S.arg(m, L, 0)
    handler = yield from S.arg(m, L, 1)
    co = S.coro
    stack = co.slots.get("handlerStack")
    if not isinstance(stack, IoObject) or not hasattr(stack, "items"):
        stack = S.new_list([])
        S.set_slot(co, "handlerStack", stack)
    entry = S.new_list([proto, handler])
    stack.items.append(entry)
    try:
        return (yield from S.arg(m, L, 2))
    finally:
        items = stack.items
        for i in range(len(items) - 1, -1, -1):
            if items[i] is entry:
                del items[i]
                break

"""The interpreter: one Io world (Lobby, protos, coroutines) and its public API."""

from __future__ import annotations

import os
import traceback
from types import MethodType

from . import protos as _protos  # noqa: F401  (registers every primitive)
from . import prelude_cache
from .errors import IoExit, IoInterrupt, IoRaise, IoStop
from .eval.compiler import builtin_guards, watch_locals
from .eval.engine import Engine
from .eval.machine import DONE, MORE, WAITING, Machine
from .host import Host
from .message import Message
from .objects import IoObject
from .parser import IoSyntaxError, default_operator_table, parse
from .registry import PROTO_CLASSES, TABLE, arity
from .errors import IoError
from .protos.exception import new_exception
from .protos.number import format_number
from .protos.object import LOCALS_OWN
from .protos.object import compare as object_compare
from .protos.object import compare_unlike
from .protos.printing import default_as_string
from .protos.sequence_bytes import raw_text
from .values import CFunction, Coroutine, IoList, IoMap, MutableSeq

PRELUDE = (
    "Object.io",
    "Number.io",
    "Date.io",
    "Vector.io",
    "Sequence.io",
    "List.io",
    "Map.io",
    "Block.io",
    "Exception.io",
    "Coroutine.io",
    "File.io",
    "System.io",
    "UnitTest.io",
    "Importer.io",
)


class IoUncaught(Exception):
    """An Io exception nobody caught, handed to the Python caller with its report."""

    def __init__(self, exc, report: str) -> None:
        super().__init__(report)
        self.exc = exc
        self.report = report


class Interpreter(Engine, Machine):
    """One Io world. ``do_string`` runs code to completion; hosts that must stay responsive
    use ``start`` + ``run_slice`` instead."""

    version = "20260302"
    written = 0  # characters written so far: the REPL echoes only when nothing was
    output_mark = 0  # `written` when the current run started (for max_output)

    def __init__(self, host: Host | None = None, max_depth: int = 200_000,
                 max_output: int | None = None, max_steps: int | None = None) -> None:
        """``max_depth``: nested Io calls; ``max_output``: characters one run may write;
        ``max_steps``: calls plus loop iterations one run may take (None: no limit).
        Each is also settable from Io (``System setMaxRecursionDepth`` and friends)."""
        self.host = host if host is not None else Host()
        self.max_depth = max_depth
        self.max_output = max_output
        self.external_waits = 0
        self.coro_end_hook = None
        self.ops = default_operator_table()
        self.init_machine()
        self.max_steps = max_steps
        self._build_world()
        self.builtins = builtin_guards(self)  # before any Io code can redefine them
        watch_locals(self)
        self.main = self.new_coroutine()
        self.main.started = True
        self.coro = None
        for name in PRELUDE:
            self._load_prelude(name)

    # -- building the world ----------------------------------------------------------------
    def _build_world(self) -> None:
        obj = self.Object = IoObject([])
        self.lobby = IoObject([obj])
        protos = IoObject([obj])
        core = IoObject([obj])
        obj.protos = [self.lobby]
        self.lobby.protos = [protos]
        protos.protos = [core]
        core.protos = [obj]
        self.core = core
        self.lobby.slots["Lobby"] = self.lobby
        self.lobby.slots["Protos"] = protos
        protos.slots["Core"] = core
        protos.slots["Addons"] = IoObject([obj])
        self.object_protos = [obj]

        def proto(name: str, parent=obj):
            p = PROTO_CLASSES.get(name, IoObject)([parent])
            p.slots["type"] = name
            core.slots[name] = p
            return p

        obj.slots["type"] = "Object"
        core.slots["Object"] = obj
        self.nil = proto("nil")
        self.true = proto("true")
        self.false = proto("false")
        core.slots["nil"], core.slots["true"], core.slots["false"] = self.nil, self.true, self.false
        self.nil.slots["type"] = "nil"
        self.Number = proto("Number")
        self.Sequence = proto("Sequence")
        for name in ("List", "Map", "Block", "CFunction", "Call", "Message", "Coroutine",
                     "Exception", "Date", "Duration", "File", "Directory", "WeakLink",
                     "Vector", "System", "Compiler", "Collector", "OperatorTable",
                     "Scheduler", "Importer", "Path", "Sandbox", "Profiler"):
            setattr(self, name, proto(name))
        self.Error = proto("Error")
        for name in ("Normal", "Return", "Break", "Continue", "Eol"):
            proto(name)
        for name in TABLE:  # any other proto a protos module declares (EvalFrame, Future...)
            if name not in core.slots and name not in ("Object", "Locals"):
                proto(name)
        self.list_protos = [self.List]
        self.map_protos = [self.Map]
        self.block_protos = [self.Block]
        self.call_protos = [self.Call]
        self.message_protos = [self.Message]
        self.coro_protos = [self.Coroutine]
        self.seq_protos = [self.Sequence]
        self.cfunc_protos = [self.CFunction]
        self._install_primitives()
        # Locals: a copy of Object's primitives upstream has there, and no protos (upstream's
        # design); other messages sent without a receiver in a method go on to its self
        loc = self.LocalsProto = IoObject(
            [], {k: v for k, v in obj.slots.items() if k in LOCALS_OWN})
        for name, fn, kind in TABLE.get("Locals", ()):
            loc.slots[name] = self._cfunction(fn, kind, name, "Locals")
        core.slots["Locals"] = loc
        self.locals_protos = [loc]
        self.locals_slots = loc.slots
        self.for_prim = obj.slots["for"]
        self.while_prim = obj.slots["while"]
        self.call_message = Message("call", [], self.message_protos)
        self.init_message = Message("init", [], self.message_protos)
        self.as_string_message = Message("asString", [], self.message_protos)

    def _cfunction(self, fn, kind, name, owner):
        lo, hi = arity(fn)
        return CFunction(self.cfunc_protos, MethodType(fn, self), kind, lo, hi, name, owner)

    def _install_primitives(self) -> None:
        for owner, entries in TABLE.items():
            if owner == "Locals":
                continue
            target = self.Object if owner == "Object" else self.core.slots[owner]
            for name, fn, kind in entries:
                target.slots[name] = self._cfunction(fn, kind, name, owner)

    def _load_prelude(self, name: str) -> None:
        # a plain file read: importlib.resources costs ~60 ms to import in Pyodide
        path = os.path.join(os.path.dirname(__file__), "prelude", name)
        if not os.path.isfile(path):
            return
        with open(path, encoding="utf-8") as f:
            self.do_string(prelude_cache.code(self, name, f.read()), label=name)

    # -- small helpers used everywhere -----------------------------------------------------
    def bool(self, flag) -> IoObject:
        return self.true if flag else self.false

    def truthy(self, v) -> bool:
        return v is not self.false and v is not self.nil

    def new_coroutine(self) -> Coroutine:
        return Coroutine(self.coro_protos)

    def type_name(self, v) -> str:
        tc = v.__class__
        if tc is float:
            return "Number"
        if tc is str:
            return "Sequence"
        t = self.slot_value(v, "type")
        return t if t.__class__ is str else "Object"

    def parse(self, code: str, label: str = "<string>") -> Message:
        """Parse with the live OperatorTable; syntax errors become Io exceptions."""
        try:
            return parse(code, label, self.ops, self.message_protos)
        except IoSyntaxError as e:
            exc = self.error_exception(e.io_description(), None)
            exc.slots["line"] = float(e.line)
            exc.slots["column"] = float(e.col)
            exc.slots["label"] = e.label
            caret = e.caret()
            exc.slots["sourceContext"] = f"{e.label}:{e.line}:{e.col}" + (
                "\n" + caret if caret else "")
            raise IoRaise(exc) from None

    # -- errors ----------------------------------------------------------------------------
    def error_exception(self, text: str, m, kind: str = "Exception", target=None):
        """An Io Exception object for an error raised at message ``m``."""
        return new_exception(self, text, m, kind, target)

    def internal_error(self, e: BaseException, m):
        """The Io exception for a Python exception the evaluator caught: a pyio bug, with
        the Python traceback in its ``pythonTraceback`` slot for the bug report. Running out
        of memory is no bug: it gets an ordinary error the program may catch."""
        if isinstance(e, MemoryError):
            return self.error_exception(
                "Out of memory: a value grew too large for this machine", m)
        exc = self.error_exception(
            f"Internal error in pyio ({type(e).__name__}: {e}). Please report it "
            "with the details from: e pythonTraceback println", m
        )
        exc.slots["pythonTraceback"] = "".join(traceback.format_exception(e))
        return exc

    def note_frame(self, exc, m, target) -> None:
        frames = getattr(exc, "frames", None)
        if frames is not None:
            frames.append((m, target))

    # -- values the primitives build and check ---------------------------------------------
    def new_list(self, items: list) -> IoList:
        return IoList(self.list_protos, items)

    def new_map(self, mapping: dict | None = None) -> IoMap:
        return IoMap(self.map_protos, mapping)

    def need_list(self, v, method: str, i: int = 0) -> IoList:
        if isinstance(v, IoList):
            return v
        raise IoError(f"argument {i} to method '{method}' must be a List, not a '{self.type_name(v)}'")

    def proto_of(self, v):
        tc = v.__class__
        if tc is float:
            return self.Number
        if tc is str:
            return self.Sequence
        return v.protos[0] if v.protos else self.nil

    def literal_message(self, value) -> Message:
        """A message that evaluates to ``value`` (for performWithArgList and friends)."""
        return Message(self.simple_string(value) if value.__class__ in (float, str) else "<value>",
                       [], self.message_protos, cached=value)

    def simple_string(self, v) -> str:
        """A value's text without running Io code (numbers, strings, known payloads)."""
        tc = v.__class__
        if tc is str:
            return v
        if tc is float:
            return format_number(v)
        if tc is MutableSeq:
            return v.s
        return default_as_string(self, v)

    def as_string(self, v):
        """``v asString`` as Python text, running a user-defined asString if there is one."""
        tc = v.__class__
        if tc is str:
            return v
        if tc is float:
            return format_number(v)
        if tc is MutableSeq:
            return v.s if v.encoding != "number" else raw_text(v)
        r = yield from self.send(v, self.as_string_message, self.lobby)
        if r.__class__ is str:
            return r
        if r.__class__ is MutableSeq:
            return r.s
        return self.simple_string(r)

    def compare(self, a, b):
        """``a compare(b)``, honouring a user-defined compare; returns a Python number."""
        f = self.slot_value(a, "compare")
        if f.__class__ is CFunction and f.fn.__func__ is object_compare:
            return self.raw_compare(a, b)
        r = yield from self.send(a, Message("compare", [self.literal_message(b)],
                                            self.message_protos), self.lobby)
        return r if r.__class__ is float else 0

    def raw_compare(self, a, b) -> int:
        """Built-in ordering: numbers, then text, then identity (like upstream)."""
        ac, bc = a.__class__, b.__class__
        if ac is float and bc is float:
            return 1 if a > b else 0 if a == b or a is b else -1  # NaN: -1 (but 0 to itself)
        if ac in (str, MutableSeq) and bc in (str, MutableSeq):
            x = a if ac is str else a.s
            y = b if bc is str else b.s
            return (x > y) - (x < y)
        if ac is IoList and bc is IoList:
            if len(a.items) != len(b.items):
                return (len(a.items) > len(b.items)) - (len(a.items) < len(b.items))
            for x, y in zip(a.items, b.items):
                c = self.raw_compare(x, y)
                if c:
                    return c
            return 0
        if ac is IoMap and bc is IoMap:  # size first, then the values of equal keys
            am, bm = a.map, b.map
            if len(am) != len(bm):
                return (len(am) > len(bm)) - (len(am) < len(bm))
            for k, x in am.items():
                y = bm.get(k)
                if y is None:
                    return 1
                c = self.raw_compare(x, y)
                if c:
                    return c
            return 0
        return compare_unlike(a, b)

    # -- running code ----------------------------------------------------------------------
    def start(self, code: str | Message, label: str = "<string>", target=None,
              locals_=None) -> Coroutine:
        """Queue code to run in a fresh coroutine; drive it with ``run_slice``."""
        target = self.lobby if target is None else target
        L = target if locals_ is None else locals_
        self.output_mark = self.written  # a new run: fresh output and step budgets
        self.run_steps = 0
        self.limit_error = None
        co = self.new_coroutine()
        co.starter = lambda: self._run_source(code, label, L, target)
        self.start_coroutine(co)
        self.ready.append(co)
        return co

    def _run_source(self, code, label, L, target):
        """Parse (inside the coroutine, so a syntax error is reported like any error)
        and evaluate."""
        msg = code if isinstance(code, Message) else self.parse(code, label)
        return (yield from self.eval_chain(msg, L, target))

    def do_string(self, code: str, label: str = "<string>", target=None):
        """Run ``code`` to completion (sleeping through timers) and return its value.

        Raises IoUncaught with upstream's report text if an Io exception escapes."""
        co = self.start(code, label, target)
        return self.finish(co)

    def finish(self, co):
        while not co.finished:
            status = self.run_slice()
            if status == WAITING and not co.finished:
                nxt = self.next_timer()
                if nxt is None:
                    if self.external_waits:
                        self.wait_external()
                        continue
                    break
                import time

                self.host.sleep(max(0.0, nxt - time.monotonic()))
                self.fire_timers()
            elif status == DONE:
                break
        if not co.finished:
            raise IoUncaught(None, "Deadlock: the program is waiting for something that "
                             "will never happen")
        e = co.exception
        if e is None:
            return co.result
        if isinstance(e, IoRaise):
            raise IoUncaught(e.exc, self.report(e.exc))
        if isinstance(e, IoStop):
            return e.value
        raise e

    def write(self, text: str) -> None:
        self.written += len(text)
        if self.max_output is not None and self.coro is not None:
            over = self.written - self.output_mark - self.max_output
            if over > 0:  # write what still fits, then stop the program with an Io error
                if over < len(text):
                    self.host.write(text[:len(text) - over])
                self.limit_error = (f"Output limit reached: more than {self.max_output} "
                                    "characters written in one run (System setMaxOutputSize "
                                    "changes the limit)")
                self.ticks = 0  # the machine raises it again at each check: try cannot hide it
                raise IoError(self.limit_error)
        self.host.write(text)

    def needs_more_input(self, code: str) -> bool:
        """True when ``code`` is an unfinished expression (open bracket, string, comment)."""
        try:
            parse(code, "<repl>", self.ops, self.message_protos)
        except IoSyntaxError as e:
            return e.incomplete
        return False

    def repl_line(self, code: str, label: str = "Command Line") -> str:
        """Run one REPL entry; return the echo (``==> value``) or the error report.

        Output printed while it runs goes to the host as it happens; the echo is added only
        when nothing was printed and the value is not nil."""
        before = self.written
        try:
            value = self.do_string(code, label)
        except IoUncaught as e:
            return e.report
        self.set_slot(self.lobby, "_", value)  # the last result, as upstream's CLI keeps it
        if self.written != before or value is self.nil:
            return ""
        try:
            return "==> " + self.finish(self.start_call(self.as_string, value)) + "\n"
        except IoUncaught as e:  # the value's own asString failed (upstream's wording)
            return "==> <exception while displaying result>\n" + e.report

    def start_call(self, genfunc, *args) -> Coroutine:
        """Run a Python generator function (e.g. ``as_string``) as a coroutine."""
        co = self.new_coroutine()
        co.starter = lambda: genfunc(*args)
        self.start_coroutine(co)
        self.ready.append(co)
        return co

    def wait_external(self) -> None:
        raise IoUncaught(None, "waiting for input that cannot arrive")

    def report(self, exc) -> str:
        from .protos.exception import format_report

        return format_report(self, exc)


__all__ = ["Interpreter", "IoUncaught", "DONE", "MORE", "WAITING", "IoInterrupt", "IoExit"]

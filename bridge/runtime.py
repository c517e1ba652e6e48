"""The Bridge: one interpreter joined to the JS world it runs in.

It owns the glue (bridge/glue.js), the single Python proxy JS calls (``dispatch``), the
table of Io objects JS holds (integer handles, released by JS's FinalizationRegistry or
explicitly), the pending Promise futures, the slice driver and the REPL queue.

Its lifetime has two ends a host can call: ``stop()`` (the program stops reacting to the
page: listeners off, callbacks handed to JS switched off, Promise waits dropped; the
interpreter stays) and ``close()`` (the interpreter is gone: all of that plus every handle
and the Python proxy released).
"""

from __future__ import annotations

import itertools
import os
import time
from collections import deque

from pyodide.code import run_js
from pyodide.ffi import create_proxy, to_js

from pyio_core.errors import IoExit, IoInterrupt, IoRaise, IoStop
from pyio_core.message import Message
from pyio_core.values import Block

from . import bigint, dom, futures, jsobject, modules
from .convert import from_js, to_js_value
from .futures import PromiseFuture
from .host import BrowserHost, SliceDriver
from .jsobject import JSRef

_GLUE_SOURCE: str | None = None

# How long a call from JS into Io (a block given as a callback, an `on` handler, a proxy
# method, io.eval) runs before JS gets control back; code that takes longer (`loop(...)` by
# mistake) goes on in slices and JS gets a Promise of its result, so the page and Stop stay
# live. Short enough not to be noticed, long enough for any callback that returns a value.
CALLBACK_SECONDS = 0.05
# Within that budget the call runs in short slices, so a call that parks on a Promise returns
# soon instead of running background coroutines (`yield` loops) for the rest of it.
SUB_SLICE_SECONDS = 0.005


def glue_factory():
    """The glue's JS factory function (the source is read once per process)."""
    global _GLUE_SOURCE
    if _GLUE_SOURCE is None:
        # a plain file read: importlib.resources costs ~60 ms to import in Pyodide
        with open(os.path.join(os.path.dirname(__file__), "glue.js"), encoding="utf-8") as f:
            _GLUE_SOURCE = f.read()
    return run_js(_GLUE_SOURCE)


class Bridge:
    """Installs the JS protos on ``interp`` and serves JS's calls into Io."""

    def __init__(self, interp, expose: bool = True, slice_seconds: float = 0.01,
                 schedule=None) -> None:
        self.S = interp
        self.refs: dict[int, object] = {}  # handle -> Io object referenced from JS
        self.futures: dict[int, PromiseFuture] = {}  # handle -> pending Promise future
        self.listeners: list = []  # Element on(): (node, event, fn, handle, block)
        self.on_end: dict = {}  # coroutine -> callback when it finishes
        self.jobs: deque = deque()  # io.repl entries waiting their turn
        self.job = None
        self.capture: list[str] | None = None  # output of the io.repl entry being run
        self._tee_output(interp.host)
        self._ids = itertools.count(1)
        self.inert_from = 0  # handles below this were handed out before the last stop()
        self.closed = False
        self.dispatch_proxy = create_proxy(self.dispatch)
        self.glue = glue_factory()(self.dispatch_proxy)
        self.driver = SliceDriver(interp, self.glue, slice_seconds, schedule)
        self.resolver = modules.Resolver(self.glue)
        self._prev_end_hook = interp.coro_end_hook
        interp.coro_end_hook = self._coroutine_ended
        interp.bridge = self
        bigint.install(interp)
        jsobject.install(self)
        futures.install(self)
        dom.install(self)
        modules.install(self)
        if expose and isinstance(interp.host, BrowserHost) and interp.host.on_output is None:
            interp.host.on_output = self.glue.output  # -> io.onOutput(text), if the page sets it
        self.api = self.glue.makeApi() if expose else None
        if self.api is not None:
            self.api._done()

    def _tee_output(self, host) -> None:
        """io.repl reports what an entry printed, whatever the host does with output."""
        write = host.write
        own = "write" in getattr(host, "__dict__", {})

        def tee(text: str) -> None:
            if self.capture is not None:
                self.capture.append(text)
            write(text)

        def untee() -> None:
            if own:
                host.write = write
            else:
                del host.write

        host.write = tee
        self._untee = untee

    # -- Io values for JS values -----------------------------------------------------------
    def wrap(self, js) -> JSRef:
        return JSRef([self.JSObject], js)

    def future(self, boxed) -> PromiseFuture:
        fut = PromiseFuture([self.Future], boxed)
        h = next(self._ids)
        self.futures[h] = fut
        self.glue.watch(boxed, h)
        return fut

    def register(self, obj) -> int:
        """A handle JS can use for ``obj`` (kept alive until released)."""
        h = next(self._ids)
        self.refs[h] = obj
        return h

    # -- running Io for JS callers ---------------------------------------------------------
    def run_now(self, starter, seconds: float = CALLBACK_SECONDS):
        """Run ``starter()`` (a generator) in a new coroutine right now, inside whatever is
        running: a JS callback called from Io code is nested in its slice; one called from
        JS's event loop runs between two slices (the preempted coroutine waits meanwhile).

        It returns when the coroutine finishes, stops running (parks on a Promise, yields
        to another coroutine) or has run ``seconds``: JS called it synchronously, so an
        endless block must not hold the page (and the Stop button) any longer. A coroutine
        still running then goes on in later slices, like a woken one (nested: once the
        current coroutine yields or ends, as Io coroutines do).
        Called from JS's event loop, it also asks the host for a slice when the code wrote
        something, so a host that buffers output shows it."""
        S = self.S
        outer = S.coro
        # nested in Io code: the running coroutine's generator is executing right now
        top = outer is None or not outer.stack or not outer.stack[-1].gi_running
        written = S.written
        deadline = time.monotonic() + seconds
        co = S.new_coroutine()
        co.starter = starter
        S.start_coroutine(co)
        saved_ready = S.ready
        S.coro, S.ready = None, deque([co])
        try:
            while not co.finished and (left := deadline - time.monotonic()) > 0:
                S.run_slice(seconds=min(left, SUB_SLICE_SECONDS))
                if S.coro is not co and co not in S.ready:
                    break  # parked, or handed over to another coroutine: not running now
        except Exception as e:  # IoInterrupt / IoExit end the coroutine; report them to JS
            if not co.finished:
                co.finished, co.exception = True, e
        finally:
            woken = S.ready
            if S.coro is not None:  # out of time, mid-run
                woken.appendleft(S.coro)
            S.coro, S.ready = outer, saved_ready
            saved_ready.extend(woken)
        if top and S.written != written:
            self.driver.schedule()
        return co

    def _coroutine_ended(self, co) -> None:
        cb = self.on_end.pop(co, None)
        if cb is not None:
            cb(co)
        if isinstance(co.exception, (IoInterrupt, IoExit)):
            self._end_dropped(co.exception)
        if self._prev_end_hook is not None:
            self._prev_end_hook(co)

    def _end_dropped(self, exc) -> None:
        """An interrupt or exit drops every runnable coroutine (the machine resets its
        scheduler right after this hook): JS callers waiting for one of them (a callback
        that went on in slices, an io.repl entry) get ``exc`` now instead of never."""
        S = self.S
        queued = S.run_queue.items if S.run_queue is not None else ()  # `yield`ed ones
        for co in [c for c in self.on_end if c in S.ready or c in S.timer_ids or c in queued]:
            co.finished, co.exception = True, exc
            self.on_end.pop(co)(co)

    def js_error(self, e):
        """The JS Error for an exception that ended Io code JS was waiting for: the Io
        message, the Io report as its stack, the Io exception as ``ioError``, and where it
        was raised as ``fileName``/``lineNumber``/``columnNumber``."""
        if isinstance(e, IoRaise):
            exc = e.exc
            err = exc.slots.get("error", self.S.nil) if hasattr(exc, "slots") else exc
            text = self.S.simple_string(err)
            return self.glue.error(text, self.S.report(exc), self.register(exc),
                                   *raised_at(exc))
        return self.glue.error(str(e) or type(e).__name__, "", -1)

    def failure(self, e):
        return self.glue.fail(self.js_error(e))

    def result(self, co):
        """What JS gets for a coroutine run by ``run_now``: its value, a thrown Error, or a
        Promise (boxed) when it is still waiting."""
        if not co.finished:
            d = self.glue.deferred()
            self.on_end[co] = lambda co: self._settle_deferred(d, co)
            self.driver.schedule()
            return d.boxed
        e = co.exception
        return self.failure(e) if self._failed(e) else self._value(co)

    @staticmethod
    def _failed(e) -> bool:
        return e is not None and not isinstance(e, IoStop)

    def _value(self, co):
        e = co.exception
        v = e.value if isinstance(e, IoStop) else co.result
        return to_js_value(self, self.S.nil if v is None else v)

    def _settle_deferred(self, d, co) -> None:
        if self._failed(co.exception):
            d.reject(self.js_error(co.exception))
        else:
            d.resolve(self._value(co))

    # -- JS -> Io entry point --------------------------------------------------------------
    def dispatch(self, op, a=None, b=None, c=None):
        """Every call JS makes into Python goes through here (one long-lived proxy)."""
        if self.closed:
            return None
        try:
            return getattr(self, "op_" + op)(a, b, c)
        except IoRaise as e:
            return self.failure(e)
        except Exception as e:
            return self.glue.fail(self.glue.error(f"pyio bridge error: {type(e).__name__}: {e}",
                                                  "", -1))

    def op_pump(self, from_timer, b, c):
        self.driver.pump(bool(from_timer))

    def op_settle(self, h, ok, value):
        fut = self.futures.pop(h, None)
        if fut is None:
            return
        if ok:
            try:
                v = from_js(self, value)
            except Exception as e:  # e.g. a cyclic array: the await raises instead
                futures.settle(self, fut, False, getattr(e, "text", str(e)))
                return
            futures.settle(self, fut, True, v)
        else:
            unseen = not fut.waiters and not fut.handled
            futures.settle(self, fut, False, self.glue.errorText(value),
                           self.glue.errorStack(value))
            if unseen:  # e.g. a then-callback raised and nobody waits for the result
                self.op_uncaught(self.glue.errorHandle(value), None, None)

    def op_send(self, h, name, args):
        S = self.S
        target = self.refs.get(h)
        if target is None:
            return self.glue.fail(self.glue.error("pyio: this Io object has been released",
                                                  "", -1))
        values = [from_js(self, x) for x in args]
        # labelled so an error report names the caller: `Object call   JavaScript 0`
        msg = Message(name, [S.literal_message(v) for v in values], S.message_protos,
                      label="JavaScript")
        return self.result(self.run_now(lambda: S.send(target, msg, S.lobby)))

    def op_text(self, h, b, c):
        target = self.refs.get(h)
        if target is None:
            return "[released Io object]"
        co = self.run_now(lambda: self.S.as_string(target))
        return co.result if co.finished and co.exception is None else "[Io object]"

    def op_release(self, h, b, c):
        self.refs.pop(h, None)

    def op_uncaught(self, h, b, c):
        """An Io exception thrown into JS reached the top of a JS task uncaught (a listener
        or timer callback raised): report it where the program's errors go."""
        exc = self.refs.get(h)
        if exc is not None:
            self.S.host.write_error(self.S.report(exc))
            self.driver.schedule()

    def op_lobby(self, a, b, c):
        return self.register(self.S.lobby)

    def op_interrupt(self, a, b, c):
        """Stop: the running code stops at its next check; code parked on a Promise would
        never get there, so the current REPL entry is woken with the interrupt instead and
        nothing else waiting on a Promise runs on (as after Stop in pyio_core)."""
        S = self.S
        job = self.job
        parked = (job is not None and not job.finished and job is not S.coro
                  and job not in S.ready)
        for fut in self.futures.values():
            S.external_waits -= len(fut.waiters)
            fut.waiters.clear()
        if parked:
            S.wake(job, exc=IoInterrupt("Interrupted"))
        else:
            S.interrupt()
        self.driver.schedule()

    def op_eval(self, code, b, c):
        S = self.S
        msg = S.parse(code, "io.eval")
        return self.result(self.run_now(lambda: S.eval_chain(msg, S.lobby, S.lobby)))

    def op_repl(self, code, deferred, c):
        self.jobs.append((code, deferred))
        if self.job is None:
            self._next_job()

    def op_reset(self, a, b, c):
        from . import install

        new = type(self.S)(host=self.S.host, max_output=self.S.max_output)
        self.close()
        install(new, expose=self.api is not None, slice_seconds=self.driver.seconds,
                schedule=self.driver.external)

    # -- io.repl ---------------------------------------------------------------------------
    async def repl(self, code: str) -> tuple[str, int]:
        """``io.repl`` for Python callers: (output, status) once the entry has run."""
        d = self.glue.deferred()
        self.op_repl(code, d, None)
        r = await self.glue.unboxed(d.boxed)
        return r.output, r.status

    def _next_job(self) -> None:
        S = self.S
        if not self.jobs:
            self.job = None
            self.capture = None
            return
        code, d = self.jobs.popleft()
        capture = self.capture = []
        try:
            msg = S.parse(code, "Command Line")
        except IoRaise as e:
            self.job = None
            self._finish_job(d, capture, 1, S.report(e.exc))
            return
        co = self.job = S.start_call(self._repl_body, msg)
        self.on_end[co] = lambda co: self._job_ended(co, d, capture)
        self.driver.schedule()

    def _repl_body(self, msg):
        """Evaluate one entry; its result is (status, text to add after the output)."""
        S = self.S
        before = S.written
        try:
            value = yield from S.eval_chain(msg, S.lobby, S.lobby)
            if isinstance(value, PromiseFuture) and value.js is not None and not self.jobs:
                # the echo shows what a Promise gives (``JS fetch(u) await text``), unless
                # more entries are queued: those run at once, as upstream's REPL would
                value = yield from futures.wait(self, value)
            if S.written != before or value is S.nil:
                return 0, ""
            return 0, "==> " + (yield from S.as_string(value)) + "\n"
        except IoRaise as e:
            return 1, S.report(e.exc)

    def _job_ended(self, co, d, capture) -> None:
        e = co.exception
        if e is None:
            status, text = co.result if isinstance(co.result, tuple) else (0, "")
        else:
            status, text = 1, f"\n  {type(e).__name__}: {e}\n"
        self.job = None
        self._finish_job(d, capture, status, text)

    def _finish_job(self, d, capture, status: int, text: str) -> None:
        output = "".join(capture or ()) + text
        d.resolve(to_js({"output": output, "status": status}))
        if self.jobs:
            self._next_job()
        else:
            self.capture = None

    # -- lifetime --------------------------------------------------------------------------
    def stop(self, why: str = "Stopped") -> None:
        """The program stops reacting to the page (the IDE's Stop, and Run before the next
        program): its ``on`` listeners are removed, every Io object handed to JS so far
        stops answering (a JS timer, a raw addEventListener or a then-callback holding one
        does nothing), and coroutines waiting on a Promise are dropped. The Promises still
        settle their Futures, so ``f await`` later gives the value; JS callers waiting for
        Io (``io.repl``, a callback's Promise) get ``why``. Call it after the host has
        dropped its coroutines (the interpreter and its Lobby stay as they are)."""
        S = self.S
        dom.remove_all_listeners(self)
        self.inert_from = next(self._ids)
        self.glue.stop(self.inert_from)
        for fut in self.futures.values():
            S.external_waits = max(0, S.external_waits - len(fut.waiters))
            fut.waiters.clear()
        self._end_jobs(why)
        for co, cb in list(self.on_end.items()):
            del self.on_end[co]
            if not co.finished:
                co.finished, co.exception = True, IoInterrupt(why)
            cb(co)

    @property
    def reacting(self) -> bool:
        """True while the program may still run on its own since the last ``stop``: it has
        ``on`` listeners, or JS still holds a block it was given (a timer, a listener, a
        then-callback; until JS drops it). The IDE keeps Stop enabled meanwhile."""
        return bool(self.listeners) or any(
            h >= self.inert_from and isinstance(obj, Block) for h, obj in self.refs.items())

    def _end_jobs(self, why: str) -> None:
        """Queued ``io.repl`` entries will not run: tell their callers."""
        for _code, d in self.jobs:
            d.resolve(to_js({"output": why + "\n", "status": 1}))
        self.jobs.clear()

    def close(self) -> None:
        """The interpreter is gone (Reset): ``stop``, then release everything JS holds for
        it (handles, Promise watches, the Python proxy); later calls from JS do nothing."""
        if self.closed:
            return
        self.stop("interpreter reset")
        self.refs.clear()
        self.futures.clear()
        self.closed = True
        self._untee()
        self.glue.close()


def raised_at(exc) -> tuple:
    """Where an Io exception was raised, as (file, line, column): a syntax error's own
    position, else the innermost stack frame that has one; () when nothing is known."""
    slots = getattr(exc, "slots", {})
    line, label = slots.get("line"), slots.get("label")
    if isinstance(line, float) and isinstance(label, str):
        col = slots.get("column")
        return label, int(line), int(col) if isinstance(col, float) else 1
    for m, _target in getattr(exc, "frames", ()):
        if m.line:
            return m.label, m.line, m.col or 1
    return ()

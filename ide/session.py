"""The IDE's model of a session: one Io world, what runs in it, and what the user sees.

Everything here is plain Python with no browser in sight, so the IDE's behaviour (REPL echo,
error positions, Stop, input parking) is tested on CPython; ``ide/app.py`` only connects it
to the page. A driver calls :meth:`Session.step` from the browser's event loop: each call runs
one time slice of Io and says when to call again, so a runaway program never freezes the tab.

Output goes to ``emit(kind, text)`` where kind is one of ``out`` (program output), ``echo``
(``==> value``), ``error`` (an Io error report), ``note`` (messages from the IDE itself) and
``input`` (what the user typed).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import bridge
from bridge.host import MAX_OUTPUT
from pyio_core import Interpreter
from pyio_core.errors import IoExit, IoInterrupt, IoRaise
from pyio_core.eval.requests import PARK
from pyio_core.host import Host

EDITOR = "Editor"  # the label of code run from the editor (error marks apply to it)
CONSOLE = "Command Line"  # upstream's label for REPL input

Emit = Callable[[str, str], None]


@dataclass
class ErrorMark:
    """Where an error happened in the editor's code (1-based) and its message."""

    line: int
    column: int
    message: str


class BufferedHost(Host):
    """Collects output during a slice; the session hands it to the page once per slice, so
    a chatty loop costs one DOM update per slice instead of one per ``write``. Error output
    (``File standardError``, an event handler's uncaught exception) is kept apart, in order,
    so the console can show it as an error."""

    def __init__(self) -> None:
        self.pending: list[str] = []
        self.pieces: list[tuple[str, str]] = []  # ("error", text) between output runs

    def write(self, text: str) -> None:
        self.pending.append(text)

    def write_error(self, text: str) -> None:
        self._cut()
        self.pieces.append(("error", text))

    def flush(self) -> None:
        pass

    def read_line(self, prompt: str = "") -> str | None:
        """Synchronous reads (``File standardInput contents``) cannot wait in a page: they
        see the end of input. ``readLine`` parks instead (see Session._input_line)."""
        return None

    def sleep(self, seconds: float) -> None:
        """Never block the page: timers are honoured by the driver's next step."""

    def _cut(self) -> None:
        if self.pending:
            self.pieces.append(("out", "".join(self.pending)))
            self.pending.clear()

    def take(self) -> list[tuple[str, str]]:
        """What was written since the last call, as (kind, text) pieces in order."""
        self._cut()
        pieces, self.pieces = self.pieces, []
        return pieces


@dataclass
class _Job:
    """A coroutine the session watches: an editor run, a REPL line, or an echo of a value."""

    co: object
    kind: str  # "run" | "repl" | "echo"
    written: int = 0


class Session:
    """One Io world for the IDE: run the editor, evaluate console lines, stop, reset."""

    def __init__(self, emit: Emit, make_host: Callable[[], Host] | None = None,
                 schedule: Callable[[], None] | None = None) -> None:
        self.emit = emit
        self.make_host = make_host or BufferedHost
        self.schedule = schedule  # asks the driver for a slice (a JS Promise woke Io code)
        self.on_input_request: Callable[[str], None] | None = None
        self.reset()

    # -- world -----------------------------------------------------------------------------
    def reset(self) -> None:
        """A fresh Lobby: forget every object, stop everything (the old bridge is closed:
        its listeners and the handles JS holds are released)."""
        if getattr(self, "bridge", None) is not None:
            self.close()
        self.host = self.make_host()
        self.interp = Interpreter(host=self.host, max_output=MAX_OUTPUT)
        self.baseline = set(self.interp.lobby.slots)  # the inspector shows only what is new
        self.finished = 0  # jobs ended so far: the page refreshes the inspector when it moves
        self.jobs: list[_Job] = []
        self.reader = None  # the coroutine parked in readLine, if any
        self.errors: list[ErrorMark] = []
        self.last_value = None  # the latest console entry's value (the inspector shows it)
        self.host.input_line = self._input_line  # readLine waits for the console
        self._guard_wakes()
        # In the browser the bridge adds JS, DOM, Element...; the session keeps driving
        # the slices itself (``schedule``). On CPython install() returns None.
        self.bridge = bridge.install(self.interp, schedule=self._wake)

    def _guard_wakes(self) -> None:
        """Stop drops coroutines that may still be parked on a JS Promise or an event: when
        that settles later, its wake must not bring the stopped program back to life. So
        the session notes the coroutines it sees made, and ignores wakes of dropped ones."""
        it = self.interp
        self.live: set = set()
        self.stale: set = set()
        make, wake = it.new_coroutine, it.wake

        def new_coroutine():
            co = make()
            if len(self.live) > 4096:
                self.live = {c for c in self.live if not c.finished}
            self.live.add(co)
            return co

        def guarded_wake(co, value=None, exc=None) -> None:
            if co not in self.stale:
                wake(co, value, exc)

        it.new_coroutine = new_coroutine
        it.wake = guarded_wake

    def _wake(self) -> None:
        if self.schedule is not None:
            self.schedule()

    @property
    def busy(self) -> bool:
        """True while anything may still run: code, timers, or a program waiting for input."""
        it = self.interp
        return bool(it.coro or it.ready or it.timers or self.reader or self.jobs)

    @property
    def reacting(self) -> bool:
        """True while the last program may still run by itself: event handlers, JS timers
        or callbacks holding its blocks (in the browser). Stop ends that too."""
        return self.bridge is not None and self.bridge.reacting

    @property
    def waiting_for_input(self) -> bool:
        return self.reader is not None

    # -- starting code ---------------------------------------------------------------------
    def run(self, code: str) -> bool:
        """Run the editor's code in the shared Lobby, stopping the previous program first
        (what still runs, and its event listeners and JS callbacks: see ``stop``).

        Returns False when the code does not parse (the error is reported and marked)."""
        self.stop(quiet=True)
        self.errors = []
        return self._start(code, EDITOR, "run")

    def repl(self, code: str) -> bool:
        """Evaluate one console entry; its value is echoed as ``==> value`` when it ends."""
        self.emit("input", code)
        return self._start(code, CONSOLE, "repl")

    def _start(self, code: str, label: str, kind: str) -> bool:
        try:
            co = self.interp.start(code, label)
        except IoRaise as e:  # a syntax error: reported like any other Io error
            self._report(e.exc)
            return False
        self.jobs.append(_Job(co, kind, self.interp.written))
        return True

    # -- running ---------------------------------------------------------------------------
    def step(self, seconds: float = 0.02) -> float | None:
        """Run one slice of at most ``seconds``. Returns the delay before the next step is
        due (0: at once, after letting the browser breathe), or None when there is nothing
        to do until the user acts (done, or waiting for console input)."""
        it = self.interp
        try:
            status = it.run_slice(seconds=seconds)
        except IoInterrupt:
            self._flush()
            self.stop()
            return None
        except IoExit as e:
            self._flush()
            self.stop(quiet=True)
            self.emit("note", f"Program exited with status {e.code}.")
            return None
        except Exception as e:  # a bug in pyio: keep the page and the Lobby usable
            self.stop(quiet=True)
            self.emit("error", f"Internal error in pyio ({type(e).__name__}: {e}). "
                               "Please report it.")
            return None
        self._flush()
        self._finish_jobs()
        if it.coro or it.ready or status == "more":
            return 0.0
        if it.timers:
            return max(0.0, it.timers[0][0] - time.monotonic())
        return None

    def stop(self, quiet: bool = False) -> None:
        """Stop everything at once: the running code, sleepers and timers, a pending read,
        and (in the browser) the program's reactions: event listeners, JS timers and
        Promise callbacks holding Io blocks do nothing from now on. The Lobby stays.

        The driver only calls this between slices, so no Io code is on the Python stack and
        dropping the coroutines is safe and immediate (no waiting for the next check)."""
        it = self.interp
        was_busy = self.busy or self.reacting
        it.coro = None
        it.ready.clear()
        it.timers.clear()
        it.interrupted = False
        self.reader = None
        self.jobs.clear()
        self.stale |= {c for c in self.live if not c.finished}
        self.live = set()
        if self.bridge is not None:
            self.bridge.stop()
        it.external_waits = 0
        self._flush()
        if was_busy and not quiet:
            self.emit("note", "Stopped.")

    def close(self) -> None:
        """The session is over (the IDE's Reset): stop, and release what JS holds for this
        interpreter, so nothing of it runs or stays alive in the page."""
        self.stop(quiet=True)
        if self.bridge is not None:
            self.bridge.close()

    def _flush(self) -> None:
        take = getattr(self.host, "take", None)
        for kind, text in take() if take else ():
            self.emit(kind, text.strip("\n") if kind == "error" else text)

    def _finish_jobs(self) -> None:
        for job in [j for j in self.jobs if j.co.finished]:
            self.jobs.remove(job)
            self.finished += 1
            exc = job.co.exception
            if isinstance(exc, IoRaise):
                self._report(exc.exc)
            elif exc is not None:
                self.emit("error", f"\n  {exc}\n")
            elif job.kind == "echo":
                self.emit("echo", f"==> {job.co.result}")
            elif job.kind == "repl":
                self._echo(job)

    def _echo(self, job: _Job) -> None:
        """Upstream's REPL rule (as Interpreter.repl_line): echo the value only when the
        entry printed nothing and the value is not nil. asString may run Io code, so it
        runs as a coroutine of its own."""
        it = self.interp
        value = job.co.result
        self.last_value = value
        if it.written != job.written or value is it.nil or value is None:
            return
        co = it.start_call(it.as_string, value)
        self.jobs.append(_Job(co, "echo"))

    def _report(self, exc) -> None:
        self._flush()
        self.emit("error", self.interp.report(exc).strip("\n"))
        self.errors = error_marks(self.interp, exc)

    # -- console input: File standardInput readLine, ReadLine readLine --------------------
    def _input_line(self, S, prompt: str = ""):
        """The host's ``input_line`` (pyio_core/host.py) in a page, which cannot block:
        print the prompt, park the calling coroutine, and let ``provide_input`` wake it
        with the line the user typed in the console."""
        if prompt:
            S.write(prompt)
        self._flush()
        self.reader = S.coro
        S.external_waits += 1
        if self.on_input_request is not None:
            self.on_input_request(prompt)
        return (yield PARK)

    def provide_input(self, line: str | None) -> bool:
        """Answer a parked readLine (None: end of input). False when nobody was reading."""
        co = self.reader
        if co is None:
            return False
        self.reader = None
        self.interp.external_waits = max(0, self.interp.external_waits - 1)
        self.emit("input", "" if line is None else line)
        self.interp.wake(co, line)
        return True


def error_marks(interp: Interpreter, exc) -> list[ErrorMark]:
    """The editor position of an Io exception: a syntax error's own position, else the
    innermost stack frame that lies in the editor's code."""
    text = interp.simple_string(exc.slots.get("error", interp.nil))
    if exc.slots.get("label") == EDITOR and isinstance(exc.slots.get("line"), float):
        col = exc.slots.get("column")
        return [ErrorMark(int(exc.slots["line"]), int(col) if isinstance(col, float) else 1, text)]
    for m, _target in getattr(exc, "frames", ()):
        if m.label == EDITOR and m.line:
            return [ErrorMark(m.line, m.col or 1, text)]
    return []

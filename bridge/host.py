"""The browser host: output to a callback, and the slice driver that runs Io from the JS
event loop.

A page never blocks: the driver runs ``interp.run_slice(seconds=~0.01)`` in a macrotask
(MessageChannel, else setTimeout 0), queues another while work remains (MORE), sets a
timer for the next Io timer when everything is parked (WAITING), and sleeps when DONE until
something (a settled Promise, a new REPL entry) schedules it again.
"""

from __future__ import annotations

import math
import time
import traceback
from collections.abc import Callable

from pyio_core.errors import IoExit, IoInterrupt
from pyio_core.eval.machine import MORE, WAITING
from pyio_core.host import Host

# Characters one run may write when its output is kept in a page (a console, an element):
# enough for any real program, small enough that `loop("x" print)` noticed late cannot use
# up the tab's memory. Io code can change it (System setMaxOutputSize).
MAX_OUTPUT = 1_000_000


class BrowserHost(Host):
    """Io's output goes to ``on_output(text)`` (e.g. a JS function); there is no stdin in
    a page."""

    def __init__(self, on_output: Callable[[str], object] | None = None) -> None:
        self.on_output = on_output

    def write(self, text: str) -> None:
        if self.on_output is not None:
            self.on_output(text)

    def write_error(self, text: str) -> None:
        self.write(text)

    def flush(self) -> None:
        pass

    def read_line(self, prompt: str = "") -> str | None:
        if prompt:
            self.write(prompt)
        return None

    def sleep(self, seconds: float) -> None:
        """Never block a page: timers are handled by the slice driver instead."""


class SliceDriver:
    """Runs the interpreter in time slices from the JS event loop."""

    def __init__(self, interp, glue, seconds: float = 0.01,
                 schedule: Callable[[], object] | None = None) -> None:
        self.S = interp
        self.glue = glue
        self.seconds = seconds
        self.external = schedule  # a host's own driver (the IDE's), called instead
        self.timer_at: float | None = None  # monotonic time a JS timer will pump at
        self.slices = 0

    def schedule(self) -> None:
        """Run a slice soon (at most one is queued), or tell the host's own driver to."""
        if self.external is not None:
            self.external()
        else:
            self.glue.later()

    def pump(self, from_timer: bool = False) -> str:
        """One slice; then queue the next one, a timer, or nothing."""
        S = self.S
        self.slices += 1
        if from_timer:  # JS timers may fire a little early: always re-arm after one
            self.timer_at = None
        deadline = time.monotonic() + self.seconds
        try:
            # run_slice also returns MORE when a coroutine ends: keep going while the
            # budget lasts, so queued work runs back to back in one macrotask
            status = S.run_slice(seconds=self.seconds)
            while status == MORE and (left := deadline - time.monotonic()) > 0:
                status = S.run_slice(seconds=left)
        except (IoInterrupt, IoExit):
            status = MORE  # the coroutine already ended; look at the others next time
        except Exception:  # a bug in pyio must not stop the page's event loop
            S.host.write_error("pyio internal error:\n" + traceback.format_exc())
            status = MORE if S.ready else WAITING
        if status == MORE:
            self.schedule()
        elif status == WAITING:
            nxt = S.next_timer()
            if nxt is not None and (self.timer_at is None or nxt < self.timer_at
                                    or self.timer_at <= time.monotonic()):
                self.timer_at = nxt
                self.glue.after(max(0, math.ceil((nxt - time.monotonic()) * 1000.0)))
        return status

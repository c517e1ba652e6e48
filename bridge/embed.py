"""Run several Io scripts, one after another, in one shared Lobby inside a page.

This is the Python half of ``pyio.js`` (the ``<script type="io">`` loader, see
docs/embedding.md) and of the ``pyio_session`` pytest helper for Pyodide: both need "run this
source to the end, however long it waits on timers or Promises, then tell me whether it
failed" without blocking the JS event loop.  The bridge's slice driver does the running; a
Session only starts each script as a coroutine and resolves an asyncio future when it ends.

Outside Pyodide (no ``js`` module) there is no bridge and no event loop to share, so a
Session runs each script to completion synchronously instead; the result has the same shape.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from pyio_core.errors import IoExit, IoRaise, IoStop
from pyio_core.host import CaptureHost
from pyio_core.state import Interpreter, IoUncaught

from .host import MAX_OUTPUT


class _Output(CaptureHost):
    """A CaptureHost that also streams every piece of output to ``on_output``."""

    def __init__(self, on_output: Callable[[str], object] | None) -> None:
        super().__init__()
        self.on_output = on_output

    def write(self, text: str) -> None:
        super().write(text)
        if self.on_output is not None:
            self.on_output(text)

    def write_error(self, text: str) -> None:
        self.write(text)


class Session:
    """One interpreter (one Lobby) for a sequence of scripts.

    ``on_output(text)`` receives everything Io writes, as it is written (at most
    ``max_output`` characters per script, bridge.host.MAX_OUTPUT by default: output is kept
    in memory).  In Pyodide the bridge is installed (``JS``, ``DOM``, ``Element``, the JS
    global ``io``); ``bridge`` is None elsewhere.
    """

    def __init__(self, on_output: Callable[[str], object] | None = None,
                 expose: bool = True, max_output: int | None = MAX_OUTPUT) -> None:
        import bridge

        if bridge.available():
            from bridge.host import BrowserHost

            host = BrowserHost(on_output)
            self.bridge = bridge.install(Interpreter(host=host, max_output=max_output),
                                         expose=expose)
            self.interp = self.bridge.S
        else:
            self.bridge = None
            self.interp = Interpreter(host=_Output(on_output), max_output=max_output)

    async def run(self, code: str, label: str = "<script>") -> str | None:
        """Run ``code`` in the shared Lobby; None when it ended normally, else the Io error
        report (upstream's text) of the exception that ended it."""
        S = self.interp
        if self.bridge is None:
            try:
                S.do_string(code, label)
            except IoUncaught as e:
                return e.report
            return None
        done: asyncio.Future = asyncio.get_event_loop().create_future()
        co = S.start(code, label)
        self.bridge.on_end[co] = lambda co: done.done() or done.set_result(self._outcome(co))
        self.bridge.driver.schedule()
        return await done

    def close(self) -> None:
        """Release what JS holds for this interpreter (listeners, handles, the JS ``io``
        calls); the Session cannot run scripts afterwards."""
        if self.bridge is not None:
            self.bridge.close()

    def _outcome(self, co) -> str | None:
        e = co.exception
        if e is None or isinstance(e, (IoStop, IoExit)):
            return None
        if isinstance(e, IoRaise):
            return self.interp.report(e.exc)
        return f"{type(e).__name__}: {e}\n"


__all__ = ["Session"]

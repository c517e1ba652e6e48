"""Drives a Session from the browser's event loop: one slice of Io per macrotask.

Between two slices the browser handles clicks and paints, so Stop (and everything else)
stays responsive while Io code runs. Slices are short (SLICE seconds) so Stop lands well
within 100 ms.
"""

from __future__ import annotations

from collections.abc import Callable

SLICE = 0.025  # seconds of Io per step


class SliceDriver:
    """Schedules ``session.step`` with ``set_timeout`` until the session has nothing to do."""

    def __init__(self, session_of: Callable, set_timeout: Callable, clear_timeout: Callable,
                 create_proxy: Callable, after_step: Callable[[], None]) -> None:
        self.session_of = session_of  # the current session (Reset replaces it)
        self.set_timeout = set_timeout
        self.clear_timeout = clear_timeout
        self.after_step = after_step
        self.handle = None
        self._tick_proxy = create_proxy(self._tick)

    def kick(self) -> None:
        """Run a slice as soon as the browser allows (after Run, input, a console line)."""
        self._schedule(0)

    def cancel(self) -> None:
        if self.handle is not None:
            self.clear_timeout(self.handle)
            self.handle = None

    def _schedule(self, seconds: float) -> None:
        self.cancel()
        self.handle = self.set_timeout(self._tick_proxy, int(seconds * 1000))

    def _tick(self) -> None:
        self.handle = None
        try:
            delay = self.session_of().step(SLICE)
        finally:
            self.after_step()
        if delay is not None:
            self._schedule(delay)

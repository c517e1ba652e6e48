"""The trampoline: runs coroutines' heap stacks in slices and switches between them.

Generators yield requests up to here: another generator (a deep call, pushed on the heap
stack), ``PREEMPT`` (time to check the slice budget and interrupts), ``Resume`` (switch to a
coroutine) or ``PARK`` (the current coroutine waits for a timer, a future or input). A host
calls ``run_slice`` and gets back whether work remains, so a browser tab never blocks.
"""

from __future__ import annotations

import heapq
import itertools
import time
from collections import deque
from types import GeneratorType

from ..errors import IoExit, IoInterrupt, IoRaise, IoStop
from .requests import PARK, PREEMPT, Resume

# run_slice results
DONE, MORE, WAITING = "done", "more", "waiting"


class Machine:
    """Mixin for the interpreter state: coroutine scheduling and time slices."""

    def init_machine(self) -> None:
        self.coro = None
        self.ready = deque()
        self.timers: list = []
        self._timer_seq = itertools.count()
        self.interrupted = False
        self.steps_per_check = 1000

    # -- waking and timers ---------------------------------------------------------------
    def wake(self, co, value=None, exc=None) -> None:
        """Make a parked coroutine runnable; ``exc`` is raised inside it instead."""
        co.send_value = value
        co.throw_exc = exc
        self.ready.append(co)

    def wake_at(self, when: float, co) -> None:
        heapq.heappush(self.timers, (when, next(self._timer_seq), co))

    def fire_timers(self, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        timers = self.timers
        while timers and timers[0][0] <= now:
            _, _, co = heapq.heappop(timers)
            self.wake(co)

    def next_timer(self) -> float | None:
        return self.timers[0][0] if self.timers else None

    def interrupt(self) -> None:
        """Ask the running program to stop at its next check (Stop button, Ctrl-C)."""
        self.interrupted = True

    # -- running -------------------------------------------------------------------------
    def start_coroutine(self, co) -> None:
        co.started = True
        co.stack = [co.starter()]
        co.send_value = None
        co.throw_exc = None

    def run_slice(self, max_steps: int | None = None, seconds: float | None = None) -> str:
        """Run until the work is done, parked (WAITING) or the budget is used (MORE)."""
        deadline = None if seconds is None else time.monotonic() + seconds
        steps = 0
        self.ticks = self.steps_per_check
        while True:
            co = self.coro
            if co is None:
                if self.timers:
                    self.fire_timers()
                if not self.ready:
                    return WAITING if (self.timers or self.waiting_external()) else DONE
                co = self.coro = self.ready.popleft()
            stack = co.stack
            gen = stack[-1]
            exc = co.throw_exc
            try:
                if exc is None:
                    req = gen.send(co.send_value)
                else:
                    co.throw_exc = None
                    req = gen.throw(exc)
            except StopIteration as s:
                stack.pop()
                co.send_value = s.value
                if not stack:
                    self.coroutine_ended(co, s.value, None)
                continue
            except (IoRaise, IoStop, IoInterrupt, IoExit) as e:
                stack.pop()
                co.send_value = None
                if stack:
                    co.throw_exc = e
                else:
                    self.coroutine_ended(co, None, e)
                    if isinstance(e, (IoInterrupt, IoExit)):
                        raise
                continue
            co.send_value = None
            if req.__class__ is GeneratorType:
                stack.append(req)
                continue
            if req is PREEMPT:
                steps += 1
                self.ticks = self.steps_per_check
                if self.interrupted:
                    self.interrupted = False
                    co.throw_exc = IoInterrupt("Interrupted")
                    continue
                if (max_steps is not None and steps >= max_steps) or (
                    deadline is not None and time.monotonic() >= deadline
                ):
                    return MORE
                if self.timers and self.timers[0][0] <= time.monotonic():
                    self.fire_timers()
                continue
            if req.__class__ is Resume:
                target = req.coro
                self.coro = target
                if not target.started:
                    self.start_coroutine(target)
                continue
            if req is PARK:
                self.coro = None
                continue
            co.throw_exc = IoRaise(self.error_exception(f"bad request {req!r}", None))

    def waiting_external(self) -> bool:
        """True while a host future (JS promise, console input) may still wake someone."""
        return self.external_waits > 0

    def coroutine_ended(self, co, value, exc) -> None:
        co.finished = True
        co.result = value
        co.exception = exc
        parent = co.parent
        self.coro = None
        if self.coro_end_hook is not None:
            self.coro_end_hook(co)
        if parent is not None and not parent.finished and parent.started:
            # like upstream, a finished coroutine hands control back to its parent
            self.coro = parent
            parent.send_value = value if value is not None else self.nil

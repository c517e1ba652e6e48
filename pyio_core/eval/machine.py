"""The trampoline: runs coroutines' heap stacks in slices and switches between them.

Generators yield requests up to here: another generator (a deep call, pushed on the heap
stack), ``PREEMPT`` (time to check the slice budget and interrupts), a ``Coroutine`` (switch
to it: the object itself is the request, so a switch allocates nothing) or ``PARK`` (the current coroutine waits for a timer, a future or input). A host
calls ``run_slice`` and gets back whether work remains, so a browser tab never blocks.

Two queues hold runnable coroutines. ``ready`` is the host's: coroutines woken by a timer,
a host future or input, and new top-level work from ``start``; the trampoline takes from it
whenever nothing is running. ``run_queue`` is Io's ``Scheduler yieldingCoros`` list, which
``yield``/``pause`` (protos/coroutine.py) manage as upstream does; they first move every
``ready`` coroutine onto it, so timers wake coroutines even while others keep yielding.
When a coroutine ends with no living parent, ``run_slice`` returns (``MORE``), so whoever
waits for it (``Interpreter.finish``) sees it finished even if other coroutines could run.
"""

from __future__ import annotations

import heapq
import itertools
import time
from collections import deque
from types import CellType, GeneratorType

from ..errors import IoError, IoExit, IoInterrupt, IoRaise, IoStop
from ..values import Coroutine
from .requests import PARK, PREEMPT

# run_slice results
DONE, MORE, WAITING = "done", "more", "waiting"

CHECK_STEPS = 1000  # steps (calls, loop iterations) between two checks when steps are cheap
CHECK_SECONDS = 0.005  # the longest gap between checks the adaptation aims for


class Machine:
    """Mixin for the interpreter state: coroutine scheduling and time slices."""

    def init_machine(self) -> None:
        self.tick = CellType(CHECK_STEPS)  # calls and loop turns left before a check
        self.shape = CellType(0)  # changes of any slot set or protos list (see reshaped)
        self.coro = None
        self.ready = deque()
        self.run_queue = None  # the Io List `Scheduler yieldingCoros` (made on first use)
        self.timers: list = []  # heap of (when, seq, coroutine); see timer_ids
        self.timer_ids: dict = {}  # coroutine -> seq of its live timer (others are stale)
        self._timer_seq = itertools.count()
        self.interrupted = False
        self.steps_per_check = CHECK_STEPS
        self.max_steps = None  # calls + loop iterations per run (counted at each check)
        self.run_steps = 0
        self.limit_error = None  # text of the limit this run passed: raised at every check

    # -- waking and timers ---------------------------------------------------------------
    def wake(self, co, value=None, exc=None) -> None:
        """Make a parked coroutine runnable; ``exc`` is raised inside it instead."""
        if co is self.coro or co.finished:
            return  # running already (woken early by a child) or gone: nothing to wake
        co.send_value = value
        co.throw_exc = exc
        if co not in self.ready:
            self.ready.append(co)

    def wake_at(self, when: float, co) -> None:
        """Wake ``co`` (as ``wake`` does) at monotonic time ``when``; replaces its timer."""
        seq = next(self._timer_seq)
        self.timer_ids[co] = seq
        heapq.heappush(self.timers, (when, seq, co))

    def cancel_timer(self, co) -> None:
        self.timer_ids.pop(co, None)

    def fire_timers(self, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        timers, ids = self.timers, self.timer_ids
        while timers and timers[0][0] <= now:
            _, seq, co = heapq.heappop(timers)
            if ids.get(co) == seq:
                del ids[co]
                self.wake(co)

    def next_timer(self) -> float | None:
        timers, ids = self.timers, self.timer_ids
        while timers and ids.get(timers[0][2]) != timers[0][1]:
            heapq.heappop(timers)  # cancelled or replaced
        return timers[0][0] if timers else None

    def live_timers(self) -> list:
        """(when, coroutine) of every pending timer, soonest first."""
        ids = self.timer_ids
        return [(w, co) for w, seq, co in sorted(self.timers) if ids.get(co) == seq]

    def interrupt(self) -> None:
        """Ask the running program to stop at its next check (Stop button, Ctrl-C)."""
        self.interrupted = True

    def reset_scheduler(self) -> None:
        """Forget every coroutine: after Stop or ``System exit`` nothing may run on."""
        self.coro = None
        self.ready.clear()
        self.timers.clear()
        self.timer_ids.clear()
        if self.run_queue is not None:
            self.run_queue.items.clear()

    # -- running -------------------------------------------------------------------------
    def start_coroutine(self, co) -> None:
        """(Re)start ``co`` from its ``starter``; a restart drops its old stack."""
        co.started = True
        co.finished = False
        co.stack = [co.starter()]
        co.depth = 0  # after dropping the old stack, whose frames reset depth as they close
        co.result = co.exception = None
        co.send_value = None
        co.throw_exc = None

    def run_slice(self, max_steps: int | None = None, seconds: float | None = None) -> str:
        """Run until the work is done, parked (WAITING) or the budget is used (MORE)."""
        last = time.monotonic()  # of the last check
        deadline = None if seconds is None else last + seconds
        steps = 0
        self.ticks = self.steps_per_check
        while True:
            co = self.coro
            if co is None:
                if self.timers:
                    self.fire_timers()
                if self.ready:
                    co = self.ready.popleft()
                else:
                    # only a host pumping budgeted slices keeps background coroutines going;
                    # running to completion (do_string, nested runs) waits for its own
                    budgeted = max_steps is not None or deadline is not None
                    co = self.from_run_queue() if budgeted else None
                    if co is None:
                        waiting = self.next_timer() is not None or self.waiting_external()
                        return WAITING if waiting else DONE
                self.coro = co
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
                    if self.coro is None:
                        return MORE  # a caller may be waiting for exactly this coroutine
                continue
            except Exception as e:
                if isinstance(e, IoError) and len(stack) > 1:
                    pass  # its caller positions it at its send, as if it had run inline
                elif not isinstance(e, (IoRaise, IoStop, IoInterrupt, IoExit)):
                    e = IoRaise(self.python_error(e))  # never let a Python error escape
                # thrown on into the caller, it would carry a Python traceback growing by a
                # few frames per Io level: 15,000 entries for a 3,000-deep stack overflow,
                # kept alive by the Io exception, and freed recursively (which overflows
                # the WebAssembly stack in Pyodide). Internal errors saved theirs already.
                e.__traceback__ = None
                stack.pop()
                co.send_value = None
                if stack:
                    co.throw_exc = e
                else:
                    self.coroutine_ended(co, None, e)
                    if isinstance(e, (IoInterrupt, IoExit)):
                        raise
                    if self.coro is None:
                        return MORE
                continue
            co.send_value = None
            if req.__class__ is GeneratorType:
                stack.append(req)
                continue
            if req is PREEMPT:
                steps += 1
                now = time.monotonic()
                spc = self.steps_per_check
                # steps made slow by primitives working on big values (a contains on a
                # long list...) get fewer per check, so Stop still answers within ~10 ms
                if now - last > CHECK_SECONDS:
                    self.steps_per_check = max(16, int(spc * CHECK_SECONDS / (now - last)))
                elif spc < CHECK_STEPS:
                    self.steps_per_check = min(CHECK_STEPS, spc * 2)
                last = now
                self.ticks = self.steps_per_check
                if self.interrupted:
                    self.interrupted = False
                    co.throw_exc = IoInterrupt("Interrupted")
                    continue
                if self.max_steps is not None:
                    self.run_steps += spc
                    if self.run_steps > self.max_steps:
                        self.limit_error = (f"Step limit reached: more than {self.max_steps} "
                                            "steps in one run (System setMaxSteps changes the "
                                            "limit)")
                if self.limit_error is not None:
                    # raised again at every later check (ticks 0), so `try` cannot keep a
                    # runaway program alive
                    self.ticks = 0
                    co.throw_exc = IoRaise(self.error_exception(self.limit_error, None))
                    continue
                if (max_steps is not None and steps >= max_steps) or (
                    deadline is not None and now >= deadline
                ):
                    return MORE
                if self.timers and self.timers[0][0] <= now:
                    self.fire_timers()
                continue
            if req.__class__ is Coroutine:
                target = req
                if not target.started:
                    self.start_coroutine(target)
                elif target.finished or not target.stack:
                    continue  # nothing left to resume: the requester goes on
                elif self.ready and target in self.ready:
                    self.ready.remove(target)  # resumed directly: its wake-up is spent
                self.coro = target
                continue
            if req is PARK:
                self.coro = None
                continue
            co.throw_exc = IoRaise(self.error_exception(f"bad request {req!r}", None))

    def from_run_queue(self):
        """With nothing running or ready, the first suspended coroutine still queued in
        ``Scheduler yieldingCoros``: one that yielded to a coroutine that then ended with
        no parent to return to (top-level code), so a page's background loops keep going."""
        q = self.run_queue
        if q is None:
            return None
        items = q.items
        for i, c in enumerate(items):
            if c.__class__ is Coroutine and c.started and not c.finished and c.stack:
                del items[i]
                return c
        return None

    def python_error(self, e: Exception):
        """The Io exception for a Python one that reached the trampoline outside any
        ``eval_chain`` (whose own handlers do the same, positioned at a message): a
        primitive's IoError, Python's recursion limit, or a bug (an internal error)."""
        if isinstance(e, IoError):
            return self.error_exception(e.text, None, e.kind)
        if isinstance(e, RecursionError):
            return self.error_exception("Stack overflow", None)
        return self.internal_error(e, None)

    def waiting_external(self) -> bool:
        """True while a host future (JS promise, console input) may still wake someone."""
        return self.external_waits > 0

    def coroutine_ended(self, co, value, exc) -> None:
        """Record how ``co`` ended and, like upstream, hand control to its nearest living
        ancestor (``run`` and ``resume`` make the caller the parent). An uncaught Io
        exception ends a child coroutine quietly (it stays in ``exception``); it is only
        reported when no ancestor is left to carry on."""
        if isinstance(exc, IoStop):  # `return` at a coroutine's top level
            value, exc = exc.value, None
        co.finished = True
        co.result = value
        co.exception = exc
        self.coro = None
        if self.coro_end_hook is not None:
            self.coro_end_hook(co)
        if isinstance(exc, (IoInterrupt, IoExit)):
            self.reset_scheduler()
            return
        parent, seen = co.parent, {id(co)}
        while parent is not None and (parent.finished or not parent.started):
            if id(parent) in seen:  # a cycle of parentCoroutine links
                parent = None
                break
            seen.add(id(parent))
            parent = parent.parent
        if parent is None:
            if exc is not None and co.parent is not None:
                self.write(self.report(exc.exc))
            return
        if self.ready and parent in self.ready:
            self.ready.remove(parent)
        self.coro = parent
        parent.send_value = value if value is not None else self.nil

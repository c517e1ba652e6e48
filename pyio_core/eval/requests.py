"""What an evaluating generator may yield to the trampoline (eval/machine.py)."""

from __future__ import annotations

PREEMPT = object()  # "check the slice budget and interrupts now"
PARK = object()  # "suspend this coroutine until something wakes it"


class Resume:
    """Suspend the current coroutine and run ``coro``."""

    __slots__ = ("coro",)

    def __init__(self, coro) -> None:
        self.coro = coro

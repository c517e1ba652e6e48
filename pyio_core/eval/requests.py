"""What an evaluating generator may yield to the trampoline (eval/machine.py)."""

from __future__ import annotations

# Nesting levels run by ``yield from`` between two hand-overs to the trampoline, minus one
# (a power of two minus one): this bounds the C stack.
HOP_MASK = 63

PREEMPT = object()  # "check the slice budget and interrupts now"
PARK = object()  # "suspend this coroutine until something wakes it"
# (and a Coroutine object itself: "suspend this coroutine and run that one")


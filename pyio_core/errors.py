"""Python exceptions that carry Io control flow and Io errors through the evaluator.

Generators propagate these naturally, so ``try``, ``return``, ``break`` and ``continue``
unwind heap frames without any bookkeeping of our own.
"""

from __future__ import annotations


class IoError(Exception):
    """Raised by a primitive with the text of an Io error; the evaluator turns it into an
    Io Exception object positioned at the message being sent."""

    def __init__(self, text: str, kind: str = "Exception") -> None:
        super().__init__(text)
        self.text = text
        self.kind = kind


class IoRaise(Exception):
    """An Io exception object in flight (``Exception raise``, errors from primitives)."""

    def __init__(self, exc) -> None:
        super().__init__()
        self.exc = exc


class IoStop(Exception):
    """A stop status (return / break / continue) unwinding to whoever handles it."""

    status = "Normal"

    def __init__(self, value) -> None:
        super().__init__()
        self.value = value


class IoReturn(IoStop):
    status = "Return"


class IoBreak(IoStop):
    status = "Break"


class IoContinue(IoStop):
    status = "Continue"


class IoInterrupt(Exception):
    """Stop / Ctrl-C: not catchable by Io's ``try`` so a runaway loop always ends."""


class IoExit(Exception):
    """``System exit(n)``: ends the whole program."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


# exceptions that are Io control flow: evaluators pass them through untouched
PASS_THROUGH = (IoRaise, IoStop, IoInterrupt, IoExit)

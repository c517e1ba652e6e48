"""System's resource limits: how deep Io may recurse, how much one run may print, and how
many steps one run may take. Each limit ends a runaway program with an ordinary Io
exception (docs/reliability.md shows what a user sees); hosts set the defaults through
``Interpreter(max_depth=..., max_output=..., max_steps=...)``.
"""

from __future__ import annotations

from ..errors import IoError
from ..registry import Prims
from .sequence_base import number

P = Prims("System")


def limit(S, v, method: str, allow_nil: bool) -> int | None:
    """A positive whole-number limit; nil lifts it when ``allow_nil``."""
    if v is S.nil and allow_nil:
        return None
    n = number(S, v, method)
    if not n >= 1 or n == float("inf"):
        raise IoError(f"{method} needs a positive number" + (" or nil" if allow_nil else ""))
    return int(n)


def shown(S, n: int | None):
    return S.nil if n is None else float(n)


@P("maxRecursionDepth")
def max_recursion_depth(S, t):
    return float(S.max_depth)


@P("setMaxRecursionDepth")
def set_max_recursion_depth(S, t, n):
    S.max_depth = limit(S, n, "setMaxRecursionDepth", False)
    return t


@P("maxOutputSize")
def max_output_size(S, t):
    return shown(S, S.max_output)


@P("setMaxOutputSize")
def set_max_output_size(S, t, n):
    S.max_output = limit(S, n, "setMaxOutputSize", True)
    return t


@P("maxSteps")
def max_steps(S, t):
    return shown(S, S.max_steps)


@P("setMaxSteps")
def set_max_steps(S, t, n):
    S.max_steps = limit(S, n, "setMaxSteps", True)
    return t

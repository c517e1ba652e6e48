"""pyio's browser bridge: Io <-> JavaScript inside Pyodide (see docs/bridge.md).

``install(interp)`` adds JSObject, JS, JsTypes, Future, BigInt, DOM, Element and
``jsfunction`` to an interpreter, starts the slice driver and (by default) defines the JS
global ``io``. Outside Pyodide (no ``js`` module) the bridge is simply absent:
``available()`` is False and ``install`` returns None.
"""

from __future__ import annotations


def available() -> bool:
    """True when running inside Pyodide (the ``js`` module exists)."""
    try:
        import js  # noqa: F401
        import pyodide.ffi  # noqa: F401
    except ImportError:
        return False
    return True


def install(interp, expose: bool = True, slice_seconds: float = 0.01, schedule=None):
    """Join ``interp`` to the JS world; returns the Bridge (None outside Pyodide).

    ``expose``: define the JS global ``io``. ``schedule``: a host that drives
    ``run_slice`` itself (the IDE) passes a callable the bridge calls whenever Io work
    becomes runnable (a Promise settled); by default the bridge's own driver runs it."""
    if not available():
        return None
    from .runtime import Bridge

    bridge = Bridge(interp, expose=expose, slice_seconds=slice_seconds, schedule=schedule)
    interp.reshaped()  # new protos in Core (JS, DOM...): cached lookups must look again
    return bridge


def start(on_output=None, expose: bool = True):
    """A fresh interpreter with a BrowserHost writing to ``on_output`` (at most
    ``host.MAX_OUTPUT`` characters per run), bridge installed."""
    from pyio_core import Interpreter

    from .host import MAX_OUTPUT, BrowserHost

    return install(Interpreter(host=BrowserHost(on_output), max_output=MAX_OUTPUT),
                   expose=expose)


__all__ = ["available", "install", "start"]

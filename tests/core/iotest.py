"""Helpers shared by the core tests: run Io code and see what a user would see."""

from __future__ import annotations

import re

from pyio_core import CaptureHost, Interpreter


def out(code: str, label: str = "<string>") -> str:
    """What ``code`` prints, run in a fresh interpreter."""
    host = CaptureHost()
    Interpreter(host=host).do_string(code, label)
    return host.output


def interpreted(code: str, label: str = "<string>", compiled: bool = False) -> str:
    """What ``code`` prints in a fresh interpreter with the compiler off (the reference for
    compiled code), or on with ``compiled``."""
    host = CaptureHost()
    interp = Interpreter(host=host)
    interp.compile = compiled
    interp.do_string(code, label)
    return host.output


def labelled(code: str) -> str:
    """``out`` with a file label, for tests whose expected text names the file."""
    return out(code, "_s.io")


class Shared:
    """One interpreter reused by many small checks (big parametrized tables stay fast)."""

    def __init__(self, host: CaptureHost | None = None) -> None:
        self.host = CaptureHost() if host is None else host
        self.interp = Interpreter(host=self.host)

    def out(self, code: str) -> str:
        self.host.out.clear()
        self.interp.do_string(code)
        return self.host.output


def show(expr: str, run=out) -> str:
    """``expr println``, without the newline."""
    return run(f"({expr}) println").removesuffix("\n")


def error(code: str, run=out) -> str:
    """The error text of the exception ``code`` raises ("no error" when none)."""
    return run(f'e := try({code}); if(e, e error print, "no error" print)')


def loose(text: str) -> str:
    """Addresses (0x...) differ between runs: compare them loosely."""
    return re.sub(r"0x[0-9a-f]+", "0xADDR", text)

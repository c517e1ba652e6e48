"""Shared pytest set-up for all of tests/.

`run_io` runs Io source through pyio_core with a capturing host and returns
what the program printed -- the usual way to test the interpreter:

    def test_add(run_io):
        assert run_io("writeln(1 + 2)") == "3\\n"
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def run_io():
    from pyio_core import Interpreter
    from pyio_core.host import CaptureHost

    def run(code: str) -> str:
        host = CaptureHost()
        Interpreter(host=host).do_string(code)
        return host.output

    return run

"""pytest fixtures for testing Io code (docs/embedding.md).

Installing pyio registers this module with pytest (the ``pyio`` entry point in the
``pytest11`` group), so any project can use the fixtures without a conftest:

- ``io``: one interpreter (one Lobby) per test on CPython; ``io.run(code)`` returns what the
  code printed, ``io.eval(code)`` its value, ``io.error(code)`` the report of the Io error
  it must raise.
- ``run_io``: ``run_io(code)`` runs code in a fresh interpreter and returns its output.
- ``pyodide_io``: the same ``run``/``error`` inside Pyodide with the JS bridge, through
  pytest-pyodide's ``selenium`` fixture (``--runtime=node`` or ``chrome``), for Io code that
  uses ``JS``, ``DOM``, Promises or timers driven by the JS event loop.

An uncaught Io error raises ``pyio_core.IoUncaught``, whose message is upstream's report, so
a failing test shows the Io error and its stack.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from .host import CaptureHost
from .state import Interpreter, IoUncaught


class IoSession:
    """An interpreter whose Lobby lives for the whole test, so one ``run`` can define what
    the next one checks."""

    def __init__(self, input_lines: list[str] | None = None) -> None:
        self.host = CaptureHost(input_lines)
        self.interp = Interpreter(host=self.host)

    def eval(self, code: str, label: str = "<test>"):
        """The value of ``code`` (a Python float, str, or Io object)."""
        return self.interp.do_string(code, label)

    def run(self, code: str, label: str = "<test>") -> str:
        """What ``code`` prints (stdout only; ``host.errors`` has stderr)."""
        start = len(self.host.out)
        self.interp.do_string(code, label)
        return "".join(self.host.out[start:])

    def run_file(self, path: str | Path) -> str:
        """What the Io file prints (its path is the label in error reports)."""
        return self.run(Path(path).read_text(encoding="utf-8"), str(path))

    def error(self, code: str, label: str = "<test>") -> str:
        """The report of the Io error ``code`` raises; fails the test if it raises none."""
        try:
            self.interp.do_string(code, label)
        except IoUncaught as e:
            return e.report
        pytest.fail(f"Io code raised no error: {code!r}")


@pytest.fixture
def io() -> IoSession:
    """A fresh Io interpreter for this test (CPython): ``io.run``, ``io.eval``,
    ``io.error``, ``io.interp``."""
    return IoSession()


@pytest.fixture
def run_io():
    """``run_io(code) -> output``: each call in a fresh interpreter."""
    return lambda code: IoSession().run(code)


class PyodideIoSession:
    """``run``/``error`` like IoSession, but executed inside Pyodide (pytest-pyodide's
    ``selenium`` runner) by bridge.embed.Session, with the bridge installed."""

    def __init__(self, selenium) -> None:
        self.selenium = selenium
        selenium.load_package("pyio")
        selenium.run_async(textwrap.dedent("""
            from bridge.embed import Session
            if "_pyio_session" in globals():  # the previous test's, on a reused page
                _pyio_session.close()
            _pyio_out = []
            _pyio_session = Session(_pyio_out.append)
        """))

    def _run(self, code: str, label: str) -> tuple[str, str | None]:
        result = self.selenium.run_async(textwrap.dedent(f"""
            import json
            del _pyio_out[:]
            _report = await _pyio_session.run({code!r}, {label!r})
            json.dumps(["".join(_pyio_out), _report])
        """))
        output, report = json.loads(result)
        return output, report

    def run(self, code: str, label: str = "<test>") -> str:
        """What ``code`` prints; an Io error raises IoUncaught with its report."""
        output, report = self._run(code, label)
        if report is not None:
            raise IoUncaught(None, report)
        return output

    def error(self, code: str, label: str = "<test>") -> str:
        """The report of the Io error ``code`` raises; fails the test if it raises none."""
        _output, report = self._run(code, label)
        if report is None:
            pytest.fail(f"Io code raised no error: {code!r}")
        return report


@pytest.fixture
def pyodide_io(selenium) -> PyodideIoSession:
    """An Io session inside Pyodide with the JS bridge (needs pytest-pyodide, whose
    ``selenium`` fixture runs one test per ``--runtime``, and a ``--dist-dir`` whose
    pyodide-lock.json lists the pyio wheel, as ``make dist`` builds)."""
    return PyodideIoSession(selenium)

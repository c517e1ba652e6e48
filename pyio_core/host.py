"""The host interface: everything pyio_core needs from the world outside the language.

The CLI, the browser bridge and the tests each provide one. Keeping these few services
behind one object is what lets the same interpreter run in a terminal and in a web page.
"""

from __future__ import annotations

import sys
import time


class Host:
    """Terminal-style services: stdout/stderr, stdin, clocks and real sleeping."""

    def write(self, text: str) -> None:
        try:
            sys.stdout.write(text)
        except UnicodeEncodeError:
            # bytes kept as escape surrogates (binary File write, files that are not UTF-8)
            # on a strict terminal: write them as the bytes they stand for
            sys.stdout.flush()
            sys.stdout.buffer.write(text.encode(sys.stdout.encoding, "surrogateescape"))

    def write_error(self, text: str) -> None:
        sys.stderr.write(text)

    def flush(self) -> None:
        sys.stdout.flush()

    def read_line(self, prompt: str = "") -> str | None:
        """A line of input without its newline, or None at end of input."""
        if prompt:
            self.write(prompt)
            self.flush()
        line = sys.stdin.readline()
        if not line:
            return None
        return line[:-1] if line.endswith("\n") else line

    def input_line(self, S, prompt: str = ""):
        """A generator giving the line a program asked for (None at end of input); Io's
        ``File standardInput readLine`` and ``ReadLine readLine`` call it with
        ``yield from``. A terminal reads at once (``read_line``); a host that cannot block,
        a web page, parks the calling coroutine instead (``yield PARK``, after counting an
        external wait) and wakes it with ``S.wake(coroutine, line)`` once the user answers.
        """
        return self.read_line(prompt)
        yield  # never reached: makes this a generator, as ``yield from`` needs

    def now(self) -> float:
        """Wall-clock seconds since the epoch (Date)."""
        return time.time()

    def sleep(self, seconds: float) -> None:
        """Block until timers are due; only used by synchronous hosts."""
        if seconds > 0:
            time.sleep(seconds)


class CaptureHost(Host):
    """Collects output in memory and reads input from a list: for tests and embedding."""

    def __init__(self, input_lines: list[str] | None = None) -> None:
        self.out: list[str] = []
        self.err: list[str] = []
        self.input_lines = list(input_lines or [])

    @property
    def output(self) -> str:
        return "".join(self.out)

    @property
    def errors(self) -> str:
        return "".join(self.err)

    def write(self, text: str) -> None:
        self.out.append(text)

    def write_error(self, text: str) -> None:
        self.err.append(text)

    def flush(self) -> None:
        pass

    def read_line(self, prompt: str = "") -> str | None:
        if prompt:
            self.write(prompt)
        return self.input_lines.pop(0) if self.input_lines else None

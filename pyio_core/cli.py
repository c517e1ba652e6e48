"""The ``pyio`` command: run a file, run ``-e`` code, or an interactive REPL.

Unlike upstream (which prints uncaught exceptions to stdout and exits 0), an uncaught Io
exception is reported on stderr and ends the program with status 1, so shell scripts and CI
can tell failure apart. ``System exit(n)`` exits with ``n``.

Ctrl-C while Io code runs asks the evaluator to stop at its next check (the program gets an
uncatchable interrupt; the REPL then prompts again). A second Ctrl-C before that check, or
one at the prompt, is a plain KeyboardInterrupt.
"""

from __future__ import annotations

import os
import signal
import sys

from .errors import IoExit, IoInterrupt
from .host import Host
from .state import Interpreter, IoUncaught

USAGE = """usage: pyio [FILE [ARGS...]] | pyio -e CODE | pyio -i FILE... | pyio (interactive)

  FILE ARGS   run FILE; System args is list(FILE, ARGS...)
  -e CODE     run CODE (the remaining arguments joined with spaces)
  -i FILE...  run the files, then start the interactive prompt
  --version   print the version
"""

INTERRUPTED = "\n  Interrupted\n"


class TerminalHost(Host):
    """The terminal, noting when the program is blocked (sleeping, reading stdin): Ctrl-C
    then cannot wait for the evaluator's next check."""

    blocked = False

    def write(self, text: str) -> None:
        try:
            super().write(text)
        except BrokenPipeError:
            self.reader_gone()

    def flush(self) -> None:
        try:
            super().flush()
        except BrokenPipeError:
            _silence_stdout()  # flushes come after a run too: only the next write ends it

    @staticmethod
    def reader_gone() -> None:
        """``pyio prog.io | head``: the reader left. End quietly, as a Unix tool killed by
        SIGPIPE does (status 141)."""
        _silence_stdout()
        raise IoExit(141)

    def sleep(self, seconds: float) -> None:
        self.blocked = True
        try:
            super().sleep(seconds)
        finally:
            self.blocked = False

    def read_line(self, prompt: str = "") -> str | None:
        """At a terminal, ``input`` gives line editing and history (readline)."""
        self.blocked = True
        try:
            if not sys.stdin.isatty():
                return super().read_line(prompt)
            self.flush()
            try:
                return input(prompt)
            except EOFError:
                return None
        finally:
            self.blocked = False


class Session:
    """One run of the command: the interpreter, the terminal, and the Ctrl-C policy."""

    def __init__(self) -> None:
        self.host = TerminalHost()
        self.it = Interpreter(host=self.host)
        self.running = False
        # as in upstream's CLI, a bare `exit` ends the session
        self.it.do_string("Lobby exit := method(System exit)", "Command Line")

    # -- Ctrl-C --------------------------------------------------------------------------
    def on_sigint(self, signum, frame) -> None:
        if not self.running or self.host.blocked or self.it.interrupted:
            raise KeyboardInterrupt
        self.it.interrupt()

    def run_code(self, code: str, label: str):
        """``do_string`` with Ctrl-C turned into an Io interrupt while it runs."""
        self.running = True
        try:
            return self.it.do_string(code, label)
        finally:
            self.running = False
            self.it.interrupted = False  # a Ctrl-C that came as the program ended

    def reset_after_keyboard_interrupt(self) -> None:
        """Drop whatever was running or waiting (a hard interrupt may have left the
        trampoline mid-step), so the next entry starts clean."""
        it = self.it
        it.coro = None
        it.ready.clear()
        it.timers.clear()
        it.interrupted = False

    # -- the System object ---------------------------------------------------------------
    def setup_system(self, args: list[str], script: str | None) -> None:
        system = self.it.System
        system.slots["args"] = self.it.new_list(list(args))
        if script is not None:
            system.slots["launchScript"] = script
            system.slots["launchPath"] = os.path.dirname(os.path.abspath(script))

    # -- running files and code ----------------------------------------------------------
    def run(self, code: str, label: str) -> int:
        """Run a whole program; the exit status for the shell."""
        try:
            self.run_code(code, label)
        except IoUncaught as e:
            self.fail(e.report)
            return 1
        except IoExit as e:
            return e.code
        except (IoInterrupt, KeyboardInterrupt):
            self.reset_after_keyboard_interrupt()
            self.fail(INTERRUPTED)
            return 130
        finally:
            self.host.flush()
        return 0

    def fail(self, report: str) -> None:
        self.host.flush()
        self.host.write_error(report)

    def read_file(self, path: str) -> str | None:
        try:
            with open(path, encoding="utf-8", errors="surrogateescape") as f:
                return f.read()
        except OSError as e:
            self.fail(f"\n  Exception: unable to read file '{path}' ({e.strerror})\n")
            return None

    def run_file(self, path: str) -> int:
        code = self.read_file(path)
        return 1 if code is None else self.run(code, path)

    # -- the REPL ------------------------------------------------------------------------
    def read_entry(self) -> str | None:
        """One REPL entry: a line, plus ``... `` lines while brackets/quotes are open
        (an empty continuation line gives up, so the error is shown)."""
        code = self.host.read_line("Io> ")
        if code is None:
            return None
        while self.it.needs_more_input(code):
            more = self.host.read_line("... ")
            if not more:
                break
            code += "\n" + more
        return code

    def repl(self) -> int:
        """Read-eval-print like upstream: ``Io> `` prompt, ``==> value`` echo."""
        host, it = self.host, self.it
        if sys.stdin.isatty():
            _enable_line_editing()
        host.write(f"Io {it.version}\n")
        while True:
            try:
                code = self.read_entry()
            except KeyboardInterrupt:
                host.write("\n")
                continue
            if code is None:
                host.write("\n")
                return 0
            if not code.strip():
                continue
            self.running = True
            try:
                host.write(it.repl_line(code))
            except IoExit as e:
                return e.code
            except IoInterrupt:
                host.write(INTERRUPTED)
            except KeyboardInterrupt:
                self.reset_after_keyboard_interrupt()
                host.write(INTERRUPTED)
            finally:
                self.running = False
                it.interrupted = False
                host.flush()


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so Python's own final flush cannot complain either."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _enable_line_editing() -> None:
    try:
        import readline  # noqa: F401  (importing it is what makes input() editable)
    except ImportError:  # Windows, some minimal Pythons
        pass


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ("-h", "--help"):
        sys.stdout.write(USAGE)
        return 0
    if argv and argv[0] == "--version":
        print(f"pyio (Io Programming Language, v. {Interpreter.version})")
        return 0
    session = Session()
    signal.signal(signal.SIGINT, session.on_sigint)
    if argv and argv[0] == "-e":
        session.setup_system(argv, None)
        return session.run(" ".join(argv[1:]), "-e")
    if argv and argv[0] == "-i":
        session.setup_system(argv, None)
        for path in argv[1:]:
            session.run_file(path)
        return session.repl()
    if argv:
        session.setup_system(argv, argv[0])
        return session.run_file(argv[0])
    session.setup_system([], None)
    return session.repl()


if __name__ == "__main__":
    sys.exit(main())

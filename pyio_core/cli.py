"""The ``pyio`` command: run a file, run ``-e`` code, or an interactive REPL."""

from __future__ import annotations

import os
import signal
import sys

from .errors import IoExit, IoInterrupt
from .host import Host
from .state import Interpreter, IoUncaught

USAGE = """usage: pyio [FILE [ARGS...]] | pyio -e CODE | pyio (interactive)"""


def _setup_system(it: Interpreter, args: list[str], script: str | None) -> None:
    system = it.core.slots["System"]
    system.slots["args"] = it.new_list(list(args))
    if script is not None:
        system.slots["launchScript"] = script
        system.slots["launchPath"] = os.path.dirname(os.path.abspath(script))
    else:
        system.slots["launchPath"] = os.getcwd()


def _run(it: Interpreter, code: str, label: str) -> int:
    try:
        it.do_string(code, label)
    except IoUncaught as e:
        sys.stdout.flush()
        sys.stderr.write(e.report)
        return 1
    except IoExit as e:
        return e.code
    except IoInterrupt:
        sys.stderr.write("\n  Interrupted\n")
        return 130
    return 0


def repl(it: Interpreter, host: Host) -> int:
    """Read-eval-print like upstream: ``Io> `` prompt, ``==> value`` echo."""
    host.write(f"Io {it.version}\n")
    while True:
        line = host.read_line("Io> ")
        if line is None:
            host.write("\n")
            return 0
        code = line
        while it.needs_more_input(code):
            more = host.read_line("... ")
            if more is None:
                break
            code += "\n" + more
        if not code.strip():
            continue
        try:
            host.write(it.repl_line(code))
        except IoExit as e:
            return e.code
        except IoInterrupt:
            host.write("\n  Interrupted\n")
        except KeyboardInterrupt:
            host.write("\n  Interrupted\n")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    host = Host()
    it = Interpreter(host=host)
    # Ctrl-C asks the evaluator to stop at its next check instead of killing Python
    signal.signal(signal.SIGINT, lambda *_: it.interrupt())
    if argv and argv[0] in ("-h", "--help"):
        print(USAGE)
        return 0
    if argv and argv[0] == "--version":
        print(f"pyio (Io Programming Language, v. {it.version})")
        return 0
    if argv and argv[0] == "-e":
        _setup_system(it, argv, None)
        return _run(it, " ".join(argv[1:]), "-e")
    if argv:
        path = argv[0]
        _setup_system(it, argv, path)
        try:
            with open(path, encoding="utf-8") as f:
                code = f.read()
        except OSError as e:
            sys.stderr.write(f"\n  Exception: unable to read file '{path}' ({e.strerror})\n")
            return 1
        return _run(it, code, path)
    _setup_system(it, [], None)
    return repl(it, host)


if __name__ == "__main__":
    sys.exit(main())

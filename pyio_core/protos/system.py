"""System (the process: args, environment, exit, sleeping, shell) and Collector.

``System args``, ``launchPath`` and ``launchScript`` are plain slots the host fills in (see
cli.py); everything here asks the operating system. In a browser there are no processes, so
``System system`` raises an error there instead of pretending.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys

from ..errors import IoError, IoExit
from ..message import Message
from ..registry import Prims
from ..values import IoList
from .coroutine import wait
from .directory import absolute, join_path
from .object import need_str
from .sequence_base import integer, number

P = Prims("System")
C = Prims("Collector")

IN_BROWSER = sys.platform == "emscripten"


@P("exit")
def exit_(S, t, code=None):
    """Ends the program: the CLI (or the page) turns IoExit into the exit status."""
    raise IoExit(0 if code is None or code is S.nil else integer(S, code, "exit"))


@P("version")
def version(S, t):
    return S.version


@P("platform")
def platform_(S, t):
    import platform  # on use: costly to import in Pyodide

    return platform.system() or sys.platform


@P("platformVersion")
def platform_version(S, t):
    import platform

    return platform.release()


@P("installPrefix")
def install_prefix(S, t):
    return sys.prefix


@P("thisProcessPid")
def this_process_pid(S, t):
    return float(os.getpid())


@P("activeCpus")
def active_cpus(S, t):
    return float(os.cpu_count() or 1)


@P("getEnvironmentVariable")
def get_environment_variable(S, t, name):
    v = os.environ.get(need_str(S, name, "getEnvironmentVariable"))
    return S.nil if v is None else v


@P("setEnvironmentVariable")
def set_environment_variable(S, t, name, value):
    os.environ[need_str(S, name, "setEnvironmentVariable")] = need_str(
        S, value, "setEnvironmentVariable", 1)
    return t


@P("system")
def system(S, t, command):
    """Runs a shell command, its output going straight to our stdout; returns its status."""
    cmd = need_str(S, command, "system")
    if IN_BROWSER:
        raise IoError("System system is not available in the browser")
    S.host.flush()
    return float(subprocess.run(cmd, shell=True, check=False).returncode)


@P.gen("sleep")
def sleep(S, t, seconds):
    """Like ``wait``: suspends only the calling coroutine (a timer wakes it), so other
    coroutines and the browser's event loop keep running."""
    return (yield from wait(S, t, number(S, seconds, "sleep")))


@C("collect")
def collect(S, t):
    return float(gc.collect())


# -- Importer ------------------------------------------------------------------------------
I = Prims("Importer")


def _search_dirs(S) -> list[str]:
    """Where to look for ``Name.io``: ``Importer paths``, System launchPath, $IOIMPORT."""
    dirs = []
    paths = S.Importer.slots.get("paths")
    if isinstance(paths, IoList):
        dirs.extend(p for p in (S.simple_string(x) for x in paths.items) if p not in dirs)
    launch = S.System.slots.get("launchPath")
    if launch.__class__ is str and launch not in dirs:
        dirs.append(launch)
    dirs.extend(p for p in os.environ.get("IOIMPORT", "").split(os.pathsep) if p)
    return dirs


@I.lazy("autoImportingForward")
def auto_importing_forward(S, t, L, m):
    """Lobby's ``forward``: an unknown capitalised name loads ``Name.io`` from the search
    paths (and answers the slot it defines); anything else is the usual error."""
    name = m.name
    if name[:1].isupper() and name.isidentifier():
        here = absolute(m.label) if m.label else None
        for d in _search_dirs(S):
            path = join_path(d, name + ".io")
            if absolute(path) == here or not os.path.isfile(path):
                continue
            yield from S.send(S.lobby, Message("doFile", [S.literal_message(path)],
                                               S.message_protos), L)
            value = S.lobby.slots.get(name)
            if value is None:
                raise IoError(f"Importer slot '{name}' missing after file load")
            return value
    raise IoError(f"{S.type_name(t)} does not respond to '{name}'")

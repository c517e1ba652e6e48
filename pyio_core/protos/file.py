"""File: a handle on a file on disk (or on the standard streams).

The payload keeps a path and, while open, a Python binary file object. File contents become
Sequences as UTF-8 text; undecodable bytes survive a read/write round trip through
``surrogateescape``. The standard streams go through the host, so in a browser
``File standardOutput write`` reaches the page like ``print`` does.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys

from ..errors import IoError
from ..objects import IoObject
from ..registry import Prims
from ..values import MutableSeq
from .object import need_str
from .sequence_base import integer, new_mutable
from .sequence_bytes import written_text


class IoFile(IoObject):
    """File's payload: ``path``, the open ``fh`` (or None), the open ``mode``, ``std``
    ("in"/"out"/"err") for the standard streams, which have no Python file object, and
    ``proc``, the process of a ``popen``ed command."""

    __slots__ = ("path", "fh", "mode", "std", "proc")

    def __init__(self, protos, slots=None) -> None:
        self.slots = {} if slots is None else slots
        self.protos = protos
        self.path = ""
        self.fh = None
        self.mode = "r+"
        self.std = None
        self.proc = None

    def clone_from(self, proto: IoFile) -> None:
        """Clones share the path and mode, never the open handle."""
        self.path = proto.path
        self.fh = None
        self.mode = proto.mode
        self.std = proto.std
        self.proc = None


P = Prims("File", IoFile)


def need_file(S, t) -> IoFile:
    if isinstance(t, IoFile):
        return t
    raise IoError(f"File method called on a '{S.type_name(t)}'")


def to_text(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def to_bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def last_path_component(path: str) -> str:
    """Upstream's rule: the text after the last separator, ignoring a trailing one."""
    return path[path.rstrip("/").rfind("/") + 1:]


def new_file(S, path: str) -> IoFile:
    f = IoFile([S.File])
    f.path = path
    return f


# -- path and status -----------------------------------------------------------------------
@P("setPath")
def set_path(S, t, path):
    need_file(S, t).path = need_str(S, path, "setPath")
    return t


@P("path")
def path_(S, t):
    return need_file(S, t).path


@P("name")
def name(S, t):
    return last_path_component(need_file(S, t).path)


@P("exists")
def exists(S, t, path=None):
    p = need_file(S, t).path if path is None else need_str(S, path, "exists")
    return S.bool(os.path.exists(p))


def _stat(f: IoFile) -> os.stat_result:
    try:
        return os.stat(f.path)
    except OSError as e:
        raise IoError(f"unable to stat '{f.path}': {e.strerror}") from None


@P("size")
def size(S, t):
    f = need_file(S, t)
    if f.fh is not None and f.std is None:
        f.fh.flush()
    return float(_stat(f).st_size)


@P("isDirectory")
def is_directory(S, t):
    return S.bool(os.path.isdir(need_file(S, t).path))


@P("isRegularFile")
def is_regular_file(S, t):
    return S.bool(os.path.isfile(need_file(S, t).path))


@P("isLink")
def is_link(S, t):
    return S.bool(os.path.islink(need_file(S, t).path))


@P("isUserExecutable")
def is_user_executable(S, t):
    return S.bool(os.access(need_file(S, t).path, os.X_OK))


@P("isPipe")
def is_pipe(S, t):
    return S.bool(need_file(S, t).proc is not None)


@P("isSocket")
def is_socket(S, t):
    return S.bool(stat.S_ISSOCK(_stat(need_file(S, t)).st_mode))


@P("userId")
def user_id(S, t):
    return float(_stat(need_file(S, t)).st_uid)


@P("groupId")
def group_id(S, t):
    return float(_stat(need_file(S, t)).st_gid)


@P("protectionMode")
def protection_mode(S, t):
    return float(_stat(need_file(S, t)).st_mode)  # type bits included, as upstream


@P("descriptor", "descriptorId")
def descriptor(S, t):
    f = need_file(S, t)
    if f.std is not None:
        return float({"in": 0, "out": 1, "err": 2}[f.std])
    return float(f.fh.fileno()) if f.fh is not None else S.nil


@P("isOpen")
def is_open(S, t):
    f = need_file(S, t)
    return S.bool(f.fh is not None or f.std is not None)


@P("mode")
def mode(S, t):
    return {"r": "read", "r+": "update", "a+": "append"}.get(need_file(S, t).mode, "update")


# -- opening and closing -------------------------------------------------------------------
def _open(S, t, path, mode: str):
    f = need_file(S, t)
    if path is not None:
        f.path = need_str(S, path, "open")
    f.mode = mode
    if f.fh is not None or f.std is not None:
        return f
    pymode = {"r": "rb", "r+": "r+b", "a+": "a+b"}[mode]
    try:
        if mode != "r" and not os.path.exists(f.path):
            open(f.path, "ab").close()
        f.fh = open(f.path, pymode)  # noqa: SIM115 (the Io object owns the handle)
    except OSError as e:
        raise IoError(f"unable to open file path '{f.path}': {e.strerror}") from None
    return f


@P("open")
def open_(S, t, path=None):
    return _open(S, t, path, need_file(S, t).mode)


@P("openForReading")
def open_for_reading(S, t, path=None):
    return _open(S, t, path, "r")


@P("openForUpdating")
def open_for_updating(S, t, path=None):
    return _open(S, t, path, "r+")


@P("openForAppending")
def open_for_appending(S, t, path=None):
    return _open(S, t, path, "a+")


@P("close")
def close(S, t):
    """Closes the file; for a ``popen``ed command, waits for it and sets exitStatus (its
    exit code, not upstream's raw wait status) or termSignal (when a signal ended it)."""
    f = need_file(S, t)
    if f.fh is not None:
        f.fh.close()
        f.fh = None
    if f.proc is not None:
        status = f.proc.wait()
        f.proc = None
        S.set_slot(f, "exitStatus" if status >= 0 else "termSignal", float(abs(status)))
    return t


@P("popen")
def popen(S, t, command=None):
    """Runs the path (or ``command``) as a shell command and reads its output."""
    f = need_file(S, t)
    if command is not None:
        f.path = need_str(S, command, "popen")
    if sys.platform == "emscripten":
        raise IoError("File popen is not available in the browser")
    close(S, f)
    S.host.flush()
    try:
        f.proc = subprocess.Popen(f.path, shell=True, stdout=subprocess.PIPE)  # noqa: S602
    except OSError:
        raise IoError(f"error executing file path '{f.path}'") from None
    f.fh = f.proc.stdout
    f.mode = "r"
    return t


@P("flush")
def flush(S, t):
    f = need_file(S, t)
    if f.fh is not None:
        f.fh.flush()
    elif f.std is not None:
        S.host.flush()
    return t


def need_open(f: IoFile):
    if f.fh is None and f.std is None:
        raise IoError(f"file '{f.path}' not yet open")
    return f.fh


# -- reading -------------------------------------------------------------------------------
def _read_whole(f: IoFile) -> str:
    try:
        with open(f.path, "rb") as fh:
            return to_text(fh.read())
    except OSError:
        raise IoError(f"unable to read file '{f.path}'") from None


@P.gen("contents", "asBuffer")
def contents(S, t):
    f = need_file(S, t)
    if f.std == "in":
        lines = []
        while (line := (yield from S.host.input_line(S))) is not None:
            lines.append(line + "\n")
        return new_mutable(S, "".join(lines))
    return new_mutable(S, _read_whole(f))


def _read_line(S, f: IoFile):
    """One line without its end-of-line, or None at the end of the file."""
    if f.std == "in":
        return S.host.read_line()
    fh = need_open(f)
    data = fh.readline()
    if not data:
        return None
    return to_text(data).rstrip("\r\n") if data.endswith(b"\n") else to_text(data)


def _next_line(S, f: IoFile):
    """``_read_line`` as a generator: on stdin the host may park the coroutine until a
    line is typed (Host.input_line)."""
    if f.std == "in":
        return (yield from S.host.input_line(S))
    return _read_line(S, f)


@P.gen("readLine")
def read_line(S, t):
    line = yield from _next_line(S, need_file(S, t))
    return S.nil if line is None else new_mutable(S, line)


@P.gen("readLines")
def read_lines(S, t):
    f = need_file(S, t)
    if f.fh is None and f.std is None:
        _open(S, f, None, "r")
    lines = []
    while (line := (yield from _next_line(S, f))) is not None:
        lines.append(new_mutable(S, line))
    return S.new_list(lines)


@P("readToEnd")
def read_to_end(S, t, chunk=None):
    f = need_file(S, t)
    fh = need_open(f)
    return new_mutable(S, to_text(fh.read()) if fh is not None else "")


@P("readStringOfLength", "readBufferOfLength")
def read_string_of_length(S, t, n):
    fh = need_open(need_file(S, t))
    count = integer(S, n, "readStringOfLength")
    data = fh.read(count) if fh is not None else b""
    return new_mutable(S, to_text(data)) if data else S.nil


@P("readToBufferLength")
def read_to_buffer_length(S, t, buffer, n):
    """Appends up to ``n`` bytes to the mutable Sequence ``buffer``; answers how many."""
    fh = need_open(need_file(S, t))
    if not isinstance(buffer, MutableSeq):
        raise IoError(f"argument 0 to method 'readToBufferLength' must be a mutable "
                      f"Sequence, not a '{S.type_name(buffer)}'")
    count = integer(S, n, "readToBufferLength", 1)
    data = fh.read(count) if fh is not None else b""
    buffer.append(to_text(data))
    return float(len(data))


def _each(S, L, m, next_item):
    """Runs ``m``'s body for each item: ``(value, body)`` or ``(index, value, body)``.
    ``next_item()`` is a generator answering the next item, or None after the last: an item
    may have to wait (a line typed in the IDE's console)."""
    args = m.args
    if len(args) < 2:
        raise IoError(f"{m.name} requires 2 or 3 arguments")
    index_name = args[0].name if len(args) > 2 else None
    value_name, body = args[-2].name, args[-1]
    r = S.nil
    slots = S.bind_slots(L, index_name, value_name)
    i = 0
    while (item := (yield from next_item())) is not None:
        if index_name is not None:
            slots[index_name] = float(i)
        slots[value_name] = item
        r, stop = yield from S.loop_body(body, L)
        if stop == "break":
            break
        i += 1
    return r


@P.lazy("foreach")
def foreach(S, t, L, m):
    """``foreach([index,] byte, body)`` over the bytes left in the open file."""
    fh = need_open(need_file(S, t))
    data = iter(fh.read() if fh is not None else b"")

    def next_byte():
        b = next(data, None)
        return None if b is None else float(b)
        yield  # a generator that never waits

    return (yield from _each(S, L, m, next_byte))


@P.lazy("foreachLine")
def foreach_line(S, t, L, m):
    """``foreachLine([index,] line, body)``: each line, read as it goes (stdin too); the
    file is opened for reading if it was not open, and then closed again."""
    f = need_file(S, t)
    opened = f.fh is None and f.std is None
    if opened:
        _open(S, f, None, "r")

    def next_line():
        line = yield from _next_line(S, f)
        return None if line is None else new_mutable(S, line)

    try:
        return (yield from _each(S, L, m, next_line))
    finally:
        if opened:
            close(S, f)


@P("isAtEnd")
def is_at_end(S, t):
    fh = need_open(need_file(S, t))
    if fh is None:
        return S.false
    return S.bool(fh.peek(1) == b"")


@P("at")
def at(S, t, i):
    fh = need_open(need_file(S, t))
    if fh is None:  # a standard stream
        return S.nil
    fh.seek(integer(S, i, "at"))
    b = fh.read(1)
    return float(b[0]) if b else S.nil


# -- writing -------------------------------------------------------------------------------
@P("write")
def write(S, t, *seqs):
    f = need_file(S, t)
    fh = need_open(f)
    texts = [written_text(S, s, "write", i) for i, s in enumerate(seqs)]
    if f.std == "out":
        S.write("".join(texts))
        return t
    if f.std == "err":
        S.host.write_error("".join(texts))
        return t
    if f.mode == "r" or f.std == "in":
        raise IoError(f"file '{f.path}' not open for write")
    try:
        for text in texts:
            fh.write(to_bytes(text))
    except OSError:
        raise IoError(f"error writing to file '{f.path}'") from None
    return t


@P("atPut")
def at_put(S, t, i, byte):
    f = need_file(S, t)
    fh = need_open(f)
    position, value = integer(S, i, "atPut"), integer(S, byte, "atPut", 1)
    if f.mode == "r" or fh is None:
        raise IoError(f"file '{f.path}' not open for write")
    fh.seek(position)
    fh.write(bytes([value & 255]))
    return t


@P("truncateToSize")
def truncate_to_size(S, t, n):
    f = need_file(S, t)
    try:
        os.truncate(f.path, integer(S, n, "truncateToSize"))
    except OSError:
        pass  # upstream ignores truncate failures too
    return t


# -- position ------------------------------------------------------------------------------
@P("position")
def position(S, t):
    fh = need_open(need_file(S, t))
    return float(fh.tell()) if fh is not None else 0.0


@P("setPosition")
def set_position(S, t, n):
    fh = need_open(need_file(S, t))
    if fh is not None:
        fh.seek(integer(S, n, "setPosition"))
    return t


@P("rewind")
def rewind(S, t):
    fh = need_open(need_file(S, t))
    if fh is not None:
        fh.seek(0)
    return t


@P("positionAtEnd")
def position_at_end(S, t):
    fh = need_open(need_file(S, t))
    if fh is not None:
        fh.seek(0, os.SEEK_END)
    return t


# -- the file system -----------------------------------------------------------------------
@P("remove")
def remove(S, t):
    f = need_file(S, t)
    try:
        if os.path.isdir(f.path) and not os.path.islink(f.path):
            os.rmdir(f.path)
        elif os.path.lexists(f.path):
            os.unlink(f.path)
    except OSError:
        if os.path.lexists(f.path):
            raise IoError(f"error removing file '{f.path}'") from None
    return t


@P("moveTo")
def move_to(S, t, path):
    f = need_file(S, t)
    dest = need_str(S, path, "moveTo")
    if dest != f.path:
        try:
            os.replace(f.path, dest)
        except OSError:
            raise IoError(f"error moving file '{f.path}' to '{dest}'") from None
    return t


@P("temporaryFile")
def temporary_file(S, t):
    import tempfile

    fd, path = tempfile.mkstemp(prefix="pyio")
    os.close(fd)
    f = new_file(S, path)
    f.fh = open(path, "r+b")  # noqa: SIM115
    return f


# -- ReadLine (upstream's addon: a line from the user, with a prompt) ----------------------
R = Prims("ReadLine")


@R.gen("readLine")
def readline_read_line(S, t, prompt=None):
    """``ReadLine readLine(prompt)``: prints the prompt, answers the line typed (without
    its newline), or nil at the end of input. In the IDE the program waits in the console."""
    text = "" if prompt is None else need_str(S, prompt, "readLine")
    line = yield from S.host.input_line(S, text)
    return S.nil if line is None else new_mutable(S, line)


# -- standard streams ----------------------------------------------------------------------
def _std_file(S, which: str) -> IoFile:
    """A File on a standard stream (File.io keeps one of each in File's slots)."""
    f = IoFile([S.File])
    f.std = which
    f.path = "<standard " + {"in": "input", "out": "output", "err": "error"}[which] + ">"
    f.mode = "r" if which == "in" else "a+"
    return f


@P("standardInput")
def standard_input(S, t):
    return _std_file(S, "in")


@P("standardOutput")
def standard_output(S, t):
    return _std_file(S, "out")


@P("standardError")
def standard_error(S, t):
    return _std_file(S, "err")

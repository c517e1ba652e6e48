"""Directory and Path: listing and creating directories, joining and resolving paths.

The higher-level Directory methods (walk, files, directories, createIfAbsent...) are Io code
in prelude/File.io, built on the few primitives here, as upstream does.
"""

from __future__ import annotations

import os

from ..errors import IoError
from ..objects import IoObject
from ..registry import Prims
from .file import last_path_component, new_file
from .object import need_str


class IoDirectory(IoObject):
    """Directory's payload: its path ("." for the proto)."""

    __slots__ = ("path",)

    def __init__(self, protos, slots=None) -> None:
        self.slots = {} if slots is None else slots
        self.protos = protos
        self.path = "."

    def clone_from(self, proto: IoDirectory) -> None:
        self.path = proto.path


P = Prims("Directory", IoDirectory)
Path = Prims("Path")


def need_dir(S, t) -> IoDirectory:
    if isinstance(t, IoDirectory):
        return t
    raise IoError(f"Directory method called on a '{S.type_name(t)}'")


def join_path(base: str, name: str) -> str:
    """``base`` and ``name`` joined by exactly one separator (upstream's appendPathSeq)."""
    if not base:
        return name
    if not name:
        return base
    if base.endswith("/"):
        return base + name.lstrip("/") if name.startswith("/") else base + name
    return base + name if name.startswith("/") else base + "/" + name


def new_dir(S, path: str) -> IoDirectory:
    d = IoDirectory([S.Directory])
    d.path = path
    return d


def _item(S, path: str):
    return new_dir(S, path) if os.path.isdir(path) else new_file(S, path)


@P("setPath")
def set_path(S, t, path):
    need_dir(S, t).path = need_str(S, path, "setPath")
    return t


@P("path")
def path_(S, t):
    return need_dir(S, t).path


@P("name")
def name(S, t):
    return last_path_component(need_dir(S, t).path)


@P("exists")
def exists(S, t, path=None):
    p = need_dir(S, t).path if path is None else need_str(S, path, "exists")
    return S.bool(os.path.isdir(p))


def _names(d: IoDirectory) -> list[str]:
    """Entry names, "." and ".." first (as readdir gives them), the rest sorted so
    listings are the same on every platform."""
    try:
        names = sorted(os.listdir(d.path))
    except OSError:
        raise IoError(f"Unable to open directory {d.path}") from None
    return [".", ".."] + names


@P("items")
def items(S, t):
    d = need_dir(S, t)
    base = d.path + ("" if d.path.endswith("/") or not d.path else "/")
    return S.new_list([_item(S, base + n) for n in _names(d)])


@P("size")
def size(S, t):
    return float(len(_names(need_dir(S, t))))


@P("at")
def at(S, t, name_):
    full = join_path(need_dir(S, t).path, need_str(S, name_, "at"))
    return _item(S, full) if os.path.exists(full) else S.nil


@P("create")
def create(S, t):
    d = need_dir(S, t)
    if os.path.isdir(d.path):
        return t
    try:
        os.mkdir(d.path)
    except OSError:
        return S.nil
    return t


@P("createSubdirectory")
def create_subdirectory(S, t, name_):
    sub = need_str(S, name_, "createSubdirectory")
    full = join_path(need_dir(S, t).path, sub)
    if os.path.isdir(full):
        return new_dir(S, full)
    if os.path.exists(full):
        raise IoError(f"Attempt to create directory {sub} on top of existing file")
    try:
        os.mkdir(full)
    except OSError as e:
        raise IoError(f"Unable to create directory {full}: {e.strerror}") from None
    return new_dir(S, full)


@P("currentWorkingDirectory")
def current_working_directory(S, t):
    return os.getcwd()


@P("setCurrentWorkingDirectory")
def set_current_working_directory(S, t, path):
    try:
        os.chdir(need_str(S, path, "setCurrentWorkingDirectory"))
    except OSError:
        return S.false
    return S.true


# -- Path ----------------------------------------------------------------------------------
@Path("with")
def path_with(S, t, *parts):
    out = ""
    for i, p in enumerate(parts):
        if p is not S.nil:
            out = join_path(out, need_str(S, p, "with", i))
    return out


def is_absolute(p: str) -> bool:
    return p.startswith("/")


@Path("isPathAbsolute")
def is_path_absolute(S, t, p):
    return S.bool(p is not S.nil and is_absolute(need_str(S, p, "isPathAbsolute")))


def absolute(p: str) -> str:
    p = os.path.expanduser(p)
    return p if is_absolute(p) else join_path(os.getcwd(), p)


@Path("absolute")
def path_absolute(S, t, p):
    return absolute(need_str(S, p, "absolute"))


@Path.lazy("thisSourceFilePath")
def this_source_file_path(S, t, L, m):
    return absolute(m.label)
    yield


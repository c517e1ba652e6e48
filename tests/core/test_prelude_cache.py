"""The prelude cache (pyio_core/prelude_cache.py, in the IDE's pyio.files.gz): a Lobby
built from it is the very Lobby parsing builds, and anything stale or broken falls back to
parsing."""

from __future__ import annotations

import marshal
import types
from pathlib import Path

import pytest

from pyio_core import prelude_cache
from pyio_core.host import Host
from pyio_core.parser import default_operator_table
from pyio_core.state import PRELUDE, Interpreter


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A freshly built cache, used by the interpreters the test makes; yields its path."""
    path = tmp_path / "parsed.marshal"
    assert prelude_cache.build(str(path)) == len(PRELUDE)
    monkeypatch.setattr(prelude_cache, "PATH", str(path))
    monkeypatch.setattr(prelude_cache, "_entries", None)
    return path


def no_cache(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(prelude_cache, "PATH", str(tmp_path / "absent"))
    monkeypatch.setattr(prelude_cache, "_entries", None)


def parsed_labels(monkeypatch) -> list[str]:
    """The labels of everything Interpreter.parse is asked to parse from now on."""
    seen: list[str] = []
    original = Interpreter.parse

    def spy(self, code, label="<string>"):
        seen.append(label)
        return original(self, code, label)

    monkeypatch.setattr(Interpreter, "parse", spy)
    return seen


def world(interp: Interpreter) -> list:
    """Everything reachable from the Lobby, in a canonical form: each object (breadth first)
    as its class and fields, objects referred to by their order of discovery, so two worlds
    compare equal exactly when they have the same shape, slots, messages (names, arguments,
    literals, lines, columns, labels) and values."""
    order: dict[int, int] = {id(interp.lobby): 0}
    todo = [interp.lobby]
    out = []

    def ref(v):
        if v is None or isinstance(v, (bool, int, float, str, bytes)):
            return repr(v)
        if isinstance(v, (list, tuple)):
            return [ref(x) for x in v]
        if isinstance(v, dict):
            return [(ref(k), ref(x)) for k, x in v.items()]
        if isinstance(v, (types.MethodType, types.FunctionType, types.BuiltinFunctionType)):
            return getattr(v, "__qualname__", repr(type(v)))
        if not (hasattr(v, "__dict__") or getattr(type(v), "__slots__", None)):
            return type(v).__name__  # a generator, a weakref...: its kind is enough
        if id(v) not in order:
            order[id(v)] = len(order)
            todo.append(v)
        return f"#{order[id(v)]}"

    while todo:
        obj = todo.pop(0)
        fields = {}
        for cls in type(obj).__mro__:
            for name in getattr(cls, "__slots__", ()):
                if name != "__weakref__" and hasattr(obj, name):
                    fields[name] = ref(getattr(obj, name))
        fields.update((k, ref(v)) for k, v in getattr(obj, "__dict__", {}).items())
        out.append((type(obj).__name__, sorted(fields.items())))
    return out


class StoppedClock(Host):
    """The prelude keeps a Date of when it ran: both worlds must run at the same moment."""

    def now(self) -> float:
        return 1.8e9


def test_cached_prelude_builds_the_same_lobby_as_parsing(cache, monkeypatch, tmp_path):
    seen = parsed_labels(monkeypatch)
    cached = Interpreter(StoppedClock())
    assert not set(seen) & set(PRELUDE)  # nothing of the prelude was parsed
    no_cache(monkeypatch, tmp_path)
    parsed = Interpreter(StoppedClock())
    assert set(seen) >= set(PRELUDE)
    assert world(cached) == world(parsed)
    program = 'List clone append(3, 1, 2) sort map(x, x * 2) join(", ") .. " " .. (7 % 3)'
    assert cached.do_string(program) == parsed.do_string(program) == "2, 4, 6 1"


def test_changed_prelude_text_or_operators_are_parsed(cache):
    interp = Interpreter()
    assert prelude_cache.code(interp, "Object.io", "x := 1") == "x := 1"
    path = Path(prelude_cache.__file__).with_name("prelude") / "Object.io"
    text = path.read_text(encoding="utf-8")
    fresh = Interpreter()  # its operators: the prelude's own (as when Object.io was loaded)
    fresh.ops = default_operator_table()
    assert not isinstance(prelude_cache.code(fresh, "Object.io", text), str)
    fresh.ops.operators["frob"] = 3  # a table the cache was not made with
    assert prelude_cache.code(fresh, "Object.io", text) == text


@pytest.mark.parametrize("content", [
    b"", b"not marshal", marshal.dumps(2), marshal.dumps((prelude_cache.FORMAT - 1, {})),
    marshal.dumps((prelude_cache.FORMAT, [1]))])
def test_missing_or_broken_cache_means_parsing(content, tmp_path, monkeypatch):
    path = tmp_path / "parsed.marshal"
    path.write_bytes(content)
    monkeypatch.setattr(prelude_cache, "PATH", str(path))
    monkeypatch.setattr(prelude_cache, "_entries", None)
    seen = parsed_labels(monkeypatch)
    assert Interpreter().do_string("list(1, 2) sum") == 3
    assert set(seen) >= set(PRELUDE)

"""Inspector rows for JSObjects on CPython: a fake JS world stands in for the browser's
(ide/jsview.py asks the real one; tests/e2e checks that in Chromium)."""

from __future__ import annotations

from pyio_core import Interpreter
from pyio_core.objects import IoObject

from ide.inspector import JS_PROPERTY_CAP, JsNote, Node, children, lobby_nodes


class FakeJs:
    """A JS object: a type name and its own properties (values already Io values)."""

    def __init__(self, type_name: str, props: dict) -> None:
        self.type_name = type_name
        self.props = props


class FakeView:
    def type_name(self, js) -> str:
        return js.type_name

    def properties(self, js, cap: int):
        return list(js.props.items())[:cap], len(js.props)


class JsCarrier(IoObject):
    """An Io object carrying a JS value in ``js``, as the bridge's JSRef does."""

    __slots__ = ("js",)


def js_object(interp, js) -> JsCarrier:
    obj = JsCarrier([interp.Object])
    obj.js = js
    obj.slots["type"] = "JSObject"
    return obj


def test_jsobject_shows_its_js_type():
    it = Interpreter()
    baseline = set(it.lobby.slots)
    it.lobby.slots["box"] = js_object(it, FakeJs("HTMLDivElement", {}))
    (row,) = lobby_nodes(it, baseline, js=FakeView())
    assert row.summary == "JSObject HTMLDivElement"
    assert row.value is not None  # it can be opened


def test_jsobject_lists_its_properties_before_its_slots():
    it = Interpreter()
    inner = js_object(it, FakeJs("Object", {"deep": 1.0}))
    outer = js_object(it, FakeJs("Person", {"name": "Ada", "age": 36.0, "pet": inner,
                                            "full": JsNote("getter")}))
    outer.slots["ioSlot"] = 7.0
    rows = children(it, Node("p", "", outer), FakeView())
    by_name = {r.name: r for r in rows}
    assert [r.name for r in rows][:4] == ["name", "age", "pet", "full"]
    assert by_name["name"].summary == '"Ada"' and by_name["name"].where == "JS"
    assert by_name["age"].summary == "36"
    assert by_name["full"].summary == "getter" and by_name["full"].value is None
    assert by_name["ioSlot"].summary == "7"
    assert by_name["pet"].summary == "JSObject Object"
    deep = children(it, by_name["pet"], FakeView())
    assert deep[0].name == "deep" and deep[0].summary == "1"


def test_many_properties_are_capped_with_a_count():
    it = Interpreter()
    props = {f"k{i}": float(i) for i in range(JS_PROPERTY_CAP + 25)}
    rows = children(it, Node("big", "", js_object(it, FakeJs("Object", props))), FakeView())
    js_rows = [r for r in rows if r.where == "JS"]
    assert len(js_rows) == JS_PROPERTY_CAP
    assert any(r.summary == "25 more properties" for r in rows)


def test_without_a_js_view_a_jsobject_is_an_ordinary_object():
    it = Interpreter()
    obj = js_object(it, FakeJs("Object", {"a": 1.0}))
    rows = children(it, Node("o", "", obj))
    assert "a" not in [r.name for r in rows]

"""DOM and Element: the page's document with Io-style methods (setters return self).

Element inherits from JSObject, so anything not listed here still reaches the JS node
(``el style setProperty("color", "red")``). ``on(event, block)`` registers the block as a
listener through a handle (no Python proxy per listener); ``off`` removes listeners and
releases their handles, as does resetting the interpreter.
"""

from __future__ import annotations

from pyodide.ffi import JsException, jsnull

from pyio_core.errors import IoError
from pyio_core.objects import IoObject

from .jsobject import JSRef
from .prims import Table, new_proto

D = Table("DOM")
E = Table("Element")


def raw(B, fn, *args):
    """A glue call returning the raw JS value; JS errors become Io errors."""
    try:
        return fn(*args)
    except JsException as e:
        raise IoError(f"JS error: {B.glue.errorText(e)}") from None


def text(S, v, method: str, i: int = 0) -> str:
    if v.__class__ is float:
        return S.simple_string(v)
    s = v if v.__class__ is str else getattr(v, "s", None)
    if not isinstance(s, str):
        raise IoError(f"argument {i} to method '{method}' must be a Sequence, "
                      f"not a '{S.type_name(v)}'")
    return s


def element(B, node):
    """An Element for a DOM node (nil for null/undefined)."""
    if node is None or node is jsnull:
        return B.S.nil
    return JSRef([B.Element], node)


def elements(B, nodes) -> object:
    return B.S.new_list([element(B, n) for n in raw(B, B.glue.items, nodes)])


def document(B):
    doc = B.glue.get(B.js_global.js, "document")
    if doc is None or doc is jsnull:
        raise IoError("DOM: there is no document in this JavaScript environment")
    return doc


def node(B, t, method: str):
    js = getattr(t, "js", None)
    if js is None:
        raise IoError(f"Element {method}: the receiver is not a DOM element")
    return js


# -- DOM -----------------------------------------------------------------------------------
@D("querySelector")
def query_selector(B, t, sel):
    return element(B, raw(B, B.glue.method, document(B), "querySelector",
                          text(B.S, sel, "querySelector")))


@D("querySelectorAll")
def query_selector_all(B, t, sel):
    return elements(B, raw(B, B.glue.method, document(B), "querySelectorAll",
                           text(B.S, sel, "querySelectorAll")))


@D("getElementById")
def get_element_by_id(B, t, ident):
    return element(B, raw(B, B.glue.method, document(B), "getElementById",
                          text(B.S, ident, "getElementById")))


@D("createElement")
def create_element(B, t, tag):
    return element(B, raw(B, B.glue.method, document(B), "createElement",
                          text(B.S, tag, "createElement")))


@D("body")
def body(B, t):
    return element(B, B.glue.get(document(B), "body"))


@D("document")
def document_object(B, t):
    return B.wrap(document(B))


# -- Element -------------------------------------------------------------------------------
def _getter(name: str, prop: str):
    def prim(B, t):
        v = raw(B, B.glue.get, node(B, t, name), prop)
        return B.S.nil if v is None or v is jsnull else v

    E(name)(prim)


def _setter(name: str, prop: str):
    def prim(B, t, value):
        raw(B, B.glue.set, node(B, t, name), prop, text(B.S, value, name))
        return t

    E(name)(prim)


for _name, _prop in (("tagName", "tagName"), ("textContent", "textContent"),
                     ("innerHTML", "innerHTML"), ("id", "id")):
    _getter(_name, _prop)
for _name, _prop in (("setTextContent", "textContent"), ("setInnerHTML", "innerHTML"),
                     ("setId", "id")):
    _setter(_name, _prop)


@E("getAttribute")
def get_attribute(B, t, name):
    v = raw(B, B.glue.method, node(B, t, "getAttribute"), "getAttribute",
            text(B.S, name, "getAttribute"))
    return B.S.nil if v is None or v is jsnull else v


@E("setAttribute")
def set_attribute(B, t, name, value):
    raw(B, B.glue.method, node(B, t, "setAttribute"), "setAttribute",
        text(B.S, name, "setAttribute"), text(B.S, value, "setAttribute", 1))
    return t


@E("removeAttribute")
def remove_attribute(B, t, name):
    raw(B, B.glue.method, node(B, t, "removeAttribute"), "removeAttribute",
        text(B.S, name, "removeAttribute"))
    return t


@E("getStyle")
def get_style(B, t, prop):
    return raw(B, B.glue.getStyle, node(B, t, "getStyle"), text(B.S, prop, "getStyle"))


@E("setStyle")
def set_style(B, t, prop, value):
    raw(B, B.glue.setStyle, node(B, t, "setStyle"), text(B.S, prop, "setStyle"),
        text(B.S, value, "setStyle", 1))
    return t


def _class_list(name: str, method: str, answer: bool):
    def prim(B, t, cls):
        r = raw(B, B.glue.classList, node(B, t, name), method, text(B.S, cls, name))
        return B.S.bool(r) if answer else t

    E(name)(prim)


_class_list("addClassName", "add", False)
_class_list("removeClassName", "remove", False)
_class_list("hasClassName", "contains", True)
_class_list("toggleClassName", "toggle", False)


@E("appendChild")
def append_child(B, t, child):
    if getattr(child, "js", None) is None:  # e.g. nil from getElementById of a missing id
        raise IoError("argument 0 to method 'appendChild' must be an Element, "
                      f"not a '{B.S.type_name(child)}'")
    raw(B, B.glue.method, node(B, t, "appendChild"), "appendChild", child.js)
    return t


@E("remove")
def remove(B, t):
    raw(B, B.glue.method, node(B, t, "remove"), "remove")
    return t


@E("children")
def children(B, t):
    return elements(B, raw(B, B.glue.get, node(B, t, "children"), "children"))


@E("parent")
def parent(B, t):
    return element(B, raw(B, B.glue.get, node(B, t, "parent"), "parentElement"))


@E("querySelector")
def el_query_selector(B, t, sel):
    return element(B, raw(B, B.glue.method, node(B, t, "querySelector"), "querySelector",
                          text(B.S, sel, "querySelector")))


@E("querySelectorAll")
def el_query_selector_all(B, t, sel):
    return elements(B, raw(B, B.glue.method, node(B, t, "querySelectorAll"), "querySelectorAll",
                           text(B.S, sel, "querySelectorAll")))


@E("on")
def on(B, t, event, blk):
    """Call ``blk`` (with the event as a JSObject) for each ``event`` on this element."""
    n = node(B, t, "on")
    name = text(B.S, event, "on")
    if not isinstance(blk, IoObject) or blk is B.S.nil:
        raise IoError(f"argument 1 to method 'on' must be a Block, not a '{B.S.type_name(blk)}'")
    h = B.register(blk)
    fn = B.glue.listener(h)
    raw(B, B.glue.listen, n, name, fn)
    B.listeners.append((n, name, fn, h, blk))
    return t


@E("off")
def off(B, t, event=None, blk=None):
    """Remove this element's listeners: all, those for ``event``, or that block's."""
    n = node(B, t, "off")
    name = None if event is None or event is B.S.nil else text(B.S, event, "off")
    which = None if blk is None or blk is B.S.nil else blk
    keep = []
    for entry in B.listeners:
        en, ename, fn, h, eblk = entry
        if (en.js_id == n.js_id and B.glue.same(en, n) and (name is None or ename == name)
                and (which is None or eblk is which)):
            _unlisten(B, entry)
        else:
            keep.append(entry)
    B.listeners = keep
    return t


@E("listenerCount")
def listener_count(B, t):
    n = node(B, t, "listenerCount")
    return float(sum(1 for e in B.listeners if e[0].js_id == n.js_id and B.glue.same(e[0], n)))


def _unlisten(B, entry) -> None:
    n, name, fn, h, _ = entry
    B.glue.unlisten(n, name, fn)
    B.refs.pop(h, None)


def remove_all_listeners(B) -> None:
    for entry in B.listeners:
        try:
            _unlisten(B, entry)
        except JsException:
            pass
    B.listeners = []


def install(B) -> None:
    S = B.S
    B.Element = new_proto(S, JSRef, "Element", B.JSObject)
    E.install(S, B.Element, B)
    dom = IoObject([S.Object])
    dom.slots["type"] = "DOM"
    D.install(S, dom, B)
    S.core.slots["DOM"] = dom

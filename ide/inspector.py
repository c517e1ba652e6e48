"""The object inspector: a tree of the Lobby's slots, each object expandable to its own
slots and its proto chain (each proto with the slots it defines).

``children`` and ``summary`` describe values without running any Io code (a user's
``asString`` could loop or print), so the inspector is safe to refresh at any moment.
``TreeView`` renders them as an ARIA tree (role="tree"/"treeitem", aria-expanded) with
keyboard navigation; children are built only when an item is opened.

A JSObject (a JS value seen from Io) shows its JS type, and opening it lists its own
enumerable properties (at most ``JS_PROPERTY_CAP``) before its Io slots. What JS says is
asked through a ``JsView`` (ide/jsview.py in the browser), so this module stays plain Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from pyio_core.values import Block, CFunction, IoList, IoMap, MutableSeq

SUMMARY_LEN = 60
JS_PROPERTY_CAP = 100  # a JS object can have thousands of keys; the tree lists the first


class JsView(Protocol):
    """What the inspector asks JavaScript about a JS value (the JsProxy of a JSObject)."""

    def type_name(self, js) -> str:
        """``HTMLDivElement``, ``Object``, ``Person``, ``function fetch``..."""

    def properties(self, js, cap: int) -> tuple[list[tuple[str, object]], int]:
        """At most ``cap`` own enumerable properties as (key, Io value) pairs, and how many
        there are in all. A value is a ``JsNote`` when it was not read (a getter, an error)."""


@dataclass
class JsNote:
    """A property the inspector shows without its value, e.g. ``getter`` (reading it would
    run JS code) or the error reading it raised."""

    text: str


def js_of(v):
    """The JS value behind a JSObject, or None for any other value."""
    return getattr(v, "js", None)


@dataclass
class Node:
    """One row of the tree: a label, a value summary, and the value to expand (or None)."""

    name: str
    summary: str
    value: object = None
    where: str = ""  # "proto" rows and slots found on a proto say which object holds them
    chain: bool = False  # True for the "protos" row: its children are the proto chain


def expandable(interp, v) -> bool:
    return v is not None and v.__class__ not in (float, str, JsNote) and v is not interp.nil \
        and v is not interp.true and v is not interp.false


def type_label(interp, v) -> str:
    """The type name, but Lobby, Protos and Core by name (their type slot says Object)."""
    for name, obj in (("Lobby", interp.lobby), ("Protos", interp.lobby.slots.get("Protos")),
                      ("Core", interp.core)):
        if v is obj:
            return name
    return interp.type_name(v)


def object_name(interp, v) -> str:
    """``Person_0x1a2b`` for objects, as upstream names them, without running Io code."""
    return f"{type_label(interp, v)}_0x{id(v) & 0xFFFFFF:06x}"


def summary(interp, v, js: JsView | None = None) -> str:
    """A one-line description of a value."""
    tc = v.__class__
    if tc is JsNote:
        return v.text
    if js is not None and js_of(v) is not None:
        return f"{type_label(interp, v)} {js.type_name(js_of(v))}"
    if tc is float:
        return interp.simple_string(v)
    if tc is str or tc is MutableSeq:
        text = v if tc is str else v.s
        return '"' + _short(text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")) + '"'
    if v is interp.nil or v is interp.true or v is interp.false:
        return interp.type_name(v)
    if tc is CFunction:
        return f"primitive {v.name}"
    if tc is Block:
        return _short(interp.simple_string(v).replace("\n", " "))
    if tc is IoList:
        return f"list of {len(v.items)} item{'s' * (len(v.items) != 1)}"
    if tc is IoMap:
        return f"map of {len(v.map)} key{'s' * (len(v.map) != 1)}"
    return object_name(interp, v)


def _short(text: str) -> str:
    return text if len(text) <= SUMMARY_LEN else text[: SUMMARY_LEN - 1] + "…"


def value_node(interp, name: str, v, js: JsView | None, where: str = "") -> Node:
    return Node(name, summary(interp, v, js), v if expandable(interp, v) else None, where)


def slot_nodes(interp, obj, where: str = "", js: JsView | None = None) -> list[Node]:
    return [value_node(interp, name, v, js, where) for name, v in sorted(obj.slots.items())]


def js_property_nodes(interp, v, js: JsView) -> list[Node]:
    """A JSObject's own enumerable JS properties (capped; the last row says how many more)."""
    pairs, total = js.properties(js_of(v), JS_PROPERTY_CAP)
    rows = [value_node(interp, key, x, js, "JS") for key, x in pairs]
    if total > len(pairs):
        rows.append(Node("…", f"{total - len(pairs)} more properties"))
    return rows


def proto_chain(interp, obj) -> list:
    """Every proto ``obj`` inherits from, nearest first, each once (the graph has cycles)."""
    seen, order, todo = {id(obj)}, [], list(getattr(obj, "protos", ()))
    while todo:
        p = todo.pop(0)
        if id(p) in seen:
            continue
        seen.add(id(p))
        order.append(p)
        todo.extend(p.protos)
    return order


def children(interp, node: Node, js: JsView | None = None) -> list[Node]:
    """What opening ``node`` shows: an object's own slots then its proto chain; the
    "protos" row lists the chain's objects; a list or map shows its items; a JSObject
    its JS properties."""
    v = node.value
    if node.chain:
        return [Node(type_label(interp, p), object_name(interp, p), p, "proto")
                for p in proto_chain(interp, v)]
    rows = []
    if isinstance(v, IoList):
        rows = [value_node(interp, str(i), x, js) for i, x in enumerate(v.items[:500])]
    elif isinstance(v, IoMap):
        rows = [value_node(interp, k, x, js) for k, x in list(v.map.items())[:500]]
    elif js is not None and js_of(v) is not None:
        rows = js_property_nodes(interp, v, js)
    rows += slot_nodes(interp, v, js=js)
    chain = proto_chain(interp, v)
    if chain:
        rows.append(Node("protos", " → ".join(type_label(interp, p) for p in chain[:6]),
                         v, chain=True))
    return rows


def lobby_nodes(interp, baseline: set[str], last_value=None,
                js: JsView | None = None) -> list[Node]:
    """The Lobby's slots the user made (those not there when the world was created), then
    the last console value (so a value typed in the console can be opened here)."""
    nodes = [n for n in slot_nodes(interp, interp.lobby, js=js) if n.name not in baseline]
    if last_value is not None and expandable(interp, last_value):
        nodes.append(value_node(interp, "(console)", last_value, js, "last value"))
    return nodes


class TreeView:
    """Renders nodes into a role="tree" list; items open with a click, Enter, Space or →."""

    def __init__(self, document, element, create_proxy, js_view=None) -> None:
        self.document = document
        self.element = element
        self.nodes: dict[int, Node] = {}
        self.session = None
        self.js_view = js_view  # makes a JsView from a session's bridge (None: no JS)
        self.js: JsView | None = None
        self._on_click = create_proxy(self.on_click)
        self._on_key = create_proxy(self.on_key)
        element.addEventListener("click", self._on_click)
        element.addEventListener("keydown", self._on_key)

    def show(self, session) -> None:
        """Rebuild the top level from the session's Lobby (after a run, on Refresh)."""
        if session is not self.session:
            bridge = getattr(session, "bridge", None)
            self.js = self.js_view(bridge) if self.js_view and bridge is not None else None
        self.session = session
        self.nodes.clear()
        self.element.replaceChildren()
        nodes = lobby_nodes(session.interp, session.baseline, session.last_value, self.js)
        if not nodes:
            hint = self.document.createElement("li")
            hint.className = "value"
            hint.setAttribute("role", "none")
            hint.textContent = "Nothing in the Lobby yet: run some code."
            self.element.appendChild(hint)
        for i, node in enumerate(nodes):
            self.element.appendChild(self._item(node, 1, focusable=i == 0))

    def _item(self, node: Node, level: int, focusable: bool = False):
        doc = self.document
        li = doc.createElement("li")
        li.setAttribute("role", "treeitem")
        li.setAttribute("aria-level", str(level))
        li.tabIndex = 0 if focusable else -1
        if node.value is not None:
            li.setAttribute("aria-expanded", "false")
        key = id(node)
        self.nodes[key] = node
        li.dataset.key = str(key)
        li.dataset.name = node.name
        row = doc.createElement("span")
        row.className = "row"
        for cls, text in (("name", node.name), ("value", " " + node.summary),
                          ("where", f"  ({node.where})" if node.where else "")):
            if text:
                span = doc.createElement("span")
                span.className = cls
                span.textContent = text
                row.appendChild(span)
        li.appendChild(row)
        return li

    def toggle(self, li, open_: bool | None = None) -> None:
        if not li.hasAttribute("aria-expanded"):
            return
        is_open = li.getAttribute("aria-expanded") == "true"
        want = (not is_open) if open_ is None else open_
        if want == is_open:
            return
        li.setAttribute("aria-expanded", "true" if want else "false")
        if not want:
            group = li.querySelector(":scope > ul")
            if group:
                group.remove()
            return
        node = self.nodes.get(int(li.dataset.key))
        if node is None or self.session is None:
            return
        group = self.document.createElement("ul")
        group.setAttribute("role", "group")
        level = int(li.getAttribute("aria-level")) + 1
        for child in children(self.session.interp, node, self.js):
            group.appendChild(self._item(child, level))
        li.appendChild(group)

    def on_click(self, event) -> None:
        li = event.target.closest("[role=treeitem]")
        if li is not None:
            self._focus(li)
            self.toggle(li)

    def on_key(self, event) -> None:
        li = event.target.closest("[role=treeitem]")
        if li is None:
            return
        key = event.key
        items = [x for x in self.element.querySelectorAll("[role=treeitem]")]
        i = next((k for k, x in enumerate(items) if x.isSameNode(li)), 0)
        if key in ("Enter", " "):
            self.toggle(li)
        elif key == "ArrowRight":
            self.toggle(li, True)
        elif key == "ArrowLeft":
            if li.getAttribute("aria-expanded") == "true":
                self.toggle(li, False)
            else:
                parent = li.parentElement.closest("[role=treeitem]")
                if parent is not None:
                    self._focus(parent)
        elif key == "ArrowDown" and i + 1 < len(items):
            self._focus(items[i + 1])
        elif key == "ArrowUp" and i > 0:
            self._focus(items[i - 1])
        else:
            return
        event.preventDefault()

    def _focus(self, li) -> None:
        for x in self.element.querySelectorAll("[role=treeitem][tabindex='0']"):
            x.tabIndex = -1
        li.tabIndex = 0
        li.focus()

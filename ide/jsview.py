"""The inspector's questions to JavaScript about a JSObject: its type and its own
properties (browser only; ide/inspector.py describes everything else in plain Python).

Property values become Io values by the bridge's own conversion, so the tree shows what
Io code reading them would get (a number, a List for an Array, a JSObject...). A getter is
listed but not called: reading it would run JS code just because a row was opened.
"""

from __future__ import annotations

from pyodide.code import run_js
from pyodide.ffi import JsException

from bridge.convert import from_js

from .inspector import JsNote

# type(o): the constructor's name (a class instance says its class), else the toString tag
# (a null-prototype object says Object). keys(o, cap): [[key, isGetter, arrayLength]...]
# for at most cap own enumerable keys (arrayLength -1 when the value is no Array), and how
# many there are (arrays and typed arrays by index, so a huge one is never listed in full).
_HELPERS = """({
  type(o) {
    try {
      if (typeof o === "function") return "function " + (o.name || "anonymous");
      const ctor = o.constructor;
      if (typeof ctor === "function" && ctor.name) return ctor.name;
      return Object.prototype.toString.call(o).slice(8, -1);
    } catch (e) {
      return typeof o;
    }
  },
  keys(o, cap) {
    const indexed = Array.isArray(o) || (ArrayBuffer.isView(o) && !(o instanceof DataView));
    const all = indexed ? null : Object.keys(o);
    const total = indexed ? o.length : all.length;
    const keys = indexed ? Array.from({ length: Math.min(total, cap) }, (_, i) => String(i))
                         : all.slice(0, cap);
    return [keys.map((k) => {
      const d = Object.getOwnPropertyDescriptor(o, k);
      const getter = !!d && d.get !== undefined;
      const v = getter || !d ? undefined : d.value;
      return [k, getter, Array.isArray(v) ? v.length : -1];
    }), total];
  },
})"""
_helpers = None
LONG_ARRAY = 10_000  # an Array property longer than this is described, not converted


def _js_helpers():
    global _helpers
    if _helpers is None:
        _helpers = run_js(_HELPERS)
    return _helpers


class BridgeJsView:
    """A JsView (ide/inspector.py) for one session's bridge."""

    def __init__(self, bridge) -> None:
        self.bridge = bridge
        self.helpers = _js_helpers()

    def type_name(self, js) -> str:
        return str(self.helpers.type(js))

    def properties(self, js, cap: int) -> tuple[list[tuple[str, object]], int]:
        try:
            listed, total = self.helpers.keys(js, cap)
        except JsException as e:
            return [("(error)", JsNote(f"cannot list the properties: {_message(e)}"))], 1
        pairs = []
        for key, is_getter, length in listed:
            if is_getter:
                value = JsNote("getter")
            elif length > LONG_ARRAY:  # Io would copy it into a List: too much for a row
                value = JsNote(f"Array of {length} items")
            else:
                value = self._read(js, key)
            pairs.append((str(key), value))
        return pairs, int(total)

    def _read(self, js, key):
        try:
            return from_js(self.bridge, self.bridge.glue.get(js, key))
        except Exception as e:  # a Proxy's trap or a conversion can fail: show why
            return JsNote(f"error: {_message(e)}")


def _message(e: Exception) -> str:
    return str(getattr(e, "message", e))

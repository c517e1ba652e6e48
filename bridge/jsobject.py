"""JSObject (a JS value seen from Io), the ``JS`` global, ``JsTypes`` and ``jsfunction``.

Any message a JSObject does not know is sent to JavaScript (upstream's rule): with arguments
it is a method call, without arguments a property get that calls a function value.
"""

from __future__ import annotations

from pyodide.ffi import JsException

from pyio_core.errors import IoError, IoRaise
from pyio_core.objects import IoObject

from .convert import from_js, to_js_args, to_js_value
from .prims import Table, new_proto

T = Table("JSObject")
UNDEFINED = Table("undefined")
CORE = Table("Core")


class JSRef(IoObject):
    """An Io object standing for a JS value (``js``: its JsProxy)."""

    __slots__ = ("js",)

    def __init__(self, protos, js=None) -> None:
        self.slots = {}
        self.protos = protos
        self.js = js

    def clone_from(self, proto) -> None:
        self.js = proto.js


def js_of(t, method: str):
    js = getattr(t, "js", None)
    if js is None:
        raise IoError(f"JSObject {method}: the receiver has no JavaScript value")
    return js


def js_error(B, e: BaseException, m) -> IoRaise:
    """``JS error: <message>`` as an Io exception, with the JS stack in ``jsStack``; an Io
    exception that went through JS comes back as itself."""
    S = B.S
    if isinstance(e, JsException):
        h = B.glue.errorHandle(e)
        if h >= 0 and h in B.refs:
            return IoRaise(B.refs[h])
        text, stack = B.glue.errorText(e), B.glue.errorStack(e)
        exc = S.error_exception(f"JS error: {text}", m)
        exc.slots["jsStack"] = stack
        exc.slots["jsError"] = B.wrap(e)
    else:  # a Python error raised by Pyodide's conversions (e.g. a detached proxy)
        exc = S.error_exception(f"JS error: {e}", m)
    return IoRaise(exc)


def call_js(B, m, fn, *args):
    """Run a glue call; JS exceptions become Io exceptions raised at message ``m``."""
    try:
        return from_js(B, fn(*args))
    except JsException as e:
        raise js_error(B, e, m) from None
    except IoError:
        raise
    except Exception as e:  # pyodide ConversionError and friends
        raise js_error(B, e, m) from None


def eval_args(B, m, L):
    out = []
    for i in range(len(m.args)):
        out.append((yield from B.S.arg(m, L, i)))
    return out


def name_arg(B, m, L, i: int, method: str):
    v = yield from B.S.arg(m, L, i)
    if v.__class__ is float:
        return B.S.simple_string(v)
    s = v if v.__class__ is str else getattr(v, "s", None)
    if not isinstance(s, str):
        raise IoError(f"argument {i} to method '{method}' must be a Sequence, "
                      f"not a '{B.S.type_name(v)}'")
    return s


@T.lazy("forward")
def forward(B, t, L, m):
    args = yield from eval_args(B, m, L)
    o = js_of(t, m.name)
    js_args = to_js_args(B, args)
    return call_js(B, m, B.glue.invoke, o, m.name, js_args)


@T.lazy("get")
def get(B, t, L, m):
    name = yield from name_arg(B, m, L, 0, "get")
    return call_js(B, m, B.glue.get, js_of(t, "get"), name)


@T.lazy("set")
def set_(B, t, L, m):
    name = yield from name_arg(B, m, L, 0, "set")
    value = yield from B.S.arg(m, L, 1)
    o = js_of(t, "set")
    call_js(B, m, B.glue.set, o, name, to_js_value(B, value))
    return t


@T.lazy("at")
def at(B, t, L, m):
    i = yield from B.S.arg(m, L, 0)
    key = B.S.simple_string(float(int(i))) if i.__class__ is float else B.S.simple_string(i)
    return call_js(B, m, B.glue.get, js_of(t, "at"), key)


@T.lazy("call")
def call(B, t, L, m):
    args = yield from eval_args(B, m, L)
    return call_js(B, m, B.glue.apply, js_of(t, "call"), to_js_args(B, args))


@T.lazy("new")
def new(B, t, L, m):
    args = yield from eval_args(B, m, L)
    return call_js(B, m, B.glue.construct, js_of(t, "new"), to_js_args(B, args))


@T("typeof")
def typeof(B, t):
    return B.glue.typeOf(js_of(t, "typeof"))


@T("==")
def equals(B, t, other):
    """The same JS value (``===``): two JSObjects for one node are equal."""
    a, b = getattr(t, "js", None), getattr(other, "js", None)
    return B.S.bool(a is not None and b is not None and bool(B.glue.same(a, b)))


@T("!=")
def not_equals(B, t, other):
    return B.S.false if equals(B, t, other) is B.S.true else B.S.true


@T("asString")
def as_string(B, t):
    """``JSObject(<what JS says it is>)``: the type, and a short description."""
    js = getattr(t, "js", None)
    what = "no value" if js is None else B.glue.describe(js)
    return f"{B.S.type_name(t)}({what})"


@T("instanceOf")
def instance_of(B, t, ctor):
    return B.S.bool(B.glue.instanceOf(js_of(t, "instanceOf"), to_js_value(B, ctor)))


@UNDEFINED("asString", "type")
def undefined_text(B, t):
    return "undefined"


@CORE.lazy("jsfunction")
def jsfunction(B, t, L, m):
    """``jsfunction(source)``: a JS function made from source text (``new Function``)."""
    source = yield from name_arg(B, m, L, 0, "jsfunction")
    try:
        return B.wrap(B.glue.func(source))
    except JsException as e:
        raise IoRaise(B.S.error_exception(f"jsfunction error: {B.glue.errorText(e)}", m)) \
            from None


def install(B) -> None:
    """JSObject, Element-independent globals: ``JS``, ``JsTypes undefined``, ``jsfunction``."""
    S = B.S
    proto = B.JSObject = new_proto(S, JSRef, "JSObject")
    T.install(S, proto, B)
    types = IoObject([S.Object])
    undefined = B.undefined = IoObject([S.Object])
    UNDEFINED.install(S, undefined, B)
    types.slots["undefined"] = undefined
    types.slots["type"] = "JsTypes"
    S.core.slots["JsTypes"] = types
    S.core.slots["JS"] = B.js_global = JSRef([proto], B.glue.globalObject())
    CORE.install(S, S.core, B)

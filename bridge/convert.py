"""Converting values between Io and JavaScript (both directions, upstream's rules).

nil <-> null, ``JsTypes undefined`` <-> undefined, true/false, Number <-> number,
Sequence -> string, List <-> Array (Set -> List), Map <-> Map, numeric Sequence (Vector) <->
TypedArray, BigInt <-> bigint, Promise -> Future. Any other JS object is a JSObject; any
other Io object (blocks included) reaches JS as a callable Proxy that sends messages back.
Containers are copied, so a cycle is an error instead of an endless copy.
"""

from __future__ import annotations

from pyodide.ffi import JsBigInt, jsnull, to_js

from pyio_core.errors import IoError
from pyio_core.protos.vector import IoVector
from pyio_core.values import IoList, IoMap, MutableSeq

from .bigint import IoBigInt, new_bigint

# TypedArray constructor name <-> Io item type of a numeric Sequence
TYPED_TO_ITEM = {
    "Int8Array": "int8", "Uint8Array": "uint8", "Uint8ClampedArray": "uint8",
    "Int16Array": "int16", "Uint16Array": "uint16", "Int32Array": "int32",
    "Uint32Array": "uint32", "Float32Array": "float32", "Float64Array": "float64",
    "BigInt64Array": "int64", "BigUint64Array": "uint64",
}
ITEM_TO_TYPED = {v: k for k, v in TYPED_TO_ITEM.items() if k != "Uint8ClampedArray"}

CYCLE = "bridge error: cyclic structure cannot be converted"


def is_numeric_seq(v) -> bool:
    return v.__class__ is MutableSeq and (v.encoding == "number" or v.item_type != "uint8")


def from_js(B, v, seen: set | None = None):
    """The Io value for a JS value received from the glue (thenables arrive boxed)."""
    tc = v.__class__
    if tc is str or tc is float:
        return v
    if tc is bool:
        return B.S.true if v else B.S.false
    if tc is int:
        return float(v)
    if tc is JsBigInt:
        return new_bigint(B.S, int(v))
    if v is None:
        return B.undefined
    if v is jsnull:
        return B.S.nil
    kind = B.glue.kind(v)
    if kind == "object":
        return B.wrap(v)
    if kind == "promise":
        return B.future(v)
    if kind == "io":
        return B.refs.get(B.glue.handle(v), B.S.nil)
    if kind == "typed":
        return typed_to_seq(B, v)
    if seen is None:
        seen = set()
    key = v.js_id
    if key in seen:
        raise IoError(CYCLE)
    seen.add(key)
    try:
        if kind == "map":
            m = B.S.new_map()
            for entry in B.glue.entries(v):
                m.map[entry[0]] = from_js(B, entry[1], seen)
            return m
        return B.S.new_list([from_js(B, x, seen) for x in B.glue.items(v)])
    finally:
        seen.discard(key)


VECTOR_ITEMS = ("float32", "int32")  # the item types pyio's Vector holds


def typed_to_seq(B, v):
    """A TypedArray as a Vector (float32/int32 items) or a numeric Sequence (its bytes)."""
    item = TYPED_TO_ITEM.get(B.glue.typedName(v), "uint8")
    data = B.glue.bytes(v).to_bytes()
    if item in VECTOR_ITEMS:
        vec = IoVector([B.S.Vector], item_type=item)
        vec.items.frombytes(data)
        return vec
    seq = MutableSeq(B.S.seq_protos, data.decode("latin-1"))
    seq.encoding = "number"
    seq.item_type = item
    return seq


def to_js_value(B, v, seen: set | None = None):
    """A value Pyodide hands to JS unchanged (JS objects stay JsProxy, primitives native)."""
    S = B.S
    tc = v.__class__
    if tc is str or tc is float:
        return v
    if tc is MutableSeq:
        if is_numeric_seq(v):
            name = ITEM_TO_TYPED.get(v.item_type)
            if name is None:
                raise IoError(f"bridge error: no TypedArray holds {v.item_type} items")
            return B.glue.typed(name, to_js(v.s.encode("latin-1")))
        return v.s
    if tc is IoVector:
        return B.glue.typed(ITEM_TO_TYPED[v.item_type], to_js(v.items.tobytes()))
    if v is S.nil:
        return jsnull
    if v is S.true:
        return True
    if v is S.false:
        return False
    if v is B.undefined:
        return None
    js = getattr(v, "js", None)  # JSObject, Element, Future: the JS value itself
    if js is not None:
        return js
    if tc is IoBigInt:
        return JsBigInt(v.value)
    if tc is IoList or tc is IoMap:
        if seen is None:
            seen = set()
        if id(v) in seen:
            raise IoError(CYCLE)
        seen.add(id(v))
        try:
            if tc is IoList:
                return B.glue.array(to_js([to_js_value(B, x, seen) for x in v.items]))
            keys = list(v.map)
            vals = [to_js_value(B, x, seen) for x in v.map.values()]
            return B.glue.map(to_js(keys), to_js(vals))
        finally:
            seen.discard(id(v))
    return B.glue.ioRef(B.register(v))


def to_js_args(B, values: list):
    """A JS Array of converted arguments (never a Python list: that would leak a PyProxy)."""
    return to_js([to_js_value(B, x) for x in values])

"""Vector: a mutable array of C floats for vector math (``vector(1, 2, 3) sum``).

Upstream's Vector is a Sequence whose items are float32. Here it has its own payload, an
``array`` of machine floats, so arithmetic never goes through text; values are rounded to
single precision as they are stored, exactly as upstream's float32 items are. The same
class with int32 items carries ``Date asSerialization``.
"""

from __future__ import annotations

import math
from array import array

from ..errors import IoError
from ..objects import IoObject
from ..registry import Prims
from ..values import MutableSeq
from .number import c_div, c_fixed, c_int, c_log, c_pow, f32, libm
from .sequence_base import integer, size_t, wrap

_TYPECODES = {"float32": "f", "float64": "d", "int32": "i"}
_DBL_MIN = 2.2250738585072014e-308  # upstream's starting point for max (so all-negative gives it)


class IoVector(IoObject):
    """Vector's payload: ``items``, an array of float32 (or int32) values."""

    __slots__ = ("items", "item_type")

    def __init__(self, protos, items=None, item_type: str = "float32") -> None:
        self.slots = {}
        self.protos = protos
        self.item_type = item_type
        self.items = array(_TYPECODES[item_type], items or ())

    def clone_from(self, proto: IoVector) -> None:
        self.item_type = proto.item_type
        self.items = array(proto.items.typecode, proto.items)

    def store(self, v: float):
        """``v`` as the item type holds it (C's conversion)."""
        kind = self.item_type
        if kind == "float32":
            return f32(v)
        return v if kind == "float64" else c_int(v)

    def assign(self, values) -> None:
        self.items = array(self.items.typecode, map(self.store, values))


P = Prims("Vector", IoVector)


def need_vector(S, t, method: str) -> IoVector:
    if isinstance(t, IoVector):
        return t
    raise IoError(f"Vector {method} called on a '{S.type_name(t)}'")


def new_vector(S, values, item_type: str = "float32") -> IoVector:
    v = IoVector([S.Vector], item_type=item_type)
    v.assign(values)
    return v


def operand_items(S, o, method: str, i: int = 0):
    """The numbers of a Vector or Sequence argument (a Sequence counts by character code)."""
    if isinstance(o, IoVector):
        return o.items
    if o.__class__ is str:
        return [float(ord(c)) for c in o]
    if o.__class__ is MutableSeq:
        return [float(ord(c)) for c in o.s]
    raise IoError(f"argument {i} to method '{method}' must be a Sequence, not a "
                  f"'{S.type_name(o)}'")


def item_text(v: IoVector) -> str:
    """How a Vector prints: items as printf's ``%f`` (``%d`` for integers), comma separated."""
    if v.item_type != "int32":
        return ", ".join(c_fixed(x, 0, 6) for x in v.items)
    return ", ".join(str(x) for x in v.items)


# -- building and reading ----------------------------------------------------------------------
@P("size")
def size(S, t):
    return float(len(need_vector(S, t, "size").items))


@P("at")
def at(S, t, index):
    i = size_t(S, index, "at")
    items = need_vector(S, t, "at").items
    return float(items[i]) if i < len(items) else S.nil


@P("atPut")
def at_put(S, t, index, value):
    """Sets item ``index``; writing past the end first grows the vector with zeros."""
    i = size_t(S, index, "atPut")
    v = need_vector(S, t, "atPut")
    x = v.store(number_arg(S, value, "atPut", 1))
    if i >= len(v.items):
        v.items.extend([0] * (i + 1 - len(v.items)))
    v.items[i] = x
    return t


def number_arg(S, v, method: str, i: int = 0) -> float:
    if v.__class__ is float:
        return v
    raise IoError(f"argument {i} to method '{method}' must be a Number, not a "
                  f"'{S.type_name(v)}'")


@P("append")
def append(S, t, *values):
    v = need_vector(S, t, "append")
    v.items.extend(v.store(number_arg(S, x, "append", i)) for i, x in enumerate(values))
    return t


@P("set")
def set_(S, t, *values):
    """Overwrites the first items with the arguments."""
    for i, x in enumerate(values):
        at_put(S, t, float(i), x)
    return t


def _coordinate(name: str, index: int):
    @P(name)
    def get(S, t):
        items = need_vector(S, t, name).items
        return float(items[index]) if index < len(items) else S.nil

    setter = "set" + name.upper()

    @P(setter)
    def put(S, t, value):
        return at_put(S, t, float(index), value)

    get.__name__, put.__name__ = name, setter


for _i, _name in enumerate("xyzw"):
    _coordinate(_name, _i)


@P("removeAt")
def remove_at(S, t, index):
    """Removes and answers the item at ``index`` (negatives count from the end); nil when
    out of range."""
    i = integer(S, index, "removeAt")
    items = need_vector(S, t, "removeAt").items
    i = wrap(i, len(items))
    if i >= len(items):
        return S.nil
    return float(items.pop(i))


@P("removeSlice")
def remove_slice(S, t, start, end):
    """Removes items ``start`` through ``end`` inclusive."""
    a = integer(S, start, "removeSlice")
    b = integer(S, end, "removeSlice", 1)
    items = need_vector(S, t, "removeSlice").items
    a, b = wrap(a, len(items)), wrap(b, len(items))
    del items[a:b + 1]
    return t


@P("removeLast")
def remove_last(S, t):
    items = need_vector(S, t, "removeLast").items
    if items:
        items.pop()
    return t


@P("setSize")
def set_size(S, t, n):
    count = size_t(S, n, "setSize")
    items = need_vector(S, t, "setSize").items
    if count < len(items):
        del items[count:]
    else:
        items.extend([0] * (count - len(items)))
    return t


@P("preallocateToSize")
def preallocate_to_size(S, t, n):
    size_t(S, n, "preallocateToSize")
    need_vector(S, t, "preallocateToSize")
    return t


@P("empty")
def empty(S, t):
    del need_vector(S, t, "empty").items[:]
    return t


@P("isEmpty")
def is_empty(S, t):
    return S.bool(not need_vector(S, t, "isEmpty").items)


@P("contains")
def contains(S, t, value):
    x = number_arg(S, value, "contains")
    return S.bool(x in need_vector(S, t, "contains").items)


@P("isZero")
def is_zero(S, t):
    return S.bool(not any(need_vector(S, t, "isZero").items))


@P("copy")
def copy(S, t, other):
    """Makes the receiver's items a copy of ``other``'s."""
    values = list(operand_items(S, other, "copy"))
    need_vector(S, t, "copy").assign(values)
    return t


@P("asMutable", "asBuffer")
def as_mutable(S, t):
    v = need_vector(S, t, "asMutable")
    return new_vector(S, v.items, v.item_type)


@P("exclusiveSlice", "exSlice", "slice")
def ex_slice(S, t, start, end=None):
    v = need_vector(S, t, "exSlice")
    n = len(v.items)
    a = wrap(integer(S, start, "exSlice"), n)
    b = n if end is None else wrap(integer(S, end, "exSlice", 1), n)
    return new_vector(S, v.items[a:max(a, b)], v.item_type)


@P("asList")
def as_list(S, t):
    return S.new_list([float(x) for x in need_vector(S, t, "asList").items])


@P.lazy("foreach")
def foreach(S, t, L, m):
    """``foreach(value, body)``, ``foreach(index, value, body)`` or ``foreach(message)``."""
    items = need_vector(S, t, "foreach").items
    args = m.args
    if not args:
        raise IoError("[Vector foreach] requires 1 arguments\n")
    body = args[-1]
    names = [a.name for a in args[:-1]]
    slots = S.bind_slots(L, *names) if names else None
    r = S.nil
    for i, x in enumerate(list(items)):
        value = float(x)
        if len(names) > 1:
            slots[names[0]] = float(i)
            slots[names[1]] = value
        elif names:
            slots[names[0]] = value
        r, stop = yield from S.loop_body(body, L, None if names else value)
        if stop == "break":
            break
    return r


@P("reverseInPlace")
def reverse_in_place(S, t):
    need_vector(S, t, "reverseInPlace").items.reverse()
    return t


@P("reverse")
def reverse(S, t):
    v = need_vector(S, t, "reverse")
    return new_vector(S, reversed(v.items), v.item_type)


@P("sort")
def sort(S, t):
    v = need_vector(S, t, "sort")
    v.items = array(v.items.typecode, sorted(v.items))
    return t


@P("itemType")
def item_type(S, t):
    return need_vector(S, t, "itemType").item_type


@P("setItemType")
def set_item_type(S, t, kind):
    """float32 (the default), float64 or int32; the items are converted."""
    v = need_vector(S, t, "setItemType")
    name = kind if kind.__class__ is str else S.simple_string(kind)
    if name not in _TYPECODES:
        raise IoError(f"Vector setItemType: unsupported item type '{name}' "
                      f"(use {', '.join(_TYPECODES)})")
    v.item_type = name
    v.items = array(_TYPECODES[name], map(v.store, v.items))
    return t


@P("itemSize")
def item_size(S, t):
    return float(need_vector(S, t, "itemSize").items.itemsize)


@P("sizeInBytes")
def size_in_bytes(S, t):
    items = need_vector(S, t, "sizeInBytes").items
    return float(len(items) * items.itemsize)


@P("encoding")
def encoding(S, t):
    need_vector(S, t, "encoding")
    return "number"


@P("isMutable")
def is_mutable(S, t):
    need_vector(S, t, "isMutable")
    return S.true


@P("asString", "asSimpleString", "asSymbol")
def as_string(S, t):
    return item_text(need_vector(S, t, "asString"))


@P("print")
def print_(S, t):
    S.write(item_text(need_vector(S, t, "print")))
    return t


# -- comparison ------------------------------------------------------------------------------
def compare_items(a, b) -> int:
    """Item by item, then the shorter first."""
    for x, y in zip(a, b):
        if x != y:
            return 1 if x > y else -1
    return (len(a) > len(b)) - (len(a) < len(b))


@P("compare")
def compare(S, t, o):
    v = need_vector(S, t, "compare")
    if not isinstance(o, IoVector):
        return float(S.raw_compare(v, o))
    return float(compare_items(v.items, o.items))


@P("==")
def eq(S, t, o):
    v = need_vector(S, t, "==")
    return S.bool(isinstance(o, IoVector) and list(v.items) == list(o.items))


@P("!=")
def ne(S, t, o):
    return S.bool(eq(S, t, o) is S.false)


def _none_beyond(a, b, beyond) -> bool:
    """Upstream's vector ordering: true unless some item pair is ``beyond`` (over the
    shorter length), so equal vectors are both < and >."""
    return not any(beyond(x, y) for x, y in zip(a, b))


@P("<")
def lt(S, t, o):
    a = need_vector(S, t, "<").items
    return S.bool(_none_beyond(a, operand_items(S, o, "<"), lambda x, y: x > y))


@P(">")
def gt(S, t, o):
    a = need_vector(S, t, ">").items
    return S.bool(_none_beyond(a, operand_items(S, o, ">"), lambda x, y: x < y))


@P("<=")
def le(S, t, o):
    a = need_vector(S, t, "<=").items
    b = operand_items(S, o, "<=")
    return S.bool(_none_beyond(a, b, lambda x, y: x > y) or
                  (len(a) == len(b) and list(a) == list(b)))


@P(">=")
def ge(S, t, o):
    a = need_vector(S, t, ">=").items
    b = operand_items(S, o, ">=")
    return S.bool(_none_beyond(a, b, lambda x, y: x < y) or
                  (len(a) == len(b) and list(a) == list(b)))


# -- arithmetic ------------------------------------------------------------------------------
_OPS = {
    "+": lambda x, y: x + y,
    "-": lambda x, y: x - y,
    "*": lambda x, y: x * y,
    "/": c_div,
    "**": c_pow,
}


def combine(S, v: IoVector, o, op: str, method: str) -> None:
    """``v op= o`` item by item (a Number applies to every item; a shorter operand leaves
    the remaining items alone)."""
    fn = _OPS[op]
    items = v.items
    if o.__class__ is float:
        v.assign(fn(float(x), o) for x in items)
        return
    if not isinstance(o, (IoVector, MutableSeq, str)):
        raise IoError(f"argument 0 to method '{method}' must be a Sequence or Number, not a "
                      f"'{S.type_name(o)}'")
    others = operand_items(S, o, method)
    n = min(len(items), len(others))
    v.assign([fn(float(x), float(y)) for x, y in zip(items, others)] + list(items[n:]))


def _arithmetic(op: str):
    in_place = op + "="

    @P(op)
    def fresh(S, t, o):
        v = need_vector(S, t, op)
        new = new_vector(S, v.items, v.item_type)
        combine(S, new, o, op, op)
        return new

    @P(in_place, *(("addEquals",) if op == "+" else ()))
    def update(S, t, o):
        combine(S, need_vector(S, t, in_place), o, op, in_place)
        return t

    fresh.__name__, update.__name__ = op, in_place


for _op in _OPS:
    _arithmetic(_op)


def _each(name: str, fn):
    """An in-place method applying ``fn`` to every item (upstream's are all in place)."""
    @P(name)
    def prim(S, t):
        v = need_vector(S, t, name)
        v.assign(map(fn, v.items))
        return t

    prim.__name__ = name


for _name, _fn in (("sin", math.sin), ("cos", math.cos), ("tan", math.tan),
                   ("asin", math.asin), ("acos", math.acos), ("atan", math.atan),
                   ("sinh", math.sinh), ("cosh", math.cosh), ("tanh", math.tanh),
                   ("sqrt", math.sqrt), ("abs", abs), ("negate", lambda x: -x),
                   ("square", lambda x: x * x)):
    _each(_name, libm(_fn))
for _name, _fn in (("ceil", math.ceil), ("floor", math.floor)):
    _each(_name, libm(lambda x, f=_fn: float(f(x)) if math.isfinite(x) else x))
_each("log", libm(c_log(math.log)))
_each("log10", libm(c_log(math.log10), math.nan))


@P("rangeFill")
def range_fill(S, t):
    v = need_vector(S, t, "rangeFill")
    v.assign(range(len(v.items)))
    return t


@P("zero")
def zero(S, t):
    v = need_vector(S, t, "zero")
    v.assign([0.0] * len(v.items))
    return t


def sum_of_squares(v: IoVector) -> float:
    """Upstream squares a copy in the item type, then adds the squares up as doubles in
    order (Python's ``sum`` would compensate and print different digits)."""
    total = 0.0
    for x in v.items:
        total += v.store(x * x)
    return total


@P("normalize")
def normalize(S, t):
    """Divides every item by the vector's length."""
    v = need_vector(S, t, "normalize")
    length = math.sqrt(sum_of_squares(v))
    v.assign(_OPS["/"](float(x), length) for x in v.items)
    return t


def _pairwise(name: str, pick):
    @P(name)
    def prim(S, t, o):
        v = need_vector(S, t, name)
        others = operand_items(S, o, name)
        n = min(len(v.items), len(others))
        v.assign([pick(float(x), float(y)) for x, y in zip(v.items, others)]
                 + list(v.items[n:]))
        return t

    prim.__name__ = name


_pairwise("Max", lambda x, y: x if x > y else y)
_pairwise("Min", lambda x, y: x if x < y else y)


@P("sum")
def sum_(S, t):
    total = 0.0
    for x in need_vector(S, t, "sum").items:
        total += x
    return total


@P("product")
def product(S, t):
    p = 1.0
    for x in need_vector(S, t, "product").items:
        p *= x
    return p


@P("mean")
def mean(S, t):
    items = need_vector(S, t, "mean").items
    return _OPS["/"](sum_(S, t), float(len(items)))


@P("meanSquare")
def mean_square(S, t):
    v = need_vector(S, t, "meanSquare")
    return _OPS["/"](sum_of_squares(v), float(len(v.items)))


@P("rootMeanSquare")
def root_mean_square(S, t):
    return libm(math.sqrt)(mean_square(S, t))


@P("max")
def max_(S, t):
    items = need_vector(S, t, "max").items
    return max([_DBL_MIN, *items]) if items else 0.0


@P("min")
def min_(S, t):
    items = need_vector(S, t, "min").items
    return float(min(items)) if items else 0.0


@P("dotProduct")
def dot_product(S, t, o):
    a = need_vector(S, t, "dotProduct").items
    p = 0.0
    for x, y in zip(a, operand_items(S, o, "dotProduct")):
        p += x * y
    return p


@P("distanceTo")
def distance_to(S, t, o):
    """Euclidean distance (0 when the sizes differ, as upstream). Upstream squares each
    difference as a C float even for float64 items, so pyio rounds the same way."""
    a = need_vector(S, t, "distanceTo").items
    b = operand_items(S, o, "distanceTo")
    if len(a) != len(b):
        return 0.0
    total = 0.0
    for x, y in zip(a, b):
        d = f32(x - y)
        total += f32(d * d)
    return math.sqrt(total)


@P("duplicateIndexes")
def duplicate_indexes(S, t):
    v = need_vector(S, t, "duplicateIndexes")
    v.items = array(v.items.typecode, (x for x in v.items for _ in (0, 1)))
    return t


@P("removeOddIndexes")
def remove_odd_indexes(S, t):
    v = need_vector(S, t, "removeOddIndexes")
    v.items = v.items[::2]
    return t


@P("removeEvenIndexes")
def remove_even_indexes(S, t):
    v = need_vector(S, t, "removeEvenIndexes")
    v.items = v.items[1::2]
    return t


@P("hash")
def hash_(S, t):
    return float(hash(tuple(need_vector(S, t, "hash").items)) & 0xFFFFFFFF)


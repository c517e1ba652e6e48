"""List: a mutable array of values (``values.IoList``, items in a Python list).

Upstream writes about half of List in Io (map, select, sort, join...). Those run in loops
in real programs, so most are primitives here; the rarely used rest is in prelude/List.io.

Iteration follows upstream's argument forms: ``foreach(value, body)``,
``foreach(index, value, body)`` and ``foreach(body)`` (the body is sent to each item).
``foreach`` leaves its index and value slots in the caller's locals, like upstream; map,
select, detect, reduce and groupBy evaluate in a context of their own upstream, so here the
names they bind are removed (or restored) when they finish.
"""

from __future__ import annotations

import struct
from functools import cmp_to_key

from ..errors import IoError
from ..message import Message
from ..objects import used_as_proto
from ..registry import EAGER, Prims
from ..values import Block, CFunction, IoList, MutableSeq
from .number import format_number, num
from .object import need_str
from .printing import list_simple

P = Prims("List", IoList)

_FAR = 1 << 62  # an index no list reaches: what a NaN or infinite index becomes


# -- argument helpers ----------------------------------------------------------------------
def index_arg(S, v, method: str, i: int = 0) -> int:
    """A Number argument as a C int would see it (truncated toward zero)."""
    n = num(S, v, method, i)
    try:
        return int(n)
    except (ValueError, OverflowError):
        return _FAR


def this(S, t) -> IoList:
    """The receiver of a List primitive, which must be a List (upstream's text)."""
    if t.__class__ is IoList:
        return t
    raise IoError(f"CFunction defined for type List but called on type {S.type_name(t)}")


def _check_index(index: int, size: int) -> int:
    if index < 0 or index >= size:
        raise IoError("index out of bounds\n")
    return index


def _need_args(values: tuple, text: str = "requires at least one argument") -> None:
    if not values:
        raise IoError(f"Io Assertion '{text}'")


def _sibling(t: IoList, items: list) -> IoList:
    """A new list of ``t``'s kind, as ``t clone`` makes upstream, without making ``t`` its
    proto when ``t`` is a plain instance (chains would grow with every ``l := l map(...)``)."""
    if t.slots:
        used_as_proto(t)
    return IoList([t] if t.slots else t.protos, items)


def _text(v):
    """Python text of a Sequence, None for anything else."""
    c = v.__class__
    if c is str:
        return v
    if c is MutableSeq:
        return v.s
    return None


# -- equality (upstream's C-level compare: values, not Io methods) -------------------------
def index_of(S, items: list, v) -> int:
    """Position of the first item equal to ``v`` (numbers and text by value), or -1."""
    if v.__class__ is float:
        try:
            return items.index(v)  # a float equals only an equal float
        except ValueError:
            return -1
    text = _text(v)
    if text is not None:
        for i, x in enumerate(items):
            if x is v or _text(x) == text:
                return i
        return -1
    raw = S.raw_compare
    for i, x in enumerate(items):
        if x is v or (x.__class__ is v.__class__ and raw(v, x) == 0):
            return i
    return -1


def _unique(S, items: list) -> list:
    out, seen = [], set()
    for x in items:
        key = x if x.__class__ is float else _text(x)
        if key is not None:
            if key in seen:
                continue
            seen.add(key)
        elif index_of(S, out, x) >= 0:
            continue
        out.append(x)
    return out


# -- sending messages from primitives ------------------------------------------------------
def perform(S, target, name: str, args: list):
    """``target name(args...)`` with evaluated args; eager primitives are called directly."""
    f = S.slot_value(target, name)
    if f.__class__ is CFunction and f.kind == EAGER:
        return S.call_eager(f, target, list(args))
    msg = Message(name, [S.literal_message(a) for a in args], S.message_protos)
    return (yield from S.send(target, msg, S.lobby))


def simple_text(S, v):
    """``v asSimpleString`` as Python text (how list printouts show each item)."""
    c = v.__class__
    if c is float:
        return format_number(v)
    if v is S.nil or v is S.true or v is S.false:
        return S.simple_string(v)
    r = yield from perform(S, v, "asSimpleString", [])
    text = _text(r)
    return S.simple_string(r) if text is None else text


def list_text(S, items: list):
    """``list(a, b)``: each item's asSimpleString, as List asString shows them."""
    parts = []
    for x in items:
        parts.append((yield from simple_text(S, x)))
    return "list(" + ", ".join(parts) + ")"


# -- iteration -----------------------------------------------------------------------------
def _save(slots: dict, names) -> list:
    return [(n, slots.get(n)) for n in names if n is not None]


def _restore(S, slots: dict, saved: list) -> None:
    """Put back what ``_save`` saw: loops that upstream runs in a context of their own
    leave the caller's locals as they found them."""
    for n, old in saved:
        if old is None:
            if slots.pop(n, None) is not None:
                S.reshaped()
        else:
            slots[n] = old


def foreach_forms(m, owner: str, method: str):
    """(index name, value name, body) of ``foreach(v, body)`` / ``foreach(i, v, body)``."""
    args = m.args
    if len(args) < 2:
        raise IoError(f"[{owner} {method}] requires 2 arguments\n")
    if len(args) == 2:
        return None, args[0].name, args[1]
    return args[0].name, args[1].name, args[2]


def _forms(m):
    """Argument forms of map/select/detect: (index name, value name, body); one argument
    means the body is sent to each item."""
    args = m.args
    if not args:
        raise IoError("missing argument")
    if len(args) == 1:
        return None, None, args[0]
    if len(args) == 2:
        return None, args[0].name, args[1]
    return args[0].name, args[1].name, args[2]


def run_body(S, items: list, L, names, body, visit, reverse: bool = False, keep: bool = True):
    """Evaluate ``body`` for each item of ``items`` (re-reading the size each time, so the
    body may change the list) and call ``visit(i, item, value)``; a true answer stops.

    ``names`` is (index name, value name); a value name None sends the body to each item.
    ``keep`` leaves the names bound in ``L`` afterwards (foreach); otherwise earlier values
    come back. Returns the last body value, or the value given to ``break``."""
    iname, vname = names
    slots = S.bind_slots(L, iname, vname) if vname is not None else None
    saved = None if keep or slots is None else _save(slots, names)
    r = S.nil
    loop_body = S.loop_body
    step = -1 if reverse else 1
    i = len(items) - 1 if reverse else 0
    try:
        while True:
            if reverse:
                i = min(i, len(items) - 1)
                if i < 0:
                    break
            elif i >= len(items):
                break
            v = items[i]
            if slots is None:
                r, stop = yield from loop_body(body, L, v)
            else:
                if iname is not None:
                    slots[iname] = float(i)
                slots[vname] = v
                r, stop = yield from loop_body(body, L)
            if stop is not None:
                if stop == "break":
                    break
            elif visit is not None and visit(i, v, r):
                break
            i += step
    finally:
        if saved:
            _restore(S, slots, saved)
    return r


@P.lazy("foreach")
def foreach(S, t, L, m):
    items = this(S, t).items
    if len(m.args) == 1:
        return (yield from run_body(S, items, L, (None, None), m.args[0], None))
    iname, vname, body = foreach_forms(m, "List", "foreach")
    return (yield from run_body(S, items, L, (iname, vname), body, None))


@P.lazy("reverseForeach")
def reverse_foreach(S, t, L, m):
    iname, vname, body = foreach_forms(m, "List", "reverseForeach")
    items = this(S, t).items
    return (yield from run_body(S, items, L, (iname, vname), body, None, reverse=True))


def _evaluate(S, t, L, m, visit):
    items = this(S, t).items
    iname, vname, body = _forms(m)
    yield from run_body(S, items, L, (iname, vname), body, visit, keep=False)


@P.lazy("mapInPlace")
def map_in_place(S, t, L, m):
    def put(i, v, r):
        if i < len(t.items):
            t.items[i] = r

    yield from _evaluate(S, t, L, m, put)
    return t


@P.lazy("map")
def map_(S, t, L, m):
    out = []
    yield from _evaluate(S, t, L, m, lambda i, v, r: out.append(r))
    return _sibling(t, out)


def _selected(S, t, L, m):
    out = []
    truthy = S.truthy

    def keep(i, v, r):
        if truthy(r):
            out.append(v)

    yield from _evaluate(S, t, L, m, keep)
    return out


@P.lazy("select")
def select(S, t, L, m):
    return _sibling(t, (yield from _selected(S, t, L, m)))


@P.lazy("selectInPlace")
def select_in_place(S, t, L, m):
    t.items[:] = yield from _selected(S, t, L, m)
    return t


@P.lazy("detect")
def detect(S, t, L, m):
    found = []
    truthy = S.truthy

    def hit(i, v, r):
        if truthy(r):
            found.append(v)
            return True
        return False

    yield from _evaluate(S, t, L, m, hit)
    return found[0] if found else S.nil


@P.lazy("groupBy")
def group_by(S, t, L, m):
    pairs = []
    yield from _evaluate(S, t, L, m, lambda i, v, r: pairs.append((v, r)))
    groups: dict[str, IoList] = {}
    for v, r in pairs:
        key = yield from S.as_string(r)
        group = groups.get(key)
        if group is None:
            group = groups[key] = S.new_list([])
        group.items.append(v)
    return S.new_map(groups)


def _reduce(S, L, m, items: list):
    """reduce(op), reduce(op, initial), reduce(acc, item, body), reduce(acc, item, body,
    initial); without an initial value the first item starts the fold."""
    args = m.args
    n = len(args)
    if n == 0:
        raise IoError("missing argument")
    if n in (2, 4):
        acc = yield from S.arg(m, L, n - 1)
    elif items:
        acc, items = items[0], items[1:]
    else:
        return S.nil
    if n <= 2:
        name = args[0].name
        if name == "+" and acc.__class__ is float and all(x.__class__ is float for x in items):
            for x in items:  # plain left-to-right addition, as the Io loop would do
                acc += x
            return acc
        for x in items:
            acc = yield from perform(S, acc, name, [x])
        return acc
    aname, iname, body = args[0].name, args[1].name, args[2]
    slots = S.bind_slots(L, aname, iname)
    saved = _save(slots, (aname, iname))
    try:
        for x in items:
            slots[aname] = acc
            slots[iname] = x
            r, stop = yield from S.loop_body(body, L)
            if stop == "break":
                break
            if stop is None:
                acc = r
    finally:
        _restore(S, slots, saved)
    return acc


@P.lazy("reduce")
def reduce_(S, t, L, m):
    return (yield from _reduce(S, L, m, list(this(S, t).items)))


@P.lazy("reverseReduce")
def reverse_reduce(S, t, L, m):
    return (yield from _reduce(S, L, m, this(S, t).items[::-1]))


@P.gen("sum")
def sum_(S, t):
    items = this(S, t).items
    if not items:
        return S.nil
    acc = items[0]
    if acc.__class__ is float and all(x.__class__ is float for x in items):
        for x in items[1:]:
            acc += x
        return acc
    for x in items[1:]:
        acc = yield from perform(S, acc, "+", [x])
    return acc


@P.gen("average")
def average(S, t):
    total = yield from sum_(S, t)
    return (yield from perform(S, total, "/", [float(len(t.items))]))


def _extreme(S, t, L, m, sign: int):
    """max / min, optionally by the value of a message sent to each item."""
    items = this(S, t).items
    if not items:
        return S.nil
    key_msg = m.args[0] if m.args else None
    best = items[0]
    best_key = None
    for o in items:
        if key_msg is None:
            k, bk = o, best
        else:
            k = yield from S.chain(key_msg, L, o)
            if best_key is None:
                best_key = yield from S.chain(key_msg, L, best)
            bk = best_key
        if (yield from S.compare(k, bk)) * sign > 0:
            best, best_key = o, k
    return best


@P.lazy("max")
def max_(S, t, L, m):
    return (yield from _extreme(S, t, L, m, 1))


@P.lazy("min")
def min_(S, t, L, m):
    return (yield from _extreme(S, t, L, m, -1))


# -- sorting -------------------------------------------------------------------------------
def _merge_sort(items: list, before):
    """Stable natural merge sort whose comparison ``before(a, b)`` is a generator (it may
    run Io code). Runs already in order (or strictly reversed) are found first, so sorted
    input costs n - 1 comparisons; the right item moves ahead only when it truly comes
    first."""
    n = len(items)
    runs = []
    i = 0
    while i < n:
        j = i + 1
        if j < n and (yield from before(items[j], items[i])):
            while j + 1 < n and (yield from before(items[j + 1], items[j])):
                j += 1
            runs.append(items[i:j + 1][::-1])
        else:
            while j < n and not (yield from before(items[j], items[j - 1])):
                j += 1
            runs.append(items[i:j])
        i = len(runs[-1]) + i
    while len(runs) > 1:
        merged = []
        for k in range(0, len(runs) - 1, 2):
            a, b = runs[k], runs[k + 1]
            out = []
            x = y = 0
            while x < len(a) and y < len(b):
                if (yield from before(b[y], a[x])):
                    out.append(b[y])
                    y += 1
                else:
                    out.append(a[x])
                    x += 1
            out.extend(a[x:])
            out.extend(b[y:])
            merged.append(out)
        if len(runs) % 2:
            merged.append(runs[-1])
        runs = merged
    return runs[0] if runs else []


def sort_order(S, keys: list):
    """Positions of ``keys`` in ``compare`` order (stable): Python's sort, unless some key
    has a compare written in Io."""
    order = range(len(keys))
    if all(k.__class__ is float for k in keys) or all(k.__class__ is str for k in keys):
        return sorted(order, key=keys.__getitem__)
    if all(S.slot_value(k, "compare").__class__ is CFunction for k in keys):
        raw = S.raw_compare
        return sorted(order, key=cmp_to_key(lambda i, j: raw(keys[i], keys[j])))

    def before(i, j):
        return (yield from S.compare(keys[i], keys[j])) < 0

    return (yield from _merge_sort(list(order), before))


def sorted_values(S, values: list):
    """``values`` in ``compare`` order."""
    return [values[i] for i in (yield from sort_order(S, values))]


@P.lazy("sortInPlace")
def sort_in_place(S, t, L, m):
    items = this(S, t).items
    if not m.args:
        items[:] = yield from sorted_values(S, items)
        return t
    keys = []
    for v in items:  # the optional expression is sent to each item once
        keys.append((yield from S.chain(m.args[0], L, v)))
    values = list(items)
    items[:] = [values[i] for i in (yield from sort_order(S, keys))]
    return t


@P.lazy("sortByKey")
def sort_by_key(S, t, L, m):
    """sortByKey(expr) / sortByKey(value, expr): a new list ordered by each item's key."""
    items = this(S, t).items
    args = m.args
    if not args:
        raise IoError("missing argument")
    names = (None, args[0].name if len(args) > 1 else None)
    values = list(items)
    keys = [S.nil] * len(values)

    def note(i, v, r):
        if i < len(keys):
            keys[i] = r

    yield from run_body(S, items, L, names, args[-1], note)
    return S.new_list([values[i] for i in (yield from sort_order(S, keys))])


@P.gen("sort")
def sort(S, t):
    return _sibling(t, (yield from sorted_values(S, list(this(S, t).items))))


def _need_block(S, b, method: str) -> Block:
    if b.__class__ is Block:
        return b
    raise IoError(f"argument 0 to method '{method}' must be a Block, not a '{S.type_name(b)}'")


def _sorted_by(S, items: list, blk: Block):
    truthy = S.truthy

    def before(a, b):
        return truthy((yield from S.call_block(blk, [a, b])))

    return (yield from _merge_sort(items, before))


@P.gen("sortInPlaceBy")
def sort_in_place_by(S, t, blk):
    items = this(S, t).items
    items[:] = yield from _sorted_by(S, items, _need_block(S, blk, "sortInPlaceBy"))
    return t


@P.gen("sortBy")
def sort_by(S, t, blk):
    items = this(S, t).items
    return _sibling(t, (yield from _sorted_by(S, items, _need_block(S, blk, "sortBy"))))


# -- reading -------------------------------------------------------------------------------
@P("with")
def with_(S, t, *values):
    return _sibling(t, list(this(S, t).items) + list(values))


@P("size")
def size(S, t):
    return float(len(this(S, t).items))


@P("capacity")
def capacity(S, t):
    return float(len(this(S, t).items))


@P("isEmpty")
def is_empty(S, t):
    return S.bool(not this(S, t).items)


@P("isNotEmpty")
def is_not_empty(S, t):
    return S.bool(bool(this(S, t).items))


@P("at")
def at(S, t, i):
    if t.__class__ is IoList and i.__class__ is float:  # the common case first
        items = t.items
        if -len(items) <= i < len(items):
            return items[int(i)]
    items = this(S, t).items
    i = index_arg(S, i, "at")
    if -len(items) <= i < len(items):
        return items[i]
    return S.nil


def _item(S, t, i: int):
    items = this(S, t).items
    return items[i] if -len(items) <= i < len(items) else S.nil


@P("first")
def first(S, t, *_ignored):
    return _item(S, t, 0)


@P("last")
def last(S, t, *_ignored):
    return _item(S, t, -1)


@P("second")
def second(S, t):
    return _item(S, t, 1)


@P("third")
def third(S, t):
    return _item(S, t, 2)


@P("indexOf")
def index_of_(S, t, *values):
    _need_args(values, "indexOf requires at least one argument")
    i = index_of(S, this(S, t).items, values[0])
    return S.nil if i < 0 else float(i)


@P("contains")
def contains(S, t, v):
    return S.bool(index_of(S, this(S, t).items, v) >= 0)


@P("containsIdenticalTo")
def contains_identical_to(S, t, v):
    items = this(S, t).items
    if v.__class__ in (float, str):
        return S.bool(any(x.__class__ is v.__class__ and x == v for x in items))
    return S.bool(any(x is v for x in items))


@P("containsAll")
def contains_all(S, t, other):
    items = this(S, t).items
    return S.bool(all(index_of(S, items, x) >= 0
                      for x in S.need_list(other, "containsAll").items))


@P("containsAny")
def contains_any(S, t, other):
    items = this(S, t).items
    return S.bool(any(index_of(S, items, x) >= 0
                      for x in S.need_list(other, "containsAny").items))


def _slice_bounds(S, t, args: tuple, method: str):
    """Python-style (start, end, step) of slice(start, end, step), as upstream normalises
    them: negative values count from the end, out-of-range values clamp."""
    size = len(this(S, t).items)
    step = index_arg(S, args[2], method, 2) if len(args) > 2 else 1
    if step == 0:
        raise IoError("Io Assertion 'step cannot be equal to zero'")
    start = index_arg(S, args[0] if args else S.nil, method, 0)
    end = index_arg(S, args[1], method, 1) if len(args) > 1 else size

    def fix(i: int) -> int:
        if i < 0:
            i += size
            if i < 0:
                return -1 if step < 0 else 0
        elif i >= size:
            return size - 1 if step < 0 else size
        return i

    return fix(start), fix(end), step


def _sliced(S, t, args: tuple, method: str) -> list:
    start, end, step = _slice_bounds(S, t, args, method)
    items = t.items
    return [items[i] for i in range(start, end, step)]


@P("slice", "exSlice")
def slice_(S, t, *args):
    return S.new_list(_sliced(S, t, args, "slice"))


@P("sliceInPlace")
def slice_in_place(S, t, *args):
    t.items[:] = _sliced(S, t, args, "sliceInPlace")
    return t


@P("rest")
def rest(S, t):
    return S.new_list(this(S, t).items[1:])


@P("reverse")
def reverse(S, t):
    return S.new_list(this(S, t).items[::-1])


@P("itemCopy")
def item_copy(S, t):
    return S.new_list(list(this(S, t).items))


@P("unique")
def unique(S, t):
    return S.new_list(_unique(S, this(S, t).items))


@P("intersect")
def intersect(S, t, other):
    items = this(S, t).items
    return _sibling(other, [x for x in S.need_list(other, "intersect").items
                            if index_of(S, items, x) >= 0])


@P("difference")
def difference(S, t, other):
    others = S.need_list(other, "difference").items
    return _sibling(t, [x for x in this(S, t).items
                        if index_of(S, others, x) < 0])


@P("union")
def union(S, t, other):
    items = this(S, t).items
    extra = [x for x in S.need_list(other, "union").items if index_of(S, items, x) < 0]
    return _sibling(t, items + extra)


@P("flatten")
def flatten(S, t):
    out: list = []

    def walk(items: list, active: set) -> None:
        for v in items:
            if isinstance(v, IoList) and id(v) not in active:
                active.add(id(v))
                walk(v.items, active)
                active.discard(id(v))
            else:
                out.append(v)

    walk(this(S, t).items, {id(t)})
    return S.new_list(out)


@P.gen("asMap")
def as_map(S, t):
    """Map from list(key, value) pairs; other items are asked ``at(0)`` and ``at(1)``."""
    m = S.new_map()
    for pair in this(S, t).items:
        if pair.__class__ is IoList:
            kv = pair.items
            key = kv[0] if kv else S.nil
            value = kv[1] if len(kv) > 1 else S.nil
        else:
            key = yield from perform(S, pair, "at", [0.0])
            value = yield from perform(S, pair, "at", [1.0])
        m.map[need_str(S, key, "atPut")] = value
    return m


# -- changing ------------------------------------------------------------------------------
@P("append", "push")
def append(S, t, *values):
    if t.__class__ is IoList and values:  # the common case, checked in one step
        t.items.extend(values)
        return t
    _need_args(values)
    this(S, t)


@P("prepend")
def prepend(S, t, *values):
    _need_args(values)
    items = this(S, t).items
    items[0:0] = values[::-1]
    return t


@P("appendIfAbsent")
def append_if_absent(S, t, *values):
    items = this(S, t).items
    for v in values:
        if index_of(S, items, v) < 0:
            items.append(v)
    return t


@P("appendSeq")
def append_seq(S, t, *lists):
    items = this(S, t).items
    for other in lists:
        if not isinstance(other, IoList):
            raise IoError("Io Assertion 'requires List objects as arguments'")
        if other is t:
            raise IoError("can't add a list to itself\n")
        items.extend(other.items)
    return t


@P("copy")
def copy(S, t, other):
    items = this(S, t).items
    items[:] = S.need_list(other, "copy").items
    return t


@P("remove")
def remove(S, t, *values):
    _need_args(values)
    items = this(S, t).items
    for v in values:
        i = index_of(S, items, v)
        while i >= 0:
            del items[i]
            i = index_of(S, items, v)
    return t


@P("removeSeq")
def remove_seq(S, t, other):
    values = S.need_list(other, "removeSeq").items
    return remove(S, t, *values) if values else t


@P("pop", "removeLast")
def pop(S, t):
    items = this(S, t).items
    return items.pop() if items else S.nil


@P("removeFirst")
def remove_first(S, t):
    items = this(S, t).items
    return items.pop(0) if items else S.nil


@P("atInsert")
def at_insert(S, t, i, v):
    items = this(S, t).items
    items.insert(_check_index(index_arg(S, i, "atInsert"), len(items) + 1), v)
    return t


@P("insertAt")
def insert_at(S, t, v, i):
    return at_insert(S, t, i, v)


def _insert_near(S, t, v, anchor, offset: int):
    items = this(S, t).items
    i = index_of(S, items, anchor)
    if i < 0:
        items.append(v)
    else:
        items.insert(i + offset, v)
    return t


@P("insertAfter")
def insert_after(S, t, v, anchor):
    return _insert_near(S, t, v, anchor, 1)


@P("insertBefore")
def insert_before(S, t, v, anchor):
    return _insert_near(S, t, v, anchor, 0)


@P("removeAt")
def remove_at(S, t, i):
    items = this(S, t).items
    return items.pop(_check_index(index_arg(S, i, "removeAt"), len(items)))


@P("atPut")
def at_put(S, t, i, v):
    items = this(S, t).items
    items[_check_index(index_arg(S, i, "atPut"), len(items))] = v
    return t


@P("swapIndices")
def swap_indices(S, t, i, j):
    items = this(S, t).items
    i = _check_index(index_arg(S, i, "swapIndices"), len(items))
    j = _check_index(index_arg(S, j, "swapIndices", 1), len(items))
    items[i], items[j] = items[j], items[i]
    return t


@P("setSize")
def set_size(S, t, n):
    items = this(S, t).items
    n = index_arg(S, n, "setSize")
    if n < 0:
        raise IoError(f"IoMessage_locals_sizetArgAt_ attempt to get size_t value from "
                      f"negative number {n}")
    if n < len(items):
        del items[n:]
    else:
        items.extend([S.nil] * (n - len(items)))
    return t


@P("preallocateToSize")
def preallocate_to_size(S, t, n):
    index_arg(S, n, "preallocateToSize")
    return t


@P("removeAll", "empty")
def remove_all(S, t):
    this(S, t).items.clear()
    return t


@P("reverseInPlace")
def reverse_in_place(S, t):
    this(S, t).items.reverse()
    return t


# -- text ----------------------------------------------------------------------------------
@P.gen("asString")
def as_string(S, t):
    return (yield from list_text(S, this(S, t).items))


@P.gen("asSimpleString")
def as_simple_string(S, t):
    """The short form shown inside other printouts (see printing.list_simple)."""
    parts = []
    for x in this(S, t).items[:30]:
        parts.append((yield from simple_text(S, x)))
    return list_simple(parts)


@P.gen("join")
def join(S, t, sep=None):
    """Each item's asString, with ``sep`` (unless nil or false) between them."""
    items = this(S, t).items
    if sep is None or sep.__class__ is str:
        try:  # all strings (the common case): no Io code runs, one call joins them
            return MutableSeq(S.seq_protos, (sep or "").join(items))
        except TypeError:
            pass  # an item that needs its asString
    parts = []
    append = parts.append
    for x in items:
        c = x.__class__
        if c is str:
            append(x)
        elif c is float:
            append(format_number(x))
        else:
            append((yield from S.as_string(x)))
    between = ""
    if sep is not None and S.truthy(sep):
        between = yield from S.as_string(sep)
    return MutableSeq(S.seq_protos, between.join(parts))


# -- encoding (upstream's compact binary form of nil / Number / Sequence lists) -----------
_NIL, _NUMBER, _SYMBOL = 0, 1, 2
_FLOAT32, _UINT8, _NUMBER_ENCODING, _UTF8 = 7, 0, 0, 2


@P("asEncodedList")
def as_encoded_list(S, t):
    out = bytearray()
    for v in this(S, t).items:
        if v is S.nil:
            out += bytes((_NIL, 0, 0))
        elif v.__class__ is float:
            out += bytes((_NUMBER, _NUMBER_ENCODING, _FLOAT32)) + struct.pack("<f", v)
        elif _text(v) is not None:
            data = _text(v).encode("utf-8")
            out += bytes((_SYMBOL, _UTF8, _UINT8)) + struct.pack("<I", len(data)) + data
        else:
            raise IoError(f"asEncodedList cannot encode a {S.type_name(v)}")
    seq = MutableSeq(S.seq_protos, out.decode("latin-1"))
    seq.encoding = "number"
    return seq


@P("fromEncodedList")
def from_encoded_list(S, t, seq):
    text = need_str(S, seq, "fromEncodedList")
    data = text.encode("latin-1", errors="replace")
    items, i = [], 0
    while i + 3 <= len(data):
        kind = data[i]
        i += 3
        if kind == _NIL:
            items.append(S.nil)
        elif kind == _NUMBER and i + 4 <= len(data):
            items.append(struct.unpack_from("<f", data, i)[0])
            i += 4
        elif kind == _SYMBOL and i + 4 <= len(data):
            n = struct.unpack_from("<I", data, i)[0]
            i += 4
            if i + n > len(data):
                break
            items.append(data[i:i + n].decode("utf-8", errors="replace"))
            i += n
        else:
            return S.nil
    return S.new_list(items) if i == len(data) else S.nil


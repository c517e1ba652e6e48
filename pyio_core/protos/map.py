"""Map: a dictionary from Sequence keys to any values (``values.IoMap``, a Python dict
keyed by the key's text).

Keys must be Sequences, as upstream (which turns them into Symbols); anything else is the
usual argument error. Iteration order is insertion order (upstream's is its hash order,
which programs cannot rely on anyway). Like upstream, foreach/map/select/detect leave their
key and value names bound in the caller's locals.
"""

from __future__ import annotations

from ..errors import IoError
from ..objects import IoObject, used_as_proto
from ..registry import Prims
from ..values import IoMap
from .list import foreach_forms, index_of
from .object import need_str

P = Prims("Map", IoMap)


def need_map(S, v, method: str, i: int = 0) -> IoMap:
    if isinstance(v, IoMap):
        return v
    raise IoError(f"argument {i} to method '{method}' must be a Map, not a '{S.type_name(v)}'")


def _map(S, t, method: str) -> dict:
    if isinstance(t, IoMap):
        return t.map
    raise IoError(f"CFunction defined for type Map but called on type {S.type_name(t)}")


# -- reading and writing -------------------------------------------------------------------
@P.lazy("at")
def at(S, t, L, m):
    """at(key, default): the default is evaluated only when the key is absent."""
    mp = _map(S, t, "at")
    args = S.simple_args(m, L)  # literals and local reads: evaluating them early is harmless
    if args is None:
        args = [(yield from S.arg(m, L, 0))]
    v = mp.get(need_str(S, args[0] if args else S.nil, "at"))
    if v is not None:
        return v
    if len(args) > 1:
        return args[1]
    if len(m.args) > 1:
        return (yield from S.arg(m, L, 1))
    return S.nil


@P("atPut")
def at_put(S, t, k, v):
    _map(S, t, "atPut")[need_str(S, k, "atPut")] = v
    return t


@P.lazy("atIfAbsentPut")
def at_if_absent_put(S, t, L, m):
    mp = _map(S, t, "atIfAbsentPut")
    k = need_str(S, (yield from S.arg(m, L, 0)), "atIfAbsentPut")
    v = mp.get(k)
    if v is None:
        v = mp[k] = yield from S.arg(m, L, 1)
    return v


@P("hasKey")
def has_key(S, t, k):
    return S.bool(need_str(S, k, "hasKey") in _map(S, t, "hasKey"))


@P("hasValue")
def has_value(S, t, v):
    return S.bool(index_of(S, list(_map(S, t, "hasValue").values()), v) >= 0)


@P("removeAt")
def remove_at(S, t, k):
    _map(S, t, "removeAt").pop(need_str(S, k, "removeAt"), None)
    return t


@P("empty")
def empty(S, t):
    _map(S, t, "empty").clear()
    return t


@P("size")
def size(S, t):
    return float(len(_map(S, t, "size")))


@P("isEmpty")
def is_empty(S, t):
    return S.bool(not _map(S, t, "isEmpty"))


@P("isNotEmpty")
def is_not_empty(S, t):
    return S.bool(bool(_map(S, t, "isNotEmpty")))


@P("keys")
def keys(S, t):
    return S.new_list(list(_map(S, t, "keys")))


@P("values")
def values(S, t):
    return S.new_list(list(_map(S, t, "values").values()))


@P("asList")
def as_list(S, t):
    return S.new_list([S.new_list([k, v]) for k, v in _map(S, t, "asList").items()])


@P("with")
def with_(S, t, *args):
    """Map with(key1, value1, key2, value2...): a new Map."""
    mp = {}
    for i in range(0, len(args) - 1, 2):
        mp[need_str(S, args[i], "atPut")] = args[i + 1]
    return S.new_map(mp)


@P("addKeysAndValues")
def add_keys_and_values(S, t, ks, vs):
    mp = _map(S, t, "addKeysAndValues")
    ks = S.need_list(ks, "addKeysAndValues").items
    vs = S.need_list(vs, "addKeysAndValues", 1).items
    for i, k in enumerate(ks):
        mp[need_str(S, k, "atPut")] = vs[i] if i < len(vs) else S.nil
    return t


@P("mergeInPlace")
def merge_in_place(S, t, other):
    _map(S, t, "mergeInPlace").update(need_map(S, other, "mergeInPlace").map)
    return t


@P("merge")
def merge(S, t, other):
    if t.slots:
        used_as_proto(t)
    merged = IoMap([t] if t.slots else t.protos, dict(_map(S, t, "merge")))  # as `clone`
    merged.map.update(need_map(S, other, "merge").map)
    return merged


@P("reverseMap")
def reverse_map(S, t):
    return S.new_map({need_str(S, v, "atPut"): k for k, v in _map(S, t, "reverseMap").items()})


@P("asObject")
def as_object(S, t):
    return IoObject([S.Object], dict(_map(S, t, "asObject")))


# -- iteration -----------------------------------------------------------------------------
def _pairs(S, t, L, method: str, names, until=None):
    """Run the body for each key (and value), bound in the caller's locals. Returns
    [(key, value, result)] for the iterations that finished normally (stopping after the
    first whose result satisfies ``until``) and the last body value (the value given to
    ``break`` when it stopped the loop)."""
    mp = _map(S, t, method)
    kname, vname, body = names
    slots = S.bind_slots(L, kname, vname) if kname is not None or vname is not None else None
    done = []
    r = S.nil
    for k in list(mp):
        v = mp.get(k, S.nil)
        if kname is not None:
            slots[kname] = k
        if vname is not None:
            slots[vname] = v
        r, stop = yield from S.loop_body(body, L)
        if stop == "break":
            break
        if stop is None:
            done.append((k, v, r))
            if until is not None and until(r):
                break
    return done, r


@P.lazy("foreach")
def foreach(S, t, L, m):
    names = foreach_forms(m, "Map", "foreach")
    return (yield from _pairs(S, t, L, "foreach", names))[1]


@P.lazy("map")
def map_(S, t, L, m):
    done, _ = yield from _pairs(S, t, L, "map", foreach_forms(m, "Map", "map"))
    return S.new_list([r for _, _, r in done])


def _filter_forms(m):
    """select/detect: (body), (key, body) or (key, value, body)."""
    args = m.args
    if not args:
        raise IoError("missing argument")
    if len(args) == 1:
        return None, None, args[0]
    if len(args) == 2:
        return args[0].name, None, args[1]
    return args[0].name, args[1].name, args[2]


@P.lazy("select")
def select(S, t, L, m):
    done, _ = yield from _pairs(S, t, L, "select", _filter_forms(m))
    truthy = S.truthy
    return S.new_map({k: v for k, v, r in done if truthy(r)})


@P.lazy("detect")
def detect(S, t, L, m):
    """The first list(key, value) whose body answers true, or nil."""
    done, _ = yield from _pairs(S, t, L, "detect", _filter_forms(m), S.truthy)
    if done and S.truthy(done[-1][2]):
        return S.new_list(list(done[-1][:2]))
    return S.nil

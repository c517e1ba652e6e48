// Map: the parts of its behaviour best written in Io (the rest are primitives in
// protos/map.py).

Map do(
    asJson := method(
        "{" .. self keys map(k, k asJson .. ":" .. self at(k) asJson) join(",") .. "}"
    )

    // Io source rebuilding the map (see Object serialized).
    justSerialized := method(stream,
        stream write("Map clone do(")
        self foreach(k, v,
            stream write("atPut(", k serialized, ", ", getSlot("v") serialized, ");")
        )
        stream write(");")
    )
)

// Map: the parts of its behaviour best written in Io (the rest are primitives in
// protos/map.py).

Map do(
    asJson := method(
        "{" .. self keys map(k, k asJson .. ":" .. self at(k) asJson) join(",") .. "}"
    )
)

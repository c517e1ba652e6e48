// List: the seldom used parts of its behaviour, written in Io (the rest are primitives
// in protos/list.py).

List do(
    // Walks a list one position at a time: next / previous answer false at either end.
    ListCursor := Object clone do(
        index := 0
        collection := nil
        setIndex := method(i, self index := i; self)
        setCollection := method(c, self collection := c; self)
        next := method(
            self index = index + 1
            last := collection size - 1
            if(index > last, self index = last; false, true)
        )
        previous := method(
            self index = index - 1
            if(index < 0, self index = 0; false, true)
        )
        value := method(collection at(index))
        insert := method(v, collection atInsert(index, getSlot("v")))
        remove := method(collection removeAt(index))
    )
    cursor := method(ListCursor clone setCollection(self))

    asJson := method("[" .. self map(asJson) join(",") .. "]")

    // Io source rebuilding the list (see Object serialized).
    justSerialized := method(stream,
        stream write("list(", self map(serialized) join(", "), ");")
    )

    // An unnamed message whose arguments answer the items themselves.
    asMessage := method(
        Message clone setArguments(self map(v, Message clone setCachedResult(getSlot("v"))))
    )

    // list(value, occurrences) for each distinct value.
    uniqueCount := method(self unique map(v, list(v, self select(== v) size)))

    // Groups items by the value of the message `key` (a Sequence of Io code).
    mapFromKey := method(key,
        keyMessage := key asMessage
        groups := Map clone
        self foreach(v,
            k := getSlot("v") doMessage(keyMessage)
            group := groups at(k)
            if(group, group append(getSlot("v")), groups atPut(k, list(getSlot("v"))))
        )
        groups
    )

    // sortKey(expr) or sortKey(item, expr) pairs every item with its key; `sort`,
    // `sort(op)` or `sort(a, b, expr)` on the answer orders the items by those keys.
    // (The pairs' proto lives on the method itself, so List gains no extra slot.)
    sortKey := method(
        keyed := call activated KeyedItems clone
        keyed pairs := call delegateToMethod(self, "map") map(i, k, list(k, self at(i)))
        keyed
    ) do(
        KeyedItems := Object clone do(
            pairs := list()
            sort := method(
                if(call argCount == 0) then(
                    before := block(x, y, x first < y first)
                ) elseif(call argCount == 1) then(
                    op := call argAt(0) name
                    before := block(x, y, x first perform(op, y first))
                ) else(
                    sortCall := call
                    before := block(x, y,
                        sortCall sender setSlot(sortCall argAt(0) name, x first)
                        sortCall sender setSlot(sortCall argAt(1) name, y first)
                        sortCall evalArgAt(2)
                    )
                )
                pairs sortBy(before) map(last)
            )
        )
    )
)

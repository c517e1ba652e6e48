// Object, nil, true and false: the parts of their behaviour best written in Io.

Object do(
    ifNil := method(self)
    ifNonNil := method(call evalArgAt(0); self)
    ifNilEval := method(self)
    ifNonNilEval := method(call evalArgAt(0))
    isError := false
    ifError := method(self)
    returnIfError := method(self)
    raiseIfError := method(self)
    returnIfNonNil := method(call sender call setStopStatus(Return); self)
    isKindOf := method(aProto,
        if(self == aProto, return true)
        self protos detect(p, p == aProto or(p isKindOf(aProto))) != nil
    )
    hasProto := getSlot("isKindOf")
    in := method(aList, aList contains(self))
    asSimpleString := method(self type .. "_" .. self uniqueHexId)
    setSlot("?", method(
        m := call argAt(0)
        if(self getSlot(m name) == nil, nil, call sender doMessage(m, self))
    ))
    ancestors := method(a,
        if(a == nil, a = List clone)
        self protos foreach(p, if(a contains(p) not, a append(p); p ancestors(a)))
        a
    )
    ancestorWithSlot := method(name,
        self protos foreach(p, if(p hasLocalSlot(name), return p))
        self protos foreach(p, r := p ancestorWithSlot(name); if(r, return r))
        nil
    )
    lazySlot := method(
        if(call argCount == 1,
            m := method(self setSlot(call message name, call activated code doString))
            m
        ,
            name := call evalArgAt(0)
            m := call argAt(1) clone
            self setSlot(name, method(self setSlot(name, doMessage(m))))
            nil
        )
    )
    foreachSlot := method(
        names := self slotNames sort
        k := call argAt(0) name
        v := call argAt(1) name
        body := call argAt(2)
        names foreach(n,
            call sender setSlot(k, n)
            call sender setSlot(v, self getSlot(n))
            call sender doMessage(body)
        )
    )
    newSlot := method(name, value,
        self setSlot(name, getSlot("value"))
        self setSlot("set" .. name asCapitalized,
            doString("method(v, self " .. name .. " := getSlot(\"v\"); self)"))
        getSlot("value")
    )
)

nil do(
    isNil := true
    not := true
    isTrue := false
    asBoolean := false
    ifNil := method(call evalArgAt(0))
    ifNonNil := method(self)
    ifNilEval := method(call evalArgAt(0))
    ifNonNilEval := method(self)
    and := false
    or := method(v, v isTrue)
    then := nil
    else := method(call evalArgAt(0))
    elseif := method(c, if(c, call evalArgAt(1)))
    asString := "nil"
    asSimpleString := "nil"
    clone := nil
    justSerialized := method(s, s write("nil"))
)

true do(
    not := false
    isTrue := true
    asBoolean := true
    and := method(v, v isTrue)
    or := true
    then := method(call evalArgAt(0); nil)
    else := true
    elseif := true
    ifTrue := method(call evalArgAt(0); self)
    ifFalse := true
    asString := "true"
    asSimpleString := "true"
    clone := true
)

false do(
    not := true
    isTrue := false
    asBoolean := false
    and := false
    or := method(v, v isTrue)
    then := false
    else := method(call evalArgAt(0); nil)
    elseif := method(c, if(c, call evalArgAt(1); nil, false))
    ifTrue := false
    ifFalse := method(call evalArgAt(0); self)
    asString := "false"
    asSimpleString := "false"
    clone := false
)

Object ifTrue := method(call evalArgAt(0); self)
Object ifFalse := method(self)

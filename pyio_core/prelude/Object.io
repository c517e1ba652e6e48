// Object, nil, true, false and the stop-status objects: the parts of their behaviour best
// written in Io. Hot or stop-sensitive methods (switch, ?, super, resend, foreachSlot...)
// are primitives in protos/object.py and protos/flow.py.

Object do(
    not := nil
    isNil := false
    isTrue := true
    setSlot("or", true)
    and := method(v, v isTrue)
    ifNil := Object getSlot("thisContext")
    ifNonNil := Object getSlot("evalArgAndReturnSelf")
    ifNonNilEval := Object getSlot("evalArg")
    ifNilEval := Object getSlot("thisContext")
    isError := false
    ifError := method(self)
    returnIfError := method(self)
    raiseIfError := method(self)
    isKindOf := Object getSlot("hasProto")
    in := method(aList, aList contains(self))

    slotDescriptionMap := method(
        names := getSlot("self") slotNames sort
        m := Map clone
        names foreach(name, m atPut(name, getSlot("self") getSlot(name) asSimpleString))
        m
    )

    lazySlot := method(
        if(call argCount == 1,
            // a method that replaces itself (the slot it was read from) by the code's value
            m := method(self setSlot(call message name, nil))
            setter := getSlot("m") message next
            setter setArguments(list(setter argAt(0), call argAt(0) clone))
            getSlot("m")
        ,
            name := call evalArgAt(0)
            code := "self setSlot(\"" .. name .. "\", " .. call argAt(1) code .. ")"
            self setSlot(name, method() setMessage(Message fromString(code, call message label)))
            nil
        )
    )

    isLaunchScript := method(call message label == System launchScript)

    launchFile := method(path, args,
        System launchPath := path pathComponent
        Directory setCurrentWorkingDirectory(System launchPath)
        System launchScript = path
        self doFile(path)
    )

    deprecatedWarning := method(newName,
        m := call sender call message
        writeln("Warning in ", m label, ": '", m name, "' is deprecated",
            if(newName, ".  Use '" .. newName .. "' instead.", " and will be removed from a later version."))
        self
    )

    addTrait := method(obj,
        if(call argCount == 0, Exception raise("addTrait requires at least one argument"))
        renames := call evalArgAt(1)
        if(renames isNil, renames = Map clone)
        getSlot("obj") foreachSlot(name, value,
            if(getSlot("self") hasLocalSlot(name),
                if(name == "type", continue)
                newName := renames at(name)
                if(newName isNil,
                    Exception raise("Slot '" .. name .. "' already exists in " .. getSlot("self") type ..
                        "[" .. getSlot("self") uniqueId .. "]. Give it a new name in the map argument.")
                )
                getSlot("self") setSlot(newName, getSlot("value"))
            ,
                getSlot("self") setSlot(name, getSlot("value"))
            )
        )
        getSlot("self")
    )

    // serialization: `x serialized` is Io source that rebuilds x
    serialized := method(stream,
        if(stream == nil, stream := SerializationStream clone)
        justSerialized(stream)
        stream output
    )
    justSerialized := method(stream,
        stream write(
            if(getSlot("self") hasLocalSlot("type"), getSlot("self") proto type, getSlot("self") type),
            " clone do(\n")
        self serializedSlots(stream)
        stream write(")\n")
    )
    serializedSlots := method(stream, self serializedSlotsWithNames(self slotNames, stream))
    serializedSlotsWithNames := method(names, stream,
        names foreach(slotName,
            stream write("\t", slotName, " := ")
            self getSlot(slotName) serialized(stream)
            stream write("\n")
        )
    )
)

Protos Core SerializationStream := Object clone do(
    init := method(
        self seen := Map clone
        self output := Sequence clone
    )
    write := method(
        for(i, 0, call argCount - 1, output appendSeq(call evalArgAt(i)))
    )
)

nil do(
    not := true
    isNil := true
    isTrue := false
    ifNonNil := Object getSlot("thisContext")
    ifNil := Object getSlot("evalArgAndReturnSelf")
    ifNilEval := Object getSlot("evalArg")
    ifNonNilEval := Object getSlot("thisContext")
    asString := "nil"
    asSimpleString := "nil"
    asJson := "null"
    setSlot("and", false)
    or := method(v, v isTrue)
    then := nil
    else := nil
    elseif := nil
    clone := nil
    justSerialized := method(stream, stream write("nil"))
)

true do(
    then := Object getSlot("evalArgAndReturnNil")
    elseif := true
    else := true
    ifTrue := Object getSlot("evalArgAndReturnSelf")
    ifFalse := true
    setSlot("or", true)
    asString := "true"
    asSimpleString := "true"
    asJson := "true"
    not := false
    clone := true
    justSerialized := method(stream, stream write("true"))
)

false do(
    then := false
    ifTrue := false
    ifFalse := Object getSlot("evalArgAndReturnSelf")
    elseif := Object getSlot("if")
    else := Object getSlot("evalArgAndReturnNil")
    setSlot("and", false)
    or := method(v, v isTrue)
    asString := "false"
    asSimpleString := "false"
    asJson := "false"
    not := true
    clone := false
    isTrue := false
    justSerialized := method(stream, stream write("false"))
)


// (Number, List, Map and Date serialize themselves in their own preludes)
Sequence justSerialized := method(stream, stream write(self asMutable escape asSimpleString))
Block justSerialized := method(stream, stream write(code, "\n"))

// what `call stopStatus` and `stopStatus(...)` answer
Normal do(
    stopLooping := false
    isReturn := false
    isBreak := false
    isContinue := false
    return := method(arg, call setStopStatus(Return); getSlot("arg"))
)
Eol appendProto(Normal)
Continue appendProto(Normal) do(isContinue := true)
Break appendProto(Normal) do(stopLooping := true; isBreak := true)
Return appendProto(Normal) do(
    stopLooping := true
    isReturn := true
    return := method(arg,
        call setStopStatus(Return)
        call sender call setStopStatus(Return)
        getSlot("arg")
    )
)

Call resetStopStatus := method(setStopStatus(Normal))

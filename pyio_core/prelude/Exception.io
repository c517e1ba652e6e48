// Exception and Error: the parts written in Io. raise, pass, try, withHandler and
// showStack are primitives (protos/exception.py).

nil do(
    // `try(...) catch(...)` and `e pass` do nothing when nothing was raised
    catch := nil
    pass := nil
)

Exception do(
    error ::= nil
    coroutine ::= nil
    caughtMessage ::= nil
    nestedException ::= nil
    originalCall ::= nil

    // e catch(Proto, code): run code and answer nil when e is a kind of Proto, else e
    catch := method(proto,
        if(self isKindOf(proto), call evalArgAt(1); nil, self)
    )

    // the innermost handler for this exception's kind, searching up the coroutine chain
    _findHandler := method(
        coro := Coroutine currentCoroutine
        while(coro != nil,
            handlers := coro handlerStack
            if(handlers,
                handlers reverseForeach(entry,
                    if(self isKindOf(entry at(0)), return entry at(1))
                )
            )
            coro = coro parentCoroutine
        )
        nil
    )

    // what a handler gets as its second argument: `resume invoke(v)` answers v
    _Resumption := Object clone do(
        invoke := method(v, v)
    )

    // A resumable raise: the nearest withHandler handler for this kind is called with
    // (exception, resumption) and its value becomes the value of signal. Without a
    // handler this is a plain raise.
    signal := method(error, nestedException,
        e := self clone setError(error) setCoroutine(Coroutine currentCoroutine)
        e setNestedException(nestedException)
        handler := e _findHandler
        if(handler isNil, e pass)
        handler call(e, _Resumption)
    )
)

// Error: a value a method returns instead of raising (see Object isError / ifError)
Error do(
    isError := true

    ifError := method(
        if(call argCount == 0, Exception raise("ifError requires at least 1 argument"))
        if(call argCount == 1,
            call evalArgAt(0)
        ,
            call sender setSlot(call argAt(0) name, self)
            call evalArgAt(1)
        )
        self
    ) setPassStops(true)

    returnIfError := method(
        call sender return(self)
    ) setPassStops(true)

    raiseIfError := method(
        Exception raise(self message)
    )

    with := method(text,
        e := self clone
        e message := text
        e location := call message label .. ":" .. call message lineNumber
        e
    )

    withShow := method(text,
        writeln("ERROR: ", text)
        e := self clone
        e message := text
        e location := call message label .. ":" .. call message lineNumber
        e
    )
)

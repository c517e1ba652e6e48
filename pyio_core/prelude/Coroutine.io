// Coroutines, actors and futures: the parts written in Io. Scheduling itself (run, resume,
// yield, pause, wait, the timer queue) is in protos/coroutine.py.

Coroutine do(
    runTarget ::= nil
    runLocals ::= nil
    runMessage ::= nil
    handlerStack ::= nil
    inException ::= false
    stackSize ::= 131072
    recentInChain := nil
    debugWriteln := nil

    init := method(self recentInChain := nil)

    label := method(self uniqueId)
    setLabel := method(s, self label := s .. "_" .. self uniqueId; self)
    typeId := method(self type .. "_" .. self uniqueHexId)

    yieldingCoros := method(Scheduler yieldingCoros)
    setYieldingCoros := method(aList, Scheduler setYieldingCoros(aList); self)

    showYielding := method(s,
        writeln("   ", label, " ", s)
        yieldingCoros foreach(c, writeln("    ", c uniqueId))
    )

    ignoredCoroutineMethodNames := list("setResult", "main", "pauseCurrentAndResumeSelf",
        "resumeParentCoroutine", "raiseException")

    // run the coroutine's message here and now (without switching); answers its value
    main := method(
        setResult(self getSlot("runTarget") doMessage(runMessage, self getSlot("runLocals")))
        result
    )

    resumeParentCoroutine := method(
        if(parentCoroutine, parentCoroutine pauseCurrentAndResumeSelf)
    )

    showStack := method(write(backTraceString))
)

Object do(
    // a coroutine that will run code in the sender's context
    coroFor := method(
        Coroutine clone setRunTarget(call sender) setRunLocals(call sender) setRunMessage(call argAt(0))
    )

    // start code in a new coroutine now; the sender continues when it pauses or ends
    coroDo := method(
        coro := Coroutine clone setRunTarget(call sender) setRunLocals(call sender)
        coro setRunMessage(call argAt(0))
        Scheduler yieldingCoros atInsert(0, Coroutine currentCoroutine)
        coro run
        coro
    )

    // queue code (sent to self) to run when the current coroutine next yields
    coroDoLater := method(
        coro := Coroutine clone setRunTarget(self) setRunLocals(call sender)
        coro setRunMessage(call argAt(0))
        Scheduler yieldingCoros atInsert(0, coro)
        coro
    )

    coroWith := method(
        Coroutine clone setRunTarget(self) setRunLocals(call sender) setRunMessage(call argAt(0))
    )

    // actors: `obj @msg` and `obj @@msg` queue messages for obj's own coroutine (actorRun
    // and actorProcessQueue are primitives: protos/coroutine.py)
    handleActorException := method(e, e showStack)
)

// futureProxy, setResult and waitOnResult are primitives (protos/coroutine.py)
Future do(
    runTarget ::= nil
    runMessage ::= nil
    waitingCoros ::= nil
)

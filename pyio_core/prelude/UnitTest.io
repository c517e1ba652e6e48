// Unit testing with upstream's API and report format: UnitTest (assertions), TestRunner
// (runs a Map of case name -> test slot names, prints dots and a summary), and the
// collectors that find the cases: FileCollector (UnitTests in the Lobby) and
// DirectoryCollector (every *Test.io file of a directory).

Protos Core do(
    TestRunner := Object clone do(
        width := 70
        setWidth := method(w, self width = w; self)

        init := method(
            self cases := nil
            self exceptions := List clone
            self runtime := 0
            self dots := 0
        )

        testCount := method(
            total := 0
            self cases foreach(caseName, testNames, total = total + testNames size)
            total
        )

        // the case's name when there is one case, else the script's file name
        name := method(
            if(self cases size > 1,
                script := System launchScript
                return if(script, script fileName, "")
            )
            if(self cases size == 1, self cases keys first, "")
        )

        rule := method(char, char repeated(self width))

        // after each test's mark: a line break every `width` marks
        linebreak := method(
            self dots = self dots + 1
            if(self dots % self width == 0, "\n" print)
            self
        )
        success := method("." print; linebreak)
        error := method(testName, exc,
            self exceptions append(list(testName, exc))
            "E" print
            linebreak
        )

        // runs every test of testMap (case name -> list of test slot names);
        // returns the list of failures, each list(name, exception)
        run := method(testMap,
            self cases := testMap
            self runtime := Date secondsToRun(
                testMap foreach(caseName, testNames,
                    testCase := Lobby getSlot(caseName)
                    testNames foreach(testName,
                        testCase setUp
                        failure := try(stopStatus(testCase doString(testName)))
                        if(failure,
                            error(caseName .. " " .. testName, failure)
                        ,
                            success
                        )
                        testCase tearDown
                    )
                )
            )
            printExceptions
            printSummary
            self exceptions
        )

        printExceptions := method(
            "\n" print
            self exceptions foreach(failure,
                writeln(rule("="), "\nFAIL: ", failure first, "\n", rule("-"))
                failure last showStack
            )
        )

        printSummary := method(
            count := testCount
            // whole milliseconds, truncated
            shown := (self runtime * 1000) floor / 1000
            writeln(rule("-"))
            writeln("Ran ", count, " test", if(count == 1, "", "s"), " in ", shown, "s\n")
            verdict := if(self exceptions isEmpty,
                "OK"
            ,
                "FAILED (failures " .. self exceptions size .. ")"
            )
            writeln(verdict, name alignRight(self width - verdict size), "\n")
        )
    )

    // lets a collector (or a single UnitTest) run itself: `FooTest run`
    RunnerMixIn := Object clone do(
        run := method(TestRunner clone run(self prepare))
    )

    UnitTest := Object clone prependProto(RunnerMixIn) do(
        setUp := method(nil)
        tearDown := method(nil)

        // the test* slots, in the order they appear in the source
        testSlotNames := method(
            testCase := self
            names := testCase slotNames select(n, n beginsWithSeq("test"))
            names sortByKey(n, testCase getSlot(n) message lineNumber)
        )

        prepare := method(Map clone atPut(self type, self testSlotNames))

        fail := method(reason, Exception raise(if(reason, reason, "fail")))

        // The failure text shows the source of both arguments, then their values.
        // The assertions raise directly (not through fail) so that a failure's stack
        // starts at the test's own line.
        mismatch := method(m, a, op, b,
            "`" .. m argAt(0) .. " " .. op .. " " .. m argAt(1) .. "` --> `" ..
                getSlot("a") asSimpleString .. " " .. op .. " " ..
                getSlot("b") asSimpleString .. "`"
        )

        assertEquals := method(a, b, m,
            if(m isNil, m = call message)
            if(getSlot("a") != getSlot("b"),
                Exception raise(mismatch(m, getSlot("a"), "!=", getSlot("b")))
            )
        )

        assertNotEquals := method(a, b, m,
            if(m isNil, m = call message)
            if(getSlot("a") == getSlot("b"),
                Exception raise(mismatch(m, getSlot("a"), "==", getSlot("b")))
            )
        )

        assertSame := method(a, b,
            assertEquals(getSlot("a") uniqueId, getSlot("b") uniqueId, call message)
        )
        assertNotSame := method(a, b,
            assertNotEquals(getSlot("a") uniqueId, getSlot("b") uniqueId, call message)
        )
        assertNil := method(a, assertEquals(getSlot("a"), nil, call message))
        assertNotNil := method(a, assertNotEquals(getSlot("a"), nil, call message))
        assertTrue := method(a, assertEquals(getSlot("a"), true, call message))
        assertFalse := method(a, assertEquals(getSlot("a"), false, call message))

        assertRaisesException := method(
            if(try(call evalArgAt(0)) isNil,
                Exception raise("`" .. call argAt(0) .. "` should have raised Exception")
            )
        )

        knownBug := method(Exception raise("`" .. call argAt(0) .. "` is a known bug"))

        assertEqualsWithinDelta := method(expected, actual, delta,
            if((expected - actual) abs > delta,
                Exception raise("" .. expected .. " expected, but was " .. actual ..
                    " (allowed delta: " .. delta .. ")")
            )
        )
    )

    // the UnitTests defined in the Lobby (by the files run so far)
    FileCollector := Object clone prependProto(RunnerMixIn) do(
        prepare := method(
            cases := Map clone
            Lobby slotNames sort foreach(slotName,
                value := Lobby getSlot(slotName)
                if(getSlot("value") isActivatable not and getSlot("value") isKindOf(UnitTest),
                    value prepare foreach(caseName, testNames, cases atPut(caseName, testNames))
                )
            )
            cases
        )
    )

    // loads every *Test.io file of `path` into the Lobby, then collects like FileCollector
    DirectoryCollector := Object clone prependProto(RunnerMixIn) do(
        path := nil
        setPath := method(p, self path = p; self)
        with := method(aPath, self clone setPath(aPath))

        testFiles := method(
            dir := Directory with(if(self path, self path, System launchPath))
            dir files select(f, f name endsWithSeq("Test.io"))
        )

        prepare := method(
            testFiles foreach(f, Lobby doString(f contents, f path))
            FileCollector prepare
        )
    )

    // the old name of DirectoryCollector
    TestSuite := DirectoryCollector
)

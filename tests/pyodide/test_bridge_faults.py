"""JS faults (issue 7): a throwing JS function, a rejected Promise, Io code called from JS
that raises, a removed DOM node, an event handler that raises, and Stop / Reset of a
program that set up listeners and callbacks. Each gives a clear Io or JS error (or quietly
nothing, after Stop) and the interpreter keeps working. DOM cases run in Chromium only."""

from pytest_pyodide import run_in_pyodide


@run_in_pyodide(packages=["pyio"])
async def test_throwing_js_gives_io_errors(selenium):
    import bridge
    from pyodide.code import run_js

    run_js("""
        globalThis.__faults = {
            error() { throw new TypeError("bad type"); },
            text() { throw "plain text"; },
            nothing() { throw undefined; },
            object() { throw {code: 7}; },
            unprintable() { throw {toString() { throw new Error("no"); }}; },
            get trap() { throw new Error("getter failed"); },
            deep() { return this.deep(); },
        };
    """)
    B = bridge.start()
    cases = {
        "__faults error": "JS error: bad type",
        "__faults text": "JS error: plain text",
        "__faults nothing": "JS error: undefined",
        "__faults object": "JS error: [object Object]",
        "__faults unprintable": "JS error: [object Object]",
        '__faults get("trap")': "JS error: getter failed",
        "__faults deep": "JS error: Maximum call stack size exceeded",
        "__faults missing(1)": "JS error: missing is not a function",
        'get("Symbol") new': "JS error: Symbol is not a constructor",
    }
    for code, want in cases.items():
        out, status = await B.repl(f"JS {code}")
        assert status == 1 and f"Exception: {want}\n" in out, (code, out)
        # caught, it is an ordinary Io exception
        assert await B.repl(f"try(JS {code}) error") == (f"==> {want}\n", 0), code
        assert await B.repl("1 + 1") == ("==> 2\n", 0)
    assert await B.repl('try(JS __faults error) jsError get("name")') == ("==> TypeError\n", 0)
    # whatever was thrown is kept
    assert await B.repl('try(JS __faults object) jsError get("thrown") get("code")') == \
        ("==> 7\n", 0)


@run_in_pyodide(packages=["pyio"])
async def test_rejected_promises_raise_on_await(selenium):
    import bridge

    B = bridge.start()
    cases = {
        'reject(JS get("Error") new("gone"))': "JS error: gone",
        'reject("text")': "JS error: text",
        "reject(nil)": "JS error: null",
        "reject": "JS error: undefined",
        'reject(JS JSON parse("{}"))': "JS error: [object Object]",
    }
    for rejection, want in cases.items():
        promise = f'JS get("Promise") {rejection}'
        assert await B.repl(f"try({promise} await) error") == (f"==> {want}\n", 0)
        # a message sent to the Future waits for it, and raises the same way
        assert await B.repl(f"try({promise} size) error") == (f"==> {want}\n", 0)
        out, status = await B.repl(f"{promise} await")
        assert status == 1 and want in out
    # one that fails later, while the coroutine is parked
    out, status = await B.repl(
        'p := JS get("Promise") new(block(res, rej, JS setTimeout(rej, 20, "late"))); '
        'list(try(p await) error, p state)')
    assert (out, status) == ('==> list("JS error: late", "rejected")\n', 0)
    assert await B.repl("1 + 1") == ("==> 2\n", 0)


@run_in_pyodide(packages=["pyio"])
async def test_io_errors_reach_js_as_errors(selenium):
    import bridge
    import js
    from pyodide.code import run_js

    B = bridge.start()
    await B.repl("Lobby checker := Object clone do(\n"
                 "  check := method(x,\n"
                 '    if(x < 0, Exception raise("negative: " .. x)); x * 2)\n'
                 '  first := method(l, l at("one")))\n'
                 'Lobby failLater := block(JS get("Promise") resolve(1) await; list at("x"))')
    catch = """(f) => { try { return ["ok", f()]; }
                       catch (e) { return [e.constructor.name, e.message, e.fileName,
                                           e.lineNumber, typeof e.ioError, e.stack]; } }"""
    run_js(f"globalThis.__catch = {catch}")
    # a method called through a proxy: the Error names the Io error...
    kind, message, _, _, io_error, stack = run_js(
        "__catch(() => io.lobby.checker().check(-3))").to_py()
    assert (kind, message, io_error) == ("Error", "negative: -3", "function")
    assert "Exception: negative: -3" in stack
    # ...and where it was raised
    kind, message, file, line, _, stack = run_js(
        "__catch(() => io.lobby.checker().first([]))").to_py()
    assert (kind, message, file, line) == (
        "Error", "argument 0 to method 'at' must be a Number, not a 'Sequence'",
        "Command Line", 4)
    assert "List at                              Command Line 4" in stack
    # the next call works
    assert run_js("io.lobby.checker().check(21)") == 42
    # io.eval of a raising expression, then a good one
    kind, message, file, line = run_js("__catch(() => io.eval('x := 1\\n(('))").to_py()[:4]
    assert (kind, file, line) == ("Error", "io.eval", 2) and message.startswith("compile error")
    assert run_js("__catch(() => io.eval('nil foo'))").to_py()[1] == \
        "nil does not respond to 'foo'"
    assert js.io.eval("3 * 3") == 9
    # a block used as a JS callback (Array.map calls it) that raises
    out, status = await B.repl(
        'e := try(jsfunction("return [1, -1].map(arguments[0])") call(block(x, '
        "checker check(x)))); e error")
    assert (out, status) == ("==> negative: -1\n", 0)
    # a callback that waits first gives JS a Promise, which rejects with the Io error
    result = await run_js(
        "io.lobby.failLater()().then(() => 'resolved', (e) => e.message + '@' + e.lineNumber)")
    assert result == "argument 0 to method 'at' must be a Number, not a 'Sequence'@5"
    assert js.io.eval("checker check(5)") == 10


@run_in_pyodide(packages=["pyio"])
async def test_output_limit_in_an_embed_session(selenium):
    from bridge.embed import Session
    from bridge.host import MAX_OUTPUT

    out = []
    session = Session(out.append, expose=False)
    assert session.interp.max_output == MAX_OUTPUT
    report = await session.run('s := "x" repeated(10000); loop(s print)', "runaway.io")
    assert f"Output limit reached: more than {MAX_OUTPUT} characters" in report
    assert "runaway.io" in report
    assert sum(len(t) for t in out) == MAX_OUTPUT  # what fit was written, nothing more
    out.clear()
    assert await session.run('writeln("still here")') is None
    assert out == ["still here\n"]
    session.close()
    # a page's interpreter, also after io.reset
    import bridge
    import js

    bridge.start()
    js.io.reset()
    assert js.io.eval("System maxOutputSize") == MAX_OUTPUT


@run_in_pyodide(packages=["pyio"])
async def test_stop_switches_off_js_callbacks(selenium):
    import asyncio

    import bridge
    import js
    from pyodide.code import run_js

    B = bridge.start()
    run_js("globalThis.__later = new Promise((res) => { globalThis.__settle = res; })")
    await B.repl("ticks := 0; keep := block(\"kept\")\n"
                 "JS set(\"__keep\", keep)\n"
                 "timer := JS setInterval(block(ticks = ticks + 1), 1)\n"
                 'JS get("Promise") resolve(1) then(block(v, JS set("__thenRan", v)))\n'
                 "f := JS get(\"__later\"); nil")
    waiting = js.io.repl('v := f await; writeln("woke ", v)')
    await asyncio.sleep(0.05)
    assert B.S.external_waits == 1
    ticks = js.io.eval("ticks")
    assert ticks > 0
    B.S.coro, B.S.ready = None, type(B.S.ready)()  # the host drops its coroutines...
    B.stop()  # ...and the bridge stops the program's reactions
    r = await waiting
    assert (r.status, r.output) == (1, "\n  IoInterrupt: Stopped\n")
    assert B.S.external_waits == 0
    run_js("__settle('late')")
    await asyncio.sleep(0.05)
    assert js.io.eval("ticks") == ticks  # the interval still fires, its block does nothing
    assert js.io.eval("f state") == "resolved"  # the Future still learns the value...
    assert js.io.eval('hasSlot("v")') is False  # ...but the stopped entry did not wake
    assert run_js("__keep()") is None and run_js("String(__keep)") == "[stopped Io object]"
    # Io objects handed out again after Stop work; old proxies still map back to Io
    assert await B.repl('JS get("__keep") == keep') == ("==> true\n", 0)
    assert await B.repl('jsfunction("return arguments[0]()") call(keep)') == ("==> kept\n", 0)
    assert await B.repl("f await") == ("==> late\n", 0)
    await B.repl("JS clearInterval(timer)")


@run_in_pyodide(packages=["pyio"])
async def test_removed_and_missing_dom_nodes(selenium_page):
    import bridge

    B = bridge.start()
    await B.repl('box := DOM createElement("div") setId("doomed"); DOM body appendChild(box); '
                 "box remove; nil")
    cases = {
        # a removed element is still an element: it can be changed and put back
        'box setTextContent("still here") textContent': "==> still here\n",
        "box parent": "",
        'DOM getElementById("doomed")': "",
        'DOM body appendChild(box); DOM getElementById("doomed") == box': "==> true\n",
        # a missing id is nil, and what is sent to it names the message
        'try(DOM getElementById("no-such-id") setTextContent("x")) error':
            "==> nil does not respond to 'setTextContent'\n",
        'try(JS document getElementById("no-such-id") textContent) error':
            "==> nil does not respond to 'textContent'\n",
        'try(DOM body appendChild(DOM getElementById("no-such-id"))) error':
            "==> argument 0 to method 'appendChild' must be an Element, not a 'nil'\n",
        # removing twice through JS: the DOM's own error
        "box remove; try(DOM body removeChild(box)) error":
            "==> JS error: Failed to execute 'removeChild' on 'Node': "
            "The node to be removed is not a child of this node.\n",
        'try(DOM querySelector("##")) error':
            "==> JS error: Failed to execute 'querySelector' on 'Document': "
            "'##' is not a valid selector.\n",
        "box textContent": "==> still here\n",
    }
    for code, want in cases.items():
        assert await B.repl(code) == (want, 0), code


@run_in_pyodide(packages=["pyio"])
async def test_event_handler_errors_are_reported(selenium_page):
    import asyncio

    import bridge
    import js
    from pyodide.code import run_js

    out = []
    B = bridge.start(on_output=out.append)
    await B.repl('b := DOM createElement("button") setId("faulty"); DOM body appendChild(b)\n'
                 "clicks := 0\n"
                 "b on(\"click\", block(e, clicks = clicks + 1; list at(\"x\")))")
    out.clear()
    run_js('document.getElementById("faulty").click()')  # a click from the page
    report = "".join(out)
    assert "Exception: argument 0 to method 'at' must be a Number, not a 'Sequence'" in report
    assert "Command Line 3" in report
    # the page and the interpreter go on: the next click runs the handler again
    run_js('document.getElementById("faulty").click()')
    assert js.io.eval("clicks") == 2
    # clicked from Io code: the handler's error is reported, the clicking code goes on
    out.clear()
    assert await B.repl('b click; writeln("after the click"); clicks') == (
        "".join(out[:-1]) + "after the click\n", 0)
    assert "Exception: argument 0 to method 'at'" in out[0]
    # a raw listener, a JS timer and a then-callback whose blocks raise
    out.clear()
    await B.repl('b off; b addEventListener("click", block(Exception raise("raw listener")))\n'
                 'JS setTimeout(block(Exception raise("timer")), 1)\n'
                 'JS get("Promise") resolve(1) then(block(v, Exception raise("then"))); nil')
    run_js('document.getElementById("faulty").click()')
    await asyncio.sleep(0.1)
    report = "".join(out)
    for text in ("raw listener", "timer", "then"):
        assert f"Exception: {text}\n" in report, report
    assert " JavaScript 0\n" in report  # the stack says who called the block
    assert await B.repl("clicks") == ("==> 3\n", 0)


@run_in_pyodide(packages=["pyio"])
async def test_stop_and_close_release_listeners_and_proxies(selenium_page):
    import asyncio

    import bridge
    import js
    import pyodide_js
    from pyodide.code import run_js

    module = pyodide_js._module
    module.enable_pyproxy_allocation_tracing()
    try:
        alive = module.pyproxy_alloc_map
        B = bridge.start()
        await B.repl("1")
        before = alive.size
        await B.repl('b := DOM createElement("button") setId("stopme"); DOM body appendChild(b)\n'
                     "n := 0\n"
                     'b on("click", block(n = n + 1))\n'
                     'b addEventListener("click", block(n = n + 10))\n'
                     'JS setTimeout(block(n = n + 100), 50); nil')
        click = 'document.getElementById("stopme").click()'
        run_js(click)
        assert js.io.eval("n") == 11
        B.stop()  # nothing of the program runs any more: listeners, the pending timer
        run_js(click)
        await asyncio.sleep(0.1)
        assert js.io.eval("n") == 11
        assert js.io.eval("b listenerCount") == 0
        # a new program's listeners work
        await B.repl('b on("click", block(n = n + 1000))')
        run_js(click)
        assert js.io.eval("n") == 1011
        B.close()  # Reset: everything JS held for this interpreter is released
        await asyncio.sleep(0.05)
        run_js(click)  # the raw listener is still on the button: it does nothing
        assert not B.refs and not B.listeners and not B.futures
        assert not alive.has(B.dispatch_proxy)
        assert alive.size == before - 1  # the one proxy the bridge had
    finally:
        module.disable_pyproxy_allocation_tracing()


@run_in_pyodide(packages=["pyio"])
async def test_docs_error_location_example(selenium):
    import bridge
    from pyodide.code import run_js

    bridge.start()
    assert (await run_js("""(async () => {
        await io.repl("Lobby next := method(l, l at(0) + 1)");
        try { io.lobby.next([]) } catch (e) { return [e.message, e.fileName, e.lineNumber,
                                                      io.lobby.next([41])]; }
    })()""")).to_py() == ["nil does not respond to '+'", "Command Line", 1, 42]


@run_in_pyodide(packages=["pyio"])
async def test_endless_event_handler_does_not_block_the_page(selenium_page):
    import asyncio

    import bridge
    import js
    from pyodide.code import run_js

    B = bridge.start()
    await B.repl('b := DOM createElement("button") setId("busy"); DOM body appendChild(b)\n'
                 'n := 0; b on("click", block(e, e preventDefault; loop(n = n + 1)))')
    # the dispatch returns (the event's default was prevented in time)...
    assert run_js('document.getElementById("busy").dispatchEvent('
                  'new Event("click", {cancelable: true}))') is False
    # ...while the handler goes on in slices, between which the page runs
    counts = []
    for _ in range(3):
        await asyncio.sleep(0.05)
        counts.append(js.io.eval("n"))
    assert counts[0] < counts[1] < counts[2]
    js.io.interrupt()
    await asyncio.sleep(0.05)
    stopped = js.io.eval("n")
    await asyncio.sleep(0.05)
    assert js.io.eval("n") == stopped
    assert await B.repl("1 + 1") == ("==> 2\n", 0)

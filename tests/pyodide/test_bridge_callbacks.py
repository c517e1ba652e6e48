"""Io blocks that JavaScript calls directly (timers, listeners, then-callbacks, Array map,
proxies, io.eval): a call that finishes within its budget gives JS its value; one that does
not (an endless loop by mistake) gives JS a Promise and goes on in slices, so the page and
Stop keep working. Stop, io.interrupt() and errors end such continued calls as they end
`on` handlers, and nothing leaks.

Under Node nothing may reject unhandled (Node ends the process), so there every Promise a
continued call gives JS is either awaited by Io (a Future) or given a catch."""

from pytest_pyodide import run_in_pyodide


@run_in_pyodide(packages=["pyio"])
async def test_endless_callbacks_go_on_in_slices_and_stop(selenium):
    import asyncio

    import bridge
    import js
    from pyodide.code import run_js

    B = bridge.start()
    run_js("globalThis.__ticks = 0; globalThis.__tick = setInterval(() => __ticks++, 1)")
    # called from Io through JS: a block that finishes gives its value, one that does not
    # gives a Promise (a Future in Io), and the calling code goes on
    assert await B.repl('n := 0; spin := block(x, if(x == 2, loop(n = n + 1)); x * 10)\n'
                        'jsfunction("return [1, 3].map(arguments[0])") call(spin)') == (
        "==> list(10, 30)\n", 0)
    assert await B.repl('r := jsfunction("return [1, 2].map(arguments[0])") call(spin)\n'
                        "list(r at(0), r at(1) type, r at(1) state)") == (
        '==> list(10, "Future", "pending")\n', 0)
    # the endless block goes on in slices, between which JS runs
    counts, ticks = [], js.__ticks
    for _ in range(3):
        await asyncio.sleep(0.05)
        counts.append(js.io.eval("n"))
    assert counts[0] < counts[1] < counts[2]
    assert js.__ticks > ticks
    # a call from JS's event loop while Io code is busy in slices returns too
    assert run_js("globalThis.__p = io.lobby.spin()(2); __p.catch(() => {}); "
                  "__p instanceof Promise") is True
    # Stop (the host drops its coroutines first) ends all of it
    B.S.coro, B.S.ready = None, type(B.S.ready)()
    B.stop()
    stopped = js.io.eval("n")
    await asyncio.sleep(0.05)
    assert js.io.eval("n") == stopped
    assert await B.repl("r at(1) state") == ("==> rejected\n", 0)
    assert await B.repl("try(r at(1) await) error") == ("==> JS error: Stopped\n", 0)
    assert not B.on_end
    run_js("clearInterval(__tick)")


@run_in_pyodide(packages=["pyio"])
async def test_a_continued_callback_still_delivers_its_result(selenium):
    import asyncio

    import bridge
    import js
    from pyodide.code import run_js

    B = bridge.start()
    # `go` is only set after the call returned to JS, so the block surely outlives its
    # budget whatever the machine's speed
    await B.repl("go := false; slow := method(x, while(go not, nil); x * 2)")
    p = run_js("io.lobby.slow(21)")
    assert not p.done()  # a Promise (Pyodide hands it to Python as a future), pending
    js.io.eval("go = true")
    assert await p == 42
    # a then-callback that goes on: the chain gets its value, not undefined
    await B.repl('go := false; chained := JS get("Promise") resolve(5) '
                 "then(block(v, while(go not, nil); v + 1)) then(block(v, v * 10)); nil")
    await asyncio.sleep(0.01)
    assert len(B.on_end) == 1  # the first then-callback goes on
    js.io.eval("go = true")
    assert await B.repl("chained await") == ("==> 60\n", 0)
    # an io.eval that runs long is a Promise too
    await B.repl("go := false")
    p = js.io.eval("while(go not, nil); 7")
    assert not p.done()
    js.io.eval("go = true")
    assert await p == 7


@run_in_pyodide(packages=["pyio"])
async def test_interrupt_ends_every_continued_callback(selenium):
    import asyncio

    import bridge
    import js

    B = bridge.start()
    await B.repl('n := 0; spin := block(loop(n = n + 1; yield))\n'
                 'call := jsfunction("return arguments[0]()")\n'
                 "a := call call(spin); b := call call(spin); nil")
    await asyncio.sleep(0.05)
    assert len(B.on_end) == 2
    js.io.interrupt()  # one of them is interrupted, the other dropped: both callers hear it
    await asyncio.sleep(0.05)
    assert not B.on_end
    assert await B.repl("list(a state, b state)") == ('==> list("rejected", "rejected")\n', 0)
    assert await B.repl("try(a await) error") == ("==> JS error: Interrupted\n", 0)
    stopped = js.io.eval("n")
    await asyncio.sleep(0.05)
    assert js.io.eval("n") == stopped


@run_in_pyodide(packages=["pyio"])
async def test_continued_callbacks_leak_no_proxies(selenium):
    import asyncio

    import bridge
    import pyodide_js

    module = pyodide_js._module
    module.enable_pyproxy_allocation_tracing()
    try:
        alive = module.pyproxy_alloc_map
        B = bridge.start()
        await B.repl('call := jsfunction("return arguments[0]()"); spin := block(loop(yield))')
        before = alive.size
        for _ in range(3):
            await B.repl("futures := list(); 10 repeat(futures append(call call(spin))); nil")
            await asyncio.sleep(0.02)
            assert len(B.on_end) == 10
            B.S.coro, B.S.ready = None, type(B.S.ready)()
            B.stop()
            assert await B.repl('futures map(state) unique') == ('==> list("rejected")\n', 0)
        assert not B.on_end and not B.S.ready and not B.futures
        assert alive.size == before
    finally:
        module.disable_pyproxy_allocation_tracing()


@run_in_pyodide(packages=["pyio"])
async def test_errors_of_continued_callbacks_are_reported(selenium_page):
    import asyncio

    import bridge
    import js
    from pyodide.code import run_js

    out = []
    B = bridge.start(on_output=out.append)
    await B.repl('b := DOM createElement("button") setId("late"); DOM body appendChild(b)\n'
                 "go := false; late := method(what, while(go not, nil); "
                 "Exception raise(what))\n"
                 'b addEventListener("click", block(late("raw listener")))\n'
                 'JS setTimeout(block(late("timer")), 1)\n'
                 'JS get("Promise") resolve(1) then(block(v, late("then"))); nil')
    run_js('document.getElementById("late").click()')  # returns, the listener goes on
    await asyncio.sleep(0.1)
    assert len(B.on_end) == 3
    out.clear()
    js.io.eval("go = true")
    await asyncio.sleep(0.1)
    report = "".join(out)
    for text in ("raw listener", "timer", "then"):
        assert f"Exception: {text}\n" in report, report
    assert not B.on_end
    assert await B.repl("1 + 1") == ("==> 2\n", 0)


@run_in_pyodide(packages=["pyio"])
async def test_reset_ends_continued_callbacks(selenium):
    import asyncio

    import bridge
    import js

    B = bridge.start()
    await B.repl('n := 0; r := jsfunction("return arguments[0]()") call(block(loop(n = n + 1))); nil')
    await asyncio.sleep(0.05)
    assert B.S.lobby.slots["n"] > 0
    js.io.reset()  # the old interpreter is gone: its endless block runs no more
    assert B.closed and not B.on_end
    n = B.S.lobby.slots["n"]
    await asyncio.sleep(0.05)
    assert B.S.lobby.slots["n"] == n
    assert (await js.io.repl("1 + 1")).output == "==> 2\n"

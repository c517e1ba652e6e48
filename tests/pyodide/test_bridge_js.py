"""The bridge in Pyodide (node and Chromium): JSObject, conversions, futures, io.* API.

Each test starts a fresh interpreter with the bridge and feeds REPL entries through
``Bridge.repl`` (what ``io.repl`` does), checking exactly what the console would show.
"""

from pytest_pyodide import run_in_pyodide


@run_in_pyodide(packages=["pyio"])
async def test_jsobject_calls_and_properties(selenium):
    import bridge

    B = bridge.start()
    cases = {
        "JS Math sqrt(144)": "==> 12\n",
        "JS Math PI > 3": "==> true\n",
        "JS Math typeof": "==> object\n",
        "JS Math type": "==> JSObject\n",
        'JS parseInt("42")': "==> 42\n",
        "JS isNaN(0/0)": "==> true\n",
        "JS isNaN(42)": "==> false\n",
        'JS JSON parse("[1,2,3]") size': "==> 3\n",
        'JS JSON parse("[10,20,30]") at(1)': "==> 20\n",
        'JS JSON stringify(JS JSON parse("[4,5]"))': "==> [4,5]\n",
        'obj := JS JSON parse("{}"); obj set("x", 42) get("x")': "==> 42\n",
        'JS JSON parse("{\\"a\\": [1, 2]}") get("a") size': "==> 2\n",
        'JS get("Date") new(0) getTime': "==> 0\n",
        'JS get("Math") get("max") call(3, 9, 4)': "==> 9\n",
        'JS get("Date") new(0) instanceOf(JS get("Date"))': "==> true\n",
        'JS Math instanceOf(JS get("Date"))': "==> false\n",
        "JS Math == JS Math": "==> true\n",
        "JS Math != JS JSON": "==> true\n",
        "JS Math == 3": "==> false\n",
        "JS Math": "==> JSObject([object Math])\n",
        'JS get("parseInt")': "==> JSObject(function parseInt)\n",
        'JS JSON parse("{}") asString': "==> JSObject([object Object])\n",
        'JS console log("from io") == JsTypes undefined': "==> true\n",
        "JsTypes undefined type": "==> undefined\n",
        'JS JSON parse("{}") get("nope") == nil': "==> false\n",
        'JS JSON parse("{}") get("nope") == JsTypes undefined': "==> true\n",
        'JS JSON parse("null") == nil': "==> true\n",
    }
    for code, want in cases.items():
        assert await B.repl(code) == (want, 0), code


@run_in_pyodide(packages=["pyio"])
async def test_conversions_both_ways(selenium):
    import bridge
    from pyodide.code import run_js

    run_js("""
        globalThis.__testMap = new Map([["x", 42]]);
        globalThis.__testSet = new Set([10, 20, 30]);
        globalThis.__testFloat32 = new Float32Array([1.5, 2.5, 3.5]);
        globalThis.__testUint8 = new Uint8Array([65, 66, 67]);
        globalThis.__cyclic = [1]; globalThis.__cyclic.push(globalThis.__cyclic);
        globalThis.__kind = (v) => Object.prototype.toString.call(v) + ":" + typeof v;
    """)
    B = bridge.start()
    cases = {
        "JS JSON stringify(list(1, 2, 3))": "==> [1,2,3]\n",
        'JS JSON stringify(list("a", nil, true, false, list(1.5)))':
            '==> ["a",null,true,false,[1.5]]\n',
        'm := Map clone atPut("a", 1); JS JSON stringify(JS get("Object") fromEntries(m))':
            '==> {"a":1}\n',
        'JS __kind(Map clone)': "==> [object Map]:object\n",
        "JS __kind(JsTypes undefined)": "==> [object Undefined]:undefined\n",
        'JS get("__testMap") at("x")': "==> 42\n",
        'JS get("__testSet") size': "==> 3\n",
        'JS get("__testSet") type': "==> List\n",
        'JS get("__testFloat32") at(1)': "==> 2.5\n",
        'JS get("__testFloat32") itemType': "==> float32\n",
        'JS get("__testUint8") size': "==> 3\n",
        'JS get("Array") from(JS get("__testFloat32")) size': "==> 3\n",
        'JS __kind(JS get("__testFloat32"))': "==> [object Float32Array]:object\n",
        'JS get("__testFloat32") type': "==> Vector\n",
        'JS get("Array") from(vector(1, 2, 3)) size': "==> 3\n",
        "JS __kind(vector(1, 2))": "==> [object Float32Array]:object\n",
        'JS get("Int32Array") new(list(7, -8)) at(1)': "==> -8\n",
        'JS get("Int16Array") new(list(7, -8)) itemType': "==> int16\n",
        'JS __kind(JS get("Int16Array") new(list(7, -8)))': "==> [object Int16Array]:object\n",
        'a := list(1, 2); a append(a); try(JS JSON stringify(a)) error':
            "==> bridge error: cyclic structure cannot be converted\n",
        'try(JS get("__cyclic")) error':
            "==> bridge error: cyclic structure cannot be converted\n",
        "1 + 1": "==> 2\n",
    }
    for code, want in cases.items():
        assert await B.repl(code) == (want, 0), code


@run_in_pyodide(packages=["pyio"])
async def test_bigint(selenium):
    import bridge

    B = bridge.start()
    cases = {
        'JS get("BigInt") call(42) type': "==> BigInt\n",
        'JS get("BigInt") call(42) asString': "==> 42\n",
        'JS get("BigInt") call("123456789012345678901234567890") asString':
            "==> 123456789012345678901234567890\n",
        'jsfunction("return arguments[0].toString();") call(BigInt from(42))': "==> 42\n",
        'jsfunction("return typeof arguments[0];") call(BigInt from(2) ** 70)':
            "==> bigint\n",
        "(BigInt from(10) + BigInt from(20)) asString": "==> 30\n",
        "BigInt from(1) < BigInt from(2)": "==> true\n",
        "BigInt from(42) asNumber": "==> 42\n",
    }
    for code, want in cases.items():
        assert await B.repl(code) == (want, 0), code


@run_in_pyodide(packages=["pyio"])
async def test_jsfunction_errors_and_callbacks(selenium):
    import bridge
    from pyodide.code import run_js

    run_js('globalThis.__testObj = { throwError() { throw new Error("test error msg"); } };')
    B = bridge.start()
    cases = {
        'jsfunction("return 42;") call': "==> 42\n",
        'jsfunction("return arguments[0] + arguments[1];") call(3, 4)': "==> 7\n",
        'jsfunction("return \\"hello\\";") call': "==> hello\n",
        'try(jsfunction("{{invalid")) type': "==> Exception\n",
        'jsfunction("return 1;") typeof': "==> function\n",
        'jsfunction("return arguments[0](42);") call(block(x, x * 2))': "==> 84\n",
        'jsfunction("return arguments[0](3, 4);") call(block(a, b, a + b))': "==> 7\n",
        'jsfunction("return arguments[0](\\"world\\");") call(block(n, "hello " .. n))':
            "==> hello world\n",
        'e := try(JS get("__testObj") throwError); e error': "==> JS error: test error msg\n",
        'e jsStack containsSeq("throwError")': "==> true\n",
        'JS get("__testObj") nothing': None,
        # an Io exception going through JS comes back as itself
        'e := try(jsfunction("arguments[0]()") call(block(Exception raise("deep"))))': None,
        "e error": "==> deep\n",
        'jsfunction("try { arguments[0]() } catch (e) { return e.message + \\"/\\" + '
        '(e.ioError.error()) }") call(block(Exception raise("caught")))':
            "==> caught/caught\n",
    }
    for code, want in cases.items():
        out, status = await B.repl(code)
        if want is None:
            continue
        assert (out, status) == (want, 0), code
    out, status = await B.repl('JS get("__testObj") throwError')
    assert status == 1 and "JS error: test error msg" in out


@run_in_pyodide(packages=["pyio"])
async def test_promises_are_futures(selenium):
    import asyncio

    import bridge

    B = bridge.start()
    cases = [
        ('Lobby futureTest := JS get("Promise") resolve(42); futureTest type', "==> Future\n"),
        ('Lobby futureTest2 := JS get("Promise") resolve(99); futureTest2 state',
         "==> pending\n"),
        ("futureTest state", "==> resolved\n"),
        ("futureTest isReady", "==> true\n"),
        ("futureTest await", "==> 42\n"),
        ('Lobby futureReject := JS get("Promise") reject("oops"); nil', ""),
        ("futureReject state", "==> rejected\n"),
        ("try(futureReject await) type", "==> Exception\n"),
        ('f := JS get("Promise") resolve(1); f setLabel("test label"); f label',
         "==> test label\n"),
        ('JS get("Promise") resolve(42) await', "==> 42\n"),
        ('try(JS get("Promise") reject("boom") await) error containsSeq("boom")',
         "==> true\n"),
        ('JS get("Promise") resolve(list(10,20,30)) size', "==> 3\n"),
        ('JS get("Promise") resolve("hello world") split(" ") size', "==> 2\n"),
        ('try(JS get("Promise") reject("nope") size) type', "==> Exception\n"),
        ('Lobby promiseResult := nil; JS get("Promise") resolve(99) then('
         'block(v, Lobby promiseResult := v)); nil', ""),
        ("promiseResult", "==> 99\n"),
        ('Lobby chainResult := nil; JS get("Promise") resolve(10) then(block(v, v * 2)) '
         'then(block(v, Lobby chainResult := v)); nil', ""),
        ("chainResult", "==> 20\n"),
        # the echo of a future is its value
        ('JS get("Promise") resolve(7)', "==> 7\n"),
        ('JS get("Promise") reject("x") catch(block(e, "caught " .. e))', "==> caught x\n"),
        ('Lobby fin := 0; JS get("Promise") resolve(1) finally(block(Lobby fin := 5)) await; '
         "fin", "==> 5\n"),
        ('JS get("Promise") resolve(1) then(block(v, Exception raise("in then"))) '
         'catch(block(e, e get("message")))', "==> in then\n"),
        # a timer promise: the coroutine parks, the driver keeps going
        ('p := JS get("Promise") new(block(res, rej, JS setTimeout(res, 30, "late"))); '
         'p await', "==> late\n"),
    ]
    for code, want in cases:
        assert await B.repl(code) == (want, 0), code
        await asyncio.sleep(0)


@run_in_pyodide(packages=["pyio"])
async def test_waiting_parks_only_its_coroutine(selenium):
    import asyncio

    import bridge
    import js

    bridge.start()
    # while the entry waits for its promise, a JS timer runs an Io block and JS can
    # still evaluate Io: only the waiting coroutine is parked
    entry = js.io.repl("""
        order := list
        JS setTimeout(block(order append("timer")), 10)
        q := JS get("Promise") new(block(res, rej, JS setTimeout(res, 80, "ok")))
        order append(q await)
        order""")
    await asyncio.sleep(0.03)
    assert js.io.eval("order size") == 1
    r = await entry
    assert (r.output, r.status) == ('==> list("timer", "ok")\n', 0)


@run_in_pyodide(packages=["pyio"])
async def test_io_global_api(selenium):
    import bridge
    import js
    from pyodide.code import run_js

    bridge.start()
    assert (await js.io.ready) is not None
    run_js("globalThis.__out = []; io.onOutput = (t) => __out.push(t)")
    r = await js.io.repl('"hello" println')
    assert (r.output, r.status) == ("hello\n", 0)
    assert run_js("__out.join('')") == "hello\n"
    r = await js.io.repl("1 + 2")
    assert (r.output, r.status) == ("==> 3\n", 0)
    r = await js.io.repl("x := 42")
    r = await js.io.repl("x * 2")
    assert r.output == "==> 84\n"
    r = await js.io.repl("nil foo")
    assert r.status == 1 and "nil does not respond to 'foo'" in r.output
    r = await js.io.repl("(((")
    assert r.status == 1
    r = await js.io.repl('writeln("a"); 5')
    assert r.output == "a\n"
    r = await js.io.repl("nil")
    assert (r.output, r.status) == ("", 0)
    # several entries queued at once run in order
    r1, r2 = js.io.repl("y := 1"), js.io.repl("y + 1")
    assert (await r2).output == "==> 2\n" and (await r1).output == "==> 1\n"

    assert js.io.eval("1 + 2") == 3
    assert js.io.eval('list(1, "a")').join("-") == "1-a"
    assert run_js("io.lobby.x()") == 42
    run_js("io.lobby.z = 5")
    assert js.io.eval("z") == 5
    assert run_js('io.eval("block(a, b, a * b)")(6, 7)') == 42
    run_js('io.lobby.double = io.eval("block(x, x * 2)")')
    assert run_js("io.lobby.double()(21)") == 42
    msg = run_js("""(() => { try { io.eval('Exception raise("bad")') }
                            catch (e) { return e.message + "|" + typeof e.ioError } })()""")
    assert msg == "bad|function"
    assert "Object_0x" in run_js("String(io.lobby)")
    # io.eval of a pending promise gives the Promise itself
    assert await js.io.eval('JS get("Promise") resolve(3)') == 3


@run_in_pyodide(packages=["pyio"])
async def test_js_callback_that_waits_returns_a_promise(selenium):
    import bridge
    from pyodide.code import run_js

    B = bridge.start()
    await B.repl('Lobby slow := method(x, JS get("Promise") resolve(x * 10) await + 1)')
    assert await run_js("io.lobby.slow(4)") == 41
    await B.repl('Lobby blk := block(x, JS get("Promise") resolve(x) await * 2)')
    assert await run_js("io.lobby.blk()(5)") == 10
    # from Io through JS and back: the waiting block gives JS a Promise, Io a Future
    assert await B.repl(
        'r := jsfunction("return arguments[0]()") call(block(JS get("Promise") resolve(5) '
        'await * 2)); list(r type, r await)') == ('==> list("Future", 10)\n', 0)


@run_in_pyodide(packages=["pyio"])
async def test_reset_releases_everything(selenium):
    import bridge
    import js

    B = bridge.start()
    await B.repl("Lobby keep := 1")
    js.io.lobby  # a handle JS holds
    js.io.reset()
    assert B.closed and not B.refs
    r = await js.io.repl("keep")
    assert r.status == 1  # a fresh interpreter
    r = await js.io.repl("1 + 1")
    assert r.output == "==> 2\n"


@run_in_pyodide(packages=["pyio"])
async def test_slices_keep_the_event_loop_running(selenium):
    import bridge
    from pyodide.code import run_js

    B = bridge.start()
    run_js("globalThis.__ticks = 0; globalThis.__tick = setInterval(() => __ticks++, 1)")
    out, status = await B.repl("s := 0; for(i, 1, 200000, s = s + i); s")
    run_js("clearInterval(__tick)")
    assert (out, status) == ("==> 20000100000\n", 0)
    assert B.driver.slices > 1
    assert run_js("__ticks") > 0


@run_in_pyodide(packages=["pyio"])
async def test_host_with_its_own_driver(selenium):
    import asyncio

    import bridge
    from bridge.host import BrowserHost
    from pyio_core import Interpreter

    out, kicks = [], []
    S = Interpreter(host=BrowserHost(out.append))
    B = bridge.install(S, expose=False, schedule=lambda: kicks.append(1))
    assert B.api is None
    co = S.start('writeln("start"); v := JS get("Promise") resolve(20) await; writeln(v + 1)')
    assert S.run_slice() == "waiting" and not co.finished
    assert S.external_waits == 1
    await asyncio.sleep(0.01)
    assert kicks  # the settled promise asked the host for a slice
    S.run_slice()
    assert co.finished and "".join(out) == "start\n21\n"
    assert S.external_waits == 0


@run_in_pyodide(packages=["pyio"])
async def test_page_placeholder_io_ready(selenium):
    import bridge
    from pyodide.code import run_js

    run_js("globalThis.io = {}; io.ready = new Promise((r) => (io._readyResolve = r));"
           "globalThis.__seen = null; io.ready.then((x) => (__seen = typeof x.repl));")
    ready = run_js("io.ready")
    bridge.start()
    await ready
    assert run_js("__seen") == "function"
    r = await run_js("io.repl('writeln(6 * 7)')")
    assert r.output == "42\n"


@run_in_pyodide(packages=["pyio"])
async def test_interrupt_running_and_waiting_code(selenium):
    import asyncio

    import bridge
    import js

    B = bridge.start()
    # code parked on a Promise that never settles
    entry = js.io.repl("JS get(\"Promise\") new(block(res, rej, nil)) await")
    await asyncio.sleep(0.02)
    js.io.interrupt()
    r = await entry
    assert r.status == 1 and "Interrupted" in r.output
    assert B.S.external_waits == 0
    # a busy loop
    entry = js.io.repl("loop(nil)")
    await asyncio.sleep(0.05)
    js.io.interrupt()
    r = await entry
    assert r.status == 1 and "Interrupted" in r.output
    r = await js.io.repl("1 + 1")
    assert (r.output, r.status) == ("==> 2\n", 0)


@run_in_pyodide(packages=["pyio"])
async def test_io_timers_run_from_the_event_loop(selenium):
    import time

    import bridge

    B = bridge.start()
    t0 = time.monotonic()
    out, status = await B.repl('writeln("a"); wait(0.05); writeln("b")')
    assert (out, status) == ("a\nb\n", 0)
    assert time.monotonic() - t0 >= 0.045


@run_in_pyodide(packages=["pyio"])
async def test_handles_are_released_after_js_gc(selenium):
    import asyncio

    import bridge
    from pyodide.code import run_js

    if run_js("typeof gc") != "function":
        return  # the runtime was started without --expose-gc
    B = bridge.start()
    await B.repl('f := jsfunction("return typeof arguments[0]"); b := block(nil)')
    base, first = len(B.refs), next(B._ids)
    await B.repl("for(i, 1, 500, f call(b))")
    assert next(B._ids) - first > 500  # one handle per proxy handed to JS
    for _ in range(50):
        run_js("gc()")
        await asyncio.sleep(0.02)
        if len(B.refs) < base + 50:
            break
    assert len(B.refs) < base + 50


@run_in_pyodide(packages=["pyio"])
async def test_any_host_and_repeated_resets(selenium):
    import bridge
    import js
    from pyio_core import CaptureHost, Interpreter

    host = CaptureHost()
    B = bridge.install(Interpreter(host=host))
    assert await B.repl('writeln("x"); 1') == ("x\n", 0)
    assert host.output == "x\n"
    for _ in range(3):
        js.io.reset()
    r = await js.io.repl('write("y")')
    assert (r.output, r.status) == ("y", 0)
    assert host.output == "x\ny"  # one copy: each reset unhooks the old interpreter
    assert "write" not in host.__dict__ or host.write.__name__ == "tee"

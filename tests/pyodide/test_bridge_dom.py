"""The bridge in a real page (headless Chromium): DOM through JS, the DOM/Element protos,
event listeners with on/off, and no proxy leaks. Skipped in node, which has no DOM."""

from pytest_pyodide import run_in_pyodide


@run_in_pyodide(packages=["pyio"])
async def test_dom_through_js(selenium_page):
    import bridge
    from pyodide.code import run_js

    run_js("""
        const s = document.createElement("div"); s.id = "sandbox"; s.style.display = "none";
        document.body.appendChild(s);
    """)
    B = bridge.start()
    cases = {
        "JS document body tagName": "==> BODY\n",
        'JS document createElement("div") tagName': "==> DIV\n",
        'el := JS document createElement("span"); el set("textContent", "hello dom"); '
        "el textContent": "==> hello dom\n",
        'el := JS document createElement("div"); el setAttribute("data-x", "42"); '
        'el getAttribute("data-x")': "==> 42\n",
        'JS document querySelector("body") tagName': "==> BODY\n",
        'parent := JS document createElement("div"); '
        'parent appendChild(JS document createElement("span")); '
        'parent appendChild(JS document createElement("span")); '
        'parent get("children") length': "==> 2\n",
        'el := JS document createElement("div"); el set("innerHTML", "<b>bold</b>"); '
        "el innerHTML": "==> <b>bold</b>\n",
        'el := JS document createElement("div"); el style setProperty("color", "red"); '
        'el style getPropertyValue("color")': "==> red\n",
        'el := JS document createElement("div"); el classList add("foo"); '
        'el classList contains("foo")': "==> true\n",
        'JS document getElementById("sandbox") tagName': "==> DIV\n",
        'JS document querySelectorAll("div") length > 0': "==> true\n",
        'el := JS document createElement("div"); el set("id", "jsfn-test"); '
        "JS document body appendChild(el); "
        'jsfunction("return document.getElementById(\\"jsfn-test\\").tagName;") call':
            "==> DIV\n",
    }
    for code, want in cases.items():
        assert await B.repl(code) == (want, 0), code


@run_in_pyodide(packages=["pyio"])
async def test_dom_and_element_protos(selenium_page):
    import bridge

    B = bridge.start()
    cases = [
        ("DOM body tagName", "==> BODY\n"),
        ("DOM body type", "==> Element\n"),
        ("DOM body == JS document body", "==> true\n"),
        ('DOM createElement("p") setId("x") addClassName("a") addClassName("b")',
         "==> Element(<p#x.a.b>)\n"),
        ('box := DOM createElement("div") setId("box") setTextContent("hi"); box textContent',
         "==> hi\n"),
        ("DOM body appendChild(box); DOM getElementById(\"box\") == nil", "==> false\n"),
        ('DOM querySelector("#box") textContent', "==> hi\n"),
        ('DOM querySelector("#nothing-here")', ""),
        ('box setInnerHTML("<i>a</i><i>b</i>") innerHTML', "==> <i>a</i><i>b</i>\n"),
        ("box children size", "==> 2\n"),
        ("box children first tagName", "==> I\n"),
        ('box querySelectorAll("i") size', "==> 2\n"),
        ('box setAttribute("data-k", "v") getAttribute("data-k")', "==> v\n"),
        ('box removeAttribute("data-k") getAttribute("data-k") == nil', "==> true\n"),
        ('box setStyle("color", "red") getStyle("color")', "==> red\n"),
        ('box setStyle("background-color", "blue") getStyle("background-color")',
         "==> blue\n"),
        ('box addClassName("a") addClassName("b") hasClassName("b")', "==> true\n"),
        ('box removeClassName("b") hasClassName("b")', "==> false\n"),
        ('box get("className")', "==> a\n"),
        ("box children first parent == nil", "==> false\n"),
        ('box style getPropertyValue("color")', "==> red\n"),  # still a JSObject
        ('DOM querySelectorAll("#box") size', "==> 1\n"),
        ("box remove; DOM getElementById(\"box\")", ""),
        ("try(DOM createElement(\"not a tag\")) error containsSeq(\"JS error\")", "==> true\n"),
    ]
    for code, want in cases:
        assert await B.repl(code) == (want, 0), code


@run_in_pyodide(packages=["pyio"])
async def test_events_on_off(selenium_page):
    import bridge

    B = bridge.start()
    cases = [
        ('b := DOM createElement("button"); DOM body appendChild(b); clicks := list', ""),
        ('h := block(e, clicks append(e get("type"))); b on("click", h); b listenerCount',
         "==> 1\n"),
        ("b click; b click; clicks", '==> list("click", "click")\n'),
        ('b off("click", h); b click; clicks size', "==> 2\n"),
        ("b listenerCount", "==> 0\n"),
        ('b on("click", block(clicks append(1))) on("mouseover", block(clicks append(2)))',
         ""),
        ('b click; b dispatchEvent(JS get("Event") new("mouseover")); clicks size',
         "==> 4\n"),
        ('b off("click"); b listenerCount', "==> 1\n"),
        ("b off; b listenerCount", "==> 0\n"),
        # a plain addEventListener with an Io block works too
        ('b addEventListener("click", block(e, clicks append("raw"))); b click; clicks last',
         "==> raw\n"),
    ]
    for code, want in cases:
        out, status = await B.repl(code)
        assert status == 0, (code, out)
        if want:
            assert out == want, code


@run_in_pyodide(packages=["pyio"])
async def test_docs_todo_example(selenium_page):
    import bridge

    B = bridge.start()
    out, status = await B.repl("""
        todo := DOM createElement("ul") setId("todo")
        DOM body appendChild(todo)
        add := DOM createElement("button") setTextContent("Add")
        add on("click", block(e,
            todo appendChild(DOM createElement("li") setTextContent("item " .. todo children size))))
        DOM body appendChild(add)
        add click; add click
        DOM querySelectorAll("#todo li") last textContent""")
    assert (out, status) == ("==> item 1\n", 0)


@run_in_pyodide(packages=["pyio"])
async def test_on_off_cycles_leak_no_proxies(selenium_page):
    import bridge
    import pyodide_js
    from pyodide.ffi import create_proxy

    module = pyodide_js._module
    module.enable_pyproxy_allocation_tracing()
    try:
        alive = module.pyproxy_alloc_map
        probe = create_proxy(lambda: None)  # the counter works
        assert alive.has(probe)
        probe.destroy()

        B = bridge.start()
        await B.repl('b := DOM createElement("button"); n := 0; h := block(n = n + 1)')
        await B.repl('b on("click", h); b click; b off("click", h); n')  # warm up
        before, refs = alive.size, len(B.refs)
        out, status = await B.repl(
            'for(i, 1, 10000, b on("click", h); b off("click", h)); b click; n')
        assert (out, status) == ("==> 1\n", 0)
        assert alive.size == before
        assert len(B.refs) == refs and B.listeners == []
        # listeners left registered are released by a reset
        await B.repl('for(i, 1, 100, b on("click", block(n = n + 1)))')
        assert len(B.listeners) == 100
        from js import io

        io.reset()
        assert B.listeners == [] and B.refs == {}
    finally:
        module.disable_pyproxy_allocation_tracing()

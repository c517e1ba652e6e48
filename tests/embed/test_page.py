"""`<script type="io">` pages in headless Chromium: the page of docs/embedding.md (one
inline tag, one src= tag sharing its Lobby), and errors shown in the page."""

from __future__ import annotations

from embed_examples import DIST, ROOT, write_examples

WAIT = 120  # seconds: Pyodide's first start in a cold browser is slow


def load(browser, url: str) -> int:
    """Open the page and wait until pyio.js has run every tag; the number that failed."""
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(url)
    WebDriverWait(browser, WAIT).until(
        lambda d: d.execute_script("return document.documentElement.dataset.pyio"))
    assert browser.execute_script("return document.documentElement.dataset.pyio") == "done"
    return browser.execute_script("return pyio.done")


def texts(browser, selector: str) -> list[str]:
    return browser.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0]), e => e.textContent)",
        selector)


def test_documented_page(pages, server, browser):
    write_examples(pages, "index.html", "greet.io")
    assert load(browser, server + "/index.html") == 0
    assert texts(browser, ".pyio-output") == ["Hello, page!\n"]
    assert texts(browser, "#out") == ["Hello, file!\n1\n4\n9\n"]
    assert texts(browser, "#title") == ["Io was here"]
    assert texts(browser, ".pyio-error") == []
    shots = ROOT / "build" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(shots / "embed.png"))  # for humans to look at
    # the first output sits right after its own tag
    assert browser.execute_script(
        "return document.querySelector('script[type=io]').nextElementSibling.className"
    ) == "pyio-output"
    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources and all(r.startswith(server) for r in resources), resources


ERRORS_PAGE = """<!doctype html>
<html><head><script src="pyio/pyio.js"></script></head><body>
<script type="io">writeln("first"); Object fails</script>
<script type="io">writeln("broken" </script>
<script type="io" src="missing.io"></script>
<div id="box"></div>
<script type="io" data-output="#box">writeln(1 < 2, " & <b>not bold</b>"); nope</script>
<script type="io" data-output="#nowhere">writeln("lost")</script>
<textarea id="area"></textarea>
<script type="io" data-output="#area">JS get("io") eval("1 + 1") println</script>
</body></html>
"""


def test_errors_are_shown_and_later_scripts_still_run(pages, server, browser):
    (pages / "errors.html").write_text(ERRORS_PAGE, encoding="utf-8")
    assert load(browser, server + "/errors.html") == 5
    errors = texts(browser, ".pyio-error")
    assert len(errors) == 5, errors
    assert "Object does not respond to 'fails'" in errors[0]
    assert "<script 1>" in errors[0]  # the label names the tag
    assert "<script 2>" in errors[1]
    assert "missing.io: HTTP 404" in errors[2]
    assert "Object does not respond to 'nope'" in errors[3]
    assert 'no element matches data-output="#nowhere"' in errors[4]
    # output before an error stays; text is never parsed as HTML
    assert texts(browser, ".pyio-output") == ["first\n"]
    assert texts(browser, "#box")[0].startswith("true & <b>not bold</b>\n")
    # the error of a data-output script goes inside its element
    assert browser.execute_script("return document.querySelector('#box .pyio-error') !== null")
    # a textarea gets the text in its value; the JS global io reaches the same Lobby
    assert browser.execute_script("return document.querySelector('#area').value") == "2\n"


def test_documented_pyscript_page(pages, server, browser):
    from selenium.webdriver.support.ui import WebDriverWait

    write_examples(pages, "pyscript.html")
    browser.get(server + "/pyscript.html")
    out = "return document.getElementById('out').textContent"
    WebDriverWait(browser, WAIT).until(lambda d: d.execute_script(out))
    assert browser.execute_script(out) == "Io in PyScript: 42\n"
    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    assert all(r.startswith(server) for r in resources), resources


WAIT_PAGE = """<!doctype html>
<html><head><script src="pyio/pyio.js"></script></head><body>
<pre id="order"></pre>
<script type="io" data-output="#order">order := list("a"); wait(0.05); order append("b")</script>
<script type="io" data-output="#order">
  order append(JS get("Promise") resolve("c") await)
  writeln(order join)
</script>
</body></html>
"""


def test_a_waiting_script_holds_the_next_one_back(pages, server, browser):
    (pages / "wait.html").write_text(WAIT_PAGE, encoding="utf-8")
    assert load(browser, server + "/wait.html") == 0
    assert texts(browser, "#order") == ["abc\n"]


def test_pyodide_that_cannot_start_is_reported_in_the_page(pages, server, browser):
    from selenium.webdriver.support.ui import WebDriverWait

    lonely = pages / "lonely"  # pyio.js without Pyodide next to it
    lonely.mkdir()
    (lonely / "pyio.js").write_bytes((DIST / "pyio.js").read_bytes())
    (lonely / "page.html").write_text(
        '<script src="pyio.js"></script><script type="io">writeln(1)</script>',
        encoding="utf-8")
    browser.get(server + "/lonely/page.html")
    state = "return document.documentElement.dataset.pyio"
    WebDriverWait(browser, WAIT).until(lambda d: d.execute_script(state))
    assert browser.execute_script(state) == "error"
    (error,) = texts(browser, ".pyio-error")
    assert error.startswith("pyio could not start:")

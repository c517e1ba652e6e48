"""The IDE in headless Chromium, as a user uses it: typing and running code, console echo
and errors with line marks, Stop on infinite loops, stdin, the inspector, the examples,
share links and autosave. Every request must stay on the page's origin."""

from __future__ import annotations

import time

import pytest
from selenium.webdriver.common.keys import Keys

from idepage import IDE
from webtools import chrome

from ide import examples


def test_typing_and_running(ide):
    ide.type_code('writeln("typed ", 6 * 7)')
    assert "typed 42" in ide.run()
    ide.screenshot("ide.png")
    foreign = [r for r in ide.js("return performance.getEntriesByType('resource')"
                                 ".map(e => e.name)") if not r.startswith(ide.url)]
    assert not foreign


def test_ctrl_enter_runs(ide):
    ide.set_code('writeln("by keyboard")')
    ide.el(".cm-content").send_keys(Keys.CONTROL, Keys.ENTER)
    ide.wait(lambda: "by keyboard" in ide.console_text(), what="output")


def test_console_echo_and_shared_lobby(ide):
    ide.run("answer := 42")
    assert "==> 43" in ide.console_entry("answer + 1")


def test_error_in_red_with_line_mark(ide):
    text = ide.run("a := 1\nb := 2\nb frobnicate")
    assert "does not respond to 'frobnicate'" in text
    assert ide.js("return document.querySelectorAll('#console .error').length") == 1
    ide.wait(lambda: ide.js("return document.querySelector('[data-error-line]')"
                            "?.dataset.errorLine") == "3", what="error mark")
    assert ide.js("return document.querySelector('.cm-io-error').textContent") == "frobnicate"


def test_console_output_is_text_not_html(ide):
    ide.run('writeln("<img src=x onerror=window.hacked=1>")')
    assert ide.js("return document.querySelector('#console img')") is None
    assert "<img src=x" in ide.console_text()


@pytest.mark.parametrize("loop", ["loop(1)", "while(true, nil)"])
def test_stop_halts_infinite_loop_quickly(ide, loop):
    ide.set_code(loop)
    ide.click("#run")
    time.sleep(0.5)
    assert ide.running()
    # the page answers while the loop runs
    assert ide.js("return 1 + 1") == 2
    # Measured inside the page: the click is queued as a task behind the running slice,
    # as a user's click would be, and the time runs until the page shows "not running".
    elapsed = ide.b.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const t0 = performance.now();
        new MutationObserver((changes, observer) => {
            if (document.body.dataset.running === "false") {
                observer.disconnect();
                done(performance.now() - t0);
            }
        }).observe(document.body, {attributes: true});
        setTimeout(() => document.getElementById("stop").click(), 0);
    """)
    assert elapsed < 100
    assert "Stopped." in ide.console_text()
    assert "==> 3" in ide.console_entry("1 + 2")


def test_stdin_prompt_parks_program(ide):
    ide.set_code('writeln("name?")\nn := File standardInput readLine\nwriteln("hi ", n)')
    ide.click("#run")
    ide.wait(lambda: ide.js("return document.querySelector('.prompt.asking') !== null"),
             what="input prompt")
    box = ide.el("#console-input")
    box.send_keys("Zoë")
    box.send_keys(Keys.ENTER)
    ide.wait(lambda: "hi Zoë" in ide.console_text(), what="answer")


def wait_for_input_prompt(ide) -> None:
    ide.wait(lambda: ide.js("return document.querySelector('.prompt.asking') !== null"),
             what="input prompt")


def test_readline_asks_with_a_prompt_in_the_console(ide):
    ide.set_code('name := ReadLine readLine("Name? ")\nwriteln("hi ", name, "!")')
    ide.click("#run")
    wait_for_input_prompt(ide)
    assert ide.console_text().endswith("Name? ")
    assert ide.running()  # the program waits; the page does not
    assert ide.js("return 2 + 2") == 4
    ide.el("#console-input").send_keys("Zoë", Keys.ENTER)
    ide.wait(lambda: "hi Zoë!" in ide.console_text(), what="answer")
    ide.wait(lambda: not ide.running(), what="the end of the program")


def test_ctrl_d_answers_end_of_input(ide):
    ide.set_code('lines := File standardInput readLines\nwriteln(lines size, " lines")\n'
                 'ReadLine readLine("again? ") println')
    ide.click("#run")
    box = ide.el("#console-input")
    for line in ("one", "two"):
        wait_for_input_prompt(ide)
        box.send_keys(line, Keys.ENTER)
    wait_for_input_prompt(ide)
    box.send_keys(Keys.CONTROL, "d")
    ide.wait(lambda: "2 lines" in ide.console_text(), what="readLines to end")
    wait_for_input_prompt(ide)
    box.send_keys(Keys.CONTROL, "d")
    ide.wait(lambda: not ide.running(), what="the end of the program")
    text = ide.console_text()
    assert text.rindex("nil") > text.index("again? ")


def test_history_survives_reload(ide):
    ide.console_entry("1 + 1")
    ide.open(clear=False).wait_ready()
    ide.el("#console-input").send_keys(Keys.ARROW_UP)
    assert ide.el("#console-input").get_attribute("value") == "1 + 1"


def test_inspector_expands_object_and_proto_chain(ide):
    ide.run('Animal := Object clone do(legs := 4)\nDog := Animal clone do(name := "Rex")')
    tree = "#inspector"
    assert ide.js(f"return document.querySelector('{tree}').getAttribute('role')") == "tree"
    ide.click(f"{tree} [data-name='Dog'] > .row")
    ide.wait(lambda: ide.js(f"return document.querySelector(\"{tree} [data-name='Dog']\")"
                            ".getAttribute('aria-expanded')") == "true", what="expand")
    ide.click(f"{tree} [data-name='Dog'] [data-name='protos'] > .row")
    ide.click(f"{tree} [data-name='protos'] [data-name='Animal'] > .row")
    text = ide.el(tree).text
    assert '"Rex"' in text and "legs" in text


def test_inspector_shows_js_objects(ide):
    ide.run('person := jsfunction("return {name: \'Ada\', age: 36, pet: {kind: \'cat\'},'
            ' get loud() { return 1; }, big: new Array(20000).fill(0)}") call\n'
            'out := JS document getElementById("output")\n'
            'many := JS JSON parse("{\\"k0\\": 0, \\"k1\\": 1, \\"k2\\": 2}")')
    tree = "#inspector"

    def row(path: str) -> str:
        return " ".join(f"[data-name='{name}']" for name in path.split("/"))

    def value(path: str) -> str:
        return ide.js(f"return document.querySelector(\"{tree} {row(path)} > .row .value\")"
                      "?.textContent.trim() || ''")

    assert value("out") == "JSObject HTMLDivElement"
    assert value("person") == "JSObject Object"
    ide.click(f"{tree} {row('person')} > .row")
    ide.wait(lambda: value("person/name") == '"Ada"', what="JS properties")
    assert value("person/age") == "36"
    assert value("person/loud") == "getter"
    assert value("person/big") == "Array of 20000 items"
    assert value("person/pet") == "JSObject Object"
    ide.click(f"{tree} {row('person/pet')} > .row")
    ide.wait(lambda: value("person/pet/kind") == '"cat"', what="nested JS object")
    ide.click(f"{tree} {row('many')} > .row")
    ide.wait(lambda: value("many/k2") == "2", what="parsed object's keys")


@pytest.mark.parametrize("ex", examples.load(), ids=lambda e: e.key)
def test_gallery_example_runs(ide, ex):
    ide.js("const s = document.getElementById('examples'); s.value = arguments[0];"
           "s.dispatchEvent(new Event('change'))", ex.key)
    assert ide.code() == ex.code
    ide.click("#run")
    if "readLine" in ex.code:
        ide.wait(lambda: ide.js("return document.querySelector('.prompt.asking') !== null"))
        ide.el("#console-input").send_keys("Ada", Keys.ENTER)
    ide.wait(lambda: not ide.running(), 20, "the example to end")
    assert not ide.js("return document.querySelectorAll('#console .error').length"), \
        ide.console_text()
    assert ide.console_text().strip()


def test_share_link_round_trip_without_running(ide):
    code = 'writeln("shared ✓ ünïcødé 你好")\n'
    ide.set_code(code)
    ide.click("#share")
    ide.wait(lambda: "#code=" in ide.b.current_url, what="share url")
    url = ide.b.current_url
    ide.b.get(ide.url + "/favicon.ico")
    ide.js("localStorage.clear()")
    ide.b.get(url)
    ide.wait_ready()
    ide.wait(lambda: ide.code() == code, what="shared code")
    time.sleep(0.3)
    assert "shared" not in ide.console_text()  # loaded, not run


def test_autosave_across_reload(ide):
    ide.type_code("saved := 1")
    ide.open(clear=False)
    ide.wait(lambda: ide.js("return window.pyioEditor?.getCode()") == "saved := 1",
             what="restored code")


def test_reset_forgets_lobby(ide):
    ide.run("gone := 1")
    ide.click("#reset")
    assert "does not respond to 'gone'" in ide.console_entry("gone")


def test_aria_labels_and_roles(ide):
    for label in ("Run", "Stop", "Reset", "Share"):
        assert ide.js(f"return document.querySelector('[aria-label=\"{label}\"]') !== null")
    assert ide.el("#console").get_attribute("role") == "log"


def test_cold_load_time(site_url):
    """Reported, not enforced (the machine's load decides it): how long a page takes until
    Python is ready, in a browser of its own (a fresh profile: cold caches), and its steps
    (performance marks set by the page, see docs/ide.md "Load time")."""
    with chrome("--window-size=1280,800") as fresh:
        page = IDE(fresh, site_url).open(clear=False).wait_ready()
        ready = page.js("return pyioReadyAt")
        marks = dict(page.js("return performance.getEntriesByType('mark')"
                             ".map(m => [m.name, m.startTime])"))
    steps = ["py: Loading interpreter", "pyio: Python started from the snapshot",
             "pyio: pyio's files written", "py: Loaded interpreter",
             "pyio: Python runs the page's script", "pyio: IDE imported", "pyio: Lobby built"]
    print(f"\nIDE ready after {ready / 1000:.2f} s (cold, localhost): "
          + ", ".join(f"{name} {marks[name] / 1000:.2f}" for name in steps))
    assert [marks[name] for name in steps] == sorted(marks[name] for name in steps)
    assert marks["pyio: Lobby built"] <= ready < 30_000


def test_console_value_opens_in_inspector(ide):
    ide.console_entry("Object clone do(secret := 7)")
    ide.click("#inspector [data-name='(console)'] > .row")
    ide.wait(lambda: "secret" in ide.el("#inspector").text, what="console value slots")


def test_inspector_keyboard(ide):
    ide.run("Thing := Object clone do(size := 3)")
    item = ide.el("#inspector [data-name='Thing']")
    item.send_keys(Keys.ARROW_RIGHT)
    assert item.get_attribute("aria-expanded") == "true"
    item.send_keys(Keys.ARROW_LEFT)
    assert item.get_attribute("aria-expanded") == "false"


def test_stop_while_awaiting_promise_stays_stopped(ide):
    ide.set_code('p := JS get("Promise") new(block(res, rej, JS setTimeout(res, 600, "ok")))\n'
                 'p await\nwriteln("revived")')
    ide.click("#run")
    time.sleep(0.2)
    ide.click("#stop")
    time.sleep(1.0)
    assert "Stopped." in ide.console_text()
    assert "revived" not in ide.console_text()


def test_completion_offers_live_slots(ide):
    ide.run("Person := Object clone do(greet := method(1))")
    ide.type_code("Person gr")
    ide.el(".cm-content").send_keys(Keys.CONTROL, " ")
    ide.wait(lambda: ide.js("return document.querySelector('.cm-tooltip-autocomplete')"
                            "?.textContent || ''") == "greet", what="completion")


def test_theme_toggle_cycles(ide):
    assert ide.js("return document.documentElement.dataset.theme") == "auto"
    ide.click("#theme")
    assert ide.js("return document.documentElement.dataset.theme") == "light"
    ide.click("#theme")
    assert ide.js("return document.documentElement.dataset.theme") == "dark"

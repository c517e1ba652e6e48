"""Stop, Run and Reset clean up what a program set up in the page (issue 7): after Stop a
button it wired does nothing, a new Run replaces the old program's handlers, Reset releases
the old interpreter entirely. Also the output cap, and the IDE's other reliability
promises: printed HTML is text everywhere, and the editor is saved before each Run."""

from __future__ import annotations

import time

from bridge.host import MAX_OUTPUT

BUTTON = """b := DOM createElement("button") setId("wired") setTextContent("wired")
DOM getElementById("output") appendChild(b)
"""


def click_button(ide) -> None:
    ide.js("document.getElementById('wired').click()")


def test_stop_silences_a_running_programs_handlers(ide):
    ide.set_code(BUTTON + 'b on("click", block(writeln("clicked")))\n'
                 'b addEventListener("click", block(writeln("raw click")))\n'
                 'JS setInterval(block(writeln("tick")), 50)\n'
                 'writeln("ready")\nwait(60)')
    ide.click("#run")
    ide.wait(lambda: "tick" in ide.console_text(), what="the program to start")
    click_button(ide)
    ide.wait(lambda: "raw click" in ide.console_text(), what="the handlers' output")
    assert "clicked" in ide.console_text()
    assert ide.running()
    ide.click("#stop")
    ide.wait(lambda: not ide.running(), what="Stop")
    before = ide.console_text()
    click_button(ide)
    time.sleep(0.4)  # several interval periods
    assert ide.console_text() == before  # no click output, no tick
    assert "==> 3" in ide.console_entry("1 + 2")  # the Lobby is still there


def test_stop_ends_a_program_that_only_reacts(ide):
    """The program's code has ended, but its handler and JS timer go on: Stop is enabled
    and ends them."""
    ide.run(BUTTON + 'b on("click", block(writeln("clicked")))\n'
            'JS setInterval(block(writeln("tick")), 50)')
    ide.wait(lambda: "tick" in ide.console_text(), what="the timer")
    assert not ide.running()
    assert ide.js("return document.getElementById('stop').disabled") is False
    ide.click("#stop")
    ide.wait(lambda: "Stopped." in ide.console_text(), what="Stop")
    before = ide.console_text()
    click_button(ide)
    time.sleep(0.4)
    assert ide.console_text() == before
    assert ide.js("return document.getElementById('stop').disabled") is True


def test_stop_ends_an_endless_event_handler(ide):
    ide.run(BUTTON + 'b on("click", block(writeln("spinning"); loop(nil)))')
    click_button(ide)  # returns: the handler goes on in slices
    ide.wait(lambda: "spinning" in ide.console_text(), what="the handler")
    assert ide.running()
    ide.click("#stop")
    ide.wait(lambda: not ide.running(), what="Stop")
    assert "==> 2" in ide.console_entry("1 + 1")


def test_run_again_replaces_the_old_handlers(ide):
    ide.run(BUTTON + 'b on("click", block(writeln("first program")))\n'
            'b addEventListener("click", block(writeln("first program, raw")))')
    click_button(ide)
    ide.wait(lambda: "first program, raw" in ide.console_text(), what="the first handlers")
    ide.run('DOM getElementById("wired") on("click", block(writeln("second program")))')
    before = len(ide.console_text())
    click_button(ide)
    ide.wait(lambda: "second program" in ide.console_text()[before:], what="the new handler")
    time.sleep(0.2)
    assert "first program" not in ide.console_text()[before:]


def test_reset_releases_the_old_interpreter(ide):
    ide.run(BUTTON + 'b on("click", block(writeln("old world")))\n'
            'b addEventListener("click", block(writeln("old world, raw")))')
    ide.js("window.__oldBridge = pyioApp.session.bridge;"
           "window.__oldButton = document.getElementById('wired')")
    assert ide.js("return __oldBridge.listeners.length") == 1
    ide.click("#reset")
    ide.wait(lambda: "Fresh Lobby." in ide.console_text(), what="Reset")
    # Reset empties the output pane; the old button, put back and clicked, does nothing
    assert ide.js("return document.getElementById('wired')") is None
    before = ide.console_text()
    ide.js("document.getElementById('output').appendChild(__oldButton); __oldButton.click()")
    time.sleep(0.3)
    assert ide.console_text() == before
    assert ide.js("return __oldBridge.closed") is True
    assert ide.js("return __oldBridge.listeners.length + __oldBridge.refs.length") == 0
    # the old interpreter's one Python proxy was destroyed
    message = ide.js("try { __oldBridge.dispatch_proxy('pump'); return 'alive'; }"
                     " catch (e) { return e.message; }")
    assert "destroyed" in message
    assert "==> 2" in ide.console_entry("1 + 1")


def test_handler_error_is_reported_in_the_console(ide):
    ide.run(BUTTON + 'clicks := 0\n'
            'b on("click", block(clicks = clicks + 1; list at("x")))')
    errors = "return [...document.querySelectorAll('#console .error')].map(e => e.textContent)"
    for n in (1, 2):  # the handler keeps running: each click reports its error
        click_button(ide)
        ide.wait(lambda: len(ide.js(errors)) == n, what=f"error report {n}")
    report = ide.js(errors)[-1]
    assert "argument 0 to method 'at' must be a Number, not a 'Sequence'" in report
    assert "Editor 4" in report
    assert "==> 2" in ide.console_entry("clicks")


def test_output_cap_ends_a_runaway_print_loop(ide):
    assert f"==> {MAX_OUTPUT}" in ide.console_entry("System maxOutputSize")
    text = ide.run('s := "x" repeated(10000)\nloop(s print)', timeout=60)
    assert (f"Exception: Output limit reached: more than {MAX_OUTPUT} characters written "
            "in one run (System setMaxOutputSize changes the limit)") in text
    assert text.count("x") < MAX_OUTPUT + 100  # what fit, then the report
    assert ide.js("return document.querySelectorAll('#console .error').length") == 1
    assert "==> 2" in ide.console_entry("1 + 1")


def test_html_is_text_in_errors_echoes_and_handlers(ide):
    tag = "<img src=x onerror=window.hacked=1>"
    ide.run(BUTTON + f'b on("click", block(Exception raise("{tag}")))\n'
            f'Exception raise("{tag}")')
    ide.console_entry(f'"<b>{tag}</b>"')
    click_button(ide)
    ide.wait(lambda: ide.console_text().count(tag) >= 4, what="the handler's error")
    assert ide.js("return document.querySelectorAll('#console img, #console b').length") == 0
    assert ide.js("return window.hacked") is None


def test_editor_saved_before_each_run_and_kept_through_reload(ide):
    code = 'writeln("saved before run")\nloop(nil)'
    ide.set_code(code)
    ide.js("localStorage.removeItem('pyio.buffer')")  # as if the last autosave was lost
    ide.click("#run")
    assert ide.js("return localStorage.getItem('pyio.buffer')") == code
    # the page goes away while the program runs (a reload, a crashed tab): nothing is lost
    ide.wait(lambda: ide.running(), what="the run")
    ide.open(clear=False).wait_ready()
    assert ide.code() == code
    assert "saved before run" not in ide.console_text()  # and it is not run again by itself

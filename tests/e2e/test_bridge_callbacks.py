"""Blocks handed to JavaScript directly (issue 6: the IDE never freezes): an endless block
given to setTimeout, addEventListener or a JS Array's map leaves the page live; it goes on in
slices, Stop ends it, and an error it raises late is reported in the console."""

from __future__ import annotations

BUTTON = """b := DOM createElement("button") setId("wired") setTextContent("wired")
DOM getElementById("output") appendChild(b)
"""


def start(ide, code: str) -> None:
    """Run code whose blocks go on after it ends (so the IDE stays busy: no waiting for
    the run to end)."""
    ide.set_code(code)
    ide.click("#run")


def stop_and_check(ide) -> None:
    assert ide.running()
    ide.click("#stop")
    ide.wait(lambda: not ide.running(), what="Stop")
    assert "==> 2" in ide.console_entry("1 + 1")


def test_endless_timer_callback(ide):
    start(ide, 'JS setTimeout(block(writeln("spinning"); loop(nil)), 10)')
    ide.wait(lambda: "spinning" in ide.console_text(), what="the timer's block")
    stop_and_check(ide)


def test_endless_raw_listener(ide):
    ide.run(BUTTON + 'b addEventListener("click", block(e, writeln("clicked"); loop(nil)))')
    # the click returns (a frozen page would not answer this script)
    assert ide.js("document.getElementById('wired').click(); return 'returned'") == "returned"
    ide.wait(lambda: "clicked" in ide.console_text(), what="the listener")
    stop_and_check(ide)


def test_endless_array_map_block(ide):
    start(ide, 'r := jsfunction("return [1, 2].map(arguments[0])") call(block(x, '
          'if(x == 2, loop(nil)); x * 10))\nwriteln(r at(0), " ", r at(1) type)')
    # a block that ends gives map its value; the endless one a Promise (a Future in Io)
    ide.wait(lambda: "10 Future" in ide.console_text(), what="the map")
    stop_and_check(ide)


def test_late_error_of_a_listener_is_reported(ide):
    ide.run(BUTTON + "go := false\n"
            'b addEventListener("click", block(while(go not, yield); Exception raise("late")))')
    ide.js("document.getElementById('wired').click()")
    ide.wait(lambda: ide.running(), what="the listener going on")
    ide.console_entry("go = true")
    errors = "return [...document.querySelectorAll('#console .error')].map(e => e.textContent)"
    ide.wait(lambda: any("Exception: late" in e for e in ide.js(errors)), what="the report")
    ide.wait(lambda: not ide.running(), what="the listener to end")
    assert "==> 2" in ide.console_entry("1 + 1")

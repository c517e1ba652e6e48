"""The pyio pytest plugin's ``pyodide_io`` fixture and bridge.embed.Session inside
Pyodide (node and Chromium): one Lobby across runs, error reports, the bridge present."""

import pytest


def test_pyodide_io_keeps_the_lobby_and_reports_errors(pyodide_io):
    assert pyodide_io.run("Counter := Object clone do(n := 0; up := method(n = n + 1))") == ""
    assert pyodide_io.run("3 repeat(Counter up); Counter n println") == "3\n"
    report = pyodide_io.error("writeln(\"before\"); Counter nothing", "counter.io")
    assert "Counter does not respond to 'nothing'" in report and "counter.io" in report


def test_pyodide_io_waits_for_timers_and_promises(pyodide_io):
    code = 'p := JS get("Promise") resolve("later"); wait(0.05); writeln(p await, " ", p state)'
    assert pyodide_io.run(code) == "later resolved\n"
    assert pyodide_io.run('wait(0.02); writeln("after wait")') == "after wait\n"


def test_pyodide_io_has_the_dom_in_a_page(pyodide_io):
    if pyodide_io.selenium.browser == "node":
        pytest.skip("needs a browser page (DOM)")
    code = ('p := DOM createElement("p") setId("from-io") setTextContent("hi"); '
            'DOM body appendChild(p); DOM getElementById("from-io") textContent println')
    assert pyodide_io.run(code) == "hi\n"

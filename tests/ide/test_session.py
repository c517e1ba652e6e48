"""The IDE's session model on CPython: runs, REPL echo, errors and their marks, Stop,
input parking, Reset, examples, completion, inspector rows and console history."""

from __future__ import annotations

import pytest

from ide import examples
from ide.completion import complete
from ide.console import History
from ide.inspector import Node, children, lobby_nodes
from ide.session import Session


@pytest.fixture
def session():
    out: list[tuple[str, str]] = []
    s = Session(lambda kind, text: out.append((kind, text)))
    s.out = out
    return s


def drain(s: Session, limit: int = 10_000) -> str:
    for _ in range(limit):
        if s.step() is None:
            break
    return "".join(t for k, t in s.out if k == "out")


def kinds(s: Session, kind: str) -> list[str]:
    return [t for k, t in s.out if k == kind]


def test_run_prints(session):
    session.run('writeln(1 + 2)\n"hi" println')
    assert drain(session) == "3\nhi\n"
    assert not session.busy


def test_lobby_is_shared_between_runs_and_console(session):
    session.run("x := 40")
    drain(session)
    session.repl("x + 2")
    drain(session)
    assert kinds(session, "echo") == ["==> 42"]


def test_repl_echo_rules(session):
    for line in ("writeln(5)", "nil", '"a" .. "b"'):
        session.repl(line)
        drain(session)
    assert kinds(session, "echo") == ['==> ab']


def test_runtime_error_is_reported_and_marked(session):
    session.run("a := 1\n\na   bar")
    drain(session)
    (report,) = kinds(session, "error")
    assert "Number does not respond to 'bar'" in report
    assert "Editor 3" in report
    (mark,) = session.errors
    assert (mark.line, mark.column) == (3, 5)


def test_error_inside_method_marks_its_line(session):
    session.run("f := method(\n  nope\n)\nf")
    drain(session)
    assert session.errors[0].line == 2


def test_syntax_error_marks_position(session):
    session.run("x := (1 +")
    drain(session)
    assert "unmatched" in kinds(session, "error")[0]
    assert session.errors[0].line == 1


def test_stop_halts_infinite_loop(session):
    session.run("loop(1)")
    assert session.step(0.01) == 0.0
    assert session.busy
    session.stop()
    assert not session.busy
    assert kinds(session, "note") == ["Stopped."]
    session.repl("1 + 1")
    drain(session)
    assert kinds(session, "echo") == ["==> 2"]


def test_stop_clears_timers(session):
    session.run("loop(System sleep(0.01))")
    session.step()
    session.stop()
    assert session.step() is None


def test_readline_parks_until_input(session):
    asked = []
    session.on_input_request = asked.append
    session.run('n := File standardInput readLine\nwriteln("got ", n)')
    assert drain(session) == ""
    assert session.waiting_for_input and asked
    assert session.provide_input("héllo ✓")
    assert drain(session) == "got héllo ✓\n"
    assert not session.busy


def test_reset_gives_fresh_lobby(session):
    session.run("thing := 1")
    drain(session)
    session.reset()
    session.repl("thing")
    drain(session)
    assert "does not respond to 'thing'" in kinds(session, "error")[0]


def test_internal_output_never_html_escaped_or_changed(session):
    session.run('writeln("<img src=x onerror=alert(1)>")')
    assert drain(session) == "<img src=x onerror=alert(1)>\n"


CPYTHON_EXAMPLES = [e for e in examples.load() if "DOM " not in e.code and "JS " not in e.code]


@pytest.mark.parametrize("ex", CPYTHON_EXAMPLES, ids=lambda e: e.key)
def test_every_example_runs_without_error(session, ex):
    """The examples that need no browser (tests/e2e runs them all in Chromium)."""
    asked: list[str] = []
    session.on_input_request = asked.append  # the program parks right after asking
    session.run(ex.code)
    text = drain(session)
    answered = False
    while asked:
        asked.clear()
        assert session.provide_input("Ada")
        answered = True
        text = drain(session)
    assert not kinds(session, "error"), kinds(session, "error")
    assert text.strip()
    if answered:  # the answer reached the program
        assert "Ada" in text


def test_gallery_size():
    assert len(examples.load()) >= 12 and len(CPYTHON_EXAMPLES) >= 9


def test_completion_uses_live_objects(session):
    session.run("Person := Object clone do(greet := method(1))")
    drain(session)
    assert complete(session.interp, "x := Person gr") == ["greet"]
    assert "Person" in complete(session.interp, "Pers")
    assert "append" in complete(session.interp, "List app")


def test_inspector_shows_user_slots_and_proto_chain(session):
    session.run("Animal := Object clone do(legs := 4)\nDog := Animal clone do(name := \"Rex\")")
    drain(session)
    top = {n.name: n for n in lobby_nodes(session.interp, session.baseline)}
    assert set(top) == {"Animal", "Dog"}
    rows = children(session.interp, top["Dog"])
    assert [r.name for r in rows[:2]] == ["name", "type"]
    assert rows[0].summary == '"Rex"'
    chain_row = rows[-1]
    assert chain_row.name == "protos" and chain_row.summary.startswith("Animal")
    protos = children(session.interp, chain_row)
    assert protos[0].name == "Animal"
    assert "legs" in [r.name for r in children(session.interp, protos[0])]


def test_inspector_node_summary_for_lists(session):
    session.run("xs := list(1, 2, 3)")
    drain(session)
    (node,) = lobby_nodes(session.interp, session.baseline)
    assert node.summary == "list of 3 items"
    assert [r.summary for r in children(session.interp, Node("xs", "", node.value))][:3] == \
        ["1", "2", "3"]


def test_history_navigation_keeps_draft():
    h = History(["a", "b"])
    assert h.previous("draft") == "b"
    assert h.previous("b") == "a"
    assert h.previous("a") is None
    assert h.next() == "b"
    assert h.next() == "draft"
    h.add("c")
    assert History.loads(h.dumps()).items == ["a", "b", "c"]
    assert History.loads("not json").items == []


def test_console_value_can_be_opened_in_inspector(session):
    session.repl("Object clone do(secret := 7)")
    drain(session)
    nodes = lobby_nodes(session.interp, session.baseline, session.last_value)
    assert nodes[-1].name == "(console)"
    assert "secret" in [r.name for r in children(session.interp, nodes[-1])]


def test_wake_after_stop_does_not_revive_program(session):
    session.run('n := File standardInput readLine\nwriteln("revived")')
    drain(session)
    parked = session.reader
    session.stop()
    session.interp.wake(parked, "late")  # as a JS Promise settling after Stop would
    assert drain(session) == ""
    session.repl("1 + 1")
    drain(session)
    assert kinds(session, "echo") == ["==> 2"]

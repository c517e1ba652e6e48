"""bridge.embed.Session on CPython (no bridge): the same output cap as in a page."""

import asyncio

from bridge.embed import Session
from bridge.host import MAX_OUTPUT


def test_runaway_print_loop_ends_at_the_output_cap():
    out: list[str] = []
    session = Session(out.append)
    report = asyncio.run(session.run('s := "x" repeated(10000); loop(s print)', "runaway.io"))
    assert report.startswith(f"\n  Exception: Output limit reached: more than {MAX_OUTPUT} "
                             "characters written in one run (System setMaxOutputSize "
                             "changes the limit)\n")
    assert "runaway.io" in report
    assert sum(len(t) for t in out) == MAX_OUTPUT  # what fit, nothing more
    out.clear()
    assert asyncio.run(session.run('writeln("next script")')) is None
    assert out == ["next script\n"]


def test_the_cap_can_be_lifted_by_the_host():
    out: list[str] = []
    session = Session(out.append, max_output=None)
    assert asyncio.run(session.run(f'"x" repeated({MAX_OUTPUT + 1}) print')) is None
    assert sum(len(t) for t in out) == MAX_OUTPUT + 1

"""Coroutines, the Scheduler, wait and timers, actors and futures, become, callcc and
EvalFrame, as an Io program sees them (orderings checked against upstream Io), plus the
host's view: slices, interrupts and waiting."""

from __future__ import annotations

import time

import pytest

from pyio_core import CaptureHost, Interpreter, IoUncaught
from iotest import out
from pyio_core.errors import IoInterrupt
from pyio_core.state import DONE, MORE, WAITING


def uncaught(code: str) -> str:
    with pytest.raises(IoUncaught) as info:
        Interpreter(host=CaptureHost()).do_string(code, "t.io")
    return info.value.report


# -- Coroutine ------------------------------------------------------------------------------
def test_run_answers_the_result_and_finishes():
    code = """
    c := Coroutine clone
    c isFinished println
    c setRunTarget(Lobby) setRunLocals(Lobby) setRunMessage(message("running" println; 7))
    c run println
    c isFinished println
    c result println
    (c parentCoroutine == Coroutine currentCoroutine) println
    """
    assert out(code) == "false\nrunning\n7\ntrue\n7\ntrue\n"


def test_run_again_restarts():
    assert out('c := coroFor("go" println; 1); c run; c run println') == "go\ngo\n1\n"


def test_current_coroutine():
    code = """
    Coroutine currentCoroutine type println
    Coroutine currentCoroutine isCurrent println
    (Scheduler currentCoroutine == currentCoro) println
    c := coroFor(Coroutine currentCoroutine)
    (c run == c) println
    c isCurrent println
    """
    assert out(code) == "Coroutine\ntrue\ntrue\ntrue\nfalse\n"


def test_coroutine_without_a_message_does_nothing():
    assert out('k := Coroutine clone; k resume; k run println; k isFinished println') == \
        "nil\nfalse\n"


def test_yield_round_robin():
    code = """
    s := Sequence clone
    a := coroFor(s appendSeq("a1."); yield; s appendSeq("a2."); yield; s appendSeq("a3."))
    b := coroFor(s appendSeq("b1."); yield; s appendSeq("b2."))
    Scheduler yieldingCoros append(a) append(b)
    yield
    s println
    yield; yield; yield; yield
    s println
    list(a isFinished, b isFinished) println
    """
    assert out(code) == "a1.b1.\na1.b1.a2.b2.a3.\nlist(true, true)\n"


def test_yield_with_nothing_queued_returns_at_once():
    assert out("yield; pause := nil; 1 println") == "1\n"


def test_coro_do_and_do_later():
    code = """
    s := Sequence clone
    coroDoLater(s appendSeq("later."))
    s println
    yield
    s println
    coroDo(s appendSeq("do1."); yield; s appendSeq("do2."))
    s println
    yield
    s println
    yield
    s println
    """
    # as upstream: the first yield goes back to the coroutine coroDo queued (main itself)
    assert out(code) == "\nlater.\nlater.do1.\nlater.do1.\nlater.do1.do2.\n"


def test_coro_with_runs_on_the_receiver():
    assert out('o := Object clone do(v := 5); o coroWith(v + 1) run println') == "6\n"


def test_resume_later_goes_first():
    code = """
    s := Sequence clone
    a := coroFor(s appendSeq("a"))
    b := coroFor(s appendSeq("b"))
    Scheduler yieldingCoros append(a)
    b resumeLater
    yield; yield
    s println
    """
    assert out(code) == "ba\n"


def test_resume_switches_and_a_finished_child_returns_to_its_parent():
    code = """
    s := Sequence clone
    c := coroFor(s appendSeq("c."))
    c resume
    s appendSeq("main.")
    s println
    """
    assert out(code) == "c.main.\n"


def test_pause_and_resume_by_hand():
    code = """
    s := Sequence clone
    main := Coroutine currentCoroutine
    c := coroFor(s appendSeq("c1."); main resume; s appendSeq("c2."))
    c resume
    s appendSeq("m.")
    c resume
    s println
    """
    assert out(code) == "c1.m.c2.\n"


def test_pause_with_nothing_left_is_an_error():
    assert "Scheduler: nothing left to resume so we are exiting" in uncaught("pause")


def test_uncaught_exception_in_a_child_coroutine_is_kept_quietly():
    code = """
    c := coroFor(Exception raise("in child"); "not here" println)
    c run println
    "after" println
    c exception error println
    c isFinished println
    """
    assert out(code) == "nil\nafter\nin child\ntrue\n"


def test_recent_in_chain():
    code = """
    c := coroFor(yield)
    Scheduler yieldingCoros append(c)
    yield
    (c recentInChain == c) println
    """
    assert out(code) == "true\n"


def test_recent_in_chain_marks_the_parents_too():
    # checked against upstream: a switch marks the resumed coroutine and its parents
    code = """
    main := Coroutine currentCoroutine
    c := coroFor(yield; (main recentInChain == c) println; yield)
    Scheduler yieldingCoros append(c)
    yield
    list(main recentInChain == main, c recentInChain == c, c parentCoroutine == main) println
    yield
    (main recentInChain == main) println
    """
    assert out(code) == "list(true, true, true)\ntrue\ntrue\n"


def test_many_coroutine_switches():
    code = """
    n := 0
    c := coroFor(loop(n = n + 1; yield))
    Scheduler yieldingCoros append(c)
    for(i, 1, 50000, yield)
    n println
    """
    assert out(code) == "50000\n"  # 100,000 switches


# -- actors and futures ----------------------------------------------------------------------
def test_actor_messages_interleave_with_yield():
    code = """
    A := Object clone
    A s := Sequence clone
    A test := method(a, for(i, 1, 2, s appendSeq(a, i asString, "."); yield))
    A clone @@test("a")
    yield
    A clone @@test("b")
    yield; yield; yield; yield
    A s println
    """
    assert out(code) == "a1.b1.a2.b2.\n"


def test_actor_pause_and_resume_later():
    # upstream's CoroTest
    code = """
    o := Object clone
    o s := Sequence clone
    o l := method(
        j := 1
        loop(
            s appendSeq("a", j asString, ".")
            if(j % 2 == 0, pause)
            j = j + 1
        )
    )
    o @@l
    for(i, 1, 4,
        yield
        o s appendSeq("b", i asString, ".")
        if(i == 2, o actorCoroutine recentInChain resumeLater)
    )
    o s println
    """
    assert out(code) == "a1.a2.b1.b2.a3.a4.b3.b4.\n"


def test_future_waits_when_used():
    code = """
    o := Object clone
    o double := method(v, "working" println; v * 2)
    f := o @double(21)
    "sent" println
    f println
    (f + 1) println
    (f == 42) println
    f type println
    """
    assert out(code) == "sent\nworking\n42\n43\ntrue\nNumber\n"


def test_future_send_and_async_send_names():
    code = """
    o := Object clone
    o v := method(7)
    (o futureSend(v) + 0) println
    o asyncSend(v) println
    o @@v println
    """
    # `o @@v println` is `o @@(v println)`: the operator takes the rest of the chain
    assert out(code) == "7\nnil\n"


def test_future_arguments_are_evaluated_at_send_time():
    code = """
    o := Object clone
    o echo := method(x, x)
    x := 1
    f := o @echo(x)
    x = 2
    f println
    """
    assert out(code) == "1\n"


def test_future_becomes_an_object_result():
    code = """
    o := Object clone
    o make := method(Object clone do(name := "made"))
    f := o @make
    f name println
    f type println
    f hasLocalSlot("name") println
    """
    assert out(code) == "made\nObject\ntrue\n"


def test_actor_exception_is_shown_and_the_actor_goes_on():
    code = """
    o := Object clone
    o bad := method(Exception raise("inside"))
    o good := method(5)
    o @@bad
    f := o @good
    f println
    """
    text = out(code)
    assert text.startswith("\n  Exception: inside\n  ---------\n")
    assert text.endswith("5\n")


def test_actor_messages_that_break_continue_or_raise_end_only_themselves():
    # output taken from the reference Io binary
    code = """
    o := Object clone
    o v := method(x, ("v " .. x) println; x)
    o @@break
    o @@v(1)
    o @@continue
    o @@v(2)
    yield; yield; yield; yield
    o actorQueue size println
    o actorCoroutine type println
    o foo := method(Error raise("bad"))
    o handleActorException := method(e, ("handled " .. e error) println)
    o @@foo
    o @@v(3)
    yield; yield; yield
    o actorQueue size println
    f := o @v(4)
    (f + 1) println
    """
    assert out(code) == ("v 1\nv 2\n0\nCoroutine\nhandled Error does not respond to 'raise'\n"
                         "v 3\n0\nv 4\n5\n")


def test_actor_run_resume_later_and_pause_answer_the_queue():
    # as upstream, whose versions end by editing `yieldingCoros` (reference Io's output)
    code = """
    c := Coroutine clone
    (c resumeLater == Scheduler yieldingCoros) println
    (c pause == Scheduler yieldingCoros) println
    o := Object clone
    (o actorRun == Scheduler yieldingCoros) println
    o actorQueue append(1)
    o actorRun println
    o actorQueue removeFirst
    (o actorRun == Scheduler yieldingCoros) println
    Scheduler yieldingCoros size println
    """
    assert out(code) == "true\ntrue\ntrue\nfalse\ntrue\n1\n"


def test_actor_on_a_number_is_an_error():
    assert "setSlot is not supported on a Number" in uncaught("3 @@println")


def test_a_result_wakes_every_coroutine_waiting_on_the_future():
    # order and output taken from the reference Io binary
    code = """
    o := Object clone
    o slow := method(yield; yield; "computed" println; 42)
    f := o @slow
    c1 := coroFor(("c1 got " .. (f + 0)) println)
    c2 := coroFor(("c2 got " .. (f + 1)) println)
    Scheduler yieldingCoros append(c1) append(c2)
    (f + 2) println
    yield; yield; yield
    list(Future type, Future proto type, Future hasLocalSlot("setResult")) println
    """
    assert out(code) == ('computed\nc2 got 43\nc1 got 42\n44\n'
                         'list("Future", "Object", true)\n')


def test_waiting_on_a_future_that_never_resolves():
    code = """
    o := Object clone
    o bad := method(Exception raise("inside"))
    f := o @bad
    f println
    """
    assert "Scheduler: nothing left to resume so we are exiting" in uncaught(code)


def test_handle_actor_exception_can_be_overridden():
    code = """
    o := Object clone
    o handleActorException := method(e, ("handled " .. e error) println)
    o bad := method(Exception raise("oops"))
    o @@bad
    yield
    """
    assert out(code) == "handled oops\n"


# -- become ----------------------------------------------------------------------------------
def test_become_shares_slots_and_protos():
    code = """
    a := Object clone
    b := Object clone do(x := 1)
    a become(b)
    a x println
    b y := 2
    a y println
    """
    assert out(code) == "1\n2\n"


def test_become_a_number_forwards():
    assert out("a := Object clone; a become(41); (a + 1) println") == "42\n"


def test_primitives_cannot_become():
    assert out('try(list() become(1)) error println') == \
        "Io Assertion 'Primitives cannot become new values'\n"


# -- wait and timers -------------------------------------------------------------------------
def test_wait_sleeps_at_least_the_time():
    code = """
    t := Date clone now asNumber
    wait(0.05)
    (Date clone now asNumber - t >= 0.04) println
    Scheduler timers isEmpty println
    """
    assert out(code) == "true\ntrue\n"


def test_waits_run_concurrently():
    start = time.monotonic()
    code = """
    s := Sequence clone
    coroDo(wait(0.12); s appendSeq("slow."))
    coroDo(wait(0.04); s appendSeq("fast."))
    wait(0.2)
    s println
    Scheduler timers isEmpty println
    """
    assert out(code) == "fast.slow.\ntrue\n"
    assert time.monotonic() - start < 0.33 + 1.0  # not the 0.36 s sum plus start-up


def test_timer_wakes_a_coroutine_while_others_yield():
    code = """
    s := Sequence clone
    coroDo(wait(0.05); s appendSeq("timer."))
    deadline := Date clone now asNumber + 1
    while(s size == 0 and(Date clone now asNumber < deadline), yield)
    s appendSeq("main.")
    s println
    """
    assert out(code) == "timer.main.\n"


def test_coroutine_finishing_after_its_starter():
    code = """
    s := Sequence clone
    c1 := coroFor(wait(0.03); s appendSeq("c1."))
    c2 := coroFor(wait(0.08); s appendSeq("c2."))
    Scheduler yieldingCoros append(c1) append(c2)
    wait(0.15)
    s println
    Scheduler timers isEmpty println
    """
    assert out(code) == "c1.c2.\ntrue\n"


def test_actor_can_wait():
    code = """
    o := Object clone
    o s := Sequence clone
    o job := method(wait(0.03); s appendSeq("done."); s)
    f := o @job
    f asString println
    """
    assert out(code) == "done.\n"


def test_scheduler_timers_lists_pending_wakeups():
    code = """
    c := coroFor(wait(0.05))
    Scheduler yieldingCoros append(c)
    yield
    t := Scheduler timers
    t size println
    (t first at(1) == c) println
    (t first at(0) > Date clone now asNumber) println
    Scheduler removeTimerFor(c)
    Scheduler timers size println
    """
    assert out(code) == "1\ntrue\ntrue\n0\n"


def test_wait_for_coros_to_complete():
    code = """
    s := Sequence clone
    coroDoLater(wait(0.02); s appendSeq("a."))
    coroDoLater(s appendSeq("b."))
    Scheduler waitForCorosToComplete
    s println
    """
    assert out(code) == "b.a.\n"


def test_zero_wait_yields():
    code = """
    s := Sequence clone
    coroDoLater(s appendSeq("other."))
    wait(0)
    s println
    """
    assert out(code) == "other.\n"


# -- the host's view -------------------------------------------------------------------------
def test_slices_report_waiting_while_only_timers_are_pending():
    h = CaptureHost()
    it = Interpreter(host=h)
    co = it.start('wait(0.05); "woke" println')
    assert it.run_slice() == WAITING
    assert not co.finished
    assert it.next_timer() is not None
    time.sleep(0.06)
    assert it.run_slice() in (MORE, DONE)
    assert co.finished and h.output == "woke\n"


def test_interrupt_stops_an_infinite_loop_in_a_coroutine():
    it = Interpreter(host=CaptureHost())
    it.start("c := coroFor(loop(nil)); c run")
    assert it.run_slice(max_steps=5) == MORE
    it.interrupt()
    with pytest.raises(IoInterrupt):
        it.run_slice(max_steps=5)
    assert it.coro is None and not it.ready
    assert it.do_string("1 + 1") == 2.0


def test_interrupt_stops_coroutines_that_keep_yielding():
    it = Interpreter(host=CaptureHost())
    it.start("c := coroFor(loop(yield)); Scheduler yieldingCoros append(c); loop(yield)")
    assert it.run_slice(max_steps=5) == MORE
    it.interrupt()
    with pytest.raises(IoInterrupt):
        it.run_slice()
    assert it.do_string("Scheduler yieldingCoros size") == 0.0


# -- callcc ----------------------------------------------------------------------------------
def test_callcc_returns_the_blocks_value():
    assert out('callcc(block(k, "normal")) println') == "normal\n"


def test_callcc_escape():
    code = """
    r := callcc(block(k, k invoke("early"); "late" println))
    r println
    """
    assert out(code) == "early\n"


def test_callcc_escape_from_loops_tries_and_methods():
    code = """
    find := method(items, target,
        callcc(block(k,
            items foreach(i, x, try(if(x == target, k invoke(i))))
            nil
        ))
    )
    find(list(5, 6, 7), 7) println
    find(list(5, 6, 7), 9) println
    """
    assert out(code) == "2\nnil\n"


def test_callcc_escape_from_deep_recursion():
    code = """
    deep := method(n, k, if(n == 0, k invoke("bottom"), deep(n - 1, k)))
    callcc(block(k, deep(500, k))) println
    """
    assert out(code) == "bottom\n"


def test_nested_callcc_escapes_to_its_own():
    code = """
    r := callcc(block(outer,
        inner := callcc(block(k, outer invoke("outer"); "x"))
        "not reached" println
    ))
    r println
    callcc(block(outer, callcc(block(k, k invoke(1))) + 1)) println
    """
    assert out(code) == "outer\n2\n"


def test_continuation_state_and_copy():
    code = """
    saved := nil
    r := callcc(block(k, saved = k; k isActive println; k copy invoke(3)))
    r println
    saved isInvoked println
    saved isActive println
    """
    assert out(code) == "true\n3\nfalse\nfalse\n"


def test_invoking_a_dead_continuation_is_an_error():
    code = """
    saved := nil
    callcc(block(k, saved = k; 1))
    e := try(saved invoke(2))
    e error println
    """
    assert out(code) == ("Continuation invoke: its callcc has already returned (pyio "
                         "continuations are escape-only: they work while callcc is running)\n")


def test_continuation_from_another_coroutine_is_an_error():
    code = """
    callcc(block(k,
        c := coroFor(try(k invoke(1)) error println)
        c run
        "back" println
    ))
    """
    assert out(code) == ("Continuation invoke: called from another coroutine than its "
                         "callcc\nback\n")


def test_callcc_needs_a_block():
    assert out("try(callcc(3)) error println") == "callcc requires a block argument\n"


# -- EvalFrame -------------------------------------------------------------------------------
def test_current_frame_chain():
    code = """
    f := method(
        fr := Coroutine currentCoroutine currentFrame
        list(fr depth, fr state, fr message name, fr parent call type,
             fr parent parent parent) println
        call
    )
    f
    """
    assert out(code) == 'list(3, "evalMessage", "currentFrame", "Call", nil)\n'


def test_frame_description():
    code = """
    Coroutine currentCoroutine currentFrame description println
    """
    h = CaptureHost()
    Interpreter(host=h).do_string(code, "f.io")
    assert h.output == "currentFrame f.io:2 [evalMessage]\n"


def test_pause_returns_when_its_own_timer_is_already_due():
    assert out('Scheduler addTimer(-1, Coroutine currentCoroutine); pause; "ok" println') == \
        "ok\n"


def test_queued_coroutines_run_on_when_the_top_level_code_has_ended():
    # a host (the browser page) keeps calling run_slice: a background loop goes on
    it = Interpreter(host=CaptureHost())
    it.do_string("n := 0; c := coroFor(loop(n = n + 1; yield))\n"
                 "Scheduler yieldingCoros append(c); yield")
    before = it.do_string("n")
    assert it.run_slice(max_steps=3) == MORE
    assert it.do_string("n") > before

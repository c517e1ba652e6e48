"""Exceptions as an Io program sees them: try/catch/pass, raise, reports, resumable
handlers (signal/withHandler) and Error values. Expected texts come from upstream Io."""

from __future__ import annotations

import pytest

from pyio_core import CaptureHost, Interpreter, IoUncaught
from iotest import out


def uncaught(code: str) -> str:
    """The report of the exception ``code`` leaves uncaught."""
    with pytest.raises(IoUncaught) as info:
        Interpreter(host=CaptureHost()).do_string(code, "t.io")
    return info.value.report


# -- try, raise, catch, pass -------------------------------------------------------------
def test_try_answers_the_exception_or_nil():
    assert out('e := try(Exception raise("boom")); e error println; e type println') == \
        "boom\nException\n"
    assert out("try(1 + 1) println") == "nil\n"


def test_try_catches_errors_of_primitives():
    assert out("try(nil foo) error println") == "nil does not respond to 'foo'\n"
    assert out("try(1 foo) error println") == "Number does not respond to 'foo'\n"


def test_raise_without_text():
    assert out("try(Exception raise) error println") == "nil\n"


def test_exception_subtypes_raise_and_catch():
    code = """
    MyError := Exception clone
    e := try(MyError raise("x"))
    e type println
    (e isKindOf(MyError) and e isKindOf(Exception)) println
    e catch(MyError, "caught" println) println
    (e catch(Error, "no" println) == e) println
    """
    assert out(code) == "MyError\ntrue\ncaught\nnil\ntrue\n"


def test_catch_chain_then_pass_reraises_the_same_exception():
    code = """
    Inner := Exception clone
    e := try(try(Inner raise("deep")) catch(Error, "no" println) pass)
    e error println
    e type println
    """
    assert out(code) == "deep\nInner\n"


def test_pass_keeps_identity():
    assert out('e := try(Exception raise("a")); (try(e pass) == e) println') == "true\n"


def test_raise_runs_the_exception_types_init():
    code = """
    Counted := Exception clone do(init := method(self made := true))
    try(Counted raise("x")) made println
    """
    assert out(code) == "true\n"


def test_nested_exception_and_raise_from():
    code = """
    n := try(Exception raise("outer", Exception clone setError("nested")))
    n nestedException error println
    e := try(Exception raiseFrom(42, "from"))
    e error println
    e originalCall println
    """
    assert out(code) == "nested\nfrom\n42\n"


def test_exception_knows_its_coroutine_and_message():
    code = """
    e := try(Exception raise("x"))
    // as upstream, try's code ran in a coroutine of its own that ended with e
    (e coroutine == Coroutine currentCoroutine) println
    (e coroutine parentCoroutine == Coroutine currentCoroutine) println
    (e coroutine exception == e) println
    e coroutine isFinished println
    e2 := try(nil bar)
    e2 caughtMessage name println
    """
    assert out(code) == "false\ntrue\ntrue\ntrue\nbar\n"


def test_show_stack_of_the_coroutine_of_a_caught_exception():
    assert out('try(Exception raise("q")) coroutine showStack') == \
        "\n  Exception: q\n  ---------\n  nothing on stack\n"


def test_nil_catch_and_pass_do_nothing():
    assert out('nil catch(Exception, "x" println) println; nil pass println') == "nil\nnil\n"


def test_exception_proto_slots():
    assert out("Exception error println; Exception setError(3) error println") == "nil\n3\n"


# -- reports -----------------------------------------------------------------------------
def test_uncaught_report_format():
    report = uncaught('Exception raise("boom")')
    assert report.startswith("\n  Exception: boom\n  ---------\n")


def test_uncaught_report_names_the_methods_unwound():
    report = uncaught("a := method(b)\nb := method(nil foo)\na")
    lines = report.splitlines()
    assert lines[1] == "  Exception: nil does not respond to 'foo'"
    assert any(line.split() == ["Object", "b", "t.io", "1"] for line in lines)
    assert any(line.split() == ["Object", "a", "t.io", "3"] for line in lines)


def test_uncaught_custom_type_is_named():
    assert uncaught('Oops := Exception clone; Oops raise("bad")').startswith(
        "\n  Oops: bad\n")


def test_show_stack_of_a_caught_exception():
    text = out('e := try(Exception raise("boom")); e showStack; "done" println')
    assert text == "\n  Exception: boom\n  ---------\n  nothing on stack\ndone\n"


def test_show_stack_prints_the_nested_exception():
    text = out('try(Exception raise("outer", Exception clone setError("inner"))) showStack')
    assert "Exception: outer" in text
    assert "Nested Exception: '" in text
    assert "Exception: inner" in text


def test_signal_without_handler_is_reported_like_raise():
    assert uncaught('Exception signal("no handler")').startswith(
        "\n  Exception: no handler\n  ---------\n")


# -- resumable exceptions ------------------------------------------------------------------
def test_signal_resumes_with_the_handlers_value():
    code = """
    withHandler(Exception, block(e, resume, resume invoke(42)),
        Exception signal("need value") + 1) println
    withHandler(Exception, block(e, resume, 42), Exception signal("auto") + 1) println
    """
    assert out(code) == "43\n43\n"


def test_handler_sees_the_signalled_exception():
    code = """
    withHandler(Exception, block(e, r, e error .. "!"), Exception signal("hi")) println
    """
    assert out(code) == "hi!\n"


def test_handler_may_reraise():
    code = """
    e := try(withHandler(Exception, block(exc, r, exc pass), Exception signal("again")))
    e error println
    """
    assert out(code) == "again\n"


def test_handlers_match_by_proto_and_nest():
    code = """
    Other := Exception clone
    withHandler(Other, block(e, r, "wrong"),
        withHandler(Exception, block(e, r, "right"), Exception signal("t"))) println
    withHandler(Exception, block(e, r, "outer"),
        withHandler(Exception, block(e, r, "inner"), Exception signal("t"))) println
    Mine := Exception clone
    withHandler(Mine, block(e, r, r invoke("mine")), Mine signal("t")) println
    """
    assert out(code) == "right\ninner\nmine\n"


def test_one_handler_serves_many_signals():
    code = """
    count := 0
    withHandler(Exception, block(e, r, count = count + 1; r invoke(count)),
        a := Exception signal("1"); b := Exception signal("2"); list(a, b)) println
    """
    assert out(code) == "list(1, 2)\n"


def test_handler_is_visible_inside_try():
    code = """
    withHandler(Exception, block(e, r, 99),
        e := try(Exception signal("in try")); if(e, "exception", "no exception")) println
    """
    assert out(code) == "no exception\n"


def test_handler_is_removed_after_the_body_even_when_it_raises():
    code = """
    try(withHandler(Exception, block(e, r, 1), Exception raise("x")))
    Coroutine currentCoroutine handlerStack size println
    try(Exception signal("unhandled")) error println
    """
    assert out(code) == "0\nunhandled\n"


def test_handlers_are_found_through_parent_coroutines():
    code = """
    withHandler(Exception, block(e, r, "from parent"),
        c := coroFor(Exception signal("child"))
        c run) println
    """
    assert out(code) == "from parent\n"


# -- Error values ----------------------------------------------------------------------------
def test_error_values():
    code = """
    e := Error with("bad input")
    e isError println
    e message println
    1 isError println
    e ifError("handled" println) isError println
    e ifError(err, err message println)
    5 ifError("never" println) println
    """
    assert out(code) == "true\nbad input\nfalse\nhandled\ntrue\nbad input\n5\n"


def test_return_if_error_returns_from_the_caller():
    code = """
    f := method(x, x returnIfError; "went on")
    f(Error with("stop")) message println
    f(3) println
    """
    assert out(code) == "stop\nwent on\n"


def test_raise_if_error():
    assert out('try(Error with("boom") raiseIfError) error println') == "boom\n"
    assert out("3 raiseIfError println") == "3\n"


def test_try_contains_stop_statuses_like_upstreams_coroutine():
    code = """
    f := method(try(return 5); 6)
    f println
    g := method(for(i, 1, 3, try(if(i == 2, break)); i print); " done")
    g println
    """
    assert out(code) == "6\n123 done\n"

"""Coroutines, the Scheduler, actors and futures (``@``, ``@@``), ``wait``, ``become``
and escape continuations (``callcc``).

A coroutine is a heap stack of generators run by the trampoline (eval/machine.py); these
primitives only decide *which* coroutine runs next and yield it (a request to resume it)
or ``PARK``. The policy is upstream's: ``Scheduler yieldingCoros`` is the run queue that
``yield``, ``pause`` and ``resumeLater`` manage, ``run``/``resume`` make the caller the
parent that gets control back when the coroutine ends, and ``wait`` parks a coroutine on
the machine's timer queue so a waiting program never blocks its host (a browser tab).

``callcc`` differs from upstream (whose continuations copy the frame stack and are
multi-shot, and which the reference build leaves out): Python generators cannot be copied,
so a continuation here is an escape continuation. Invoking it while its ``callcc`` is still
running returns from that ``callcc`` at once with the value; invoking it afterwards, or from
another coroutine, is an Io error.
"""

from __future__ import annotations

import time
import weakref

from ..errors import IoError, IoInterrupt, IoRaise, IoStop
from ..eval.requests import PARK
from ..message import Message
from ..objects import IoObject, Locals, used_as_proto
from ..registry import Prims
from ..values import Block, Call, Coroutine, IoList
from .exception import caught, format_report
from .object import share_data

P = Prims("Coroutine", Coroutine)
Sch = Prims("Scheduler")
O = Prims("Object")
FP = Prims("FutureProxy")
Fu = Prims("Future")


# -- helpers ---------------------------------------------------------------------------------
def need_number(S, v, method: str, i: int = 0) -> float:
    if v.__class__ is float:
        return v
    raise IoError(f"argument {i} to method '{method}' must be a Number, not a '{S.type_name(v)}'")


def need_coro(S, v, method: str, i: int = 0) -> Coroutine:
    if v.__class__ is Coroutine:
        return v
    raise IoError(
        f"argument {i} to method '{method}' must be a Coroutine, not a '{S.type_name(v)}'"
    )


def run_queue(S) -> list:
    """The Python list inside ``Scheduler yieldingCoros`` (Io code edits it too)."""
    q = S.run_queue
    if q is None:
        q = S.run_queue = S.new_list([])
    return q.items


def absorb_ready(S, q: list) -> None:
    """Move coroutines whose timers expired (and any the host woke) onto the run queue."""
    if S.timers:
        S.fire_timers()
    ready = S.ready
    while ready:
        c = ready.popleft()
        if c not in q:
            q.append(c)


def take_next(q: list, me: Coroutine):
    """Pop the next coroutine worth resuming (``me`` included); finished ones are stale."""
    while q:
        n = q.pop(0)
        if n is me or (n.__class__ is Coroutine and not n.finished):
            return n
    return None


def remove_all(q: list, co) -> None:
    if co in q:
        q[:] = [c for c in q if c is not co]


_MAX_CHAIN = 100_000


def set_recent_in_chain(S, co: Coroutine, value) -> None:
    """Mark ``value`` as the most recently run coroutine of ``co``'s parent chain. It runs
    on every switch, so it is kept lean: a slot already there is overwritten in place (no
    new slot, no shape change), and the bound that stops a cycle of parent links is a
    plain counter."""
    n = 0
    while co is not None and n < _MAX_CHAIN:
        slots = co.slots
        if "recentInChain" in slots:
            slots["recentInChain"] = value
        else:
            S.set_slot(co, "recentInChain", value)
        co = co.parent
        n += 1


def prepare(S, co: Coroutine) -> bool:
    """(Re)start ``co`` on its runTarget/runLocals/runMessage; False when it has none."""
    msg = S.slot_value(co, "runMessage")
    if not isinstance(msg, Message):
        return False
    target = S.slot_value(co, "runTarget")
    target = S.nil if target is None else target
    loc = S.slot_value(co, "runLocals")
    if loc is None or loc is S.nil:
        loc = target
    co.starter = lambda: S.eval_chain(msg, loc, target)
    S.start_coroutine(co)
    return True


def switch_to(S, co: Coroutine):
    """The request that switches to ``co`` (``co`` itself, for the trampoline), starting
    it with the caller as parent if it never ran or has finished; None when there is
    nothing to switch to. A plain function, so a switch costs no generator of its own."""
    set_recent_in_chain(S, co, co)
    cur = S.coro
    if co is cur:
        return None
    if not co.started or co.finished:
        if not prepare(S, co):
            return None
        co.parent = cur
    return co


def resume(S, co: Coroutine):
    """Switch to ``co``; returns once something switches back to the caller."""
    req = switch_to(S, co)
    if req is not None:
        yield req
    return co


def yield_to(S, co: Coroutine):
    """Where ``co`` yielding goes: the request that resumes the next queued coroutine
    (``co`` goes to the back of the queue), or None when ``co`` should just go on."""
    q = S.run_queue
    q = run_queue(S) if q is None else q.items
    if S.ready or S.timers:
        absorb_ready(S, q)
    if not q:
        return None
    q.append(co)
    while True:  # take_next, inline: ``co`` itself, just queued, ends the loop at the latest
        nxt = q.pop(0)
        if nxt is co:
            return None
        if nxt.__class__ is Coroutine and not nxt.finished:
            return switch_to(S, nxt)


def yield_(S, co: Coroutine):
    """Let the next queued coroutine run; ``co`` goes to the back of the queue."""
    req = yield_to(S, co)
    if req is not None:
        yield req
    return S.nil


def pause(S, co: Coroutine):
    """Take ``co`` off the queue; if it is running, switch to the next queued coroutine or,
    when none is runnable but timers are pending, park until something wakes it. Pausing
    another coroutine answers the queue, as upstream's ``yieldingCoros remove`` does."""
    q = run_queue(S)
    remove_all(q, co)
    if co is not S.coro:
        return S.run_queue
    had_timer = co in S.timer_ids
    absorb_ready(S, q)
    if had_timer and co not in S.timer_ids:
        return S.nil  # our own timer was already due: nothing to wait for
    nxt = take_next(q, co)
    if nxt is co:
        return S.nil
    if nxt is not None:
        yield from resume(S, nxt)
        return S.nil
    if S.next_timer() is None and not S.waiting_external():
        raise IoError("Scheduler: nothing left to resume so we are exiting")
    yield PARK  # a timer, a host event or a finishing child coroutine wakes us
    return S.nil


def idle(S, co: Coroutine):
    """Park until the nearest timer is due (others' timers run their coroutines)."""
    nxt = S.next_timer()
    if nxt is None:
        return
    if co in S.timer_ids:
        yield PARK
        return
    S.wake_at(nxt, co)
    try:
        yield PARK
    finally:
        S.cancel_timer(co)


def io_exception(S, co: Coroutine):
    e = co.exception
    exc = getattr(e, "exc", None)
    return S.nil if exc is None else exc


# -- Coroutine -------------------------------------------------------------------------------
@P("currentCoroutine")
@Sch("currentCoroutine")
@O("currentCoro")
def current_coroutine(S, t):
    return S.nil if S.coro is None else S.coro


@P("isCurrent")
def is_current(S, t):
    return S.bool(t is S.coro)


@P("isFinished")
def is_finished(S, t):
    return S.bool(need_coro(S, t, "isFinished").finished)


@P("isYielding")
def is_yielding(S, t):
    return S.bool(t in run_queue(S))


@P.gen("run")
def run(S, t):
    co = need_coro(S, t, "run")
    set_recent_in_chain(S, co, co)
    if co is S.coro or not prepare(S, co):
        return S.nil
    co.parent = S.coro
    yield co
    return co.result if co.finished and co.result is not None else S.nil


@P.gen("resume")
def resume_(S, t):
    return (yield from resume(S, need_coro(S, t, "resume")))


@P.gen("yield")
def coro_yield(S, t):
    req = yield_to(S, need_coro(S, t, "yield"))
    if req is not None:
        yield req
    return S.nil


@P.gen("pause")
def coro_pause(S, t):
    return (yield from pause(S, need_coro(S, t, "pause")))


@P("resumeLater")
def resume_later(S, t):
    """Put ``t`` first in the queue; answers the queue, as upstream's ``atInsert`` does."""
    q = run_queue(S)
    remove_all(q, t)
    q.insert(0, t)
    return S.run_queue


@P.gen("yieldCurrentAndResumeSelf", "pauseCurrentAndResumeSelf")
def pause_current_and_resume_self(S, t):
    co = need_coro(S, t, "pauseCurrentAndResumeSelf")
    remove_all(run_queue(S), co)
    if co is not S.coro:
        yield from resume(S, co)
    return S.nil


@P("parentCoroutine")
def parent_coroutine(S, t):
    p = need_coro(S, t, "parentCoroutine").parent
    return S.nil if p is None else p


@P("setParentCoroutine")
def set_parent_coroutine(S, t, p):
    need_coro(S, t, "setParentCoroutine").parent = None if p is S.nil else need_coro(
        S, p, "setParentCoroutine")
    return t


@P("result")
def result(S, t):
    r = need_coro(S, t, "result").result
    return S.nil if r is None else r


@P("setResult")
def set_result(S, t, v):
    need_coro(S, t, "setResult").result = v
    return t


@P("exception")
def exception(S, t):
    return io_exception(S, need_coro(S, t, "exception"))


@P("setException")
def set_exception(S, t, e):
    need_coro(S, t, "setException").exception = None if e is S.nil else IoRaise(e)
    return t


@P("raiseException")
def raise_exception(S, t, e):
    raise IoRaise(e)


@P("rawSignalException")
def raw_signal_exception(S, t):
    e = need_coro(S, t, "rawSignalException").exception
    if e is not None:
        raise e
    return t


@P("setRecentInChain")
def set_recent_in_chain_(S, t, v):
    set_recent_in_chain(S, need_coro(S, t, "setRecentInChain"), v)
    return t


@P("implementation")
def implementation(S, t):
    return "generators"


@P("freeStack", "setMessageDebugging")
def no_op(S, t, *args):
    """Nothing to free or trace: generator stacks are garbage collected."""
    return t


@P("ioStack", "callStack")
def io_stack(S, t):
    """pyio keeps no list of retained values or Call objects; exceptions carry the stack."""
    return S.new_list([])


@P("backTraceString")
def back_trace_string(S, t):
    exc = io_exception(S, need_coro(S, t, "backTraceString"))
    if exc is S.nil:
        return "  ---------\n  nothing on stack\n"
    return format_report(S, exc)


# -- Scheduler -------------------------------------------------------------------------------
@Sch("yieldingCoros")
def yielding_coros(S, t):
    run_queue(S)
    return S.run_queue


@Sch("setYieldingCoros")
def set_yielding_coros(S, t, lst):
    S.run_queue = S.need_list(lst, "setYieldingCoros")
    return t


@Sch("timers")
def timers(S, t):
    """A snapshot: list(wakeTime, coroutine) per pending timer, wakeTime in epoch seconds."""
    offset = S.host.now() - time.monotonic()
    return S.new_list([S.new_list([w + offset, co]) for w, co in S.live_timers()])


@Sch("setTimers")
def set_timers(S, t, lst):
    """Replace every pending timer by the list(wakeTime, coroutine) entries given."""
    entries = S.need_list(lst, "setTimers").items
    for _, co in S.live_timers():
        S.cancel_timer(co)
    for e in entries:
        pair = S.need_list(e, "setTimers").items
        if len(pair) == 2:
            add_timer_at(S, t, pair[0], pair[1])
    return t


@Sch("addTimerAt")
def add_timer_at(S, t, wake_time, co):
    when = time.monotonic() + (need_number(S, wake_time, "addTimerAt") - S.host.now())
    S.wake_at(when, need_coro(S, co, "addTimerAt", 1))
    return t


@Sch("addTimer")
def add_timer(S, t, seconds, co):
    when = time.monotonic() + need_number(S, seconds, "addTimer")
    S.wake_at(when, need_coro(S, co, "addTimer", 1))
    return t


@Sch("removeTimerFor")
def remove_timer_for(S, t, co):
    S.cancel_timer(co)
    return t


@Sch("wakeExpiredTimers")
def wake_expired_timers(S, t):
    absorb_ready(S, run_queue(S))
    return t


@Sch.gen("idleUntilNextTimer")
def idle_until_next_timer(S, t):
    yield from idle(S, S.coro)
    absorb_ready(S, run_queue(S))
    return t


@Sch.gen("waitForCorosToComplete")
def wait_for_coros_to_complete(S, t):
    co = S.coro
    while True:
        q = run_queue(S)
        absorb_ready(S, q)
        if any(c is not co and c.__class__ is Coroutine and not c.finished for c in q):
            yield from yield_(S, co)
        elif S.next_timer() is not None:
            yield from idle(S, co)
        else:
            return t


# -- Object: yield, pause, wait --------------------------------------------------------------
@O.gen("yield")
def object_yield(S, t):
    req = yield_to(S, S.coro)
    if req is not None:
        yield req
    return S.nil


@O.gen("pause")
def object_pause(S, t):
    return (yield from pause(S, S.coro))


@O.gen("wait")
def wait(S, t, seconds):
    """Park this coroutine on the timer queue for ``seconds``; others run meanwhile. A
    finishing child may wake it early, so it parks again until the deadline has passed."""
    need_number(S, seconds, "wait")
    co = S.coro
    if seconds <= 0:
        yield from yield_(S, co)
        return t
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        S.wake_at(deadline, co)
        try:
            yield from pause(S, co)
        finally:
            S.cancel_timer(co)
    return t


# -- actors and futures ----------------------------------------------------------------------
def _msg(S, name: str, where: Message) -> Message:
    """A message named ``name`` that reports its position as ``where``'s."""
    return Message(name, [], S.message_protos, where.line, where.col, where.label)


def enqueue(S, t, L, m):
    """Queue ``m``'s argument (its arguments evaluated now, in the sender) on ``t``'s actor
    coroutine as a Future; returns the Future."""
    if not m.args:
        raise IoError(f"{m.name} requires a message argument")
    a = m.args[0]
    values = []
    for i in range(len(a.args)):
        values.append((yield from S.arg(a, L, i)))
    msg = Message(a.name, [S.literal_message(v) for v in values], S.message_protos,
                  a.line, a.col, a.label)
    future = yield from S.send(S.core.slots["Future"], _msg(S, "clone", m), L)
    if not isinstance(future, IoObject):
        raise IoError("Future clone did not answer an object")
    future.slots["runTarget"] = t
    future.slots["runMessage"] = msg
    yield from S.send(t, _msg(S, "actorRun", m), L)
    queue = S.slot_value(t, "actorQueue")
    if not isinstance(queue, IoList):
        raise IoError(f"{S.type_name(t)} has no actorQueue after actorRun")
    queue.items.append(future)
    return future


def _send(S, t, name: str, *args):
    """Send ``name`` with the values ``args`` to ``t`` as the actor's own Io code would, so
    an object's own ``yield`` or ``handleActorException`` is honoured."""
    m = Message(name, [S.literal_message(a) for a in args], S.message_protos)
    return (yield from S.send(t, m, t))


@O.gen("actorRun")
def actor_run(S, t):
    """Start actor mode for ``t``: its ``actorQueue`` and its ``actorCoroutine``, queued to
    run first; an actor whose queue has run empty (so it paused) is queued again. Upstream
    writes this and actorProcessQueue in Io; as primitives, the first ``@@`` compiles
    nothing and every switch to and from an actor passes fewer activations."""
    if isinstance(t, IoObject) and "actorCoroutine" in t.slots:
        queue = S.slot_value(t, "actorQueue")
        if queue.__class__ is not IoList or queue.items:
            return S.false  # upstream: if(actorQueue size == 0, ...) answers the test
        return (yield from _send(S, t.slots["actorCoroutine"], "resumeLater"))
    if not isinstance(t, IoObject):
        raise IoError(f"setSlot is not supported on a {S.type_name(t)}")
    S.set_slot(t, "actorQueue", S.new_list([]))
    co = yield from _send(S, S.Coroutine, "clone")  # runs Coroutine init, as upstream
    if co.__class__ is not Coroutine:
        raise IoError("Coroutine clone did not answer a Coroutine")
    S.set_slot(t, "actorCoroutine", co)
    S.set_slot(co, "runTarget", t)
    S.set_slot(co, "runLocals", t)
    S.set_slot(co, "runMessage", Message("actorProcessQueue", [], S.message_protos))
    run_queue(S).insert(0, co)
    return S.run_queue


@O.gen("actorProcessQueue")
def actor_process_queue(S, t):
    """The actor's coroutine: run each queued future's message in turn (an exception goes
    to ``handleActorException``), yielding between them; pause when the queue is empty."""
    while True:
        while True:
            future = _first(S, t)
            if not S.truthy(future):
                break
            e = yield from _run_future(S, t, future)
            yield from _send(S, S.slot_value(t, "actorQueue"), "removeFirst")
            if S.truthy(e):
                yield from _send(S, t, "handleActorException", e)
            if S.truthy(_first(S, t)):
                yield from _send(S, t, "yield")
        co = S.slot_value(t, "actorCoroutine")
        yield from _send(S, S.nil if co is None else co, "pause")


def _first(S, t):
    """``actorQueue first``: the next future, or nil."""
    queue = S.slot_value(t, "actorQueue")
    if queue.__class__ is not IoList:
        raise IoError(f"{S.type_name(t)} has no actorQueue")
    return queue.items[0] if queue.items else S.nil


def _run_future(S, t, future):
    """``try(future setResult(self doMessage(future runMessage)))``: the exception the
    future's message raised (nil if none); its result goes to ``setResult``."""
    m = None
    try:
        m = S.slot_value(future, "runMessage")
        if not isinstance(m, Message):
            raise IoError("argument 0 to method 'doMessage' must be a Message, not a "
                          f"'{S.type_name(S.nil if m is None else m)}'")
        r = yield from S.eval_chain(m, t, t)
        yield from _send(S, future, "setResult", r)
    except IoStop:
        pass  # upstream's try is a coroutine: return/break/continue end only it
    except IoRaise as e:
        return caught(S, e)
    except IoError as e:
        return caught(S, IoRaise(S.error_exception(e.text, m, e.kind)))
    return S.nil


@O.lazy("@", "futureSend")
def future_send(S, t, L, m):
    future = yield from enqueue(S, t, L, m)
    return (yield from S.send(future, _msg(S, "futureProxy", m), L))


@O.lazy("@@", "asyncSend")
def async_send(S, t, L, m):
    yield from enqueue(S, t, L, m)
    return S.nil


# Future's methods, upstream's Io steps as primitives (like actorRun): the first `@` of a
# program compiles nothing. Each send goes through Io, so redefinitions are honoured.
def _future_waiting(S, t) -> list:
    """The Python list inside a future's ``waitingCoros``."""
    waiting = S.slot_value(t, "waitingCoros")
    if waiting.__class__ is not IoList:
        raise IoError(f"{S.type_name(t)} has no waitingCoros list (send it futureProxy first)")
    return waiting.items


@Fu.gen("futureProxy")
def future_proxy(S, t):
    """The proxy ``@`` answers: it stands for the result until ``setResult``."""
    if not isinstance(t, IoObject):
        raise IoError(f"setSlot is not supported on a {S.type_name(t)}")
    S.set_slot(t, "waitingCoros", S.new_list([]))
    S.set_slot(t, "proxy", (yield from _send(S, S.core.slots["FutureProxy"], "with", t)))
    return (yield from _send(S, t, "proxy"))


@Fu.gen("setResult")
def future_set_result(S, t, r):
    """The proxy becomes the result and every coroutine waiting on it may run again."""
    if isinstance(t, IoObject) and "proxy" in t.slots:
        yield from _send(S, (yield from _send(S, t, "proxy")), "_become", r)
        for c in list(_future_waiting(S, t)):
            yield from _send(S, c, "resumeLater")
    return t


@Fu.gen("waitOnResult")
def future_wait_on_result(S, t):
    """Park the current coroutine until ``setResult`` queues it again."""
    _future_waiting(S, t).append(S.coro)
    return (yield from _send(S, S.coro, "pause"))


# objects that became a value they cannot turn into (a Number, a List...): they forward
_BECAME: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


@O("become")
def become(S, t, v):
    """Make ``t`` the same object as ``v``: they share slots and protos. A plain object
    cannot turn into a Number, Sequence or other payload object; it then forwards every
    message to ``v`` instead (so a resolved future still answers like its value)."""
    if t is v:
        return t
    # Number and Sequence stand for unboxed values (upstream's protos are a number and a
    # string themselves), and compiled code holds their slots and the Locals proto's
    if t.__class__ is not IoObject or t is S.Number or t is S.Sequence or t is S.LocalsProto:
        raise IoError("Io Assertion 'Primitives cannot become new values'")
    used_as_proto(t)  # t and v may now share one slots dict: neither is a leaf any more
    used_as_proto(v)
    if v.__class__ is IoObject:
        share_data(t, v)
        _BECAME.pop(t, None)
    else:
        t.slots = {"forward": S.core.slots["FutureProxy"].slots["_forward"]}
        t.protos = []
        _BECAME[t] = v
    S.reshaped()
    return t


@FP("with")
def proxy_with(S, t, future):
    fp = S.core.slots["FutureProxy"]
    return IoObject([], {"_future": future, "forward": fp.slots["_forward"],
                         "_become": S.Object.slots["become"], "type": "FutureProxy"})


@FP.lazy("_forward")
def proxy_forward(S, t, L, m):
    """A message to an unresolved future waits for the result, then goes to it."""
    own = S.core.slots["FutureProxy"].slots["_forward"]
    while True:
        v = _BECAME.get(t) if isinstance(t, IoObject) else None  # numbers/strings: no weakref
        if v is not None:
            return (yield from S.send(v, m, L))
        if not isinstance(t, IoObject) or t.slots.get("forward") is not own:
            return (yield from S.send(t, m, L))  # became an ordinary object
        future = t.slots.get("_future")
        if future is None:
            raise IoError(f"{S.type_name(t)} does not respond to '{m.name}'")
        yield from S.send(future, _msg(S, "waitOnResult", m), L)


# -- callcc: escape continuations ------------------------------------------------------------
class Capture:
    """One ``callcc`` activation: continuations (and their copies) escape to it."""

    __slots__ = ("coro", "active")

    def __init__(self, coro) -> None:
        self.coro = coro
        self.active = True


class ContinuationObj(IoObject):
    """A Continuation: which callcc it returns from, and whether it was invoked."""

    __slots__ = ("capture", "invoked")

    def __init__(self, protos, capture: Capture | None = None) -> None:
        self.slots = {}
        self.protos = protos
        self.capture = capture
        self.invoked = False

    def clone_from(self, proto) -> None:
        ContinuationObj.__init__(self, [proto], proto.capture)


class ContinuationEscape(IoInterrupt):
    """Carries an invoked continuation's value to its callcc. It travels the uncatchable
    path (like Stop), so no ``try`` or loop between them intercepts it."""

    def __init__(self, capture: Capture, value) -> None:
        super().__init__("continuation invoked")
        self.capture = capture
        self.value = value


K = Prims("Continuation", ContinuationObj)


@O.lazy("callcc")
def callcc(S, t, L, m):
    blk = yield from S.arg(m, L, 0)
    if not isinstance(blk, Block):
        raise IoError("callcc requires a block argument")
    capture = Capture(S.coro)
    k = ContinuationObj([S.core.slots["Continuation"]], capture)
    try:
        return (yield from S.call_block(blk, [k], t))
    except ContinuationEscape as e:
        if e.capture is not capture:
            raise
        return e.value
    finally:
        capture.active = False


def need_cont(S, t, method: str) -> ContinuationObj:
    if isinstance(t, ContinuationObj) and t.capture is not None:
        return t
    raise IoError(f"Continuation {method}: this continuation was not captured by callcc")


@K("invoke")
def invoke(S, t, value=None):
    k = need_cont(S, t, "invoke")
    cap = k.capture
    if not cap.active:
        raise IoError("Continuation invoke: its callcc has already returned (pyio "
                      "continuations are escape-only: they work while callcc is running)")
    if cap.coro is not S.coro:
        raise IoError("Continuation invoke: called from another coroutine than its callcc")
    k.invoked = True
    raise ContinuationEscape(cap, S.nil if value is None else value)


@K("isInvoked")
def is_invoked(S, t):
    return S.bool(isinstance(t, ContinuationObj) and t.invoked)


@K("isActive")
def is_active(S, t):
    """pyio: true while the continuation can still be invoked (its callcc is running)."""
    return S.bool(isinstance(t, ContinuationObj) and t.capture is not None and t.capture.active)


@K("copy")
def copy(S, t):
    k = need_cont(S, t, "copy")
    return ContinuationObj(k.protos, k.capture)


# -- EvalFrame: a view of the running code's activations --------------------------------------
class EvalFrameObj(IoObject):
    """One frame of ``Coroutine currentFrame``'s chain (a snapshot taken at that moment)."""

    __slots__ = ("message", "locals", "target", "call", "parent", "state")

    def __init__(self, protos, state: str = "root", message=None, locals_=None, target=None,
                 call=None) -> None:
        self.slots = {}
        self.protos = protos
        self.state = state
        self.message = message
        self.locals = locals_
        self.target = target
        self.call = call
        self.parent = None

    def clone_from(self, proto) -> None:
        EvalFrameObj.__init__(self, [proto], proto.state, proto.message, proto.locals,
                              proto.target, proto.call)
        self.parent = proto.parent


F = Prims("EvalFrame", EvalFrameObj)


@P.lazy("currentFrame")
def current_frame(S, t, L, m):
    """The frame evaluating this message, then one frame per method/block activation found
    through ``call sender`` links, then the context the outermost code runs in. pyio's
    frames are generators, so this is a reconstruction rather than the live stack: an
    activation that never created a ``call`` object ends the chain at its root."""
    proto = [S.core.slots["EvalFrame"]]
    frames = [EvalFrameObj(proto, "evalMessage", m, L, t)]
    loc, seen = L, set()
    while loc.__class__ is Locals and id(loc) not in seen:
        seen.add(id(loc))
        call = loc.slots.get("call")
        if call.__class__ is not Call:
            call = None
        frames.append(EvalFrameObj(proto, "activate", None if call is None else call.message,
                                   loc, loc.slots.get("self", S.nil), call))
        if call is None:
            loc = loc.slots.get("self", S.nil)
            break
        loc = call.sender
    frames.append(EvalFrameObj(proto, "root", None, loc, loc))
    for child, parent in zip(frames, frames[1:]):
        child.parent = parent
    return frames[0]
    yield


def need_frame(S, t, method: str) -> EvalFrameObj:
    if isinstance(t, EvalFrameObj):
        return t
    raise IoError(f"EvalFrame {method} called on a '{S.type_name(t)}'")


def _or_nil(S, v):
    return S.nil if v is None else v


@F("message")
def frame_message(S, t):
    return _or_nil(S, need_frame(S, t, "message").message)


@F("locals", "blockLocals")
def frame_locals(S, t):
    return _or_nil(S, need_frame(S, t, "locals").locals)


@F("target")
def frame_target(S, t):
    return _or_nil(S, need_frame(S, t, "target").target)


@F("call")
def frame_call(S, t):
    return _or_nil(S, need_frame(S, t, "call").call)


@F("parent")
def frame_parent(S, t):
    return _or_nil(S, need_frame(S, t, "parent").parent)


@F("result")
def frame_result(S, t):
    return S.nil


@F("state")
def frame_state(S, t):
    return need_frame(S, t, "state").state


@F("depth")
def frame_depth(S, t):
    f, n = need_frame(S, t, "depth"), 0
    while f is not None:
        n += 1
        f = f.parent
    return float(n)


@F("description")
def frame_description(S, t):
    f = need_frame(S, t, "description")
    m = f.message
    if m is None:
        return f.state
    return f"{m.name} {m.label or '?'}:{m.line} [{f.state}]"

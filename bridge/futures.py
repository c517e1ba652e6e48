"""Future: a JS Promise seen from Io.

``await`` parks only the calling Io coroutine (the trampoline's PARK request): the glue's
then-callback settles the future, wakes the waiters and asks the host for a slice, so the
page keeps running meanwhile. While a coroutine waits, ``external_waits`` is raised so the
machine reports WAITING rather than DONE. Any message a Future does not know waits for the
value and is then sent to it (``JS get("Promise") resolve(list(1,2)) size`` is 2).
"""

from __future__ import annotations

from pyio_core.errors import IoError, IoRaise
from pyio_core.eval.machine import PARK
from pyio_core.objects import IoObject

from .jsobject import call_js
from .convert import to_js_args
from .prims import Table, new_proto

T = Table("Future")

PENDING, RESOLVED, REJECTED = "pending", "resolved", "rejected"


class PromiseFuture(IoObject):
    """``js``: the boxed Promise; ``value``: the Io value or, when rejected, the error text;
    ``handled``: Io code attached then/catch/finally (so a rejection is not "uncaught")."""

    __slots__ = ("js", "state", "value", "stack", "label", "waiters", "handled")

    def __init__(self, protos, js=None) -> None:
        self.slots = {}
        self.protos = protos
        self.js = js
        self.state = PENDING
        self.value = None
        self.stack = ""
        self.label = None
        self.waiters = []
        self.handled = False

    def clone_from(self, proto) -> None:
        PromiseFuture.__init__(self, [proto], proto.js)
        self.state, self.value, self.stack = proto.state, proto.value, proto.stack


def settle(B, fut: PromiseFuture, ok: bool, value, stack: str = "") -> None:
    """Called from the Promise's then-callbacks: record the outcome, wake the waiters."""
    S = B.S
    fut.state = RESOLVED if ok else REJECTED
    fut.value = value
    fut.stack = stack
    waiters, fut.waiters = fut.waiters, []
    for co in waiters:
        S.external_waits -= 1
        S.wake(co)
    if waiters:
        B.driver.schedule()


def wait(B, fut: PromiseFuture):
    """The future's value, parking the current coroutine while it is pending."""
    S = B.S
    while fut.state == PENDING:
        co = S.coro
        if co is None:
            raise IoError("Future is pending and there is no coroutine to wait in")
        fut.waiters.append(co)
        S.external_waits += 1
        yield PARK
    if fut.state == REJECTED:
        exc = S.error_exception(f"JS error: {fut.value}", None)
        exc.slots["jsStack"] = fut.stack
        raise IoRaise(exc)
    return fut.value


def need_future(S, t, method: str) -> PromiseFuture:
    if not isinstance(t, PromiseFuture) or t.js is None:
        raise IoError(f"Future {method}: the receiver is not a JS Promise future")
    return t


@T.gen("await", "waitOnResult")
def await_(B, t):
    return (yield from wait(B, need_future(B.S, t, "await")))


@T("isReady")
def is_ready(B, t):
    return B.S.bool(need_future(B.S, t, "isReady").state != PENDING)


@T("state")
def state(B, t):
    return need_future(B.S, t, "state").state


@T("label")
def label(B, t):
    lab = getattr(t, "label", None)
    return B.S.nil if lab is None else lab


@T("setLabel")
def set_label(B, t, text):
    need_future(B.S, t, "setLabel").label = text
    return t


def _promise_method(name: str):
    def prim(B, t, L, m):
        fut = need_future(B.S, t, name)
        fut.handled = True
        args = []
        for i in range(len(m.args)):
            args.append((yield from B.S.arg(m, L, i)))
        return call_js(B, m, B.glue.invoke, fut.js, name, to_js_args(B, args))

    T.lazy(name)(prim)


for _name in ("then", "catch", "finally"):
    _promise_method(_name)


@T.lazy("forward")
def forward(B, t, L, m):
    value = yield from wait(B, need_future(B.S, t, m.name))
    return (yield from B.S.send(value, m, L))


def install(B) -> None:
    S = B.S
    core_future = S.core.slots.get("Future")  # the actors' Future, when pyio_core has one
    if core_future is None:
        proto = new_proto(S, PromiseFuture, "Future")
    else:  # keep it; ours inherits from it and is Core's JSFuture
        proto = new_proto(S, PromiseFuture, "JSFuture", core_future)
        proto.slots["type"] = "Future"
    B.Future = proto
    T.install(S, proto, B)

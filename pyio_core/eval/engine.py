"""Evaluating message chains without using the Python stack for Io calls.

Every Io activation is a Python generator. A caller runs its callee with ``yield from``
(cheap: CPython delegates in C) but every 64th level (requests.HOP_MASK) it
instead *yields* the callee's generator to the trampoline in ``machine.py``, which keeps it on
the coroutine's heap stack. So the C stack never holds more than 64 Io levels, recursion
depth is bounded only by
memory (and a configurable limit), and any activation can be suspended at once: a yielded
request travels up to the trampoline, which may switch coroutines, park on a future, or hand
control back to the host at the end of a slice.

Arguments are lazy in Io: primitives marked ``lazy`` receive the message and evaluate what
they need; methods get their declared arguments evaluated in the caller's context first.
"""

from __future__ import annotations

from types import CellType

from ..errors import PASS_THROUGH, IoBreak, IoContinue, IoError, IoRaise, IoReturn, IoStop
from ..objects import Locals, lookup_in
from ..registry import EAGER, LAZY
from ..values import ActivatableObject as ActObj
from ..values import Block, Call, CFunction
from .compiler import HOT, compile_chain, compile_entry, loops
from .requests import HOP_MASK, PREEMPT

# Names that may reach an activation's `call` object; bodies without them get none (a
# Call per activation is a large part of a call's cost).
_CALL_NAMES = frozenset(("call", "resend", "super", "doString", "doMessage", "doFile",
                         "thisLocalContext", "evalArg", "evalArgAndReturnSelf",
                         "evalArgAndReturnNil", "perform", "performWithArgList", "getSlot",
                         "deprecatedWarning"))


def mentions_call(m) -> bool:
    """Whether a body's message tree uses any name that can reach its ``call``."""
    todo = [m]
    while todo:
        m = todo.pop()
        while m is not None:
            if m.name in _CALL_NAMES or m.cached == "call":
                return True
            todo.extend(m.args)
            m = m.next
    return False



_PASS = PASS_THROUGH
STOPS = {"Return": IoReturn, "Break": IoBreak, "Continue": IoContinue}


class Engine:
    """Mixin for the interpreter state: the hot evaluation paths."""

    # set up by the state: nil, Number, Sequence, locals protos, current coroutine...

    # False: never compile, interpret everything (the reference semantics the compiler must
    # match; ``fuzz/run.py --differential`` compares the two).
    compile = True
    # True: code the compiler fails to build raises instead of being interpreted quietly
    # (the tests set it, so that a compiler bug cannot hide behind the interpreter)
    strict_compile = False

    # The slice counter and the recursion limit live in cells that compiled code shares
    # (see compiler.py); these properties are the way everything else reaches them.
    @property
    def ticks(self) -> int:
        return self.tick.cell_contents

    @ticks.setter
    def ticks(self, n: int) -> None:
        self.tick.cell_contents = n

    @property
    def max_depth(self) -> int:
        return self.depth_cell.cell_contents

    @max_depth.setter
    def max_depth(self, n: int) -> None:
        cell = self.__dict__.get("depth_cell")
        if cell is None:
            self.depth_cell = CellType(n)
        else:
            cell.cell_contents = n

    # -- shape -----------------------------------------------------------------------------
    # Compiled code caches where a walk through protos found a name, keyed on this counter:
    # everything that adds or removes a slot, or changes a protos list, must bump it (a
    # value written over an existing slot need not: caches read the value live).
    def reshaped(self) -> None:
        self.shape.cell_contents += 1

    def set_slot(self, obj, name: str, value) -> None:
        """``obj``'s slot ``name`` := ``value``, reporting a new slot (unless ``obj`` is
        a leaf: nobody's proto)."""
        slots = obj.slots
        if name not in slots and not getattr(obj, "leaf", False):
            self.shape.cell_contents += 1
        slots[name] = value

    def bind_slots(self, L, *names) -> dict:
        """The slots a loop primitive binds its variables ``names`` in: the context's own,
        with the names not there yet reported as new. A context without slots (``3 do(for(
        ...))``) is an Io error, as for every loop."""
        slots = getattr(L, "slots", None)
        if slots is None:
            raise IoError(f"cannot bind loop variables in a {self.type_name(L)}")
        if not getattr(L, "leaf", False):
            for n in names:
                if n is not None and n not in slots:
                    self.shape.cell_contents += 1
                    break
        return slots

    # -- lookup ----------------------------------------------------------------------------
    def slot_value(self, t, name: str):
        """The value of slot ``name`` seen from ``t`` (unboxed values use their proto)."""
        tc = t.__class__
        if tc is float:
            return lookup_in(self.Number, name)
        if tc is str:
            return lookup_in(self.Sequence, name)
        return lookup_in(t, name)

    def resolve(self, t, name: str):
        """(target, value) for ``name`` sent to ``t`` after its own slots missed, following
        locals to ``self`` the way upstream's Locals forward does; value None when nobody
        has the slot."""
        while t.__class__ is Locals:
            v = self.locals_slots.get(name)
            if v is None and (t.protos is not self.locals_protos or self.LocalsProto.protos):
                v = lookup_in(t, name)  # protos a program gave the Locals proto or t
            if v is not None:
                return t, v
            s = t.slots.get("self")
            if s is None or s is t:
                return t, lookup_in(t, name)
            t = s
            v = t.slots.get(name) if t.__class__ not in (float, str) else None
            if v is not None:
                return t, v
        tc = t.__class__
        if tc is float:
            return t, lookup_in(self.Number, name)
        if tc is str:
            return t, lookup_in(self.Sequence, name)
        return t, lookup_in(t, name)

    # -- chains ----------------------------------------------------------------------------
    def chain(self, m, L, t):
        """A generator evaluating chain ``m``: compiled once the chain is hot."""
        code = m.code
        if code is None:
            h = m.hits = m.hits + 1
            if h < HOT or L.__class__ in (float, str) or not self.compile:
                return self.eval_chain(m, L, t)
            try:
                code = m.code = compile_chain(self, m)
            except Exception:  # never let the optimiser break a program: interpret instead
                if self.strict_compile:
                    raise
                m.hits = -(1 << 60)
                return self.eval_chain(m, L, t)
            self.ticks = 0  # a compile costs thousands of sends: check for Stop soon
        return code(L, t)

    def loop_code(self, m):
        code = m.loop_code
        if code is None:
            code = m.loop_code = compile_chain(self, m, single=True)
            self.ticks = 0  # as in chain: code run from doString in a loop compiles often
        return code

    def eval_chain(self, m, L, t):
        """Evaluate message chain ``m`` with ``L`` as locals, first target ``t``."""
        r = t
        try:
            while m is not None:
                c = m.cached
                if c is not None:
                    r = t = c
                    m = m.next
                    continue
                name = m.name
                if name == ";":
                    t = L
                    m = m.next
                    continue
                tc = t.__class__
                if tc is float:
                    v = lookup_in(self.Number, name)
                elif tc is str:
                    v = lookup_in(self.Sequence, name)
                else:
                    v = t.slots.get(name)
                    if v is None:
                        v = lookup_in(t, name)
                if v is None:
                    r = yield from self.forward(t, m, L)
                else:
                    vc = v.__class__
                    if vc is CFunction and v.kind == EAGER:
                        args = self.simple_args(m, L)
                        if args is None:
                            args = yield from self.eval_args(m, L)
                        r = self.call_eager(v, t, args)
                    elif vc is CFunction and (v is self.for_prim or v is self.while_prim) \
                            and t is L and tc is not float and tc is not str and self.compile:
                        # a loop is hot by nature: run it compiled even on its first pass
                        # (compiled code sends to a context with slots only: `obj for(...)`
                        # and `3 do(while(...))` are left to the primitive)
                        r = yield from self.loop_code(m)(L, t)
                    elif vc is CFunction or (vc is Block and v.activatable) or vc is ActObj:
                        r = yield from self.activate_value(v, t, m, L)
                    else:
                        r = v
                t = r
                m = m.next
        except _PASS:
            raise
        except IoError as e:
            raise IoRaise(self.error_exception(e.text, m, e.kind, t)) from None
        except RecursionError:
            raise IoRaise(self.error_exception("Stack overflow", m)) from None
        except Exception as e:  # a bug in pyio: report it as an Io error, keep running
            raise IoRaise(self.internal_error(e, m)) from None
        return r

    def send(self, t, m, L):
        """Send the single message ``m`` (ignoring ``m.next``) to ``t``."""
        v = self.slot_value(t, m.name)
        if v is None:
            return (yield from self.forward(t, m, L))
        return (yield from self.activate_value(v, t, m, L))

    def activate_value(self, v, t, m, L):
        """What happens when a slot holding ``v`` is reached by message ``m``."""
        vc = v.__class__
        if vc is CFunction:
            kind = v.kind
            if kind == LAZY:
                return (yield from v.fn(t, L, m))
            args = yield from self.eval_args(m, L)
            if kind == EAGER:
                return self.call_eager(v, t, args)
            lo, hi = v.lo, v.hi
            n = len(args)
            if n < lo:
                args.extend([self.nil] * (lo - n))
            elif 0 <= hi < n:
                del args[hi:]
            return (yield from v.fn(t, *args))
        if vc is Block and v.activatable:
            return (yield from self.activate(v, t, m, L))
        if vc is ActObj:
            act = lookup_in(v, "activate")
            if act is not None:
                return (yield from self.activate_value(act, t, m, L))
        return v

    def call_eager(self, v, t, args):
        lo, hi = v.lo, v.hi
        n = len(args)
        if n < lo:
            args.extend([self.nil] * (lo - n))
        elif 0 <= hi < n:
            del args[hi:]
        return v.fn(t, *args)

    def forward(self, t, m, L):
        """No slot found: locals hand the message to ``self``; others try ``forward``."""
        if t.__class__ is Locals:
            s = t.slots.get("self")
            if s is not None and s is not t:
                return (yield from self.send(s, m, L))
            return self.nil
        fwd = self.slot_value(t, "forward")
        if fwd is not None:
            return (yield from self.activate_value(fwd, t, m, L))
        # upstream's text when not even a `forward` slot exists (Lobby's answers the usual one)
        raise IoError(f"'{self.type_name(t)}' does not respond to message '{m.name}'")

    # -- arguments -------------------------------------------------------------------------
    def simple_args(self, m, L):
        """Argument values when every argument is a literal or a local variable read:
        the common case, done without creating a generator. None otherwise."""
        out = []
        for a in m.args:
            if a.next is not None:
                return None
            c = a.cached
            if c is not None:
                out.append(c)
                continue
            if a.args or L.__class__ in (float, str):  # `3 do(max(x))`: no locals slots
                return None
            v = L.slots.get(a.name)
            if v is None:
                return None
            vc = v.__class__
            if vc is CFunction or (vc is Block and v.activatable) or vc is ActObj:
                return None
            out.append(v)
        return out

    def eval_args(self, m, L, limit: int | None = None):
        """Evaluate ``m``'s arguments in ``L`` (only the first ``limit`` when given)."""
        out = []
        for a in m.args if limit is None else m.args[:limit]:
            c = a.cached
            if c is not None and a.next is None:
                out.append(c)
            else:
                out.append((yield from self.chain(a, L, L)))
        return out

    def arg(self, m, L, i: int):
        """Evaluate argument ``i`` of ``m`` in ``L`` (nil when missing), for lazy primitives."""
        args = m.args
        if i >= len(args):
            return self.nil
        a = args[i]
        c = a.cached
        if c is not None and a.next is None:
            return c
        return (yield from self.chain(a, L, L))

    # -- blocks ----------------------------------------------------------------------------
    def activate(self, blk, target, m, L, args=None, context=None, plain=False):
        """Run a Block: new locals, declared args bound, body evaluated, stops handled.

        ``args`` (already evaluated values) replaces evaluating ``m``'s arguments; it is
        used by ``call``/``performWithArgList`` style callers. ``context`` is
        the object holding the slot, when known (``call slotContext``). ``plain`` skips
        the compiled entry (which hands back blocks whose argument names changed)."""
        body = blk.message
        if context is None and not plain:
            entry = body.entry
            # (a body whose compile failed has negative hits: never scanned or tried again)
            if entry is None and self.compile and (
                    body.hits >= HOT or (body.hits >= 0 and loops(body))):
                try:
                    entry = body.entry = compile_entry(self, blk, target)
                    self.ticks = 0  # as in chain: a compile is slow, check for Stop soon
                except Exception:  # never let the optimiser break a program
                    if self.strict_compile:
                        raise
                    body.hits = -(1 << 60)
            if entry is not None and blk.arg_names is entry.names:
                if args is None:
                    args = yield from self.eval_args(m, L, len(blk.arg_names))
                    if blk.message is not body:  # the arguments gave the block a new body
                        return (yield from self.activate(blk, target, m, L, args))
                elif len(args) > len(blk.arg_names):  # (values past the names are unused)
                    args = args[:len(blk.arg_names)]
                d = self.coro.depth + 1
                g = entry(blk, target, L, m, d, *args)
                if d & HOP_MASK:
                    return (yield from g)
                return (yield g)
        names = blk.arg_names
        scope = blk.scope
        co = self.coro
        slots = {"self": target if scope is None else scope}
        nc = blk.needs_call
        if nc is None:
            nc = blk.needs_call = mentions_call(blk.message)
        if nc:
            call = slots["call"] = Call(self.call_protos, L, m, target, blk, co)
            if context is not None:  # performOn / resend / super name the slot's holder
                call.context = context
        else:
            call = None
        if names:
            if args is None:
                margs = m.args
                nil = self.nil
                i = 0
                while i < len(names):
                    if i < len(margs):
                        a = margs[i]
                        c = a.cached
                        if c is None or a.next is not None:
                            c = yield from self.chain(a, L, L)
                            # an argument may give the block new names: as upstream, the
                            # value goes to the name at its place now
                            names = blk.arg_names
                            if i >= len(names):
                                break
                        slots[names[i]] = c
                    else:
                        slots[names[i]] = nil
                    i += 1
            else:
                nil = self.nil
                for i, name in enumerate(names):
                    slots[name] = args[i] if i < len(args) else nil
        loc = Locals(self.locals_protos, slots)
        loc.leaf = True
        d = co.depth + 1
        if d > self.max_depth:
            raise self.depth_error()
        co.depth = d
        tick = self.tick
        tick.cell_contents -= 1
        if tick.cell_contents < 0:
            yield PREEMPT
        try:
            g = self.chain(blk.message, loc, loc)
            if d & HOP_MASK:
                r = yield from g
            else:
                r = yield g
        except IoStop as e:
            if blk.pass_stops:
                raise
            r = e.value  # `return x` ends this block; its call's own stop status still counts
        except IoRaise as e:
            self.note_frame(e.exc, m, target)
            raise
        finally:
            co.depth = d - 1
        if call is not None and call.stop_status is not None:
            # `call setStopStatus(Return)` makes the caller stop too
            raise STOPS[call.stop_status](r)
        return r

    def depth_error(self) -> IoError:
        return IoError(
            f"Stack overflow: more than {self.max_depth} nested calls "
            "(System setMaxRecursionDepth changes the limit)"
        )

    def call_block(self, blk, args: list, target=None):
        """Call a block with evaluated argument values (for primitives like ``foreach``)."""
        if target is None:
            target = blk.scope if blk.scope is not None else self.lobby
        return (yield from self.activate(blk, target, self.call_message, self.lobby, args))

    # -- loops -----------------------------------------------------------------------------
    def loop_body(self, body, L, target=None):
        """Evaluate one loop iteration; returns (value, stop) where stop is None, 'break' or
        'continue'. Also gives the trampoline its chance to end the slice. ``target`` (default
        ``L``) is what the body is sent to, for forms like ``list foreach(println)``."""
        tick = self.tick
        tick.cell_contents -= 1
        if tick.cell_contents < 0:
            yield PREEMPT
        try:
            return (yield from self.chain(body, L, L if target is None else target)), None
        except IoBreak as e:
            return e.value, "break"
        except IoContinue as e:
            return e.value, "continue"

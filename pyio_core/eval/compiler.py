"""The compiler tier: a hot message chain becomes one Python generator function.

The interpreter (engine.eval_chain) walks messages and creates a generator for every
non-trivial argument. For chains that run more than once (method bodies, loop bodies) we
generate Python source instead: each send is inline code — slot lookup, then a direct call
for eager primitives, ``yield from`` for blocks and lazy primitives — and arguments are
evaluated inline as Python locals. ``if`` is inlined when the slot really holds the built-in
``if``; otherwise the general path runs, so redefining anything keeps Io semantics.

Generated code never caches slot values across sends (Io slots may change at any time); it
only saves the interpretive overhead. A compiled chain registers itself on every message it
was built from (``Message.units``), and any mutation of those messages drops it.
"""

from __future__ import annotations

from ..errors import PASS_THROUGH, IoBreak, IoContinue, IoError, IoRaise, IoStop
from ..objects import IoObject, Locals, lookup_in
from ..registry import EAGER
from ..values import ActivatableObject, Block, Call, CFunction
from .requests import PREEMPT

HOT = 2  # evaluations of a chain before it is compiled

# Number primitives computed inline when the slot still holds the built-in (checked by
# identity on every send, so redefining Number's operators takes effect at once).
_NUMBER_OPS = {
    "+": "{0} + {1}",
    "-": "{0} - {1}",
    "*": "{0} * {1}",
    "<": "TRUE if {0} < {1} else FALSE",
    ">": "TRUE if {0} > {1} else FALSE",
    "<=": "TRUE if {0} <= {1} else FALSE",
    ">=": "TRUE if {0} >= {1} else FALSE",
    "==": "TRUE if {0} == {1} else FALSE",
    "!=": "TRUE if {0} != {1} else FALSE",
}

_OP_NAMES = {name: f"{i}" for i, name in enumerate(_NUMBER_OPS)}


class _Gen:
    """Builds the source of one compiled chain."""

    def __init__(self, S, entry: bool = False) -> None:
        self.S = S
        self.entry = entry  # compiling a whole activation: `return` can be a Python return
        self.lines: list[str] = []
        self.consts: list = []
        self.covered: list = []
        self.n = 0

    def var(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}{self.n}"

    def const(self, value) -> str:
        self.consts.append(value)
        return f"K[{len(self.consts) - 1}]"

    def emit(self, depth: int, line: str) -> None:
        self.lines.append("    " * depth + line)

    # -- chains ---------------------------------------------------------------------------
    def chain(self, m, target: str, depth: int, single: bool = False) -> str:
        """Emit code evaluating chain ``m`` starting at ``target``; return the result var.
        With ``single``, only ``m`` itself (not ``m.next``)."""
        if m.cached is not None and m.next is None:
            self.covered.append(m)
            return self.const(m.cached)
        r = self.var("r")
        self.emit(depth, f"{r} = {target}")
        t = target
        while m is not None:
            self.covered.append(m)
            c = m.cached
            if c is not None:
                self.emit(depth, f"{r} = {self.const(c)}")
                t = r
            elif m.name == ";":
                t = "L"
            else:
                self.send(m, t, r, depth)
                t = r
            m = None if single else m.next
        return r

    def lookup(self, m, t: str, tv: str, v: str, depth: int) -> None:
        """Emit the slot lookup: dict probes inline, the rare cases through S.resolve."""
        name = repr(m.name)
        if t == "L":
            # locals, then the Locals proto, then self when it is a plain object (the
            # usual method case), else the general walk
            self.emit(depth, f"{tv} = L")
            self.emit(depth, f"{v} = Ls.get({name})")
            self.emit(depth, f"if {v} is None:")
            self.emit(depth + 1, "if ISLOC:")
            self.emit(depth + 2, f"{v} = LPS.get({name})")
            self.emit(depth + 2, f"if {v} is None:")
            self.emit(depth + 3, f"{tv} = Ls.get('self')")
            self.emit(depth + 3, f"if {tv}.__class__ is IoObject:")
            self.emit(depth + 4, f"{v} = {tv}.slots.get({name})")
            self.emit(depth + 1, f"if {v} is None:")
            self.emit(depth + 2, f"{tv}, {v} = resolve(L, {name})")
            return
        self.emit(depth, f"{tv} = {t}")
        self.emit(depth, f"_c = {tv}.__class__")
        self.emit(depth, "if _c is float:")
        self.emit(depth + 1, f"{v} = NUMS.get({name}) or lookup_in(NUM, {name})")
        self.emit(depth, "elif _c is str:")
        self.emit(depth + 1, f"{v} = SEQS.get({name}) or lookup_in(SEQ, {name})")
        self.emit(depth, "else:")
        self.emit(depth + 1, f"{v} = {tv}.slots.get({name})")
        self.emit(depth + 1, f"if {v} is None:")
        self.emit(depth + 2, f"{tv}, {v} = resolve({tv}, {name})")

    def send(self, m, t: str, r: str, depth: int) -> None:
        mc = self.const(m)
        tv, v = self.var("t"), self.var("v")
        self.emit(depth, f"_m = {mc}")
        self.lookup(m, t, tv, v, depth)
        self.emit(depth, f"_t = {tv}")
        self.emit(depth, f"if {v} is None:")
        self.emit(depth + 1, f"{r} = yield from S.forward({tv}, {mc}, L)")
        k = len(m.args)
        self.assignment(m, tv, v, r, depth)
        inline = self.inline_for(m, k)
        if inline is not None:
            self.emit(depth, f"elif {v} is {inline[0]}:")
            inline[1](m, r, depth + 1)
            self.emit(depth, f"elif {v}.__class__ is CFunction or ({v}.__class__ is Block and "
                             f"{v}.activatable) or {v}.__class__ is ActObj:")
            self.emit(depth + 1, f"{r} = yield from S.activate_value({v}, {tv}, {mc}, L)")
            self.emit(depth, "else:")
            self.emit(depth + 1, f"{r} = {v}")
            return
        vc = self.var("c")
        self.emit(depth, "else:")
        d = depth + 1
        self.emit(d, f"{vc} = {v}.__class__")
        if k == 0:
            self.emit(d, f"if {vc} is CFunction and {v}.kind == EAGER and {v}.lo == 0:")
            self.emit(d + 1, f"{r} = {v}.fn({tv})")
        else:
            self.emit(d, f"if ({vc} is CFunction and {v}.kind == EAGER and {v}.lo <= {k} and "
                         f"({v}.hi < 0 or {v}.hi >= {k})) or ({vc} is Block and "
                         f"{v}.activatable and len({v}.arg_names) >= {k}):")
            args = [self.chain(a, "L", d + 1) for a in m.args]
            kw = "elif" if self.fast_paths(m, v, tv, args, r, d + 1) else "if"
            self.emit(d + 1, f"{kw} {vc} is CFunction:")
            self.emit(d + 2, f"{r} = {v}.fn({tv}, {', '.join(args)})")
            self.emit(d + 1, "else:")
            self.call_block(v, tv, mc, f"[{', '.join(args)}]", r, d + 2)
        self.emit(d, f"elif {vc} is CFunction or ({vc} is Block and {v}.activatable) or "
                     f"{vc} is ActObj:")
        self.emit(d + 1, f"{r} = yield from S.activate_value({v}, {tv}, {mc}, L)")
        self.emit(d, "else:")
        self.emit(d + 1, f"{r} = {v}")

    def fast_paths(self, m, v: str, tv: str, args: list, r: str, depth: int) -> bool:
        """Emit ``if`` branches doing a built-in primitive's work inline, each guarded by
        the slot still holding that primitive; False when ``m`` has none."""
        name = m.name
        if len(args) == 1 and name in _NUMBER_OPS:
            a = args[0]
            self.emit(depth, f"if {v} is OP_{_OP_NAMES[name]} and {tv}.__class__ is float and "
                             f"{a}.__class__ is float:")
            self.emit(depth + 1, f"{r} = {_NUMBER_OPS[name].format(tv, a)}")
            return True
        return False

    def assignment(self, m, tv: str, v: str, r: str, depth: int) -> None:
        """``x := v`` / ``x = v`` (setSlot / updateSlot with a literal name): store straight
        into the slot table when the slot holds the built-in primitive and, for updateSlot,
        the slot already exists there; otherwise the primitive decides (it may send
        ``updateSlot`` to self, whose own version then runs)."""
        args = m.args
        if (m.name not in ("setSlot", "updateSlot") or len(args) != 2 or args[0].next is not None
                or args[0].cached.__class__ is not str):
            return
        key = self.const(args[0].cached)
        plain = f"{tv}.__class__ is not float and {tv}.__class__ is not str"
        if m.name == "setSlot":
            self.emit(depth, f"elif {v} is SET_SLOT and {plain}:")
            a = self.chain(args[1], "L", depth + 1)
            self.emit(depth + 1, f"{tv}.slots[{key}] = {r} = {a}")
            return
        self.emit(depth, f"elif ({v} is LOCALS_UPDATE or {v} is UPDATE_SLOT) and {plain}:")
        a = self.chain(args[1], "L", depth + 1)
        self.emit(depth + 1, f"if {key} in {tv}.slots:")
        self.emit(depth + 2, f"{tv}.slots[{key}] = {r} = {a}")
        self.emit(depth + 1, f"elif {v} is UPDATE_SLOT:")
        self.emit(depth + 2, f"{r} = {v}.fn({tv}, {key}, {a})")
        self.emit(depth + 1, "else:")
        self.emit(depth + 2, f"{r} = yield from {v}.fn({tv}, {key}, {a})")

    def call_block(self, v: str, tv: str, mc: str, args: str, r: str, depth: int) -> None:
        """Activate block ``v``: its compiled entry when it has one, run by ``yield from``
        except every 64th level, where the trampoline takes it (bounded C stack)."""
        self.emit(depth, f"_e = {v}.message.entry")
        self.emit(depth, "if _e is None:")
        self.emit(depth + 1, f"{r} = yield from S.activate({v}, {tv}, {mc}, L, {args})")
        self.emit(depth, "else:")
        self.emit(depth + 1, f"_g = _e({v}, {tv}, L, {mc}, {args})")
        self.emit(depth + 1, "if S.coro.depth & 63 != 63:")
        self.emit(depth + 2, f"{r} = yield from _g")
        self.emit(depth + 1, "else:")
        self.emit(depth + 2, f"{r} = yield _g")

    def inline_for(self, m, k: int):
        """(guard name, emitter) when message ``m`` is a control structure we inline."""
        name = m.name
        if name == "if" and k in (2, 3):
            return "IF", self.inline_if
        if name == "while" and k == 2:
            return "WHILE", self.inline_while
        if name == "for" and k in (4, 5) and m.args[0].next is None:
            return "FOR", self.inline_for_loop
        if name == "return" and k <= 1 and self.entry:
            return "RETURN", self.inline_return
        return None

    def inline_return(self, m, r: str, depth: int) -> None:
        """``return x`` in an activation's own code: a Python return, no exception."""
        value = self.chain(m.args[0], "L", depth) if m.args else "NIL"
        self.emit(depth, "if call is not None and call.stop_status is not None:")
        self.emit(depth + 1, f"raise STOPS[call.stop_status]({value})")
        self.emit(depth, f"return {value}")

    def loop_body(self, body, r: str, depth: int) -> None:
        """One iteration: the slice check, then the body with break/continue handled."""
        self.emit(depth, "S.ticks -= 1")
        self.emit(depth, "if S.ticks < 0:")
        self.emit(depth + 1, "yield PREEMPT")
        self.emit(depth, "try:")
        self.emit(depth + 1, f"{r} = {self.chain(body, 'L', depth + 1)}")
        self.emit(depth, "except IoBreak as _e:")
        self.emit(depth + 1, f"{r} = _e.value")
        self.emit(depth + 1, "break")
        self.emit(depth, "except IoContinue:")
        self.emit(depth + 1, "pass")

    def inline_while(self, m, r: str, depth: int) -> None:
        self.emit(depth, f"{r} = NIL")
        self.emit(depth, "while True:")
        c = self.chain(m.args[0], "L", depth + 1)
        self.emit(depth + 1, f"if {c} is FALSE or {c} is NIL:")
        self.emit(depth + 2, "break")
        self.loop_body(m.args[1], r, depth + 1)

    def inline_for_loop(self, m, r: str, depth: int) -> None:
        args = m.args
        i, end, step = self.var("i"), self.var("e"), self.var("s")
        self.emit(depth, f"{i} = {self.chain(args[1], 'L', depth)}")
        self.emit(depth, f"{end} = {self.chain(args[2], 'L', depth)}")
        self.emit(depth, f"{step} = {self.chain(args[3], 'L', depth) if len(args) == 5 else 1.0}")
        self.emit(depth, f"check_for(S, {i}, {end}, {step})")
        self.emit(depth, f"{r} = NIL")
        self.emit(depth, f"while ({i} <= {end}) if {step} > 0 else ({i} >= {end}):")
        self.emit(depth + 1, f"Ls[{args[0].name!r}] = {i}")
        self.loop_body(args[-1], r, depth + 1)
        self.emit(depth + 1, f"{i} += {step}")

    def inline_if(self, m, r: str, depth: int) -> None:
        c = self.chain(m.args[0], "L", depth)
        self.emit(depth, f"if {c} is not FALSE and {c} is not NIL:")
        self.emit(depth + 1, f"{r} = {self.chain(m.args[1], 'L', depth + 1)}")
        self.emit(depth, "else:")
        if len(m.args) > 2:
            self.emit(depth + 1, f"{r} = {self.chain(m.args[2], 'L', depth + 1)}")
        else:  # no else branch: the outcome itself, like the `if` primitive
            self.emit(depth + 1, f"{r} = FALSE")


def check_for(S, start, end, step) -> None:
    """``for`` bounds must be numbers (shared by the primitive and the inline loop)."""
    for i, v in enumerate((start, end, step), 1):  # upstream's text names the argument
        if v.__class__ is not float:
            raise IoError(f"argument {i} to method 'for' must be a Number, not a '{S.type_name(v)}'")


def compile_chain(S, m, single: bool = False):
    """Compile the chain starting at ``m`` (only ``m`` with ``single``) into ``run(L, t)``,
    a generator function."""
    g = _Gen(S)
    r = g.chain(m, "L", 3, single)
    head = [
        "    def run(L, t):",
        "        if t is not L:",  # compiled code assumes the usual case, target == locals
        "            return (yield from S.eval_chain(M0, L, t))",
        "        Ls = L.slots",
        "        ISLOC = L.__class__ is Locals",
        "        _m = _t = None",
        "        try:",
    ]
    tail = [
        f"            return {r}",
        "        except PASS:",
        "            raise",
        "        except IoError as e:",
        "            raise IoRaise(S.error_exception(e.text, _m, e.kind, _t)) from None",
        *_INTERNAL,
    ]
    return _build(S, m, g, head, tail)


def compile_entry(S, body):
    """Compile a whole activation of a block whose body is ``body``:
    ``run(blk, target, caller_locals, message, args)`` — the same steps as
    ``Engine.activate`` (kept in step with it) with the body inline, saving a generator and
    a Python frame on every Io call."""
    g = _Gen(S, entry=True)
    r = g.chain(body, "L", 3)
    head = [
        "    def run(blk, target, CL, m, args):",
        "        scope = blk.scope",
        "        Ls = {'self': target if scope is None else scope}",
        "        nc = blk.needs_call",
        "        if nc is None:",
        "            nc = blk.needs_call = mentions_call(blk.message)",
        "        co = S.coro",
        "        if nc:",
        "            call = Ls['call'] = Call(CALLP, CL, m, target, blk, co)",
        "        else:",
        "            call = None",
        "        names = blk.arg_names",
        "        if names:",
        "            n = len(args)",
        "            for i, name in enumerate(names):",
        "                Ls[name] = args[i] if i < n else NIL",
        "        L = Locals(LOCP, Ls)",
        "        ISLOC = True",
        "        d = co.depth + 1",
        "        if d > S.max_depth:",
        "            raise S.depth_error()",
        "        co.depth = d",
        "        S.ticks -= 1",
        "        if S.ticks < 0:",
        "            yield PREEMPT",
        "        _m = m",
        "        _t = target",
        "        try:",
    ]
    tail = [
        f"            _r = {r}",
        "        except IoStop as e:",
        "            if blk.pass_stops:",
        "                raise",
        "            _r = e.value",
        "        except IoRaise as e:",
        "            S.note_frame(e.exc, m, target)",
        "            raise",
        "        except PASS:",
        "            raise",
        "        except IoError as e:",
        "            exc = S.error_exception(e.text, _m, e.kind, _t)",
        "            S.note_frame(exc, m, target)",
        "            raise IoRaise(exc) from None",
        *_INTERNAL,
        "        finally:",
        "            co.depth = d - 1",
        "        if call is not None and call.stop_status is not None:",
        "            raise STOPS[call.stop_status](_r)",
        "        return _r",
    ]
    return _build(S, body, g, head, tail)


_INTERNAL = [
    "        except RecursionError:",
    "            raise IoRaise(S.error_exception('Stack overflow', _m)) from None",
    "        except Exception as e:",
    "            raise IoRaise(S.internal_error(e, _m)) from None",
]


def _build(S, m, g: _Gen, head: list[str], tail: list[str]):
    src = "\n".join(
        [
            "def make(S, K):",
            *head,
            *g.lines,
            *tail,
            "        yield",  # makes run a generator even when the code never sends
            "    return run",
        ]
    )
    from .engine import STOPS, mentions_call  # noqa: PLC0415  (engine imports us)

    ns = {
        "CFunction": CFunction,
        "Block": Block,
        "ActObj": ActivatableObject,
        "Call": Call,
        "CALLP": S.call_protos,
        "LOCP": S.locals_protos,
        "LPS": S.locals_slots,
        "IoObject": IoObject,
        "STOPS": STOPS,
        "mentions_call": mentions_call,
        "IoStop": IoStop,
        "EAGER": EAGER,
        "Locals": Locals,
        "lookup_in": lookup_in,
        "IoError": IoError,
        "M0": m,
        "IoRaise": IoRaise,
        "PASS": PASS_THROUGH,
        "NUM": S.Number,
        "SEQ": S.Sequence,
        "NUMS": S.Number.slots,
        "SEQS": S.Sequence.slots,
        "IF": S.Object.slots.get("if"),
        "WHILE": S.Object.slots.get("while"),
        "FOR": S.Object.slots.get("for"),
        "RETURN": S.Object.slots.get("return"),
        "SET_SLOT": S.Object.slots.get("setSlot"),
        "UPDATE_SLOT": S.Object.slots.get("updateSlot"),
        "LOCALS_UPDATE": S.locals_slots.get("updateSlot"),
        "check_for": check_for,
        "PREEMPT": PREEMPT,
        "IoBreak": IoBreak,
        "IoContinue": IoContinue,
        "NIL": S.nil,
        "TRUE": S.true,
        **{f"OP_{_OP_NAMES[name]}": S.Number.slots.get(name) for name in _NUMBER_OPS},
        "FALSE": S.false,
        "resolve": S.resolve,
    }
    exec(compile(src, f"<io {m.label}:{m.line}>", "exec"), ns)
    run = ns["make"](S, g.consts)
    for node in g.covered:
        units = node.units
        if units is None:
            node.units = [m]
        elif m not in units:
            units.append(m)
    return run

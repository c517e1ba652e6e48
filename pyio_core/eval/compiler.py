"""The compiler tier: a hot message chain becomes one Python generator function.

The interpreter (engine.eval_chain) walks messages and creates a generator for every
non-trivial argument. For chains that run more than once (method bodies, loop bodies) we
generate Python source instead: each send is inline code — slot lookup, then a direct call
for eager primitives, ``yield from`` for blocks and lazy primitives — and arguments are
evaluated inline as Python locals. ``if``, loops, ``return``, Number arithmetic and
assignment are inlined when the slot really holds the built-in (checked on every
execution); otherwise the general path runs, so redefining anything keeps Io semantics.

A method's whole activation compiles to one generator function (``compile_entry``). When
its body cannot reach its ``call``, its arguments and local variables live in Python
locals ("virtual locals"): no Locals object exists until something could observe one — a
lazy primitive, a block literal, a send answered by the Locals proto, a callee that wants
``call sender``. Then the Locals object is made from the Python locals, and from that
moment every call is bracketed by copying the locals out to it and back in, because code
holding it (a block's scope, ``thisLocalContext``) may read or change them.

Generated code never caches slot values across sends (Io slots may change at any time); it
only saves the interpretive overhead. A compiled chain registers itself on every message it
was built from (``Message.units``), and any mutation of those messages drops it.

Depth and ticks: an activation receives its nesting depth ``d`` as an argument (no shared
counter to keep in step); every 64th level it yields its callee to the
trampoline, so the C stack stays bounded. The tick counter that makes long computations yield ``PREEMPT`` and
the recursion limit live in cells shared by all compiled code (``S.tick``, ``S.depth_cell``),
which are cheaper to reach than attributes.
"""

from __future__ import annotations

from types import CellType, FunctionType

from ..errors import PASS_THROUGH, IoBreak, IoContinue, IoError, IoRaise, IoReturn, IoStop
from ..objects import IoObject, Locals, WatchedSlots, lookup_holder, lookup_in
from ..registry import EAGER, LAZY
from ..values import ActivatableObject, Block, Call, CFunction, IoList
from .requests import HOP_MASK, PREEMPT

HOT = 2  # evaluations of a chain before it is compiled

# Number primitives computed inline when the slot still holds the built-in (checked by
# identity on every send, so redefining Number's operators takes effect at once).
_NUMBER_OPS = {
    "+": "{0} + {1}",
    "-": "{0} - {1}",
    "*": "{0} * {1}",
    # as upstream, the same object is equal to itself first (a NaN too)
    "<": "FALSE if {0} >= {1} or {0} is {1} else TRUE",
    ">": "TRUE if {0} > {1} else FALSE",
    "<=": "FALSE if {0} > {1} else TRUE",
    ">=": "TRUE if {0} >= {1} or {0} is {1} else FALSE",
    "==": "TRUE if {0} == {1} or {0} is {1} else FALSE",
    "!=": "FALSE if {0} == {1} or {0} is {1} else TRUE",
}
_OP_NAMES = {name: f"{i}" for i, name in enumerate(_NUMBER_OPS)}
# the comparisons above as Python truth values (an inlined `if` tests them directly)
_TESTS = {
    "<": "not ({0} >= {1} or {0} is {1})",
    ">": "{0} > {1}",
    "<=": "not {0} > {1}",
    ">=": "{0} >= {1} or {0} is {1}",
    "==": "{0} == {1} or {0} is {1}",
    "!=": "not ({0} == {1} or {0} is {1})",
}
# the same without the identity test, for an operand that is a literal number (not a NaN):
# then "the same object" already means "equal"
_PLAIN = {
    "<": ("FALSE if {0} >= {1} else TRUE", "not {0} >= {1}"),
    ">=": ("TRUE if {0} >= {1} else FALSE", "{0} >= {1}"),
    "==": ("TRUE if {0} == {1} else FALSE", "{0} == {1}"),
    "!=": ("FALSE if {0} == {1} else TRUE", "not {0} == {1}"),
}


def _code(table: dict, op, x: str, a: str) -> str:
    """Python for operator message ``op`` on variables ``x`` and ``a`` (its operand), from
    ``table`` (_NUMBER_OPS or _TESTS)."""
    lit = op.args[0].cached
    if op.name in _PLAIN and lit.__class__ is float and lit == lit:
        return _PLAIN[op.name][table is _TESTS].format(x, a)
    return table[op.name].format(x, a)


_DUP_LIMIT = 12  # messages in an operand worth emitting twice (fast and general branch)
# names whose store into the context moves EP (loop caches assume the context's own slots
# keep them: `self` for methods' lookups, the assignments an inlined loop skips looking up)
_GUARDED_NAMES = ("self", "setSlot", "updateSlot")

CHAIN, ENTRY_L, ENTRY_V = "chain", "entry", "virtual"


def _size(m) -> int:
    n = 0
    todo = [m]
    while todo:
        m = todo.pop()
        while m is not None:
            n += 1
            todo.extend(m.args)
            m = m.next
    return n


def _flat(args: list) -> bool:
    """Arguments worth a second copy of their code (a fast branch beside the general one):
    small, and sending nothing with arguments of its own but an operator on one plain
    operand (`n - 1`, `i asString`). A copy of a nested call would copy its own copies:
    the code would grow threefold per level of nesting."""
    if sum(map(_size, args)) > _DUP_LIMIT:
        return False
    todo = list(args)
    while todo:
        m = todo.pop()
        while m is not None:
            if m.args and not (len(m.args) == 1 and m.name in _NUMBER_OPS
                               and m.args[0].next is None and not m.args[0].args):
                return False
            m = m.next
    return True


def _messages(m) -> list:
    """The messages of an operation ``x op y`` (or of ``x`` alone)."""
    op = m.next
    return [m] if op is None else [m, op, *op.args]


def _is_name(m) -> bool:
    return m.next is None and not m.args and m.cached is None


def _assigned_names(body) -> list[str]:
    """Names given to ``setSlot`` with a literal name anywhere in ``body``: the candidates
    for virtual locals (a name assigned elsewhere, e.g. in a nested block, just stays
    unset here and is looked up as usual)."""
    out: list[str] = []
    todo = [body]
    while todo:
        m = todo.pop()
        while m is not None:
            a = m.args
            if (m.name == "setSlot" and len(a) == 2 and a[0].next is None
                    and a[0].cached.__class__ is str and a[0].cached not in out):
                out.append(a[0].cached)
            elif m.name == "for" and len(a) in (4, 5) and _is_name(a[0]):
                out.extend(n for n in [a[0].name] if n not in out)
            elif m.name == "foreach" and len(a) in (2, 3) and all(_is_name(x) for x in a[:-1]):
                out.extend(n for n in (x.name for x in a[:-1]) if n not in out)
            todo.extend(a)
            m = m.next
    return out


class _Gen:
    """Builds the source of one compiled chain or activation."""

    def __init__(self, S, mode: str, names: list[str] | tuple = ()) -> None:
        self.S = S
        self.mode = mode
        self.lines: list[str] = []
        # per line, the send whose code it is: (message, variable holding its target); an
        # error raised on that line is reported at that send (see ``where``)
        self.tags: list = []
        self.at = None
        self.consts: list = []
        self.covered: list = []
        self.n = 0
        self.nest = 0  # sends being emitted around this point (see temp)
        self.chains: dict[int, int] = {}  # chain results named so far at each level
        self.in_loop = 0  # > 0 while emitting an inlined loop's condition or body
        self.inits: list[str] = []  # loop lookup caches, set up before the body runs
        self.walks: list[str] = []  # per-site memories of protos walks
        self.sites: list[str] = []  # per-site memories of the block last called
        self.selfs: list[str] = []  # per-site memories of where self answered a name
        self.fused: list[str] = []  # sites of self_method_call: their one-line memory
        self.recvs: list[str] = []  # per-site memories of where a receiver answered a name
        self.contexts: list[str] = []  # per-site memories of where a plain context answered
        self.updates: dict[int, str] = {}  # assignment (id) -> its memory of self's update
        self.clones: list[str] = []  # per-site memories of a clone's proto and its init
        self.context_of: dict[int, str] = {}  # send (id) -> its context memory, made early
        self.peek = None  # a method's self when compiled: what its self calls reach now
        self.inline_body: dict[str, tuple] = {}  # site -> the callee body quick_call inlined
        # loop variables of the context (Io name -> Python variable) that an inlined `for`
        # has just bound to that variable's float, with nothing run since on any path: a
        # read of the name is the variable. Every point where code may run forgets them
        # (``changed``), and so does every send's general branch, emitted after its fast
        # ones: a store inline (`i = 5`) is such a fast branch, an inlined loop too. A
        # turn forgets them at its slice check, before its binding; a `while`'s condition
        # (it runs after the body too) starts with none.
        self.fresh: dict[str, str] = {}
        # virtual locals: Io name -> Python variable
        self.V: dict[str, str] = {}
        if mode == ENTRY_V:
            self.V["self"] = "SELF"
            for name in names:
                if name not in self.V:
                    self.V[name] = f"l{len(self.V)}"

    def loop_cache_setup(self) -> list[str]:
        """The prologue lines of the loop lookup caches: none when the code has none (then
        nothing reads EP and its bumps are dropped, see _build)."""
        return ["EP = 0", *self.inits] if self.inits else []

    def site_globals(self) -> dict[str, object]:
        """The per-site memories run() assigns, with their empty values: globals of this
        unit (closure variables would be copied into every activation's frame)."""
        # (a primitive memory is tested before the lookup's miss: None would match it)
        empty = {"s": -1, "f": -1, "p": None, "h": None, "b": None, "e": None, "o": None,
                 "c": _NO_PRIM, "n": None, "i": False, "u": None}
        return {f"{w}{x}": empty[x] for names, xs in (
            (self.walks, "sph"), (self.sites, "bsec"), (self.selfs, "soph"),
            (self.fused, "fohi"), (self.recvs, "socph"), (self.contexts, "sonh"),
            (self.updates.values(), "sophu"), (self.clones, "sohbe"))
            for w in names for x in xs}

    def var(self, prefix: str) -> str:
        """A variable of its own (caches, loop state)."""
        self.n += 1
        return f"{prefix}{self.n}"

    def temp(self, prefix: str) -> str:
        """A variable for one send's or chain's working values, named by how deeply sends
        nest at this point: values at one level are dead when the next sibling starts, so
        siblings share names and an activation's frame has a few locals, not hundreds
        (a generator frame is set up and torn down on every Io call)."""
        if prefix != "r":
            return f"{prefix}_{self.nest}"
        k = self.chains.get(self.nest, 0)
        self.chains[self.nest] = k + 1
        return f"r_{self.nest}_{k}"

    def const(self, value) -> str:
        self.consts.append(value)
        return f"k{len(self.consts) - 1}"

    def emit(self, depth: int, line: str) -> None:
        self.lines.append("    " * depth + line)
        self.tags.append(self.at)

    # -- virtual locals ------------------------------------------------------------------
    def sync_out(self, depth: int) -> None:
        """Make the Locals object (first time) or refresh it from the Python locals."""
        if self.mode == ENTRY_V:
            self.emit(depth, f"L = OUT(L, {', '.join(self.V.values())})")
            self.emit(depth, "Ls = L.slots")

    def sync_in(self, depth: int) -> None:
        """Read the locals back after code that may have changed them."""
        if self.mode == ENTRY_V:
            self.emit(depth, f"{', '.join(self.V.values())}, = IN(Ls)")

    def opaque(self, depth: int, line: str) -> None:
        """A general-path line, which may see this activation's locals."""
        self.changed(depth)
        if self.mode == ENTRY_V:
            self.sync_out(depth)
            self.emit(depth, "S.coro.depth = d")
            self.emit(depth, line)
            self.sync_in(depth)
        else:
            if self.mode == ENTRY_L:  # as in activate: the callee's depth counts from ours
                self.emit(depth, "S.coro.depth = d")
            self.emit(depth, line)

    def guarded(self, depth: int, line: str) -> None:
        """A fast-path call: it cannot see the locals unless a Locals object escaped."""
        self.changed(depth)
        if self.mode == ENTRY_V:
            self.emit(depth, "if L is not None:")
            self.sync_out(depth + 1)
            self.emit(depth, line)
            self.emit(depth, "if L is not None:")
            self.sync_in(depth + 1)
        else:
            self.emit(depth, line)

    def gen_call(self, depth: int, line: str) -> None:
        """A primitive that may run Io code (``delegateTo``): activations it starts count
        their depth from ours, so it must be current (else the trampoline never takes
        over and deep recursion ends in Python's own stack limit)."""
        if self.mode != CHAIN:
            self.emit(depth, "S.coro.depth = d")
        self.guarded(depth, line)

    # -- chains ---------------------------------------------------------------------------
    def chain(self, m, target: str, depth: int, single: bool = False,
              into: str | None = None) -> str:
        """Emit code evaluating chain ``m`` starting at ``target``; return the result var
        (``into`` when given, unless the chain is a constant). With ``single``, only ``m``
        itself (not ``m.next``)."""
        if m.cached is not None and m.next is None:
            self.covered.append(m)
            return self.const(m.cached)
        r = into or self.temp("r")
        if m.name == ";" and m.cached is None:  # otherwise the first message sets r
            self.emit(depth, f"{r} = {'SELF' if target == 'L' and self.mode == ENTRY_V else target}")
        t = target
        while m is not None:
            self.covered.append(m)
            c = m.cached
            if c is not None:
                self.emit(depth, f"{r} = {self.const(c)}")
                t = r
            elif m.name == ";":
                t = "L"
            elif t == "L" and not single and self.is_read(m) and self.is_operation(m.next):
                self.read_then_operation(m, r, depth)
                t = r
                m = m.next
            elif t == "L" and not m.args and m.name in self.V:
                self.local_read(m, r, depth)
                t = r
            elif t == "L" and not m.args and self.mode != ENTRY_V:
                self.slot_read(m, r, depth)
                t = r
            elif t != "L" and len(m.args) == 1 and m.name in _NUMBER_OPS and self.is_simple(m.args[0]):
                self.simple_number_op(m, t, r, depth)
                t = r
            else:
                self.send(m, t, r, depth)
                t = r
            m = None if single else m.next
        return r

    def is_operation(self, m) -> bool:
        """``m`` is a Number operator whose operand has no effects (``< 2``, ``- b``)."""
        return (m is not None and m.cached is None and len(m.args) == 1
                and m.name in _NUMBER_OPS and self.is_simple(m.args[0]))

    def read_then_operation(self, m, r: str, depth: int) -> None:
        """``n < 2``, ``s + i``: a local or a slot of the context, then an operator: when
        both values are numbers one test does for both messages."""
        op = m.next
        self.covered.append(op)
        fresh = self.fresh.get(m.name)  # (a float)
        if m.name in self.V:
            x = self.V[m.name]
        elif fresh is not None:
            x = fresh
        else:
            x = r
            self.emit(depth, f"{r} = Ls.get({m.name!r})")
        av, checks = self.operand(op.args[0], depth)
        tests = ("" if fresh else f" and {x}.__class__ is float") + checks
        self.emit(depth, f"if {tests[5:] + ' and ' if tests else ''}NOK:")
        self.emit(depth + 1, f"{r} = {_code(_NUMBER_OPS, op, x, av)}")
        self.emit(depth, "else:")
        if m.name in self.V:
            self.local_read(m, r, depth + 1)
        else:
            self.slot_read(m, r, depth + 1)
        self.simple_number_op(op, r, r, depth + 1)

    def local_read(self, m, r: str, depth: int) -> None:
        """A virtual local holding a plain value is just that value; anything that may
        activate (or an unset local) takes the full send."""
        self.covered.append(m)
        self.emit(depth, f"{r} = {self.V[m.name]}")
        self.emit(depth, f"if {r}.__class__ is not float and {r}.__class__ in SPECIAL:")
        self.send(m, "L", r, depth + 1)

    def slot_read(self, m, r: str, depth: int) -> None:
        """A name found in the context's own slots holding a plain value is that value
        (variables at top level, in ``do`` and in methods that use ``call``)."""
        self.covered.append(m)
        if m.name in self.fresh:
            self.emit(depth, f"{r} = {self.fresh[m.name]}")
            return
        self.emit(depth, f"{r} = Ls.get({m.name!r})")
        self.emit(depth, f"if {r}.__class__ in SPECIAL:")  # (None's class is in it)
        self.send(m, "L", r, depth + 1)

    def simple_number_op(self, m, t: str, r: str, depth: int) -> None:
        """``x + 1``, ``a < b`` with an operand that has no effects: test everything the
        inline arithmetic needs up front, before any lookup."""
        av, checks = self.operand(m.args[0], depth)
        self.emit(depth, f"if {t}.__class__ is float{checks} and NOK:")
        self.emit(depth + 1, f"{r} = {_code(_NUMBER_OPS, m, t, av)}")
        self.emit(depth, "else:")
        self.send(m, t, r, depth + 1)

    def operand(self, a, depth: int, prefix: str = "a") -> tuple[str, str]:
        """An operand without effects: (its variable, the test that it is a number)."""
        self.covered.append(a)
        if a.cached is not None:
            av = self.const(a.cached)
            return av, "" if a.cached.__class__ is float else f" and {av}.__class__ is float"
        if a.name in self.V:
            av = self.V[a.name]
        elif a.name in self.fresh:
            return self.fresh[a.name], ""
        else:  # a slot of the context: reading it has no effect (a miss takes the send)
            av = self.temp(prefix)
            self.emit(depth, f"{av} = Ls.get({a.name!r})")
        return av, f" and {av}.__class__ is float"

    def is_read(self, m) -> bool:
        """Message ``m`` alone has no effects: a literal, a virtual local read, or (where
        the context's slots are at hand) a read of one of those."""
        return m.cached is not None or (not m.args and m.name != ";" and (
            m.name in self.V or self.mode != ENTRY_V))

    def is_simple(self, a) -> bool:
        """An operand whose evaluation has no effects: one such read."""
        return a.next is None and self.is_read(a)

    def lookup(self, m, t: str, tv: str, v: str, depth: int, x: str | None = None) -> None:
        """Emit the slot lookup. In virtual mode ``tv`` stays None when the Locals proto
        answers (the target is the not-yet-made Locals object); ``x`` names the site's
        memory of where ``self`` answered when the caller already tests it."""
        name = repr(m.name)
        if t == "L" and self.mode == ENTRY_V:
            pv = self.V.get(m.name)
            d = depth
            if pv is not None:  # a local is found with or without arguments: `b(3)`
                self.emit(d, f"{v} = {pv}")
                self.emit(d, f"{tv} = None")
                self.emit(d, f"if {v} is UNSET:")
                d += 1
            if m.name in self.S.locals_slots:  # `if`, `while`...: the Locals proto answers
                if m.name in _LOCALS_INLINED:  # LOK: its slot holds the built-in
                    self.emit(d, "if L is None and LOK:")
                    self.emit(d + 1, f"{v} = {_LOCALS_INLINED[m.name]}")
                    if self.inline_for(m, len(m.args)) is None:  # (an inlined control
                        self.emit(d + 1, f"{tv} = None")  # structure needs no target)
                    self.emit(d, f"elif L is None and ({v} := LPS.get({name})) is not None:")
                else:
                    self.emit(d, f"if L is None and ({v} := LPS.get({name})) is not None:")
                self.emit(d + 1, f"{tv} = None")
                self.emit(d, "elif L is None:")
            else:
                self.emit(d, "if L is None:")
            e = e0 = self.cache_open(tv, v, d + 1)
            x = self.self_memory(tv, name, v, e, x)
            self.emit(e + 1, f"{v} = LPS.get({name})")
            self.emit(e + 1, f"if {v} is None and LOCO.protos:")  # a program gave Locals protos
            self.emit(e + 2, f"{v} = lookup_in(LOCO, {name})")
            self.emit(e + 1, f"{tv} = None")
            self.emit(e + 1, f"if {v} is None:")
            self.emit(e + 2, f"{tv} = SELF")
            self.self_lookup(tv, name, v, e + 2)
            self.remember(x, tv, name, v, e + 2)
            self.cache_close(tv, v, e0)
            self.emit(d, "else:")
            self.locals_lookup(name, tv, v, d + 1, True)
            return
        if t == "L":
            self.locals_lookup(name, tv, v, depth, self.mode != CHAIN, self.context_memory(m))
            return
        self.receiver_lookup(m, t, tv, v, depth)

    def receiver_lookup(self, m, t: str, tv: str, v: str, depth: int) -> None:
        """Lookup in the value ``t`` of an expression (``c bump``, ``i asString``). A
        number or a string asks its proto; an object is first compared with the site's
        memory (``RECV``): the same object, for one that is nobody's leaf (a proto, the
        Lobby), or one of the same class whose only proto is the same, for a leaf (a fresh
        clone, a new list). Its own slots are read first, then the holder the memory names
        (an empty one when nothing had the name: the send then forwards). The memory holds
        while the shape counter stands still: a slot added to or removed from a non-leaf,
        any protos list changed."""
        name = repr(m.name)
        w = self.var("w")
        self.recvs.append(w)
        self.emit(depth, f"{tv} = {t}")
        self.emit(depth, f"if {tv}.__class__ is float:")
        if m.name in _NUMBER_OPS:  # NOK: Number's slot holds the built-in
            self.emit(depth + 1, f"{v} = OP_{_OP_NAMES[m.name]} if NOK else "
                                 f"(NUMS.get({name}) or lookup_in(NUM, {name}))")
        else:
            self.emit(depth + 1, f"{v} = NUMS.get({name}) or lookup_in(NUM, {name})")
        # (a protos list compares its items by identity: no IoObject defines __eq__; the
        # holder's get as the default is one line, and a slot value is never None)
        self.emit(depth, f"elif {w}s == SH and ({tv} is {w}o or {tv}.__class__ is {w}c and "
                         f"{tv}.protos == {w}p):")
        self.emit(depth + 1, f"{v} = {tv}.slots.get({name}, {w}h.slots.get({name}))")
        self.emit(depth, f"elif {tv}.__class__ is str:")
        self.emit(depth + 1, f"{v} = SEQS.get({name}) or lookup_in(SEQ, {name})")
        self.emit(depth, "else:")
        self.emit(depth + 1, f"{v} = {tv}.slots.get({name})")
        self.emit(depth + 1, f"if {tv}.__class__ is Locals:")
        self.emit(depth + 2, f"if {v} is None: {tv}, {v} = resolve({tv}, {name})")
        self.emit(depth + 1, "else:")
        self.emit(depth + 2, f"{w}s, {w}o, {w}c, {w}p, {w}h = RECV({tv}, {name}, SH)")
        self.emit(depth + 2, f"if {v} is None: {v} = {w}h.slots.get({name})")

    def context_memory(self, m) -> str | None:
        """The memory of where a plain context answered send ``m`` (CHAIN mode only: other
        modes' contexts are Locals), made by the first of its users (the lookup, the
        inlined assignment)."""
        if self.mode != CHAIN:
            return None
        c = self.context_of.get(id(m))
        if c is None:
            c = self.context_of[id(m)] = self.var("x")
            self.contexts.append(c)
        return c

    def self_memory(self, tv: str, name: str, v: str, depth: int, x: str | None = None) -> str:
        """A virtual-locals activation's lookup of a name that is not a local: the site
        remembers where it was found, so later lookups skip the Locals proto and the walk.
        For a ``self`` that is nobody's leaf (the Lobby, a proto) the memory is that object
        and the holder; for a leaf (a fresh clone) it is the clone's only proto and where
        the walk from it ended, and the clone's own slots are still read first. Anything
        that could change the answer moves the shape counter: a slot added to or removed
        from a non-leaf, a protos list, the Locals proto. Emits the hits and an ``else:``
        under which (one level deeper) the caller emits the full lookup, then
        ``remember``. Returns the memory's name."""
        x = x or self.var("x")
        self.selfs.append(x)
        # (a non-leaf's holder is itself when it has the name: its own slots may go first)
        self.emit(depth, f"if {x}s == SH and (SELF is {x}o or SELF.__class__ is IoObject and "
                         f"len(_p := SELF.protos) == 1 and _p[0] is {x}p):")
        self.emit(depth + 1, f"{tv} = SELF")
        self.emit(depth + 1, f"{v} = SELF.slots.get({name})")
        self.emit(depth + 1, f"if {v} is None: {v} = {x}h.slots.get({name})")
        self.emit(depth, "else:")
        return x

    def remember(self, x: str, tv: str, name: str, v: str, depth: int) -> None:
        """Fill the memory of ``self_memory`` after a full lookup that ``self`` answered."""
        self.emit(depth, f"if {v} is not None and {tv} is SELF and SELF.__class__ is IoObject:")
        self.emit(depth + 1, "if not getattr(SELF, 'leaf', False):")
        self.emit(depth + 2, f"{x}s, {x}o, {x}p = SH, SELF, None")
        self.emit(depth + 2, f"{x}h = SELF if {name} in SELF.slots else "
                             f"lookup_holder(SELF, {name})[0]")
        self.emit(depth + 1, "elif len(SELF.protos) == 1:")
        self.emit(depth + 2, f"_h = lookup_holder(SELF, {name})[0]")
        self.emit(depth + 2, "if _h is not None:")
        self.emit(depth + 3, f"{x}s, {x}o, {x}p, {x}h = SH, None, SELF.protos[0], _h")

    def self_lookup(self, tv: str, name: str, v: str, depth: int) -> None:
        """Lookup in ``tv`` (a method's self): own slots, then a cached walk; a Locals
        (a block's self is the code around it) or an unboxed value the general way."""
        self.emit(depth, f"_c = {tv}.__class__")
        self.emit(depth, "if _c is float or _c is str:")
        self.emit(depth + 1, f"{tv}, {v} = resolve({tv}, {name})")
        self.emit(depth, "else:")
        self.own_then_protos(tv, name, v, depth + 1)

    def own_then_protos(self, tv: str, name: str, v: str, depth: int) -> None:
        """``tv``'s own slots, then (``_c`` holds its class) a Locals forwards the general
        way and anything else walks its protos with the site's memory."""
        self.emit(depth, f"{v} = {tv}.slots.get({name})")
        self.emit(depth, f"if {v} is None:")
        self.emit(depth + 1, "if _c is Locals:")
        self.emit(depth + 2, f"{tv}, {v} = resolve({tv}, {name})")
        self.emit(depth + 1, "else:")
        self.walk(tv, name, v, depth + 2)

    def locals_lookup(self, name: str, tv: str, v: str, depth: int, is_locals: bool,
                      x: str | None = None) -> None:
        """Lookup from a real context ``L``: its slots, then a plain object (the Lobby, a
        ``do``: CHAIN mode) reads the holder the site's memory ``x`` names for this very
        context under the current shape (``CTX`` fills it), while a Locals asks the Locals
        proto and ``self`` when it is a plain object, else the general way (inside a
        loop of a method that uses ``call``, remembered from the previous turn)."""
        self.emit(depth, f"{tv} = L")
        self.emit(depth, f"{v} = Ls.get({name})")
        self.emit(depth, f"if {v} is None:")
        d = depth + 1
        if not is_locals:
            self.emit(d, f"if {x}s == SH and L is {x}o:")
            self.emit(d + 1, f"{v} = {x}h.slots.get({name})")
            self.emit(d, "elif not ISLOC:")
            self.emit(d + 1, f"{x}s, {x}o, {x}n, {x}h = CTX(L, {name}, SH)")
            self.emit(d + 1, f"{v} = {x}h.slots.get({name})")
            self.emit(d, "else:")
            d += 1
        e = d = self.cache_open(tv, v, d) if is_locals else d
        self.emit(d, f"{v} = LPS.get({name})")
        self.emit(d, f"if {v} is None and (L.protos is not LOCP or LOCO.protos):")
        self.emit(d + 1, f"{v} = lookup_in(L, {name})")  # protos a program gave them
        self.emit(d, f"if {v} is None:")
        self.emit(d + 1, f"{tv} = Ls.get('self')")
        self.emit(d + 1, f"if {tv}.__class__ is IoObject:")
        self.emit(d + 2, f"{v} = {tv}.slots.get({name})")
        self.emit(d + 2, f"if {v} is None:")  # self's protos, with the site's memory
        self.walk(tv, name, v, d + 3)
        self.emit(d, f"if {v} is None:")
        self.emit(d + 1, f"{tv}, {v} = resolve(L, {name})")
        if is_locals:
            self.cache_close(tv, v, e)

    # -- protos walks -------------------------------------------------------------------
    def walk(self, tv: str, name: str, v: str, depth: int) -> None:
        """``v`` = ``name`` looked up in ``tv``'s protos (its own slots already missed).
        Each site remembers where the last walk ended, for receivers whose only proto is
        the one it started from; that holds until the shape counter ``SH`` moves (a slot
        added or removed anywhere, a protos list changed). The value is read live."""
        w = self.var("w")
        self.walks.append(w)
        self.emit(depth, f"_p = {tv}.protos")
        self.emit(depth, f"if {w}s == SH and len(_p) == 1 and _p[0] is {w}p:")
        self.emit(depth + 1, f"{v} = {w}h.slots.get({name})")
        self.emit(depth, f"if {v} is None:")
        # the memory changes only as a whole: a failed walk, or one from a receiver with
        # other protos, must not leave another holder under the remembered proto
        self.emit(depth + 1, f"_h, {v} = lookup_holder({tv}, {name})")
        self.emit(depth + 1, "if _h is not None and len(_p) == 1:")
        self.emit(depth + 2, f"{w}s = SH")
        self.emit(depth + 2, f"{w}p = _p[0]")
        self.emit(depth + 2, f"{w}h = _h")

    def new_slot_check(self, obj: str, key: str, depth: int, first: str | None = None) -> None:
        """Before a store that may create a slot: report it to the shape counter (a leaf,
        nobody's proto, need not). ``first``: a condition that holds when it may be new."""
        slots = "Ls" if obj == "L" else f"{obj}.slots"
        self.emit(depth, f"if {first or ''}{key} not in {slots} and "
                         f"not getattr({obj}, 'leaf', False): SH += 1")

    # -- loop lookup caches --------------------------------------------------------------
    # Inside an inlined loop of an activation (a chain's plain context has its memory under
    # the shape counter instead: locals_lookup), what a name sent to the Locals resolves to
    # beyond its own slots (always probed live) is kept from one turn to the next. ``EP``
    # counts everything that could change that answer — any call, any store into an object
    # other than the context, a pause for the host — and a cached answer is used only while
    # ``EP`` is still the value it was read under.
    def cache_open(self, tv: str, v: str, depth: int) -> int:
        """Start a cached lookup; returns the depth for the uncached code."""
        if not self.in_loop:
            return depth
        h = self.var("h")
        self.cache = h
        self.inits.append(f"{h} = -1")
        self.inits.append(f"{h}t = {h}v = None")
        self.emit(depth, f"if {h} == EP:")
        self.emit(depth + 1, f"{tv} = {h}t")
        self.emit(depth + 1, f"{v} = {h}v")
        self.emit(depth, "else:")
        return depth + 1

    def cache_close(self, tv: str, v: str, depth: int) -> None:
        if self.in_loop:
            h = self.cache
            self.emit(depth, f"{h} = EP")
            self.emit(depth, f"{h}t = {tv}")
            self.emit(depth, f"{h}v = {v}")

    def changed(self, depth: int, cond: str | None = None) -> None:
        """Something may have changed slots: loop lookup caches are stale, and so is what
        the loop variables were bound to."""
        self.fresh.clear()
        self.emit(depth, "EP += 1" if cond is None else f"if {cond}: EP += 1")

    def target_of(self, tv: str) -> str:
        """The target expression for a general path: the Locals object when ``tv`` is None."""
        if self.mode == ENTRY_V:
            return f"(L if {tv} is None else {tv})"
        return tv

    def send(self, m, t: str, r: str, depth: int) -> None:
        self.nest += 1
        outer = self.at
        try:
            self.send_at_level(m, t, r, depth)
        finally:  # the chains of this send's arguments are dead: their names are free
            self.chains[self.nest] = 0
            self.nest -= 1
            self.at = outer

    def send_at_level(self, m, t: str, r: str, depth: int) -> None:
        mc = self.const(m)
        tv, v = self.temp("t"), self.temp("v")
        k = len(m.args)
        x = q = None
        fast_op = (t != "L" and k == 1 and m.name in _NUMBER_OPS
                   and _size(m.args[0]) <= _DUP_LIMIT)
        if fast_op:
            self.at = (m, tv)
            self.number_op_first(m, t, tv, r, depth)
            depth += 1
        elif self.calls_self_method(m, t):
            x, q = self.var("x"), self.var("q")
            self.sites.append(q)
            self.fused.append(q)
            self.self_method_call(m, x, q, tv, v, r, mc, depth)
            depth += 1
        elif self.context_assignment(m, t, r, mc, depth):  # x = v at top level
            depth += 1
        elif self.method_assignment(m, t, r, depth):  # x = v in a method
            depth += 1
        inline = self.inline_for(m, k)
        # the eager primitive this site called last is tested first (`l append(x)`, `i
        # asString`): a primitive never changes, so its identity is enough; what the Locals
        # proto answers is not remembered (without a Locals object it has no target)
        prim_first = (m.name not in ("setSlot", "updateSlot") and m.name not in _NUMBER_OPS
                      and inline is None and not (t == "L" and m.name in self.V)
                      and _flat(m.args))
        # a send without arguments to a name that is not a local: the block the site
        # called last and a plain value are tested among the first branches, each in one
        # line (`c bump`, `c count`; see below for their order)
        quick = k == 0 and inline is None and not (t == "L" and m.name in self.V)
        if (prim_first or quick) and q is None:
            q = self.var("q")
            self.sites.append(q)
        # in a method, what the Locals proto answered has no target (and is not remembered)
        virtual = f" and {tv} is not None" if self.mode == ENTRY_V else ""
        control = inline is not None and inline[0] != "FOREACH"
        # the callee's class is dead before the arguments run: every level shares one name
        vc, e = "_c", self.temp("e")
        self.at = (m, tv)  # a None target: the Locals (see the entry's error handler)
        self.lookup(m, t, tv, v, depth, x)
        kw, i = "if", None
        if k == 0 and m.name == "clone":
            i = self.inline_clone(tv, v, r, depth)
            kw = "elif"
        # a name sent to the context (a method's self) most often reads a slot: a plain
        # value first; sent to a value (`c count`, `i asString`) after the primitive
        data = (f"({vc} := {v}.__class__) is float or {vc} is str", f"{r} = {v}")
        if quick and t == "L":
            self.emit(depth, f"{kw} {data[0]}:")
            self.emit(depth + 1, data[1])
            kw = "elif"
        if prim_first:
            self.emit(depth, f"{kw} {v} is {q}c{virtual}:")
            self.guarded(depth + 1, f"{r} = {v}.fn({', '.join([tv, *self.args(m, depth + 1)])})")
            kw = "elif"
        elif control:
            # `if`, `while`...: the built-in first (its lookup needs no target when it is)
            self.emit(depth, f"{kw} {v} is {inline[0]}:")
            inline[1](m, r, depth + 1)
            kw = "elif"
        if quick:
            self.emit(depth, f"{kw} {v} is {q}b and {q}s == SH and {self.no_hop()}:")
            self.changed(depth + 1)
            self.emit(depth + 1, f"{r} = yield from {self.call_expr(f'{q}e', v, tv, mc, [])}")
            if t != "L":
                self.emit(depth, f"elif {data[0]}:")
                self.emit(depth + 1, data[1])
            kw = "elif"
        self.emit(depth, f"{kw} {v} is None:")
        self.opaque(depth + 1, f"{r} = yield from S.forward({self.target_of(tv)}, {mc}, L)")
        if control:
            self.general(m, tv, v, r, mc, depth)
            return
        if i is not None:
            self.clone_primitive(i, tv, v, r, depth)
        if self.assignment(m, t, tv, v, r, mc, depth):
            return
        if inline is not None:  # foreach on a List
            self.foreach_target = tv
            self.emit(depth, f"elif {v} is FOREACH and {tv}.__class__ is IoList:")
            inline[1](m, r, depth + 1)
            self.general(m, tv, v, r, mc, depth)
            return
        if k == 1 and m.name in _NUMBER_OPS and _size(m.args[0]) <= _DUP_LIMIT and not fast_op:
            self.number_op(m, tv, v, r, mc, depth)
        # the site's memory of the last block it called (by identity, under the shape
        # counter) and of the eager primitive (see prim_first). A local's value may be any
        # block: a local called with arguments takes the general way to a block.
        if q is None and not (t == "L" and m.name in self.V):
            q = self.var("q")
            self.sites.append(q)
        if quick:  # (vc holds the class: the branches go on at this level)
            d = depth
        else:
            self.emit(depth, "else:")
            d = depth + 1
        block = (f"{vc} is Block and {v}.activatable and "
                 + (f"len({v}.arg_names) >= {k} and " if k else "")
                 + f"{v}.message.entry is not None{self.block_ok(v, tv)}"
                 + (f" and len({v}.message.entry.names) >= {k}" if k else ""))
        remember = [f"{e} = {v}.message.entry"]
        if self.mode == ENTRY_V:
            # what the Locals object answered is not remembered: without one, the Locals
            # proto answers the same name with no target
            same = self.inline_body.get(q)  # (see quick_call)
            remember.append(f"if {tv} is not L: {q}e = {e}; {q}b = {v}; {q}s = SH"
                            + (f"; {q}i = {v}.message is {same[0]} and "
                               f"{v}.arg_names is {same[1]}" if same else ""))
            if x is not None:  # self_method_call's memory: self, where it answered, the block
                remember.append(f"if {tv} is SELF and {x}s == SH and SELF is {x}o: "
                                f"{q}f = SH; {q}o = SELF; {q}h = {x}h")
        else:
            remember.append(f"{q}e = {e}; {q}b = {v}; {q}s = SH")
        hit = f"{v} is {q}b and {q}s == SH"
        keep = "" if not prim_first else (f"if {tv} is not L: {q}c = {v}"
                                          if self.mode == ENTRY_V else f"{q}c = {v}")
        if k == 0:
            if not quick:
                self.emit(d, f"{vc} = {v}.__class__")
                self.emit(d, f"if {vc} is float or {vc} is str:")
                self.emit(d + 1, f"{r} = {v}")
            if q is not None:  # (the usual call was tested above: a hop, a Locals)
                self.emit(d, f"elif {hit}:")
                self.call_block(f"{q}e", v, tv, mc, [], r, d + 1)
            self.emit(d, f"elif {vc} is CFunction and {v}.kind != LAZY and {v}.lo == 0{virtual}:")
            self.emit(d + 1, f"if {v}.kind == EAGER:")
            if keep:
                self.emit(d + 2, keep)
            self.guarded(d + 2, f"{r} = {v}.fn({tv})")
            self.emit(d + 1, "else:")
            self.gen_call(d + 2, f"{r} = yield from {v}.fn({tv})")
            if q is not None:
                self.emit(d, f"elif {block}:")
                for line in remember:
                    self.emit(d + 1, line)
                self.call_block(e, v, tv, mc, [], r, d + 1)
        else:
            primitive = (f"{vc} is CFunction and {v}.kind != LAZY and {v}.lo <= {k} and "
                         f"({v}.hi < 0 or {v}.hi >= {k}){virtual}")
            if q is not None:
                self.emit(d, f"if {hit}:")
                self.emit(d + 1, f"{e} = {q}e")
                self.emit(d, "else:")
                self.emit(d + 1, f"{e} = None")
                self.emit(d + 1, f"{vc} = {v}.__class__")
                self.emit(d + 1, f"if {block}:")
                for line in remember:
                    self.emit(d + 2, line)
                self.emit(d, f"if {e} is not None or ({primitive}):")
            else:
                self.emit(d, f"{vc} = {v}.__class__")
                self.emit(d, f"if {primitive}:")
            args = self.args(m, d + 1)
            if q is not None:
                # after the arguments ran, the entry must still be the one the site
                # remembers under the current shape (a nested call at this same site may
                # have refreshed it)
                self.emit(d + 1, f"if {e} is not None and {e} is {q}e and {q}s == SH:")
                self.call_block(e, v, tv, mc, args, r, d + 2)
                self.emit(d + 1, f"elif {e} is not None:")  # the arguments changed a body..
                self.opaque(d + 2, f"{r} = yield from S.activate({v}, {self.target_of(tv)}, "
                                   f"{mc}, L, [{', '.join(args)}])")
                self.emit(d + 1, f"elif {v}.kind == EAGER:")
            else:
                self.emit(d + 1, f"if {v}.kind == EAGER:")
            if keep:
                self.emit(d + 2, keep)
            self.guarded(d + 2, f"{r} = {v}.fn({tv}, {', '.join(args)})")
            self.emit(d + 1, "else:")
            self.gen_call(d + 2, f"{r} = yield from {v}.fn({tv}, {', '.join(args)})")
        self.general(m, tv, v, r, mc, d, vc)

    def calls_self_method(self, m, t: str) -> bool:
        """``fib(n - 1)`` in a method: a name that is not a local, sent with arguments to
        the context, which ``self`` (not the Locals proto) answers, most often with a
        method (without arguments it is as often a slot's value: ``count``)."""
        return (self.mode == ENTRY_V and t == "L" and len(m.args) > 0 and m.name not in self.V
                and m.name not in self.S.locals_slots and m.name not in _NUMBER_OPS
                and self.inline_for(m, len(m.args)) is None and _flat(m.args))

    def self_method_call(self, m, x: str, q: str, tv: str, v: str, r: str, mc: str,
                         depth: int) -> None:
        """The fast path of ``calls_self_method``: one test that ``self`` answers as last
        time (the lookup memory ``x``) with the block this site called last (``q``), then
        the arguments and the call. Emits an ``else:`` for the general send, one deeper."""
        self.at = (m, "SELF")
        # (the holder keeps the slot while the shape counter stands still: a slot removed
        # from a non-leaf moves it, so the plain subscript cannot miss)
        self.emit(depth, f"if L is None and {q}f == SH and SELF is {q}o and "
                         f"({v} := {q}h.slots[{m.name!r}]) is {q}b:")
        d = depth + 1
        fast = [self.quick_arg(a) for a in m.args]
        if all(f is not None for f in fast):
            # `fib(n - 1)`: while the arguments' values are plain numbers they run no code,
            # so neither self nor the block can have changed
            tests = " and ".join(c for c, _ in fast if c)
            if tests:
                self.emit(d, f"if {tests} and NOK:")
                self.quick_call(m, q, v, mc, [x for _, x in fast], r, d + 1)
                self.emit(d, "else:")
                d += 1
        if not all(a.cached is not None and a.next is None for a in m.args):
            # the arguments may run code (reading a local that holds a method runs it): the
            # target is self as it was found, and the block must still be the remembered
            self.emit(d, f"{tv} = SELF")
            self.at = (m, tv)
            args = self.args(m, d)
            self.emit(d, f"if {v} is {q}b and {q}s == SH:")
            self.call_block(f"{q}e", v, tv, mc, args, r, d + 1)
            self.emit(d, "else:")
            self.opaque(d + 1, f"{r} = yield from S.activate({v}, {tv}, {mc}, L, "
                               f"[{', '.join(args)}])")
        else:
            self.call_block(f"{q}e", v, "SELF", mc, self.args(m, d), r, d)
        self.emit(depth, "else:")

    def quick_call(self, m, q: str, v: str, mc: str, vals: list[str], r: str,
                   depth: int) -> None:
        """The call of ``self_method_call`` on arguments that are numbers. When the method
        self answers at compile time has a body whose answer needs no send for some
        arguments — ``method(n, if(n < 2, n, ...))``, ``method(x, x * x)`` — that answer is
        computed here and the call made only for the others (half of fib's calls are its
        base case). Each time, the block must still have that body and those argument
        names (the body's messages, compiled in here, drop this code when edited)."""
        inline = self.inlined(m, len(vals))
        if inline is None:
            self.call_block(f"{q}e", v, "SELF", mc, vals, r, depth)
            return
        blk, cond, then, other = inline
        own = [f"i{i}_{self.nest}" for i in range(len(vals))]
        for x, val in zip(own, vals):
            self.emit(depth, f"{x} = {val}")
        env = dict(zip(blk.arg_names, own))
        # whether the block the site remembers has this body and these names is decided
        # when it is remembered (a new body or names moves the shape counter)
        self.inline_body[q] = (self.const(blk.message), self.const(blk.arg_names))
        same = f"{q}i"
        if cond is None:  # the whole body is one operation on the arguments
            self.emit(depth, f"if {same}:")
            self.emit(depth + 1, f"{r} = {self.quick_value(then, env)}")
        else:
            test = self.quick_operation(_TESTS, cond, env)
            if then is not None and other is not None:
                self.emit(depth, f"if {same} and LOK:")
                self.emit(depth + 1, f"{r} = {self.quick_value(then, env)} if {test} else "
                                     f"{self.quick_value(other, env)}")
            elif then is not None:
                self.emit(depth, f"if {same} and LOK and {test}:")
                self.emit(depth + 1, f"{r} = {self.quick_value(then, env)}")
            else:
                self.emit(depth, f"if {same} and LOK and not ({test}):")
                self.emit(depth + 1, f"{r} = {self.quick_value(other, env)}")
        self.emit(depth, "else:")
        self.call_block(f"{q}e", v, "SELF", mc, own, r, depth + 1)

    def inlined(self, m, k: int):
        """For quick_call: (block, its test or None, the branches' values that need no send
        or None) when self answers ``m`` at compile time with such a method of ``k``
        arguments, all numbers; else None."""
        peek = self.peek
        if peek.__class__ is not IoObject or any(
                a.cached is not None and a.cached.__class__ is not float for a in m.args):
            return None
        blk = lookup_in(peek, m.name)
        if blk.__class__ is not Block or not blk.activatable or blk.scope is not None:
            return None
        names, body = blk.arg_names, blk.message
        if len(names) != k or len(set(names)) != k or "self" in names or "if" in names:
            return None
        if self.is_quick(body, names):
            self.covered.extend(_messages(body))
            return blk, None, body, None
        if (body.name != "if" or body.next is not None or body.cached is not None
                or len(body.args) != 3):
            return None
        cond = body.args[0]
        op = cond.next
        if (cond.cached is not None or cond.args or cond.name not in names or op is None
                or op.next is not None or op.name not in _TESTS or len(op.args) != 1
                or not self.is_quick_operand(op.args[0], names)):
            return None
        branches = [a if self.is_quick(a, names) else None for a in body.args[1:]]
        if branches == [None, None]:
            return None
        self.covered.extend([body, *_messages(cond)])
        for a in branches:
            if a is not None:
                self.covered.extend(_messages(a))
        return blk, cond, *branches

    def is_quick_operand(self, a, names) -> bool:
        """A float literal (not NaN) or one of ``names``."""
        if a.next is not None or a.args:
            return False
        c = a.cached
        return c.__class__ is float and c == c if c is not None else a.name in names

    def is_quick(self, a, names) -> bool:
        """A value that needs no send when ``names`` hold numbers: a float literal, an
        argument, or ``argument +|-|* operand``."""
        if self.is_quick_operand(a, names):
            return True
        op = a.next
        return (a.cached is None and not a.args and a.name in names and op is not None
                and op.next is None and op.name in ("+", "-", "*") and len(op.args) == 1
                and self.is_quick_operand(op.args[0], names))

    def quick_value(self, a, env: dict) -> str:
        """Python for an ``is_quick`` value, the arguments' names mapped by ``env``."""
        if a.cached is not None:
            return self.const(a.cached)
        if a.next is None:
            return env[a.name]
        return self.quick_operation(_NUMBER_OPS, a, env)

    def quick_operation(self, table: dict, a, env: dict) -> str:
        """Python for ``argument op operand`` (``n < 2``, ``x * x``) from ``table``."""
        op = a.next
        b = op.args[0]
        return _code(table, op, env[a.name], env[b.name] if b.cached is None else self.const(b.cached))

    def quick_arg(self, a) -> tuple[str, str] | None:
        """For an argument that is a literal or ``local op literal-or-local``: (the test that
        it is computed without running code — empty for a literal, else its locals are
        floats, NOK to be added — and its value as an expression); None for others."""
        if a.cached is not None and a.next is None:
            return "", self.const(a.cached)
        op = a.next
        if (a.cached is not None or a.args or a.name not in self.V or op is None
                or op.next is not None or not self.is_operation(op)):
            return None
        b = op.args[0]
        if not (b.cached.__class__ is float or (b.cached is None and b.name in self.V)):
            return None  # (another literal is never a float; a slot read takes a line)
        bv, bc = self.operand(b, 0)
        x = self.V[a.name]
        return f"{x}.__class__ is float{bc}", _code(_NUMBER_OPS, op, x, bv)

    def args(self, m, depth: int) -> list[str]:
        """Emit the evaluation of ``m``'s arguments; returns their variables."""
        return [self.chain(a, "L", depth) for a in m.args]

    def block_ok(self, v: str, tv: str) -> str:
        """Extra condition for calling a compiled block directly: in virtual mode the
        callee must not want ``call`` (its ``call sender`` would be our Locals). The entry
        says so itself: ``needs_call`` on the block can be stale after its body was edited
        (``message setName("call")``), the entry was compiled from the body as it is."""
        return (f" and {v}.message.entry.virtual and {tv} is not None"
                if self.mode == ENTRY_V else "")

    def general(self, m, tv: str, v: str, r: str, mc: str, depth: int,
                vc: str | None = None) -> None:
        """The rest of a send after the fast branches: activate what may be activated
        (``vc``: a variable already holding ``v``'s class), else answer the value."""
        c = vc or f"{v}.__class__"
        self.emit(depth, f"elif {c} is CFunction or ({c} is Block and {v}.activatable) or "
                         f"{c} is ActObj:")
        self.opaque(depth + 1, f"{r} = yield from S.activate_value({v}, "
                               f"{self.target_of(tv)}, {mc}, L)")
        self.emit(depth, "else:")
        self.emit(depth + 1, f"{r} = {v}")

    def number_op_first(self, m, t: str, tv: str, r: str, depth: int) -> None:
        """``fib(n - 1) + fib(n - 2)``: a float receiver while Number's operators are the
        built-ins needs no lookup (NOK is read before the argument runs, as the lookup would
        be). Emits an ``else:`` for the general send, one deeper."""
        self.emit(depth, f"{tv} = {t}")
        self.emit(depth, f"if {tv}.__class__ is float and NOK:")
        self.operator(m, tv, r, depth + 1, receiver_tested=True)
        self.emit(depth, "else:")

    def number_op(self, m, tv: str, v: str, r: str, mc: str, depth: int) -> None:
        """``a + b`` and friends: the built-in's work inline, first of all branches."""
        self.emit(depth, f"elif {v} is OP_{_OP_NAMES[m.name]}:")
        self.operator(m, tv, r, depth + 1)

    def operator(self, m, tv: str, r: str, depth: int, receiver_tested: bool = False) -> None:
        """The built-in operator ``m`` sent to ``tv``: its operand, then the work inline on
        two floats (the receiver's class already tested with ``receiver_tested``), else the
        primitive itself."""
        a = self.chain(m.args[0], "L", depth)
        floats = f"{a}.__class__ is float"
        self.emit(depth, f"if {floats if receiver_tested else f'{tv}.__class__ is float and ' + floats}:")
        self.emit(depth + 1, f"{r} = {_NUMBER_OPS[m.name].format(tv, a)}")
        self.emit(depth, "else:")
        self.opaque(depth + 1, f"{r} = OP_{_OP_NAMES[m.name]}.fn({self.target_of(tv)}, {a})")

    def assignment(self, m, t: str, tv: str, v: str, r: str, mc: str, depth: int) -> bool:
        """``x := v`` / ``x = v`` with a literal name: a store when the slot holds the
        built-in primitive; True when this emitted the whole dispatch of the send."""
        args = m.args
        if (m.name not in ("setSlot", "updateSlot") or len(args) != 2 or args[0].next is not None
                or args[0].cached.__class__ is not str):
            return False
        name = args[0].cached
        key = self.const(name)
        pv = self.V.get(name)
        if self.mode == ENTRY_V:
            self.assign_virtual(m, t, tv, v, key, pv, r, depth)
        else:
            plain = f"{tv}.__class__ is not float and {tv}.__class__ is not str"
            if m.name == "setSlot":
                self.emit(depth, f"elif {v} is SET_SLOT and {plain}:")
                a = self.chain(args[1], "L", depth + 1)
                self.changed(depth + 1, None if name in _GUARDED_NAMES else f"{tv} is not L")
                self.new_slot_check(tv, key, depth + 1)
                self.emit(depth + 1, f"{tv}.slots[{key}] = {r} = {a}")
            else:
                self.emit(depth, f"elif ({v} is LOCALS_UPDATE or {v} is UPDATE_SLOT) and {plain}:")
                a = self.chain(args[1], "L", depth + 1)
                self.changed(depth + 1, None if name in _GUARDED_NAMES else f"{tv} is not L")
                self.emit(depth + 1, f"if {key} in {tv}.slots:")
                self.emit(depth + 2, f"{tv}.slots[{key}] = {r} = {a}")
                self.emit(depth + 1, f"elif {v} is UPDATE_SLOT:")
                self.emit(depth + 2, f"{r} = {v}.fn({tv}, {key}, {a})")
                self.emit(depth + 1, "else:")
                self.emit(depth + 2, f"{r} = yield from {v}.fn({tv}, {key}, {a})")
        self.general(m, tv, v, r, mc, depth)
        return True

    def context_assignment(self, m, t: str, r: str, mc: str, depth: int) -> bool:
        """``x = v`` / ``x := v`` sent to a plain context (a chain's: top level, a ``do``)
        with a literal name: when the site's context memory names this context under the
        current shape and the holder's slot is the built-in, which the context's own slots
        do not hide, the store itself with no lookup. Emits that branch and an ``else:``
        (the general send goes one deeper); False when not such an assignment."""
        a_msg = m.args[-1] if len(m.args) == 2 else None
        if (t != "L" or self.mode != CHAIN or m.name not in ("setSlot", "updateSlot")
                or a_msg is None or _size(a_msg) > _DUP_LIMIT or m.args[0].next is not None
                or m.args[0].cached.__class__ is not str):
            return False
        self.at = (m, "L")
        x = self.context_memory(m)
        name = m.args[0].cached
        key = repr(name)  # (a literal: cheaper than a constant's global)
        builtin = "SET_SLOT" if m.name == "setSlot" else "UPDATE_SLOT"
        guard = f"{x}s == SH and L is {x}n and {x}h.slots.get({m.name!r}) is {builtin}"
        h = None
        if self.in_loop:
            # in a loop: a guard that held stays true while EP stands still, and so does
            # the slot it found in the context (only code run by a call removes one): the
            # store needs no look while EP has not moved since
            h = self.var("h")
            self.inits.append(f"{h} = -1")
            self.emit(depth, f"if {h} == EP or ({guard} and {key} in Ls and ({h} := EP) == EP):")
        else:
            self.emit(depth, f"if {guard}:")
        a = self.chain(a_msg, "L", depth + 1)
        if name in _GUARDED_NAMES:
            self.changed(depth + 1)
        if m.name == "setSlot":
            self.new_slot_check("L", key, depth + 1, f"{h} != EP and " if h else None)
            self.emit(depth + 1, f"Ls[{key}] = {r} = {a}")
        else:
            self.emit(depth + 1, f"if {f'{h} == EP or ' if h else ''}{key} in Ls:")
            self.emit(depth + 2, f"Ls[{key}] = {r} = {a}")
            self.emit(depth + 1, "else:")  # the primitive finds it in a proto, or fails
            self.emit(depth + 2, f"{r} = UPDATE_SLOT.fn(L, {key}, {a})")
        self.emit(depth, "else:")
        return True

    def method_assignment(self, m, t: str, r: str, depth: int) -> bool:
        """``x = v`` / ``x := v`` sent to a method's context with a literal name, while it
        has no Locals object and LOK holds (the Locals proto's slot is the built-in): the
        built-in's work without a lookup. ``count = count + 1`` on a slot of ``self`` is one
        test while the site's memory of ``self``'s update holds (``update_guard``) and the
        value is a number. Emits those branches and an ``else:`` (the general send goes one
        deeper); False when not such an assignment or its value is not flat (``_flat``: it
        is emitted twice)."""
        args = m.args
        if (self.mode != ENTRY_V or t != "L" or m.name not in ("setSlot", "updateSlot")
                or len(args) != 2 or args[0].next is not None
                or args[0].cached.__class__ is not str or not _flat(args[1:])):
            return False
        self.at = (m, "L")  # (a None target is the Locals: self in the error)
        name, a_msg, op = args[0].cached, args[1], args[1].next
        key = self.const(name)
        pv = self.V.get(name)
        kw = "if"
        if (m.name == "updateSlot" and pv is None and a_msg.name == name
                and a_msg.cached is None and not a_msg.args and self.is_operation(op)
                and op.next is None):
            # `count = count + 1`: the read is the memory's too (the Locals proto has no
            # such slot, self's own slots, then the holder), the value a number
            z = self.update_memory(m)
            self.covered.extend((a_msg, op))
            av, checks = self.operand(op.args[0], depth)
            self.emit(depth, f"if L is None and LOK and {self.update_guard(z)} and "
                             f"(({r} := SELF.slots.get({key})) is not None or "
                             f"({r} := {z}h.slots.get({key})) is not None and "
                             f"getattr(SELF, 'leaf', False)) and {r}.__class__ is float{checks} "
                             "and NOK:")
            self.changed(depth + 1)
            self.emit(depth + 1, f"SELF.slots[{key}] = {r} = {_code(_NUMBER_OPS, op, r, av)}")
            kw = "elif"
        self.emit(depth, f"{kw} L is None and LOK:")
        if m.name == "setSlot":
            self.local_set(m, key, pv, r, depth + 1)
        else:
            self.local_update(m, key, pv, r, depth + 1)
        self.emit(depth, "else:")
        return True

    def update_memory(self, m) -> str:
        """The memory of assignment ``m`` (both of its copies) of how ``self`` takes its
        update (see ``update_guard``)."""
        z = self.updates.get(id(m))
        if z is None:
            z = self.updates[id(m)] = self.var("z")
        return z

    def update_guard(self, z: str) -> str:
        """``self``'s ``updateSlot`` is the built-in, as the memory ``z`` (``UPD``) found it
        under the shape counter: for a ``self`` that is nobody's leaf that object, for a
        leaf its only proto (its own slots may hide ``updateSlot``: tested), then the
        holder's slot, compared every time. The Locals proto has no slot of the name."""
        return (f"{z}s == SH and (SELF is {z}o or SELF.__class__ is IoObject and "
                f"len(_p := SELF.protos) == 1 and _p[0] is {z}p and "
                f"'updateSlot' not in SELF.slots) and "
                f"{z}u.slots.get('updateSlot') is UPDATE_SLOT")

    def assign_virtual(self, m, t: str, tv: str, v: str, key: str, pv: str | None, r: str,
                       depth: int) -> None:
        """Assignment in virtual mode. Sent to the context, where the Locals proto's
        built-in answers: ``x := v`` stores the Python local; ``x = v`` does when ``x`` is
        set, else it is ``self``'s update. Sent to a value (``self x := v``), Object's
        built-in on a plain object. One branch has the value's code (any other answer is
        the general send's), so nested assignments do not double the code per level."""
        if t == "L":
            if m.name == "setSlot":
                self.emit(depth, f"elif {v} is SET_SLOT and ({tv} is None or {tv} is L):")
                self.local_set(m, key, pv, r, depth + 1)
            else:
                self.emit(depth, f"elif {v} is LOCALS_UPDATE and ({tv} is None or {tv} is L):")
                self.local_update(m, key, pv, r, depth + 1)
            return
        plain = f"{tv}.__class__ is not float and {tv}.__class__ is not str"
        if m.name == "setSlot":
            self.emit(depth, f"elif {v} is SET_SLOT and {plain}:")
            a = self.chain(m.args[1], "L", depth + 1)
            self.changed(depth + 1)
            self.new_slot_check(tv, key, depth + 1)
            self.emit(depth + 1, f"{tv}.slots[{key}] = {r} = {a}")
            return
        self.emit(depth, f"elif {v} is UPDATE_SLOT and {plain}:")
        a = self.chain(m.args[1], "L", depth + 1)
        self.changed(depth + 1, f"{tv} is not L")
        self.emit(depth + 1, f"if {key} in {tv}.slots:")
        self.emit(depth + 2, f"{tv}.slots[{key}] = {r} = {a}")
        self.emit(depth + 1, "else:")
        self.guarded(depth + 2, f"{r} = {v}.fn({tv}, {key}, {a})")

    def local_set(self, m, key: str, pv: str, r: str, depth: int) -> None:
        """``x := v`` done by the Locals proto's built-in ``setSlot``: the Python local
        (every such name in a method body is one), and the Locals object when it exists."""
        a = self.chain(m.args[1], "L", depth)
        if pv == "SELF":
            self.changed(depth)
        self.emit(depth, f"{r} = {pv} = {a}")
        self.emit(depth, "if L is not None:")
        self.new_slot_check("L", key, depth + 1)
        self.emit(depth + 1, f"Ls[{key}] = {a}")

    def local_update(self, m, key: str, pv: str | None, r: str, depth: int) -> None:
        """``x = v`` done by the Locals proto's built-in ``updateSlot``: a local ``x`` when
        set, else ``self``'s update. A plain object's update is the store itself while
        the site's memory (``update_guard``) holds and ``self`` has the slot, or is a leaf
        (a new clone: its first value of its own changes no walk) whose protos have it —
        what Object's ``updateSlot`` does; the general way refills the memory."""
        d = depth
        a = self.chain(m.args[1], "L", d)
        if pv is not None:
            self.emit(d, f"if {pv} is not UNSET:")
            if pv == "SELF":
                self.changed(d + 1)
            self.emit(d + 1, f"{r} = {pv} = {a}")
            self.emit(d + 1, "if L is not None:")
            self.emit(d + 2, f"Ls[{key}] = {a}")
            self.emit(d, "else:")
            d += 1
        # not a local of ours, unless made behind our back (`::=`, a callee's `call sender`)
        self.emit(d, f"if L is not None and {key} in Ls:")
        self.emit(d + 1, f"Ls[{key}] = {r} = {a}")
        self.emit(d, "else:")
        d += 1
        self.changed(d)
        z = self.update_memory(m)
        self.emit(d, f"if {self.update_guard(z)} and ({key} in SELF.slots or "
                     f"{key} in {z}h.slots and getattr(SELF, 'leaf', False)):")
        self.emit(d + 1, f"SELF.slots[{key}] = {r} = {a}")
        self.emit(d, "else:")
        d += 1
        s, u = self.temp("s"), self.temp("u")
        self.emit(d, f"{s} = SELF")
        self.emit(d, f"if {s}.__class__ is float or {s}.__class__ is str:")
        self.emit(d + 1, f"{u} = None")
        self.emit(d, "else:")
        self.emit(d + 1, f"{u} = {s}.slots.get('updateSlot')")
        self.emit(d + 1, f"if {u} is None:")
        self.walk(s, "'updateSlot'", u, d + 2)
        self.emit(d, f"if {u} is UPDATE_SLOT and ({key} in {s}.slots or getattr({s}, 'leaf', "
                     f"False) and lookup_holder({s}, {key})[0] is not None):")
        self.emit(d + 1, f"{s}.slots[{key}] = {r} = {a}")
        self.emit(d + 1, f"{z}s, {z}o, {z}p, {z}h, {z}u = UPD({s}, {key}, SH, LOCO)")
        self.emit(d, f"elif {u} is UPDATE_SLOT:")
        self.guarded(d + 1, f"{r} = {u}.fn({s}, {key}, {a})")
        self.emit(d, "else:")
        self.opaque(d + 1, f"{r} = yield from LOCALS_UPDATE.fn(L, {key}, {a})")

    def call_expr(self, e: str, v: str, tv: str, mc: str, args: list) -> str:
        """The call of block ``v``'s compiled entry ``e`` (a generator to run)."""
        cl = "None" if self.mode == ENTRY_V else "L"
        return f"{e}({v}, {tv}, {cl}, {mc}, D1{''.join(', ' + a for a in args)})"

    def no_hop(self) -> str:
        """The condition under which ``call_expr`` is run by ``yield from`` alone: no hop
        to the trampoline (HOP_MASK) and, in a method, no Locals object to bracket."""
        return f"L is None and D1 & {HOP_MASK}" if self.mode == ENTRY_V else f"D1 & {HOP_MASK}"

    def call_block(self, e: str, v: str, tv: str, mc: str, args: list, r: str,
                   depth: int) -> None:
        """Activate block ``v`` through its compiled entry ``e``, by ``yield from`` except
        every 64th level (HOP_MASK), where the trampoline takes it (bounded C stack)."""
        call = self.call_expr(e, v, tv, mc, args)
        if self.mode == ENTRY_V:  # one test for the usual case: no Locals, no hop
            self.emit(depth, f"if {self.no_hop()}:")
            self.changed(depth + 1)
            self.emit(depth + 1, f"{r} = yield from {call}")
            self.emit(depth, "else:")
            self.emit(depth + 1, f"_g = {call}")
            self.guarded(depth + 1, f"{r} = (yield from _g) if D1 & {HOP_MASK} else (yield _g)")
            return
        self.emit(depth, f"if D1 & {HOP_MASK}:")
        self.guarded(depth + 1, f"{r} = yield from {call}")
        self.emit(depth, "else:")
        self.guarded(depth + 1, f"{r} = yield {call}")

    def inline_clone(self, tv: str, v: str, r: str, depth: int) -> str:
        """``P clone`` with Object's built-in ``clone`` on a plain object whose clones get
        Object's own ``init`` (which only answers self): the new object is made inline, no
        primitive generator. The site remembers, under the shape counter, the receiver (a
        proto by then: nobody's leaf, so a slot added to it moves the counter) and where
        its ``init`` was found; the value there is compared every time. An ``init`` that is
        a compiled block is remembered too and called through its entry. Any other
        ``init``, receiver or ``clone`` takes the primitive, which refills the memory."""
        i = self.var("i")
        self.clones.append(i)  # (shape, object, holder, init block, its entry)
        same = f"{v} is CLONE and {i}s == SH and {tv} is {i}o and "
        self.emit(depth, f"if {same}{i}h.slots.get('init') is INIT:")
        self.new_clone(tv, r, depth + 1)
        # an init of the program's (`init := method(self count := 0)`): the block the memory
        # names, called as the primitive does (the Lobby its sender), straight to its entry
        self.emit(depth, f"elif {same}{i}h.slots.get('init') is {i}b and {self.no_hop()}:")
        self.new_clone(tv, r, depth + 1)
        self.changed(depth + 1)  # (no Locals to bracket: L is None in a method's test)
        self.emit(depth + 1, f"yield from {i}e({i}b, {r}, LOBBY, INITM, D1)")
        return i

    def new_clone(self, tv: str, r: str, depth: int) -> None:
        """``r`` = a new plain object whose only proto is ``tv`` (a leaf)."""
        self.emit(depth, f"{r} = NEWOBJ(IoObject)")
        self.emit(depth, f"{r}.slots = {{}}")
        self.emit(depth, f"{r}.protos = [{tv}]")
        self.emit(depth, f"{r}.leaf = True")

    def clone_primitive(self, i: str, tv: str, v: str, r: str, depth: int) -> None:
        """The rest of ``inline_clone`` (its memory ``i``): Object's ``clone`` on another
        plain object runs the primitive, then fills the memory."""
        self.emit(depth, f"elif {v} is CLONE and {tv}.__class__ is IoObject:")
        self.gen_call(depth + 1, f"{r} = yield from {v}.fn({tv})")
        # the receiver is a proto now: its memory is itself and where `init` is (maybe it),
        # with that init when it is a block with a compiled entry
        self.emit(depth + 1, f"{i}s, {i}o, _, _, {i}h = RECV({tv}, 'init', SH)")
        self.emit(depth + 1, f"{i}b, {i}e = INIT_ENTRY({i}h.slots.get('init'))")

    def inline_for(self, m, k: int):
        """(guard name, emitter) when message ``m`` is a control structure we inline."""
        name = m.name
        if name == "if" and k in (2, 3):
            return "IF", self.inline_if
        if name == "while" and k == 2:
            return "WHILE", self.inline_while
        if name == "for" and k in (4, 5) and m.args[0].next is None:
            return "FOR", self.inline_for_loop
        if name == "return" and k <= 1 and self.mode != CHAIN:
            return "RETURN", self.inline_return
        if name == "foreach" and k in (2, 3) and all(_is_name(a) for a in m.args[:-1]):
            return "FOREACH", self.inline_foreach
        return None

    def inline_return(self, m, r: str, depth: int) -> None:
        """``return x`` in an activation's own code: a Python return, no exception."""
        value = self.chain(m.args[0], "L", depth) if m.args else "NIL"
        self.emit(depth, "if blk.pass_stops:")  # the return is the caller's (setPassStops)
        self.emit(depth + 1, f"raise IoReturn({value})")
        if self.mode == ENTRY_L:
            self.emit(depth, "if call is not None and call.stop_status is not None:")
            self.emit(depth + 1, f"raise STOPS[call.stop_status]({value})")
        self.emit(depth, f"return {value}")

    def loop_body(self, body, r: str, depth: int, bind=None) -> None:
        """One iteration: the slice check, then ``bind()`` (which emits the binding of
        the loop variables: after the pause, so that no code runs between it and the
        body), then the body with break/continue handled."""
        self.emit(depth, "T -= 1")
        self.emit(depth, "if T < 0:")
        self.emit(depth + 1, "yield PREEMPT")
        self.changed(depth + 1)
        if self.mode == ENTRY_V:  # host code may have run: an escaped Locals may differ
            self.emit(depth + 1, "if L is not None:")
            self.sync_in(depth + 2)
        if bind is not None:
            bind()
        self.emit(depth, "try:")
        self.in_loop += 1
        self.branch(body, r, depth + 1)  # (the loop's value is its last turn's)
        self.in_loop -= 1
        self.emit(depth, "except IoBreak as _e:")
        self.stopped(depth + 1)
        self.emit(depth + 1, f"{r} = _e.value")
        self.emit(depth + 1, "break")
        self.emit(depth, "except IoContinue as _e:")  # the turn's value: continue's (nil)
        self.stopped(depth + 1)
        self.emit(depth + 1, f"{r} = _e.value")

    def stopped(self, depth: int) -> None:
        """A break or continue may come out of a call that changed the locals (``true
        ifTrue(x = 5; break)``) before its own read-back: read them now."""
        if self.mode == ENTRY_V:
            self.emit(depth, "if L is not None:")
            self.sync_in(depth + 1)

    def inline_while(self, m, r: str, depth: int) -> None:
        self.emit(depth, f"{r} = NIL")
        self.emit(depth, "while True:")
        self.fresh.clear()  # (the condition runs after the body too)
        self.in_loop += 1
        c = self.chain(m.args[0], "L", depth + 1)
        self.in_loop -= 1
        self.emit(depth + 1, f"if {c} is FALSE or {c} is NIL:")
        self.emit(depth + 2, "break")
        self.loop_body(m.args[1], r, depth + 1)

    def shape_memo(self, name: str, depth: int) -> str | None:
        """Before a loop that binds ``name`` in the context's slots: a variable for the
        shape counter as of the binding's last new-slot check (-1: none yet). Removing
        the slot moves the counter, so while it stands still the slot is there and a
        turn need not look (None for a virtual local)."""
        if name in self.V:
            return None
        b = self.var("b")
        self.emit(depth, f"{b} = -1")
        return b

    def bind_loop_var(self, name: str, value: str, depth: int, memo: str | None,
                      number: bool = False) -> None:
        """Set a loop variable in the locals (a Python local when it is virtual), the
        slot checked for being new when the shape moved since ``memo`` (shape_memo). A
        ``number`` bound in the context's slots is noted fresh: until code may run or
        something is stored under its name, a read of it is ``value``."""
        if name in _GUARDED_NAMES:
            self.changed(depth)
        pv = self.V.get(name)
        if pv is not None:
            self.emit(depth, f"{pv} = {value}")
            self.emit(depth, "if L is not None:")
            self.new_slot_check("L", repr(name), depth + 1)
            self.emit(depth + 1, f"Ls[{name!r}] = {value}")
            return
        if self.mode == ENTRY_V:  # not virtual after all: the Locals must exist
            self.sync_out(depth)
        self.emit(depth, f"if {memo} != SH:")
        self.new_slot_check("L", repr(name), depth + 1)
        self.emit(depth + 1, f"{memo} = SH")
        self.emit(depth, f"Ls[{name!r}] = {value}")
        if number and self.mode != ENTRY_V:  # (there, reads of such names take sends)
            self.fresh[name] = value

    def inline_foreach(self, m, r: str, depth: int) -> None:
        """``list foreach(v, body)`` / ``foreach(i, v, body)`` on a List, as List's
        primitive does it: the size is read again at each turn (the body may change the
        list), the names stay bound afterwards."""
        tv = self.foreach_target
        items, i = self.var("items"), self.var("i")
        self.emit(depth, f"{items} = {tv}.items")
        self.emit(depth, f"{i} = 0")
        self.emit(depth, f"{r} = NIL")
        names = [a.name for a in m.args[:-1]]
        memos = [self.shape_memo(name, depth) for name in names]
        self.emit(depth, f"while {i} < len({items}):")
        if len(names) == 2:
            self.bind_loop_var(names[0], f"float({i})", depth + 1, memos[0])
        self.bind_loop_var(names[-1], f"{items}[{i}]", depth + 1, memos[-1])
        self.loop_body(m.args[-1], r, depth + 1)
        self.emit(depth + 1, f"{i} += 1")

    def inline_for_loop(self, m, r: str, depth: int) -> None:
        args = m.args
        i, end, step = self.var("i"), self.var("e"), self.var("s")
        self.emit(depth, f"{i} = {self.chain(args[1], 'L', depth)}")
        self.emit(depth, f"{end} = {self.chain(args[2], 'L', depth)}")
        self.emit(depth, f"{step} = {self.chain(args[3], 'L', depth) if len(args) == 5 else 1.0}")
        self.emit(depth, f"check_for(S, {i}, {end}, {step})")
        self.emit(depth, f"{r} = NIL")
        memo = self.shape_memo(args[0].name, depth)
        known = args[3].cached if len(args) == 5 and args[3].next is None else 1.0
        if known.__class__ is float and known != 0:
            self.emit(depth, f"while {i} {'<=' if known > 0 else '>='} {end}:")
        else:
            self.emit(depth, f"while ({i} <= {end}) if {step} > 0 else ({i} >= {end}):")
        self.loop_body(args[-1], r, depth + 1,
                       lambda: self.bind_loop_var(args[0].name, i, depth + 1, memo, True))
        self.emit(depth + 1, f"{i} += {step}")

    def inline_if(self, m, r: str, depth: int) -> None:
        cond = m.args[0]
        if (not self.is_read(cond) or not self.is_operation(cond.next)
                or cond.next.name not in _TESTS or cond.next.next is not None):
            c = self.chain(cond, "L", depth)
            self.emit(depth, f"if {c} is not FALSE and {c} is not NIL:")
        else:  # `if(n < 2, ...)`: on two numbers, a Python test of the two values
            x, xc = self.operand(cond, depth, "o")  # (a name of its own: both may be slots)
            a, ac = self.operand(cond.next.args[0], depth)
            b = self.temp("b")
            self.emit(depth, f"if {' and '.join(t[5:] for t in (xc, ac) if t) or 'True'} "
                             "and NOK:")
            self.emit(depth + 1, f"{b} = {_code(_TESTS, cond.next, x, a)}")
            self.emit(depth, "else:")
            c = self.chain(cond, "L", depth + 1)
            self.emit(depth + 1, f"{b} = {c} is not FALSE and {c} is not NIL")
            self.emit(depth, f"if {b}:")
        self.branch(m.args[1], r, depth + 1)
        self.emit(depth, "else:")
        if len(m.args) > 2:
            self.branch(m.args[2], r, depth + 1)
        else:  # no else branch: the outcome itself, like the `if` primitive
            self.emit(depth + 1, f"{r} = FALSE")

    def branch(self, m, r: str, depth: int) -> None:
        """An ``if`` branch's chain, computed straight into the ``if``'s result."""
        v = self.chain(m, "L", depth, into=r)
        if v != r:
            self.emit(depth, f"{r} = {v}")


def builtin_guards(S) -> dict:
    """The primitives compiled code may do inline, taken when the interpreter is built:
    guards compare slot values with these, so a program's redefinition (even one made
    before the first compile) is never mistaken for the built-in.

    Number's slots are watched: the cell ``S.number_ops`` (``NOK`` in compiled code) is
    True exactly while every inlined operator in them is the built-in, so arithmetic on
    two floats needs that one test instead of a lookup."""
    obj = S.Object.slots
    ops = {name: S.Number.slots[name] for name in _NUMBER_OPS}
    cell = S.number_ops = CellType(True)

    def on_change() -> None:
        get = S.Number.slots.get
        cell.cell_contents = all(get(name) is op for name, op in ops.items())

    S.Number.slots = WatchedSlots(S.Number.slots, on_change)
    return {
        "IF": obj["if"],
        "WHILE": obj["while"],
        "FOR": obj["for"],
        "RETURN": obj["return"],
        "CLONE": obj["clone"],
        "INIT": obj["init"],
        "SET_SLOT": obj["setSlot"],
        "UPDATE_SLOT": obj["updateSlot"],
        "LOCALS_UPDATE": S.locals_slots["updateSlot"],
        "FOREACH": S.List.slots["foreach"],
        **{f"OP_{_OP_NAMES[name]}": op for name, op in ops.items()},
    }


# the Locals proto's slots compiled code inlines when they hold these built-ins
_LOCALS_INLINED = {"if": "IF", "while": "WHILE", "for": "FOR", "return": "RETURN",
                   "setSlot": "SET_SLOT", "updateSlot": "LOCALS_UPDATE"}


def watch_locals(S) -> None:
    """The Locals proto's slots are watched like Number's: the cell ``S.locals_ok``
    (``LOK``) is True while each slot of ``_LOCALS_INLINED`` holds its built-in, so a
    method's ``if`` or ``x = ...`` tests that flag instead of looking the name up."""
    builtins = S.builtins
    expected = {name: builtins[guard] for name, guard in _LOCALS_INLINED.items()}
    cell = S.locals_ok = CellType(True)

    def on_change() -> None:
        get = S.locals_slots.get
        cell.cell_contents = all(get(name) is prim for name, prim in expected.items())

    S.LocalsProto.slots = S.locals_slots = WatchedSlots(S.locals_slots, on_change)
    on_change()


class _Nowhere:
    """The holder a memory names when nothing had the name: it never has slots, so the
    send finds nothing and forwards (the general path then looks again)."""

    __slots__ = ()
    slots: dict = {}


_NOWHERE = _Nowhere()


def receiver_memory(t: IoObject, name: str, shape: int) -> tuple:
    """A send site's memory (shape, object, class, proto, holder) after looking ``name``
    up in ``t`` (not a Locals). A non-leaf is remembered itself, where the lookup ended
    (possibly ``t``): any slot added to or removed from it moves the shape. A leaf (a new
    clone) is remembered by its class and only proto, with where the walk from that proto
    ended: its own slots are read first each time. The holder is also the answer's
    source right now, even when the memory is unusable (shape -1). Only a plain object or
    a proto is kept itself: a Call, a Locals or a List made on the way is not held alive
    by the memory (its sender's locals with it: a WeakLink to them would never clear)."""
    leaf = getattr(t, "leaf", None)
    if leaf is False or (leaf is None and t.__class__ is IoObject):
        h = t if name in t.slots else lookup_holder(t, name)[0]
        return shape, t, None, None, h or _NOWHERE
    h = lookup_holder(t, name)[0] or _NOWHERE
    protos = t.protos
    if len(protos) == 1:  # (a copy: compared with ==, it must not change with t's)
        return shape, None, t.__class__, list(protos), h
    return -1, None, None, None, h


def context_holder(L: IoObject, name: str, shape: int) -> tuple:
    """A send site's memory (shape, context, non-leaf context, holder) after ``name``
    missed the own slots of ``L``, a plain context (the Lobby, a ``do``): where its protos
    answer, read live. A lookup probes L's own slots first; an inlined assignment skips
    them, so it needs L to be nobody's leaf (then a slot added to it moves the shape)."""
    n = None if getattr(L, "leaf", False) else L
    return shape, L, n, lookup_holder(L, name)[0] or _NOWHERE


def check_for(S, start, end, step) -> None:
    """``for`` bounds must be numbers (shared by the primitive and the inline loop)."""
    for i, v in enumerate((start, end, step), 1):  # upstream's text names the argument
        if v.__class__ is not float:
            raise IoError(f"argument {i} to method 'for' must be a Number, not a '{S.type_name(v)}'")


def compile_chain(S, m, single: bool = False):
    """Compile the chain starting at ``m`` (only ``m`` with ``single``) into ``run(L, t)``,
    a generator function."""
    g = _Gen(S, CHAIN)
    r = g.chain(m, "L", 3, single)
    head = [
        "    def run(L, t):",
        "        nonlocal T, SH",
        "        if t is not L:",  # compiled code assumes the usual case, target == locals
        "            return (yield from S.eval_chain(M0, L, t))",
        "        try:",
        "            Ls = L.slots",
        "        except AttributeError:",  # a Number or string as context (performOn)
        "            return (yield from S.eval_chain(M0, L, t))",
        "        ISLOC = L.__class__ is Locals",
        "        d = S.coro.depth if S.coro is not None else 0",
        "        D1 = d + 1",
        *(f"        {line}" for line in g.loop_cache_setup()),
        "        try:",
    ]
    tail = [
        f"            return {r}",
        "        except PASS:",
        "            raise",
        "        except IoError as e:",
        "            raise error_at(S, e, SITES) from None",
        *_internal("None"),
    ]
    return _build(S, m, g, head, tail)


def compile_entry(S, blk, target=None):
    """Compile a whole activation of ``blk``: ``run(blk, target, caller_locals, message,
    depth, *args)`` — the same steps as ``Engine.activate`` (kept in step with it) with the
    body inline, saving a generator and a Python frame on every Io call. The code is
    shared by every block with this body; one whose argument names were changed since
    runs the general way."""
    from .engine import mentions_call  # noqa: PLC0415  (engine imports us)

    body, names = blk.message, blk.arg_names
    needs_call = mentions_call(body)
    mode = ENTRY_L if needs_call else ENTRY_V
    g = _Gen(S, mode, [*names, *_assigned_names(body)])
    g.peek = target if blk.scope is None else blk.scope
    # the arguments arrive in their locals' own variables when nothing else is bound to
    # those (repeated names: the last one wins; an argument named self)
    direct = mode == ENTRY_V and len(set(names)) == len(names) and "self" not in names
    a = [g.V[name] if direct else f"a{i}" for i, name in enumerate(names)]
    params = "".join(f", {p}=NIL" for p in a)
    head = [
        f"    def run(blk, target, CL, m, d{params}):",
        "        nonlocal T, SH",
        "        if blk.arg_names is not NAMES:",
        "            if NAMES is None:",  # dropped (Message.invalidate): sites that remember
        "                SH += 1",  # this entry must look again
        f"            return (yield from S.activate(blk, target, m, CL, [{params[2:].replace('=NIL', '')}"
        "], plain=True))",
        "        if d > MAXD:",
        "            raise S.depth_error()",
        "        T -= 1",
        "        if T < 0:",
        "            yield PREEMPT",
        "        D1 = d + 1",
    ]
    if mode == ENTRY_V:
        head += [
            "        SELF = target if blk.scope is None else blk.scope",
            # an argument (even one named self, as `method(self, ...)`) holds its value
            *(f"        {pv} = a{len(names) - 1 - names[::-1].index(name)}" if name in names
              else f"        {pv} = UNSET"
              for name, pv in g.V.items()
              if (name != "self" or name in names) and not (direct and name in names)),
            "        L = None",
        ]
    else:
        head += [
            "        scope = blk.scope",
            "        Ls = {'self': target if scope is None else scope}",
            "        call = Ls['call'] = Call(CALLP, CL, m, target, blk, S.coro)",
            *(f"        Ls[{name!r}] = a{i}" for i, name in enumerate(names)),
            "        L = Locals(LOCP, Ls)",
            "        L.leaf = True",
        ]
    r = g.chain(body, "L", 3)
    head += [
        *(f"        {line}" for line in g.loop_cache_setup()),
        "        try:",
    ]
    tail = [
        f"            {'return' if mode == ENTRY_V else '_r ='} {r}",
        "        except IoStop as e:",
        "            if blk.pass_stops:",
        "                raise",
        f"            {'return' if mode == ENTRY_V else '_r ='} e.value",
        "        except IoRaise as e:",
        "            S.note_frame(e.exc, m, target)",
        "            raise",
        "        except PASS:",
        "            raise",
        "        except IoError as e:",
        f"            raise error_at(S, e, SITES, m, target, {'SELF' if mode == ENTRY_V else 'None'},"
        " True) from None",
        *_internal("m"),
    ]
    if mode == ENTRY_L:
        tail += [
            "        if call.stop_status is not None:",
            "            raise STOPS[call.stop_status](_r)",
            "        return _r",
        ]
    V = list(g.V)
    run = _build(S, body, g, head, tail, NAMES=names, IN=_reader(V), OUT=_writer(S, V))
    run.virtual = mode == ENTRY_V  # no Call: a caller without a Locals may call it directly
    # Callers pass at most one value per name, so the signature has no *args, which would
    # keep CPython from specializing the call (a tenth of the cost of an Io call)
    run.names = names
    blk.needs_call = needs_call
    return run


def loops(body) -> bool:
    """Whether a method's body has a loop the compiler inlines: then its activation is
    compiled on its first call (a loop in a method called once — a coroutine's `run`, a
    program's `main` — would otherwise run as a chain in a Locals object)."""
    todo = [body]
    while todo:
        m = todo.pop()
        while m is not None:
            if m.name in _LOOPS and m.args:
                return True
            todo.extend(m.args)
            m = m.next
    return False


_LOOPS = frozenset(("for", "while", "foreach"))


def _reader(names: list[str]):
    """Reads virtual locals back from a Locals dict (unset when absent)."""
    def read(Ls):
        get = Ls.get
        return tuple(get(n, UNSET) for n in names)
    return read


def _writer(S, names: list[str]):
    """Makes (first call) or refreshes the Locals object of a virtual-locals activation."""
    protos = S.locals_protos

    shape = S.shape

    def write(L, *values):
        if L is None:
            L = Locals(protos, {})
            L.leaf = True
        slots = L.slots
        for n, v in zip(names, values):
            if v is not UNSET:
                if n not in slots and not L.leaf:
                    shape.cell_contents += 1
                slots[n] = v
        return L
    return write


_NO_PRIM = object()  # an empty primitive memory


class _Unset:
    """A virtual local not assigned yet (a read then looks it up as usual)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "UNSET"


UNSET = _Unset()

def _internal(m: str) -> list[str]:
    """The handlers for Python errors: a stack overflow, and pyio's own bugs (reported as
    Io errors at the send they came from, ``m`` outside any send)."""
    return [
        "        except RecursionError as e:",
        f"            raise IoRaise(S.error_exception('Stack overflow', where(e, SITES, {m})[0]))"
        " from None",
        "        except Exception as e:",
        f"            raise IoRaise(S.internal_error(e, where(e, SITES, {m})[0])) from None",
    ]


def update_memory(obj, key: str, shape: int, locals_proto) -> tuple:
    """A method assignment's memory (shape, object, proto, holder of ``key``, holder of
    ``updateSlot``) after Object's ``updateSlot`` stored ``key`` into ``obj`` (its self):
    for a plain object that is nobody's leaf, that object; for a leaf (a new clone), its
    only proto, where the walks from it end (an empty holder when nothing has ``key``).
    Unusable (shape -1) for other objects, or when the Locals proto would answer ``key``
    (the one-line ``count = count + 1`` reads it as self's)."""
    if obj.__class__ is not IoObject or key in locals_proto.slots or locals_proto.protos:
        return _NO_UPDATE
    if not getattr(obj, "leaf", False):
        u = obj if "updateSlot" in obj.slots else lookup_holder(obj, "updateSlot")[0]
        h, o, p = obj if key in obj.slots else lookup_holder(obj, key)[0], obj, None
    elif len(obj.protos) == 1:
        u = lookup_holder(obj, "updateSlot")[0]
        h, o, p = lookup_holder(obj, key)[0], None, obj.protos[0]
    else:
        return _NO_UPDATE
    if u is None:
        return _NO_UPDATE
    return shape, o, p, h or _NOWHERE, u


_NO_UPDATE = (-1, None, None, _NOWHERE, _NOWHERE)


def init_entry(f) -> tuple:
    """(block, compiled entry) of an ``init`` that is an activatable block compiled
    already: a clone site calls that entry as the primitive would. Else a block nothing
    holds (an init found nowhere reads None from a holder)."""
    if f.__class__ is Block and f.activatable and f.message.entry is not None:
        return f, f.message.entry
    return _NOWHERE, None


def error_at(S, e: IoError, sites: dict, m=None, target=None, self_=None,
             frame: bool = False) -> IoRaise:
    """The Io exception for a primitive's error in compiled code, positioned at its send
    (a target None there is the Locals: ``self_`` in a method without one); ``frame`` adds
    the activation's own line to the stack. Out of line: its variables would be in every
    activation's frame."""
    msg, t = where(e, sites, m, target)
    if t is None and self_ is not None:
        t = self_
    exc = S.error_exception(e.text, msg, e.kind, t)
    if frame:
        S.note_frame(exc, m, target)
    return IoRaise(exc)


def where(e: BaseException, sites: dict, m=None, target=None) -> tuple:
    """(message, target) of the send an error in compiled code was raised at. Compiled
    code keeps no position variables (two stores per send): the line of the generated code
    the error came out of names the send, and the frame still holds its target."""
    tb = e.__traceback__
    site = sites.get(tb.tb_lineno) if tb is not None else None
    if site is None:
        return m, target
    msg, tv = site
    return msg, tb.tb_frame.f_locals.get(tv)


_CODE: dict = {}  # (source, file name) -> code object
_CODE_MAX = 512


def _python_code(src: str, filename: str):
    """Compile generated source, remembering the result: every new interpreter (each test,
    each Reset in the IDE) compiles the same prelude loops and often the same methods, and
    CPython's compiler is the slow part of compiling a chain."""
    key = (src, filename)
    code = _CODE.get(key)
    if code is None:
        if len(_CODE) >= _CODE_MAX:
            _CODE.clear()
        code = _CODE[key] = compile(src, filename, "exec")
    return code


def _build(S, m, g: _Gen, head: list[str], tail: list[str], **extra):
    if not g.inits:  # no loop lookup cache reads EP: drop the bookkeeping
        keep = [not line.endswith("EP += 1") for line in g.lines]
        g.lines = [line for line, k in zip(g.lines, keep) if k]
        g.tags = [tag for tag, k in zip(g.tags, keep) if k]
    memories = g.site_globals()
    if memories:
        head = [head[0], f"        global {', '.join(memories)}", *head[1:]]
    # Constants and caches are globals of this unit; only the cells every unit shares
    # (ticks, shape, depth limit) are closure variables (each is copied into every frame).
    src = "\n".join(
        [
            "def make(S):",
            "    T = MAXD = SH = NOK = LOK = 0",
            *head,
            *g.lines,
            *tail,
            "        yield",  # makes run a generator even when the code never sends
            "    return run",
        ]
    )
    from .engine import STOPS  # noqa: PLC0415  (engine imports us)

    ns = {
        "CFunction": CFunction,
        "Block": Block,
        "ActObj": ActivatableObject,
        "Call": Call,
        "CALLP": S.call_protos,
        "LOCP": S.locals_protos,
        "LPS": S.locals_slots,
        "LOCO": S.LocalsProto,
        "IoObject": IoObject,
        "STOPS": STOPS,
        "IoStop": IoStop,
        "IoReturn": IoReturn,
        "EAGER": EAGER,
        "Locals": Locals,
        "lookup_in": lookup_in,
        "lookup_holder": lookup_holder,
        "LAZY": LAZY,
        "IoError": IoError,
        "M0": m,
        "IoRaise": IoRaise,
        "PASS": PASS_THROUGH,
        "NUM": S.Number,
        "SEQ": S.Sequence,
        "NUMS": S.Number.slots,
        "SEQS": S.Sequence.slots,
        "IoList": IoList,
        "check_for": check_for,
        "PREEMPT": PREEMPT,
        "IoBreak": IoBreak,
        "IoContinue": IoContinue,
        "NIL": S.nil,
        "TRUE": S.true,
        "FALSE": S.false,
        "UNSET": UNSET,
        # what a read must send rather than answer: a missing slot's None too (one test)
        "SPECIAL": frozenset((CFunction, Block, ActivatableObject, _Unset, type(None))),
        **S.builtins,
        "resolve": S.resolve,
        "where": where,
        "error_at": error_at,
        "UPD": update_memory,
        "INIT_ENTRY": init_entry,
        "LOBBY": S.lobby,
        "INITM": S.init_message,
        "RECV": receiver_memory,
        "NEWOBJ": IoObject.__new__,
        "CTX": context_holder,
        **extra,
    }
    first = 3 + len(head)  # the line number of g.lines[0] in src
    ns["SITES"] = {first + i: tag for i, tag in enumerate(g.tags) if tag is not None}
    exec(_python_code(src, f"<io {m.label}:{m.line}:{m.col}>"), ns)
    ns.update((f"k{i}", c) for i, c in enumerate(g.consts))
    ns.update(memories)
    run = ns["make"](S)
    # share the interpreter's tick and depth-limit cells instead of this unit's own
    code = run.__code__
    shared = {"T": S.tick, "MAXD": S.depth_cell, "SH": S.shape, "NOK": S.number_ops,
              "LOK": S.locals_ok}
    cells = tuple(shared.get(name, cell) for name, cell in zip(code.co_freevars, run.__closure__))
    run = FunctionType(code, run.__globals__, run.__name__, run.__defaults__, cells)
    for node in g.covered:
        units = node.units
        if units is None:
            node.units = [m]
        elif m not in units:
            units.append(m)
    return run

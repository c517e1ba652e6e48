"""A grammar-aware generator of random, mostly valid Io programs.

The generator draws every decision from a *chooser* (``randint``, ``choice``, ``random``), so
the same grammar serves two drivers: ``random.Random(seed)`` for ``fuzz/run.py`` (a seed
reproduces a program exactly) and ``HypothesisChooser`` for the hypothesis strategies in
``fuzz/strategies.py`` (hypothesis records each draw, so a failing program shrinks).

Programs use a small pool of variable names so later statements reuse earlier values, call
real slot names of the core protos (read from a live interpreter once), and now and then
are damaged (a character dropped, a bracket added) to exercise the parser and error paths.
Anything that reaches outside the interpreter (files, processes, sleeping, exiting) is left
out: the fuzzer hunts interpreter bugs, not side effects on the machine running it.
"""

from __future__ import annotations

from functools import cache
from collections.abc import Sequence
from typing import Protocol

VARS = ("a", "b", "c", "x", "y", "l", "m", "s", "o", "f", "e")
BINOPS = ("+", "-", "*", "/", "%", "**", "==", "!=", "<", ">", "<=", ">=", "..", "and",
          "or", "&", "|", "^", "<<", ">>", "&&", "||", "?", "+=", "-=")
SMALL_NUMBERS = ("0", "1", "2", "3", "-1", "10", "0.5", "-2.5", "7", "100", "1e3", "0x1F")
ODD_NUMBERS = ("1e9", "-1e9", "1e308", "2 ** 53", "(0/0)", "(1/0)", "-0", "1e-300",
               "4294967296", "0.1")
STRINGS = ('""', '"a"', '"hello"', '"Io"', '"a,b,c"', '"  pad  "', '"42"', '"3.5"',
           '"line\\nbreak"', '"tab\\there"', '"quote\\"d"', '"#{1 + 2}"', '"\\u00e9t\\u00e9"',
           '"""triple "q" """', '"x" repeated(3)', '"%"', '"\\\\"', '"abc" asMutable')
CONSTANTS = ("nil", "true", "false", "Object", "Lobby", "Number", "Sequence", "List",
             "Map", "Exception", "Error", "Message", "Block", "Date", "Duration",
             "Coroutine", "Call", "Vector", "thisContext", "self", "call", "Scheduler")
# receivers of each proto's slots: the prologue's variables, literals, fresh clones
RECEIVERS = {
    "Object": ("o", "Object clone", "Lobby", "o"),
    "Number": ("x", "y", "3", "-2.5", "0"),
    "Sequence": ("s", '"abc"', '"a b c"', "s asMutable", '"42"'),
    "List": ("l", "list(3, 1, 2)", "list()", 'list("b", "a")'),
    "Map": ("m", "Map clone", 'Map clone atPut("k", 1)'),
    "Block": ("f", "block(v, v)", "method(1)"),
    "Exception": ("e", "Exception clone", 'try(Exception raise("boom"))'),
    "Message": ("message(a + 1)", "message(foo(1, 2) bar)", "message"),
    "Call": ("call", "method(call) call"),
    "Coroutine": ("Coroutine currentCoroutine", "Coroutine clone"),
    "Date": ("Date clone", "Date fromNumber(0)"),
    "Duration": ("Duration clone", "Duration clone setSeconds(90)"),
    "Vector": ("vector(1, 2, 3)", "vector()"),
}
TARGETS = tuple(RECEIVERS)
# every variable starts with a value, so programs get past their first line
PROLOGUE = ('a := 1; b := "two"; c := list(1, 2, 3); x := 3.5; y := -2; l := list(1, "a", nil); '
            'm := Map clone atPut("k", 1); s := "hello"; o := Object clone; '
            'f := method(n, n); e := try(Exception raise("first"))')

# slots never sent: they act on the machine (files, processes, time, stdin) or end the run
DENY = frozenset((
    "exit", "system", "runCommand", "sleep", "wait", "readLine", "readLines", "File",
    "Directory", "Path", "doFile", "doRelativeFile", "relativeDoFile", "launchFile",
    "setEnvironmentVariable", "getEnvironmentVariable", "Importer", "importer", "Addons",
    "System", "Collector", "Profiler", "Sandbox", "callcc", "pause", "yield", "resumeLater",
    "setTimers", "apropos", "slotSummary", "memorySize", "open", "write", "print",
    "println", "writeln", "showStack", "serialized", "justSerialized", "lazySlot",
    "asyncSend", "futureSend", "@", "@@", "coroDo", "coroDoLater", "coroFor", "coroWith",
    "actorRun", "actorProcessQueue", "setIsActivatable",
))


class Chooser(Protocol):
    """The three kinds of random decision the grammar makes."""

    def randint(self, a: int, b: int) -> int: ...

    def choice(self, seq: Sequence[str]) -> str: ...

    def random(self) -> float: ...


@cache
def slot_names() -> dict[str, tuple[str, ...]]:
    """Every core proto's slot names (minus DENY), sorted so a seed means one program."""
    from pyio_core import CaptureHost, Interpreter

    it = Interpreter(host=CaptureHost())
    out = {}
    for name in TARGETS:
        proto = it.core.slots[name]
        out[name] = tuple(sorted(n for n in proto.slots if n and n not in DENY))
    return out


class ProgramGenerator:
    """Builds one program from a chooser. ``depth`` bounds expression nesting."""

    def __init__(self, r: Chooser, depth: int = 4) -> None:
        self.r = r
        self.depth = depth

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    # -- programs and statements ---------------------------------------------------------
    def program(self, statements: int | None = None) -> str:
        n = statements if statements is not None else self.r.randint(1, 8)
        sep = self.r.choice(("\n", "\n", "; ", "\n\n"))
        code = sep.join(self.statements(n))
        if self.chance(0.08):
            code = self.damage(code)
        return code

    def statements(self, n: int) -> list[str]:
        """``n`` statements; most are wrapped in try, so one error does not end the program."""
        return [f"try({st})" if self.chance(0.6) else st
                for st in (self.statement() for _ in range(n))]

    def statement(self) -> str:
        kind = self.r.randint(0, 11)
        if kind <= 2:
            return f"{self.r.choice(VARS)} {self.r.choice((':=', '=', ':=', '::='))} " \
                   f"{self.expr(self.depth)}"
        if kind == 3:
            return f"o {self.r.choice(('a', 'b', 'f', 'init', 'type'))} := {self.expr(2)}"
        if kind == 4:
            return self.definition()
        if kind == 5:
            return self.control(self.depth)
        if kind == 6:
            return f"{self.r.choice(('writeln', 'write'))}({self.expr(2)})"
        if kind == 7:
            return f"({self.expr(2)}) println"
        return self.expr(self.depth)

    def definition(self) -> str:
        """A method or block stored in a slot: recursion, closures, `call` introspection."""
        name = self.r.choice(("f", "g", "o f", "Object h", "o init"))
        params = ", ".join(self.r.choice(("n", "p", "q")) for _ in range(self.r.randint(0, 2)))
        body = self.expr(3)
        if self.chance(0.3):  # self-recursion, bounded or not
            body = f"if(n == nil or n < 1, {body}, {name.split()[-1]}(n - 1) + 1)"
        kind = self.r.choice(("method", "method", "block"))
        sep = ", " if params else ""
        return f"{name} := {kind}({params}{sep}{body})"

    def damage(self, code: str) -> str:
        """Make the program slightly invalid, as a half-typed edit would."""
        if not code:
            return "("
        i = self.r.randint(0, len(code) - 1)
        how = self.r.randint(0, 3)
        if how == 0:
            return code[:i] + code[i + 1:]
        if how == 1:
            return code[:i] + self.r.choice(("(", ")", '"', ",", ":=", "[", "}", "#", "/*")) \
                + code[i:]
        if how == 2:
            return code[:i]
        return code[:i] + "\n" + code[i:]

    # -- expressions ---------------------------------------------------------------------
    def expr(self, depth: int) -> str:
        if depth <= 0:
            return self.atom()
        kind = self.r.randint(0, 15)
        d = depth - 1
        if kind <= 2:
            return self.atom()
        if kind <= 4:
            return f"{self.expr(d)} {self.r.choice(BINOPS)} {self.expr(d)}"
        if kind <= 7:
            return self.send(d)
        if kind == 8:
            return self.collection(d)
        if kind == 9:
            return self.control(d)
        if kind == 10:
            return self.exception(d)
        if kind == 11:
            return f"{self.r.choice(('block', 'method'))}({self.r.choice(('', 'v, ', 'v, w, '))}" \
                   f"{self.expr(d)})"
        if kind == 12:
            return f"({self.expr(d)})"
        if kind == 13:
            return self.string_op(d)
        if kind == 14:
            return self.reflection(d)
        return f"{self.r.choice(VARS)} := {self.expr(d)}"

    def atom(self) -> str:
        k = self.r.randint(0, 9)
        if k <= 2:
            return self.r.choice(VARS)
        if k <= 4:
            return self.r.choice(SMALL_NUMBERS if self.chance(0.9) else ODD_NUMBERS)
        if k <= 6:
            return self.r.choice(STRINGS)
        if k == 7:
            return self.r.choice(CONSTANTS)
        if k == 8:
            return self.r.choice(("list()", "list(1, 2, 3)", "Map clone", "Object clone",
                                  "list(\"b\", \"a\")", "Map clone atPut(\"k\", 1)"))
        return f"{self.r.choice(TARGETS)} clone"

    def args(self, depth: int, lo: int = 0, hi: int = 3) -> str:
        """Arguments: often plain values of every type, else expressions."""
        return ", ".join(self.expr(depth) if self.chance(0.5) else self.value()
                         for _ in range(self.r.randint(lo, hi)))

    def value(self) -> str:
        return self.r.choice(self.r.choice(tuple(RECEIVERS.values())) + (
            "nil", "true", "1e9", "-1", "(0/0)", "0", '""', "2", "list(list())", "Object"))

    def send(self, depth: int) -> str:
        """A real slot name of a core proto sent to a random receiver, 0-3 arguments."""
        names = slot_names()
        proto = self.r.choice(TARGETS)
        name = self.r.choice(names[proto])
        k = self.r.random()
        if k < 0.6:
            receiver = self.r.choice(RECEIVERS[proto])
        elif k < 0.7:  # the proto itself, or a plain object dressed as one: no payload
            receiver = self.r.choice((proto, f"(Object clone setProto({proto}))",
                                      f"({proto} clone removeAllProtos setProto({proto}))"))
        else:
            receiver = self.expr(depth)
        if not name[0].isalpha() and name[0] != "_":
            return f"{receiver} {name} {self.atom()}" if self.chance(0.5) else \
                   f"{receiver} {name}({self.atom()})"
        a = self.args(depth, 0, 3)
        return f"{receiver} {name}" + (f"({a})" if a or self.chance(0.3) else "")

    def collection(self, depth: int) -> str:
        ops = (
            "append({e})", "at({e})", "atPut({e}, {e})", "push({e})", "pop", "first", "last",
            "size", "reverse", "sort", "join", "join({e})", "select(v, {e})", "map(v, {e})",
            "detect(v, {e})", "foreach(v, {e})", "foreach(i, v, {e})", "reduce(+)",
            "insertAt({e}, {e})", "removeAt({e})", "slice({e}, {e})", "contains({e})",
            "indexOf({e})", "sum", "sortBy(block(p, q, p < q))", "append(l)", "copy(l)",
            "at({e}) at({e})", "keys", "values", "atIfAbsent({e}, {e})", "removeAt({e})",
            "hasKey({e})", "asList", "asMap", "unique", "flatten", "asString", "println",
        )
        op = self.r.choice(ops)
        while "{e}" in op:
            op = op.replace("{e}", self.expr(max(depth - 1, 0)), 1)
        base = self.r.choice(("l", "m", "list({a})", "Map clone", "l copy", "list()"))
        return f"{base.replace('{a}', self.args(0))} {op}"

    def control(self, depth: int) -> str:
        d = max(depth - 1, 0)
        e = self.expr
        forms = (
            lambda: f"if({e(d)}, {e(d)}, {e(d)})",
            lambda: f"if({e(d)}) then({e(d)}) else({e(d)})",
            lambda: f"{e(d)} ifTrue({e(d)}) ifFalse({e(d)})",
            lambda: f"for(i, {self.atom()}, {self.atom()}, {e(d)})",
            lambda: f"for(i, 1, 10, 2, {e(d)}; if(i > 5, break))",
            lambda: f"while({e(d)}, {e(d)})",
            lambda: f"k := 0; while(k < 5, k = k + 1; {e(d)})",
            lambda: f"{self.atom()} repeat({e(d)})",
            lambda: f"loop({e(d)}; break)",
            lambda: f"loop({e(d)})" if self.chance(0.2) else f"loop(break({e(d)}))",
            lambda: f"{self.r.choice(VARS)} foreach(v, {e(d)})",
            lambda: f"list({self.args(0)}) foreach(i, v, if(i > 1, continue); {e(d)})",
            lambda: f"block(v, {e(d)}) call({e(d)})",
            lambda: f"method({e(d)}; return {e(d)}) call",
            lambda: f"{e(d)} switch({self.atom()}, {e(d)}, {e(d)})",
        )
        return forms[self.r.randint(0, len(forms) - 1)]()

    def exception(self, depth: int) -> str:
        d = max(depth - 1, 0)
        e = self.expr
        forms = (
            lambda: f"try({e(d)})",
            lambda: f"e := try({e(d)}); e ?error",
            lambda: f"try({e(d)}) catch(Exception, v, v error)",
            lambda: f"Exception raise({self.r.choice(STRINGS)})",
            lambda: f"Error with({self.r.choice(STRINGS)}) raiseIfError",
            lambda: "try(Exception raise(\"x\")) ?showStack" if self.chance(0.1)
            else f"try({e(d)}) ?error",
            lambda: f"try({e(d)}) pass",
            lambda: f"Exception clone raise({e(d)})",
            lambda: f"e := try({e(d)}); e ?message; e ?coroutine",
            lambda: f"{e(d)} returnIfError",
            lambda: f"doString({self.code_string()})",
            lambda: f"Lobby doString({self.code_string()})",
        )
        return forms[self.r.randint(0, len(forms) - 1)]()

    def code_string(self) -> str:
        """A string literal holding a (possibly damaged) small program, for doString."""
        inner = ProgramGenerator(self.r, 2).program(self.r.randint(1, 2))
        return '"' + inner.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'

    def string_op(self, depth: int) -> str:
        ops = ("size", "asUpper", "asLowercase", "reverse", "split", "split(\",\")",
               "asNumber", "at({n})", "slice({n}, {n})", "exSlice({n})", "asMutable",
               "asSymbol", "strip", "interpolate", "asList", "findSeq(\"l\")",
               "replaceSeq(\"a\", \"b\")", "beforeSeq(\"l\")", "asMessage", "asJson",
               "repeated({n})", "occurancesOfSeq(\"a\")", "containsSeq(\"e\")", "..({e})",
               "asMutable appendSeq({e})", "asMutable atPut({n}, 65)", "asMutable removeAt({n})",
               "characters", "asHex", "fromBase(16)", "alignLeft({n})", "percentDecoded")
        op = self.r.choice(ops)
        while "{n}" in op:
            op = op.replace("{n}", self.r.choice(SMALL_NUMBERS), 1)
        while "{e}" in op:
            op = op.replace("{e}", self.expr(max(depth - 1, 0)), 1)
        base = self.r.choice(STRINGS + ("s",)) if self.chance(0.8) else self.expr(depth)
        return f"{base} {op}"

    def reflection(self, depth: int) -> str:
        e = self.expr(max(depth - 1, 0))
        forms = (
            f"o := Object clone do({e})", f"o setSlot(\"a\", {e})", "o getSlot(\"a\")",
            f"o hasSlot({e})", "o slotNames", "o proto", f"o setProto({e})",
            f"o perform({self.r.choice(STRINGS)})", f"{e} type", f"{e} isKindOf({e})",
            "call message", "call sender", "thisContext", f"message({e})",
            f"message({e}) doInContext(o)", f"getSlot(\"f\") call({e})", f"{e} asString",
            f"{e} clone", f"{e} == {e}", f"{e} compare({e})", "o removeSlot(\"a\")",
            f"{e} uniqueId", f"o appendProto({e})", f"{e} hasProto({e})",
            "o forward := method(call message name)", f"o {self.r.choice(VARS)}",
            f"{e} become({e})" if self.chance(0.1) else f"{e} ancestors",
            # messages edited while they run (the compiler caches code per message)
            f"mm := message({e}); for(i, 1, 3, doMessage(mm)); mm setNext(message({e})); "
            "doMessage(mm)",
            f"getSlot(\"f\") message setNext(message({e})); f(1); f(2)",
            f"mm := message(a + 1); mm setArguments(list(message({e}))); doMessage(mm)",
            f"mm := message(x); mm setCachedResult({e}); doMessage(mm)",
            # coroutines, actors and futures
            f"cc := coroFor({e}); cc run; cc result",
            f"fu := o futureSend(a); fu == {e}" if self.chance(0.3) else f"o @@f({e})",
            f"{e} performWithArgList({self.r.choice(STRINGS)}, list({e}))",
            f"o perform(\"setSlot\", {self.r.choice(STRINGS)}, {e})",
            f"o @@f({e}); yield; {e}",
            f"fu := o @f({e}); fu isNil; yield; fu",
            f"cc := coroFor(yield; {e}); cc resumeLater; yield; cc isFinished",
            f"cc := coroFor({e}); Scheduler yieldingCoros append(cc); yield",
            f"Coroutine currentCoroutine parentCoroutine ?resume; {e}",
            f"cc := coroFor(loop(yield)); cc resumeLater; {e}; yield",
            f"o actorRun; o @@f({e})",
        )
        return forms[self.r.randint(0, len(forms) - 1)]


def generate(r: Chooser, depth: int | None = None) -> str:
    """One random program drawn from ``r``, after the prologue that sets its variables;
    expressions nest up to ``depth`` (2 to 6 at random by default)."""
    depth = r.randint(2, 6) if depth is None else depth
    return PROLOGUE + "\n" + ProgramGenerator(r, depth).program(r.randint(1, 12))


# what the differential run leaves out: answers that depend on the clock or on addresses
UNSTABLE = ("Date", "Duration", "cpuSecondsToRun", "secondsToRun", "profilerTime", "uniqueId",
            "uniqueHexId", "typeId", "clock")


def generate_hot(r: Chooser) -> str:
    """A program for the differential run (``fuzz/run.py --differential``): the prologue and
    random statements become the body of a method called three times, so the compiler
    sees them hot (a method's activation compiles on its third call, its chains on their
    second evaluation), with each statement's value shown and each turn's error printed.
    The statements after the prologue may run in a loop the compiler inlines (``for``,
    ``foreach``), where break and continue have a loop to act on.
    Nothing is damaged: a parse error would hide the body from both runs."""
    while True:  # values that differ from run to run (clocks, ids) would be false alarms
        depth = r.randint(2, 6)
        body = ProgramGenerator(r, depth).statements(r.randint(1, 12))
        if not any(word in st for st in body for word in UNSTABLE):
            break
    loop = r.choice(("", "", "for(fzI, 1, 2, ", "list(1, 2) foreach(fzI, "))
    shown = "\n".join(f"    fzShow({st})" for st in body)
    shown = f"    fzShow({PROLOGUE})\n    {loop}\n{shown}\n    {')' if loop else ''}"
    return (
        'fzShow := method(v, fzV := "?"; try(fzV = if(getSlot("v") type == "Number" or '
        'getSlot("v") type == "Sequence", getSlot("v"), getSlot("v") type)); '
        'writeln("= ", fzV))\n'
        f"fzBody := method(\n{shown}\n)\n"
        'for(fzTurn, 1, 3, writeln("-- turn ", fzTurn); fzE := try(fzBody); '
        'if(fzE, writeln("error: ", fzE error)))'
    )


# what the sweep passes: nothing, and values of every kind, including awkward ones
SWEEP_ARGS = ("", "nil", "1", '"a"', "1, 2", "list(1)", "-1", "(0/0)", "Object clone",
              "block(v, v)", '"a", "b", "c"', "1e6")


def slot_sweep(proto: str, name: str) -> str:
    """A program sending slot ``name`` of ``proto`` to the proto itself, a typical value,
    a payload-less object dressed as the proto, and nil, with each of SWEEP_ARGS."""
    receivers = (proto, RECEIVERS[proto][0], f"(Object clone setProto({proto}))", "nil")
    sends = []
    for r in receivers:
        for a in SWEEP_ARGS:
            sends.append(f"try({r} {name}({a}))" if a else f"try({r} {name})")
    return PROLOGUE + "\n" + "\n".join(sends)


# -- shape changes under hot methods (fuzz/run.py --shapes) --------------------------------
# Compiled code remembers where names were found (protos walks, a method's self, the block
# a call site last called, Number's operators) and trusts the memory while the shape counter
# stands still. These programs make methods hot on every kind of self, then change what the
# memories depend on in every way a program can, and call again.
SHAPE_SETUP = (
    'G := Object clone do(n := "G"; k := 1)\n'
    'P := G clone do(n := "P"; hi := method(n); two := method(a, b, list(n, a, b)); '
    'bump := method(k = k + 1; k); viaCall := method(call; n); viaBlock := method(block(n) call); '
    'inLoop := method(r := nil; for(j, 1, 2, r = n); r); outer := method(x, two(hi, x)); '
    'rec := method(d, if(d == 0, n, rec(d - 1))); sc := method(c, if(c, block(nil)); hi); '
    'scoped := method(list(sc(true), sc(false), sc(true))))\n'
    'Q := Object clone do(n := "Q")\n'
    "c := P clone\n"
    "d := P clone\n"
    'Number nn := method(self + 1); Number pair := method(o, list(self * o, self < o))\n'
    'fzShow := method(v, fzV := "?"; t := getSlot("v") type; try(fzV = if(t == "Number" or '
    't == "Sequence", getSlot("v"), if(t == "List", v asString, t))); fzV)\n'
)
SHAPE_RECEIVERS = ("P clone", "c", "d", "P", "P clone clone", "c clone", "Object clone setProto(P)")
SHAPE_CALLS = ("hi", "two(1, 2)", "bump", "viaCall", "viaBlock", "inLoop", "outer(3)",
               "rec(3)", "scoped",
               # arguments that change what the call depends on while it is being made
               'two(P hi, P getSlot("hi") setMessage(message(n .. "+")); P hi)',
               'two(P n := "arg"; P hi, P removeSlot("n"); P hi)', 'two(c setProto(Q); c n, c hi)',
               'outer(Number + := method(o, "arg plus"); 1 + 1)', 'two(c bump, c bump)')
SHAPE_HOLDERS = ("G", "P", "Q", "c", "d", "Lobby", "Locals", "Object")
SHAPE_CHANGES = (
    '{h} n := "{h}"', '{h} setSlot("n", "{h}!")', '{h} removeSlot("n")', '{h} do(n := "do")',
    '{h} do(for(n, 1, 1, nil))', '{h} do(list("L") foreach(n, nil))', '{h} newSlot("n", "ns")',
    '{h} updateSlot("n", "up")', '{h} doString("n := \\"ds\\"")', '{h} lexicalDo(n := "lex")',
    '{h} k := 10', '{h} removeSlot("k")', '{h} hi := method("new hi")', '{h} removeSlot("hi")',
    "c setProto(Q)", "c setProto(P)", "c appendProto(Q)", "c prependProto(Q)",
    "c removeProto(P)", "d setProtos(list(Q, P))", "e2 := c clone", "Q setProto(c)",
    'c become(Q clone)', 'd become(c)', "P setProto(Q)", "P setProto(G)", "Locals appendProto(Q)",
    'Locals removeProto(Q)', "P prependProto(c)", "G removeAllSlots", "c removeAllSlots",
    'P getSlot("hi") setMessage(message(n .. "*"))', 'P getSlot("hi") setMessage(message(n))',
    'P getSlot("two") setArgumentNames(list("b", "a"))', 'P getSlot("hi") setIsActivatable(false)',
    'P getSlot("hi") setIsActivatable(true)', 'P getSlot("hi") message setName("k")',
    'P getSlot("rec") message setNext(message(.. ""))', 'P hi := P getSlot("two")',
    'Number + := method(o, "plus")', 'Number removeSlot("+")', "Number + := Object getSlot(\"+\")",
    'Number * := method(o, "times")', 'Number < := method(o, "lt")', 'Number removeSlot("nn")',
    'Number do(+ := method(o, "do plus"))', 'Number nn := method(self * 100)',
    'Locals n := "locals"', 'Locals removeSlot("n")',
    'Locals hi := method("Locals hi " .. self type)', 'Locals removeSlot("hi")', 'Object n := "object"', 'Object removeSlot("n")',
)


def generate_shapes(r: Chooser) -> str:
    """A program for ``fuzz/run.py --shapes``: the setup above, then rounds of hot calls
    (each shown, errors as text) and random changes to slots, protos, method bodies and
    Number's operators."""
    lines = [SHAPE_SETUP]
    for turn in range(r.randint(2, 4)):
        calls = [f"{r.choice(SHAPE_RECEIVERS)} {r.choice(SHAPE_CALLS)}"
                 for _ in range(r.randint(1, 4))]
        calls.append(r.choice(("3 nn", "2 pair(5)", "(1.5) pair(2)", "7 nn nn")))
        shown = f'list({", ".join(calls)}) map(v, fzShow(getSlot("v"))) join(" ")'
        if r.random() < 0.5:  # the sites in a method's virtual-locals code, else top level
            lines.append(f"fzRound{turn} := method({shown})")
            shown = f"fzRound{turn}"
        shown = f'fzE := try(fzR := {shown}); writeln(if(fzE, "E: " .. fzE error, fzR))'
        lines.append(f"for(fzI, 1, {r.randint(3, 7)}, {shown})")
        for _ in range(r.randint(1, 3)):
            change = r.choice(SHAPE_CHANGES).replace("{h}", r.choice(SHAPE_HOLDERS))
            lines.append(f'e := try({change}); if(e, writeln("change: ", e error))')
        lines.append(shown)
    return "\n".join(lines)

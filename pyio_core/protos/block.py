"""Block (method and block objects) and CFunction (primitives as values): calling,
introspection, printing."""

from __future__ import annotations

from ..errors import IoError
from ..message import Message
from ..parser.printer import format_message
from ..registry import Prims
from ..values import Block, CFunction, raw_clone
from .message import deep_copy, need_message


def _new_proto(protos: list) -> Block:
    """The Block proto: a plain, non-activatable block (its body is set in Block.io)."""
    return Block(protos, Message("nil", None, []), [], None, False)


P = Prims("Block", _new_proto)

#: upstream's CLI commandLineLabel: REPL code prints without a ``# label:line`` header
COMMAND_LINE_LABEL = "Command Line"


def need_block(S, t, method: str) -> Block:
    if isinstance(t, Block):
        return t
    raise IoError(f"Block {method} called on a '{S.type_name(t)}'")


@P.gen("clone")
def clone(S, t):
    """Clones get their own copy of the body, so rewriting one never changes the other."""
    new = raw_clone(t)
    if isinstance(new, Block):
        new.message = deep_copy(S, t.message)
    init = S.slot_value(new, "init")
    if init is not None:
        yield from S.activate_value(init, new, S.init_message, S.lobby)
    return new


# -- calling -------------------------------------------------------------------------------
@P.lazy("call")
def call(S, t, L, m):
    """``b call(args)``: like upstream, the caller's locals are target, sender and context."""
    blk = need_block(S, t, "call")
    return (yield from S.activate(blk, L, m, L, context=L))


@P.gen("callWithArgList")
def call_with_arg_list(S, t, args):
    blk = need_block(S, t, "callWithArgList")
    values = list(S.need_list(args, "callWithArgList").items)
    msg = Message("call", [S.literal_message(v) for v in values], S.message_protos)
    return (yield from S.activate(blk, blk, msg, blk, args=values, context=blk))


@P.lazy("performOn")
def perform_on(S, t, L, m):
    """``performOn(target, locals, message, slotContext)``: activate with all four chosen."""
    blk = need_block(S, t, "performOn")
    target = yield from S.arg(m, L, 0)
    n = len(m.args)
    locals_ = (yield from S.arg(m, L, 1)) if n > 1 else L
    msg = (yield from S.arg(m, L, 2)) if n > 2 else m
    context = (yield from S.arg(m, L, 3)) if n > 3 else target
    return (yield from S.activate(blk, target, need_message(S, msg, "performOn", 2), locals_,
                                  context=context))


# -- introspection -------------------------------------------------------------------------
@P("argumentNames")
def argument_names(S, t):
    return S.new_list(list(need_block(S, t, "argumentNames").arg_names))


@P("setArgumentNames")
def set_argument_names(S, t, names):
    blk = need_block(S, t, "setArgumentNames")
    items = S.need_list(names, "setArgumentNames").items
    if any(n.__class__ is not str for n in items):
        raise IoError("Io Assertion 'argument names must be Strings'")
    blk.arg_names = list(items)
    S.reshaped()  # call sites remember blocks they called with so many arguments
    return t


@P("message")
def message(S, t):
    return need_block(S, t, "message").message


@P("setMessage")
def set_message(S, t, m):
    blk = need_block(S, t, "setMessage")
    blk.message = need_message(S, m, "setMessage")
    blk.needs_call = None
    S.reshaped()  # call sites remember the compiled body of blocks they called
    return t


@P("scope")
def scope(S, t):
    s = need_block(S, t, "scope").scope
    return S.nil if s is None else s


@P("setScope")
def set_scope(S, t, s=None):
    need_block(S, t, "setScope").scope = None if s is None or s is S.nil else s
    return t


@P("passStops")
def pass_stops(S, t):
    return S.bool(need_block(S, t, "passStops").pass_stops)


@P("setPassStops")
def set_pass_stops(S, t, flag):
    need_block(S, t, "setPassStops").pass_stops = S.truthy(flag)
    return t


@P("isActivatable")
def is_activatable(S, t):
    return S.bool(need_block(S, t, "isActivatable").activatable)


@P("setIsActivatable")
def set_is_activatable(S, t, flag):
    need_block(S, t, "setIsActivatable").activatable = S.truthy(flag)
    S.reshaped()  # call sites remember blocks they activated
    return t


@P("setProfilerOn")
def set_profiler_on(S, t, flag):
    return t


@P("profilerTime")
def profiler_time(S, t):
    return 0.0


# -- printing ------------------------------------------------------------------------------
def just_code(b: Block) -> str:
    """``block(a, body)`` / ``method(a, body)`` on one line (``Block code``)."""
    head = "method(" if b.scope is None else "block("
    return head + "".join(n + ", " for n in b.arg_names) + format_message(b.message) + ")"


@P("code")
def code(S, t):
    return just_code(need_block(S, t, "code"))


@P("asSimpleString")
def as_simple_string(S, t):
    b = need_block(S, t, "asSimpleString")
    kind = "method" if b.scope is None else "block"
    return f"{kind}({', '.join(list(b.arg_names) + ['...'])})"


@P("asString")
def as_string(S, t):
    return Formatter(S).format_block(need_block(S, t, "asString"))


@P("print", "println")
def print_(S, t):
    """A blank line, then the formatted source; answers nil like upstream's Io version."""
    S.write("\n" + Formatter(S).format_block(need_block(S, t, "print")) + "\n")
    return S.nil


class Formatter:
    """Pretty-prints a block's source the way upstream's Block Formatter does: one statement
    per line (following the original line numbers), four-space indents, operators and
    assignments written infix."""

    def __init__(self, S) -> None:
        self.out: list[str] = []
        self.line = 0
        self.line_empty = True
        self.depth = 0
        self.operators = S.ops.operators
        rev = {v: k for k, v in S.ops.assign_operators.items() if isinstance(v, str)}
        rev["setSlotWithType"] = ":="
        self.assign_ops = rev

    def add(self, *parts: str) -> None:
        self.out.extend(parts)
        self.line_empty = False

    def new_line(self) -> None:
        self.out.append("\n")
        self.line += 1
        self.line_empty = True

    def indent(self) -> None:
        for _ in range(self.depth):
            self.add("    ")

    def format_block(self, b: Block) -> str:
        msg = b.message
        if msg.label != COMMAND_LINE_LABEL:
            self.add(f"# {msg.label}:{msg.line}", "\n")
        self.add("method(")
        if b.arg_names:
            self.add(", ".join(b.arg_names), ", ")
        self.new_line()
        self.line = msg.line
        self.format_indented(msg)
        self.new_line()
        self.add(")")
        return "".join(self.out)

    def format_indented(self, msg: Message) -> None:
        self.depth += 1
        self.format_chain(msg)
        self.depth -= 1

    def format_chain(self, msg: Message) -> None:
        m = msg
        while m is not None:
            if m.name == ";":
                if m.next is not None and m.next.line == self.line:
                    self.add(";")
                m = m.next
                continue
            for _ in range(max(0, min(2, m.line - self.line))):
                self.new_line()
            self.line = m.line
            if self.line_empty:
                self.indent()
            elif m is not msg:
                self.add(" ")
            name = m.name
            args = m.args
            op = self.assign_ops.get(name)
            if op is not None and args and isinstance(args[0].cached, str):
                self.add(args[0].cached, " ", op, " ")
                if len(args) > 1:
                    self.format_chain(args[1])
            elif op is None and name in self.operators:
                self.add(name, " ")
                if args:
                    self.format_chain(args[0])
            else:
                self.add(name)
                if args:
                    self.format_args(m)
            m = m.next

    def format_args(self, msg: Message) -> None:
        self.add("(")
        start = self.line
        for i, arg in enumerate(msg.args):
            if i:
                if start == self.line:
                    self.add(", ")
                else:
                    self.new_line()
                    self.indent()
                    self.add(",")
                    self.new_line()
            self.format_indented(arg)
        if start != self.line:
            self.new_line()
            self.indent()
        self.add(")")


# -- CFunction: primitives seen as values --------------------------------------------------
C = Prims("CFunction")


def need_cfunction(S, t, method: str) -> CFunction:
    if isinstance(t, CFunction):
        return t
    raise IoError(f"CFunction {method} called on a '{S.type_name(t)}'")


@C("name", "asSimpleString", "asString")
def cfunction_name(S, t):
    if not isinstance(t, CFunction):  # the CFunction proto itself
        return "Object_<unnamed>()"
    return f"{t.owner}_{t.name}()"


@C("uniqueName")
def cfunction_unique_name(S, t):
    return need_cfunction(S, t, "uniqueName").name


@C("typeName")
def cfunction_type_name(S, t):
    return S.nil


@C("id")
def cfunction_id(S, t):
    return float(id(need_cfunction(S, t, "id").fn.__func__))


@C("==")
def cfunction_equals(S, t, other):
    """Two CFunctions are equal when they run the same primitive."""
    return S.bool(isinstance(other, CFunction) and isinstance(t, CFunction)
                  and t.fn.__func__ is other.fn.__func__)


@C.lazy("performOn")
def cfunction_perform_on(S, t, L, m):
    """``performOn(target, locals, message)``: run the primitive as if ``message`` had been
    sent to ``target``."""
    f = need_cfunction(S, t, "performOn")
    target = yield from S.arg(m, L, 0)
    n = len(m.args)
    locals_ = (yield from S.arg(m, L, 1)) if n > 1 else L
    msg = (yield from S.arg(m, L, 2)) if n > 2 else m
    return (yield from S.activate_value(f, target, need_message(S, msg, "performOn", 2), locals_))


@C("profilerTime")
def cfunction_profiler_time(S, t):
    return 0.0


@C("setProfilerOn")
def cfunction_set_profiler_on(S, t, flag):
    return t

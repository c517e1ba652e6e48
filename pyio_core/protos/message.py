"""Message: code as a first-class value (``message(a b)``, ``call message``...).

Io code reads and rewrites the parse tree through these primitives; every change goes through
``Message.set_*`` so compiled code built from the old shape is dropped.
"""

from __future__ import annotations

from ..errors import IoError
from ..message import Message
from ..parser.printer import format_message
from ..registry import Prims
from .object import need_str
from .printing import message_simple


def _new_proto(protos: list) -> Message:
    return Message("[unnamed]", None, protos, label="[unlabeled]")


P = Prims("Message", _new_proto)


def need_message(S, v, method: str, i: int = 0) -> Message:
    if isinstance(v, Message):
        return v
    raise IoError(f"argument {i} to method '{method}' must be a Message, not a '{S.type_name(v)}'")


def need_msg(S, t, method: str) -> Message:
    if isinstance(t, Message):
        return t
    raise IoError(f"Message {method} called on a '{S.type_name(t)}'")


def need_int(S, v, method: str, i: int = 0) -> int:
    if v.__class__ is float:
        return int(v) if v - v == 0 else -(1 << 63)  # NaN/inf: what x86 C casts give
    raise IoError(f"argument {i} to method '{method}' must be a Number, not a '{S.type_name(v)}'")


def deep_copy(S, m: Message) -> Message:
    """Upstream's deep copy: name, cached result, arguments and the rest of the chain; the
    copy is unlabeled and has no line number, like upstream's."""
    head = None
    prev = None
    while m is not None:
        c = Message(m.name, [deep_copy(S, a) for a in m.args], S.message_protos,
                    label="[unlabeled]", cached=m.cached)
        if prev is None:
            head = c
        else:
            prev.set_next(c)
        prev = c
        m = m.next
    return head


def cached_arg(S, value) -> Message:
    """An argument message that evaluates to ``value`` without a send (``appendCachedArg``)."""
    return Message("[unnamed]", None, S.message_protos, label="[unlabeled]", cached=value)


def description(S, m: Message) -> str:
    """``name`` padded to 36, file name and line: how stack traces show a message."""
    return m.name.ljust(36) + m.label.rsplit("/", 1)[-1] + " " + S.simple_string(float(m.line))


# -- building and copying ------------------------------------------------------------------
@P.lazy("fromString")
def from_string(S, t, L, m):
    code = need_str(S, (yield from S.arg(m, L, 0)), "fromString")
    label = m.label
    if len(m.args) > 1:
        label = need_str(S, (yield from S.arg(m, L, 1)), "fromString", 1)
    return S.parse(code, label)


@P("clone")
def clone(S, t):
    return deep_copy(S, need_msg(S, t, "clone"))


@P("opShuffle", "opShuffleC")
def op_shuffle(S, t):
    """Parsing already shuffles operators; a second shuffle would not change anything."""
    return need_msg(S, t, "opShuffle")


# -- name, next, arguments -----------------------------------------------------------------
@P("name")
def name(S, t):
    return need_msg(S, t, "name").name


@P("setName")
def set_name(S, t, new_name):
    need_msg(S, t, "setName").set_name(need_str(S, new_name, "setName"))
    return t


@P("next")
def next_(S, t):
    n = need_msg(S, t, "next").next
    return S.nil if n is None else n


@P("setNext")
def set_next(S, t, nxt=None):
    msg = need_msg(S, t, "setNext")
    if nxt is None or nxt is S.nil:
        msg.set_next(None)
    elif isinstance(nxt, Message):
        msg.set_next(nxt)
    else:
        raise IoError("Io Assertion 'argument must be Message or Nil'")
    return t


@P("previous")
def previous(S, t):
    return S.nil


@P("isEndOfLine")
def is_end_of_line(S, t):
    return S.bool(need_msg(S, t, "isEndOfLine").name == ";")


@P("nextIgnoreEndOfLines")
def next_ignore_end_of_lines(S, t):
    n = need_msg(S, t, "nextIgnoreEndOfLines").next
    while n is not None and n.name == ";":
        n = n.next
    return S.nil if n is None else n


@P("last")
def last(S, t):
    return need_msg(S, t, "last").last()


@P("lastBeforeEndOfLine")
def last_before_end_of_line(S, t):
    m = need_msg(S, t, "lastBeforeEndOfLine")
    while m.next is not None and m.next.name != ";":
        m = m.next
    return m


@P("arguments")
def arguments(S, t):
    return S.new_list(list(need_msg(S, t, "arguments").args))


@P("setArguments")
def set_arguments(S, t, args):
    items = S.need_list(args, "setArguments").items
    if not all(isinstance(a, Message) for a in items):
        raise IoError("arguments_() takes a list containing only Message objects")
    need_msg(S, t, "setArguments").set_args(list(items))
    return t


@P("argAt")
def arg_at(S, t, i):
    args = need_msg(S, t, "argAt").args
    i = need_int(S, i, "argAt")
    return args[i] if -len(args) <= i < len(args) else S.nil  # negative: from the end


@P("argCount")
def arg_count(S, t):
    return float(len(need_msg(S, t, "argCount").args))


@P("appendArg")
def append_arg(S, t, arg):
    msg = need_msg(S, t, "appendArg")
    msg.set_args(msg.args + [need_message(S, arg, "appendArg")])
    return t


@P("appendCachedArg")
def append_cached_arg(S, t, value):
    msg = need_msg(S, t, "appendCachedArg")
    msg.set_args(msg.args + [cached_arg(S, value)])
    return t


# -- cached results (literals) -------------------------------------------------------------
@P("cachedResult")
def cached_result(S, t):
    c = need_msg(S, t, "cachedResult").cached
    return S.nil if c is None else c


@P("setCachedResult")
def set_cached_result(S, t, value):
    need_msg(S, t, "setCachedResult").set_cached(value)
    return t


@P("removeCachedResult")
def remove_cached_result(S, t):
    need_msg(S, t, "removeCachedResult").set_cached(None)
    return t


@P("hasCachedResult")
def has_cached_result(S, t):
    return S.bool(need_msg(S, t, "hasCachedResult").cached is not None)


# -- source position -----------------------------------------------------------------------
@P("label")
def label(S, t):
    return need_msg(S, t, "label").label


@P("setLabel")
def set_label(S, t, new_label):
    """Sets the label of the message and everything it contains (args and chain)."""
    text = need_str(S, new_label, "setLabel")
    todo = [need_msg(S, t, "setLabel")]
    while todo:
        m = todo.pop()
        while m is not None:
            m.label = text
            todo.extend(m.args)
            m = m.next
    return t


@P("lineNumber")
def line_number(S, t):
    return float(need_msg(S, t, "lineNumber").line)


@P("setLineNumber")
def set_line_number(S, t, n):
    need_msg(S, t, "setLineNumber").line = need_int(S, n, "setLineNumber")
    return t


@P("characterNumber")
def character_number(S, t):
    need_msg(S, t, "characterNumber")
    return 0.0  # upstream no longer tracks columns and always answers 0


@P("setCharacterNumber")
def set_character_number(S, t, n):
    return t


# -- text ----------------------------------------------------------------------------------
@P("code", "asString")
def code(S, t):
    return format_message(need_msg(S, t, "code"))


@P("asSimpleString")
def as_simple_string(S, t):
    return message_simple(need_msg(S, t, "asSimpleString"))


@P("codeOfLength")
def code_of_length(S, t, n):
    c = format_message(need_msg(S, t, "codeOfLength"))
    length = need_int(S, n, "codeOfLength")
    if len(c) >= length:
        c = c[:length] + "..."
    return c.replace("\n", ";")


@P("description")
def description_(S, t):
    return description(S, need_msg(S, t, "description"))


@P("asStackEntry")
def as_stack_entry(S, t):
    m = need_msg(S, t, "asStackEntry")
    file_name = m.label.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return file_name.ljust(19) + S.simple_string(float(m.line)).ljust(7) + m.name


# -- evaluation ----------------------------------------------------------------------------
@P.lazy("doInContext")
def do_in_context(S, t, L, m):
    """Evaluate the receiver with ``anObject`` as target (and as locals unless given)."""
    msg = need_msg(S, t, "doInContext")
    target = yield from S.arg(m, L, 0)
    locals_ = (yield from S.arg(m, L, 1)) if len(m.args) > 1 else target
    return (yield from S.eval_chain(msg, locals_, target))


@P.gen("argsEvaluatedIn")
def args_evaluated_in(S, t, context):
    return S.new_list((yield from S.eval_args(need_msg(S, t, "argsEvaluatedIn"), context)))


@P.lazy("asMessageWithEvaluatedArgs")
def as_message_with_evaluated_args(S, t, L, m):
    """A message named like the receiver whose arguments are the values of the receiver's
    arguments (evaluated in the sender, or the given context)."""
    msg = need_msg(S, t, "asMessageWithEvaluatedArgs")
    context = (yield from S.arg(m, L, 0)) if m.args else L
    values = yield from S.eval_args(msg, context)
    return Message(msg.name, [cached_arg(S, v) for v in values], S.message_protos,
                   label="[unlabeled]")


@P.lazy("union")
def union(S, t, L, m):
    """``a union(message(b, c))``: an unnamed message with arguments a, b and c (taken from
    the argument as written, like upstream)."""
    msg = need_msg(S, t, "union")
    extra = m.args[0].args if m.args else []
    return Message("[unnamed]", [msg] + list(extra), S.message_protos, label="[unlabeled]")
    yield

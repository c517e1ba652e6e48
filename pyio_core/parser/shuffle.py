"""Operator shuffle: rewrite flat message chains into operator-precedence form.

The parser knows nothing about operators: ``1 + 2 * 3`` arrives as five messages in a row.
This pass (a re-implementation of upstream's IoMessage_opShuffle.c algorithm, same output
including its corner cases) keeps a stack of "levels" while walking each chain and moves
messages into operator arguments, giving ``1 +(2 *(3))``.  Assignment operators become
``setSlot("a", value)`` style sends.  Because Io code can call ``Message opShuffle`` on messages
it builds itself, this works on any chain, not only fresh parser output.
"""

from __future__ import annotations

from ..message import Message
from .errors import IoSyntaxError
from .optable import MAX_LEVEL, OperatorTableData

# level kinds (upstream enum LevelType)
_ATTACH = 0
_ARG = 1
_NEW = 2
_UNUSED = 3


class _Level:
    __slots__ = ("message", "kind", "precedence")

    def __init__(self) -> None:
        self.message: Message | None = None
        self.kind = _UNUSED
        self.precedence = MAX_LEVEL

    def attach(self, msg: Message) -> None:
        """Hang ``msg`` on this level (as next, as an argument, or as its first message)."""
        kind = self.kind
        if kind == _ATTACH:
            self.message.next = msg
        elif kind == _ARG:
            self.message.args.append(msg)
        elif kind == _NEW:
            self.message = msg

    def attach_and_replace(self, msg: Message) -> None:
        self.attach(msg)
        self.kind = _ATTACH
        self.message = msg

    def finish(self) -> None:
        """Close the level: cut the ``next`` link and drop a "()" wrapper the shuffle added."""
        msg = self.message
        if msg is not None:
            msg.next = None
            args = msg.args
            if len(args) == 1:
                arg = args[0]
                if arg.name == "" and len(arg.args) == 1 and arg.next is None:
                    msg.args = arg.args
                    arg.args = []
        self.kind = _UNUSED


def _error(text: str, msg: Message) -> IoSyntaxError:
    return IoSyntaxError(text, msg.label, msg.line, msg.col)


def _deep_copy(msg: Message | None) -> Message | None:
    """Copy a whole chain with its arguments (upstream IoMessage_deepCopyOf_)."""
    if msg is None:
        return None
    head = None
    last = None
    while msg is not None:
        copy = Message(
            msg.name,
            [_deep_copy(a) for a in msg.args],
            msg.protos,
            msg.line,
            msg.col,
            msg.label,
            msg.cached,
        )
        if last is None:
            head = copy
        else:
            last.next = copy
        last = copy
        msg = msg.next
    return head


class _Levels:
    """The level stack for one shuffle run (upstream ``Levels``)."""

    __slots__ = ("pool", "stack", "operators", "assign_operators")

    def __init__(self, ops: OperatorTableData) -> None:
        self.pool = [_Level() for _ in range(MAX_LEVEL)]
        self.stack: list[_Level] = []
        self.operators = ops.operators
        self.assign_operators = ops.assign_operators
        self.reset()

    def reset(self) -> None:
        # (upstream also marks every pooled level UNUSED; a pooled level is always re-initialised
        # when pushed, so only the root needs resetting)
        root = self.pool[0]
        root.message = None
        root.kind = _NEW
        root.precedence = MAX_LEVEL
        self.stack = [root]

    def next_message(self) -> None:
        stack = self.stack
        while stack:
            stack.pop().finish()
        self.reset()

    def pop_down_to(self, target: int) -> None:
        stack = self.stack
        while True:
            level = stack[-1]
            if level.precedence <= target and level.kind != _ARG:
                stack.pop().finish()
            else:
                return

    def attach_to_top_and_push(self, msg: Message, precedence: int) -> None:
        stack = self.stack
        stack[-1].attach_and_replace(msg)
        depth = len(stack)
        if depth >= MAX_LEVEL:
            raise _error(
                "Overflowed operator stack. Only %d levels of operators currently supported."
                % (MAX_LEVEL - 1),
                msg,
            )
        level = self.pool[depth]
        level.kind = _ARG
        level.message = msg
        level.precedence = precedence
        stack.append(level)

    def level_for_op(self, msg: Message) -> int:
        value = self.operators.get(msg.name)
        if value is None:
            return -1
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _error(
                "Value for '%s' in Message OperatorTable operators is not a number. Values in "
                "the OperatorTable operators are numbers which indicate the precedence of the "
                "operator." % msg.name,
                msg,
            )
        precedence = int(value)
        if precedence < 0 or precedence >= MAX_LEVEL:
            raise _error(
                "Precedence for operators must be between 0 and %d. Precedence was %d."
                % (MAX_LEVEL - 1, precedence),
                msg,
            )
        return precedence

    def name_for_assign(self, op: Message, slot_name: str | None) -> str:
        value = self.assign_operators.get(op.name)
        if not isinstance(value, str):
            raise _error(
                "Value for '%s' in Message OperatorTable assignOperators is not a symbol. Values "
                "in the OperatorTable assignOperators are symbols which are the name of the "
                "operator." % op.name,
                op,
            )
        if op.name == ":=" and slot_name and "A" <= slot_name[0] <= "Z":
            return "setSlotWithType"
        return value

    # -- the per-message step (upstream Levels_attach) --------------------------------------
    def attach(self, msg: Message, expressions: list) -> None:
        precedence = self.level_for_op(msg)
        if msg.name in self.assign_operators:
            self.attach_assign(msg, expressions)
        elif msg.name == ";":
            self.pop_down_to(MAX_LEVEL - 1)
            self.stack[-1].attach_and_replace(msg)
        elif precedence != -1:
            if msg.args:
                # "a +(b) c": move the arguments into a "()" message after the operator so
                # they group like C parentheses
                brackets = Message("", msg.args, msg.protos, msg.line, msg.col, msg.label)
                msg.args = []
                brackets.next = msg.next
                msg.next = brackets
            self.pop_down_to(precedence)
            self.attach_to_top_and_push(msg, precedence)
        else:
            self.stack[-1].attach_and_replace(msg)

    def attach_assign(self, msg: Message, expressions: list) -> None:
        # "o a := b c ; d" becomes "o setSlot("a", b c) ; d"
        level = self.stack[-1]
        attaching = level.message
        name = msg.name
        if attaching is None:  # ":= b" at the start of an expression
            raise _error("%s requires an expression to its left." % name, msg)

        if attaching.args:
            # "a(1) = b" becomes "updateSlot(a(1), b)".  This follows upstream exactly,
            # including re-attaching the original value message afterwards.
            setter = self.name_for_assign(msg, None)
            target = _deep_copy(attaching)
            target.next = None
            value = _deep_copy(msg.next)
            if value is not None:
                value.next = None
            rest = msg.next.next if msg.next is not None else None
            attaching.name = setter
            attaching.args = [target, value] if value is not None else [target]
            attaching.next = _deep_copy(rest)
            return

        if len(msg.args) > 1:
            raise _error("Assign operator passed multiple arguments, e.g., a := (b, c).", msg)

        slot_name = attaching.name
        slot_msg = Message(
            '"%s"' % slot_name,
            None,
            attaching.protos,
            attaching.line,
            attaching.col,
            attaching.label,
            slot_name,
        )
        attaching.args.append(slot_msg)
        attaching.name = self.name_for_assign(msg, slot_name)
        level.kind = _ATTACH

        nxt = msg.next
        if msg.args:  # "a :=(b c) d e"
            arg = msg.args[0]
            if nxt is None or nxt.name == ";":
                attaching.args.append(arg)
            else:
                group = Message(
                    "", [arg], attaching.protos, attaching.line, attaching.col, attaching.label
                )
                group.next = nxt
                attaching.args.append(group)
        else:
            if nxt is None or nxt.name == ";":
                raise _error("%s must be followed by a value." % name, msg)
            attaching.args.append(nxt)

        if nxt is not None and nxt.name != ";":
            expressions.append(nxt)  # shuffle the value later, as its own expression

        last = msg
        while last.next is not None and last.next.name != ";":
            last = last.next
        after = last.next
        attaching.next = after
        msg.next = after  # the walk continues from here
        if last is not msg:
            last.next = None
        attaching.cached = None  # "1 := b" must still evaluate b


def shuffle(msg: Message, ops: OperatorTableData) -> Message:
    """Shuffle ``msg`` (and every chain inside it) in place; returns ``msg``.

    Raises IoSyntaxError for misplaced assignments or bad OperatorTable entries.
    """
    levels = _Levels(ops)
    operators = ops.operators
    assign_operators = ops.assign_operators
    stack = levels.stack
    expressions = [msg]
    while expressions:
        n = expressions.pop()
        while n is not None:
            if n.units is not None:
                n.invalidate()  # Io code may shuffle messages that were already compiled
            name = n.name
            if name in operators or name in assign_operators or name == ";":
                levels.attach(n, expressions)
                stack = levels.stack
            else:
                # an ordinary message: Level_attachAndReplace on the top level, inlined
                top = stack[-1]
                kind = top.kind
                if kind == _ATTACH:
                    top.message.next = n
                elif kind == _ARG:
                    top.message.args.append(n)
                top.kind = _ATTACH
                top.message = n
            if n.args:
                expressions.extend(n.args)
            n = n.next
        levels.next_message()
        stack = levels.stack
    return msg

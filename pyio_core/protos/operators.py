"""OperatorTable: the operator precedences and assignment operators the parser uses.

``OperatorTable operators`` and ``assignOperators`` are Maps whose storage *is* the parser's
table (``S.ops``), so ``OperatorTable addOperator("+++", 3)`` changes how code parsed
afterwards is shuffled, as upstream.
"""

from __future__ import annotations

from ..registry import Prims
from ..values import IoMap
from .number import format_number
from .object import need_str
from .printing import short_name

P = Prims("OperatorTable")

#: upstream IO_OP_MAX_LEVEL
PRECEDENCE_LEVELS = 32.0


def _live_map(S, t, name: str, table: dict) -> IoMap:
    """A Map sharing ``table``; the first read stores it in the receiver's slot, replacing
    this primitive, so later reads are plain slot reads."""
    for k, v in table.items():
        if v.__class__ is int:
            table[k] = float(v)
    m = IoMap(S.map_protos, table)
    if hasattr(t, "slots"):
        S.set_slot(t, name, m)
    return m


@P("operators")
def operators(S, t):
    return _live_map(S, t, "operators", S.ops.operators)


@P("assignOperators")
def assign_operators(S, t):
    return _live_map(S, t, "assignOperators", S.ops.assign_operators)


@P("addOperator")
def add_operator(S, t, symbol, precedence=None):
    level = 0.0 if precedence is None or precedence is S.nil else precedence
    S.ops.operators[need_str(S, symbol, "addOperator")] = level
    return t


@P("addAssignOperator")
def add_assign_operator(S, t, symbol, message_name):
    S.ops.assign_operators[need_str(S, symbol, "addAssignOperator")] = message_name
    return t


@P("reverseAssignOperators")
def reverse_assign_operators(S, t):
    return S.new_map({S.simple_string(v): k for k, v in S.ops.assign_operators.items()})


@P("precedenceLevelCount")
def precedence_level_count(S, t):
    return PRECEDENCE_LEVELS


@P("asString")
def as_string(S, t):
    """The table as upstream prints it: levels with their operators, then assignments."""
    ops = S.ops.operators
    out = [f"{short_name(S, t)}:\nOperators"]
    for level in sorted(set(v for v in ops.values() if v.__class__ in (int, float))):
        names = " ".join(sorted(k for k, v in ops.items() if v == level))
        out.append(f"\n  {format_number(float(level)).ljust(4)}{names}")
    out.append("\n\nAssign Operators")
    for symbol in sorted(S.ops.assign_operators):
        out.append(f"\n  {symbol.ljust(4)}{S.simple_string(S.ops.assign_operators[symbol])}")
    out.append(
        "\n\nTo add a new operator: OperatorTable addOperator(\"+\", 4) and implement the + "
        "message.\nTo add a new assign operator: OperatorTable addAssignOperator(\"=\", "
        "\"updateSlot\") and implement the updateSlot message.\n"
    )
    return "".join(out)

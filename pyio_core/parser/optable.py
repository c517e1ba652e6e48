"""Operator tables: the data the operator shuffle consults.

Upstream keeps these as Io Maps on ``OperatorTable`` so Io code can add operators at run time;
the interpreter owns that object and hands the parser its current contents as plain dicts.
"""

from __future__ import annotations

#: precedence levels are 0..MAX_LEVEL-1 (upstream IO_OP_MAX_LEVEL)
MAX_LEVEL = 32

# upstream IoState_createOperatorTable: lower binds tighter
_DEFAULT_OPERATORS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (0, ("@", "@@", "?")),
    (1, ("**",)),
    (2, ("*", "/", "%")),
    (3, ("+", "-")),
    (4, ("<<", ">>")),
    (5, (">", "<", "<=", ">=")),
    (6, ("==", "!=")),
    (7, ("&",)),
    (8, ("^",)),
    (9, ("|",)),
    (10, ("and", "&&")),
    (11, ("or", "||")),
    (12, ("..",)),
    (13, ("+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=", "<<=", ">>=")),
    (14, ("return",)),
)

# upstream IoState_createAssignOperatorTable
_DEFAULT_ASSIGN = {":=": "setSlot", "=": "updateSlot", "::=": "newSlot"}


class OperatorTableData:
    """Binary operators (name -> precedence) and assignment operators (name -> message name).

    Mutating the dicts affects code parsed afterwards, as ``OperatorTable addOperator`` does
    upstream.
    """

    __slots__ = ("operators", "assign_operators")

    def __init__(
        self,
        operators: dict[str, int] | None = None,
        assign_operators: dict[str, str] | None = None,
    ) -> None:
        self.operators: dict[str, int] = {} if operators is None else operators
        self.assign_operators: dict[str, str] = {} if assign_operators is None else assign_operators

    def copy(self) -> OperatorTableData:
        return OperatorTableData(dict(self.operators), dict(self.assign_operators))

    def __repr__(self) -> str:
        return f"OperatorTableData({self.operators!r}, {self.assign_operators!r})"


def default_operator_table() -> OperatorTableData:
    """A fresh copy of upstream's default tables (safe to mutate)."""
    ops = {name: level for level, names in _DEFAULT_OPERATORS for name in names}
    return OperatorTableData(ops, dict(_DEFAULT_ASSIGN))

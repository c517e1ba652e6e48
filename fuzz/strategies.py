"""Hypothesis strategies over the program grammar in ``fuzz/generator.py``.

``HypothesisChooser`` answers the generator's random decisions with hypothesis draws, so a
failing program shrinks toward fewer statements, shallower expressions and earlier grammar
alternatives: the minimal example hypothesis prints is a readable Io program.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from hypothesis import strategies as st

from fuzz.generator import PROLOGUE, ProgramGenerator


class HypothesisChooser:
    """The generator's Chooser, drawing with a composite strategy's ``draw``."""

    def __init__(self, draw: Callable) -> None:
        self.draw = draw

    def randint(self, a: int, b: int) -> int:
        return self.draw(st.integers(a, b))

    def choice(self, seq: Sequence[str]) -> str:
        return seq[self.draw(st.integers(0, len(seq) - 1))]

    def random(self) -> float:
        return self.draw(st.floats(0, 1, exclude_max=True))


@st.composite
def io_programs(draw, depth: int = 4, max_statements: int = 8) -> str:
    """A random, mostly valid Io program (the prologue sets its variables first)."""
    r = HypothesisChooser(draw)
    n = draw(st.integers(1, max_statements))
    return PROLOGUE + "\n" + ProgramGenerator(r, depth).program(n)


@st.composite
def io_expressions(draw, depth: int = 3) -> str:
    """One random expression, for properties about single values (its echo, its report)."""
    return ProgramGenerator(HypothesisChooser(draw), depth).expr(depth)


# raw text near Io's syntax: the parser must answer every string with a value or an Io error
io_noise = st.text(alphabet=st.sampled_from(list("()[]{},;:=.\"'#/*\\ \n\tabxyz019+-<>!?@$`")),
                   max_size=60)

"""Parser speed: lines/s for parse + shuffle of a generated 2,000-line "typical" Io file.

Also reports parser construction time (first call) so start-up regressions show up.

    python bench/parse_speed.py [--lines N] [--repeat R]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# A mix of the things real Io code is made of: slot assignments, methods with bodies spread over
# several lines, operators, literals of every kind, comments, list/map literals, blocks.
_TEMPLATE = """\
// {i}: an account-like object
Account{i} := Object clone do(
    balance := 0
    name ::= "acct{i}"
    deposit := method(amount,
        if(amount <= 0, Exception raise("bad amount\\n"))
        balance = balance + amount * 1.05 - fee(amount)
        self
    )
    fee := method(a, (a / 100) floor max(0x0F) min(2.5e1))
    # summary line
    describe := method(
        list(name, balance, balance >= 100 and balance < 1000) map(x, x asString) join(", ")
    )
)
a{i} := Account{i} clone deposit({i}) deposit(2 ** 3); b{i} := a{i} balance
items := [1, 2, 3] select(v, v % 2 == 0) ; total := items sum
/* block comment
   spanning lines */ blk := block(x, y, x + y * 2 <= 10 or x != y)
"""


def make_source(lines: int) -> str:
    """Repeat the template (renumbered) until the text has at least ``lines`` lines."""
    per = _TEMPLATE.count("\n")
    return "".join(_TEMPLATE.format(i=i) for i in range(-(-lines // per)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--lines", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    t0 = time.perf_counter()
    import pyio_core.parser as parser_mod

    t1 = time.perf_counter()
    ops = parser_mod.default_operator_table()
    parser_mod.parse("a := 1", "warmup", ops, [])
    t2 = time.perf_counter()
    print(f"import pyio_core.parser: {(t1 - t0) * 1e3:.1f} ms")
    print(f"parser construction (first parse): {(t2 - t1) * 1e3:.1f} ms")

    source = make_source(args.lines)
    n = source.count("\n")
    best = float("inf")
    best_raw = float("inf")
    for _ in range(args.repeat):
        t = time.perf_counter()
        parser_mod.parse_unshuffled(source, "bench.io", [])
        best_raw = min(best_raw, time.perf_counter() - t)
        t = time.perf_counter()
        parser_mod.parse(source, "bench.io", ops, [])
        best = min(best, time.perf_counter() - t)
    print(f"{n} lines, {len(source)} chars")
    print(f"parse only:      {best_raw * 1e3:.1f} ms  {n / best_raw:,.0f} lines/s")
    print(f"parse + shuffle: {best * 1e3:.1f} ms  {n / best:,.0f} lines/s")


if __name__ == "__main__":
    main()

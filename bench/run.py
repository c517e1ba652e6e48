"""pyio benchmarks: each Io program beside an equivalent Python program, in one run.

Every pair is timed in this process (best of --repeat runs, interpreter start-up excluded and
reported on its own line), their printed results are checked equal, and the ratio
pyio/CPython is printed next to upstream Io's ratio measured on the same machine type.

    python bench/run.py [--repeat N] [--quick] [--only NAME,...] [--json FILE] [--pyodide]

--pyodide also runs the same programs in Pyodide in Node (bench/pyodide_bench.mjs, which runs
this file there with --json-lines) and prints pyio-in-Pyodide against pyio-on-CPython.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pyio_core import CaptureHost, Interpreter, IoUncaught  # noqa: E402

# Upstream Io (C VM compiled to WASM, run by wasmtime) / CPython, measured on this machine
# type for the four core programs (see docs/performance.md).
UPSTREAM_RATIO = {"fib": 12.0, "loop": 13.0, "clone": 55.0, "strings": 48.0}

IO = {
    "fib": """
fib := method(n, if(n < 2, n, fib(n - 1) + fib(n - 2)))
fib(N) println
""",
    "loop": """
s := 0
for(i, 1, N, s = s + i)
s println
""",
    "clone": """
Counter := Object clone do(
    count := 0
    bump := method(count = count + 1)
)
total := 0
for(i, 1, N,
    c := Counter clone
    c bump
    total = total + c count
)
total println
""",
    "strings": """
l := list()
for(i, 1, N, l append(i asString))
l join(",") size println
""",
    "oo": """
Shape := Object clone do(area := method(0))
Square := Shape clone do(side := 1; area := method(side * side))
Rect := Shape clone do(w := 1; h := 2; area := method(w * h))
Circle := Shape clone do(r := 1; area := method(r * r * 3))
shapes := list(Square clone, Rect clone, Circle clone)
total := 0
for(i, 1, N, shapes foreach(s, total = total + s area))
total println
""",
    "coro": """
Switches := Object clone do(count := 0)
Pinger := Object clone do(
    run := method(n, for(i, 1, n, Switches count = Switches count + 1; yield))
)
a := Pinger clone
b := Pinger clone
a @@run(N / 2)
b @@run(N / 2)
while(Switches count < N, yield)
Switches count println
""",
}


def py_fib(n: int) -> str:
    def fib(n):
        return n if n < 2 else fib(n - 1) + fib(n - 2)

    return str(fib(n))


def py_loop(n: int) -> str:
    s = 0
    for i in range(1, n + 1):
        s = s + i
    return str(s)


def py_clone(n: int) -> str:
    class Counter:
        count = 0

        def bump(self):
            self.count = self.count + 1

    total = 0
    for _ in range(1, n + 1):
        c = Counter()
        c.bump()
        total = total + c.count
    return str(total)


def py_strings(n: int) -> str:
    lst = []
    for i in range(1, n + 1):
        lst.append(str(i))
    return str(len(",".join(lst)))


def py_oo(n: int) -> str:
    class Square:
        side = 1

        def area(self):
            return self.side * self.side

    class Rect:
        w, h = 1, 2

        def area(self):
            return self.w * self.h

    class Circle:
        r = 1

        def area(self):
            return self.r * self.r * 3

    shapes = [Square(), Rect(), Circle()]
    total = 0
    for _ in range(n):
        for s in shapes:
            total = total + s.area()
    return str(total)


def py_coro(n: int) -> str:
    count = 0

    def pinger(k):
        nonlocal count
        for _ in range(k):
            count += 1
            yield

    tasks = [pinger(n // 2), pinger(n // 2)]
    while tasks:
        for t in list(tasks):
            try:
                next(t)
            except StopIteration:
                tasks.remove(t)
    return str(count)


PY = {"fib": py_fib, "loop": py_loop, "clone": py_clone, "strings": py_strings, "oo": py_oo,
      "coro": py_coro}

# (name, program, N) — loop also at 3x its size to show how time scales
CASES = [
    ("fib", "fib", 27),
    ("loop", "loop", 1_000_000),
    ("loop x3", "loop", 3_000_000),
    ("clone", "clone", 100_000),
    ("strings", "strings", 100_000),
    ("oo", "oo", 100_000),
    ("coro", "coro", 100_000),
]
QUICK = {"fib": 20, "loop": 100_000, "loop x3": 300_000, "clone": 10_000, "strings": 10_000,
         "oo": 10_000, "coro": 10_000}


# CPU time of this process: on a shared machine (CI has 2 cores) other processes inflate
# wall time, unevenly between the Io and the Python side of a pair; for this single-threaded,
# CPU-bound work it equals wall time on an idle machine. Pyodide has no process clock.
clock = time.perf_counter if sys.platform == "emscripten" else time.process_time


def best_of(repeat: int, fn) -> tuple[float, str]:
    best, out = math.inf, ""
    for _ in range(repeat):
        t, out = fn()
        best = min(best, t)
    return best, out


def time_io(src: str) -> tuple[float, str]:
    host = CaptureHost()
    it = Interpreter(host=host)  # start-up is measured separately
    t0 = clock()
    try:
        it.do_string(src, "bench")
    except IoUncaught as e:
        return math.inf, "Io error: " + e.report.strip().splitlines()[0]
    return clock() - t0, host.output.strip()


def time_py(fn, n: int) -> tuple[float, str]:
    t0 = clock()
    out = fn(n)
    return clock() - t0, out


def startup(repeat: int) -> float:
    best = math.inf
    for _ in range(repeat):
        t0 = clock()
        Interpreter(host=CaptureHost())
        best = min(best, clock() - t0)
    return best


def parse_speed() -> float:
    from bench.parse_speed import make_source  # noqa: PLC0415
    from pyio_core.parser import default_operator_table, parse  # noqa: PLC0415

    src = make_source(2000)
    lines = src.count("\n")
    best = math.inf
    for _ in range(3):
        t0 = clock()
        parse(src, "bench", default_operator_table(), [])
        best = min(best, clock() - t0)
    return lines / best


def measure(quick: bool, repeat: int, only: set[str] | None = None) -> Iterator[dict]:
    """Every measurement as a JSON-ready dict, one at a time so each can be shown as it comes.

    The same generator runs on CPython and, through --json-lines, inside Pyodide, so both
    tables come from one set of programs and one timing method.
    """
    yield {"event": "python",
           "version": f"{platform.python_implementation()} {platform.python_version()}"}
    yield {"event": "startup", "ms": startup(repeat) * 1000}
    yield {"event": "parse", "lines_per_s": parse_speed()}
    for name, prog, n in CASES:
        if only is not None and name not in only:
            continue
        n = QUICK[name] if quick else n
        src = IO[prog].replace("N", str(n))
        t_io, out_io = best_of(repeat, lambda: time_io(src))
        t_py, out_py = best_of(repeat, lambda: time_py(PY[prog], n))
        yield {"event": "case", "name": name, "n": n, "pyio": t_io, "python": t_py,
               "pyio_out": out_io, "python_out": out_py}


def geomean(ratios: Iterable[float]) -> float:
    """Geometric mean; infinite when any ratio is (a program that failed)."""
    logs = [math.log(r) for r in ratios]
    return math.exp(sum(logs) / len(logs)) if all(map(math.isfinite, logs)) else math.inf


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="small sizes (smoke run)")
    ap.add_argument("--only", metavar="NAME,...",
                    help="run only these programs: " + ", ".join(name for name, _, _ in CASES))
    ap.add_argument("--json", help="also write the results as JSON to this file")
    ap.add_argument("--pyodide", action="store_true",
                    help="also run in Pyodide in Node (needs `make dist`) and compare")
    ap.add_argument("--json-lines", action="store_true",
                    help="print the raw measurements as JSON lines, no table")
    args = ap.parse_args(argv)
    only = None
    if args.only:
        only = {name.strip() for name in args.only.split(",")}
        unknown = only - {name for name, _, _ in CASES}
        if unknown:
            ap.error(f"no program named {', '.join(sorted(unknown))}")
        if args.pyodide:
            ap.error("--only times CPython only; run --pyodide without it")

    if args.json_lines:
        for record in measure(args.quick, args.repeat, only):
            print(json.dumps(record), flush=True)
        return 0

    results = {"cases": {}}
    core = []
    failed = False
    for rec in measure(args.quick, args.repeat, only):
        if rec["event"] == "python":
            print(f"pyio benchmarks — {rec['version']}, best of {args.repeat}")
        elif rec["event"] == "startup":
            results["startup_ms"] = rec["ms"]
            print(f"start-up to Lobby ready: {rec['ms']:.1f} ms")
        elif rec["event"] == "parse":
            results["parse_lines_per_s"] = rec["lines_per_s"]
            print(f"parse: {rec['lines_per_s']:,.0f} lines/s (generated 2,000-line file)")
            print()
            print(f"{'program':<10}{'N':>10}{'pyio s':>10}{'python s':>10}{'ratio':>8}"
                  f"{'upstream':>10}")
        else:
            name, n, t_io, t_py = rec["name"], rec["n"], rec["pyio"], rec["python"]
            out_io, out_py = rec["pyio_out"], rec["python_out"]
            ratio = t_io / t_py
            if name in UPSTREAM_RATIO:
                core.append(ratio)
            ok = out_io == out_py
            failed |= not ok
            up_ratio = UPSTREAM_RATIO.get(name)
            print(f"{name:<10}{n:>10,}{t_io:>10.3f}{t_py:>10.3f}{ratio:>7.1f}x"
                  f"{(f'{up_ratio:.0f}x' if up_ratio else '-'):>10}"
                  + ("" if ok else f"   OUTPUT DIFFERS: {out_io!r} vs {out_py!r}"), flush=True)
            results["cases"][name] = {"n": n, "pyio": t_io, "python": t_py, "ratio": ratio,
                                      "same_output": ok, "output": out_py}
    if len(core) == len(UPSTREAM_RATIO):
        geo = geomean(core)
        print(f"\ngeometric mean of the four core programs (fib, loop, clone, strings): "
              f"{geo:.1f}x (upstream Io: 25x)")
        results["geomean"] = geo
    if args.pyodide:
        from bench.in_pyodide import compare  # noqa: PLC0415

        print(flush=True)
        results["pyodide"], pyodide_failed = compare(results, args.quick, args.repeat)
        failed |= pyodide_failed
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Fuzz pyio: run N random Io programs and report every interpreter failure.

    fuzz/run.py [-n 10000] [--seed 0] [--jobs CPUS] [--show SEED] [--sweep] [--differential]
                [--shapes]

A run of 1000 programs or more ends with the sweep (``slot_sweep``): every core slot sent to
the proto, a typical value, a payload-less object and nil, with awkward arguments.

Program ``i`` is ``generate(random.Random(seed + i))``, so a reported seed reproduces its
program exactly (``--show SEED`` prints it). Each program runs in a forked copy of a
ready-made interpreter: a program that wrecks its world (``Object removeAllProtos``) cannot
disturb the next one, start-up is paid once per worker, and a program stuck where even the
interrupt cannot reach it is killed by a watchdog and reported as a hang. Each child also
gets a memory ceiling, so a runaway allocation fails inside pyio instead of on the machine.

``--differential`` hunts compiler bugs instead: each program (``generate_hot``: random
statements as the body of a method called three times) runs once interpreted
(``Interpreter.compile = False``) and once as usual, and any difference in what it prints or
how it ends is a finding (fuzz/harness.py ``run_differential``). Runs the budget cut short
count as "inconclusive".

``--shapes`` is a differential run of other programs (``generate_shapes``): methods made hot
on fresh clones, protos, the Lobby and numbers, then slots, protos lists, method bodies and
Number's operators changed in every way a program can, and the methods called again. It
hunts stale answers of what compiled code remembers between calls.

Exit status 0 when every program behaved (see fuzz/harness.py for what a finding is).
Findings go to stdout and to fuzz/findings/<seed>.io for turning into regression tests.
"""

from __future__ import annotations

import argparse
import collections
import json
import multiprocessing
import os
import random
import resource
import select
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fuzz.generator import (  # noqa: E402
    generate, generate_hot, generate_shapes, slot_names, slot_sweep)
from fuzz.harness import (  # noqa: E402
    HOT_BUDGET, Budget, Outcome, new_interpreter, run_differential, run_program)

WATCHDOG = 20.0  # seconds a forked child may take in all before it is killed
MEMORY = 2 << 30  # address-space ceiling of each child
FINDINGS = Path(__file__).resolve().parent / "findings"

_base = None  # the worker's interpreter, forked for each program
_plain = None  # --differential: a second one that never compiles
MAKERS = {"plain": generate, "differential": generate_hot, "shapes": generate_shapes}
_make = generate  # how a seed becomes a program


def _init_worker(mode: str = "plain") -> None:
    global _base, _plain, _make
    slot_names()
    _base = new_interpreter(Budget())
    _make = MAKERS[mode]
    if mode != "plain":
        _plain = new_interpreter(Budget())
        _plain.compile = False


def _child(code: str, wfd: int) -> None:
    """In the forked child: run under a memory ceiling, send the outcome, exit at once."""
    try:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
        if _plain is not None:
            o = run_differential(code, HOT_BUDGET, (_plain, _base))
        else:
            o = run_program(code, Budget(), _base)
        data = {"kind": o.kind, "finding": o.finding, "detail": o.detail[-4000:]}
    except BaseException as e:  # noqa: BLE001  (whatever happens must reach the parent)
        data = {"kind": "finding", "finding": f"harness failed: {type(e).__name__}: {e}",
                "detail": ""}
    os.write(wfd, json.dumps(data).encode())
    os._exit(0)


def run_one(seed: int) -> tuple[int, dict]:
    """Program ``seed``'s verdict."""
    return seed, run_forked(_make(random.Random(seed)))


def run_forked(code: str) -> dict:
    """Fork, run ``code`` in the child, collect its verdict (or kill it)."""
    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(rfd)
        _child(code, wfd)
    os.close(wfd)
    chunks, deadline = [], time.monotonic() + WATCHDOG
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([rfd], [], [], left)[0]:
            os.kill(pid, signal.SIGKILL)
            chunks = [json.dumps({"kind": "finding", "detail": "",
                                  "finding": f"hang: killed after {WATCHDOG:.0f}s"}).encode()]
            break
        chunk = os.read(rfd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(rfd)
    _, status = os.waitpid(pid, 0)
    raw = b"".join(chunks)
    if not raw:
        how = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else "no verdict"
        return {"kind": "finding", "finding": f"child died ({how})", "detail": ""}
    return json.loads(raw)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=10_000, help="programs to run")
    ap.add_argument("--seed", type=int, default=0, help="seed of the first program")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--show", type=int, metavar="SEED", help="print that program and stop")
    ap.add_argument("--sweep", action="store_true",
                    help="only the sweep: every core slot sent to odd receivers with odd "
                         "arguments (a full run does it after the programs)")
    ap.add_argument("--differential", action="store_true",
                    help="compare each (hot) program's run interpreted and compiled")
    ap.add_argument("--shapes", action="store_true",
                    help="differential, with programs that change slots and protos under "
                         "hot methods")
    args = ap.parse_args(argv)
    mode = "shapes" if args.shapes else "differential" if args.differential else "plain"
    if args.show is not None:
        print(MAKERS[mode](random.Random(args.show)))
        return 0
    if args.sweep:
        return sweep(args.jobs)
    seeds = range(args.seed, args.seed + args.n)
    kinds: collections.Counter = collections.Counter()
    findings: list[tuple[int, dict]] = []
    start = time.monotonic()
    with multiprocessing.get_context("fork").Pool(
            args.jobs, _init_worker, (mode,)) as pool:
        for i, (seed, o) in enumerate(pool.imap_unordered(run_one, seeds, chunksize=8), 1):
            kinds[o["kind"]] += 1
            if o["kind"] == "finding":
                findings.append((seed, o))
                report(seed, Outcome(o["kind"], o["finding"], o["detail"]), mode)
            if i % 1000 == 0:
                print(f"... {i} programs, {len(findings)} findings, "
                      f"{time.monotonic() - start:.0f}s", flush=True)
    summary = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
    print(f"{args.n} programs in {time.monotonic() - start:.0f}s: {summary}")
    swept = sweep(args.jobs) if args.n >= 1000 and mode == "plain" else 0
    return 1 if findings or swept else 0


def sweep_program(item: tuple[str, str]) -> tuple[tuple[str, str], dict]:
    proto, name = item
    return item, run_forked(slot_sweep(proto, name))


def sweep(jobs: int) -> int:
    """Every slot of every core proto (minus DENY) on every receiver kind: finds the
    primitives that trust their receiver or arguments too much."""
    items = [(p, n) for p, names in slot_names().items() for n in names]
    bad = 0
    start = time.monotonic()
    with multiprocessing.get_context("fork").Pool(jobs, _init_worker) as pool:
        for (proto, name), o in pool.imap_unordered(sweep_program, items, chunksize=4):
            if o["kind"] == "finding":
                bad += 1
                print(f"FINDING {proto} {name}: {o['finding']}\n{slot_sweep(proto, name)}\n"
                      f"{o['detail'][-1500:]}\n{'-' * 60}", flush=True)
    print(f"sweep of {len(items)} slots in {time.monotonic() - start:.0f}s: {bad} findings")
    return 1 if bad else 0


def report(seed: int, o: Outcome, mode: str = "plain") -> None:
    FINDINGS.mkdir(exist_ok=True)
    code = MAKERS[mode](random.Random(seed))
    (FINDINGS / f"{seed}.io").write_text(f"// {o.finding}\n{code}\n", encoding="utf-8")
    print(f"FINDING seed {seed}: {o.finding}\n{code}\n{o.detail[-1500:]}\n{'-' * 60}",
          flush=True)


if __name__ == "__main__":
    sys.exit(main())

"""The short fuzz run inside ``make test`` (``make fuzz`` runs 10,000 programs).

Hypothesis draws programs from the grammar in fuzz/generator.py; each runs in a fresh
interpreter under a step/time budget and must end as a value, an Io error or an honoured
interrupt, never a Python exception, an internal error or a hang (fuzz/harness.py). The run
is derandomized so ``make test`` is repeatable; ``make fuzz`` is where new seeds get tried.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from fuzz.generator import generate_hot
from fuzz.harness import Budget, run_differential, run_program
from pyio_core import CaptureHost, Interpreter
from fuzz.strategies import io_expressions, io_noise, io_programs

ROOT = Path(__file__).resolve().parents[2]
FUZZ = settings(max_examples=250, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
BUDGET = Budget(seconds=0.15, checks=200)
REPL = Interpreter(host=CaptureHost())


def check(code: str) -> None:
    o = run_program(code, BUDGET)
    assert o.finding is None, f"{o.finding}\n--- program ---\n{code}\n--- detail ---\n{o.detail}"


@FUZZ
@given(io_programs())
def test_random_programs_never_break_the_interpreter(code):
    check(code)


@settings(FUZZ, max_examples=100)
@given(io_expressions())
def test_random_expressions_echo_cleanly(code):
    check(code)


@settings(FUZZ, max_examples=80)
@given(io_noise)
def test_random_text_is_a_value_or_an_io_error(text):
    check(text)
    check("doString(" + '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '")')


@settings(FUZZ, max_examples=150)
@given(io_noise)
def test_the_repl_can_always_tell_whether_an_entry_is_complete(text):
    assert REPL.needs_more_input(text) in (True, False)


def test_the_fuzz_runner_runs():
    r = subprocess.run([sys.executable, str(ROOT / "fuzz" / "run.py"), "-n", "40", "--jobs", "2"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.startswith("40 programs in ")


def test_compiled_code_behaves_as_the_interpreter():
    # the differential mode: each program's statements run hot (a method called three
    # times), once with the compiler off and once on; what they print must not differ
    # (a failing seed: `fuzz/run.py --differential --show SEED` prints its program)
    budget = Budget(seconds=0.3, checks=1_000_000)  # compiling takes most of the time
    bad = []
    for seed in range(150):
        o = run_differential(generate_hot(random.Random(seed)), budget)
        if o.finding is not None:
            bad.append(f"seed {seed}: {o.finding}\n{o.detail[-1500:]}")
    assert not bad, "\n\n".join(bad[:3])

"""The benchmark of PRODUCT.md's quality bars, measured in one run.

    python bench/bench.py [--years 10] [--repeat 15] [--only NAME]

Builds (once, cached under bench/out/) a demo diary of ``--years`` years,
then runs every row and prints one table of medians, each next to the
baseline it is compared with, measured in the same run (target and baseline
alternately, so a busy machine slows both alike), and the ratio.

Rows live in ``bench/rows_*.py``: each module has ``rows(ctx)`` returning
``Row`` objects. A row is a target callable and an optional floor callable,
each returning seconds (or bytes for memory rows, or a count); the runner
repeats both and reports medians. ``ctx.peak_memory(...)`` measures a
command's own peak resident memory (the kernel's VmHWM; Linux).
Nothing here is a test: CI does not run it.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"


@dataclass
class Row:
    name: str
    target: Callable[[], float]
    floor: Callable[[], float] | None = None
    floor_name: str = ""
    unit: str = "ms"  # "ms" for seconds shown in milliseconds, "MiB" for bytes, "n" for a count
    goal: str = ""  # the quality bar, in words
    repeat: int | None = None
    warm: bool = True  # run once, unmeasured, before the measured runs


@dataclass
class Context:
    years: float
    repeat: int
    diary: Path
    python: str = sys.executable
    env: dict = field(default_factory=dict)

    def run(self, *args: str, env: dict | None = None, db: Path | None = None) -> float:
        """Seconds taken by ``python -m osteotrack --db DIARY ARGS`` as a whole process."""
        command = [self.python, "-m", "osteotrack", "--db", str(db or self.diary), *args]
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env={**self.env, **(env or {})})
        return time.perf_counter() - start

    def python_c(self, code: str) -> float:
        start = time.perf_counter()
        subprocess.run([self.python, "-c", code], check=True, capture_output=True, env=self.env)
        return time.perf_counter() - start

    def peak_memory(self, *args: str, env: dict | None = None, db: Path | None = None) -> float:
        """Peak resident memory (bytes) of ``python -m osteotrack --db DIARY ARGS`` as a whole process."""
        return peak_rss(self.python, ["-m", "osteotrack", "--db", str(db or self.diary), *args],
                        {**self.env, **(env or {})})

    def python_c_memory(self, code: str) -> float:
        """Peak resident memory (bytes) of ``python -c CODE``."""
        return peak_rss(self.python, ["-c", code], self.env)


# Runs ``-m MODULE ARGS`` or ``-c CODE`` and, on the way out, writes the process's VmHWM (its own peak
# resident memory). rusage's ru_maxrss would also count the parent's memory copied in by fork.
_PEAK = """
import atexit, os, runpy, sys
def _report():
    with open("/proc/self/status") as status:
        kib = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    with open(os.environ["BENCH_PEAK_FILE"], "w") as out:
        out.write(str(kib * 1024))
atexit.register(_report)
flag, what, *rest = sys.argv[1:]
if flag == "-m":
    sys.argv = [what, *rest]
    runpy.run_module(what, run_name="__main__", alter_sys=True)
else:
    sys.argv = ["-c", *rest]
    exec(compile(what, "<string>", "exec"), {"__name__": "__main__"})
"""


def peak_rss(python: str, args: list[str], env: dict) -> float:
    """Run ``python ARGS`` and return its peak resident set size in bytes."""
    peak = OUT / f"peak-{os.getpid()}.txt"
    subprocess.run([python, "-c", _PEAK, *args], check=True, capture_output=True,
                   env={**env, "BENCH_PEAK_FILE": str(peak)})
    try:
        return float(peak.read_text())
    finally:
        peak.unlink()


def build_diary(years: float) -> Path:
    OUT.mkdir(exist_ok=True)
    path = OUT / f"demo-{years:g}y.db"
    sys.path.insert(0, str(ROOT))
    from osteotrack.demo import write_demo
    from osteotrack.store.diary import Diary

    if not path.exists():
        print(f"building a {years:g}-year demo diary at {path} …", file=sys.stderr)
        counts = write_demo(path, years=years, seed=1)
        print(f"  {counts}", file=sys.stderr)
    # A diary cached by an older checkout is brought up to the current schema, as a user's would be.
    Diary.open(path).close()
    return path


def load_rows(ctx: Context) -> list[Row]:
    rows: list[Row] = []
    for file in sorted(HERE.glob("rows_*.py")):
        spec = importlib.util.spec_from_file_location(file.stem, file)
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
            rows.extend(module.rows(ctx))
        except Exception as error:  # one broken row file must not hide every other measure
            print(f"{file.name}: its rows could not be built ({type(error).__name__}: {error})", file=sys.stderr)
    return rows


def measure(target: Callable[[], float], floor: Callable[[], float] | None, repeat: int,
            warm: bool = True) -> tuple[float, float | None]:
    """Medians of target and floor, run alternately so that load from other programs hits both alike."""
    for fn in (target, floor):
        if fn and warm:
            fn()  # warm the file cache and the .pyc files
    targets, floors = [], []
    for _ in range(repeat):
        targets.append(target())
        if floor:
            floors.append(floor())
    return statistics.median(targets), statistics.median(floors) if floors else None


def show(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value * 1000:.1f} ms"
    if unit == "MiB":
        return f"{value / 2**20:.1f} MiB"
    return f"{value:g}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--only", default=None, help="run only rows whose name contains this")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(OUT / "xdg")}
    env.pop("OSTEOTRACK_DB", None)
    # Measure what an installed copy does: pip writes .pyc files at install time.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "osteotrack")], check=True)
    ctx = Context(years=args.years, repeat=args.repeat, diary=build_diary(args.years), env=env)
    rows = [r for r in load_rows(ctx) if args.only is None or args.only in r.name]
    print(f"osteotrack benchmark — {args.years:g}-year demo diary, median of {args.repeat} runs, "
          f"Python {sys.version.split()[0]}")
    header = f"| {'measure':<44} | {'median':>10} | {'baseline (same run)':<38} | {'median':>10} | {'ratio':>6} | goal"
    print(header)
    print("|" + "|".join("-" * (len(part)) for part in header.split("|")[1:]))
    for row in rows:
        repeat = row.repeat or args.repeat
        value, base = measure(row.target, row.floor, repeat, row.warm)
        if base is not None:
            ratio = f"{value / base:.2f}×"
            base_text = show(base, row.unit)
        else:
            ratio, base_text = "", ""
        print(f"| {row.name:<44} | {show(value, row.unit):>10} | {row.floor_name:<38} | {base_text:>10} | "
              f"{ratio:>6} | {row.goal}", flush=True)


if __name__ == "__main__":
    main()

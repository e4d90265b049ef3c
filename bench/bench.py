"""The benchmark of PRODUCT.md's quality bars and issue 15's goals, measured in one run.

    python bench/bench.py [--years 10 [30 60]] [--repeat 15] [--only NAME] [--skip NAME …] [--quick]

It first makes (once) a virtual environment of its own, ``bench/.venv``, with a normal
(not editable) ``pip install .`` of this checkout, reinstalled whenever the source changes,
and runs itself again from there: an editable install's start-up hook would slow every floor
and flatter the ratios. Commands run in ``bench/out/``, so the checkout is never on sys.path.

Builds (once per size, cached under bench/out/) a demo diary of each ``--years`` value,
then runs every row and prints one table: each measure's ratio to its floor, timed in the same
run (target and floor alternately, so a busy machine slows both alike), the two medians, the
goal and whether it is met. Rows whose cost depends on the diary's size (``sized``) run again
for every further size, and a last table shows their growth from the first size to the last.
``--quick`` is a smoke run: a 1-year diary, each row once, the slow rows left out.

Rows live in ``bench/rows_*.py``: each module has ``rows(ctx)`` returning
``Row`` objects. A row is a target callable and an optional floor callable,
each returning seconds (or bytes for memory rows, or a count); the runner
repeats both and reports medians. ``ctx.peak_memory(...)`` measures a
command's own peak resident memory (the kernel's VmHWM; Linux).
Nothing here is a test: CI does not run it.
"""

from __future__ import annotations

import argparse
import hashlib
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
VENV = HERE / ".venv"
QUICK_YEARS = 1.0


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
    # Whether the goal holds, given (target median, floor median or None); None: a goal not checked here.
    met: Callable[[float, float | None], bool] | None = None
    sized: bool = False  # its cost depends on the diary's size: run again at every --years
    every_run: bool = False  # the goal holds for every run: the target's slowest run is kept, not its median
    slow: bool = False  # left out of --quick


@dataclass
class Context:
    years: float
    repeat: int
    diary: Path
    python: str = sys.executable
    env: dict = field(default_factory=dict)
    quick: bool = False

    @property
    def command(self) -> list[str]:
        """``osteotrack`` as a user types it: the console script the install made beside this Python
        (``python -m osteotrack``, which also loads ``runpy``, only where there is none)."""
        script = Path(self.python).with_name("osteotrack")
        return [str(script)] if script.exists() else [self.python, "-m", "osteotrack"]

    def run(self, *args: str, env: dict | None = None, db: Path | None = None) -> float:
        """Seconds taken by ``osteotrack --db DIARY ARGS`` as a whole process."""
        command = [*self.command, "--db", str(db or self.diary), *args]
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env={**self.env, **(env or {})}, cwd=OUT)
        return time.perf_counter() - start

    def python_c(self, code: str) -> float:
        start = time.perf_counter()
        subprocess.run([self.python, "-c", code], check=True, capture_output=True, env=self.env, cwd=OUT)
        return time.perf_counter() - start

    def peak_memory(self, *args: str, env: dict | None = None, db: Path | None = None) -> float:
        """Peak resident memory (bytes) of ``python -m osteotrack --db DIARY ARGS`` as a whole process."""
        return peak_rss(self.python, ["-m", "osteotrack", "--db", str(db or self.diary), *args],
                        {**self.env, **(env or {})})

    def python_c_memory(self, code: str) -> float:
        """Peak resident memory (bytes) of ``python -c CODE``."""
        return peak_rss(self.python, ["-c", code], self.env)


def ratio_at_most(limit: float) -> Callable[[float, float | None], bool]:
    """A goal of at most ``limit`` times the floor."""
    return lambda value, base: base is not None and value <= limit * base


def below(limit: float) -> Callable[[float, float | None], bool]:
    """A goal of an absolute bound (seconds, bytes or a count), strictly below ``limit``."""
    return lambda value, base: value < limit


MiB = 2**20


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
                   env={**env, "BENCH_PEAK_FILE": str(peak)}, cwd=OUT)
    try:
        return float(peak.read_text())
    finally:
        peak.unlink()


def source_digest(root: Path = ROOT) -> str:
    """A fingerprint of what ``pip install .`` would install: the package's files and pyproject.toml."""
    digest = hashlib.sha256()
    files = sorted(p for p in (root / "osteotrack").rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in [root / "pyproject.toml", *files]:
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def venv_python(venv: Path = VENV) -> Path:
    return venv / "bin" / "python"


def ensure_venv(venv: Path = VENV) -> Path:
    """The bench's own virtual environment with a normal install of this checkout (made or refreshed)."""
    python = venv_python(venv)
    if not python.exists():
        print(f"making {venv} …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    stamp = venv / "osteotrack-source.sha256"
    digest = source_digest()
    if not stamp.exists() or stamp.read_text() != digest:
        print("installing this checkout into it (pip install ., not editable) …", file=sys.stderr)
        # --force-reinstall --no-deps: the version number does not change with the source.
        extra = ["--force-reinstall", "--no-deps"] if stamp.exists() else []
        subprocess.run([str(python), "-m", "pip", "install", "-q", *extra, str(ROOT)], check=True)
        stamp.write_text(digest)
    return python


def in_venv(venv: Path = VENV) -> bool:
    return Path(sys.prefix).resolve() == venv.resolve()


def fresh_copy(source: Path, target: Path) -> Path:
    """A consistent copy of a diary (SQLite's backup API), with no journal left from an earlier run:
    a stale ``-wal`` beside a new copy would be replayed into it and damage it."""
    import sqlite3

    for leftover in target.parent.glob(f"{target.name}*"):
        leftover.unlink()
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def build_diary(years: float) -> Path:
    OUT.mkdir(exist_ok=True)
    path = OUT / f"demo-{years:g}y.db"
    from osteotrack.demo import write_demo
    from osteotrack.store.diary import Diary

    if not path.exists():
        print(f"building a {years:g}-year demo diary at {path} …", file=sys.stderr)
        partial = path.with_name(path.name + ".partial")
        for leftover in OUT.glob(partial.name + "*"):
            leftover.unlink()
        counts = write_demo(partial, years=years, seed=1)
        os.replace(partial, path)  # an interrupted build is not taken for a finished one
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
            warm: bool = True, slowest: bool = False) -> tuple[float, float | None]:
    """Medians of target and floor, run alternately so that load from other programs hits both alike (``slowest``:
    the target's slowest run instead of its median)."""
    for fn in (target, floor):
        if fn and warm:
            fn()  # warm the file cache and the .pyc files
    targets, floors = [], []
    for _ in range(repeat):
        targets.append(target())
        if floor:
            floors.append(floor())
    return (max if slowest else statistics.median)(targets), statistics.median(floors) if floors else None


def show(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value * 1000:.1f} ms"
    if unit == "MiB":
        return f"{value / MiB:.1f} MiB"
    return f"{value:g}"


def verdict(row: Row, value: float, base: float | None) -> str:
    if row.met is None:
        return ""
    return "met" if row.met(value, base) else "NOT met"


def growth(results: list[tuple[float, Row, float, float | None]]) -> list[tuple[str, str, float, float | None]]:
    """Per sized row measured at more than one size: (name, sizes, growth of the median, growth of the ratio)."""
    by_name: dict[str, list[tuple[float, float, float | None]]] = {}
    for years, row, value, base in results:
        if row.sized:
            by_name.setdefault(row.name, []).append((years, value, base))
    out = []
    for name, sizes in by_name.items():
        if len(sizes) < 2:
            continue
        (y0, v0, b0), (y1, v1, b1) = min(sizes), max(sizes)
        ratio_growth = (v1 / b1) / (v0 / b0) if b0 and b1 and v0 else None
        out.append((name, f"{y0:g}→{y1:g} y", v1 / v0 if v0 else float("inf"), ratio_growth))
    return out


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=float, nargs="+", default=None,
                        help="diary sizes in years (default 10); sized rows run at each")
    parser.add_argument("--repeat", type=int, default=None, help="measured runs per row (default 15)")
    parser.add_argument("--only", default=None, help="run only rows whose name contains this")
    parser.add_argument("--skip", action="append", default=[], metavar="NAME",
                        help="leave out rows whose name contains this (repeatable)")
    parser.add_argument("--quick", action="store_true", help="smoke run: a 1-year diary, each row once, no slow rows")
    args = parser.parse_args(argv)
    if args.years is None:
        args.years = [QUICK_YEARS] if args.quick else [10.0]
    if args.repeat is None:
        args.repeat = 1 if args.quick else 15
    return args


def main() -> None:
    args = parse_args()
    if not in_venv():
        python = ensure_venv()
        os.execv(python, [str(python), str(Path(__file__).resolve()), *sys.argv[1:]])
    import osteotrack

    if ROOT / "osteotrack" in Path(osteotrack.__file__).resolve().parents:
        sys.exit(f"osteotrack was imported from the checkout ({osteotrack.__file__}), not from {VENV}")
    OUT.mkdir(exist_ok=True)
    env = {**os.environ, "XDG_DATA_HOME": str(OUT / "xdg")}
    for name in ("OSTEOTRACK_DB", "PYTHONPATH", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    print(f"osteotrack benchmark — demo diaries of {', '.join(f'{y:g}' for y in args.years)} years, "
          f"median of {args.repeat} runs, Python {sys.version.split()[0]}, normal install in {VENV.name}, "
          f"load average {os.getloadavg()[0]:.2f} at the start")
    header = (f"| {'measure':<46} | {'years':>5} | {'ratio':>6} | {'median':>10} | {'floor (same run)':<40} | "
              f"{'median':>10} | {'goal':<44} | met")
    print(header)
    print("|" + "|".join("-" * (len(part)) for part in header.split("|")[1:]))
    results = []
    for index, years in enumerate(args.years):
        ctx = Context(years=years, repeat=args.repeat, diary=build_diary(years), python=sys.executable, env=env,
                      quick=args.quick)
        rows = [r for r in load_rows(ctx)
                if (args.only is None or args.only in r.name) and (index == 0 or r.sized)
                and not any(skip in r.name for skip in args.skip)
                and not (args.quick and r.slow)]
        for row in rows:
            repeat = 1 if args.quick else (row.repeat or args.repeat)
            try:
                value, base = measure(row.target, row.floor, repeat, row.warm and not args.quick, row.every_run)
            except Exception as error:  # one failing row must not hide the rest of the table
                print(f"| {row.name:<46} | {years:>5g} | failed: {type(error).__name__}: {error}", flush=True)
                continue
            results.append((years, row, value, base))
            ratio = f"{value / base:.2f}×" if base else ""
            base_text = show(base, row.unit) if base is not None else ""
            print(f"| {row.name:<46} | {years:>5g} | {ratio:>6} | {show(value, row.unit):>10} | "
                  f"{row.floor_name:<40} | {base_text:>10} | {row.goal:<44} | {verdict(row, value, base)}",
                  flush=True)
    grown = growth(results)
    if grown:
        print()
        print(f"| {'growth with the diary':<46} | {'sizes':<10} | {'median':>8} | {'ratio':>8}")
        print(f"|{'-' * 48}|{'-' * 12}|{'-' * 10}|{'-' * 10}")
        for name, sizes, median_growth, ratio_growth in grown:
            ratio_text = f"{ratio_growth:.2f}×" if ratio_growth is not None else ""
            print(f"| {name:<46} | {sizes:<10} | {median_growth:>7.2f}× | {ratio_text:>8}")


if __name__ == "__main__":
    main()

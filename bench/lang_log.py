"""What a language costs `osteotrack log`: this checkout against a baseline revision, in English and in Spanish.

    python bench/lang_log.py [--baseline main] [--repeat 21]

Self-contained (it does not need bench.py): the baseline revision is exported with `git archive` to a
temporary folder, and each command runs as a whole process (`python -m osteotrack --db DIARY log …`), the
baseline's and this checkout's alternately with a bare SQLite insert (the floor PRODUCT.md measures
against), so that a busy machine slows all alike. It prints the medians, each one's ratio to the floor,
and this checkout's ratio to the baseline: the issue asks that `log` stay within 10 % of it.

English is the locale C; Spanish is LANG=es_ES.UTF-8, the same environment for both (the baseline speaks
English in it). The last row refuses `--pain 11`: the path that has a sentence to say, so the one that
loads the Spanish catalog.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
    "c.execute('CREATE TABLE IF NOT EXISTS t (id TEXT, at TEXT, pain INTEGER)'); "
    "c.execute(\"INSERT INTO t VALUES ('x', '2026-11-24T09:00:00Z', 6)\"); c.commit()"
)
LOG = ["log", "--pain", "6", "--where", "lower-back:7", "--trigger", "bending", "--therapy", "heat:60"]
CASES = [
    ("log, English", {"LANG": "C.UTF-8"}, LOG, 0),
    ("log, Spanish", {"LANG": "es_ES.UTF-8"}, LOG, 0),
    ("log --pain 11, Spanish", {"LANG": "es_ES.UTF-8"}, ["log", "--pain", "11"], 2),
]


def timed(command: list[str], cwd: Path, env: dict, status: int = 0) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True)
    took = time.perf_counter() - start
    if done.returncode != status:
        sys.exit(f"{' '.join(command)} in {cwd}: exit {done.returncode}\n{done.stderr.decode()}")
    return took


def export(revision: str, into: Path) -> Path:
    archive = into / "baseline.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "-C", str(ROOT), "archive", revision], stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "baseline", filter="data")
    return into / "baseline"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default="main", help="the git revision to compare with (default: main)")
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        trees = {"baseline": export(args.baseline, tmp), "this": ROOT}
        # Both trees keep their compiled .pyc files, as an installed osteotrack does (pip compiles them).
        dropped = ("OSTEOTRACK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "OSTEOTRACK_DB",
                   "PYTHONDONTWRITEBYTECODE")
        base_env = {k: v for k, v in os.environ.items() if k not in dropped}
        python = sys.executable
        for which, tree in trees.items():  # each tree's own code runs, not the installed one
            where = subprocess.run([python, "-c", "import osteotrack; print(osteotrack.__file__)"], cwd=tree,
                                   env={**base_env, "PYTHONPATH": str(tree)}, capture_output=True, text=True)
            assert where.stdout.startswith(str(tree)), (which, where.stdout, where.stderr)
        print(f"{'':28}{'baseline':>10}{'this':>10}{'floor':>10}{'base/floor':>12}{'this/floor':>12}{'this/base':>11}")
        for name, lang_env, argv, status in CASES:
            samples: dict[str, list[float]] = {"baseline": [], "this": [], "floor": []}
            dbs = {}
            for which, tree in trees.items():
                dbs[which] = tmp / f"{which}.db"
                env = {**base_env, **lang_env, "PYTHONPATH": str(tree)}
                timed([python, "-m", "osteotrack", "--db", str(dbs[which]), *LOG], tree, env)  # creates the diary
            for i in range(args.repeat + 1):  # the first round warms the caches and is not counted
                for which, tree in trees.items():
                    env = {**base_env, **lang_env, "PYTHONPATH": str(tree)}
                    took = timed([python, "-m", "osteotrack", "--db", str(dbs[which]), *argv], tree, env, status)
                    if i:
                        samples[which].append(took)
                took = timed([python, "-c", FLOOR, str(tmp / "floor.db")], tmp, base_env)
                if i:
                    samples["floor"].append(took)
            base, this, floor = (statistics.median(samples[k]) for k in ("baseline", "this", "floor"))
            print(f"{name:28}{base * 1000:>8.1f}ms{this * 1000:>8.1f}ms{floor * 1000:>8.1f}ms"
                  f"{base / floor:>11.2f}×{this / floor:>11.2f}×{this / base:>10.2f}×")


if __name__ == "__main__":
    main()

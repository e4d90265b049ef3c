"""Shared fixtures: a fresh diary per test, a fixed clock, and ways to run the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from osteotrack.cli import cli
from osteotrack.store import Diary

ROOT = Path(__file__).resolve().parents[1]
# Tests read English whatever the machine's locale (LANG=de_DE… would otherwise translate every sentence);
# the tests of choosing a language set or remove it themselves (tests/unit/test_i18n.py).
os.environ["OSTEOTRACK_LANG"] = "en"
# A fixed "now" for tests that need one: Tuesday 24 November 2026, 10:00 at UTC+01:00.
TZ = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=TZ)


def pytest_xdist_auto_num_workers(config) -> int:
    """``-n auto``: one worker more than there are cores. A third of the suite's time is spent waiting (on
    processes it starts, on the app's timers), so two cores run three workers in ~15 % less time (measured:
    245 s with two, 214 s with three, 217 s with four on CI's two cores)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores + 1


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "diary.db"


@pytest.fixture
def diary(db_path: Path):
    with Diary.open(db_path) as d:
        yield d


@pytest.fixture
def run_cli(db_path: Path, monkeypatch):
    """Run the command line in-process against the test's diary; returns click's Result."""
    monkeypatch.delenv("OSTEOTRACK_DB", raising=False)

    def run(*args: str, input: str | None = None):
        return CliRunner().invoke(cli, ["--db", str(db_path), *args], input=input, catch_exceptions=False)

    return run


@pytest.fixture
def run_process(db_path: Path, tmp_path: Path):
    """Run ``python -m osteotrack`` as a real process against the test's diary."""

    def run(*args: str, env: dict | None = None, db: bool = True) -> subprocess.CompletedProcess:
        full_env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(tmp_path / "xdg"), "COLUMNS": "120"}
        full_env.pop("OSTEOTRACK_DB", None)  # only a test's own env may name the diary this way
        full_env.update(env or {})
        command = [sys.executable, "-m", "osteotrack", *(["--db", str(db_path)] if db else []), *args]
        return subprocess.run(command, capture_output=True, text=True, env=full_env, timeout=120)

    return run

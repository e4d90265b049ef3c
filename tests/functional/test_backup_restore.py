"""``osteotrack backup`` and ``osteotrack restore``: safe while others write, checked, asked, undoable."""

from __future__ import annotations

import os
import pty
import shutil
import signal
import sqlite3
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

from click.testing import CliRunner

from osteotrack.cli import cli
from osteotrack.domain.records import Entry
from osteotrack.store import Diary
from osteotrack.store.backup import backup_diary
from tests.conftest import ROOT
from tests.functional.test_bad_files import damaged
from tests.support import active, entry_ids, file_hash, integrity


def _diary(path: Path, *notes: str) -> Path:
    with Diary.open(path) as diary:
        for i, note in enumerate(notes):
            active(diary).add_entry(Entry(at=datetime(2026, 3, 1 + i, 9, tzinfo=timezone.utc), pain=i, note=note))
    return path


def _notes(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT note FROM entries ORDER BY at_utc")]
    finally:
        conn.close()


def test_backup_writes_a_dated_private_copy_beside_the_diary(db_path, run_cli):
    _diary(db_path, "first", "second")
    result = run_cli("backup")
    assert result.exit_code == 0, result.output
    [copy] = db_path.parent.glob("diary.backup-*.db")
    assert copy.name.startswith(f"diary.backup-{datetime.now():%Y-%m-%d}")
    assert f"Backed up 2 entries, the last on 2 Mar 2026 (profiles: me) to {copy}" in result.output
    assert copy.stat().st_mode & 0o777 == 0o600
    assert integrity(copy) == "ok" and _notes(copy) == ["first", "second"]
    # A second backup in the same minute gets its own name.
    assert run_cli("backup").exit_code == 0
    assert len(list(db_path.parent.glob("diary.backup-*.db"))) == 2


def test_backup_into_a_folder_takes_the_dated_name(db_path, run_cli, tmp_path):
    _diary(db_path, "one")
    folder = tmp_path / "usb"
    folder.mkdir()
    assert run_cli("backup", str(folder)).exit_code == 0
    [copy] = folder.iterdir()
    assert copy.name.startswith("diary.backup-") and _notes(copy) == ["one"]


def test_backup_never_overwrites(db_path, run_cli, tmp_path):
    _diary(db_path, "one")
    target = tmp_path / "mine.db"
    target.write_text("precious")
    result = run_cli("backup", str(target))
    assert result.exit_code == 2
    assert "already exists" in result.stderr and target.read_text() == "precious"


def test_backup_while_the_app_holds_a_write_transaction(db_path, tmp_path):
    """The app mid-save (an open write transaction): the backup neither needs the lock nor copies the half-done
    write."""
    _diary(db_path, "saved")
    with Diary.open(db_path) as app:
        with app.writing():
            active(app).add_entry(Entry(at=datetime(2026, 4, 1, 9, tzinfo=timezone.utc), pain=5, note="not yet saved"))
            # Still inside the app's transaction: had the backup needed the write lock, it would fail as busy.
            copy = backup_diary(db_path, tmp_path / "during.db")
    assert _notes(copy) == ["saved"]
    assert _notes(db_path) == ["saved", "not yet saved"]


def test_backups_taken_while_a_process_writes_are_whole(db_path, tmp_path):
    _diary(db_path)
    writer = subprocess.Popen([sys.executable, str(ROOT / "tests" / "crash_writer.py"), str(db_path)],
                              stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert writer.stdout.readline()  # it is writing
        copies = [backup_diary(db_path, tmp_path / f"copy-{i}.db") for i in range(4)]
    finally:
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate()
    sizes = [len(entry_ids(c)) for c in copies]
    assert all(integrity(c) == "ok" for c in copies)
    assert sizes == sorted(sizes) and sizes[-1] > 0
    assert entry_ids(copies[-1]) <= entry_ids(db_path)


def test_restore_without_a_terminal_needs_yes(db_path, tmp_path, run_cli):
    backup = _diary(tmp_path / "old.db", "old")
    _diary(db_path, "current")
    before = file_hash(db_path)
    result = run_cli("restore", str(backup))
    assert result.exit_code == 2
    assert result.stderr == ("osteotrack: restore replaces the diary and needs a yes: run it in a terminal, "
                             "or pass --yes.\n")
    assert file_hash(db_path) == before and not list(tmp_path.glob("*before-restore*"))


def test_restore_yes_replaces_and_keeps_the_old_diary(db_path, tmp_path, run_cli):
    backup = _diary(tmp_path / "old.db", "old one", "old two")
    _diary(db_path, "current")
    result = run_cli("restore", str(backup), "--yes")
    assert result.exit_code == 0, result.output
    assert _notes(db_path) == ["old one", "old two"]
    [kept] = tmp_path.glob("diary.before-restore-*.db")
    assert f"the diary it replaced is kept in {kept}" in result.output
    assert _notes(kept) == ["current"] and kept.stat().st_mode & 0o777 == 0o600
    assert integrity(db_path) == "ok"
    assert run_cli("list").exit_code == 0


def _restore_in_a_terminal(db_path: Path, backup: Path, answer: str) -> tuple[int, str]:
    """Run ``osteotrack restore`` with a pseudo-terminal as its input, answering the question."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "osteotrack", "--db", str(db_path), "restore", str(backup)],
                               stdin=follower, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    os.close(follower)
    os.write(leader, answer.encode() + b"\n")
    out, _ = process.communicate(timeout=60)
    os.close(leader)
    return process.returncode, out.decode()


def test_restore_in_a_terminal_asks_first(db_path, tmp_path):
    backup = _diary(tmp_path / "old.db", "old")
    _diary(db_path, "current")
    before = file_hash(db_path)
    code, out = _restore_in_a_terminal(db_path, backup, "n")
    assert f"{backup} holds 1 entry, the last on 1 Mar 2026 (profiles: me)." in out
    assert f"Replace the diary at {db_path} with it? (The current diary is backed up first.)" in out
    assert code == 1 and "Nothing was changed." in out
    assert file_hash(db_path) == before
    code, out = _restore_in_a_terminal(db_path, backup, "y")
    assert code == 0, out
    assert _notes(db_path) == ["old"]


def test_restore_while_the_app_has_the_diary_open(db_path, tmp_path, run_process):
    backup = _diary(tmp_path / "old.db", "from the backup")
    _diary(db_path, "current")
    with Diary.open(db_path) as app:
        assert [e.note for e in active(app).entries()] == ["current"]
        result = run_process("restore", str(backup), "--yes")
        assert result.returncode == 0, result.stderr
        # The app's open connection sees the restored diary, not a deleted file.
        assert [e.note for e in active(app).entries()] == ["from the backup"]
        active(app).add_entry(Entry(at=datetime(2026, 5, 1, 9, tzinfo=timezone.utc), pain=1, note="after"))
    assert _notes(db_path) == ["from the backup", "after"]


def test_restore_brings_an_older_backup_up_to_date(db_path, run_cli):
    _diary(db_path, "current")
    old = ROOT / "tests" / "fixtures" / "schema-m001_initial.db"
    copy = db_path.with_name("released.db")
    shutil.copy(old, copy)
    assert run_cli("restore", str(copy), "--yes").exit_code == 0
    assert "after gardening" in _notes(db_path)


def test_restore_over_a_damaged_diary_keeps_its_bytes(tmp_path):
    broken = damaged(tmp_path)
    backup = _diary(tmp_path / "good.db", "good")
    raw = broken.read_bytes()
    result = CliRunner().invoke(cli, ["--db", str(broken), "restore", str(backup), "--yes"])
    assert result.exit_code == 0, result.output
    [kept] = tmp_path.glob("damaged.before-restore-*.db")
    assert kept.read_bytes() == raw and kept.stat().st_mode & 0o777 == 0o600
    assert _notes(broken) == ["good"] and integrity(broken) == "ok"


def test_restore_into_a_new_place(tmp_path):
    backup = _diary(tmp_path / "old.db", "old")
    target = tmp_path / "new" / "diary.db"
    result = CliRunner().invoke(cli, ["--db", str(target), "restore", str(backup), "--yes"])
    assert result.exit_code == 0 and "kept in" not in result.output
    assert _notes(target) == ["old"] and target.stat().st_mode & 0o777 == 0o600

"""``osteotrack sync``: two homes, one diary (issue 18), end to end on the command line."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from osteotrack.cli import cli
from osteotrack.domain.records import CheckIn, Entry, Site, TherapyUse
from osteotrack.store import Diary
from osteotrack.store.transfer import export_document
from tests.functional.helpers import assert_refused
from tests.support import mark_newer

AT = datetime(2026, 11, 20, 8, tzinfo=timezone.utc)


def run(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


def _pains(db: Path) -> dict[str, tuple[int, str]]:
    with Diary.open(db) as diary:
        return {e.id: (e.pain, e.note) for e in diary.profile("me").entries()}


def _content(db: Path) -> str:
    """Everything a user can see in the diary, as one text (its export, sorted)."""
    with Diary.open(db) as diary:
        return json.dumps(export_document(diary), sort_keys=True)


@pytest.fixture
def homes(tmp_path: Path) -> tuple[Path, Path, str]:
    """Mum's diary with one entry, and the copy her daughter made of it with export and import."""
    mum, anna = tmp_path / "mum.db", tmp_path / "anna.db"
    with Diary.open(mum) as diary:
        first = diary.profile("me").add_entry(Entry(at=AT, pain=5, note="first"))
    assert run(mum, "export", "-o", str(tmp_path / "hand-over.json")).exit_code == 0
    assert run(anna, "import", str(tmp_path / "hand-over.json")).exit_code == 0
    return mum, anna, first.id


def test_two_homes_add_edit_delete_and_converge(homes, tmp_path):
    mum, anna, first = homes
    with Diary.open(mum) as diary:
        me = diary.profile("me")
        kept = me.add_entry(Entry(at=AT.replace(hour=9), pain=3, note="gone next"))
        me.add_entry(Entry(at=AT.replace(hour=10), pain=4, note="mum's"))
        me.delete_entry(kept.id)
    with Diary.open(anna) as diary:
        me = diary.profile("me")
        me.add_entry(Entry(at=AT.replace(hour=11), pain=6, note="anna's 1"))
        me.add_entry(Entry(at=AT.replace(hour=12), pain=2, note="anna's 2"))
        entry = me.get_entry(first)
        entry.pain = 6
        me.update_entry(entry)
    # Mum's diary takes Anna's two entries and her edit; the deletion never reached Anna's copy.
    result = run(mum, "sync", str(anna))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("First sync with ") and "mum.before-sync-" in lines[0]
    assert lines[1] == "Here: 2 new entries, 1 changed, 0 deleted, 0 conflicts"
    assert _pains(mum)[first] == (6, "first")
    # The other way: Anna gets Mum's new entry; nothing of Anna's is lost.
    result = run(anna, "sync", str(mum))
    assert result.stdout.splitlines()[-1] == "Here: 1 new entry, 0 changed, 0 deleted, 0 conflicts"
    assert _pains(anna) == _pains(mum) and len(_pains(mum)) == 4
    assert _content(anna) == _content(mum)
    # Syncing again changes nothing, either way.
    assert run(mum, "sync", str(anna), "--both").stdout.splitlines() == [
        "Here: 0 new records, 0 changed, 0 deleted, 0 conflicts",
        f"In {anna}: 0 new records, 0 changed, 0 deleted, 0 conflicts"]


def test_a_deletion_travels_and_a_later_sync_does_not_bring_it_back(homes):
    mum, anna, first = homes
    with Diary.open(anna) as diary:
        diary.profile("me").delete_entry(first)
    assert run(mum, "sync", str(anna)).stdout.splitlines()[-1] == (
        "Here: 0 new records, 0 changed, 1 deleted, 0 conflicts")
    assert first not in _pains(mum)
    # Mum's older copy of the entry is gone for good: syncing again, both ways, keeps it deleted.
    run(anna, "sync", str(mum), "--both")
    assert first not in _pains(mum) and first not in _pains(anna)


def test_an_edit_later_than_a_deletion_wins(homes):
    mum, anna, first = homes
    with Diary.open(anna) as diary:
        diary.profile("me").delete_entry(first)
    with Diary.open(mum) as diary:
        entry = diary.profile("me").get_entry(first)
        entry.note = "still hurts"
        diary.profile("me").update_entry(entry)
    run(mum, "sync", str(anna), "--both")
    assert _pains(mum)[first] == _pains(anna)[first] == (5, "still hurts")


def test_two_edits_the_later_wins_and_the_other_is_kept_until_dismissed(homes):
    mum, anna, first = homes
    for db, pain in ((mum, 7), (anna, 8)):  # Anna's edit is the later one
        with Diary.open(db) as diary:
            entry = diary.profile("me").get_entry(first)
            entry.pain = pain
            diary.profile("me").update_entry(entry)
    result = run(mum, "sync", str(anna), "--both")
    assert result.stdout.splitlines()[-2:] == ["Here: 0 new records, 1 changed, 0 deleted, 1 conflict",
                                               f"In {anna}: 0 new records, 0 changed, 0 deleted, 0 conflicts"]
    assert _pains(mum)[first] == _pains(anna)[first] == (8, "first")
    shown = run(mum, "sync", "--conflicts").stdout
    assert shown.startswith(f"#1 entry {first}")
    [pain_line] = [line for line in shown.splitlines() if line.strip().startswith("pain")]
    assert pain_line.split() == ["pain", "8", "7"]  # kept (won) beside lost
    assert run(mum, "sync", "--dismiss", "1").stdout.strip() == "Dismissed conflict 1."
    assert run(mum, "sync", "--conflicts").stdout.strip() == "No kept conflicts."
    assert_refused(run(mum, "sync", "--dismiss", "1"), "There is no kept conflict number 1")
    # A number too large for SQLite's integers is one more that names no kept conflict (found by the fuzz test).
    assert_refused(run(mum, "sync", "--dismiss", "9" * 19), "There is no kept conflict number 9999999999999999999")


def test_one_checkin_a_day_the_later_wins_the_other_kept(homes):
    mum, anna, _ = homes
    for db, pain in ((mum, 3), (anna, 6)):
        with Diary.open(db) as diary:
            diary.profile("me").save_checkin(CheckIn(day=date(2026, 11, 20), peg_pain=pain), today=date(2026, 11, 24))
    result = run(mum, "sync", str(anna), "--both")
    assert result.stdout.splitlines()[-2] == "Here: 0 new records, 1 changed, 0 deleted, 1 conflict"
    for db in (mum, anna):
        with Diary.open(db) as diary:
            assert [c.peg_pain for c in diary.profile("me").checkins()] == [6]
    assert "#1 check-in " in run(mum, "sync", "--conflicts").stdout  # the kind in words, not its slug


def test_profiles_and_vocabulary_travel(homes):
    mum, anna, _ = homes
    with Diary.open(anna) as diary:
        diary.add_profile("Dad")
        diary.profile("Dad").add_entry(Entry(at=AT, pain=2))
        diary.add_term("trigger", "hoovering", "Hoovering")
    assert run(mum, "sync", str(anna)).stdout.splitlines()[-1] == (
        "Here: 1 new profile, 1 new entry, 0 changed, 0 deleted, 0 conflicts")
    with Diary.open(mum) as diary:
        assert diary.profile("Dad").count_entries() == 1
        assert diary.vocabulary().name("trigger", "hoovering") == "Hoovering"


def test_a_json_export_goes_back_and_forth(homes, tmp_path):
    mum, anna, first = homes
    stick = tmp_path / "stick.json"
    assert run(mum, "export", "-o", str(stick)).exit_code == 0
    with Diary.open(anna) as diary:
        diary.profile("me").add_entry(Entry(at=AT.replace(hour=9), pain=4, note="from anna"))
    result = run(anna, "sync", str(stick), "--both")
    assert result.stdout.splitlines()[-1] == f"In {stick}: 1 new entry, 0 changed, 0 deleted, 0 conflicts"
    assert stick.stat().st_mode & 0o777 == 0o600
    assert run(mum, "sync", str(stick)).stdout.splitlines()[-1] == (
        "Here: 1 new entry, 0 changed, 0 deleted, 0 conflicts")
    assert _pains(mum) == _pains(anna)


def test_an_export_made_before_sync_still_syncs(homes, tmp_path):
    # An older osteotrack wrote no change times: each record's last update stands in for one.
    mum, anna, first = homes
    old = json.loads(Path(tmp_path / "hand-over.json").read_text())
    old.pop("sync")
    for p in old["profiles"]:
        p.pop("uid"), p.pop("changed")
        for records in p.values():
            for r in records if isinstance(records, list) else []:
                r.pop("changed", None)
    legacy = tmp_path / "legacy.json"
    legacy.write_text(json.dumps(old))
    result = run(mum, "sync", str(legacy))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "Here: 0 new records, 0 changed, 0 deleted, 0 conflicts"


# -- refusals: one sentence, exit status 2, nothing changed --------------------


def test_a_diary_started_elsewhere_is_refused(homes, tmp_path):
    mum, _, _ = homes
    stranger = tmp_path / "stranger.db"
    with Diary.open(stranger) as diary:
        diary.profile("me").add_entry(Entry(at=AT, pain=9))
    before = _content(mum)
    assert_refused(run(mum, "sync", str(stranger)), "is another diary, started separately from this one")
    assert _content(mum) == before


def test_a_new_empty_diary_becomes_a_copy(homes, tmp_path):
    mum, _, first = homes
    fresh = tmp_path / "fresh.db"
    Diary.open(fresh).close()
    assert run(fresh, "sync", str(mum)).exit_code == 0
    assert first in _pains(fresh)


def test_a_damaged_file_is_refused(homes, tmp_path):
    mum, anna, _ = homes
    damaged = tmp_path / "damaged.db"
    data = bytearray(anna.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # the second page, overwritten
    damaged.write_bytes(bytes(data))
    before = _content(mum)
    result = run(mum, "sync", str(damaged))
    assert result.exit_code == 2 and "damaged" in result.stderr and "Traceback" not in result.output
    assert _content(mum) == before


def test_a_file_from_a_newer_version_is_refused(homes):
    mum, anna, _ = homes
    mark_newer(anna)
    before = _content(mum)
    assert_refused(run(mum, "sync", str(anna)), "was written by a newer version of osteotrack")
    assert _content(mum) == before


def test_a_killed_sync_applies_nothing(homes, monkeypatch):
    mum, anna, _ = homes
    with Diary.open(anna) as diary:
        diary.profile("me").add_entry(Entry(at=AT.replace(hour=9), pain=4))
    run(mum, "sync", str(anna))  # seen once: the next sync makes no backup first
    with Diary.open(anna) as diary:
        diary.profile("me").add_entry(Entry(at=AT.replace(hour=10), pain=1))
    before = _content(mum)
    from osteotrack.store import sync

    def killed(*args):
        raise KeyboardInterrupt  # the power goes, after the new entry was written and before the commit

    monkeypatch.setattr(sync, "_settle_tombstones", killed)
    result = CliRunner().invoke(cli, ["--db", str(mum), "sync", str(anna)], catch_exceptions=False)
    assert result.exit_code == 1  # click's "Aborted!"
    assert _content(mum) == before


def test_encrypted_both_ways_and_a_wrong_passphrase_changes_nothing(homes, tmp_path):
    mum, anna, first = homes
    right, wrong = tmp_path / "pass", tmp_path / "wrong"
    right.write_text("correct horse\n")
    wrong.write_text("battery staple\n")
    stick = tmp_path / "stick.json.age"
    assert run(mum, "export", "--encrypt", "--passphrase-file", str(right), "-o", str(stick)).exit_code == 0
    # The age format's first line (https://age-encryption.org/v1): the file is not readable JSON.
    assert stick.read_bytes().startswith(b"age-encryption.org/v1\n") and b"first" not in stick.read_bytes()
    assert stick.stat().st_mode & 0o777 == 0o600
    with Diary.open(anna) as diary:
        diary.profile("me").add_entry(Entry(at=AT.replace(hour=9), pain=4, note="secret"))
    before, sealed = _content(anna), stick.read_bytes()
    assert_refused(run(anna, "sync", str(stick), "--both", "--passphrase-file", str(wrong)),
                   "the passphrase is wrong")
    assert _content(anna) == before and stick.read_bytes() == sealed
    # Without a terminal and without a passphrase file: a sentence, not a prompt.
    assert_refused(run(anna, "sync", str(stick)), "This needs a passphrase")
    result = run(anna, "sync", str(stick), "--both", "--passphrase-file", str(right))
    assert result.stdout.splitlines()[-1] == f"In {stick}: 1 new entry, 0 changed, 0 deleted, 0 conflicts"
    assert stick.read_bytes().startswith(b"age-encryption.org/v1\n") and b"secret" not in stick.read_bytes()
    assert run(mum, "sync", str(stick), "--passphrase-file", str(right)).stdout.splitlines()[-1] == (
        "Here: 1 new entry, 0 changed, 0 deleted, 0 conflicts")


def test_an_encrypted_backup_restores_and_a_wrong_passphrase_restores_nothing(homes, tmp_path):
    mum, anna, first = homes
    right, wrong = tmp_path / "pass", tmp_path / "wrong"
    right.write_text("correct horse\n")
    wrong.write_text("battery staple\n")
    sealed = tmp_path / "mum.db.age"
    result = run(mum, "backup", str(sealed), "--encrypt", "--passphrase-file", str(right))
    assert result.exit_code == 0 and sealed.stat().st_mode & 0o777 == 0o600
    assert sealed.read_bytes().startswith(b"age-encryption.org/v1\n")
    other = tmp_path / "other.db"
    with Diary.open(other) as diary:
        diary.profile("me").add_entry(Entry(at=AT, pain=1))
    before = _content(other)
    assert_refused(run(other, "restore", str(sealed), "--yes", "--passphrase-file", str(wrong)),
                   "the passphrase is wrong")
    assert _content(other) == before
    assert run(other, "restore", str(sealed), "--yes", "--passphrase-file", str(right)).exit_code == 0
    assert first in _pains(other)
    # Sync reads an encrypted backup too.
    assert run(anna, "sync", str(sealed), "--passphrase-file", str(right)).exit_code == 0


def test_sync_refuses_this_diary_itself(homes):
    mum, _, _ = homes
    assert_refused(run(mum, "sync", str(mum)), "is this diary itself")


def test_the_backup_before_a_first_sync_is_made_once(homes, tmp_path):
    mum, anna, _ = homes
    run(mum, "sync", str(anna))
    run(mum, "sync", str(anna))
    backups = sorted(tmp_path.glob("mum.before-sync-*.db"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 1  # the diary as it was
    conn.close()


def test_a_sync_killed_with_sigkill_applies_all_or_nothing(tmp_path):
    # A real process, killed at moments drawn from a fixed seed while it syncs 2,000 new entries:
    # afterwards the diary holds none of them or all of them, and passes SQLite's integrity check.
    import os
    import random
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import ROOT
    from tests.support import integrity

    mum, anna = tmp_path / "mum.db", tmp_path / "anna.db"
    with Diary.open(mum) as diary:
        diary.profile("me").add_entry(Entry(at=AT, pain=5))
        diary.backup(anna)
    with Diary.open(anna) as diary:
        with diary.writing():  # the store's bulk insert, as an import uses it
            diary._entries.insert_many(
                [Entry(at=AT.replace(minute=s % 60), pain=s % 11, id=f"e-{s}") for s in range(2000)],
                diary.profile_id("me"), "2026-11-20T08:00:00Z", "2026-11-20T08:00:00Z")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("OSTEOTRACK_DB", None)
    rng = random.Random(18)
    outcomes = set()
    for _ in range(3):
        process = subprocess.Popen([sys.executable, "-m", "osteotrack", "--db", str(mum), "sync", str(anna)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        time.sleep(rng.uniform(0.3, 1.5))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert integrity(mum) == "ok"
        count = len(_pains(mum))
        assert count in (1, 2001)
        outcomes.add(count)
        if count == 2001:
            break
    assert outcomes  # at least one kill landed; what it left is all or nothing


def test_an_imported_entry_with_its_parts_is_in_step_with_its_diary(tmp_path):
    # The import writes the entry's places and triggers, then gives it the change time of the file:
    # the copy is in step, and the first sync either way changes nothing.
    mum, anna, file = tmp_path / "mum.db", tmp_path / "anna.db", tmp_path / "hand-over.json"
    with Diary.open(mum) as diary:
        diary.profile("me").add_entry(Entry(at=AT, pain=5, sites=[Site("lower-back", 5), Site("neck", 2)],
                                            triggers=["bending"], therapies=[TherapyUse("heat", 60)]))
    assert run(mum, "export", "-o", str(file)).exit_code == 0
    assert run(anna, "import", str(file)).exit_code == 0
    nothing = "0 new records, 0 changed, 0 deleted, 0 conflicts"
    assert run(anna, "sync", str(mum)).stdout.splitlines()[-1] == f"Here: {nothing}"
    assert run(mum, "sync", str(anna)).stdout.splitlines()[-1] == f"Here: {nothing}"


@pytest.mark.parametrize(("text", "sentence"), [
    ("[" * 1000 + "]" * 1000, "nests more than 64 levels deep"),
    ('{"format": "osteotrack", "version": 1e400}', "is not a number"),
])
def test_a_hostile_json_file_is_refused_as_import_refuses_it(homes, tmp_path, text, sentence):
    """sync reads a JSON export within the same limits as import: no recursion error, no endless number."""
    mum, _, _ = homes
    hostile = tmp_path / "hostile.json"
    hostile.write_text(text)
    before = _content(mum)
    assert_refused(run(mum, "sync", str(hostile)), sentence)
    assert _content(mum) == before

"""Read-only review: every write is refused in one sentence and the diary file does not change."""

import hashlib
import inspect
import json
from datetime import datetime

import pytest

from osteotrack.domain.bone import Dose, FallsCheck, Height, Impression, SideEffect, Treatment
from osteotrack.domain.errors import DiaryError
from osteotrack.domain.records import CheckIn, Entry, Event, Question
from osteotrack.domain.selfcare import SelfCareSession
from osteotrack.store import Diary, ProfileDiary
from osteotrack.store.part import Stored
from osteotrack.store.transfer import export_document, import_document
from tests.conftest import NOW, TZ

AT = datetime(2026, 11, 23, 9, 0, tzinfo=TZ)


@pytest.fixture
def full_diary(db_path, tmp_path):
    """A closed diary with two profiles and one record of every kind, plus an export file of it."""
    with Diary.open(db_path) as diary:
        dad = diary.add_profile("Dad")
        entry = diary.profile_by_id(dad).add_entry(Entry(at=AT, pain=5), now=NOW)
        diary.profile_by_id(dad).save_checkin(CheckIn(day=AT.date(), peg_pain=5), today=NOW.date())
        event = diary.profile_by_id(dad).add_event(Event(kind="fall", at=AT), now=NOW)
        question = diary.profile_by_id(dad).add_question(Question(text="Can I swim?", created=AT))
        diary.profile_by_id(dad).add_treatment(Treatment("alendronate", "1w", AT.date()), now=NOW)
        height, _ = diary.profile_by_id(dad).add_height(Height(AT, 1620), now=NOW)
        export = tmp_path / "dad.json"
        export.write_text(json.dumps(export_document(diary, ["Dad"])))
    assert not (db_path.parent / "diary.db-wal").exists()  # closed: everything is in the main file
    return {"entry": entry.id, "event": event.id, "question": question.id, "export": export, "height": height.id}


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_untouched(db_path, before: str) -> None:
    assert digest(db_path) == before
    # SQLite may leave its side files beside a diary it opened read-only; they must hold no change.
    wal = db_path.with_name(db_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def write_commands(ids: dict) -> list[list[str]]:
    return [
        ["log", "--pain", "3"],
        ["checkin", "--pain", "3"],
        ["event", "fall"],
        ["question", "Can I lift?"],
        ["question", "asked", ids["question"][:8]],
        ["question", "answered", ids["question"][:8], "--answer", "yes"],
        ["question", "open", ids["question"][:8]],
        ["vocab", "add", "trigger", "gardening", "Gardening"],
        ["vocab", "hide", "trigger", "bending"],
        ["vocab", "show", "trigger", "bending"],
        ["import", str(ids["export"]), "--as-profile", "Mum"],
        ["profile", "add", "Mum"],
        ["profile", "rename", "Dad", "Father"],
        ["profile", "use", "me"],
        ["profile", "use", "Dad", "--as", "Anna"],
        ["profile", "remove", "Dad", "--yes"],
        ["demo", "--db", str(ids["export"].with_name("demo.db"))],
    ]


@pytest.mark.parametrize("where", ["before", "after"])
def test_every_write_command_is_refused_and_the_file_is_unchanged(run_cli, db_path, full_diary, where):
    before = digest(db_path)
    for command in write_commands(full_diary):
        args = ["--profile", "Dad"] + (["--read-only", *command] if where == "before" else [*command, "--read-only"])
        result = run_cli(*args)
        assert result.exit_code == 2, (command, result.output)
        message = result.output.strip().splitlines()
        assert len(message) == 1 and message[0].startswith("osteotrack: ") and "read-only" in message[0], command
        assert_untouched(db_path, before)
    assert not list(db_path.parent.glob("*.before-*")) and not (db_path.parent / "demo.db").exists()


def test_reading_commands_work_read_only(run_cli, db_path, full_diary, tmp_path):
    before = digest(db_path)
    reads = [["list"], ["list", "--kind", "events"], ["question", "list"], ["vocab"], ["profile", "list"],
             ["export", "-o", str(tmp_path / "out.json")], ["remind"], ["trends", "--range", "all"]]
    for command in reads:
        result = run_cli("--profile", "Dad", *command, "--read-only")
        assert result.exit_code == 0, (command, result.output)
    assert run_cli("--read-only", "overview").exit_code == 0  # every profile: --read-only before the command only
    assert "Can I swim?" in run_cli("--read-only", "--profile", "Dad", "question", "list").output
    assert_untouched(db_path, before)


def test_the_diary_refuses_every_write_method_when_read_only(db_path, full_diary):
    before = digest(db_path)
    with Diary.open(db_path, read_only=True) as diary:
        dad = diary.profile("Dad")
        entry = dad.get_entry(full_diary["entry"])
        saved = {"stored": Stored(entry, dad.id, "2026-11-23T08:00:00Z", "2026-11-23T08:00:00Z"), "session": None}
        document = json.loads(full_diary["export"].read_text())
        writes = {
            "set_setting": lambda: diary.set_setting("x", "y"),
            "add_profile": lambda: diary.add_profile("Mum"),
            "rename_profile": lambda: diary.rename_profile("Dad", "Father"),
            "use_profile": lambda: diary.use_profile("Dad"),
            "remove_profile": lambda: diary.remove_profile("Dad"),
            "add_term": lambda: diary.add_term("trigger", "gardening", "Gardening"),
            "set_hidden": lambda: diary.set_hidden("trigger", "bending", True),
            "check_writable": diary.check_writable,
            "backdate_profile": lambda: diary.backdate_profile(dad.id, "2000-01-01T00:00:00Z"),
            "import_document": lambda: import_document(diary, document, into_profile="Mum"),
            "dismiss_conflict": lambda: diary.dismiss_conflict(1),
        }
        person_writes = {
            "set_default_logger": lambda: dad.set_default_logger("Anna"),
            "add_entry": lambda: dad.add_entry(Entry(at=AT, pain=4), now=NOW),
            "update_entry": lambda: dad.update_entry(Entry(at=AT, pain=9, id=entry.id), now=NOW),
            "delete_entry": lambda: dad.delete_entry(entry.id),
            "restore_entry": lambda: dad.restore_entry(saved),
            "undelete_entry": lambda: dad.undelete_entry(entry.id),
            "save_checkin": lambda: dad.save_checkin(CheckIn(day=AT.date(), peg_pain=1), today=NOW.date()),
            "add_event": lambda: dad.add_event(Event(kind="fall", at=AT), now=NOW),
            "delete_event": lambda: dad.delete_event(full_diary["event"]),
            "add_question": lambda: dad.add_question(Question(text="?", created=AT)),
            "set_question_status": lambda: dad.set_question_status(full_diary["question"], "asked"),
            "delete_question": lambda: dad.delete_question(full_diary["question"]),
            "add_session": lambda: dad.add_session(SelfCareSession("relaxation", 6, 4, 300, AT), now=NOW),
            "insert_validated": lambda: dad.insert_validated(entries=[(Entry(at=AT, pain=4, id="x" * 8), "a", "b")]),
            "add_treatment": lambda: dad.add_treatment(Treatment("calcium", "1d", AT.date()), now=NOW),
            "stop_treatment": lambda: dad.stop_treatment("alendronate", AT.date(), now=NOW),
            "add_dose": lambda: dad.add_dose(Dose("alendronate", AT), now=NOW),
            "add_height": lambda: dad.add_height(Height(AT, 1600), now=NOW),
            "add_falls_check": lambda: dad.add_falls_check(FallsCheck(AT, True, False, False), now=NOW),
            "add_impression": lambda: dad.add_impression(Impression(AT, 3), now=NOW),
            "add_side_effect": lambda: dad.add_side_effect(SideEffect("heartburn", "alendronate", AT), now=NOW),
            "delete_bone_record": lambda: dad.delete_bone_record("height", full_diary["height"]),
            "insert_bone_validated": lambda: dad.insert_bone_validated({"heights": [(Height(AT, 1600, id="y" * 8),
                                                                                     "a", "b")]}),
            "import_records": lambda: dad.import_records([Entry(at=AT, pain=4, id="y" * 8)], [], []),
        }
        for write in {**writes, **person_writes}.values():
            with pytest.raises(DiaryError, match="read-only"):
                write()
        with pytest.raises(DiaryError, match="read-only"):
            with diary.writing():
                pass
        # Every public method of Diary and of ProfileDiary is either a read or one of the writes above:
        # a new write method must be added here, so that read-only mode is checked for it too.
        reads = {"open", "close", "setting", "profiles", "profile_id", "profile_name", "vocabulary", "backup",
                 "writing", "db", "path", "verify", "profile", "profile_by_id", "active_profile", "sync_conflicts",
                 "read_only_notice"}
        person_reads = {"name", "id", "diary", "read_only", "vocabulary", "figures", "default_logger", "get_entry",
                        "entries", "each_entry", "entry_rows", "entries_before", "entries_after", "entries_from_day",
                        "count_entries", "logged_on", "last_entry", "recent_medications",
                        "checkin", "checkins", "stored_checkins", "weekly_peg_near", "events", "next_appointment",
                        "questions", "open_questions", "find_id", "flagged_entries",
                        "sessions", "treatments", "doses", "dose_days", "heights",
                        "falls_checks", "impressions", "side_effects", "side_effects_by_medicine", "known_ids"}
        public = {name for name, _ in inspect.getmembers(Diary) if not name.startswith("_")}
        assert public - reads - set(writes) == set()
        person_public = {name for name, _ in inspect.getmembers(ProfileDiary) if not name.startswith("_")}
        assert person_public - person_reads - set(person_writes) == set()
        assert dad.count_entries() == 1
    assert_untouched(db_path, before)


def test_a_missing_diary_is_not_created_read_only(run_cli, db_path):
    result = run_cli("--read-only", "list")
    assert result.exit_code == 2 and "There is no diary at" in result.output
    assert not db_path.exists()

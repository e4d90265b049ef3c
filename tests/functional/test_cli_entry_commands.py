"""`osteotrack entry show|edit|delete|undelete ID` and `event delete ID`: the app's History and
Events actions as commands, with the syntax of issue 13 (a contract)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from osteotrack.cli import edit
from osteotrack.domain.dates import day as written_day
from osteotrack.domain.records import Site, TherapyUse
from osteotrack.store import Diary
from tests.functional.helpers import assert_refused, digest, entries


def logged(run_cli, *args: str) -> str:
    """Log an entry; return the ID `osteotrack log` printed (the first 8 characters of its id)."""
    result = run_cli("log", *args)
    assert result.exit_code == 0, result.output
    return result.stdout.rsplit("(id ", 1)[1].rstrip(").\n")


def test_list_shows_the_id_prefix_the_entry_commands_take(run_cli, db_path):
    short = logged(run_cli, "--pain", "6", "--where", "lower-back:7")
    listed = run_cli("list").stdout
    assert short in listed
    shown = run_cli("entry", "show", short)
    assert shown.exit_code == 0, shown.output
    [stored] = entries(db_path)
    assert f"ID:             {stored.id}" in shown.stdout
    assert "Pain:           6/10 (moderate)" in shown.stdout and "Where:          Lower back 7" in shown.stdout
    assert "Logged by:      the patient" in shown.stdout


def test_edit_replaces_each_part_given_and_keeps_the_rest(run_cli, db_path):
    short = logged(run_cli, "--pain", "6", "--where", "lower-back:7", "--trigger", "bending", "--therapy", "heat:60",
                   "--note", "after gardening", "--doctor", "--by", "Anna", "--at", "yesterday 19:00")
    [before] = entries(db_path)
    result = run_cli("entry", "edit", short, "--pain", "4", "--where", "T8:6", "--where", "T9:5", "--not-for-doctor")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Changed ") and f"(id {short})" in result.stdout
    [after] = entries(db_path)
    assert after.id == before.id and after.pain == 4 and not after.for_doctor
    assert after.sites == [Site("mid-back", 6, "T8"), Site("mid-back", 5, "T9")]
    # Not given, so unchanged: the moment, the trigger, the therapy, the note, and who logged it (as the app keeps it).
    assert (after.at, after.triggers, after.therapies, after.note, after.entered_by) == (
        before.at, ["bending"], [TherapyUse("heat", 60)], "after gardening", "Anna")
    # --med replaces the medication of the entry's medication therapy.
    assert run_cli("entry", "edit", short, "--therapy", "otc-pain-medication:40", "--med", "ibuprofen 400 mg",
                   "--note", "").exit_code == 0
    [again] = entries(db_path)
    assert again.therapies == [TherapyUse("otc-pain-medication", 40, "ibuprofen", "400 mg")] and again.note == ""
    assert run_cli("entry", "edit", short, "--med", "paracetamol 1 g").exit_code == 0
    assert entries(db_path)[0].therapies == [TherapyUse("otc-pain-medication", 40, "paracetamol", "1 g")]


@pytest.mark.parametrize("args, message", [
    (["--pain", "11"], "Pain must be a whole number from 0 to 10; got '11'."),
    (["--where", "lowerback:3"], "Unknown location 'lowerback'"),
    (["--at", "tomorrow 9:00"], "is in the future"),
    (["--where", "T8:6", "--where", "T8:5"], "The vertebral level T8 is given twice"),
])
def test_edit_refuses_as_log_does_and_changes_nothing(run_cli, db_path, args, message):
    short = logged(run_cli, "--pain", "6")
    before = digest(db_path)
    assert_refused(run_cli("entry", "edit", short, *args), message)
    assert digest(db_path) == before


@pytest.mark.parametrize("command", ["show", "edit", "delete", "undelete"])
def test_an_unknown_or_short_id_is_one_sentence(run_cli, command):
    logged(run_cli, "--pain", "6")
    assert_refused(run_cli("entry", command, "ab"), "Give at least the first 4 characters of the entry id")
    unknown = "There is no deleted entry" if command == "undelete" else "There is no entry with an id starting"
    assert_refused(run_cli("entry", command, "ffffffff"), unknown)


def test_delete_needs_yes_in_a_script_says_how_to_undo_and_undelete_brings_it_back(run_cli, db_path):
    short = logged(run_cli, "--pain", "6", "--where", "T8:6", "--where", "T9:5", "--therapy", "heat:60")
    [before] = entries(db_path)
    assert_refused(run_cli("entry", "delete", short), "needs a yes: add --yes")
    assert len(entries(db_path)) == 1
    result = run_cli("entry", "delete", short, "--yes")
    assert result.exit_code == 0, result.output
    assert f"osteotrack entry undelete {short}" in result.stdout
    assert entries(db_path) == []
    assert short not in run_cli("list").stdout
    back = run_cli("entry", "undelete", short)
    assert back.exit_code == 0 and back.stdout.startswith("Brought back ")
    assert entries(db_path) == [before]  # exactly as it was
    assert_refused(run_cli("entry", "undelete", short), "There is no deleted entry")


def test_delete_asks_in_a_terminal_and_a_no_keeps_it(run_cli, db_path, monkeypatch):
    monkeypatch.setattr(edit, "can_ask", lambda: True)
    short = logged(run_cli, "--pain", "6")
    result = run_cli("entry", "delete", short, input="n\n")
    assert "Delete this entry?" in result.output and "Nothing was changed." in result.output
    assert len(entries(db_path)) == 1
    assert run_cli("entry", "delete", short, input="y\n").exit_code == 0
    assert entries(db_path) == []


def test_an_entry_deleted_in_the_app_is_brought_back_by_the_command(run_cli, db_path):
    short = logged(run_cli, "--pain", "6")
    with Diary.open(db_path) as diary:
        me = diary.profile("me")
        me.delete_entry(me.find_id("entry", short))  # what History's d does
    assert run_cli("entry", "undelete", short).exit_code == 0
    assert len(entries(db_path)) == 1


def test_a_read_only_diary_refuses_every_change(run_cli, db_path):
    short = logged(run_cli, "--pain", "6")
    before = digest(db_path)
    for args in (["edit", short, "--pain", "3"], ["delete", short, "--yes"], ["undelete", short]):
        assert_refused(run_cli("--read-only", "entry", *args), "read-only")
    assert digest(db_path) == before


def test_event_delete_by_the_id_list_shows(run_cli, db_path):
    recorded = run_cli("event", "fracture", "--site", "mid-back", "--level", "T8", "--at", "2026-03-02")
    short = recorded.stdout.rsplit("(id ", 1)[1].rstrip(").\n")
    assert short in run_cli("list", "--kind", "events").stdout
    assert_refused(run_cli("event", "delete", short), "needs a yes")
    result = run_cli("event", "delete", short, "--yes")
    assert result.exit_code == 0 and result.stdout.startswith("Deleted ") and "Fracture" in result.stdout
    with Diary.open(db_path, read_only=True) as diary:
        assert diary.profile("me").events() == []
    assert_refused(run_cli("event", "delete", short, "--yes"), "There is no event with an id starting")


@pytest.mark.parametrize("columns", [40, 80, 120, 250])
def test_list_fits_the_terminal_and_never_wraps_mid_value(run_cli, db_path, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    for days in (1, 2):
        logged(run_cli, "--pain", "6", "--where", "hip-left:4", "--where", "shoulder-right:3", "--trigger", "bending",
               "--therapy", "otc-pain-medication:40", "--med", "ibuprofen 400 mg", "--at", f"{days}d ago")
    assert run_cli("event", "fall", "--at", "yesterday").exit_code == 0
    assert run_cli("checkin", "--pain", "4", "--mood", "5").exit_code == 0
    assert run_cli("question", "Can I carry the shopping?").exit_code == 0
    for kind in ("entries", "checkins", "events", "questions"):
        out = run_cli("list", "--kind", kind).stdout
        assert all(len(line) <= columns for line in out.splitlines()), (kind, out)
        for record in run_cli("list", "--kind", kind, "--format", "json").stdout.split('"id": "')[1:]:
            assert record[:8] in out  # the ID prefix the commands take
    out = run_cli("list").stdout
    for whole in ("hip-left:4;", "shoulder-right:3", "otc-pain-medication=ibuprofen 400 mg" if columns >= 80 else "",
                  written_day(date.today() - timedelta(days=1)), "6 moderate" if columns > 200 else "moderate"):
        assert whole in out, (whole, out)

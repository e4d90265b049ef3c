"""`osteotrack profile list|add|rename|remove|use`, and who logged an entry."""

import re

from osteotrack.cli import profiles
from osteotrack.store import Diary


def test_list_marks_the_active_profile_with_its_entries_and_last_entry(run_cli):
    run_cli("log", "--pain", "5", "--at", "2026-11-20T08:00")
    run_cli("profile", "add", "Dad")
    run_cli("--profile", "Dad", "log", "--pain", "7", "--at", "2026-11-21T19:00")
    run_cli("--profile", "Dad", "log", "--pain", "3", "--at", "2026-11-22T09:30")
    result = run_cli("profile", "list")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("* me ") and "1 entry, last Fri 20 Nov 2026 08:00, pain 5/10" in lines[0]
    assert lines[1].startswith("  Dad") and "2 entries, last Sun 22 Nov 2026 09:30, pain 3/10" in lines[1]
    assert run_cli("profile").output == result.output  # `profile` alone lists


def test_use_switches_the_active_profile_and_remembers_the_caregiver(run_cli, db_path):
    run_cli("profile", "add", "Dad")
    result = run_cli("profile", "use", "Dad", "--as", "Anna")
    assert result.output == "Now using Dad's diary; entries are marked as logged by Anna.\n"
    run_cli("log", "--pain", "6", "--at", "2026-11-23T19:00")
    run_cli("log", "--pain", "4", "--by", "Bob", "--at", "2026-11-23T20:00")
    listed = run_cli("list", "--format", "csv").output
    assert re.search(r"2026-11-23,19:00,.*,Anna$", listed, re.M) and re.search(r",Bob$", listed, re.M)
    assert "logged by Anna" in run_cli("profile", "list").output
    assert "logged by Dad (the patient)" in run_cli("profile", "use", "Dad", "--as-patient").output
    run_cli("log", "--pain", "2", "--at", "2026-11-23T21:00")
    with Diary.open(db_path) as diary:
        assert [e.entered_by for e in diary.profile("Dad").entries(newest_first=False)] == \
            ["Anna", "Bob", None]
        assert diary.profile("me").entries() == []


def test_add_and_rename_refuse_clashes_with_one_sentence(run_cli):
    assert run_cli("profile", "add", "  Dad  ").output.startswith("Added profile 'Dad'.")
    clash = run_cli("profile", "add", "dad")
    assert clash.exit_code == 2 and "A profile named 'dad' already exists." in clash.output
    assert run_cli("profile", "rename", "Dad", "me").exit_code == 2
    assert run_cli("profile", "rename", "Dad", "Father").output == "Renamed profile 'Dad' to 'Father'.\n"
    assert "Father" in run_cli("profile", "list").output


def test_remove_without_a_terminal_or_yes_refuses_and_changes_nothing(run_cli, db_path):
    run_cli("profile", "add", "Dad")
    run_cli("--profile", "Dad", "log", "--pain", "7", "--at", "2026-11-21T19:00")
    result = run_cli("profile", "remove", "Dad")
    assert result.exit_code == 2
    assert "deletes 1 entry, 0 check-ins, 0 events and 0 questions; run it in a terminal to confirm, or pass --yes" \
        in result.output
    assert list(db_path.parent.glob("*.before-removing-*")) == []
    assert "Dad" in run_cli("profile", "list").output


def test_remove_asks_in_a_terminal_and_a_no_keeps_everything(run_cli, monkeypatch, db_path):
    monkeypatch.setattr(profiles, "can_ask", lambda: True)
    run_cli("profile", "add", "Dad")
    result = run_cli("profile", "remove", "Dad", input="n\n")
    assert "Remove profile 'Dad' and its 0 entries" in result.output and result.exit_code == 1  # click's Abort
    assert "Dad" in run_cli("profile", "list").output
    result = run_cli("profile", "remove", "Dad", input="y\n")
    assert result.exit_code == 0 and "Removed profile 'Dad'" in result.output


def test_remove_backs_up_first_and_says_where(run_cli, db_path):
    run_cli("profile", "add", "Dad")
    run_cli("--profile", "Dad", "log", "--pain", "7", "--at", "2026-11-21T19:00")
    run_cli("log", "--pain", "2", "--at", "2026-11-21T19:00")
    result = run_cli("profile", "remove", "Dad", "--yes")
    assert result.exit_code == 0, result.output
    backup = result.output.split("is at ")[1].split("\n")[0]
    assert backup.startswith(str(db_path.parent / "diary.before-removing-dad-"))
    with Diary.open(backup, read_only=True) as saved:  # the backup still holds Dad's entry
        assert saved.profile("Dad").count_entries() == 1
    assert (db_path.parent / backup).stat().st_mode & 0o777 == 0o600
    assert "The active profile is me." in result.output
    assert run_cli("list", "--format", "csv").output.count("\n") == 2  # header and my one entry


def test_the_last_profile_cannot_be_removed(run_cli):
    run_cli("profile", "list")  # creates the diary
    result = run_cli("profile", "remove", "me", "--yes")
    assert result.exit_code == 2 and "'me' is the only profile; a diary keeps at least one." in result.output


def test_use_refuses_an_empty_caregiver_name(run_cli):
    result = run_cli("profile", "use", "me", "--as", " ")
    assert result.exit_code == 2 and "--as-patient" in result.output

"""The other version of an entry kept by a sync (issue 18), shown where the entry is looked at: a line in
History and on the entry form, both versions side by side, dismissed — and then gone from
``osteotrack sync --conflicts`` too (the app and the command line use the same kept conflicts)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from click.testing import CliRunner

from osteotrack.cli import cli
from osteotrack.domain import dates
from osteotrack.domain.records import CheckIn, Entry
from osteotrack.store import Diary
from osteotrack.store.sync import lost_record
from osteotrack.store.sync_files import sync_file
from osteotrack.tui.dialogs.conflict_versions import OtherVersionLine, OtherVersionsDialog
from osteotrack.tui.screens.entry import EntryScreen
from osteotrack.tui.screens.history import HistoryScreen
from tests.conftest import TZ
from tests.functional.tui_support import app_for, pilot_test, settle

AT = datetime(2026, 11, 20, 8, tzinfo=timezone.utc)


def _no_passphrase() -> str:
    raise AssertionError("nothing here is encrypted")


def _two_edits(db_path, tmp_path) -> str:
    """Mum's diary and Anna's copy both edit one entry (Anna's later: pain 8 wins, mum's 7 is kept)."""
    anna = tmp_path / "anna.db"
    with Diary.open(db_path) as diary:
        first = diary.profile("me").add_entry(Entry(at=AT, pain=5, note="first"))
        diary.backup(anna)
    for path, pain, note in ((db_path, 7, "mum's edit"), (anna, 8, "first")):
        with Diary.open(path) as diary:
            entry = diary.profile("me").get_entry(first.id)
            entry.pain, entry.note = pain, note
            diary.profile("me").update_entry(entry)
    with Diary.open(db_path) as diary:
        assert sync_file(diary, anna, passphrase=_no_passphrase).here.conflicts == 1
    return first.id


def _text(widget) -> str:
    return str(widget.render())


@pilot_test
async def test_the_other_version_is_shown_in_history_and_the_form_then_dismissed(db_path, tmp_path):
    entry_id = _two_edits(db_path, tmp_path)
    with Diary.open(db_path, read_only=True) as diary:
        [kept] = diary.sync_conflicts()
    # The day of the sync, in the app's time zone, as dates.day writes it ("24 Nov 2026").
    sync_day = dates.day(datetime.strptime(kept.kept_at, "%Y-%m-%dT%H:%M:%SZ")
                         .replace(tzinfo=timezone.utc).astimezone(TZ).date())
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        history = app.screen
        assert isinstance(history, HistoryScreen)
        line = history.query_one(OtherVersionLine)
        assert line.display
        assert _text(line) == f"Another version was kept from the sync of {sync_day} — v: see both."
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryScreen)
        assert _text(form.query_one(OtherVersionLine)).endswith("— ctrl+o: see both.")
        await pilot.press("ctrl+o")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, OtherVersionsDialog)
        both = dialog.query_one("#versions-both").content
        rows = {cells[0]: cells[1:] for cells in _rows(both)}
        # Side by side: the version in the diary (Anna's, the later edit) and mum's kept one; ≠ where they differ.
        assert rows["Pain"] == ["≠", "8/10 (severe)", "7/10 (severe)"]
        assert rows["Note"] == ["≠", "first", "mum's edit"]
        assert rows["When"][0] == ""  # the same time on both sides
        await pilot.press("d")
        await settle(pilot)
        assert app.screen is form  # the only other version is dismissed: the dialog closes
        assert not form.query_one(OtherVersionLine).display
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is history
        assert not history.query_one(OtherVersionLine).display  # read again after the dismissal
    listed = CliRunner().invoke(cli, ["--db", str(db_path), "sync", "--conflicts"], catch_exceptions=False)
    assert listed.stdout.strip() == "No kept conflicts."
    with Diary.open(db_path, read_only=True) as diary:
        assert diary.profile("me").get_entry(entry_id).pain == 8  # the version in the diary stays


def _rows(table) -> list[list[str]]:
    """The cells of a Rich table, row by row, as plain text."""
    columns = [[str(cell) for cell in column.cells] for column in table.columns]
    return [list(row) for row in zip(*columns)]


@pilot_test
async def test_a_kept_checkin_is_shown_on_the_checkin_of_its_day(db_path, tmp_path):
    anna = tmp_path / "anna.db"
    with Diary.open(db_path) as diary:
        diary.profile("me").add_entry(Entry(at=AT, pain=5))
        diary.backup(anna)
    for path, pain in ((db_path, 3), (anna, 6)):  # each copy writes the day's check-in; Anna's later one wins
        with Diary.open(path) as diary:
            diary.profile("me").save_checkin(CheckIn(day=date(2026, 11, 20), peg_pain=pain, sleep=4, note="n"),
                                             today=date(2026, 11, 24))
    with Diary.open(db_path) as diary:
        sync_file(diary, anna, passphrase=_no_passphrase)
        [kept] = diary.sync_conflicts()
        [now] = diary.profile("me").checkins()
        assert diary.sync_conflicts(now.id) == [kept]  # found under the check-in that stands now (another id)
    lost = lost_record(kept)
    assert isinstance(lost, CheckIn)
    assert (lost.day, lost.peg_pain, lost.sleep, lost.note) == (date(2026, 11, 20), 3, 4, "n")
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert not screen.query_one(OtherVersionLine).display  # today's check-in: nothing kept
        screen.query_one("#day").value = "2026-11-20"
        screen.query_one("#day").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert _text(screen.query_one(OtherVersionLine)).startswith("Another version was kept from the sync of ")
        await pilot.press("ctrl+o")
        await settle(pilot)
        rows = {cells[0]: cells[1:] for cells in _rows(app.screen.query_one("#versions-both").content)}
        assert rows["Pain on average"] == ["≠", "6", "3"]
        assert rows["Sleep"] == ["", "4", "4"]
        await pilot.press("d")
        await settle(pilot)
        assert app.screen is screen and not screen.query_one(OtherVersionLine).display
    with Diary.open(db_path, read_only=True) as diary:
        assert diary.sync_conflicts() == []

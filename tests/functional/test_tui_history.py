"""History: a page at a time from a big diary; delete asks first and can be undone."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from osteotrack.demo import write_demo
from osteotrack.domain.records import Entry, Site, TherapyUse
from osteotrack.store import Diary
from osteotrack.tui.dialogs.ask_text import AskTextDialog
from osteotrack.tui.dialogs.confirm import ConfirmDialog
from osteotrack.tui.screens.history import PAGE, HistoryScreen
from tests.conftest import NOW, TZ
from tests.functional.tui_host import run_screen, settle
from tests.functional.tui_support import person


@pytest.fixture(scope="module")
def ten_years(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    write_demo(path, years=10, seed=1, end=date(2026, 11, 20))
    return path


def three_entries(path):
    """Three entries on two days, written out by hand."""
    with person(path) as diary:
        first = diary.add_entry(Entry(at=datetime(2026, 11, 22, 9, 0, tzinfo=TZ), pain=3,
                                      sites=[Site("lower-back", 3)], triggers=["walking"]), now=NOW)
        second = diary.add_entry(Entry(at=datetime(2026, 11, 23, 8, 30, tzinfo=TZ), pain=5,
                                       sites=[Site("mid-back", 6, "T8")], triggers=["bending"],
                                       therapies=[TherapyUse("heat", 60)], note="after gardening"), now=NOW)
        third = diary.add_entry(Entry(at=datetime(2026, 11, 23, 19, 0, tzinfo=TZ), pain=7,
                                      sites=[Site("rib-left", 7)],
                                      therapies=[TherapyUse("otc-pain-medication", 40, "ibuprofen", "400 mg")]),
                                now=NOW)
    return first, second, third


def test_a_ten_year_diary_is_read_a_page_at_a_time(ten_years):
    with person(ten_years, "Margaret", read_only=True) as margaret:
        total = margaret.count_entries()
        newest = [e.id for e in margaret.entries(limit=2 * PAGE)]
    assert total > 10_000
    seen = {}

    async def scenario(pilot):
        screen = pilot.app.screen
        seen["first"] = screen.table.row_count
        seen["first ids"] = [e.id for e in screen.entries]
        await pilot.press("ctrl+end")  # to the last row held: the next page is read
        await settle(pilot)
        seen["after end"] = screen.table.row_count
        seen["ids"] = [e.id for e in screen.entries]
        seen["status"] = str(screen.query_one("#status").render())

    run_screen(ten_years, HistoryScreen, scenario, profile="Margaret")
    assert seen["first"] == PAGE
    assert seen["first ids"] == newest[:PAGE]
    assert seen["after end"] == 2 * PAGE
    assert seen["ids"] == newest
    assert f"{total:,} entries" in seen["status"]


def test_go_to_a_day_years_back_holds_a_window_not_everything(ten_years):
    day = date(2020, 3, 3)
    with person(ten_years, "Margaret", read_only=True) as margaret:
        newer = margaret.count_entries(since=day + timedelta(days=1))  # entries after 3 March 2020
        target = margaret.entries(limit=1, offset=newer)[0]
        window = [e.id for e in margaret.entries(limit=2 * PAGE, offset=newer - PAGE)]
    seen = {}

    async def scenario(pilot):
        await pilot.press("g")
        await pilot.pause()
        await pilot.press(*"2020-03-03", "enter")
        await settle(pilot)
        screen = pilot.app.screen
        seen["cursor on"] = screen.current_entry.id
        seen["ids"] = [e.id for e in screen.entries]
        seen["start"] = screen.start
        await pilot.press("n")
        await settle(pilot)
        seen["newest start"], seen["newest rows"] = screen.start, screen.table.row_count

    run_screen(ten_years, HistoryScreen, scenario, profile="Margaret")
    assert target.at.date() == day  # the demo has entries that day
    assert seen["cursor on"] == target.id
    # The page from that day, and the page before it (read because the cursor sits at the top).
    assert seen["start"] == newer - PAGE
    assert seen["ids"] == window
    assert (seen["newest start"], seen["newest rows"]) == (0, PAGE)


def test_a_day_that_cannot_be_read_is_named_in_the_dialog(db_path):
    three_entries(db_path)
    seen = {}

    async def scenario(pilot):
        await pilot.press("g")
        await pilot.pause()
        await pilot.press(*"someday", "enter")
        await pilot.pause()
        dialog = pilot.app.screen
        seen["still asking"] = isinstance(dialog, AskTextDialog)
        seen["error"] = str(dialog.query_one("#error").render())

    run_screen(db_path, HistoryScreen, scenario)
    assert seen["still asking"]
    assert seen["error"] == ("Could not read the day 'someday'; use a date like 2026-11-23, 'today', "
                             "'yesterday' or a weekday.")


def test_each_day_is_named_once_newest_first(db_path):
    three_entries(db_path)
    rows = []

    async def scenario(pilot):
        table = pilot.app.screen.table
        rows.extend([str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count))

    run_screen(db_path, HistoryScreen, scenario)
    assert [r[:3] for r in rows] == [
        ["Mon 23 Nov 2026", "19:00", "7 severe"],
        ["", "08:30", "5 moderate"],
        ["Sun 22 Nov 2026", "09:00", "3 mild"],
    ]
    assert rows[0][3:] == ["Ribs, left 7", "", "ibuprofen 40%"]
    assert rows[1][3:] == ["Mid back T8 6", "bending", "Heat 60%"]


def test_delete_asks_first_and_undo_brings_the_entry_back(db_path):
    first, second, third = three_entries(db_path)
    seen = {}

    def stored():
        with person(db_path) as diary:
            return [e.id for e in diary.entries()]

    async def scenario(pilot):
        await pilot.press("down")  # the 08:30 entry
        await pilot.press("d")
        await pilot.pause()
        seen["asked"] = isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        seen["after no"] = stored()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        seen["after yes"] = stored()
        seen["rows after yes"] = pilot.app.screen.table.row_count
        await pilot.press("u")
        await settle(pilot)
        seen["after undo"] = stored()
        seen["cursor on"] = pilot.app.screen.current_entry.id

    run_screen(db_path, HistoryScreen, scenario)
    assert seen["asked"]
    assert seen["after no"] == [third.id, second.id, first.id]
    assert seen["after yes"] == [third.id, first.id]
    assert seen["rows after yes"] == 2
    assert seen["after undo"] == [third.id, second.id, first.id]
    assert seen["cursor on"] == second.id
    with person(db_path) as diary:
        assert diary.get_entry(second.id) == second


def test_read_only_offers_no_delete(db_path):
    three_entries(db_path)
    seen = {}

    async def scenario(pilot):
        await pilot.press("d")
        await pilot.pause()
        seen["screen"] = type(pilot.app.screen).__name__
        seen["offered"] = {active.binding.id for active in pilot.app.screen.active_bindings.values()}

    run_screen(db_path, HistoryScreen, scenario, read_only=True)
    assert seen["screen"] == "HistoryScreen"
    assert "history-delete" not in seen["offered"] and "history-refresh" in seen["offered"]
    with person(db_path) as diary:
        assert diary.count_entries() == 3


def test_an_empty_diary_says_so(db_path):
    Diary.open(db_path).close()
    seen = {}

    async def scenario(pilot):
        seen["status"] = str(pilot.app.screen.query_one("#status").render())

    run_screen(db_path, HistoryScreen, scenario)
    assert seen["status"].startswith("No entries yet.")


def test_enter_opens_the_entry_for_editing_and_the_list_shows_the_change(db_path):
    first, second, third = three_entries(db_path)
    seen = {}

    async def scenario(pilot):
        await pilot.press("down", "enter")
        await settle(pilot)
        seen["form"] = (type(pilot.app.screen).__name__, pilot.app.screen.entry_id)
        await pilot.press("8", "ctrl+s")
        await settle(pilot)
        screen = pilot.app.screen
        seen["back on"] = type(screen).__name__
        seen["row"] = [str(cell) for cell in screen.table.get_row_at(1)][1:3]
        seen["cursor on"] = screen.current_entry.id

    run_screen(db_path, HistoryScreen, scenario)
    assert seen["form"] == ("EntryScreen", second.id)
    assert seen["back on"] == "HistoryScreen"
    assert seen["row"] == ["08:30", "8 severe"]
    assert seen["cursor on"] == second.id
    with person(db_path) as diary:
        assert diary.get_entry(second.id).pain == 8

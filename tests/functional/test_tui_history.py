"""History: a page at a time from a big diary; delete asks first and can be undone."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from osteotrack import i18n
from osteotrack.demo import write_demo
from osteotrack.domain import dates
from osteotrack.domain.records import Entry, Site, TherapyUse
from osteotrack.store import Diary
from osteotrack.tui.dialogs.ask_text import AskTextDialog
from osteotrack.tui.dialogs.confirm import ConfirmDialog
from osteotrack.tui.screens.history import PAGE, WINDOW, HistoryScreen
from tests.conftest import NOW, TZ
from tests.functional.tui_host import run_screen, settle
from tests.functional.tui_support import person


@pytest.fixture(scope="module")
def months(tmp_path_factory):
    """About 440 of Margaret's entries (five pages), and the same diary's profiles of the demo."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    write_demo(path, years=0.4, seed=1, end=date(2026, 11, 20))
    return path


def in_history_order(path) -> list[Entry]:
    """Margaret's entries as History lists them: newest first (moment, then id, for entries of one moment)."""
    with person(path, "Margaret", read_only=True) as margaret:
        return sorted(margaret.entries(), key=lambda e: (e.at, e.id), reverse=True)


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


def test_scrolled_to_the_end_and_back_a_window_of_pages_is_held(months):
    every = [e.id for e in in_history_order(months)]
    assert len(every) > 4 * PAGE  # enough for the window to let pages go
    seen: dict = {"windows": []}

    def window(screen) -> list[str]:
        held = [e.id for e in screen.entries]
        assert screen.table.row_count == len(held)  # the list shows what is held
        assert [str(screen.table.get_row_at(i)[1]) for i in range(len(held))] == [
            dates.clock(e.at) for e in screen.entries]
        first_day = str(screen.table.get_row_at(0)[0])
        assert first_day == dates.weekday_day_year(screen.entries[0].at.date())  # the top row names its day
        return held

    async def scenario(pilot):
        screen = pilot.app.screen
        seen["first"] = window(screen)
        while not screen.at_oldest:
            await pilot.press("ctrl+end")  # to the last row held: the page after it is read
            await settle(pilot)
            seen["windows"].append(window(screen))
        seen["cursor on the last read"] = screen.current_entry.id
        await pilot.press("ctrl+end")  # nothing is left to read
        await settle(pilot)
        seen["at the end"] = window(screen)
        seen["cursor"] = screen.current_entry.id
        seen["status"] = str(screen.query_one("#status").render())
        await pilot.press("ctrl+home")  # to the first row held: the page before it is read
        await settle(pilot)
        seen["back up"] = window(screen)
        await pilot.press("n")
        await settle(pilot)
        seen["newest"] = window(screen)

    run_screen(months, HistoryScreen, scenario, profile="Margaret")
    assert seen["first"] == every[:PAGE]
    for held in seen["windows"]:
        assert len(held) <= WINDOW
        start = every.index(held[0])
        assert held == every[start:start + len(held)]  # one unbroken stretch of the diary, in order
    assert seen["windows"][-1] == every[-WINDOW:]  # the end reached, the far pages let go
    # Each page read keeps the cursor on its entry; the last key goes to the oldest entry.
    assert seen["cursor on the last read"] == seen["windows"][-2][-1]
    assert seen["at the end"] == every[-WINDOW:] and seen["cursor"] == every[-1]
    assert seen["status"].startswith(f"{len(every)} entries · from ") and seen["status"].endswith("n: the newest")
    # Up from the top of that window: the page before it comes back and the oldest page goes.
    assert seen["back up"] == every[-WINDOW - PAGE:-PAGE]
    assert seen["newest"] == every[:PAGE]


def test_go_to_a_day_months_back_shows_that_day_with_a_page_above_it(months):
    day = date(2026, 9, 1)
    every = in_history_order(months)
    target = next(i for i, e in enumerate(every) if e.at.date() <= day)  # the newest entry of 1 Sep or before
    seen = {}

    async def scenario(pilot):
        await pilot.press("g")
        await pilot.pause()
        await pilot.press(*"2026-09-01", "enter")
        await settle(pilot)
        screen = pilot.app.screen
        seen["cursor on"] = screen.current_entry.id
        seen["ids"] = [e.id for e in screen.entries]
        seen["day cell"] = str(screen.table.get_row_at(screen.table.cursor_row)[0])
        seen["detail"] = str(screen.query_one("#detail").render())

    run_screen(months, HistoryScreen, scenario, profile="Margaret")
    assert every[target].at.date() == day  # the demo has entries that day
    assert seen["cursor on"] == every[target].id
    # The page from that day back, and the page before it (so the cursor can go up at once).
    assert seen["ids"] == [e.id for e in every[target - PAGE:target + PAGE]]
    assert seen["day cell"] == "Tue 1 Sep 2026"  # the day's newest entry names its day
    assert "1 Sep 2026" in seen["detail"]  # the entry in full below


def test_delete_and_undo_across_the_boundary_of_two_pages(months):
    every = [e.id for e in in_history_order(months)]
    last_of_first_page = every[PAGE - 1]
    seen = {}

    async def scenario(pilot):
        screen = pilot.app.screen
        screen.table.move_cursor(row=PAGE - 1)  # near the end: the second page is read
        await settle(pilot)
        seen["held"] = [e.id for e in screen.entries]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        seen["after delete"] = [e.id for e in screen.entries]
        seen["cursor after delete"] = screen.current_entry.id
        await pilot.press("u")
        await settle(pilot)
        seen["after undo"] = [e.id for e in screen.entries]
        seen["cursor after undo"] = screen.current_entry.id

    run_screen(months, HistoryScreen, scenario, profile="Margaret")
    try:
        assert seen["held"] == every[:2 * PAGE]
        # The entry read with the second page moves up into the deleted one's row; one more comes from beyond.
        assert seen["after delete"] == every[:PAGE - 1] + every[PAGE:2 * PAGE + 1]
        assert seen["cursor after delete"] == every[PAGE]
        assert seen["after undo"] == every[:2 * PAGE]
        assert seen["cursor after undo"] == last_of_first_page
    finally:
        assert [e.id for e in in_history_order(months)] == every  # nothing lost for the tests after this one


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


def test_in_german_the_table_speaks_german_and_the_day_column_fits_the_longest_day(db_path):
    three_entries(db_path)
    seen = {}

    async def scenario(pilot):
        screen = pilot.app.screen
        seen["headings"] = [str(heading) for heading in screen.table.headings]
        seen["day width"] = screen.table.widths[0]
        seen["first row"] = [str(cell) for cell in screen.table.get_row_at(0)][:2]
        seen["status"] = str(screen.query_one("#status").render())

    with i18n.speaking("de"):
        run_screen(db_path, HistoryScreen, scenario)
    assert seen["headings"] == ["Tag", "Zeit", "Schmerz", "Wo", "Auslöser", "Versucht"]
    assert seen["first row"] == ["Mo., 23. Nov. 2026", "19:00"]
    # German's longest day, e.g. "Mi., 23. Sept. 2026" (CLDR's "Sept."), is 19 characters: it is never cut.
    assert seen["day width"] == len("Mi., 23. Sept. 2026")
    assert seen["status"] == "3 Einträge, neueste zuerst"


def test_a_year_scrolled_to_the_oldest_entry_holds_one_window_and_go_to_day_still_lands(tmp_path):
    """Issue 15: however far back the list goes, it holds at most WINDOW rows (a list that kept every page
    read would hold all 1,100-odd here), and going to a day after the long scroll still finds it."""
    path = tmp_path / "a-year.db"
    write_demo(path, years=1, seed=3, end=date(2026, 11, 20))
    every = in_history_order(path)
    assert len(every) > 3 * WINDOW  # far more entries than the window holds
    day = every[len(every) // 2].at.date()  # a day in the middle of the year
    target = next(i for i, e in enumerate(every) if e.at.date() <= day)  # that day's newest entry
    seen: dict = {"most rows": 0, "most lines drawn": 0}

    async def scenario(pilot):
        screen = pilot.app.screen
        rows = screen.table
        while not screen.at_oldest:
            last = screen.entries[-1]
            await pilot.press("end")  # to the last row held: the page beyond it is read
            while screen.entries[-1] is last or screen._reading:
                await pilot.pause(0.005)
            seen["most rows"] = max(seen["most rows"], rows.row_count, len(screen.entries))
            seen["most lines drawn"] = max(seen["most lines drawn"], len(rows._lines))
        await pilot.press("end")
        await settle(pilot)
        seen["last"] = screen.current_entry.id
        await pilot.press("g")
        await pilot.pause()
        await pilot.press(*day.isoformat(), "enter")
        await settle(pilot)
        seen["cursor on"] = screen.current_entry.id
        seen["day cell"] = str(rows.get_row_at(rows.cursor_row)[0])
        seen["held"] = len(screen.entries)

    run_screen(path, HistoryScreen, scenario, profile="Margaret")
    assert seen["most rows"] == WINDOW  # full, never more
    assert seen["most lines drawn"] <= 256  # the lines kept drawn are bounded too (RowList's cache)
    assert seen["last"] == every[-1].id  # the oldest entry reached
    assert seen["cursor on"] == every[target].id
    assert seen["day cell"] == dates.weekday_day_year(day)  # the day's newest entry names its day
    assert seen["held"] == 2 * PAGE  # the page from that day back and the page above it

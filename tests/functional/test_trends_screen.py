"""The Trends screen in a tiny host app: range picker, worker, tables, inline errors, refresh, snapshots."""

from __future__ import annotations

import asyncio
import functools
import threading
from contextlib import asynccontextmanager
from datetime import date, datetime
from pathlib import Path

import pytest
from rich.console import Console
from textual.app import App
from textual.widgets import Input, Label, Static

from osteotrack.domain.records import Entry
from osteotrack.store import Diary
from osteotrack.tui.screens.trends import TrendsScreen
from osteotrack.tui.widgets.ticks import ChoiceLine
from osteotrack.views import terminal_charts as charts
from tests import trends_diary
from tests.functional.tui_host import whose
from tests.trends_diary import CET, at, log


class Host(App):
    """Stands in for the app shell: the attributes every screen reads, and its clock."""

    def __init__(self, diary_path: Path, profile: str | None = None, read_only: bool = False):
        super().__init__()
        self.diary_path, self.profile, self.read_only = diary_path, profile, read_only
        self.profile_id, self.profile_problem = whose(diary_path, profile)

    def now(self) -> datetime:
        return datetime(2026, 11, 20, 10, 0, tzinfo=CET)

    def on_mount(self) -> None:
        self.push_screen(TrendsScreen())


@pytest.fixture
def small(db_path):
    with Diary.open(db_path) as diary:
        trends_diary.build(diary)
    return db_path


def sync(test):
    """Run an async Pilot test without an asyncio pytest plugin."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        asyncio.run(test(*args, **kwargs))

    return run


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def text(screen, selector: str) -> str:
    widget = screen.query_one(selector)
    content = widget.render()
    return str(content) if not hasattr(content, "plain") else content.plain


async def show_week(pilot) -> None:
    """Pick the custom range 10–16 Nov 2026 and wait for its figures."""
    screen = pilot.app.screen
    screen.query_one("#since", Input).value = "2026-11-10"
    screen.query_one("#until", Input).value = "2026-11-16"
    await pilot.click("#apply")
    await settle(pilot)


@asynccontextmanager
async def week_shown(path: Path, size=(120, 40), **host):
    """The host app at a fixed size with the Trends screen showing 10–16 Nov 2026."""
    app = Host(path, **host)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await show_week(pilot)
        yield pilot


async def table_text(pilot, name: str) -> str:
    """The table ``name`` as text, once the tab that holds it has been shown (each is composed when first shown)."""
    from osteotrack.tui.screens.trends import TABS

    screen = pilot.app.screen
    screen.query_one("#tabs").active = "tab-" + next(tab for tab, _, _, tables in TABS if name in tables)
    await settle(pilot)
    return rendered(screen, f"#table-{name}")


def rendered(screen, selector: str) -> str:
    """What a Static shows (a table, say), as plain text 100 columns wide."""
    console = Console(width=100, record=True, color_system=None)
    console.print(screen.query_one(selector, Static).content)
    return console.export_text()


@sync
async def test_custom_range_shows_figures_with_counts(small):
    async with week_shown(small) as pilot:
        screen = pilot.app.screen
        summary = text(screen, "#summary")
        assert "me · 10–16 Nov 2026 · 5 of 7 days logged · 6 entries" in summary
        # Average daily pain (5 + 2 + 8 + 3 + 5) / 5 = 4.6; against 9.0 before: 4.6 - 9.0 = -4.4.
        assert "average daily pain 4.6, worst 8, least 2 · -4.4 against the 7 days before" in summary
        assert "do not say what caused the pain" in summary
        assert screen.query_one("#range", ChoiceLine).chosen == "custom"
        assert text(screen, "#key-pain").startswith("^ worst  v least  o mean")
        locations = await table_text(pilot, "locations")
        assert "Lower back" in locations and "60%" in locations and "6.0" in locations
        medication = await table_text(pilot, "medication")
        assert "4 of 7" in medication and "2 days (13–14 Nov 2026)" in medication
        assert "Fracture mid back T8" in await table_text(pilot, "events")


@sync
async def test_named_range_from_the_picker(small):
    app = Host(small)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.query_one("#range", ChoiceLine).choose("2w")
        await settle(pilot)
        # 7–20 Nov: entries on 9, 10 (two), 12, 13, 14, 16 and 17.
        assert "7–20 Nov 2026 · 7 of 14 days logged · 8 entries" in text(app.screen, "#summary")


@sync
async def test_a_bad_custom_range_is_an_inline_message(small):
    async with week_shown(small) as pilot:
        screen = pilot.app.screen
        screen.query_one("#since", Input).value = "2026-11-16"
        screen.query_one("#until", Input).value = "2026-11-10"
        await pilot.click("#apply")
        await settle(pilot)
        error = screen.query_one("#range-error", Label)
        assert error.display and "The since day (2026-11-16) is after the until day (2026-11-10)" in text(
            screen, "#range-error")
        assert "5 of 7 days logged" in text(screen, "#summary")  # the last good figures stay


@sync
async def test_refresh_shows_a_new_entry_and_profile_is_respected(small):
    async with week_shown(small, profile="Ann", read_only=True) as pilot:
        app = pilot.app
        assert "Ann · 10–16 Nov 2026 · 1 of 7 days logged · 1 entry" in text(
            app.screen, "#summary")
        with Diary.open(small) as diary:
            log(diary, at(11, 9), 2, profile_id=diary.profile_id("Ann"))
        await pilot.press("r")
        await settle(pilot)
        assert "2 of 7 days logged · 2 entries" in text(app.screen, "#summary")


@sync
async def test_entries_logged_elsewhere_show_up_without_a_key(small):
    async with week_shown(small) as pilot:
        app = pilot.app
        app.screen.check_for_changes()
        await settle(pilot)
        assert "5 of 7 days logged · 6 entries" in text(app.screen, "#summary")  # nothing changed yet
        with Diary.open(small) as diary:  # as `osteotrack log` in another terminal would
            log(diary, at(15, 9), 4)
        app.screen.check_for_changes()  # what the screen's timer calls every few seconds
        await settle(pilot)
        await settle(pilot)
        assert "6 of 7 days logged · 7 entries" in text(app.screen, "#summary")


@sync
async def test_bone_care_recorded_elsewhere_is_seen_by_the_watch(small):
    from osteotrack.domain.bone import Dose, Height, Treatment

    with Diary.open(small) as diary:
        me = diary.profile(diary.active_profile())
        me.add_treatment(Treatment("alendronate", "1w", datetime(2026, 11, 9).date()), now=at(16, 20))
    async with week_shown(small) as pilot:
        app = pilot.app
        [before] = app.screen.result.bone.treatments
        assert before.doses == 0
        with Diary.open(small) as diary:  # as `osteotrack dose alendronate` in another terminal would
            me = diary.profile(diary.active_profile())
            me.add_dose(Dose("alendronate", at(12, 8)), now=at(16, 20))
        app.screen.check_for_changes()  # what the screen's timer calls every few seconds
        await settle(pilot)
        await settle(pilot)
        # Due Mon 9 Nov (the start), taken Thu 12 Nov: one dose in 10–16 Nov, 3 days late.
        [after] = app.screen.result.bone.treatments
        assert (after.doses, after.late, after.longest_delay) == (1, 1, 3)
        with Diary.open(small) as diary:  # a height is bone care too
            diary.profile(diary.active_profile()).add_height(Height(at(13, 9), 1620), now=at(16, 20))
        app.screen.check_for_changes()
        await settle(pilot)
        await settle(pilot)
        assert [h.mm for h in app.screen.result.bone.heights] == [1620]


@sync
async def test_a_missing_diary_is_an_inline_message(tmp_path):
    app = Host(tmp_path / "missing.db", read_only=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "There is no diary at" in text(app.screen, "#range-error")
        assert not (tmp_path / "missing.db").exists()


@sync
async def test_narrow_terminal_stacks_numbers_under_the_chart(small):
    app = Host(small)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        assert app.screen.has_class("narrow")


def test_snapshot_pain_tab(small, snap_compare):
    assert snap_compare(Host(small), terminal_size=(120, 40), run_before=show_week)


def test_snapshot_triggers_tab_at_80_columns(small, snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await show_week(pilot)
        pilot.app.screen.query_one("#tabs").active = "tab-triggers"
        await settle(pilot)

    assert snap_compare(Host(small), terminal_size=(80, 40), run_before=run_before)


@sync
async def test_all_says_there_is_no_earlier_period_instead_of_comparing_with_an_empty_one(small):
    app = Host(small)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.query_one("#range", ChoiceLine).choose("all")
        await settle(pilot)
        assert "no earlier period to compare with" in text(app.screen, "#summary")
        assert "against the" not in text(app.screen, "#summary")
        summary = " ".join((await table_text(pilot, "summary")).split())
        assert "No earlier period to compare with" in summary
        assert "previous" not in summary and "change" not in summary and "+" not in summary


@pytest.mark.parametrize("width", [100, 130, 160])
def test_every_table_is_shown_whole_beside_its_chart_or_under_it(small, width):
    from rich.measure import Measurement

    from osteotrack.tui.screens.trends import TABS

    cut = []

    async def main():
        app = Host(small)
        async with app.run_test(size=(width, 40)) as pilot:
            await settle(pilot)
            screen = app.screen
            for tab, _, _, table_names in TABS:
                screen.query_one("#tabs").active = f"tab-{tab}"
                await settle(pilot)
                for name in table_names:
                    widget = screen.query_one(f"#table-{name}", Static)
                    if not widget.display:
                        continue
                    console = app.console
                    need = Measurement.get(console, console.options, widget.content).maximum
                    if need > widget.content_region.width:
                        cut.append((tab, name, need, widget.content_region.width))

    asyncio.run(main())
    assert cut == []


@sync
async def test_tabs_are_composed_when_first_shown_and_years_are_charted_by_month(small):
    with Diary.open(small) as diary:  # one entry long before the hand-built week: "All" spans years
        diary.profile("me").add_entry(Entry(at=datetime(2025, 3, 3, 9, tzinfo=CET), pain=4),
                                      now=datetime(2026, 11, 20, 10, 0, tzinfo=CET))
    app = Host(small)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.composed == {"pain"}  # only the tab shown
        assert not screen.result.daily.made()  # its chart reads the daily figure's columns: no day made for it
        assert not screen.query("#heat-map") and not screen.query("#table-events")
        screen.query_one("#range", ChoiceLine).choose("all")
        await settle(pilot)
        points = charts.pain_points(screen.result)
        # Logged days in November 2026 (tests/trends_diary.py): 9th 9; 10th 4 and 6 (worst 6, least 4,
        # mean 5); 12th 2; 13th 8; 14th 3; 16th 5; 17th 10. The month's point: mean of the daily means
        # (9 + 5 + 2 + 8 + 3 + 5 + 10) / 7 = 42 / 7 = 6; of the worst (9 + 6 + 2 + 8 + 3 + 5 + 10) / 7 = 43 / 7.
        # March 2025 starts, inside "All", on the first entry's day.
        assert [(p.first, p.days, p.mean) for p in points] == [(date(2025, 3, 3), 1, 4),
                                                               (date(2026, 11, 1), 7, 6)]
        assert points[1].worst == pytest.approx(43 / 7) and points[1].last == date(2026, 11, 20)
        days = (date(2026, 11, 20) - date(2025, 3, 3)).days + 1  # 628: 3 Mar 2025 to today, both counted
        assert text(screen, "#key-pain").splitlines()[1] == (
            f"each point: a month, mean of its logged days; 8 of {days} days logged")
        screen.query_one("#tabs").active = "tab-calendar"
        await settle(pilot)
        assert screen.composed == {"pain", "calendar"} and screen.result.daily.made()
        calendar = text(screen, "#heat-map")
        assert "Mar 2025" in calendar and "Nov 2026" in calendar


@sync
async def test_a_tab_shown_again_shows_the_range_chosen_meanwhile_and_no_loading_indicator_stays(small, monkeypatch):
    from osteotrack.tui.screens import trends as trends_screen

    monkeypatch.setattr(trends_screen, "LOADING_AFTER", 0.01)  # the indicator's delay, however the figures come
    app = Host(small)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        tabs = screen.query_one("#tabs")
        tabs.active = "tab-calendar"
        await settle(pilot)
        assert "Aug 2026" in text(screen, "#heat-map")  # 3 months: 21 Aug to 20 Nov 2026
        tabs.active = "tab-pain"
        await settle(pilot)
        screen.query_one("#range", ChoiceLine).choose("all")
        await settle(pilot)
        assert screen.stale == {"calendar"}  # drawn when shown, not while hidden
        tabs.active = "tab-calendar"
        await settle(pilot)
        # All: from the first entry, 9 Nov 2026 (tests/trends_diary.py).
        assert "Aug 2026" not in text(screen, "#heat-map") and not screen.stale
        await pilot.pause(0.05)
        assert not tabs.loading


@sync
async def test_range_and_tabs_answer_keys_and_clicks(small):
    app = Host(small)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        picker, tabs = screen.query_one("#range", ChoiceLine), screen.query_one("#tabs")
        assert screen.focused is picker  # first in the focus order, as the radio set was
        await pilot.press("right", "enter")  # from 3 months (in force) to 1 year
        await settle(pilot)
        assert screen.range_ == "1y" and "21 Nov 2025 – 20 Nov 2026 · 7 of 365 days" in text(screen, "#summary")
        start, _end = picker.spans()[0]
        await pilot.click("#range", offset=(start + 4, 0))  # on "2 weeks"
        await settle(pilot)
        assert screen.range_ == "2w" and "7–20 Nov 2026" in text(screen, "#summary")
        await pilot.press("tab", "tab", "tab", "tab")  # past since, until and Show to the tabs
        assert screen.focused is tabs.bar
        await pilot.press("left")  # before the first tab, the last
        await settle(pilot)
        assert tabs.active == "tab-events" and screen.query_one("#pane-events").display
        assert "Fracture mid back T8" in await table_text(pilot, "events")
        start, end = tabs.bar.spans()[2]
        await pilot.click("#tabs TabBar", offset=(start + 1, 1))  # on the bar under "Where"
        await settle(pilot)
        assert tabs.active == "tab-locations" and screen.query_one("#pane-locations").display
        assert not screen.query_one("#pane-events").display and not screen.query_one("#pane-pain").display


@sync
async def test_the_tab_in_sight_shows_its_figures_before_the_other_tabs_are_worked_out(small, monkeypatch):
    from osteotrack.tui.screens import trends as trends_screen

    rest = threading.Event()  # the figures of the other tabs are held back until it is set
    every_figure = trends_screen.trends

    def held_back(person, period, pain=None):
        rest.wait(10)
        return every_figure(person, period, pain)

    monkeypatch.setattr(trends_screen, "trends", held_back)
    app = Host(small)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        for _ in range(500):  # up to 5 s for the figures of pain
            if screen.pain is not None:
                break
            await pilot.pause(0.01)
        await pilot.pause()
        assert screen.result is None  # the other tabs' figures are still being worked out
        # 3 months to 20 Nov 2026 hold every entry of tests/trends_diary.py: 9th 9; 10th 4 and 6 (mean 5); 12th 2;
        # 13th 8; 14th 3; 16th 5; 17th 10. Average daily pain (9 + 5 + 2 + 8 + 3 + 5 + 10) / 7 = 42 / 7 = 6.0.
        assert "7 of 92 days logged · 8 entries · average daily pain 6.0, worst 10, least 2" in text(screen, "#summary")
        assert " mean pain             6.0 \n worst                  10 \n" in rendered(screen, "#table-summary")
        assert "each day; 7 of 92 days logged" in text(screen, "#key-pain")
        screen.query_one("#tabs").active = "tab-locations"
        await pilot.pause()
        assert not rendered(screen, "#table-locations").strip()  # shown, and drawn once its figures come
        rest.set()
        await settle(pilot)
        assert screen.result.summary == screen.pain.summary and not screen.stale
        assert "lower back" in rendered(screen, "#table-locations").lower()

"""Bone care reaches Today: a line for a dose due or late, and the monthly falls check and impression of
change offered there and answered in a small form on the Bone care screen (Pilot, in a host app)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from textual.widgets import Select, Static

from osteotrack.domain.bone import Dose, FallsCheck, Impression, Treatment
from osteotrack.tui.dialogs.monthly_check import MonthlyCheckDialog
from osteotrack.tui.screens.bone import BoneCareScreen
from tests.conftest import NOW, TZ
from tests.functional.helpers import digest
from tests.functional.tui_host import run_screen, settle
from tests.functional.tui_support import app_for, person, pilot_test


def late_alendronate(db_path, checked_days_ago: int | None = None):
    """Weekly alendronate taken Mon 16 Nov: due Mon 23 Nov, so 1 day late on Tue 24 Nov (the tests' now)."""
    with person(db_path) as me:
        me.add_treatment(Treatment("alendronate", "1w", date(2026, 11, 2), dose="70 mg"), now=NOW)
        me.add_dose(Dose("alendronate", datetime(2026, 11, 16, 8, tzinfo=TZ)), now=NOW)
        if checked_days_ago is not None:
            then = NOW - timedelta(days=checked_days_ago)
            me.add_falls_check(FallsCheck(then, False, False, False), now=NOW)
            me.add_impression(Impression(then, 4), now=NOW)
    return db_path


def bone_line(app) -> tuple[bool, str]:
    line = app.screen.query_one("#bone-due", Static)
    return line.display, str(line.render())


async def today(db_path, tmp_path, **options) -> tuple[bool, str]:
    """The Today screen's bone-care line as the app shows it on start."""
    app = app_for(db_path, tmp_path, **options)
    async with app.run_test(size=(90, 30)) as pilot:
        await settle(pilot)
        return bone_line(app)


@pilot_test
async def test_today_says_a_dose_is_late_and_offers_the_monthly_questions(db_path, tmp_path):
    shown, text = await today(late_alendronate(db_path), tmp_path)
    assert shown
    # Due Monday 23 Nov, today Tuesday 24 Nov: one day late.
    assert text.splitlines() == [
        "Alendronate was due Mon 23 Nov — 1 day late.",
        "Time for the falls check and your impression of change: press f, then m.",
    ]


@pilot_test
async def test_today_is_quiet_when_bone_care_is_up_to_date(db_path, tmp_path):
    with person(db_path) as me:
        me.add_treatment(Treatment("alendronate", "1w", date(2026, 11, 2)), now=NOW)
        me.add_dose(Dose("alendronate", NOW - timedelta(hours=1)), now=NOW)  # next due in a week
        # Answered 30 days ago: not more than a month, so not offered yet.
        me.add_falls_check(FallsCheck(NOW - timedelta(days=30), False, True, False), now=NOW)
        me.add_impression(Impression(NOW - timedelta(days=30), 3), now=NOW)
    assert await today(db_path, tmp_path) == (False, "")


@pilot_test
async def test_the_monthly_offer_names_only_what_is_due_and_not_in_read_only(db_path, tmp_path):
    with person(late_alendronate(db_path, checked_days_ago=31)) as me:
        me.add_impression(Impression(NOW - timedelta(days=2), 3), now=NOW)
    # The falls check is 31 days old (over 30): offered; the impression is 2 days old: not.
    _, text = await today(db_path, tmp_path)
    assert text.splitlines()[1:] == ["Time for the falls check: press f, then m."]
    _, text = await today(db_path, tmp_path, read_only=True)
    assert text.splitlines() == ["Alendronate was due Mon 23 Nov — 1 day late."]  # read-only: no offer


@pilot_test
async def test_from_today_f_then_m_records_the_falls_check_and_the_impression(db_path, tmp_path):
    app = app_for(late_alendronate(db_path), tmp_path)
    async with app.run_test(size=(90, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, MonthlyCheckDialog)
        for key, value in (("fell", False), ("unsteady", True), ("worried", True), ("impression", 3)):
            dialog.query_one(f"#{key}", Select).value = value
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, BoneCareScreen)
        assert "Falls check" in str(app.screen.query_one("#bone-lines", Static).render())
        await pilot.press("escape")
        await settle(pilot)
        assert bone_line(app)[1].splitlines() == ["Alendronate was due Mon 23 Nov — 1 day late."]
    with person(db_path, read_only=True) as me:
        [check] = me.falls_checks()
        [impression] = me.impressions()
    assert (check.at, check.fell, check.unsteady, check.worried) == (NOW, False, True, True)
    assert (impression.at, impression.score, impression.since_start_of) == (NOW, 3, None)


def test_a_half_answered_falls_check_is_refused_in_the_form(db_path):
    before = digest(late_alendronate(db_path))
    seen = {}

    async def answer(pilot):
        await pilot.press("m")
        await settle(pilot)
        pilot.app.screen.query_one("#fell", Select).value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        seen["screen"] = type(pilot.app.screen)
        seen["error"] = str(pilot.app.screen.query_one("#form-error").render())

    run_screen(db_path, BoneCareScreen, answer)
    assert seen["screen"] is MonthlyCheckDialog
    assert seen["error"] == "Answer all three questions of the falls check, or none of them."
    assert digest(db_path) == before

"""State in words or [x] / [ ], never by colour alone; the highlight sits on what is in force."""

from __future__ import annotations

from osteotrack.tui.screens.report import ReportScreen
from osteotrack.tui.screens.trends import TrendsScreen
from tests.functional.tui_host import run_screen, settle
from tests.functional.tui_support import app_for, open_entry_form, pilot_test


def test_report_sections_say_ticked_and_unticked_apart(empty):
    seen = {}

    async def scenario(pilot):
        sections = pilot.app.screen.query_one("#sections")
        sections.focus()
        await pilot.press("space")  # untick the first section
        await settle(pilot)
        seen["lines"] = [sections.render_line(y).text for y in range(2)]

    run_screen(empty, ReportScreen, scenario)
    first, second = seen["lines"]
    assert first.startswith("[ ] ") and second.startswith("[x] "), seen["lines"]


def test_the_range_picker_marks_and_highlights_the_range_shown(empty):
    seen = {}

    async def scenario(pilot):
        screen = pilot.app.screen
        picker = screen.query_one("#range")
        seen["shown"] = screen.range_
        seen["highlighted"] = picker.choices[picker.highlighted][0]
        seen["line"] = picker.render().plain

    run_screen(empty, TrendsScreen, scenario, size=(120, 36))
    assert seen["shown"] == "3m"
    assert seen["highlighted"] == "3m"
    assert seen["line"].rstrip() == "( ) 2 weeks  (•) 3 months  ( ) 1 year  ( ) All  ( ) Custom"


@pilot_test
async def test_for_my_doctor_reads_no_then_yes(existing, tmp_path):
    app = app_for(existing, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_entry_form(pilot)
        box = form.query_one("#doctor")
        assert str(box.render()).startswith("[ ]") and "For my doctor: no" in str(box.render())
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert str(box.render()).startswith("[x]") and "For my doctor: yes" in str(box.render())

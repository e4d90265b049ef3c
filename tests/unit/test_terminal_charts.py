"""The terminal charts: readable without colour, within 80 columns, showing the figures they are given."""

from __future__ import annotations

import pytest

from osteotrack import analysis
from osteotrack.analysis import Period
from osteotrack.views import terminal_charts as charts
from tests import trends_diary
from tests.support import active
from tests.trends_diary import PERIOD


@pytest.fixture
def week(diary):
    trends_diary.build(diary)
    return analysis.trends(active(diary), PERIOD)


def test_heat_map_shades_each_day_by_its_mean_pain_band(week):
    lines = charts.heat_map(week, colour=False).plain.splitlines()
    # 10: mean 5 (moderate), 11: none logged, 12: 2 (mild), 13: 8 (severe), 14: 3 (mild), 15: none, 16: 5.
    assert lines[1] == "Nov 2026 " + "  " * 9 + "▒▒" + "  " + "░░" + "██" + "░░" + "  " + "▒▒" + "  " * 14
    assert lines[-1].startswith("· none  ░ mild 1–3  ▒ moderate 4–6  █ severe 7–10")


@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_every_chart_fits_80_columns_and_has_no_colour_codes(week, name):
    text = charts.render(charts.CHARTS[name], week, width=80, height=20)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "\x1b" not in text


def test_pain_chart_marks_series_and_events_with_characters(week):
    text = charts.render(charts.draw_pain, week, width=80, height=20)
    body, key = text.rsplit("\n", 3)[0], text.splitlines()[-3:]
    for marker in ("^", "v", "o", "X", "F"):
        assert marker in body
    assert key == ["^ worst  v least  o mean  ▞ 7-day rolling mean", "each day; 5 of 7 days logged",
                   "events: F fall, X fracture"]


def test_lines_break_where_days_have_no_entries():
    assert charts._runs([0, 2, 3, 4, 6]) == [[0], [2, 3, 4], [6]]
    assert charts._runs([]) == []


def test_long_ranges_are_drawn_in_whole_weeks_and_only_major_events():
    assert charts.pain_step(100) == 1
    assert charts.pain_step(365) == 7
    assert charts.pain_step(3653) == 49  # at most 75 points
    assert charts.MAJOR_EVENTS == ("fall", "fracture", "procedure")


def test_triggers_chart_shows_with_and_without_markers(week):
    text = charts.render(charts.draw_triggers, week, width=80, height=16)
    assert "●" in text and "○" in text and "Bending" in text
    assert text.splitlines()[-1] == "● with the trigger  ○ without it  (mean pain of 6 entries; no cause implied)"


def test_charts_of_an_empty_range_still_draw(diary):
    empty = analysis.trends(active(diary), Period(PERIOD.since, PERIOD.since))
    for draw in charts.CHARTS.values():
        assert charts.render(draw, empty, width=60, height=12)
    assert "blank: no entry" in charts.heat_map(empty).plain

"""The terminal charts: readable without colour, within 80 columns, showing the figures they are given."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osteotrack import analysis
from osteotrack.analysis import Period
from osteotrack.analysis.results import DailyPain
from osteotrack.domain.records import Entry
from osteotrack.views import terminal_charts as charts
from tests import trends_diary
from tests.conftest import NOW, TZ
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


def _months_apart(diary):
    """Five entries on four days in three months of 2025, written by hand (UTC+01:00)."""
    person = active(diary)
    for (month, day, hour), pain in [((3, 3, 9), 4), ((3, 3, 20), 6), ((3, 5, 9), 2), ((4, 10, 9), 7),
                                     ((6, 1, 9), 3)]:
        person.add_entry(Entry(at=datetime(2025, month, day, hour, tzinfo=TZ), pain=pain), now=NOW)
    return person


def test_over_a_year_each_point_is_a_calendar_month(diary):
    # 1 Jan 2025 – 20 Nov 2026: 689 days, more than a year, so one point per month.
    result = analysis.trends(_months_apart(diary), Period(date(2025, 1, 1), date(2026, 11, 20)))
    points = charts.pain_points(result)
    # The days: 3 Mar worst 6, least 4, mean (4 + 6) / 2 = 5; 5 Mar 2/2/2; 10 Apr 7/7/7; 1 Jun 3/3/3.
    # March: worst (6 + 2) / 2 = 4, least (4 + 2) / 2 = 3, mean (5 + 2) / 2 = 3.5 over 2 logged days; the
    # 7-day rolling mean on its last logged day (5 Mar: days 27 Feb – 5 Mar) is (5 + 2) / 2 = 3.5.
    assert [(p.first, p.last, p.worst, p.least, p.mean, p.rolling_mean, p.days) for p in points] == [
        (date(2025, 3, 1), date(2025, 3, 31), 4, 3, 3.5, 3.5, 2),
        (date(2025, 4, 1), date(2025, 4, 30), 7, 7, 7, 7, 1),
        (date(2025, 6, 1), date(2025, 6, 30), 3, 3, 3, 3, 1),
    ]
    # May has no entry: the line breaks there.
    assert [[p.first.month for p in run] for run in charts._runs_of(points, "month")] == [[3, 4], [6]]
    key = charts.render(charts.draw_pain, result).splitlines()[-1]  # no events: the last line of the key
    assert key == "each point: a month, mean of its logged days; 4 of 689 days logged"


def test_over_a_quarter_year_each_point_is_a_week_from_monday(diary):
    # 1 Feb – 30 Jun 2025: 150 days, between a quarter year (100 days) and a year: one point per week.
    result = analysis.trends(_months_apart(diary), Period(date(2025, 2, 1), date(2025, 6, 30)))
    points = charts.pain_points(result)
    # Mon 3 Mar and Wed 5 Mar share the week of 3–9 March: worst 4, least 3, mean 3.5, as the month above.
    assert [(p.first, p.last, p.worst, p.least, p.mean, p.days) for p in points] == [
        (date(2025, 3, 3), date(2025, 3, 9), 4, 3, 3.5, 2),
        (date(2025, 4, 7), date(2025, 4, 13), 7, 7, 7, 1),
        # Sun 1 June is the last day of the week from Mon 26 May.
        (date(2025, 5, 26), date(2025, 6, 1), 3, 3, 3, 1),
    ]
    assert charts.pain_bucket(100) == "day" and charts.pain_bucket(366) == "week"
    assert charts.pain_bucket(367) == "month"


def test_over_two_years_the_calendar_has_a_row_a_year_and_a_cell_a_week(diary):
    # 2 Jan 2023 (a Monday, ISO week 1 of 2023) – 20 Nov 2026: 1,419 days, more than two years (731).
    result = analysis.trends(_months_apart(diary), Period(date(2023, 1, 2), date(2026, 11, 20)))
    lines = charts.heat_map(result, colour=False).plain.splitlines()
    assert lines[0] == "week  1        10        20        30        40        50"
    assert [line[:4] for line in lines[1:5]] == ["2023", "2024", "2025", "2026"]
    # 2025: Mon 3 Mar (mean (4 + 6) / 2 = 5) and Wed 5 Mar (2) are ISO week 10: the mean of the daily means
    # (5 + 2) / 2 = 3.5 rounds half up to 4, moderate; Thu 10 Apr (7) is week 15, severe; Sun 1 June (3)
    # ends week 22 (from Mon 26 May), mild. Every other week of 2025 is blank.
    assert lines[3] == "2025  " + " " * 9 + "▒" + " " * 4 + "█" + " " * 6 + "░" + " " * 31
    assert lines[1].strip() == "2023" and lines[2].strip() == "2024"
    assert lines[-2] == "each cell: a calendar week from Monday, shaded by the mean of its logged days"
    assert lines[-1].startswith("· none  ░ mild 1–3  ▒ moderate 4–6  █ severe 7–10")
    assert max(len(line) for line in lines) <= 80


def test_long_ranges_draw_only_major_events():
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


@pytest.mark.parametrize("theme", ["pro", "clear", "textual-auto-textual-dark"])
@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_the_apps_chart_shows_what_plotext_writes(week, name, theme):
    # The app's Chart turns plotext's grid of cells into text itself, instead of parsing the escape codes
    # plotext writes: the characters and the style of every one of them must be the same.
    from plotext._dict import themes
    from rich.console import Console
    from rich.text import Text
    from textual_plotext.plot import Plot, _rgbify_theme, _sequence

    from osteotrack.tui.widgets.chart import figure_text

    # A theme made from the app's colours, as textual-plotext registers it for the widget.
    themes.setdefault("textual-auto-textual-dark", _rgbify_theme((30, 30, 30), (30, 30, 30), (224, 224, 224),
                                                                 "default", _sequence))
    figures = []
    for _ in range(2):
        figure = Plot()
        charts.CHARTS[name](figure, week)
        figure.plotsize(77, 18)
        figure.theme(theme)
        figures.append(figure)
    console = Console(width=100, color_system="truecolor")
    expected = Text.from_ansi(figures[0].build())
    got = figure_text(figures[1])
    assert got.plain == expected.plain
    assert [(s.text, s.style) for s in console.render(got)] == [(s.text, s.style) for s in console.render(expected)]


@settings(max_examples=60, deadline=None)
@given(days=st.lists(st.tuples(st.integers(0, 1500), st.integers(0, 10), st.integers(0, 10), st.integers(1, 4)),
                     max_size=120),
       start=st.integers(0, 1500), length=st.integers(101, 1600))
def test_points_of_weeks_and_months_are_the_days_grouped_one_by_one(days, start, length):
    # The chart's points are read a slice of the daily figure's columns at a time, with the rolling mean worked
    # out on each point's last day only: the same as grouping the days one by one, as rows() gives each.
    first = date(2021, 1, 1)
    logged = sorted({offset: (a, b, n) for offset, a, b, n in days}.items())
    period = Period(first + timedelta(days=start), first + timedelta(days=start + length - 1))
    inside = [(first + timedelta(days=o), max(a, b), min(a, b), n) for o, (a, b, n) in logged
              if period.since <= first + timedelta(days=o) <= period.until]
    daily = DailyPain([d.isoformat() for d, *_ in inside], [w for _d, w, _l, _n in inside],
                      [(w + least) / 2 for _d, w, least, _n in inside], [least for _d, _w, least, _n in inside],
                      [n for *_, n in inside])
    bucket = charts.pain_bucket(period.days)
    groups: dict[date, list[tuple]] = {}
    for row in daily.rows():
        day = row[0]
        groups.setdefault(day - timedelta(days=day.weekday()) if bucket == "week" else day.replace(day=1),
                          []).append(row)
    expected = [(max(key, period.since), len(rows), sum(r[1] for r in rows) / len(rows),
                 sum(r[3] for r in rows) / len(rows), sum(r[2] for r in rows) / len(rows), rows[-1][5])
                for key, rows in groups.items()]
    points = charts.pain_points(SimpleNamespace(period=period, daily=daily))
    assert [(p.first, p.days, p.worst, p.least, p.mean, p.rolling_mean) for p in points] == expected

"""Over years the report's pain chart draws a point a week: the mean of each 7 days' daily means (issue 15)."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

from osteotrack.analysis import Period
from osteotrack.report.charts import WEEKLY_DAYS, pain_chart, weekly_means
from osteotrack.report.model import _chart

UNTIL = date(2026, 11, 30)


def _day(day: date, mean: float) -> SimpleNamespace:
    return SimpleNamespace(day=day, mean=mean, worst=round(mean), rolling_mean=mean, rolling_days=1)


def _trends(daily: list, since: date) -> SimpleNamespace:
    return SimpleNamespace(daily=daily, events=[], period=Period(since, UNTIL))


def test_each_week_is_the_mean_of_its_logged_days_counted_back_from_the_last_day():
    daily = [_day(date(2026, 11, 16), 7.0),  # 14 days before 30 Nov: the third week back, 10–16 Nov
             _day(date(2026, 11, 23), 3.0),  # 7 days before: 17–23 Nov, alone in its week
             _day(date(2026, 11, 25), 6.0), _day(date(2026, 11, 30), 4.0)]  # 24–30 Nov
    # 24–30 Nov: (6 + 4) / 2 = 5.0; 17–23 Nov: 3.0; 10–16 Nov: 7.0. A week without a logged day has no point.
    assert weekly_means(_trends(daily, date(2026, 11, 1))) == [
        (date(2026, 11, 16), 7.0), (date(2026, 11, 23), 3.0), (date(2026, 11, 30), 5.0)]


def test_years_of_days_are_drawn_and_told_a_week_at_a_time_and_shorter_periods_a_day_at_a_time():
    since = UNTIL - timedelta(days=WEEKLY_DAYS)
    every_day = [_day(since + timedelta(days=n), 4.0 + n % 3) for n in range(WEEKLY_DAYS + 1)]
    long_svg = pain_chart(_trends(every_day, since), text="text")
    assert "7-day mean" in long_svg and "Daily mean" not in long_svg
    assert "a point a week" in _chart(_trends(every_day, since)).after[0]
    short = every_day[-200:]
    short_svg = pain_chart(_trends(short, short[0].day), text="text")
    assert "Daily mean" in short_svg and "7-day mean" in short_svg
    assert "a point a week" not in _chart(_trends(short, short[0].day)).after[0]


def test_a_paragraph_breaks_at_spaces_within_the_line_and_a_word_too_long_is_cut():
    from osteotrack.report.pdf import Document, _lines

    pdf = Document()  # no report: pages without a footer
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    room = pdf.get_string_width("pain 4; pain 5;") + 0.01  # two items a line, not three
    assert _lines(pdf, "pain 4; pain 5; pain 6", room) == ["pain 4; pain 5;", "pain 6"]
    assert _lines(pdf, "one\ntwo", room) == ["one", "two"]
    long = "x" * 200  # no space in it: cut where a line is full, nothing lost
    cut = _lines(pdf, f"a {long}", room)
    assert cut[0] == "a" and "".join(cut[1:]) == long
    assert all(pdf.get_string_width(line) <= room for line in cut)

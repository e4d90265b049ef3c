"""All trend figures of one profile over one period, in one call."""

from __future__ import annotations

from osteotrack.analysis import figures
from osteotrack.analysis.bone import bone_care
from osteotrack.analysis.ranges import Period
from osteotrack.analysis.results import PainFigures, Trends
from osteotrack.analysis.sessions import session_summaries


def pain_figures(person, period: Period) -> PainFigures:
    """The figures of pain itself: the summary, the change against the period before, the daily figure and the
    events (``trends`` gives them too, with every other figure)."""
    rows = figures.day_rows(person, period)
    summary = figures.summary_of(rows, period)
    return PainFigures(person.name, period, summary, figures.change(person, period, summary),
                       figures.daily_pain(person, period, rows), figures.events(person, period), rows)


def trends(person, period: Period, pain: PainFigures | None = None) -> Trends:
    """Every figure the Trends screen, ``osteotrack trends`` and the report show (``pain``: the figures of pain
    itself over the same period, if they were worked out already)."""
    pain = pain_figures(person, period) if pain is None else pain
    bucket = figures.relief_bucket(period)
    return Trends(
        profile=pain.profile,
        period=period,
        summary=pain.summary,
        change=pain.change,
        daily=pain.daily,
        locations=figures.locations(person, period, pain.summary.days_logged),
        triggers=figures.triggers(person, period, pain.rows),
        therapies=figures.therapies(person, period),
        relief_bucket=bucket,
        relief_over_time=figures.relief_over_time(person, period, bucket),
        medication=figures.medication_use(person, period),
        peg_weeks=figures.peg_weeks(person, period),
        events=pain.events,
        sessions=session_summaries(person, period),
        bone=bone_care(person, period),
    )

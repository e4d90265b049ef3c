"""All trend figures of one profile over one period, in one call."""

from __future__ import annotations

from osteotrack.analysis import figures
from osteotrack.analysis.bone import bone_care
from osteotrack.analysis.ranges import Period
from osteotrack.analysis.results import Trends
from osteotrack.analysis.sessions import session_summaries


def trends(person, period: Period) -> Trends:
    """Every figure the Trends screen, ``osteotrack trends`` and the report show."""
    rows = figures.day_rows(person, period)
    summary = figures.summary_of(rows, period)
    bucket = figures.relief_bucket(period)
    return Trends(
        profile=person.name,
        period=period,
        summary=summary,
        change=figures.change(person, period, summary),
        daily=figures.daily_pain(person, period, rows),
        locations=figures.locations(person, period, summary.days_logged),
        triggers=figures.triggers(person, period, rows),
        therapies=figures.therapies(person, period),
        relief_bucket=bucket,
        relief_over_time=figures.relief_over_time(person, period, bucket),
        medication=figures.medication_use(person, period),
        peg_weeks=figures.peg_weeks(person, period),
        events=figures.events(person, period),
        sessions=session_summaries(person, period),
        bone=bone_care(person, period),
    )

"""All trend figures of one profile over one period, in one call."""

from __future__ import annotations

from osteotrack.analysis import figures
from osteotrack.analysis.ranges import Period
from osteotrack.analysis.results import PainSummary, Trends
from osteotrack.analysis.sessions import session_summaries


def trends(diary, profile_id: int, period: Period) -> Trends:
    """Every figure the Trends screen, ``osteotrack trends`` and the report show."""
    totals = figures.pain_totals(diary, profile_id, period)
    mean, worst, least, entries, days, _ = totals
    summary = PainSummary(mean, worst, least, entries, days, period.days)
    bucket = figures.relief_bucket(period)
    return Trends(
        profile=diary.profile_name(profile_id),
        period=period,
        summary=summary,
        change=figures.change(diary, profile_id, period, summary),
        daily=figures.daily_pain(diary, profile_id, period),
        locations=figures.locations(diary, profile_id, period, days),
        triggers=figures.triggers(diary, profile_id, period, totals),
        therapies=figures.therapies(diary, profile_id, period),
        relief_bucket=bucket,
        relief_over_time=figures.relief_over_time(diary, profile_id, period, bucket),
        medication=figures.medication_use(diary, profile_id, period),
        peg_weeks=figures.peg_weeks(diary, profile_id, period),
        events=figures.events(diary, profile_id, period),
        sessions=session_summaries(diary, profile_id, period),
    )

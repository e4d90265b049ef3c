"""Pain at a glance: a period's average daily pain and the entries it rests on, and nothing more.

Today's trend line needs these two numbers for the week before. ``figures.pain_summary`` gives
them too, but loading it (the figure dataclasses and every trend function) was a tenth of the
app's start to its first screen. The figure is the same: the mean of each logged day's mean
(``figures.MEAN_PAIN_DEFINITION``), over the same per-day rows of the store.
"""

from __future__ import annotations

from osteotrack.analysis.ranges import Period


def pain_at_a_glance(person, period: Period) -> tuple[float | None, int]:
    """Average daily pain over ``period`` (None without a logged day) and the number of entries."""
    rows = person.figures.daily_pain(person.id, period.since, period.until)
    means = [row["mean"] for row in rows]
    return (sum(means) / len(means) if means else None), sum(row["entries"] for row in rows)

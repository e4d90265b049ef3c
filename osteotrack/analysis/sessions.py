"""Self-care sessions by therapy: how many, and mean pain before and after.

"relaxation: 12 sessions, mean pain 6.1 → 4.9" — the count and both means come
straight from stored sessions; nothing here claims the session caused the change.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from osteotrack.analysis.ranges import Period
from osteotrack.domain import numbers


@dataclass(frozen=True)
class SessionSummary:
    """The sessions of one therapy in a period."""

    therapy: str
    name: str  # the therapy's display name in this diary
    sessions: int
    completed: int  # run to the end (the rest were stopped early)
    minutes: float  # exercise done, pauses not counted
    sum_before: int
    sum_after: int
    sum_relief: int

    @property
    def mean_before(self) -> float:
        return self.sum_before / self.sessions

    @property
    def mean_after(self) -> float:
        return self.sum_after / self.sessions

    @property
    def mean_relief(self) -> float:
        return self.sum_relief / self.sessions

    def line(self, label: str | None = None) -> str:
        """'relaxation: 12 sessions, mean pain 6.1 → 4.9' (``label`` replaces the slug, e.g. ``self.name``)."""
        # The means as exact fractions of the stored sums: 6.25 never turns into 6.2499… on the way.
        before, after = Fraction(self.sum_before, self.sessions), Fraction(self.sum_after, self.sessions)
        return (f"{label or self.therapy}: {numbers.count(self.sessions, 'session')}, mean pain "
                f"{numbers.pain(before)} → {numbers.pain(after)}")


def session_summaries(diary, profile_id: int, period: Period | None = None) -> list[SessionSummary]:
    """Sessions per therapy in ``period`` (every session when None), most-used therapy first."""
    where, params = "e.profile_id = ?", [profile_id]
    if period is not None:
        where += " AND e.local_day BETWEEN ? AND ?"
        params += [period.since.isoformat(), period.until.isoformat()]
    # The relief is the one stored on the entry's therapy use, as every therapy view sees it.
    # CROSS JOIN makes SQLite walk the sessions (never more than the entries) and look each
    # entry up by id, instead of walking every entry of the profile.
    rows = diary.conn.execute(
        "SELECT s.therapy, count(*), sum(s.completed), sum(s.duration_s), sum(s.pain_before), sum(s.pain_after),"
        " sum(coalesce(t.relief, 0))"
        " FROM self_care_sessions s CROSS JOIN entries e ON e.id = s.entry_id"
        " LEFT JOIN entry_therapies t ON t.entry_id = s.entry_id AND t.therapy = s.therapy"
        f" WHERE {where} GROUP BY s.therapy ORDER BY count(*) DESC, s.therapy",
        params,
    )
    vocab = diary.vocabulary()
    return [SessionSummary(r[0], vocab.name("therapy", r[0]), r[1], r[2], r[3] / 60, r[4], r[5], r[6])
            for r in rows]

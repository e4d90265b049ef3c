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
        from osteotrack.i18n import _

        # TRANSLATORS: "Relaxation training: 12 sessions, mean pain 6.1 → 4.9".
        return _("{therapy}: {sessions}, mean pain {before} → {after}").format(
            therapy=label or self.therapy, sessions=numbers.count(self.sessions, "session"),
            before=numbers.pain(before), after=numbers.pain(after))


def session_summaries(person, period: Period | None = None) -> list[SessionSummary]:
    """Sessions per therapy in ``period`` (every session when None), most-used therapy first."""
    rows = person.figures.sessions(person.id, period.since if period else None, period.until if period else None)
    vocab = person.vocabulary()
    return [SessionSummary(r["therapy"], vocab.display("therapy", r["therapy"]), r["sessions"], r["completed"],
                           r["seconds"] / 60, r["sum_before"], r["sum_after"], r["sum_relief"])
            for r in rows]

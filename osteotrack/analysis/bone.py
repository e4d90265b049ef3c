"""Bone care in figures: where each treatment stands, and the period's bone-care summary.

Everything here is counted from stored records through ``ProfileDiary``'s named reads; the
arithmetic of due days is the domain's (``osteotrack.domain.bone``). Records, never advice:
the figures say what was prescribed and done, with dates and counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from osteotrack.domain.bone import TreatmentStatus, due_line, status

# Injections and infusions months apart are worth a line before they fall due.
SOON_DAYS = 14


def treatment_statuses(person, today: date) -> list[TreatmentStatus]:
    """Each treatment of the profile (current first, then stopped) with its last dose, next due day and days late."""
    days = person.dose_days()
    found = [status(t, days.get(t.id, []), today) for t in person.treatments()]
    return sorted(found, key=lambda s: (s.next_due is None, s.next_due or date.max, s.treatment.since))


def due_now(person, today: date) -> list[TreatmentStatus]:
    """Current treatments whose next dose is due today or late."""
    return [s for s in treatment_statuses(person, today) if s.next_due is not None and s.next_due <= today]


def today_lines(person, today: date) -> list[str]:
    """Today's lines: a dose due today or late, and an injection or infusion due within two weeks."""
    out = []
    for s in treatment_statuses(person, today):
        if s.next_due is None:
            continue
        long_interval = s.treatment.interval.unit in ("m", "y")
        if s.next_due <= today or (long_interval and s.due_in <= SOON_DAYS):
            out.append(due_line(s, today))
    return [line for line in out if line]


def monthly_due(person, today: date) -> list[str]:
    """Which of the falls check and the impression of change the app should offer today.

    Each is offered when the last one is more than ``FALLS_CHECK_DAYS`` days old, or there is none
    yet, for a profile that keeps bone care (a treatment, a falls check or an impression); a
    diary that does not use bone care is not asked. Returns a subset of ``["falls-check",
    "impression"]``, in that order.
    """
    from osteotrack.domain.bone import FALLS_CHECK_DAYS

    checks, impressions = person.falls_checks(), person.impressions()
    if not (checks or impressions or person.treatments()):
        return []
    return [kind for kind, records in (("falls-check", checks), ("impression", impressions))
            if not records or (today - records[-1].at.date()).days > FALLS_CHECK_DAYS]


# -- the period's bone-care summary (trends and the report) ------------------------------


@dataclass(frozen=True, slots=True)
class TreatmentFigure:
    """One treatment over a period: its doses there, how many on time and late, the longest delay.

    ``doses`` counts the doses recorded in the period; ``late`` those after their due day (the
    first dose is due on the start day, each later one an interval after the dose before it);
    ``longest_delay`` the most days late among them. ``next_due`` and ``days_late`` are as of
    the period's last day (None and 0 once stopped).
    """

    medicine: str
    name: str
    dose: str
    every: str
    every_words: str
    since: date
    stopped: date | None
    doses: int
    on_time: int
    late: int
    longest_delay: int
    next_due: date | None
    days_late: int


@dataclass(frozen=True, slots=True)
class HeightPoint:
    day: date
    mm: int


@dataclass(frozen=True, slots=True)
class FallsCheckPoint:
    day: date
    fell: bool
    unsteady: bool
    worried: bool


@dataclass(frozen=True, slots=True)
class ImpressionPoint:
    day: date
    score: int
    since_start_of: str | None


@dataclass(frozen=True, slots=True)
class SideEffectCount:
    """How often a side effect was recorded with a medicine in the period, and its worst severity."""

    medicine: str
    name: str
    effect: str
    count: int
    worst: int | None


@dataclass(frozen=True, slots=True)
class BoneCareSummary:
    """Bone care over one period: every figure with the count it rests on."""

    treatments: list[TreatmentFigure] = field(default_factory=list)
    heights: list[HeightPoint] = field(default_factory=list)
    height_change_mm: int | None = None  # last minus first measurement of the period; None with fewer than 2
    falls: int = 0
    near_falls: int = 0
    falls_checks: list[FallsCheckPoint] = field(default_factory=list)
    impressions: list[ImpressionPoint] = field(default_factory=list)
    side_effects: list[SideEffectCount] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.treatments or self.heights or self.falls or self.near_falls or self.falls_checks
                    or self.impressions or self.side_effects)


def bone_care(person, period) -> BoneCareSummary:
    """The period's bone care, as of its last day."""
    from osteotrack.domain.bone import medicine_name, timings

    since, until = period.since, period.until
    days = person.dose_days()
    treatments = []
    for t in person.treatments():
        if t.since > until or (t.stopped is not None and t.stopped < since):
            continue
        found, _ = timings(t, days.get(t.id, []))
        inside = [x for x in found if since <= x.day <= until]
        late = [x for x in inside if x.days_late]
        now = status(t, [x.day for x in found if x.day <= until], until)
        treatments.append(TreatmentFigure(
            t.medicine, t.display_name, t.dose, t.every, t.interval.words(), t.since, t.stopped, len(inside),
            len(inside) - len(late), len(late), max((x.days_late for x in late), default=0), now.next_due,
            now.days_late))
    heights = [HeightPoint(h.at.date(), h.mm) for h in person.heights(since, until)]
    kinds = [e.kind for e in person.events(since, until, kinds=("fall", "near-fall"))]
    return BoneCareSummary(
        treatments=treatments,
        heights=heights,
        height_change_mm=heights[-1].mm - heights[0].mm if len(heights) > 1 else None,
        falls=kinds.count("fall"),
        near_falls=kinds.count("near-fall"),
        falls_checks=[FallsCheckPoint(c.at.date(), c.fell, c.unsteady, c.worried)
                      for c in person.falls_checks(since, until)],
        impressions=[ImpressionPoint(i.at.date(), i.score, i.since_start_of) for i in person.impressions(since, until)],
        side_effects=[SideEffectCount(r["medicine"], medicine_name(r["medicine"]), r["effect"], r["count"], r["worst"])
                      for r in person.side_effects_by_medicine(since, until)],
    )


# -- the caregiver's overview --------------------------------------------------------------

HEIGHT_ALERT_DAYS = 90  # a height loss is raised while its measurement is this recent
NEAR_FALL_DAYS = 7  # near-falls of the last week, as falls are


def bone_alerts(person, today: date) -> list[str]:
    """Alerts for a caregiver: a late dose, a near-fall this week, a recent height past a threshold."""
    from datetime import timedelta

    from osteotrack.domain.bone import cm_text, day_text, losses
    from osteotrack.domain.dates import weekday_day
    from osteotrack.domain.describe import one_stop
    from osteotrack.i18n import _

    out = [f"{due_line(s, today)}." for s in treatment_statuses(person, today)
           if s.next_due is not None and s.days_late > 0]
    week = today - timedelta(days=NEAR_FALL_DAYS - 1)
    for ev in person.events(week, today, kinds=("near-fall",)):
        out.append(one_stop(_("Near-fall logged on {day}.").format(day=weekday_day(ev.at.date()))))
    heights = person.heights()
    if heights and (today - heights[-1].at.date()).days < HEIGHT_ALERT_DAYS:
        found = losses(heights[:-1], heights[-1])
        if found:
            loss = max(found, key=lambda x: (x.mm, x.kind == "total"))
            out.append(_("Height {height} on {day} is {loss} below {before} on {before_day}.").format(
                height=cm_text(loss.measured.mm), day=day_text(loss.measured.at.date()), loss=cm_text(loss.mm),
                before=cm_text(loss.reference.mm), before_day=day_text(loss.reference.at.date())))
    return out

"""Bone care in figures: where each treatment stands (``analysis.bone_today``), and the period's summary.

Everything here is counted from stored records through ``ProfileDiary``'s named reads; the
arithmetic of due days is the domain's (``osteotrack.domain.bone``). Records, never advice:
the figures say what was prescribed and done, with dates and counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from osteotrack.analysis.bone_today import treatment_statuses
from osteotrack.domain.bone import due_line, status

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

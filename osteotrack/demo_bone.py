"""Margaret's bone care in the demo diary.

After the T8 fracture she takes alendronate 70 mg once a week, on Mondays, and is a few days
late now and then; about half way through she switches to a denosumab injection every six
months (one of them three weeks late). Her height is measured twice a year and drops by a
little over 2 cm in its first year; she has a near-fall some months before her fall, answers
a falls check after the fall, gives her impression of change every month, and puts heartburn
down to alendronate twice.

Everything comes from a random generator of its own, so the rest of the demo is exactly what
it was before bone care existed (same records, same ids).
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from osteotrack.domain.bone import (
    Dose,
    FallsCheck,
    Height,
    Impression,
    SideEffect,
    Treatment,
    validate_dose,
    validate_falls_check,
    validate_height,
    validate_impression,
    validate_side_effect,
    validate_treatment,
)
from osteotrack.domain.records import Event
from osteotrack.domain.validate import validate_event
from osteotrack.domain.when import to_utc_text
from osteotrack.store.connection import new_id


def write_bone_story(person, story, seed: int, tz, upper_bound: datetime) -> dict:
    """Insert Margaret's bone care (inside the demo's transaction); return counts of what was written."""
    rng = random.Random(f"osteotrack-demo-bone-{seed}")

    def uid() -> str:
        return new_id(rng.getrandbits(128).to_bytes(16, "big"))

    def at(day: date, hour: int = 8, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute)).replace(tzinfo=tz)

    end = upper_bound.date()
    monday = story.fracture + timedelta(days=10)
    monday += timedelta(days=(7 - monday.weekday()) % 7)
    switch = story.start + timedelta(days=int(story.span * 0.5))
    switch = max(switch, monday + timedelta(days=28))
    alendronate = Treatment("alendronate", "1w", monday, dose="70 mg", stopped=switch,
                            note="in the morning, with a full glass of water", stop_note="switched to denosumab",
                            id=uid())
    denosumab = Treatment("denosumab", "6m", switch + timedelta(days=1), dose="60 mg", note="at the GP surgery",
                          id=uid())
    treatments = [t for t in (alendronate, denosumab) if t.since <= end]
    if denosumab.since > end:
        alendronate.stopped = None
    doses: list[Dose] = []
    due = alendronate.since
    while due <= min(end, alendronate.stopped or end):
        day = due + timedelta(days=rng.choice([1, 2, 3]) if rng.random() < 0.1 else 0)
        if day > (alendronate.stopped or end):
            break
        note = "forgot on Monday" if day != due and rng.random() < 0.5 else ""
        doses.append(Dose("alendronate", at(day, 8, rng.randint(0, 40)), note=note, treatment_id=alendronate.id,
                          id=uid()))
        due = day + timedelta(days=7)
    if denosumab in treatments:
        due, injection = denosumab.since, 0
        while due <= end:
            day = due + timedelta(days=21 if injection == 1 else 0)  # the second one three weeks late
            if day > end:
                break
            doses.append(Dose("denosumab", at(day, 10, 30), note="three weeks late: the surgery was closed"
                              if injection == 1 else "", treatment_id=denosumab.id, id=uid()))
            due = denosumab.interval.after(day)
            injection += 1
    # Twice a year, the last two months before the end (so a 90-day report shows one), back to the start.
    days = []
    day = story.end - timedelta(days=60)
    while day >= story.start:
        days.insert(0, day)
        day -= timedelta(days=182)
    heights, mm = [], 1630
    for i, day in enumerate(days):
        heights.append(Height(at(day, 9), mm, note="measured at the GP surgery", id=uid()))
        mm -= 17 if i == 0 else rng.choice([3, 4, 5])
    near = story.start + timedelta(days=int(story.span * 0.6))
    events = [Event("near-fall", at(near, 18), note="caught my foot on the rug; grabbed the table", id=uid())]
    checks = [FallsCheck(at(story.fall + timedelta(days=14), 11), True, True, True, id=uid())]
    impressions = []
    day = monday + timedelta(days=30)
    while day <= end:
        if day < story.kyphoplasty:
            score = rng.choice([4, 4, 5])
        elif day < story.fall:
            score = rng.choice([2, 2, 3])
        else:
            score = rng.choice([3, 4])
        since = "denosumab" if day > denosumab.since else None
        impressions.append(Impression(at(day, 20), score, since, id=uid()))
        day += timedelta(days=30)
    effects = [SideEffect("heartburn", "alendronate", at(alendronate.since + timedelta(days=d), 10), severity,
                          note="after the tablet", id=uid())
               for d, severity in ((1, 3), (29, 4))]
    keep = lambda record: record.at <= upper_bound  # noqa: E731
    records = {
        "treatments": [validate_treatment(t, upper_bound) for t in treatments],
        "doses": [validate_dose(d, upper_bound) for d in doses if keep(d)],
        "heights": [validate_height(h, upper_bound) for h in heights if keep(h)],
        "falls_checks": [validate_falls_check(c, upper_bound) for c in checks if keep(c)],
        "impressions": [validate_impression(i, upper_bound) for i in impressions if keep(i)],
        "side_effects": [validate_side_effect(s, upper_bound) for s in effects
                         if keep(s) and alendronate.covers(s.at.date())],
    }
    stamp = lambda record: to_utc_text(getattr(record, "at", None) or datetime.combine(  # noqa: E731
        record.since, time(8, 0)).replace(tzinfo=tz))
    person.insert_bone_validated({key: [(r, stamp(r), stamp(r)) for r in found] for key, found in records.items()})
    vocab = person.vocabulary()
    near_falls = [validate_event(ev, vocab, upper_bound) for ev in events if keep(ev)]
    person.insert_validated(events=[(ev, to_utc_text(ev.at), to_utc_text(ev.at)) for ev in near_falls])
    return {**{key: len(found) for key, found in records.items()}, "near_falls": len(near_falls)}

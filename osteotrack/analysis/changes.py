"""What changed this week: the caregiver's overview and the Today screen read it.

"This week" is the 7 days ending today, "last week" the 7 days before them,
so that on a Monday the comparison still rests on a full week of entries.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from osteotrack.analysis import figures
from osteotrack.analysis.ranges import Period
from osteotrack.analysis.results import ReliefDrop, WhatChanged
from osteotrack.domain import numbers

# Pain is logged in whole points: a mean within half a point is "about the same".
SAME_WITHIN = 0.5
# Relief is rated in steps of 10 %: one step down counts as a drop.
RELIEF_DROP = 10


def what_changed(person, today: date | None = None) -> WhatChanged:
    """This week against last week: mean pain, new locations, falls and fractures, gaps, relief."""
    today = today or date.today()
    now = Period(today - timedelta(days=6), today)
    before = now.previous()
    pain_now = figures.pain_summary(person, now)
    pain_before = figures.pain_summary(person, before)
    if pain_now.mean is not None and pain_before.mean is not None:  # both weeks have entries
        difference = float(numbers.change(pain_now.mean, pain_before.mean) or 0)  # of the means as shown
        direction = "same" if abs(difference) < SAME_WITHIN else "up" if difference > 0 else "down"
    else:
        direction = "unknown"
    hurt_before = {s.location for s in figures.locations(person, before, pain_before.days_logged) if s.days}
    new_locations = [s for s in figures.locations(person, now, pain_now.days_logged)
                     if s.days and s.location not in hurt_before]
    falls = figures.events(person, now, kinds=("fall", "fracture"))
    logged = {d.day for d in figures.daily_pain(person, now)}
    gaps = [now.since + timedelta(days=i) for i in range(now.days) if now.since + timedelta(days=i) not in logged]
    # A therapy has a mean relief exactly when it has rated uses.
    relief_before = {t.therapy: (t.mean_relief, t.rated) for t in figures.therapies(person, before)
                     if t.mean_relief is not None}
    dropped = [
        ReliefDrop(t.therapy, t.name, was, rated_before, t.mean_relief, t.rated)
        for t in figures.therapies(person, now) if t.mean_relief is not None and t.therapy in relief_before
        for was, rated_before in [relief_before[t.therapy]] if was - t.mean_relief >= RELIEF_DROP
    ]
    result: dict[str, Any] = dict(this_week=now, last_week=before, pain_now=pain_now, pain_before=pain_before,
                  direction=direction, new_locations=new_locations, falls_and_fractures=falls,
                  days_without_entry=gaps, relief_dropped=dropped)
    return WhatChanged(**result, sentences=_sentences(**result))


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _sentences(this_week, last_week, pain_now, pain_before, direction, new_locations, falls_and_fractures,
               days_without_entry, relief_dropped) -> list[str]:
    out = []
    if direction == "unknown":
        if not pain_now.entries:
            out.append("No entries this week, so there is no average daily pain to compare.")
        else:
            out.append(f"Average daily pain this week is {numbers.pain(pain_now.mean)} "
                       f"({numbers.count(pain_now.entries, 'entry')}); "
                       "there were no entries last week to compare with.")
    else:
        counts = (f"{numbers.pain(pain_before.mean)} last week ({numbers.count(pain_before.entries, 'entry')}), "
                  f"{numbers.pain(pain_now.mean)} this week ({numbers.count(pain_now.entries, 'entry')})")
        verb = {"up": "went up", "down": "went down", "same": "stayed about the same"}[direction]
        out.append(f"Average daily pain {verb}: {counts}.")
    if new_locations:
        places = [f"{s.name.lower()} ({numbers.count(s.hurt, 'entry')})" for s in new_locations]
        out.append(f"Hurt this week but not last week: {_join(places)}.")
    if falls_and_fractures:
        marks = [f"{e.label[0].lower()}{e.label[1:]} on {_day(e.day)}" for e in falls_and_fractures]
        out.append("Logged this week: " + _join(marks) + ".")
    else:
        out.append("No falls or fractures logged this week.")
    if days_without_entry:
        out.append(f"{numbers.count(len(days_without_entry), 'day').capitalize()} without an entry this week: "
                   f"{_join([_day(d) for d in days_without_entry])}.")
    else:
        out.append("An entry on every day this week.")
    for t in relief_dropped:
        out.append(f"{t.name} gave less relief: {numbers.percent(t.relief_before)} last week "
                   f"({numbers.count(t.rated_before, 'rating')}), {numbers.percent(t.relief_now)} this week "
                   f"({numbers.count(t.rated_now, 'rating')}).")
    return out

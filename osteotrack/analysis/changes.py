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
from osteotrack.domain.dates import weekday_day
from osteotrack.domain.describe import and_list, in_a_list, one_stop
from osteotrack.i18n import _, ngettext

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
    return weekday_day(day)


def _lowered_first(label: str) -> str:
    """A label inside a sentence: its first letter lower case ("fracture mid back T8"), but in German."""
    return label if in_a_list("A") == "A" else label[:1].lower() + label[1:]


def _join(words: list[str]) -> str:
    return and_list(words)


def _sentences(this_week, last_week, pain_now, pain_before, direction, new_locations, falls_and_fractures,
               days_without_entry, relief_dropped) -> list[str]:
    out = []
    if direction == "unknown":
        if not pain_now.entries:
            out.append(_("No entries this week, so there is no average daily pain to compare."))
        else:
            out.append(_("Average daily pain this week is {pain} ({entries}); there were no entries last week to "
                         "compare with.").format(pain=numbers.pain(pain_now.mean),
                                                 entries=numbers.count(pain_now.entries, "entry")))
    else:
        said = {"up": _("Average daily pain went up: {before} last week ({entries_before}), {now} this week "
                        "({entries_now})."),
                "down": _("Average daily pain went down: {before} last week ({entries_before}), {now} this week "
                          "({entries_now})."),
                "same": _("Average daily pain stayed about the same: {before} last week ({entries_before}), {now} "
                          "this week ({entries_now}).")}[direction]
        out.append(said.format(before=numbers.pain(pain_before.mean),
                               entries_before=numbers.count(pain_before.entries, "entry"),
                               now=numbers.pain(pain_now.mean), entries_now=numbers.count(pain_now.entries, "entry")))
    if new_locations:
        places = [f"{in_a_list(s.name)} ({numbers.count(s.hurt, 'entry')})" for s in new_locations]
        out.append(_("Hurt this week but not last week: {places}.").format(places=_join(places)))
    if falls_and_fractures:
        # TRANSLATORS: an event of the week in a list: "fall on Mon 30 Nov".
        marks = [_("{event} on {day}").format(event=_lowered_first(e.label), day=_day(e.day))
                 for e in falls_and_fractures]
        out.append(_("Logged this week: {events}.").format(events=_join(marks)))
    else:
        out.append(_("No falls or fractures logged this week."))
    if days_without_entry:
        out.append(ngettext("{n} day without an entry this week: {days}.",
                            "{n} days without an entry this week: {days}.", len(days_without_entry)).format(
            n=numbers.whole(len(days_without_entry)), days=_join([_day(d) for d in days_without_entry])))
    else:
        out.append(_("An entry on every day this week."))
    for t in relief_dropped:
        out.append(_("{therapy} gave less relief: {before} last week ({rated_before}), {now} this week "
                     "({rated_now}).").format(therapy=t.name, before=numbers.percent(t.relief_before),
                                              rated_before=numbers.count(t.rated_before, "rating"),
                                              now=numbers.percent(t.relief_now),
                                              rated_now=numbers.count(t.rated_now, "rating")))
    return [one_stop(text) for text in out]

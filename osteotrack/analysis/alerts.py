"""The caregiver's overview: every profile's last entry, its week against last week, and alerts.

The week's figures come from ``what_changed``; this module only decides which
of them deserve a caregiver's attention and says so in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from osteotrack.analysis.bone import bone_alerts
from osteotrack.analysis.changes import what_changed
from osteotrack.analysis.results import WhatChanged
from osteotrack.domain import numbers
from osteotrack.domain.dates import weekday_day
from osteotrack.domain.describe import in_a_list, one_stop
from osteotrack.domain.records import Entry
from osteotrack.i18n import _, ngettext

PAIN_RISE = 2  # points of mean pain, this week against last week
QUIET_DAYS = 3  # days without any entry, today included
USUAL_RATINGS = 2  # relief ratings in each week that make a therapy "usual"
RELIEF_FALL = 20  # percentage points of mean relief


@dataclass(frozen=True)
class ProfileOverview:
    """One person at a glance."""

    profile_id: int
    name: str
    active: bool
    last_entry: Entry | None
    changed: WhatChanged
    alerts: list[str]


def overview(diary, today: date, shown_id: int) -> list[ProfileOverview]:
    """Every profile of the diary, in the order they were added; ``shown_id``: the profile the face shows."""
    return [profile_overview(diary.profile_by_id(p.id), today, active=p.id == shown_id) for p in diary.profiles()]


def profile_overview(person, today: date, active: bool = False) -> ProfileOverview:
    """One profile's last entry, this week against last week, and its alerts."""
    last = person.last_entry()
    changed = what_changed(person, today)
    return ProfileOverview(person.id, person.name, active, last, changed,
                           alerts(changed, last.at.date() if last else None, today) + bone_alerts(person, today))


def alerts(changed: WhatChanged, last_day: date | None, today: date) -> list[str]:
    """Plain-word alerts: pain up, a new place, a fall or fracture, days without entries, relief dropping."""
    out = []
    now, before = changed.pain_now, changed.pain_before
    # The rise as shown: the difference of the two average daily pains, each rounded to one decimal.
    rise = numbers.change(now.mean, before.mean)
    if rise is not None and rise >= PAIN_RISE:
        out.append(_("Pain is up by {rise} points: average daily pain {now} this week, {before} last week.").format(
            rise=numbers.pain(rise), now=numbers.pain(now.mean), before=numbers.pain(before.mean)))
    if changed.new_locations and before.entries:  # with no entries last week everything would be "new"
        places = ", ".join(in_a_list(s.name) for s in changed.new_locations)
        out.append(ngettext("New place that hurts this week: {places}.", "New places that hurt this week: {places}.",
                            len(changed.new_locations)).format(places=places))
    for mark in changed.falls_and_fractures:
        # TRANSLATORS: {event} is a short label: "Fall", "Fracture mid back T8".
        out.append(_("{event} logged on {day}.").format(event=mark.label, day=weekday_day(mark.day)))
    if last_day is None:
        out.append(_("Nothing logged yet."))
    elif (today - last_day).days >= QUIET_DAYS:
        out.append(_("No entry for {days}; the last was on {day}.").format(
            days=numbers.count((today - last_day).days, "day"), day=weekday_day(last_day)))
    for drop in changed.relief_dropped:
        usual = drop.rated_before >= USUAL_RATINGS and drop.rated_now >= USUAL_RATINGS
        if usual and drop.relief_before - drop.relief_now >= RELIEF_FALL - 1e-9:
            out.append(_("{therapy} helps less: {now} relief this week, {before} last week.").format(
                therapy=drop.name, now=numbers.percent(drop.relief_now), before=numbers.percent(drop.relief_before)))
    return [one_stop(text) for text in out]

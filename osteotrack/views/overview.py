"""The caregiver's overview in words: the same lines on the command line and in the app."""

from __future__ import annotations

from osteotrack.domain import numbers
from osteotrack.domain.describe import pain_text, when_text
from osteotrack.i18n import _


def overview_lines(person) -> list[str]:
    """One profile's overview (an ``analysis.alerts.ProfileOverview``) as lines of plain text."""
    last = person.last_entry
    name = _("{name} (active)").format(name=person.name) if person.active else person.name
    if last:
        head = _("{name}: last entry {when}, pain {pain}").format(name=name, when=when_text(last.at),
                                                                 pain=pain_text(last.pain))
    else:
        head = _("{name}: no entries yet").format(name=name)
    now, before = person.changed.pain_now, person.changed.pain_before
    this_week = (_("average daily pain {pain} ({entries})").format(pain=numbers.pain(now.mean),
                                                                  entries=numbers.count(now.entries, "entry"))
                 if now.entries else _("no entries"))
    last_week = (f"{numbers.pain(before.mean)} ({numbers.count(before.entries, 'entry')})"
                 if before.entries else _("no entries"))
    week = _("This week: {this_week}; last week: {last_week}.").format(this_week=this_week, last_week=last_week)
    return [head, week, *([_("Alert: {alert}").format(alert=text) for text in person.alerts]
                          or [_("Nothing to flag.")])]

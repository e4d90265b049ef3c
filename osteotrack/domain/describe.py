"""Records in words, the same on the command line, in the app and in reports."""

from __future__ import annotations

from datetime import datetime

from osteotrack.domain import dates, numbers
from osteotrack.domain.records import CheckIn, Entry, Event, Question, Site, TherapyUse
from osteotrack.domain.validate import Vocabulary
from osteotrack.domain.vocabulary import DXA_SITES, EVENT_KINDS, PROCEDURES, pain_band

# How much of a note (or a question, an event's note) a report or a table shows; the diary keeps it all.
REPORT_TEXT_CHARS = 600
TABLE_TEXT_CHARS = 200


def beginning(text: str, limit: int) -> str:
    """``text`` whole when it has at most ``limit`` characters; else its beginning and how much more there is.

    ``beginning("word " * 3000, 20)`` → ``"word word word word… (14980 more characters in the diary)"``:
    the cut falls at a space when one is near, so a word is not broken.
    """
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ", limit // 2)
    cut = (cut[:space] if space > 0 else cut).rstrip()
    return f"{cut}… ({numbers.count(len(text) - len(cut), 'more character')} in the diary)"


def when_text(moment: datetime) -> str:
    """``Mon 23 Nov 2026 19:00`` (``lun 23 nov 2026, 19:00``…) in the offset the moment was entered in."""
    return dates.moment(moment)


def whose_diary(profile: str) -> str:
    """``Dad's diary``; the default profile "me" is ``your diary (profile 'me')``, not "me's diary"."""
    if profile.casefold() == "me":  # the profile a new diary starts with (store.schema.DEFAULT_PROFILE)
        return f"your diary (profile '{profile}')"
    return f"{profile}'s diary"


def pain_text(pain: int) -> str:
    return f"{pain}/10 ({pain_band(pain)})"


def site_text(site: Site, vocab: Vocabulary) -> str:
    level = f" {site.level}" if site.level else ""
    return f"{vocab.name('location', site.location)}{level} {site.intensity}"


def therapy_text(use: TherapyUse, vocab: Vocabulary) -> str:
    text = vocab.name("therapy", use.therapy)
    if use.medication:
        text += f" ({use.medication}{' ' + use.dose if use.dose else ''})"
    return text + (f" {numbers.percent(use.relief)} relief" if use.relief is not None else " (relief not rated)")


def entry_summary(entry: Entry, vocab: Vocabulary) -> str:
    """One line: when, pain, where, what set it off, what was tried."""
    return f"{when_text(entry.at)}: {entry_details(entry, vocab)}"


def entry_details(entry: Entry, vocab: Vocabulary) -> str:
    """An entry in words without its time: pain, where, what set it off, what was tried.

    Its parts are sentences, and the items of a list are separated by "; ": place names
    hold commas ("Hip, left 5; Shoulder, right 3").
    """
    parts = [f"pain {pain_text(entry.pain)}"]
    if entry.sites:
        parts.append("Where: " + "; ".join(site_text(s, vocab) for s in entry.sites))
    if entry.qualities:
        parts.append("Felt: " + "; ".join(vocab.name("quality", q).lower() for q in entry.qualities))
    if entry.triggers:
        parts.append("After: " + "; ".join(vocab.name("trigger", t).lower() for t in entry.triggers))
    if entry.therapies:
        parts.append("Tried: " + "; ".join(therapy_text(t, vocab) for t in entry.therapies))
    if entry.for_doctor:
        parts.append("For the doctor")
    if entry.entered_by:
        parts.append(f"Logged by {entry.entered_by}")
    return ". ".join(parts)


def entry_lines(entry: Entry, vocab: Vocabulary) -> list[tuple[str, str]]:
    """Every part of an entry as (label, value) lines, for showing one entry whole."""
    def listed(items: list[str]) -> str:
        return "; ".join(items) if items else "not given"

    return [
        ("ID", entry.id or ""),
        ("When", when_text(entry.at)),
        ("Pain", pain_text(entry.pain)),
        ("Where", listed([site_text(s, vocab) for s in entry.sites])),
        ("Felt", listed([vocab.name("quality", q).lower() for q in entry.qualities])),
        ("After", listed([vocab.name("trigger", t).lower() for t in entry.triggers])),
        ("Tried", listed([therapy_text(t, vocab) for t in entry.therapies])),
        ("Note", entry.note or "none"),
        ("For the doctor", "yes" if entry.for_doctor else "no"),
        ("Logged by", entry.entered_by or "the patient"),
    ]


def checkin_summary(c: CheckIn) -> str:
    items = [("average pain", c.peg_pain), ("enjoyment of life", c.peg_enjoyment),
             ("general activity", c.peg_activity), ("sleep", c.sleep), ("mood", c.mood)]
    text = ", ".join(f"{name} {value}" for name, value in items if value is not None)
    score = c.peg_score
    if score is not None:
        text += f"; PEG {numbers.pain(score)}"
    return f"{c.day:%a %d %b %Y}: {text or 'note only'}"


def event_summary(ev: Event, vocab: Vocabulary) -> str:
    text = EVENT_KINDS[ev.kind]
    if ev.procedure:
        text = PROCEDURES.get(ev.procedure, ev.procedure)
    details = []
    if ev.site:
        details.append(vocab.name("location", ev.site).lower() + (f" {ev.level}" if ev.level else ""))
    elif ev.level:
        details.append(ev.level)
    if ev.t_score is not None:
        details.append(f"T-score {numbers.t_score(ev.t_score)}"
                       + (f" at {DXA_SITES.get(ev.dxa_site, ev.dxa_site).lower()}" if ev.dxa_site else ""))
    if ev.note:
        details.append(ev.note)
    return f"{when_text(ev.at)}: {text}" + (f" ({'; '.join(details)})" if details else "")


def days_until(day, today) -> str:
    """``today``, ``tomorrow`` or ``in 3 days``: how far ahead ``day`` is."""
    ahead = (day - today).days
    return "today" if ahead == 0 else "tomorrow" if ahead == 1 else f"in {numbers.count(ahead, 'day')}"


def appointment_text(ev: Event, today) -> str:
    """``Next appointment: Dr Lee in 3 days (Thu 03 Dec 2026 10:30)``: the note names who it is with."""
    who = f"{ev.note} " if ev.note else ""
    return f"Next appointment: {who}{days_until(ev.at.date(), today)} ({when_text(ev.at)})"


def question_summary(q: Question) -> str:
    text = f"[{q.status}] {q.text}"
    return text + (f" — answer: {q.answer}" if q.answer else "")


# A difference in mean pain smaller than this is "about the same": single ratings
# wobble by a point, and a trend line should not alarm anyone over noise.
TREND_MARGIN = 0.5


def trend_text(today: tuple[float | None, int], before: tuple[float | None, int], days: int = 7) -> str:
    """Today's mean pain against the average daily pain of the ``days`` before, in one line, with the counts."""
    (today_mean, today_count), (before_mean, before_count) = today, before
    span = numbers.count(days, "day")
    before_part = (f"the {span} before: average daily pain {numbers.pain(before_mean)} "
                   f"({numbers.count(before_count, 'entry')})"
                   if before_count else f"nothing logged in the {span} before")
    if not today_count:
        return f"Nothing logged today; {before_part}."
    text = f"Pain today: {numbers.pain(today_mean)} on average ({numbers.count(today_count, 'entry')}); {before_part}"
    if not before_count:
        return text + "."
    assert today_mean is not None and before_mean is not None  # a count means a mean
    change = today_mean - before_mean
    if abs(change) < TREND_MARGIN:
        return text + " — about the same."
    return text + (" — higher." if change > 0 else " — lower.")

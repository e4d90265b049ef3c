"""Records as flat rows: for ``osteotrack list``, CSV exports and the app's tables."""

from __future__ import annotations

from osteotrack.domain.records import CheckIn, Entry, Event, Question
from osteotrack.domain.validate import Vocabulary
from osteotrack.domain.vocabulary import pain_band


def entry_row(e: Entry, vocab: Vocabulary) -> dict:
    """One row per entry, every field readable in its own column."""
    return {
        "id": e.id,
        "date": e.at.date().isoformat(),
        "time": e.at.strftime("%H:%M"),
        "utc_offset": e.at.strftime("%z"),
        "pain": e.pain,
        "band": pain_band(e.pain),
        "sites": "; ".join(f"{s.location}{'/' + s.level if s.level else ''}:{s.intensity}" for s in e.sites),
        "qualities": "; ".join(e.qualities),
        "triggers": "; ".join(e.triggers),
        "therapies": "; ".join(f"{t.therapy}:{'' if t.relief is None else t.relief}" for t in e.therapies),
        "medications": "; ".join(
            f"{t.therapy}={t.medication}{' ' + t.dose if t.dose else ''}" for t in e.therapies if t.medication
        ),
        "note": e.note,
        "for_doctor": "yes" if e.for_doctor else "",
        "entered_by": e.entered_by or "",
    }


def checkin_row(c: CheckIn) -> dict:
    score = c.peg_score
    return {
        "id": c.id, "date": c.day.isoformat(), "peg_pain": c.peg_pain, "peg_enjoyment": c.peg_enjoyment,
        "peg_activity": c.peg_activity, "peg_score": None if score is None else round(score, 2),
        "sleep": c.sleep, "mood": c.mood, "note": c.note,
        # What the three PEG answers were about: the past 7 days (the weekly PEG) or, before it, that day.
        "peg_asked": "" if not c.has_peg else "past 7 days" if c.peg_week else "that day",
    }


def event_row(ev: Event) -> dict:
    return {
        "id": ev.id, "date": ev.at.date().isoformat(), "time": ev.at.strftime("%H:%M"),
        "utc_offset": ev.at.strftime("%z"), "kind": ev.kind, "site": ev.site or "", "level": ev.level or "",
        "procedure": ev.procedure or "", "t_score": "" if ev.t_score is None else ev.t_score,
        "dxa_site": ev.dxa_site or "", "note": ev.note,
    }


def question_row(q: Question) -> dict:
    return {"id": q.id, "date": q.created.date().isoformat(), "status": q.status, "question": q.text,
            "answer": q.answer}

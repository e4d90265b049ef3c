"""Validation in one place, used by the command line and the TUI alike.

Every refusal is a ValidationError whose text is one sentence that names the
problem and says what is accepted.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from typing import Any

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.records import CheckIn, Entry, Event, Question, Site, TherapyUse
from osteotrack.domain.vocabulary import (
    ALL_LEVELS,
    DXA_SITES,
    EVENT_KINDS,
    LEVELS_BY_LOCATION,
    MEDICATION_THERAPIES,
    PROCEDURES,
    QUESTION_STATUSES,
    Term,
    region_for_level,
)
from osteotrack.domain.when import EARLIEST, FUTURE_GRACE, now_local

KIND_WORDS = {"location": "location", "quality": "pain quality", "trigger": "trigger", "therapy": "therapy"}


class Vocabulary:
    """The terms a diary knows, by kind and slug, hidden ones included."""

    def __init__(self, terms: list[Term]):
        self.terms: dict[str, dict[str, Term]] = {kind: {} for kind in KIND_WORDS}
        for term in terms:
            self.terms[term.kind][term.slug] = term

    def visible(self, kind: str) -> list[Term]:
        return [t for t in self.terms[kind].values() if not t.hidden]

    def name(self, kind: str, slug: str) -> str:
        term = self.terms[kind].get(slug)
        return term.name if term else slug

    def check(self, kind: str, slug: str) -> str:
        """Return the slug if known, else refuse with the closest known ones."""
        slug = slug.strip().lower()
        if slug in self.terms[kind]:
            return slug
        raise ValidationError(unknown_message(KIND_WORDS[kind], slug, self.terms[kind]))


def unknown_message(word: str, value: str, known: dict) -> str:
    import difflib  # only on the error path

    names = {slug: slug for slug in known}
    names.update({getattr(t, "name", slug).lower(): slug for slug, t in known.items()})
    close = []
    for match in difflib.get_close_matches(value.lower(), names, n=6, cutoff=0.5):
        if names[match] not in close:
            close.append(names[match])
    if not close:
        close = [s for s in known if value[:3] and s.startswith(value[:3])]
    hint = f"did you mean {', '.join(close[:3])}?" if close else "run 'osteotrack vocab' to see them all."
    return f"Unknown {word} '{value}'; {hint}"


def check_scale(value, what: str = "Pain", low: int = 0, high: int = 10) -> int:
    """An integer on a 0–10 scale (or ``low``–``high``)."""
    number = _whole(value)
    if number is None or not low <= number <= high:
        raise ValidationError(f"{what} must be a whole number from {low} to {high}; got '{value}'.")
    return number


def check_relief(value) -> int:
    """Percent relief: 0–100 in steps of 10, as the Brief Pain Inventory asks it."""
    text = str(value).strip().rstrip("%")
    number = _whole(text)
    if number is None or not 0 <= number <= 100 or number % 10:
        raise ValidationError(f"Relief must be a percentage from 0 to 100 in steps of 10; got '{value}'.")
    return number


def _whole(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip()
    return int(text) if re.fullmatch(r"[0-9]{1,3}", text) else None


def check_level(location: str, level: str | None) -> str | None:
    if level is None or level == "":
        return None
    level = level.strip().upper()
    allowed = LEVELS_BY_LOCATION.get(location)
    if not allowed:
        raise ValidationError(
            f"A vertebral level can only be given for the neck, upper, mid or lower back, not '{location}'."
        )
    if level not in allowed:
        raise ValidationError(
            f"Vertebral level '{level}' does not belong to {location}; use one of {allowed[0]}–{allowed[-1]}."
        )
    return level


def parse_site(text: str, vocab: Vocabulary, default_intensity: int | None = None) -> Site:
    """Read ``SITE:INTENSITY``, ``SITE/LEVEL:INTENSITY`` or ``LEVEL:INTENSITY`` (e.g. ``T8:7``)."""
    place, _, intensity_text = text.partition(":")
    location, _, level = place.partition("/")
    location = location.strip().lower()
    if not level and location.upper() in ALL_LEVELS:
        level, location = location.upper(), region_for_level(location)
    location = vocab.check("location", location)
    if intensity_text.strip() == "":
        if default_intensity is None:
            raise ValidationError(f"Give an intensity for '{location}' as {location}:N with N from 0 to 10.")
        intensity = default_intensity
    else:
        intensity = check_scale(intensity_text, f"The intensity at {location}")
    return Site(location, intensity, check_level(location, level or None))


def parse_therapy(text: str, vocab: Vocabulary) -> TherapyUse:
    """Read ``THERAPY:RELIEF`` (relief 0–100 in tens) or just ``THERAPY`` (relief not known yet)."""
    slug, _, relief = text.partition(":")
    therapy = vocab.check("therapy", slug)
    return TherapyUse(therapy, check_relief(relief) if relief.strip() else None)


def split_medication(text: str) -> tuple[str, str | None]:
    """``"ibuprofen 400 mg"`` → ``("ibuprofen", "400 mg")``; the dose starts at the first number."""
    text = " ".join(text.split())
    m = re.match(r"^(.*?)\s+(\d.*)$", text)
    if m and m[1]:
        return m[1], m[2]
    return text, None


def attach_medication(therapies: list[TherapyUse], text: str) -> list[TherapyUse]:
    """Attach ``--med`` text to the entry's one medication therapy (or ``THERAPY=TEXT``)."""
    target, sep, rest = text.partition("=")
    if sep and target.strip() in MEDICATION_THERAPIES:
        slug, text = target.strip(), rest
        candidates = [i for i, t in enumerate(therapies) if t.therapy == slug]
    else:
        candidates = [i for i, t in enumerate(therapies) if t.therapy in MEDICATION_THERAPIES]
    if not text.strip():
        raise ValidationError("A medication needs a name, e.g. --med \"ibuprofen 400 mg\".")
    if not candidates:
        raise ValidationError(
            "A medication name needs a medication therapy in the same entry, "
            "e.g. --therapy otc-pain-medication:40."
        )
    if len(candidates) > 1:
        raise ValidationError(
            "This entry has more than one medication therapy; name the one meant, "
            "e.g. --med \"prescription-pain-medication=tramadol 50 mg\"."
        )
    if therapies[candidates[0]].medication:
        raise ValidationError(
            f"The therapy '{therapies[candidates[0]].therapy}' already has a medication; give one --med for each."
        )
    name, dose = split_medication(text)
    out = list(therapies)
    out[candidates[0]] = replace(out[candidates[0]], medication=name, dose=dose)
    return out


def check_not_future(moment: datetime, now: datetime | None = None, what: str = "The time") -> datetime:
    now = now or now_local()
    if moment.tzinfo is None:
        raise ValidationError(f"{what} needs a time zone.")
    if moment > now + FUTURE_GRACE:
        raise ValidationError(f"{what} {moment:%Y-%m-%d %H:%M} is in the future; only times up to now can be logged.")
    if moment < EARLIEST:
        raise ValidationError(f"{what} {moment.date().isoformat()} {moment:%H:%M} is before 1900; "
                              "only times from 1900 on can be logged.")
    return moment


def _unique(items: list[str], vocab: Vocabulary, kind: str) -> list[str]:
    out: list[str] = []
    for item in items:
        slug = vocab.check(kind, item)
        if slug not in out:
            out.append(slug)
    return out


def validate_entry(entry: Entry, vocab: Vocabulary, now: datetime | None = None) -> Entry:
    """Check every field of a pain entry; return it normalised or raise ValidationError."""
    sites: list[Site] = []
    for site in entry.sites:
        location = vocab.check("location", site.location)
        if any(s.location == location for s in sites):
            raise ValidationError(f"The location '{location}' is given twice; give each place once.")
        sites.append(Site(location, check_scale(site.intensity, f"The intensity at {location}"),
                          check_level(location, site.level)))
    therapies: list[TherapyUse] = []
    for use in entry.therapies:
        therapy = vocab.check("therapy", use.therapy)
        if any(t.therapy == therapy for t in therapies):
            raise ValidationError(f"The therapy '{therapy}' is given twice; give each therapy once.")
        if (use.medication or use.dose) and therapy not in MEDICATION_THERAPIES:
            raise ValidationError(f"A medication name and dose only go with a medication therapy, not '{therapy}'.")
        therapies.append(TherapyUse(
            therapy,
            None if use.relief is None else check_relief(use.relief),
            (use.medication or "").strip() or None,
            (use.dose or "").strip() or None,
        ))
    entered_by = (entry.entered_by or "").strip() or None
    return replace(
        entry,
        at=check_not_future(entry.at, now, "The entry time"),
        pain=check_scale(entry.pain, "Pain"),
        sites=sites,
        qualities=_unique(entry.qualities, vocab, "quality"),
        triggers=_unique(entry.triggers, vocab, "trigger"),
        therapies=therapies,
        note=entry.note or "",
        for_doctor=bool(entry.for_doctor),
        entered_by=entered_by,
    )


def validate_checkin(checkin: CheckIn, today=None) -> CheckIn:
    """Each item 0–10 or not given; at least one given; the day not in the future."""
    today = today or now_local().date()
    if checkin.day > today:
        raise ValidationError(f"The day {checkin.day} is in the future; only days up to today can be used.")
    labels = {
        "peg_pain": "Average pain", "peg_enjoyment": "Interference with enjoyment of life",
        "peg_activity": "Interference with general activity", "sleep": "Sleep quality", "mood": "Mood",
    }
    values: dict[str, Any] = {k: None if getattr(checkin, k) is None else check_scale(getattr(checkin, k), label)
                              for k, label in labels.items()}
    if all(v is None for v in values.values()) and not checkin.note.strip():
        raise ValidationError("A check-in needs at least one answer: average pain, enjoyment, activity, sleep or mood.")
    return replace(checkin, **values)


def validate_event(event: Event, vocab: Vocabulary, now: datetime | None = None) -> Event:
    if event.kind not in EVENT_KINDS:
        raise ValidationError(unknown_message("event kind", event.kind, EVENT_KINDS))
    site = vocab.check("location", event.site) if event.site else None
    level = event.level
    if level and not site and level.upper() in ALL_LEVELS:
        site = region_for_level(level)
    level = check_level(site, level) if (site and level) else (None if not level else _level_without_site(level))
    procedure = event.procedure
    if event.kind == "procedure":
        if not procedure:
            raise ValidationError("A procedure event needs --procedure: vertebroplasty, kyphoplasty or other.")
        if procedure not in PROCEDURES:
            raise ValidationError(unknown_message("procedure", procedure, PROCEDURES))
    elif procedure:
        raise ValidationError("--procedure only goes with a procedure event.")
    t_score, dxa_site = event.t_score, event.dxa_site
    if event.kind == "dxa":
        if t_score is None:
            raise ValidationError("A DXA result needs its T-score, e.g. --t-score -2.7.")
        if not -6.0 <= float(t_score) <= 4.0:
            raise ValidationError(f"A T-score is a number from -6.0 to 4.0; got {t_score}.")
        if dxa_site and dxa_site not in DXA_SITES:
            raise ValidationError(unknown_message("DXA site", dxa_site, DXA_SITES))
        t_score = round(float(t_score), 1)
    elif t_score is not None or dxa_site:
        raise ValidationError("A T-score and DXA site only go with a dxa event.")
    if event.kind == "fracture" and not site:
        raise ValidationError("A fracture needs its site, e.g. --site mid-back --level T8 or --site wrist-left.")
    return replace(event, site=site, level=level, procedure=procedure, t_score=t_score, dxa_site=dxa_site,
                   at=check_not_future(event.at, now, "The event time"), note=event.note or "")


def _level_without_site(level: str) -> str:
    raise ValidationError(f"A vertebral level needs a spine site; '{level}' is not one of C1–L5.")


def validate_question(question: Question) -> Question:
    text = " ".join(question.text.split()) if question.text else ""
    if not text:
        raise ValidationError("A question for the doctor cannot be empty.")
    if question.status not in QUESTION_STATUSES:
        raise ValidationError(f"A question is open, asked or answered; got '{question.status}'.")
    return replace(question, text=question.text.strip())


"""Validation in one place, used by the command line and the TUI alike.

Every refusal is a ValidationError: a code (whose sentence, rendered in
``osteotrack.domain.messages``, names the problem and says what is accepted), the
field of the input it is about, and the values its sentence names.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.record_base import field_names, replace
from osteotrack.domain.records import Entry, Site, TherapyUse
from osteotrack.domain.vocabulary import (
    ALL_LEVELS,
    DXA_SITES,
    EVENT_KINDS,
    LEVELS_BY_LOCATION,
    MEDICATION_THERAPIES,
    PROCEDURES,
    QUESTION_STATUSES,
    Term,
    display_name,
    region_for_level,
)
from osteotrack.domain.when import EARLIEST, check_not_future, now_local

TYPE_CHECKING = False  # the quick log path defines only the records it makes
if TYPE_CHECKING:
    from osteotrack.domain.records import CheckIn, Event, Question

# The field of an entry that names terms of each vocabulary kind.
KIND_FIELDS = {"location": "where", "quality": "quality", "trigger": "trigger", "therapy": "therapy"}
# An unknown term, by kind: the code with suggestions, and the one without.
UNKNOWN_CODES = {
    "location": ("location.unknown", "location.unknown_no_close"),
    "quality": ("quality.unknown", "quality.unknown_no_close"),
    "trigger": ("trigger.unknown", "trigger.unknown_no_close"),
    "therapy": ("therapy.unknown", "therapy.unknown_no_close"),
    "event_kind": ("kind.unknown", "kind.unknown_no_close"),
    "procedure": ("procedure.unknown", "procedure.unknown_no_close"),
    "dxa_site": ("dxa_site.unknown", "dxa_site.unknown_no_close"),
}
# The check-in's 0–10 items, each with the code of its sentence.
CHECKIN_SCALE_CODES = {
    "peg_pain": "checkin.peg_pain_range", "peg_enjoyment": "checkin.peg_enjoyment_range",
    "peg_activity": "checkin.peg_activity_range", "sleep": "checkin.sleep_range", "mood": "checkin.mood_range",
}
# A record's time: no time zone, in the future, before 1900. Only an appointment may be in
# the future (``FUTURE_KINDS``), and not by more than ``FUTURE_LIMIT`` (a mistyped year).
MOMENT_CODES = {
    "entry": ("entry.at_no_zone", "entry.at_future", "entry.at_too_early"),
    "event": ("event.at_no_zone", "event.at_future", "event.at_too_early"),
    "bone": ("bone.at_no_zone", "bone.at_future", "bone.at_too_early"),
    "question": ("question.created_no_zone", "question.created_future", "question.created_too_early"),
}
FUTURE_KINDS = frozenset({"appointment"})
FUTURE_LIMIT = timedelta(days=2 * 366)


class Vocabulary:
    """The terms a diary knows, by kind and slug, hidden ones included."""

    def __init__(self, terms: list[Term]):
        self.terms: dict[str, dict[str, Term]] = {kind: {} for kind in KIND_FIELDS}
        for term in terms:
            self.terms[term.kind][term.slug] = term

    def visible(self, kind: str) -> list[Term]:
        return [t for t in self.terms[kind].values() if not t.hidden]

    def name(self, kind: str, slug: str) -> str:
        """The term's stored (English, or the user's own) name, as exports and records keep it."""
        term = self.terms[kind].get(slug)
        return term.name if term else slug

    def display(self, kind: str, slug: str) -> str:
        """The term's name as a person reads it: a built-in one in the language in force (``display_name``)."""
        term = self.terms[kind].get(slug)
        return display_name(term) if term else slug

    def check(self, kind: str, slug: str, field: str | None = None) -> str:
        """Return the slug if known, else refuse (about ``field``, by default the kind's own) with the closest ones."""
        slug = slug.strip().lower()
        if slug in self.terms[kind]:
            return slug
        raise unknown(kind, slug, self.terms[kind], field or KIND_FIELDS[kind])


def unknown(kind: str, value: str, known: dict, field: str) -> ValidationError:
    """The refusal of ``value``, not one of ``known`` (a kind of ``UNKNOWN_CODES``), naming the closest ones."""
    import difflib  # only on the error path

    names = {slug: slug for slug in known}
    names.update({getattr(t, "name", slug).lower(): slug for slug, t in known.items()})
    close = []
    for match in difflib.get_close_matches(value.lower(), names, n=6, cutoff=0.5):
        if names[match] not in close:
            close.append(names[match])
    if not close:
        close = [s for s in known if value[:3] and s.startswith(value[:3])]
    with_close, without = UNKNOWN_CODES[kind]
    if close:
        return ValidationError(with_close, field=field, value=value, close=", ".join(close[:3]))
    return ValidationError(without, field=field, value=value, choices=", ".join(known))


def check_scale(value, *, code: str = "pain.range", field: str = "pain", low: int = 0, high: int = 10,
                **params) -> int:
    """An integer on a 0–10 scale (or ``low``–``high``); else ValidationError ``code`` about ``field``.

    The code's sentence names the scale ("Pain must be …"); it gets ``value``, ``low``,
    ``high`` and ``params``.
    """
    number = whole_number(value)
    if number is None or not low <= number <= high:
        raise ValidationError(code, field=field, value=value, low=low, high=high, **params)
    return number


def check_relief(value) -> int:
    """Percent relief, 0–100 in steps of 10."""
    text = str(value).strip().rstrip("%")
    number = whole_number(text)
    if number is None or not 0 <= number <= 100 or number % 10:
        raise ValidationError("relief.range", field="relief", value=value)
    return number


def whole_number(value) -> int | None:
    """``value`` as a whole number of up to three digits (an int, or text such as "7"), else None."""
    if type(value) is int:  # the usual case, told at once (a bool is not one)
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip()
    return int(text) if 1 <= len(text) <= 3 and text.isascii() and text.isdigit() else None


def check_level(location: str, level: str | None) -> str | None:
    """A vertebral level (``T8``) that belongs to the spine region ``location``, upper-cased; None if not given."""
    if level is None or level == "":
        return None
    level = level.strip().upper()
    allowed = LEVELS_BY_LOCATION.get(location)
    if not allowed:
        raise ValidationError("level.not_spine", field="level", location=location)
    if level not in allowed:
        raise ValidationError("level.wrong_region", field="level", level=level, location=location,
                              first=allowed[0], last=allowed[-1])
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
            raise ValidationError("where.intensity_missing", field="where", location=location)
        intensity = default_intensity
    else:
        intensity = check_scale(intensity_text, code="where.intensity_range", field="where", location=location)
    return Site(location, intensity, check_level(location, level or None))


def parse_therapy(text: str, vocab: Vocabulary) -> TherapyUse:
    """Read ``THERAPY:RELIEF`` (relief 0–100 in tens) or just ``THERAPY`` (relief not known yet)."""
    slug, _, relief = text.partition(":")
    therapy = vocab.check("therapy", slug)
    return TherapyUse(therapy, check_relief(relief) if relief.strip() else None)


def split_medication(text: str) -> tuple[str, str | None]:
    """``"ibuprofen 400 mg"`` → ``("ibuprofen", "400 mg")``; the dose starts at the first number."""
    text = " ".join(text.split())
    import re  # here, not at the top: a quick log does without it (issue 15)

    m = re.match(r"^(.*?)\s+(\d.*)$", text)
    if m and m[1]:
        return m[1], m[2]
    return text, None


def attach_medication(therapies: list[TherapyUse], text: str) -> list[TherapyUse]:
    """Attach a medication (``--med``, or the app's medication field) to the entry's one medication therapy.

    ``THERAPY=TEXT`` names the therapy when the entry has more than one. The command
    line and the app both call this: one rule, one set of refusals (field ``medication``).
    """
    target, sep, rest = text.partition("=")
    if sep and target.strip() in MEDICATION_THERAPIES:
        slug, text = target.strip(), rest
        candidates = [i for i, t in enumerate(therapies) if t.therapy == slug]
    else:
        candidates = [i for i, t in enumerate(therapies) if t.therapy in MEDICATION_THERAPIES]
    if not text.strip():
        raise ValidationError("medication.empty", field="medication")
    if not candidates:
        raise ValidationError("medication.no_therapy", field="medication")
    if len(candidates) > 1:
        raise ValidationError("medication.ambiguous", field="medication")
    if therapies[candidates[0]].medication:
        raise ValidationError("medication.twice", field="medication", therapy=therapies[candidates[0]].therapy)
    name, dose = split_medication(text)
    out = list(therapies)
    out[candidates[0]] = replace(out[candidates[0]], medication=name, dose=dose)
    return out


def check_moment(moment: datetime, now: datetime | None, record: str, field: str = "at",
                 future: bool = False) -> datetime:
    """The time of a ``record`` (a key of ``MOMENT_CODES``): aware, not in the future, not before 1900.

    ``future``: a time to come is accepted (an appointment), up to ``FUTURE_LIMIT`` ahead.
    """
    no_zone, too_late, too_early = MOMENT_CODES[record]
    if moment.tzinfo is None:
        raise ValidationError(no_zone, field=field)
    if future:
        latest = (now or now_local()) + FUTURE_LIMIT
        if moment > latest:
            raise ValidationError("appointment.too_far", field=field, moment=moment)
    else:
        check_not_future(moment, now, code=too_late, field=field)
    if moment < EARLIEST or moment.year < EARLIEST.year:
        raise ValidationError(too_early, field=field, moment=moment, day=moment.date().isoformat())
    return moment


# A record id: what new_id and stable_id make (a UUID), or any such name of 8 to 64 lower-case letters,
# digits and hyphens; never empty, never spaces or control characters.
_RECORD_ID = r"[0-9a-z][0-9a-z-]{7,63}"
_SLUG = r"[a-z0-9]+(-[a-z0-9]+)*"


def check_record_id(record_id: str) -> str:
    """A record's id as the store makes them; else ValidationError ``record.id_form``."""
    import re

    if not re.fullmatch(_RECORD_ID, record_id):
        from osteotrack.domain.when import shown

        raise ValidationError("record.id_form", field="id", id=shown(record_id))
    return record_id


def check_slug(slug: str) -> str:
    """A vocabulary slug (``garden-work``), lower-cased; else ValidationError ``vocab.slug_form``."""
    slug = slug.strip().lower()
    import re

    if not re.fullmatch(_SLUG, slug) or len(slug) > 60:
        from osteotrack.domain.when import shown

        raise ValidationError("vocab.slug_form", field="slug", slug=shown(slug))
    return slug


def check_profile_name(name: str) -> str:
    """A profile name as stored (inner white space folded, ends trimmed); refused empty or with control characters."""
    if any(ord(c) < 32 or 127 <= ord(c) < 160 for c in name.replace("\t", " ").replace("\n", " ")):
        raise ValidationError("profile.name_control", field="name")
    name = " ".join(name.split())
    if not name:
        raise ValidationError("profile.name_empty", field="name")
    return name


def parse_t_score(text: str) -> float:
    """A T-score as typed (``-2.7``, also with a typographic minus); range checked by ``validate_event``."""
    try:
        return float(text.strip().replace("\u2212", "-"))
    except ValueError:
        raise ValidationError("t_score.unreadable", field="t_score", text=text) from None


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
        level = check_level(location, site.level)
        # One place once; a spine region may be given again at another vertebral level (T8 and T9).
        if any(s.location == location and (s.level is None or level is None or s.level == level) for s in sites):
            if level is not None and any(s.location == location and s.level == level for s in sites):
                raise ValidationError("where.level_twice", field="where", level=level)
            raise ValidationError("where.twice", field="where", location=location)
        sites.append(Site(location, check_scale(site.intensity, code="where.intensity_range", field="where",
                                                location=location), level))
    therapies: list[TherapyUse] = []
    for use in entry.therapies:
        therapy = vocab.check("therapy", use.therapy)
        if any(t.therapy == therapy for t in therapies):
            raise ValidationError("therapy.twice", field="therapy", therapy=therapy)
        if (use.medication or use.dose) and therapy not in MEDICATION_THERAPIES:
            raise ValidationError("medication.wrong_therapy", field="medication", therapy=therapy)
        therapies.append(TherapyUse(
            therapy,
            None if use.relief is None else check_relief(use.relief),
            (use.medication or "").strip() or None,
            (use.dose or "").strip() or None,
        ))
    entered_by = (entry.entered_by or "").strip() or None
    # Every field given (dataclasses.replace would look them up again for each entry of a long import).
    return Entry(
        at=check_moment(entry.at, now, "entry"),
        pain=check_scale(entry.pain),
        sites=sites,
        qualities=_unique(entry.qualities, vocab, "quality"),
        triggers=_unique(entry.triggers, vocab, "trigger"),
        therapies=therapies,
        note=entry.note or "",
        for_doctor=bool(entry.for_doctor),
        entered_by=entered_by,
        id=entry.id,
    )


def validate_checkin(checkin: CheckIn, today=None) -> CheckIn:
    """Each item 0–10 or not given; at least one given; the day not in the future."""
    check_not_future(checkin.day, today, code="day.future", field="day")
    values: dict = {k: None if getattr(checkin, k) is None else check_scale(getattr(checkin, k), code=code,
                                                                                      field=k)
              for k, code in CHECKIN_SCALE_CODES.items()}
    if all(v is None for v in values.values()) and not checkin.note.strip():
        raise ValidationError("checkin.empty")
    # What replace(checkin, **values) gives, without its look at every field's kind (an import checks thousands).
    kept = {name: getattr(checkin, name) for name in field_names(type(checkin)) if name not in values}
    return type(checkin)(**kept, **values)


def validate_event(event: Event, vocab: Vocabulary, now: datetime | None = None) -> Event:
    """Check an event: its kind, the fields that kind takes (and only those), its time; return it normalised."""
    if event.kind not in EVENT_KINDS:
        raise unknown("event_kind", event.kind, EVENT_KINDS, "kind")
    site = vocab.check("location", event.site, "site") if event.site else None
    level = event.level
    if level and not site and level.upper() in ALL_LEVELS:
        site = region_for_level(level)
    level = check_level(site, level) if (site and level) else (None if not level else _level_without_site(level))
    procedure = event.procedure
    if event.kind == "procedure":
        if not procedure:
            raise ValidationError("procedure.missing", field="procedure")
        if procedure not in PROCEDURES:
            raise unknown("procedure", procedure, PROCEDURES, "procedure")
    elif procedure:
        raise ValidationError("procedure.not_procedure", field="procedure")
    t_score, dxa_site = event.t_score, event.dxa_site
    if event.kind == "dxa":
        if t_score is None:
            raise ValidationError("t_score.missing", field="t_score")
        if not -6.0 <= float(t_score) <= 4.0:
            raise ValidationError("t_score.range", field="t_score", value=t_score)
        if dxa_site and dxa_site not in DXA_SITES:
            raise unknown("dxa_site", dxa_site, DXA_SITES, "dxa_site")
        t_score = round(float(t_score), 1)
    elif t_score is not None or dxa_site:
        raise ValidationError("t_score.not_dxa", field="t_score" if t_score is not None else "dxa_site")
    if event.kind == "fracture" and not site:
        raise ValidationError("site.missing", field="site")
    return replace(event, site=site, level=level, procedure=procedure, t_score=t_score, dxa_site=dxa_site,
                   at=check_moment(event.at, now, "event", future=event.kind in FUTURE_KINDS),
                   note=event.note or "")


def _level_without_site(level: str) -> str:
    raise ValidationError("level.no_site", field="level", level=level)


def validate_question(question: Question, now: datetime | None = None) -> Question:
    """Check a question for the doctor: some text, a known status, when it was asked; return it trimmed."""
    text = " ".join(question.text.split()) if question.text else ""
    if not text:
        raise ValidationError("question.empty", field="text")
    check_moment(question.created, now, "question", "created")
    if question.status not in QUESTION_STATUSES:
        raise ValidationError("question.status", field="status", status=question.status)
    return replace(question, text=question.text.strip())


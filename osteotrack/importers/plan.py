"""What an import would do: the records it would create, the rows it skips, the names it does not know.

A reader builds entries with ``EntryDraft`` and hands them to ``ImportPlan.add_entry``;
``ImportPlan.finish`` then validates every entry as the diary would, moving the ones the
diary would refuse to the skipped rows with the reason. Names the diary's vocabulary
lacks stay ``Pending``: the user decides whether they become new terms of the vocabulary
or stay words in the entry's note. Either way nothing the user wrote is lost.

Ids are stable: derived from the profile, the source format and the source row's own
identity (``key``), so importing the same file twice adds nothing the second time.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.records import CheckIn, Entry, Site, TherapyUse
from osteotrack.domain.validate import Vocabulary, validate_checkin, validate_entry
from osteotrack.domain.vocabulary import Term
from osteotrack.domain.when import now_local
from osteotrack.i18n import _

# The namespace of import ids (a UUID's 16 bytes): never change it, or a second import would add everything again.
_NAMESPACE = bytes.fromhex("6f1d3c2e7a4b5e8f9c0d1b2a3e4f5a6b")

# Sources that give only a day get this time of day (or now, for an entry of today before midday).
MIDDAY = time(12, 0)


@dataclass(frozen=True)
class NewTerm:
    """A name the diary's vocabulary lacks, and the term it would become."""

    kind: str  # location, quality, trigger or therapy
    slug: str
    name: str
    group: str | None = None  # therapies only
    came_from: str = ""  # what it was in the source ("tag", "treatment", "column Where")

    def as_term(self) -> Term:
        return Term(self.kind, self.slug, self.name, group=self.group, builtin=False)


@dataclass
class Pending:
    """An item of an entry whose name is new: a site, quality, trigger or therapy once confirmed."""

    term: NewTerm
    words: str  # how the note keeps it when the user does not add the term ("": the note has it already)
    intensity: int | None = None  # a location's intensity
    relief: int | None = None  # a therapy's relief


@dataclass
class PlannedEntry:
    key: str  # the source row's identity (see module docstring)
    line: int
    entry: Entry
    pending: list[Pending] = field(default_factory=list)


@dataclass
class PlannedCheckIn:
    key: str
    line: int
    checkin: CheckIn


@dataclass
class Skipped:
    """A row the import leaves out, with its line (or row) number and one sentence why."""

    line: int
    reason: str


@dataclass
class ImportPlan:
    """Everything an import would do, for the preview and for the store to write."""

    source: str  # flaredown, pain-diary or sheet
    label: str  # the file's kind in words (marked with N_, translated where shown), for the preview
    where: str = "line"  # what a location in the file is called: line, row, entry
    rows_read: int = 0
    entries: list[PlannedEntry] = field(default_factory=list)
    checkins: list[PlannedCheckIn] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)  # how values were mapped, in sentences (translated)
    left_out: list[str] = field(default_factory=list)  # what the file holds that is not imported, and why

    def skip(self, line: int, error: ValidationError | str) -> None:
        self.skipped.append(Skipped(line, str(error)))

    def new_terms(self) -> list[NewTerm]:
        """Each new name once, in the order first met."""
        seen: dict[tuple[str, str], NewTerm] = {}
        for planned in self.entries:
            for p in planned.pending:
                seen.setdefault((p.term.kind, p.term.slug), p.term)
        return list(seen.values())

    def uses(self, term: NewTerm) -> int:
        """How many entries name ``term``."""
        return sum(any(p.term.kind == term.kind and p.term.slug == term.slug for p in e.pending)
                   for e in self.entries)

    def finish(self, vocab: Vocabulary, now: datetime | None = None) -> ImportPlan:
        """Validate every record as the diary would; a record it would refuse becomes a skipped row."""
        now = now or now_local()
        extended = Vocabulary(_terms_of(vocab) + [t.as_term() for t in self.new_terms()
                                                  if t.slug not in vocab.terms[t.kind]])
        kept = []
        for planned in self.entries:
            try:
                planned.entry = validate_entry(_with_pending(planned, True), extended, now)
                planned.entry = _without_pending_items(planned)
            except ValidationError as error:
                self.skip(planned.line, error)
                continue
            kept.append(planned)
        self.entries = kept
        checkins = []
        for planned_checkin in self.checkins:
            try:
                planned_checkin.checkin = validate_checkin(planned_checkin.checkin, now.date())
            except ValidationError as error:
                self.skip(planned_checkin.line, error)
                continue
            checkins.append(planned_checkin)
        self.checkins = checkins
        self.skipped.sort(key=lambda s: s.line)
        return self

    def records(self, profile_id: int, add_new_terms: bool) -> tuple[list[Entry], list[CheckIn], list[Term]]:
        """The entries and check-ins to store for ``profile_id`` (with stable ids), and the new terms."""
        memo = self.__dict__.setdefault("_records", {})
        if (profile_id, add_new_terms) in memo:
            return memo[profile_id, add_new_terms]
        entries = [_with_id(_with_pending(p, add_new_terms), stable_id(profile_id, self.source, p.key))
                   for p in self.entries]
        checkins = [replace(c.checkin, id=stable_id(profile_id, self.source, "check-in " + c.key))
                    for c in self.checkins]
        terms = [t.as_term() for t in self.new_terms()] if add_new_terms else []
        memo[profile_id, add_new_terms] = entries, checkins, terms
        return entries, checkins, terms


def stable_id(profile_id: int, source: str, key: str) -> str:
    """A record id derived from whose diary, the source format and the source row: the same every import."""
    # A name-based UUID (version 5, RFC 4122), formatted by hand: ten years of rows make many.
    digest = bytearray(hashlib.sha1(_NAMESPACE + f"{profile_id}\x1f{source}\x1f{key}".encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _with_id(entry: Entry, record_id: str) -> Entry:
    """A copy of ``entry`` with its id (``dataclasses.replace`` is ten times slower, for ten years of rows)."""
    copy = object.__new__(Entry)
    copy.__dict__.update(entry.__dict__, id=record_id)
    return copy


def _terms_of(vocab: Vocabulary) -> list[Term]:
    return [t for kind in vocab.terms for t in vocab.terms[kind].values()]


def _without_pending_items(planned: PlannedEntry) -> Entry:
    """The validated entry (pending items included) with the pending items taken out again."""
    e = planned.entry
    if not planned.pending:
        return e
    slugs = {(p.term.kind, p.term.slug) for p in planned.pending}
    return replace(
        e,
        sites=[s for s in e.sites if ("location", s.location) not in slugs],
        qualities=[q for q in e.qualities if ("quality", q) not in slugs],
        triggers=[t for t in e.triggers if ("trigger", t) not in slugs],
        therapies=[t for t in e.therapies if ("therapy", t.therapy) not in slugs],
    )


def _with_pending(planned: PlannedEntry, add: bool) -> Entry:
    """The entry with its pending items as items (``add``) or as words at the end of its note."""
    e = planned.entry
    if not planned.pending:
        return e
    if not add:
        words = "; ".join(p.words for p in planned.pending if p.words)
        return replace(e, note=join_note(e.note, _("Also: {names}.").format(names=words))) if words else e
    sites, qualities, triggers, therapies = list(e.sites), list(e.qualities), list(e.triggers), list(e.therapies)
    for p in planned.pending:
        slug = p.term.slug
        if p.term.kind == "location" and all(s.location != slug for s in sites):
            sites.append(Site(slug, e.pain if p.intensity is None else p.intensity))
        elif p.term.kind == "quality" and slug not in qualities:
            qualities.append(slug)
        elif p.term.kind == "trigger" and slug not in triggers:
            triggers.append(slug)
        elif p.term.kind == "therapy" and all(t.therapy != slug for t in therapies):
            therapies.append(TherapyUse(slug, p.relief))
    return replace(e, sites=sites, qualities=qualities, triggers=triggers, therapies=therapies)


def shown(value, limit: int = 40) -> str:
    """A value from the file as a sentence quotes it: on one line, long ones cut short."""
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def join_note(*parts: str) -> str:
    """Note parts joined by blank lines, empty ones left out."""
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


def on_day(day: date, clock: time | None = None, now: datetime | None = None) -> datetime:
    """``day`` at ``clock`` (midday if None) in this computer's local time, never later than now.

    The day is the one the user picked in the other app: it is kept as it is, never
    converted across time zones.
    """
    now = now or now_local()
    moment = datetime.combine(day, clock or MIDDAY).astimezone()
    if moment > now and day == now.date():
        moment = now.replace(second=0, microsecond=0)
    return moment


def scale_0_4(value: int) -> int:
    """A 0–4 rating on the 0–10 scale: times 2.5, rounded half up (0, 3, 5, 8, 10)."""
    return int(value * 5 + 1) // 2


class EntryDraft:
    """Collects an entry's items as a reader maps them, each place, quality, trigger and therapy once."""

    def __init__(self, vocab: Vocabulary):
        self.vocab = vocab
        self.sites: dict[str, Site] = {}
        self.qualities: list[str] = []
        self.triggers: list[str] = []
        self.therapies: dict[str, TherapyUse] = {}
        self.pending: dict[tuple[str, str], Pending] = {}
        self.notes: list[str] = []

    def site(self, slug: str, intensity: int, level: str | None = None) -> None:
        known = self.sites.get(slug)
        if known is None or intensity > known.intensity:
            self.sites[slug] = Site(slug, intensity, level or (known.level if known else None))

    def quality(self, slug: str) -> None:
        if slug not in self.qualities:
            self.qualities.append(slug)

    def trigger(self, slug: str) -> None:
        if slug not in self.triggers:
            self.triggers.append(slug)

    def therapy(self, use: TherapyUse, words: str) -> None:
        """Add a therapy; one the entry already has (a second pain medicine, say) stays in the note."""
        if use.therapy in self.therapies:
            self.note(_("Also taken: {therapy}.").format(therapy=words))
        else:
            self.therapies[use.therapy] = use

    def new(self, pending: Pending) -> None:
        key = (pending.term.kind, pending.term.slug)
        if key in self.pending:
            if pending.intensity is not None:
                known = self.pending[key]
                known.intensity = max(known.intensity or 0, pending.intensity)
            return
        self.pending[key] = pending

    def note(self, text: str) -> None:
        if text and text.strip():
            self.notes.append(text.strip())

    def entry(self, key: str, line: int, at: datetime, pain: int) -> PlannedEntry:
        entry = Entry(at=at, pain=pain, sites=list(self.sites.values()), qualities=self.qualities,
                      triggers=self.triggers, therapies=list(self.therapies.values()),
                      note=join_note(*self.notes))
        return PlannedEntry(key, line, entry, list(self.pending.values()))

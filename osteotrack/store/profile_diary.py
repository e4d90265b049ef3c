"""A diary seen through one person: every read and write is about the profile it is bound to.

The faces resolve whose diary it is once (``--profile`` or the active profile; the app's
current profile) and then work through a ``ProfileDiary``. Nothing of another profile
shows through it: a record of someone else is "not found" here.
"""

from __future__ import annotations

from datetime import date, datetime

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.records import Entry
from osteotrack.domain.validate import Vocabulary
from osteotrack.store.entries import entry_key

TYPE_CHECKING = False  # typing is for the type checker only: the quick log path does not load it
if TYPE_CHECKING:
    from collections.abc import Iterator

    from osteotrack.domain.bone import Dose, FallsCheck, Height, HeightLoss, Impression, SideEffect, Treatment
    from osteotrack.domain.records import CheckIn, Event, Question
    from osteotrack.domain.selfcare import SelfCareSession
    from osteotrack.store.diary import Diary
    from osteotrack.store.figures import Figures

# The kinds of record found by an id prefix: their table, and the codes of their refusals
# (too short, no such id, more than one).
_ID_CODES = {
    "entry": ("entries", "entry.id_too_short", "entry.id_unknown", "entry.id_ambiguous"),
    "event": ("events", "event.id_too_short", "event.id_unknown", "event.id_ambiguous"),
    "question": ("questions", "question.id_too_short", "question.id_unknown", "question.id_ambiguous"),
    "deleted entry": ("deleted_entries", "entry.id_too_short", "entry.deleted_id_unknown", "entry.id_ambiguous"),
    "check-in": ("checkins", "checkin.id_too_short", "checkin.id_unknown", "checkin.id_ambiguous"),
    "dose": ("bone_doses", "dose.id_too_short", "dose.id_unknown", "dose.id_ambiguous"),
    "height": ("heights", "height.id_too_short", "height.id_unknown", "height.id_ambiguous"),
}


class ProfileDiary:
    """One profile's records in an open diary (``Diary.profile(name)``, ``Diary.profile_by_id(id)``)."""

    def __init__(self, diary: Diary, profile_id: int):
        self.diary = diary
        self.id = profile_id

    def __repr__(self) -> str:
        return f"<ProfileDiary {self.id} of {self.diary.path}>"

    @property
    def name(self) -> str:
        """This profile's name as it is now (it may have been renamed since the view was made)."""
        return self.diary._profiles.name_of(self.id)

    @property
    def read_only(self) -> bool:
        return self.diary.read_only

    def vocabulary(self) -> Vocabulary:
        """The diary's vocabulary (shared by every profile)."""
        return self.diary.vocabulary()

    @property
    def figures(self) -> Figures:
        """The named aggregate queries the analysis reads (store-internal rows by name)."""
        return self.diary._figures

    # -- who logs ---------------------------------------------------------

    def default_logger(self) -> str | None:
        """Who logs for this profile when an entry does not say: a caregiver's name, or None (the patient)."""
        return self.diary._profiles.default_logger(self.id)

    def set_default_logger(self, name: str | None) -> None:
        """Remember "I am <name>" for entries logged for this profile; None: the patient logs."""
        self.diary._profiles.set_default_logger(self.id, name)

    # -- pain entries -----------------------------------------------------

    def add_entry(self, entry: Entry, now: datetime | None = None) -> Entry:
        """Validate and store a pain entry; return it with its id."""
        return self.diary._entries.add(entry, self.id, now)

    def update_entry(self, entry: Entry, now: datetime | None = None) -> Entry:
        """Replace the contents of this profile's entry ``entry.id``."""
        return self.diary._entries.update(entry, self.id, now)

    def delete_entry(self, entry_id: str) -> dict:
        """Delete an entry of this profile; return what ``restore_entry`` needs to undo it."""
        return self.diary._entries.delete(entry_id, self.id)

    def restore_entry(self, saved: dict) -> Entry:
        """Put back an entry that ``delete_entry`` removed, exactly as it was."""
        return self.diary._entries.restore(saved)

    def undelete_entry(self, entry_id: str) -> Entry:
        """Bring back this profile's entry ``entry_id`` deleted (here or in the app) within the last 30 days."""
        return self.diary._entries.undelete(entry_id, self.id)

    def get_entry(self, entry_id: str) -> Entry | None:
        """This profile's entry with that id, or None."""
        return self.diary._entries.get(entry_id, self.id)

    def entries(self, since: date | None = None, until: date | None = None, limit: int | None = None,
                offset: int = 0, newest_first: bool = True) -> list[Entry]:
        """This profile's entries between two local days (inclusive), newest first, a page at a time."""
        return self.diary._entries.page(self.id, since, until, limit, offset, newest_first)

    def entries_before(self, entry: Entry | None, limit: int, *, including: bool = False) -> list[Entry]:
        """Up to ``limit`` entries older than ``entry`` (from the newest when None; ``entry`` itself first
        when ``including``), newest first: a page read by key, as fast years back as at the top. ``entry``
        may have been deleted since: its place in the order is what counts."""
        key = None if entry is None else entry_key(entry)
        return self.diary._entries.by_key(self.id, limit, key, inclusive=including)

    def entries_after(self, entry: Entry | None, limit: int) -> list[Entry]:
        """Up to ``limit`` entries newer than ``entry``, the nearest ones (the oldest of the diary when
        None), newest first."""
        key = None if entry is None else entry_key(entry)
        return self.diary._entries.by_key(self.id, limit, key, older=False)

    def entries_from_day(self, day: date, limit: int) -> list[Entry]:
        """Up to ``limit`` entries from the newest one on ``day`` (or, with none that day, before it) back."""
        key = self.diary._entries.key_on_or_before(self.id, day)
        return [] if key is None else self.diary._entries.by_key(self.id, limit, key, inclusive=True)

    def each_entry(self, since: date | None = None, until: date | None = None,
                   newest_first: bool = True) -> Iterator[Entry]:
        """Every entry between two local days (inclusive), read a batch at a time: for listing and
        exporting a whole diary in flat memory. Nothing may be written until all are read."""
        return self.diary._entries.each(self.id, since, until, newest_first)

    def entry_rows(self, since: date | None = None, until: date | None = None,
                   limit: int | None = None) -> Iterator[tuple]:
        """Every entry between two local days (at most ``limit``), newest first, as the plain values it is stored
        as (``Entries.each_row`` says which), read a batch at a time: for writing a whole diary out as text
        without making a record of each entry. Nothing may be written until all are read."""
        return self.diary._entries.each_row(self.id, since, until, limit)

    def flagged_entries(self, since: date | None = None, until: date | None = None) -> list[Entry]:
        """This profile's entries flagged "show my doctor" between two local days, oldest first."""
        return self.diary._entries.flagged(self.id, since, until)

    def count_entries(self, since: date | None = None, until: date | None = None) -> int:
        """How many entries this profile has between two local days (inclusive)."""
        return self.diary._entries.count(self.id, since, until)

    def logged_on(self, day: date) -> bool:
        """Whether this profile has an entry on ``day`` (the local day it was entered on)."""
        return self.count_entries(day, day) > 0

    def last_entry(self) -> Entry | None:
        """This profile's latest entry, or None."""
        found = self.entries(limit=1)
        return found[0] if found else None

    def recent_medications(self, therapy: str, limit: int = 5) -> list[tuple[str, str | None]]:
        """Medication names and doses this profile used before with ``therapy``, most recent first."""
        return self.diary._entries.recent_medications(self.id, therapy, limit)

    # -- check-ins --------------------------------------------------------

    def save_checkin(self, checkin: CheckIn, today: date | None = None, weekly: bool = False) -> CheckIn:
        """Store the day's check-in; a second one for the same day replaces the first. With ``weekly`` (as the
        app and the ``checkin`` command ask), PEG answers within 6 days of another week's PEG are refused."""
        return self.diary._checkins.save(checkin, self.id, today, weekly)

    def stored_checkins(self) -> list:
        """This profile's check-ins, oldest first, each with its stamps (``Stored``: ``.record``, ``.created_utc``)."""
        return self.diary._checkins.stored(self.id)

    def weekly_peg_near(self, day: date) -> date | None:
        """The day of another check-in within 6 days of ``day`` holding a past-week PEG, or None: the PEG is due."""
        return self.diary._checkins.weekly_peg_near(day, self.id)

    def checkin(self, day: date) -> CheckIn | None:
        """This profile's check-in of ``day``, or None."""
        return self.diary._checkins.get(day, self.id)

    def checkins(self, since: date | None = None, until: date | None = None) -> list[CheckIn]:
        """This profile's check-ins between two days (inclusive), oldest first."""
        return [s.record for s in self.diary._checkins.stored(self.id, since, until)]

    # -- events -----------------------------------------------------------

    def add_event(self, event: Event, now: datetime | None = None) -> Event:
        """Validate and store an event; return it with its id."""
        return self.diary._events.add(event, self.id, now)

    def delete_event(self, event_id: str) -> None:
        """Delete this profile's event ``event_id``."""
        self.diary._events.delete(event_id, self.id)

    def next_appointment(self, now: datetime | None = None) -> Event | None:
        """This profile's next appointment from ``now`` (default: the present) on, or None."""
        from osteotrack.domain.when import now_local

        return self.diary._events.next_of_kind(self.id, "appointment", now or now_local())

    def events(self, since: date | None = None, until: date | None = None,
               kinds: tuple[str, ...] | None = None) -> list[Event]:
        """This profile's events between two local days (inclusive), in time order."""
        return [s.record for s in self.diary._events.stored(self.id, since, until, kinds)]

    # -- questions --------------------------------------------------------

    def add_question(self, question: Question) -> Question:
        """Validate and store a question for the doctor; return it with its id."""
        return self.diary._questions.add(question, self.id)

    def set_question_status(self, question_id: str, status: str, answer: str | None = None) -> Question:
        """Mark this profile's question open, asked or answered (with the answer, if given)."""
        return self.diary._questions.set_status(question_id, self.id, status, answer)

    def open_questions(self) -> list[Question]:
        """This profile's open questions, oldest first: every one not yet answered (asked but unanswered too)."""
        return [q for q in self.questions() if q.status != "answered"]

    def questions(self, status: str | None = None) -> list[Question]:
        """This profile's questions (with ``status`` only, when given), oldest first."""
        where, params = ("q.status = ?", [status]) if status else ("1", [])
        return [s.record for s in self.diary._questions.stored(self.id, where, params)]

    def delete_question(self, question_id: str) -> None:
        """Delete this profile's question ``question_id``."""
        self.diary._questions.delete(question_id, self.id)

    # -- self-care sessions -----------------------------------------------

    def add_session(self, session: SelfCareSession, now: datetime | None = None) -> SelfCareSession:
        """Validate and store a self-care session with the pain entry it creates."""
        return self.diary._sessions.add(session, self.id, now)

    def sessions(self, since: date | None = None, until: date | None = None) -> list[SelfCareSession]:
        """This profile's self-care sessions between two local days (inclusive), oldest first."""
        return self.diary._sessions.stored(self.id, since, until)


    # -- bone care (issue 16) ----------------------------------------------

    def add_treatment(self, treatment: Treatment, now: datetime | None = None) -> Treatment:
        """Validate and store a bone treatment (medicine, interval, start); return it with its id."""
        return self.diary._bone.treatments.add(treatment, self.id, now)

    def stop_treatment(self, medicine: str, on: date, note: str = "", now: datetime | None = None) -> Treatment:
        """Stop this profile's current treatment with ``medicine`` on day ``on``."""
        return self.diary._bone.treatments.stop(medicine, on, self.id, note, now)

    def treatments(self) -> list[Treatment]:
        """This profile's bone treatments, current and stopped, by start day."""
        return [s.record for s in self.diary._bone.treatments.stored(self.id)]

    def add_dose(self, dose: Dose, now: datetime | None = None) -> Dose:
        """Validate and store a dose taken (or injection given) under the treatment covering its day."""
        return self.diary._bone.doses.add(dose, self.id, now)

    def doses(self, since: date | None = None, until: date | None = None) -> list[Dose]:
        """This profile's doses between two local days (inclusive), in time order."""
        return [s.record for s in self.diary._bone.doses.stored(self.id, since, until)]

    def dose_days(self) -> dict[str, list[date]]:
        """The local day of every dose of this profile, by treatment id, oldest first."""
        return self.diary._bone.doses.days_by_treatment(self.id)

    def add_height(self, height: Height, now: datetime | None = None) -> tuple[Height, list[HeightLoss]]:
        """Store a height; return it and the loss thresholds it newly crossed (each adds a question)."""
        return self.diary._bone.heights.add(height, self.id, now)

    def heights(self, since: date | None = None, until: date | None = None) -> list[Height]:
        """This profile's height measurements between two local days (inclusive), oldest first."""
        return [s.record for s in self.diary._bone.heights.stored(self.id, since, until)]

    def add_falls_check(self, check: FallsCheck, now: datetime | None = None) -> FallsCheck:
        """Validate and store the three answers of a falls check."""
        return self.diary._bone.falls_checks.add(check, self.id, now)

    def falls_checks(self, since: date | None = None, until: date | None = None) -> list[FallsCheck]:
        """This profile's falls checks between two local days (inclusive), oldest first."""
        return [s.record for s in self.diary._bone.falls_checks.stored(self.id, since, until)]

    def add_impression(self, impression: Impression, now: datetime | None = None) -> Impression:
        """Validate and store an impression of change (1–7)."""
        return self.diary._bone.impressions.add(impression, self.id, now)

    def impressions(self, since: date | None = None, until: date | None = None) -> list[Impression]:
        """This profile's impressions of change between two local days (inclusive), oldest first."""
        return [s.record for s in self.diary._bone.impressions.stored(self.id, since, until)]

    def add_side_effect(self, effect: SideEffect, now: datetime | None = None) -> SideEffect:
        """Validate and store a side effect of a medicine."""
        return self.diary._bone.side_effects.add(effect, self.id, now)

    def side_effects(self, since: date | None = None, until: date | None = None) -> list[SideEffect]:
        """This profile's side effects between two local days (inclusive), oldest first."""
        return [s.record for s in self.diary._bone.side_effects.stored(self.id, since, until)]

    def side_effects_by_medicine(self, since: date, until: date) -> list:
        """Rows by name: ``medicine``, ``effect``, ``count``, ``worst``, ``first``, ``last`` between two days."""
        return self.diary._bone.side_effects.by_medicine(self.id, since, until)

    def delete_bone_record(self, kind: str, record_id: str) -> None:
        """Delete this profile's dose, height, falls check, impression or side effect ``record_id``."""
        parts = {"dose": "doses", "height": "heights", "falls-check": "falls_checks", "impression": "impressions",
                 "side-effect": "side_effects"}
        self.diary._bone.parts()[parts[kind]].delete(record_id, self.id)

    def insert_bone_validated(self, records: dict[str, list[tuple]]) -> None:
        """Insert bone records already validated, each ``(record, created, updated)``, by export key
        (``treatments``, ``doses``, ``heights``, ``falls_checks``, ``impressions``, ``side_effects``), in
        one transaction: for the demo and bulk loads."""
        parts = self.diary._bone.parts()
        with self.diary.writing():
            for key, part in parts.items():
                for record, created, updated in records.get(key, ()):
                    part.insert(record, self.id, created, updated)

    # -- ids --------------------------------------------------------------

    def find_id(self, kind: str, prefix: str) -> str:
        """The full id of this profile's one ``kind`` record (entry, deleted entry, event, question, check-in,
        dose, height)
        starting ``prefix``."""
        table, too_short, unknown, ambiguous = _ID_CODES[kind]
        prefix = prefix.strip().lower()
        if len(prefix) < 4:
            raise ValidationError(too_short, field="id", prefix=prefix)
        rows = self.diary._conn.execute(
            f"SELECT id FROM {table} WHERE profile_id = ? AND substr(id, 1, ?) = ? LIMIT 2",
            [self.id, len(prefix), prefix],
        ).fetchall()
        if not rows:
            raise ValidationError(unknown, field="id", prefix=prefix)
        if len(rows) > 1:
            raise ValidationError(ambiguous, field="id", prefix=prefix)
        return rows[0][0]

    # -- bulk -------------------------------------------------------------

    def insert_validated(self, *, entries: list[tuple[Entry, str, str]] = (),  # type: ignore[assignment]
                         checkins: list[tuple[CheckIn, str, str]] = (),  # type: ignore[assignment]
                         events: list[tuple[Event, str, str]] = (),  # type: ignore[assignment]
                         questions: list[tuple[Question, str]] = ()) -> None:  # type: ignore[assignment]
        """Insert records already validated, each with its created and updated stamps (UTC text), in
        one transaction: for the demo and bulk loads. ``questions`` take their updated stamp only."""
        d = self.diary
        with d.writing():
            for entry, created, updated in entries:
                d._entries.insert(entry, self.id, created, updated)
            for checkin, created, updated in checkins:
                d._checkins.insert(checkin, self.id, created, updated)
            for event, created, updated in events:
                d._events.insert(event, self.id, created, updated)
            for question, updated in questions:
                d._questions.insert(question, self.id, updated)

    # -- history from another app or a spreadsheet ----------------------------

    def known_ids(self, kind: str, ids: list[str]) -> set[str]:
        """Which of ``ids`` (of kind ``entry`` or ``check-in``) the diary has already: what an import would skip."""
        from osteotrack.store.outside import owners

        return set(owners(self.diary, kind, ids))

    def import_records(self, entries: list[Entry], checkins: list[CheckIn], terms: list,
                       checked: bool = False) -> dict[str, int]:
        """Add new vocabulary ``terms``, then the entries and check-ins this profile lacks, in one transaction.

        Records whose id the diary has already are skipped; returns counts of entries,
        checkins and terms added, and of records skipped. ``checked``: the records come from a
        finished import plan (validated already); only their names are checked again.
        """
        from osteotrack.store.outside import write

        return write(self.diary, self.id, entries, checkins, terms, checked)

"""The entry form: a moment of pain, logged in a few keys, edited later, never lost by accident.

Tab moves between the parts: pain (a digit), the body map (type a name, a digit
for its intensity), triggers (type to filter, enter to choose), therapies (a
digit sets relief in tens), then medication, quality, time, note and the
doctor flag. Ctrl+S saves from anywhere; Escape asks before dropping input.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Button, Checkbox, Input, Static, TextArea

from osteotrack.domain.describe import entry_details, when_text
from osteotrack.domain.errors import DiaryError, ValidationError
from osteotrack.domain.messages import MESSAGES
from osteotrack.domain.records import Entry, TherapyUse
from osteotrack.domain.validate import attach_medication
from osteotrack.domain.vocabulary import (
    LOCATIONS,
    MEDICATION_THERAPIES,
    QUALITIES,
    THERAPIES,
    TRIGGERS,
    display_name,
)
from osteotrack.domain.when import parse_when
from osteotrack.i18n import N_, _, lazy, pgettext
from osteotrack.store import ProfileDiary
from osteotrack.tui.dialogs.conflict_versions import OtherVersionKeys, OtherVersionLine
from osteotrack.tui.screens.base import DiaryScreen
from osteotrack.tui.widgets.body_map import BodyMap
from osteotrack.tui.widgets.keys_footer import KeysFooter
from osteotrack.tui.widgets.pain_scale import PainScale
from osteotrack.tui.widgets.scale import ScaleInput
from osteotrack.tui.widgets.still_header import StillHeader
from osteotrack.tui.widgets.ticks import TickBox
from osteotrack.tui.widgets.toggle_list import ToggleList

NO_PAIN_CHOSEN = MESSAGES["pain.not_chosen"]


def _pairs(terms) -> list[tuple[str, str]]:
    """(slug, name) of the terms shown, each named in the language in force (a person's own as typed)."""
    return [(t.slug, display_name(t)) for t in terms if not t.hidden]


@dataclass
class FormData:
    """What the form needs from the diary, read in a worker thread."""

    locations: list[tuple[str, str]]
    triggers: list[tuple[str, str]]
    qualities: list[tuple[str, str]]
    therapies: list[tuple[str, str]]
    medications: dict[str, list[str]] = field(default_factory=dict)
    entry: Entry | None = None
    last: Entry | None = None


def read_form_data(person: ProfileDiary, entry_id: str | None) -> FormData:
    """What the form offers and fills in, all of it from this one person's diary (runs in a worker thread)."""
    vocab = person.vocabulary()
    entry = person.get_entry(entry_id) if entry_id else None
    if entry_id and entry is None:
        raise ValidationError("entry.gone")
    return FormData(
        locations=_pairs(vocab.visible("location")),
        triggers=_pairs(vocab.visible("trigger")),
        qualities=_pairs(vocab.visible("quality")),
        therapies=_pairs(vocab.visible("therapy")),
        medications={t: [" ".join(p for p in pair if p) for pair in person.recent_medications(t)]
                     for t in MEDICATION_THERAPIES},
        entry=entry,
        last=person.last_entry(),
    )


class EntryScreen(OtherVersionKeys, DiaryScreen):
    """Log a new moment of pain, or edit one (``entry_id``). Dismisses with the saved entry's id."""

    FORM = True  # the app hides its navigation keys here
    LEAVE_QUESTION = N_("Leave without saving? What you typed in this entry will be lost.")
    FIELD_WIDGETS = {"pain": "pain", "where": "body-map", "level": "body-map", "therapy": "therapies",
                     "relief": "therapies", "medication": "medication", "at": "when"}
    BINDINGS = [
        Binding("ctrl+s", "save", lazy("Save"), id="entry-save"),
        Binding("tab", "app.focus_next", lazy("Next part"), id="entry-next"),
        Binding("ctrl+l", "same_as_last", lazy("Same as last time"), id="entry-same-as-last"),
        Binding("ctrl+d", "toggle_doctor", lazy("For my doctor"), id="entry-doctor", show=False),
        Binding("ctrl+o", "other_version", lazy("Other version"), id="entry-other-version"),
    ]

    def __init__(self, entry_id: str | None = None):
        super().__init__()
        self.entry_id = entry_id
        self._entry: Entry | None = None
        self._last: Entry | None = None
        self._medications: dict[str, list[str]] = {}
        self._saved_state: tuple | None = None
        self._when_text = now_word()
        self._saving = False
        self.ready_for_keys = False  # the app holds keys typed ahead until the form has its focus

    # -- layout --------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield StillHeader()
        with VerticalScroll(id="form"):
            yield Static("", id="form-error", classes="error")
            yield OtherVersionLine("ctrl+o", id="other-version")
            yield Static(_("Pain now — a digit sets it (1 then 0 for 10)"), classes="field-label")
            yield PainScale(id="pain")
            yield Static("", id="pain-error", classes="error")
            yield Static(_("Where it hurts — type a name or use the arrows; a digit sets its intensity"),
                         classes="field-label")
            yield BodyMap(_pairs(LOCATIONS), id="body-map")
            yield Static("", id="body-map-error", classes="error")
            with Horizontal(classes="pair"):
                with Vertical():
                    yield Static(_("What set it off"), classes="field-label")
                    yield ToggleList(_pairs(TRIGGERS), id="triggers")
                with Vertical():
                    yield Static(_("What you tried (6 = 60 % relief)"), classes="field-label")
                    yield ToggleList(_pairs(THERAPIES), valued=True, id="therapies")
            yield Static("", id="therapies-error", classes="error")
            with Horizontal(classes="row"):
                yield Static(_("Medication and dose"), classes="row-label")
                yield Input(placeholder=_("e.g. ibuprofen 400 mg"), id="medication")
            yield Static("", id="medication-error", classes="error")
            with Horizontal(classes="pair"):
                with Vertical():
                    yield Static(_("How it feels"), classes="field-label")
                    yield ToggleList(_pairs(QUALITIES), id="qualities", rows=4)
                with Vertical():
                    yield Static(_("When"), classes="field-label")
                    yield Input(value=self._when_text, placeholder=_("now, 2h ago, yesterday evening"), id="when")
                    yield Static("", id="when-preview", classes="hint")
                    yield Static("", id="when-error", classes="error")
                    yield TickBox(doctor_label(False), id="doctor")
            yield Static(_("Note"), classes="field-label")
            yield TextArea(id="note", soft_wrap=True, show_line_numbers=False)
            with Horizontal(classes="row"):
                yield Button(_("Save (Ctrl+S)"), id="save", variant="primary")
                yield Button(_("Same as last time (Ctrl+L)"), id="same")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = _("Edit entry") if self.entry_id else _("Log pain")
        self.set_focus(self.query_one("#pain", PainScale), scroll_visible=False)  # at once: typed-ahead keys go to it
        self._preview_when()
        self._saved_state = self._state()
        self._load()
        self.ready_for_keys = True
        release = getattr(self.app, "release_keys", None)
        if release is not None:
            release()

    # -- loading -------------------------------------------------------------

    def _load(self) -> None:
        entry_id = self.entry_id
        self.read(lambda person: read_form_data(person, entry_id), self._fill_from_diary, group="entry-load")

    def _fill_from_diary(self, data: FormData) -> None:
        untouched = self._state() == self._saved_state
        self.query_one("#body-map", BodyMap).set_locations(data.locations)
        self.query_one("#triggers", ToggleList).set_items(data.triggers)
        self.query_one("#qualities", ToggleList).set_items(data.qualities)
        self.query_one("#therapies", ToggleList).set_items(data.therapies)
        self._medications = data.medications
        remembered = [m for names in data.medications.values() for m in names]
        self.query_one("#medication", Input).suggester = SuggestFromList(remembered, case_sensitive=False)
        self._last = data.last
        if data.entry is not None:
            self._entry = data.entry
            self._fill(data.entry, whole=True)
            self._saved_state = self._state()
            self.query_one(OtherVersionLine).show_for("entry", data.entry.id)
        elif untouched:
            self._saved_state = self._state()

    def _fill(self, entry: Entry, whole: bool) -> None:
        """Put an entry into the form; ``whole`` also fills time, note and the doctor flag."""
        self.query_one("#pain", PainScale).value = entry.pain
        body_map = self.query_one("#body-map", BodyMap)
        body_map.set_sites(entry.sites)
        self.query_one("#triggers", ToggleList).set_chosen({t: None for t in entry.triggers})
        self.query_one("#qualities", ToggleList).set_chosen({q: None for q in entry.qualities})
        self.query_one("#therapies", ToggleList).set_chosen({t.therapy: t.relief for t in entry.therapies})
        medication = next((t for t in entry.therapies if t.medication), None)
        text = "" if medication is None else " ".join(p for p in (medication.medication, medication.dose) if p)
        # With two medication therapies, name the one it goes with, as attach_medication asks.
        if text and sum(t.therapy in MEDICATION_THERAPIES for t in entry.therapies) > 1:
            text = f"{medication.therapy}={text}"
        self.query_one("#medication", Input).value = text
        if whole:
            self._when_text = f"{entry.at:%Y-%m-%d %H:%M}"
            self.query_one("#when", Input).value = self._when_text
            self.query_one("#note", TextArea).text = entry.note
            self.query_one("#doctor", Checkbox).value = entry.for_doctor

    # -- reacting to input ---------------------------------------------------

    @on(ScaleInput.Changed, "#pain")
    def _pain_changed(self, event: ScaleInput.Changed) -> None:
        if event.value is not None:
            self.query_one("#body-map", BodyMap).default_intensity = event.value
            self.clear_error("pain")

    def on_toggle_list_changed(self, event: ToggleList.Changed) -> None:
        if event.control.id != "therapies":
            return
        medication = self.query_one("#medication", Input)
        chosen = [t for t in MEDICATION_THERAPIES if t in event.control.chosen]
        # Remember the medication from earlier entries: fill it in when a medication is chosen.
        if chosen and not medication.value:
            recent = self._medications.get(chosen[0]) or []
            if recent:
                medication.value = recent[0]

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        # Said in words, not only by the box's colour.
        event.checkbox.label = doctor_label(event.value)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "when":
            self._preview_when()

    def _preview_when(self) -> None:
        text = self.query_one("#when", Input).value
        try:
            moment = self._parse_when(text)
        except ValidationError:
            preview = _("e.g. now, 2h ago, yesterday evening, monday 9:00")
        else:
            preview = f"= {when_text(moment)}"
        self.query_one("#when-preview", Static).update(preview)

    def _parse_when(self, text: str):
        if self._entry is not None and text.strip() == self._when_text:
            return self._entry.at  # unchanged: keep the exact stored moment and offset
        return parse_when(text, now=self.osteo.now())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "same":
            self.action_same_as_last()

    # -- state and validation -----------------------------------------------

    def _state(self) -> tuple:
        body = self.query_one("#body-map", BodyMap)
        return (
            self.query_one("#pain", PainScale).value,
            tuple((s.location, s.intensity, s.level) for s in body.value()),
            tuple(sorted(self.query_one("#triggers", ToggleList).chosen.items())),
            tuple(sorted(self.query_one("#qualities", ToggleList).chosen.items())),
            tuple(sorted(self.query_one("#therapies", ToggleList).chosen.items(), key=str)),
            self.query_one("#medication", Input).value.strip(),
            self.query_one("#when", Input).value.strip(),
            self.query_one("#note", TextArea).text,
            self.query_one("#doctor", Checkbox).value,
        )

    @property
    def dirty(self) -> bool:
        """True when the form holds input that has not been saved."""
        return not self._saving and self._state() != self._saved_state

    def _collect(self) -> Entry | None:
        """The entry the form describes, or None with each problem shown beside its field."""
        problems: list[ValidationError] = []
        pain = self.query_one("#pain", PainScale).value
        if pain is None:
            problems.append(ValidationError("pain.not_chosen", field="pain"))
        try:
            at = self._parse_when(self.query_one("#when", Input).value)
        except ValidationError as error:
            problems.append(error)
        chosen = self.query_one("#therapies", ToggleList).chosen
        uses = [TherapyUse(slug, relief) for slug, relief in chosen.items()]
        medication = self.query_one("#medication", Input).value.strip()
        if medication:
            try:
                uses = attach_medication(uses, medication)
            except ValidationError as error:
                problems.append(error)
        shown = self.show_errors(problems)
        if problems:
            self.query_one(f"#{shown[0]}").focus()
            return None
        return Entry(
            at=at,
            pain=pain,
            sites=self.query_one("#body-map", BodyMap).value(),
            qualities=list(self.query_one("#qualities", ToggleList).chosen),
            triggers=list(self.query_one("#triggers", ToggleList).chosen),
            therapies=uses,
            note=self.query_one("#note", TextArea).text,
            for_doctor=self.query_one("#doctor", Checkbox).value,
            entered_by=self._entry.entered_by if self._entry else None,
            id=self.entry_id,
        )

    # -- actions -------------------------------------------------------------

    def action_save(self) -> None:
        if self._saving:
            return
        entry = self._collect()
        if entry is not None:
            self._saving = True
            now = self.osteo.now()

            def save(person: ProfileDiary) -> tuple[str, str]:
                stored = person.update_entry(entry, now=now) if entry.id else person.add_entry(entry, now=now)
                return stored.id, entry_details(stored, person.vocabulary())

            self.write(save, lambda saved: self._saved(*saved))

    def refused(self, error: DiaryError) -> None:
        """A refused save (or a form that could not be read) is said beside the part it is about."""
        self._saving = False
        target = self.show_error(error)
        self.query_one("#form", VerticalScroll).scroll_to_widget(self.query_one(f"#{target}-error"))

    def _saved(self, entry_id: str, summary: str) -> None:
        self.app.notify(_("Saved: {entry}").format(entry=summary),
                        title=_("Entry saved") if not self.entry_id else _("Entry updated"))
        self.dismiss(entry_id)

    def action_same_as_last(self) -> None:
        """Fill the form from the most recent entry: pain, places, triggers, qualities, therapies."""
        if self._last is None:
            self.app.notify(_("There is no earlier entry to copy yet."), severity="warning")
            return
        self._fill(self._last, whole=False)
        self.app.notify(_("Filled from {moment}; change what differs, then Ctrl+S.").format(
            moment=when_text(self._last.at)))

    def action_toggle_doctor(self) -> None:
        checkbox = self.query_one("#doctor", Checkbox)
        checkbox.value = not checkbox.value


def doctor_label(flagged: bool) -> str:
    """The doctor flag said in words, not only by the box's colour."""
    return _("For my doctor: yes") if flagged else _("For my doctor: no")


def now_word() -> str:
    """The word the When field starts with: "now" in the language in force, when the time parser reads it."""
    # TRANSLATORS: the When field's first value: it must be the word for "now" that the field reads.
    word = pgettext("when", "now")
    try:
        parse_when(word)
    except ValidationError:
        return "now"
    return word

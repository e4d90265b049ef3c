"""Events: falls, fractures, procedures, imaging, bone-density (DXA) results and appointments."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Input, Label, Select, Static

from osteotrack.domain import dates
from osteotrack.domain.describe import event_summary, when_text
from osteotrack.domain.errors import DiaryError, ValidationError
from osteotrack.domain.records import Event
from osteotrack.domain.validate import FUTURE_KINDS, Vocabulary, parse_t_score
from osteotrack.domain.vocabulary import DXA_SITES, EVENT_KINDS, PROCEDURES, display_name, shown
from osteotrack.domain.when import parse_when
from osteotrack.i18n import N_, _, lazy, pgettext
from osteotrack.store import ProfileDiary
from osteotrack.tui.dialogs.confirm import ConfirmDialog
from osteotrack.tui.screens.base import DiaryScreen
from osteotrack.tui.widgets.cells import clipped, remaining_width
from osteotrack.tui.widgets.keys_footer import KeysFooter
from osteotrack.tui.widgets.still_header import StillHeader

# Which fields each kind of event asks for (when and note are always asked).
FIELDS_BY_KIND = {
    "fall": ("site",),
    "near-fall": ("site",),
    "fracture": ("site", "level"),
    "procedure": ("procedure", "level"),
    "imaging": ("site", "level"),
    "dxa": ("t-score", "dxa-site"),
    "appointment": (),
}
OPTIONAL_FIELDS = ("site", "level", "procedure", "t-score", "dxa-site")


class EventsScreen(DiaryScreen):
    """The list of events, newest first; add one, or delete one after a question."""

    TITLE = lazy("Events")
    PROBLEM_LINE = "#status"
    EDITING_ACTIONS = frozenset({"add_event", "delete_event"})

    BINDINGS = [
        Binding("a", "add_event", lazy("Add event"), id="events-add"),
        Binding("d,delete", "delete_event", lazy("Delete"), id="events-delete"),
        Binding("r,f5", "refresh", lazy("Refresh"), id="events-refresh"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.events: list[Event] = []
        self.vocab: Vocabulary | None = None

    def compose(self) -> ComposeResult:
        yield StillHeader()
        yield Static(_("Reading the diary…"), id="status")
        table = DataTable(cursor_type="row", zebra_stripes=True, id="events")
        width = dates.widest(when_text)  # "Wed 30 Sep 2026 19:00", Spanish "mié 30 sept 2026, 19:00"
        table.add_column(_("When"), width=width)
        table.add_column(_("What"), width=remaining_width(self.app.size.width, [width]))
        yield table
        yield Static("", id="detail")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self._read()

    def _read(self, select: str | None = None) -> None:
        self.read(lambda person: (person.vocabulary(), list(reversed(person.events()))),
                  lambda found: self._show(*found, select), group="events-read")

    def _show(self, vocab: Vocabulary, events: list[Event], select: str | None) -> None:
        from osteotrack.domain.numbers import count

        self.vocab, self.events = vocab, events
        table = self.query_one(DataTable)
        table.clear()
        for event in events:
            summary = event_summary(event, vocab)
            what = summary.partition(": ")[2] or summary
            table.add_row(when_text(event.at), clipped(what), key=event.id)
        if select is not None and any(e.id == select for e in events):
            table.move_cursor(row=table.get_row_index(select))
        hint = "" if self.read_only else " " + _("Press a to add one.")
        status = _("{events}, newest first.").format(events=count(len(events), "event")) if events \
            else _("No events yet.")
        self.query_one("#status", Static).update(status + hint)
        self._update_detail()

    @property
    def current(self) -> Event | None:
        row = self.query_one(DataTable).cursor_row
        return self.events[row] if 0 <= row < len(self.events) else None

    def _update_detail(self) -> None:
        event = self.current
        text = event_summary(event, self.vocab) if event is not None and self.vocab is not None else ""
        self.query_one("#detail", Static).update(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._update_detail()

    def action_refresh(self) -> None:
        self._read()

    def action_add_event(self) -> None:
        if self.refused_read_only():
            return
        self.app.push_screen(EventFormScreen(), lambda saved: saved and self._read(saved))

    def action_delete_event(self) -> None:
        event = self.current
        if event is None or self.vocab is None:
            return
        question = _("Delete this event?") + f"\n\n{event_summary(event, self.vocab)}"

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(lambda person: person.delete_event(event.id), self._deleted)

        self.app.push_screen(ConfirmDialog(question, yes=_("Delete"), no=_("Keep")), answered)

    def _deleted(self, _nothing: None) -> None:
        self.notify(_("Event deleted."), title=pgettext("event", "Deleted"))
        self._read()


class EventFormScreen(DiaryScreen):
    """Add one event; the fields shown follow its kind. Dismisses with the new event's id."""

    TITLE = lazy("Add an event")
    FORM = True  # the app hides its navigation keys here
    EDITING_ACTIONS = frozenset({"save"})
    LEAVE_QUESTION = N_("Leave without saving this event?")

    DEFAULT_CSS = """
    EventFormScreen VerticalScroll { padding: 0 1; }
    EventFormScreen .field { height: auto; }
    EventFormScreen .field > Label { width: 16; padding: 1 1 0 0; text-align: right; }
    EventFormScreen .field > Input, EventFormScreen .field > Select { width: 1fr; }
    EventFormScreen .error { padding-left: 16; }
    EventFormScreen #save { margin: 1 0 0 16; min-width: 20; }
    EventFormScreen .hint { padding-left: 16; color: $text-muted; }
    """

    BINDINGS = [Binding("ctrl+s", "save", lazy("Save"), id="event-save")]
    FIELD_WIDGETS = {"kind": "kind", "at": "when", "site": "site", "level": "level", "procedure": "procedure",
                     "t_score": "t-score", "dxa_site": "dxa-site", "note": "note"}

    def __init__(self) -> None:
        super().__init__()
        self._baseline: tuple = ()

    def compose(self) -> ComposeResult:
        yield StillHeader()
        with VerticalScroll():
            yield from self._field("kind", _("What happened"),
                                   Select([(shown(EVENT_KINDS, kind), kind) for kind in EVENT_KINDS], value="fall",
                                          allow_blank=False, id="kind"))
            yield from self._field("when", _("When"),
                                   Input(placeholder=_("now, yesterday 17:00, 2026-03-02"), id="when"))
            yield Label("", id="when-preview", classes="hint")
            yield from self._field("procedure", _("Procedure"),
                                   Select([(shown(PROCEDURES, slug), slug) for slug in PROCEDURES],
                                          prompt=_("Choose the procedure"), id="procedure"))
            yield from self._field("site", _("Where"), Select([], prompt=_("Choose the place"), id="site"))
            yield from self._field("level", _("Vertebra"),
                                   Input(placeholder=_("a level C1–L5, e.g. T8"), id="level"))
            yield from self._field("t-score", _("T-score"), Input(placeholder=_("e.g. -2.7"), id="t-score"))
            yield from self._field("dxa-site", _("Measured at"),
                                   Select([(shown(DXA_SITES, slug), slug) for slug in DXA_SITES],
                                          prompt=_("Choose where it was measured"), id="dxa-site"))
            yield from self._field("note", _("Note"), Input(placeholder=_("optional"), id="note"))
            yield Label("", id="form-error", classes="error")
            yield Button(_("Save event (Ctrl+S)"), id="save", variant="primary")
        yield KeysFooter()

    @staticmethod
    def _field(key: str, label: str, widget) -> ComposeResult:
        with Horizontal(classes="field", id=f"{key}-field"):
            yield Label(label)
            yield widget
        yield Label("", id=f"{key}-error", classes="error")

    def on_mount(self) -> None:
        self._show_fields("fall")
        self._preview_when()
        self._baseline = self._values()
        self._read_places()
        self.query_one("#kind", Select).focus()

    def _read_places(self) -> None:
        self.read(lambda person: [(display_name(term), term.slug) for term in person.vocabulary().visible("location")],
                  self._set_places, group="events-form")

    def _set_places(self, places: list[tuple[str, str]]) -> None:
        self.query_one("#site", Select).set_options(places)
        self._baseline = self._values()

    def _values(self) -> tuple:
        return tuple(widget.value for widget in self.query("VerticalScroll Input, VerticalScroll Select"))

    @property
    def dirty(self) -> bool:  # type: ignore[override]
        return self._values() != self._baseline

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "kind" and event.value != Select.NULL:
            self._show_fields(str(event.value))
            self._preview_when()  # an appointment reads a time to come

    def _show_fields(self, kind: str) -> None:
        wanted = FIELDS_BY_KIND[kind]
        for key in OPTIONAL_FIELDS:
            self.query_one(f"#{key}-field").display = key in wanted
        self.clear_errors()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "when":
            self._preview_when()

    def _preview_when(self) -> None:
        """Say which moment the typed time was read as, so a back-dated event lands where it is meant to."""
        try:
            moment = self._when()
        except ValidationError:
            preview = _("e.g. now, yesterday 17:00, 3d ago, 2026-03-02")
        else:
            preview = f"= {when_text(moment)}"
        self.query_one("#when-preview", Label).update(preview)

    def _when(self):
        future = str(self.query_one("#kind", Select).value) in FUTURE_KINDS  # an appointment to come
        return parse_when(self.query_one("#when", Input).value or "now", now=self.osteo.now(), future=future)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()

    def _event(self) -> Event:
        """The event as typed; fields hidden for this kind are left out."""
        kind = str(self.query_one("#kind", Select).value)
        wanted = FIELDS_BY_KIND[kind]

        def text(key: str) -> str | None:
            if key not in wanted:
                return None
            widget = self.query_one(f"#{key}")
            if isinstance(widget, Input):
                value = widget.value
            else:
                value = None if widget.value == Select.NULL else widget.value
            return (value or "").strip() or None

        at = self._when()
        typed = text("t-score")
        t_score = None if typed is None else parse_t_score(typed)
        return Event(kind=kind, at=at, site=text("site"), level=text("level"), procedure=text("procedure"),
                     t_score=t_score, dxa_site=text("dxa-site"), note=self.query_one("#note", Input).value.strip())

    def action_save(self) -> None:
        try:
            event = self._event()
        except ValidationError as error:
            self.refused(error)
            return
        now = self.osteo.now()

        def save(person: ProfileDiary) -> tuple[Event, str]:
            saved = person.add_event(event, now=now)
            return saved, event_summary(saved, person.vocabulary())

        self.write(save, lambda done: self._saved(*done))

    def refused(self, error: DiaryError) -> None:
        widget = self.show_error(error)
        if widget != self.ERROR_FALLBACK:
            self.query_one(f"#{widget}").focus()

    def _saved(self, saved: Event, summary: str) -> None:
        self._baseline = self._values()
        self.notify(_("Recorded: {event}").format(event=summary), title=_("Saved"))
        self.dismiss(saved.id)

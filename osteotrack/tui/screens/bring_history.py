"""Bring my history from another app or a spreadsheet: the same preview as ``osteotrack import --from``.

The user picks where the file comes from and its path (and, for a spreadsheet, its columns),
sees what the import would do — rows read, entries it would create, rows it cannot read with
their line and reason, names the vocabulary lacks — and only then imports, all or nothing.
Reading and writing run in worker threads, each with its own connection.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from osteotrack.domain.errors import DiaryError, ValidationError
from osteotrack.i18n import N_, _, lazy
from osteotrack.tui.screens.base import DiaryScreen, error_text
from osteotrack.tui.widgets.keys_footer import KeysFooter
from osteotrack.tui.widgets.still_header import StillHeader
from osteotrack.tui.widgets.ticks import TickBox

TITLE = lazy("Bring my history from another app or a spreadsheet")
SOURCES = [
    (N_("Flaredown: the data.csv it e-mails you"), "flaredown"),
    (N_("Privacy Friendly Pain Diary: a backup (.backup, zip or decrypted)"), "pain-diary"),
    (N_("My own spreadsheet (.csv or .xlsx)"), "sheet"),
]
# (field, label, the column's usual header): the headers are what the sheet's first row says, not translated.
COLUMN_FIELDS = [("date", N_("Date column"), "Date"), ("pain", N_("Pain column"), "Pain"),
                 ("time", N_("Time column"), ""), ("where", N_("Where column"), ""),
                 ("trigger", N_("Trigger column"), ""), ("therapy", N_("Therapy column"), ""),
                 ("note", N_("Note column"), ""), ("sheet", N_("Sheet (.xlsx)"), "")]
ORDERS = [(N_("Slash dates: as the file settles them"), "auto"), (N_("Slash dates: day first"), "day"),
          (N_("Slash dates: month first"), "month")]


class BringHistoryScreen(DiaryScreen):
    """Dismisses with True once history was imported, else None (Escape)."""

    FORM = True
    LEAVE_QUESTION = N_("Leave without importing? Nothing has been imported yet.")
    BINDINGS = [Binding("escape", "leave", lazy("Back"), id="back"),
                Binding("ctrl+o", "preview", lazy("Preview"), id="bring-preview"),
                Binding("ctrl+s", "bring", lazy("Import"), id="bring-import")]
    DEFAULT_CSS = """
    BringHistoryScreen #bring { padding: 0 1; }
    BringHistoryScreen .row { height: auto; }
    BringHistoryScreen .row Label { width: 16; padding: 1 1 0 0; }
    BringHistoryScreen .row Input { width: 1fr; }
    BringHistoryScreen #columns { height: auto; display: none; }
    BringHistoryScreen #columns.shown { display: block; }
    BringHistoryScreen #preview-text { margin: 1 0; }
    BringHistoryScreen #add-terms { display: none; }
    BringHistoryScreen #add-terms.shown { display: block; }
    BringHistoryScreen #buttons { height: auto; }
    BringHistoryScreen #buttons Button { margin-right: 2; }
    BringHistoryScreen #bring-error { display: none; color: $text-error; text-style: bold; }
    BringHistoryScreen #bring-error.shown { display: block; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.title = str(TITLE)
        self.plan = None
        self.new_entries = 0

    def compose(self) -> ComposeResult:
        yield StillHeader()
        with VerticalScroll(id="bring"):
            yield Static(_("Choose where the file comes from and where it is; osteotrack shows what it would "
                           "import before anything is written, and keeps everything it cannot place in the "
                           "entries' notes."), id="bring-intro")
            yield Select([(_(name), source) for name, source in SOURCES], prompt=_("Where does the file come from?"),
                         id="source", allow_blank=True)
            with Horizontal(classes="row"):
                yield Label(_("File"))
                yield Input(placeholder="~/Downloads/data.csv", id="file")
            with Vertical(id="columns"):
                for field, label, value in COLUMN_FIELDS:
                    with Horizontal(classes="row"):
                        yield Label(_(label))
                        yield Input(value=value, placeholder=_("header or letter") if field != "sheet" else _("first"),
                                    id=f"col-{field}")
                yield Select([(_(name), order) for name, order in ORDERS], value="auto", allow_blank=False,
                             id="order")
            with Horizontal(id="buttons"):
                yield Button(_("Show what it would do (Ctrl+O)"), id="preview", variant="primary")
                yield Button(_("Import (Ctrl+S)"), id="import", disabled=True)
            yield Static("", id="bring-error")
            yield Static("", id="preview-text")
            yield TickBox(_("Add the new names to my vocabulary (else they stay in each entry's note)"),
                           value=True, id="add-terms")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#source", Select).focus()

    # -- the form ------------------------------------------------------------

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "source":
            self.query_one("#columns").set_class(event.value == "sheet", "shown")
        self._forget_preview()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.dirty = True
        self._forget_preview()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "preview":
            self.action_preview()
        elif event.button.id == "import":
            self.action_bring()

    def _forget_preview(self) -> None:
        self.plan = None
        self.query_one("#import", Button).disabled = True

    def _request(self) -> dict | None:
        source = self.query_one("#source", Select).value
        path = self.query_one("#file", Input).value.strip()
        if source is Select.NULL or source is None or not isinstance(source, str):
            self._say(_("Choose where the file comes from."))
            return None
        if not path:
            self._say(_("Give the path of the file."))
            return None
        columns = {field: self.query_one(f"#col-{field}", Input).value.strip() or None
                   for field, _, _ in COLUMN_FIELDS}
        order = self.query_one("#order", Select).value
        return {"source": source, "path": str(Path(path).expanduser()), "columns": columns,
                "day_first": {"day": True, "month": False}.get(str(order))}

    def _say(self, message: str) -> None:
        error = self.query_one("#bring-error", Static)
        error.update(message)
        error.set_class(bool(message), "shown")

    # -- preview -------------------------------------------------------------

    def action_preview(self) -> None:
        request = self._request()
        if request is None:
            return
        self._say("")
        self.query_one("#preview-text", Static).update("Reading the file …")
        self._read(request)

    @work(thread=True, exclusive=True, group="bring-read")
    def _read(self, request: dict) -> None:
        try:
            result = read_plan(self.app.diary_path, self.app.profile, request)
        except DiaryError as error:
            self.app.call_from_thread(self._read_failed, error_text(error))
            return
        except OSError as error:
            self.app.call_from_thread(self._read_failed,
                                      _("Cannot read {path}: {reason}.").format(
                                          path=request["path"], reason=(error.strerror or str(error)).lower()))
            return
        self.app.call_from_thread(self._show_preview, *result)

    def _read_failed(self, message: str) -> None:
        if not self.is_attached:
            return
        self.query_one("#preview-text", Static).update("")
        self._say(message)

    def _show_preview(self, plan, shown) -> None:
        if not self.is_attached:  # the user left meanwhile: the result is dropped
            return
        self.plan = plan
        self.new_entries = shown.new_entries + shown.new_checkins
        text = "\n".join(shown.lines)
        if not self.new_entries:
            text += "\n" + _("Nothing new to import.")
        self.query_one("#preview-text", Static).update(text.replace("[", r"\["))
        self.query_one("#add-terms", Checkbox).set_class(bool(shown.new_terms), "shown")
        self.query_one("#import", Button).disabled = not self.new_entries or self.read_only
        if self.read_only:
            self._say(_("This diary is open read-only; nothing can be imported."))

    # -- import --------------------------------------------------------------

    def action_bring(self) -> None:
        if self.plan is None or not self.new_entries or self.refused_read_only():
            return
        add_terms = self.query_one("#add-terms", Checkbox).value
        self.query_one("#import", Button).disabled = True
        self._write_plan(self.plan, add_terms)

    @work(thread=True, exclusive=True, group="bring-write")
    def _write_plan(self, plan, add_terms: bool) -> None:
        from osteotrack.store import Diary

        try:
            with Diary.open(self.app.diary_path) as diary:
                person = diary.profile(self.app.profile or diary.active_profile())
                entries, checkins, terms = plan.records(person.id, add_terms)
                counts = person.import_records(entries, checkins, terms, checked=True)
        except DiaryError as error:
            self.app.call_from_thread(self._read_failed, error_text(error))
            return
        self.app.call_from_thread(self._imported, counts)

    def _imported(self, counts: dict) -> None:
        from osteotrack.domain.numbers import count

        entries, skipped = count(counts["entries"], "entry"), counts["skipped"]
        message = (_("Imported {entries} and {checkins}; {skipped} already in the diary.").format(
                       entries=entries, checkins=count(counts["checkins"], "check-in"), skipped=skipped)
                   if counts["checkins"] else
                   _("Imported {entries}; {skipped} already in the diary.").format(entries=entries, skipped=skipped))
        self.app.notify(message, title=_("History brought in"))
        self.dirty = False
        if self.is_attached:
            self.dismiss(True)


def read_plan(diary_path: Path, profile: str | None, request: dict):
    """Read the file into a plan and its preview, against the diary's vocabulary (nothing is written)."""
    from osteotrack.domain.describe import whose_diary
    from osteotrack.domain.validate import Vocabulary
    from osteotrack.domain.vocabulary import BUILTIN
    from osteotrack.importers.preview import plan_for, preview, read_file
    from osteotrack.store import Diary

    columns = None
    if request["source"] == "sheet":
        from osteotrack.importers.sheet import Columns

        wanted = request["columns"]
        if not wanted.get("date") or not wanted.get("pain"):
            raise ValidationError("import.sheet_needs", field="from")
        columns = Columns(**{k: wanted.get(k) for k in ("date", "pain", "time", "where", "note", "trigger",
                                                        "therapy")})
    data = read_file(request["path"])
    path = request["path"]
    if Path(diary_path).exists():
        with Diary.open(diary_path, read_only=True) as diary:
            person = diary.profile(profile or diary.active_profile())
            plan = plan_for(request["source"], data, path, person.vocabulary(), columns=columns,
                            sheet=request["columns"].get("sheet"), day_first=request["day_first"])
            entries, checkins, _terms = plan.records(person.id, True)
            ids, days = [e.id for e in entries], [c.id for c in checkins]
            known = person.known_ids("entry", ids) | person.known_ids("check-in", days)
            return plan, preview(plan, path, whose_diary(person.name), known, ids, days)
    plan = plan_for(request["source"], data, path, Vocabulary(BUILTIN), columns=columns,
                    sheet=request["columns"].get("sheet"), day_first=request["day_first"])
    return plan, preview(plan, path, _("a new diary"))

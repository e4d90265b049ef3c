"""Questions for my doctor: a running list, each open, asked or answered (with the answer)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Input, Label, Static

from osteotrack.domain import dates
from osteotrack.domain.describe import labelled
from osteotrack.domain.errors import DiaryError
from osteotrack.domain.records import Question
from osteotrack.i18n import N_, _, lazy
from osteotrack.tui.dialogs.ask_text import AskTextDialog
from osteotrack.tui.dialogs.confirm import ConfirmDialog
from osteotrack.tui.screens.base import DiaryScreen
from osteotrack.tui.widgets.cells import clipped, remaining_width
from osteotrack.tui.widgets.keys_footer import KeysFooter
from osteotrack.tui.widgets.still_header import StillHeader

# TRANSLATORS: a question for the doctor is open, asked (at a visit) or answered.
STATUS_WORDS = {"open": N_("To ask"), "asked": N_("Asked"), "answered": N_("Answered")}
# Open questions first: they are the ones to take to the next appointment.
STATUS_ORDER = {"open": 0, "asked": 1, "answered": 2}
def status_width() -> int:
    return max(len(_(word)) for word in STATUS_WORDS.values())


class QuestionsScreen(DiaryScreen):
    """Add questions; mark them asked or answered; reopen or delete them."""

    TITLE = lazy("Questions for my doctor")
    PROBLEM_LINE = "#status"  # a refused change shows under the new question instead (``_refused``)
    EDITING_ACTIONS = frozenset({"add_question", "mark_asked", "mark_answered", "reopen", "delete_question"})
    LEAVE_QUESTION = N_("Leave without adding the question you typed?")
    # The one error line is under the new question; errors about a listed question show there too.
    FIELD_WIDGETS = {"text": "new"}
    ERROR_FALLBACK = "new"

    DEFAULT_CSS = """
    QuestionsScreen #new-row { height: auto; }
    QuestionsScreen #new { width: 1fr; }
    QuestionsScreen #add { min-width: 12; }
    QuestionsScreen .error { padding: 0 1; }
    """

    BINDINGS = [
        Binding("a", "add_question", lazy("New question"), id="questions-add"),
        Binding("k", "mark_asked", lazy("Asked"), id="questions-asked"),
        Binding("w", "mark_answered", lazy("Answered"), id="questions-answered"),
        Binding("o", "reopen", lazy("Reopen"), id="questions-reopen"),
        Binding("d,delete", "delete_question", lazy("Delete"), id="questions-delete"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.questions: list[Question] = []

    def compose(self) -> ComposeResult:
        yield StillHeader()
        yield Static(_("Reading the diary…"), id="status")
        table = DataTable(cursor_type="row", zebra_stripes=True, id="questions")
        status, added = status_width(), dates.widest(dates.day)  # "28 Sep 2026", "28. Sept. 2026"
        table.add_column(_("Status"), width=status)
        table.add_column(_("Added"), width=added)
        table.add_column(_("Question"), width=remaining_width(self.app.size.width, [status, added]))
        yield table
        yield Static("", id="detail")
        with Horizontal(id="new-row"):
            yield Input(placeholder=_("Type a question, then Enter (Tab: the list)"), id="new")
            add = Button(_("Add"), id="add", variant="primary")
            add.can_focus = False  # Tab from the question's box goes straight to the list (the button is clicked)
            yield add
        yield Label("", id="new-error", classes="error")
        yield KeysFooter()

    def on_mount(self) -> None:
        if self.read_only:
            self.query_one("#new-row").display = False
            self.query_one(DataTable).focus()
        else:
            # The screen invites typing a question: the cursor starts in its box (keys typed there are text).
            self.query_one("#new", Input).focus()
        self._read()

    @property
    def dirty(self) -> bool:  # type: ignore[override]
        return bool(self.query_one("#new", Input).value.strip())

    @property
    def current(self) -> Question | None:
        row = self.query_one(DataTable).cursor_row
        return self.questions[row] if 0 <= row < len(self.questions) else None

    # -- reading ---------------------------------------------------------------

    def _read(self, select: str | None = None) -> None:
        # Sorted stably: oldest first within each status.
        self.read(lambda person: sorted(person.questions(), key=lambda q: STATUS_ORDER[q.status]),
                  lambda found: self._show(found, select), group="questions-read")

    def _show(self, questions: list[Question], select: str | None) -> None:
        from osteotrack.domain.numbers import count

        self.questions = questions
        table = self.query_one(DataTable)
        table.clear()
        for q in questions:
            table.add_row(_(STATUS_WORDS[q.status]), dates.day(q.created), clipped(q.text), key=q.id)
        if select is not None and any(q.id == select for q in questions):
            table.move_cursor(row=table.get_row_index(select))
        still_open = sum(q.status == "open" for q in questions)
        text = _("{open} open of {questions}.").format(open=still_open, questions=count(len(questions), "question"))
        if not questions:
            text = _("No questions yet.") if self.read_only else _("No questions yet. Type one below and press Enter.")
        self.query_one("#status", Static).update(text)
        self._update_detail()

    def _update_detail(self) -> None:
        q = self.current
        if q is None:
            text = ""
        elif q.answer:
            text = f"{labelled(_(STATUS_WORDS[q.status]))} {q.text}\n" + _("Answer: {answer}").format(answer=q.answer)
        else:
            text = f"{labelled(_(STATUS_WORDS[q.status]))} {q.text}"
        self.query_one("#detail", Static).update(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._update_detail()

    def action_refresh(self) -> None:
        """Read the list again (the app's refresh key), e.g. after a question added from the command line."""
        current = self.current
        self._read(current.id if current else None)

    # -- adding ----------------------------------------------------------------

    def action_add_question(self) -> None:
        if self.refused_read_only():
            return
        self.query_one("#new", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._add(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self._add(self.query_one("#new", Input).value)

    def _add(self, text: str) -> None:
        question = Question(text=text, created=self.osteo.now())
        self.write(lambda person: person.add_question(question),
                   lambda added: self._written(added, added=True), failed=self._refused)

    # -- changing ----------------------------------------------------------------

    def action_mark_asked(self) -> None:
        self._set_status("asked")

    def action_reopen(self) -> None:
        self._set_status("open")

    def action_mark_answered(self) -> None:
        q = self.current
        if q is None:
            return

        def answered(text: str | None) -> None:
            if text is not None:
                self._set_status("answered", text)

        self.app.push_screen(
            AskTextDialog(_("What did the doctor say?") + f"\n\n{q.text}", q.answer, _("The answer, in a few words"),
                          ok=_("Mark answered")),
            answered,
        )

    def _set_status(self, status: str, answer: str | None = None) -> None:
        q = self.current
        if q is not None:
            self.write(lambda person: person.set_question_status(q.id, status, answer), self._written,
                       failed=self._refused)

    def action_delete_question(self) -> None:
        q = self.current
        if q is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(lambda person: person.delete_question(q.id), self._written, failed=self._refused)

        self.app.push_screen(ConfirmDialog(_("Delete this question?") + f"\n\n{q.text}", yes=_("Delete"), no=_("Keep")),
                             answered)

    def _refused(self, error: DiaryError) -> None:
        self.show_error(error)

    def _written(self, result: Question | None, added: bool = False) -> None:
        self.clear_errors()
        if added:
            self.query_one("#new", Input).value = ""
            self.notify(_("Question added."), title=_("Saved"))
        current = self.current
        self._read(result.id if result is not None else (current.id if current else None))

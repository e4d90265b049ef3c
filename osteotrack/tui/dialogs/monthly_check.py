"""The monthly questions of bone care in one small form: the falls check and the impression of change.

Either may be left out; the falls check is answered whole (all three questions) or not at all.
The dialog only collects the answers; the screen that opened it stores them.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Select, Static

from osteotrack.domain.bone import FALLS_QUESTIONS, IMPRESSIONS

YES_NO = [("Yes", True), ("No", False)]


class MonthlyCheckDialog(ModalScreen[dict | None]):
    """Ask the falls check and the impression of change; dismiss with ``{"falls": (fell, unsteady, worried) or
    None, "impression": 1–7 or None}``, or None when cancelled."""

    DEFAULT_CSS = """
    MonthlyCheckDialog { align: center middle; }
    MonthlyCheckDialog > Vertical {
        width: 76; max-width: 100%; height: auto; padding: 1 2;
        border: thick $primary; background: $surface;
    }
    MonthlyCheckDialog .question { width: 1fr; height: 3; content-align: left middle; }
    MonthlyCheckDialog Horizontal { height: auto; }
    MonthlyCheckDialog Select { width: 24; }
    MonthlyCheckDialog #impression { width: 34; }
    MonthlyCheckDialog #buttons { align-horizontal: right; margin-top: 1; }
    MonthlyCheckDialog Button { margin-left: 2; min-width: 12; }
    MonthlyCheckDialog #form-error { display: none; color: $text-error; text-style: bold; width: 100%; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="monthly-cancel"),
                Binding("ctrl+s", "save", "Save", id="monthly-save")]

    def __init__(self, since: str = "the start of the diary") -> None:
        super().__init__()
        self.since = since

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Falls check (three yes/no questions; answer all three, or none):")
            for key, question in FALLS_QUESTIONS.items():
                with Horizontal():
                    yield Static(question, classes="question")
                    yield Select(YES_NO, prompt="yes / no", id=key)
            yield Static(f"Overall, how have things changed since {self.since}?")
            yield Select([(f"{n} {words}", n) for n, words in IMPRESSIONS.items()], prompt="1 … 7",
                         id="impression")
            yield Label("", id="form-error")
            with Horizontal(id="buttons"):
                yield Button("Cancel (esc)", id="cancel")
                yield Button("Save (ctrl+s)", id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#fell", Select).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        answers = [self.query_one(f"#{key}", Select) for key in FALLS_QUESTIONS]
        impression = self.query_one("#impression", Select)
        given = [not a.is_blank() for a in answers]
        error = self.query_one("#form-error", Label)
        if any(given) and not all(given):
            error.update("Answer all three questions of the falls check, or none of them.")
            error.display = True
            return
        if not any(given) and impression.is_blank():
            error.update("Answer the falls check or the impression of change, or press Cancel.")
            error.display = True
            return
        falls = tuple(a.selection is True for a in answers) if all(given) else None
        self.dismiss({"falls": falls, "impression": impression.selection})

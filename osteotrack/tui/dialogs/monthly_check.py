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
from osteotrack.i18n import N_, _, lazy
from osteotrack.tui.language import Spoken

YES_NO = [(N_("Yes"), True), (N_("No"), False)]


class MonthlyCheckDialog(Spoken, ModalScreen[dict | None]):
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

    BINDINGS = [Binding("escape", "cancel", lazy("Cancel"), id="monthly-cancel"),
                Binding("ctrl+s", "save", lazy("Save"), id="monthly-save")]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_("Falls check (three yes/no questions; answer all three, or none):"))
            for key, question in FALLS_QUESTIONS.items():
                with Horizontal():
                    # The questions and the impressions are marked in domain.bone, translated here.
                    yield Static(_(question), classes="question")
                    yield Select([(_(word), value) for word, value in YES_NO], prompt=_("yes / no"), id=key)
            yield Static(_("Overall, how have things changed since the start of the diary?"))
            yield Select([(f"{n} {_(words)}", n) for n, words in IMPRESSIONS.items()], prompt="1 … 7",
                         id="impression")
            yield Label("", id="form-error")
            with Horizontal(id="buttons"):
                yield Button(_("Cancel (Esc)"), id="cancel")
                yield Button(_("Save (Ctrl+S)"), id="save", variant="primary")

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
            error.update(_("Answer all three questions of the falls check, or none of them."))
            error.display = True
            return
        if not any(given) and impression.is_blank():
            error.update(_("Answer the falls check or the impression of change, or press Cancel."))
            error.display = True
            return
        falls = tuple(a.selection is True for a in answers) if all(given) else None
        self.dismiss({"falls": falls, "impression": impression.selection})

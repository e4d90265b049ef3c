"""A yes/no question in a modal dialog: deleting, or leaving with unsaved input."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from osteotrack.i18n import _, lazy
from osteotrack.tui.language import Spoken


class ConfirmDialog(Spoken, ModalScreen[bool]):
    """Ask ``question``; dismiss with True (yes) or False (no, Escape)."""

    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; }
    ConfirmDialog > Vertical {
        width: 60; max-width: 100%; height: auto; padding: 1 2;
        border: thick $primary; background: $surface;
    }
    ConfirmDialog #question { width: 100%; margin-bottom: 1; }
    ConfirmDialog Horizontal { height: auto; align-horizontal: right; }
    ConfirmDialog Button { margin-left: 2; min-width: 14; }
    """

    BINDINGS = [
        Binding("y", "answer(True)", lazy("Yes"), id="confirm-yes"),
        Binding("n,escape", "answer(False)", lazy("No"), id="confirm-no"),
    ]

    def __init__(self, question: str, yes: str = "", no: str = "") -> None:
        super().__init__()
        self.question = question
        self.yes = yes or _("Yes")
        self.no = no or _("No")

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, id="question")
            with Horizontal():
                yield Button(f"{self.no} (n)", id="no")
                yield Button(f"{self.yes} (y)", id="yes", variant="error")

    def on_mount(self) -> None:
        # The safe answer has the focus: Enter alone never deletes anything.
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

"""Ask for one line of text in a modal dialog (e.g. the doctor's answer to a question)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static


class AskTextDialog(ModalScreen[str | None]):
    """Show ``prompt`` and an input; dismiss with the text (Enter or OK) or None (Escape)."""

    DEFAULT_CSS = """
    AskTextDialog { align: center middle; }
    AskTextDialog > Vertical {
        width: 70; max-width: 100%; height: auto; padding: 1 2;
        border: thick $primary; background: $surface;
    }
    AskTextDialog Input { margin: 1 0; }
    AskTextDialog Horizontal { height: auto; align-horizontal: right; }
    AskTextDialog Button { margin-left: 2; min-width: 14; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="ask-cancel")]

    def __init__(self, prompt: str, value: str = "", placeholder: str = "", ok: str = "OK") -> None:
        super().__init__()
        self.prompt = prompt
        self.value = value
        self.placeholder = placeholder
        self.ok = ok

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.prompt)
            yield Input(self.value, placeholder=self.placeholder, id="text")
            with Horizontal():
                yield Button("Cancel (Esc)", id="cancel")
                yield Button(f"{self.ok} (Enter)", id="ok", variant="primary")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(self.query_one(Input).value if event.button.id == "ok" else None)

    def action_cancel(self) -> None:
        self.dismiss(None)

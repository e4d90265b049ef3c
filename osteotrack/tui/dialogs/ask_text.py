"""Ask for one line of text in a modal dialog (e.g. the doctor's answer to a question)."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from osteotrack.domain.errors import DiaryError
from osteotrack.i18n import _, lazy
from osteotrack.tui.language import Spoken


class AskTextDialog(Spoken, ModalScreen[str | None]):
    """Show ``prompt`` and an input; dismiss with the text (Enter or OK) or None (Escape).

    ``check`` (optional) is called with the text first; a DiaryError it raises is shown
    under the input, in its own words, and the dialog stays open.
    """

    DEFAULT_CSS = """
    AskTextDialog { align: center middle; }
    AskTextDialog > Vertical {
        width: 70; max-width: 100%; height: auto; padding: 1 2;
        border: thick $primary; background: $surface;
    }
    AskTextDialog Input { margin-top: 1; }
    AskTextDialog #error { display: none; color: $text-error; text-style: bold; width: 100%; }
    AskTextDialog Horizontal { margin-top: 1; }
    AskTextDialog Horizontal { height: auto; align-horizontal: right; }
    AskTextDialog Button { margin-left: 2; min-width: 14; }
    """

    BINDINGS = [Binding("escape", "cancel", lazy("Cancel"), id="ask-cancel")]

    def __init__(self, prompt: str, value: str = "", placeholder: str = "", ok: str = "",
                 check: Callable[[str], object] | None = None, password: bool = False) -> None:
        super().__init__()
        self.password = password  # a passphrase: the input shows no characters
        self.prompt = prompt
        self.value = value
        self.placeholder = placeholder
        self.ok = ok or _("OK")
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.prompt)
            yield Input(self.value, placeholder=self.placeholder, id="text", password=self.password)
            yield Label("", id="error")
            with Horizontal():
                yield Button(_("Cancel (Esc)"), id="cancel")
                yield Button(_("{answer} (Enter)").format(answer=self.ok), id="ok", variant="primary")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._answer(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self._answer(self.query_one(Input).value)
        else:
            self.dismiss(None)

    def _answer(self, text: str) -> None:
        if self.check is not None:
            try:
                self.check(text)
            except DiaryError as error:
                label = self.query_one("#error", Label)
                label.update(str(error))
                label.display = True
                return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)

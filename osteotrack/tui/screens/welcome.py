"""First run: no diary yet. Start one, or explore a demo diary kept in a file of its own."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Button, Static

from osteotrack.i18n import N_, _, lazy
from osteotrack.tui.language import Spoken
from osteotrack.tui.widgets.keys_footer import KeysFooter
from osteotrack.tui.widgets.still_header import StillHeader

WELCOME = N_("""\
[b]Welcome to osteotrack[/b]

A private pain diary for osteoporosis. Log where it hurts, what set it off
and what helped in a few keys; see how it changes; take a short report to
your doctor. Everything stays in one file on this computer.

You have no diary yet. What would you like to do?""")


class WelcomeScreen(Spoken, Screen[str]):
    """Offers "Start my diary" (dismisses with "start"), "Explore a demo diary" ("demo"), or bringing history."""

    FORM = True  # the app hides its navigation keys here
    BINDINGS = [
        Binding("s", "choose('start')", lazy("Start my diary"), id="welcome-start"),
        Binding("d", "choose('demo')", lazy("Explore a demo"), id="welcome-demo"),
        Binding("b", "choose('bring')", lazy("Bring my history"), id="welcome-bring"),
    ]

    def __init__(self, read_only: bool = False):
        super().__init__()
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        yield StillHeader()
        with Center():
            with Vertical(id="welcome"):
                yield Static(_(WELCOME), id="welcome-text")
                yield Button(_("Start my diary (s)"), id="start", variant="primary", disabled=self.read_only)
                yield Button(_("Explore a demo diary (d)"), id="demo")
                yield Button(_("Bring my history from another app or a spreadsheet (b)"), id="bring",
                             disabled=self.read_only)
                yield Static(_("The demo is a separate file with made-up entries; it never mixes with your "
                               "own diary."), id="welcome-note", classes="hint")
                if self.read_only:
                    yield Static(_("Read-only mode: a new diary cannot be started."), classes="hint")
        yield KeysFooter()

    def on_mount(self) -> None:
        # Three choices and the note still fit 80×24: the box loses its blank top and bottom rows.
        self.query_one("#welcome").styles.padding = (0, 2)
        self.query_one("#bring").styles.margin = (0, 0, 0, 0)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_choose(event.button.id)

    def action_choose(self, choice: str) -> None:
        if choice in ("start", "bring") and self.read_only:
            return
        if choice == "bring":  # the import makes the diary; then the app opens it as for "start"
            from osteotrack.tui.screens.bring_history import BringHistoryScreen

            self.app.push_screen(BringHistoryScreen(), lambda done: self.dismiss("start") if done else None)
            return
        self.dismiss(choice)

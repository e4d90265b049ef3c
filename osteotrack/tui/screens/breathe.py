"""The self-care screen: pain now, a paced breathing (or guided) session, pain again.

Three steps on one screen: set up (pain now, which exercise, pattern, length),
the session (the pacer, a quiet countdown, pause and stop keys), and after it
(pain again, optional notes, save). The session is saved as a therapy use in a
thread worker with its own Diary. The clock is injected so tests drive time.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from osteotrack.domain.breathing import LENGTHS, Timer, breathing_seconds, check_minutes, parse_pattern
from osteotrack.domain.errors import DiaryError
from osteotrack.domain.selfcare import SESSION_KINDS, SelfCareSession, session_kind
from osteotrack.i18n import _, lazy
from osteotrack.tui.screens.base import DiaryScreen, error_text
from osteotrack.tui.widgets.keys_footer import KeysFooter
from osteotrack.tui.widgets.pacer import Pacer
from osteotrack.tui.widgets.still_header import StillHeader

FRAMES_PER_SECOND = 6  # smooth enough for a breath, light on a slow terminal or a remote link
REDUCED_MOTION = "reduced_motion"  # the app setting (true: words and a counter, no bar)


def plain_by_environment() -> bool:
    """``NO_COLOR`` (https://no-color.org) asks for plain output: words and a counter only."""
    return bool(os.environ.get("NO_COLOR"))


class BreatheScreen(DiaryScreen):
    """Relaxation breathing and other mind-body sessions, with pain measured before and after."""

    TITLE = lazy("Breathe")
    DEFAULT_CSS = """
    BreatheScreen { align: center top; }
    BreatheScreen #breathe-body { width: 76; max-width: 100%; height: auto; padding: 1 2; }
    BreatheScreen .step { height: auto; }
    BreatheScreen Label { margin: 1 0 0 0; }
    BreatheScreen Input { width: 30; }
    BreatheScreen #pain-before, BreatheScreen #pain-after { width: 10; }
    BreatheScreen #note { width: 1fr; }
    BreatheScreen Select { width: 50; }
    BreatheScreen #buttons, BreatheScreen #after-buttons { height: auto; margin: 1 0 0 0; }
    BreatheScreen Button { margin: 0 2 0 0; }
    BreatheScreen #message { height: auto; text-style: bold; }
    BreatheScreen #pacer-slot { height: auto; }
    BreatheScreen #session-title { text-style: bold; margin: 0 0 1 0; }
    """

    PROBLEM_LINE = "#message"
    # The screen says a refusal on its one message line and marks the field it is about.
    FIELD_WIDGETS = {"pain_before": "pain-before", "kind": "kind", "pattern": "pattern", "minutes": "minutes",
                     "pain_after": "pain-after", "note": "note"}

    BINDINGS = [
        Binding("space,p", "pause", lazy("Pause / go on"), id="breathe.pause"),
        Binding("s", "stop", lazy("Stop"), id="breathe.stop"),
        Binding("m", "toggle_motion", lazy("Reduced motion"), id="breathe.reduced-motion"),
    ]

    def __init__(self, clock: Callable[[], float] | None = None) -> None:
        super().__init__()
        self.clock = clock or time.monotonic
        self.step = "setup"
        self.reduced_motion = False
        self.timer: Timer | None = None
        self.kind = SESSION_KINDS["breathing"]
        self.pattern = None
        self.pain_before: int | None = None
        self.saved: SelfCareSession | None = None
        self._frames = None

    # -- layout --------------------------------------------------------------

    @property
    def FORM(self) -> bool:  # the app reads this name to hide its navigation keys
        """During a session and until it is saved, the app's keys to go elsewhere are off."""
        return self.step == "run" or (self.step == "after" and self.saved is None)

    @property
    def dirty(self) -> bool:  # type: ignore[override]
        """A session done but not saved yet: leaving or quitting asks first."""
        return self.step == "after" and self.saved is None and not self.osteo.read_only

    def compose(self) -> ComposeResult:
        yield StillHeader()
        with Vertical(id="breathe-body"):
            # First, not under the form: a refusal is in sight at 80×24, however long the form below.
            yield Static(id="message")
            with Vertical(id="setup", classes="step"):
                yield Static(_("A few minutes for yourself. Your pain before and after shows whether it helps."))
                yield Label(_("Pain now, 0 to 10 (0 none, 10 worst imaginable)"), id="pain-before-label")
                yield Input(placeholder="0–10", restrict=r"[0-9]*", max_length=2, id="pain-before")
                yield Label(_("Exercise"))
                yield Select([(_(k.name), k.slug) for k in SESSION_KINDS.values()], value="breathing",
                             allow_blank=False, id="kind")
                yield Label(_("Pattern: 4-7-8, box, slow, or your own (in-hold-out)"), id="pattern-label")
                yield Input(value="4-7-8", id="pattern")
                yield Label(_("Minutes: {lengths}, or any from 1 to 60").format(lengths=", ".join(map(str, LENGTHS))))
                yield Input(value="5", restrict=r"[0-9]*", max_length=2, id="minutes")
                with Horizontal(id="buttons"):
                    yield Button(_("Start"), variant="primary", id="start")
            with Vertical(id="run", classes="step"):
                yield Static(id="session-title")
                yield Vertical(id="pacer-slot")
            with Vertical(id="after", classes="step"):
                yield Static(id="after-summary")
                yield Label(_("Pain now, 0 to 10"), id="pain-after-label")
                yield Input(placeholder="0–10", restrict=r"[0-9]*", max_length=2, id="pain-after")
                yield Label(_("Notes (optional)"))
                yield Input(placeholder=_("anything you noticed"), id="note")
                with Horizontal(id="after-buttons"):
                    yield Button(_("Save"), variant="primary", id="save")
                    yield Button(_("Don't save"), id="discard")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.reduced_motion = bool(self._config().get(REDUCED_MOTION, False))
        self._show("setup")
        if self.osteo.read_only:
            self._say(_("This diary is open read-only: you can do the exercise, but it will not be saved."))
        self.query_one("#pain-before", Input).focus()

    def _config(self) -> dict:
        from osteotrack.tui.config import load_config

        return load_config(self.osteo.config_path)

    @property
    def plain(self) -> bool:
        return self.reduced_motion or plain_by_environment()

    def _show(self, step: str) -> None:
        self.step = step
        for name in ("setup", "run", "after"):
            self.query_one(f"#{name}").display = name == step
        self.refresh_bindings()

    def _say(self, text: str) -> None:
        self.query_one("#message", Static).update(text)

    def refused(self, error: DiaryError) -> None:
        """Say ``error`` on the message line; mark the field it names (a red border) and focus it."""
        for marked in self.query(".-invalid"):
            marked.remove_class("-invalid")
        self._say(error_text(error))
        widget_id = self.widget_for(error)
        if widget_id is not None:
            widget = self.query_one(f"#{widget_id}")
            widget.add_class("-invalid")
            widget.focus()

    def check_action(self, action: str, parameters) -> bool | None:
        if action in ("pause", "stop"):
            return self.step == "run"
        return super().check_action(action, parameters)

    # -- set up --------------------------------------------------------------

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "kind":
            pacer = SESSION_KINDS[str(event.value)].pacer
            self.query_one("#pattern").display = pacer
            self.query_one("#pattern-label").display = pacer

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self.step == "setup":
            self.start()
        elif self.step == "after":
            self.save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        {"start": self.start, "save": self.save, "discard": self.discard}[event.button.id]()

    def start(self) -> None:
        """Check the set-up and begin the session; a problem is one sentence under the form."""
        from osteotrack.domain.validate import check_scale

        try:
            self.pain_before = check_scale(self.query_one("#pain-before", Input).value,
                                           code="breathe.pain_now_range", field="pain_before")
            self.kind = session_kind(str(self.query_one("#kind", Select).value))
            minutes = check_minutes(self.query_one("#minutes", Input).value)
            if self.kind.pacer:
                self.pattern = parse_pattern(self.query_one("#pattern", Input).value)
                total = breathing_seconds(self.pattern, minutes)
            else:
                self.pattern, total = None, minutes * 60
        except DiaryError as error:
            self.refused(error)
            return
        self._say("")
        self.timer = Timer(total, self.clock)
        title = (_(self.kind.name) if self.pattern is None
                 else _("Relaxation breathing · {pattern}").format(pattern=self.pattern.name))
        self.query_one("#session-title", Static).update(title)
        slot = self.query_one("#pacer-slot", Vertical)
        slot.remove_children()
        slot.mount(Pacer(self.timer, self.pattern, self.kind, self.plain, id="pacer"))
        self._show("run")
        self.timer.start()
        self._frames = self.set_interval(1 / FRAMES_PER_SECOND, self.tick)

    # -- the session ---------------------------------------------------------

    def tick(self) -> None:
        """One frame: redraw only the pacer; move on when the time is up."""
        if self.step != "run" or self.timer is None:
            return
        if self.timer.over:
            self._finish()
        else:
            self._redraw()

    def _redraw(self) -> None:
        for pacer in self.query(Pacer):
            pacer.plain = self.plain
            pacer.refresh()

    def action_pause(self) -> None:
        if self.step == "run" and self.timer:
            self.timer.toggle_pause()
            self._redraw()

    def action_stop(self) -> None:
        if self.step == "run" and self.timer:
            self.timer.stop()
            self._finish()

    def action_toggle_motion(self) -> None:
        self.reduced_motion = not self.reduced_motion
        self._redraw()
        self.notify(_("Reduced motion on: words and a counter only.") if self.reduced_motion
                    else _("Reduced motion off."), timeout=3)
        from osteotrack.tui.config import save_config

        try:
            save_config(self.osteo.config_path, {**self._config(), REDUCED_MOTION: self.reduced_motion})
        except (OSError, DiaryError) as error:
            self.notify(_("Could not remember this setting: {error}").format(error=error), severity="warning")

    def _finish(self) -> None:
        from osteotrack.domain.breathing import spoken_duration

        if self._frames is not None:
            self._frames.stop()
            self._frames = None
        done = spoken_duration(self.timer.elapsed())
        self.query_one("#after-summary", Static).update(
            (_("Well done: {time}. How is your pain now?") if self.timer.finished
             else _("Stopped early: {time}. How is your pain now?")).format(time=done))
        self._show("after")
        self.query_one("#save", Button).disabled = self.osteo.read_only
        self.query_one("#pain-after", Input).focus()

    # -- after ---------------------------------------------------------------

    def save(self) -> None:
        """Check the pain after, then store the session in a worker."""
        from osteotrack.domain.validate import check_scale

        if self.osteo.read_only:
            self._say(_("This diary is open read-only; the session was not saved."))
            return
        if self.query_one("#save", Button).disabled:
            return  # being saved, or saved already: a second Enter must not store it twice
        try:
            after = check_scale(self.query_one("#pain-after", Input).value, code="breathe.pain_now_range",
                                field="pain_after")
        except DiaryError as error:
            self.refused(error)
            return
        session = SelfCareSession(
            therapy=self.kind.therapy, pain_before=self.pain_before, pain_after=after,
            duration_seconds=round(self.timer.elapsed()), ended=self.osteo.now(),
            planned_seconds=int(self.timer.total_seconds), pattern=self.pattern.text if self.pattern else None,
            completed=self.timer.finished, note=self.query_one("#note", Input).value,
        )
        self.query_one("#save", Button).disabled = True
        self.write(lambda person: person.add_session(session), self._saved, failed=self._not_saved)

    def _not_saved(self, error: DiaryError) -> None:
        self.query_one("#save", Button).disabled = False
        self.refused(error)

    def _saved(self, stored: SelfCareSession) -> None:
        from osteotrack.domain.numbers import percent

        self.saved = stored
        self._say(_("Saved: pain {before} → {after}, relief {relief}.").format(
            before=stored.pain_before, after=stored.pain_after, relief=percent(stored.relief)))
        close = self.query_one("#discard", Button)
        close.label = _("Close")
        close.focus()

    def discard(self) -> None:
        """Leave: without saving ("Don't save", already a clear choice), or once saved ("Close")."""
        self.dismiss(self.saved)

    def action_leave(self) -> None:
        """Escape: during a session it stops it (pain is asked next); otherwise back, asking first if unsaved."""
        if self.step == "run":
            self.action_stop()
            return
        super().action_leave()

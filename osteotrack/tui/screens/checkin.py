"""The check-in: sleep and mood every day, the three PEG items about the past 7 days once a week, a note,
for today or a missed day."""

from __future__ import annotations

from datetime import date, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from osteotrack.domain import dates
from osteotrack.domain.describe import pain_band_text
from osteotrack.domain.errors import DiaryError
from osteotrack.domain.records import CheckIn
from osteotrack.domain.when import parse_day
from osteotrack.i18n import N_, _, lazy, ngettext
from osteotrack.store import ProfileDiary
from osteotrack.tui.dialogs.conflict_versions import OtherVersionKeys, OtherVersionLine
from osteotrack.tui.screens.base import DiaryScreen
from osteotrack.tui.widgets.keys_footer import KeysFooter
from osteotrack.tui.widgets.scale import ScaleInput
from osteotrack.tui.widgets.still_header import StillHeader


def _anchored(low: str, high: str):
    """Words for a 0–10 answer whose ends mean ``low`` and ``high`` (marked messages, translated when shown)."""

    def words(value: int) -> str:
        if value in (0, 10):
            return f"{value} · {_(low if value == 0 else high)}"
        return _("{value} of 10").format(value=value)

    return words


def _pain_words(value: int) -> str:
    return _("{value} of 10").format(value=value) + f" · {pain_band_text(value)}"


# Our own plain words for the PEG items, about the past 7 days as the PEG is validated; asked once a week.
PEG_KEYS = ("peg_pain", "peg_enjoyment", "peg_activity")
ITEMS = [
    ("peg_pain", N_("Over the past 7 days: your pain on average"), N_("0 no pain … 10 worst imaginable"),
     _pain_words),
    ("peg_enjoyment", N_("Over the past 7 days: how much did pain get in the way of enjoying life?"),
     N_("0 not at all … 10 completely"), _anchored(N_("not at all"), N_("completely"))),
    ("peg_activity", N_("Over the past 7 days: how much did pain get in the way of your everyday activities?"),
     N_("0 not at all … 10 completely"), _anchored(N_("not at all"), N_("completely"))),
    ("sleep", N_("How well did you sleep last night?"), N_("0 very badly … 10 very well"),
     _anchored(N_("very badly"), N_("very well"))),
    ("mood", N_("How is your mood today?"), N_("0 very low … 10 very good"),
     _anchored(N_("very low"), N_("very good"))),
]
MISSED_LOOKBACK_DAYS = 14


class CheckInScreen(OtherVersionKeys, DiaryScreen):
    """Answer five 0–10 questions for a day; a second check-in for the same day replaces the first."""

    TITLE = lazy("Daily check-in")
    EDITING_ACTIONS = frozenset({"save", "previous_day", "next_day"})
    LEAVE_QUESTION = N_("Leave the check-in without saving? Your answers will be lost.")

    DEFAULT_CSS = """
    CheckInScreen VerticalScroll { padding: 0 1; }
    CheckInScreen .row { height: auto; }
    CheckInScreen #day { width: 16; }
    CheckInScreen Label { width: 100%; }
    CheckInScreen .question { margin-top: 1; text-style: bold; }
    CheckInScreen .hint { color: $text-muted; }
    CheckInScreen #note { margin-top: 1; }
    CheckInScreen #peg { margin-top: 1; text-style: bold; }
    CheckInScreen #save { margin-top: 1; min-width: 20; }
    CheckInScreen Button.day { min-width: 14; }
    """

    FIELD_WIDGETS = {"day": "day"}

    BINDINGS = [
        Binding("ctrl+s", "save", lazy("Save"), id="checkin-save"),
        Binding("[", "previous_day", lazy("Day before"), id="checkin-day-before"),
        Binding("]", "next_day", lazy("Day after"), id="checkin-day-after"),
        Binding("ctrl+o", "other_version", lazy("Other version"), id="checkin-other-version"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._baseline: tuple = ()

    def compose(self) -> ComposeResult:
        self._today = self.osteo.now().date()
        yield StillHeader()
        with VerticalScroll():
            with Horizontal(classes="row"):
                yield Input(self._today.isoformat(), placeholder=_("today, yesterday, 2026-11-20"), id="day")
                yield Button("◀ " + _("Day before"), id="day-before", classes="day")
                yield Button(_("Day after") + " ▶", id="day-after", classes="day")
            yield Label("", id="day-words")
            yield Label("", id="day-error", classes="error")
            yield OtherVersionLine("ctrl+o", id="other-version")
            yield Label("", id="missed", classes="hint")
            yield Label("", id="peg-due", classes="hint")
            for key, question, anchors, words in ITEMS:
                yield Label(_(question), classes="question")
                yield ScaleInput(words, hint=_(anchors), id=key)
            yield Input(placeholder=_("A note for the day (optional)"), id="note")
            yield Static("", id="peg")
            yield Label("", id="form-error", classes="error")
            yield Button(_("Save check-in (Ctrl+S)"), id="save", variant="primary")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._baseline = self._answers()
        if self.read_only:
            for widget in self.query("Input, ScaleInput, Button"):
                widget.disabled = True
        self._show_day(self._today)
        self._load(self._today)
        self.query_one("#peg_pain", ScaleInput).focus()

    # -- reading the form --------------------------------------------------

    def _answers(self) -> tuple:
        values = tuple(self.query_one(f"#{key}", ScaleInput).value for key, *_rest in ITEMS)
        return (*values, self.query_one("#note", Input).value)

    @property
    def dirty(self) -> bool:  # type: ignore[override]
        return self._answers() != self._baseline

    def _day(self) -> date:
        return parse_day(self.query_one("#day", Input).value, today=self._today)

    def _show_day(self, day: date | None, status: str = "") -> None:
        words = dates.weekday_day_year(day) if day else ""
        self.query_one("#day-words", Label).update(f"{words} {status}".strip())

    # -- loading -----------------------------------------------------------

    def _load(self, day: date) -> None:
        since, today = self._today - timedelta(days=MISSED_LOOKBACK_DAYS), self._today

        def look(person: ProfileDiary) -> tuple[CheckIn | None, list[date], date | None]:
            done = {c.day for c in person.checkins(since, today)}
            began = person.figures.began(person.id)  # days before the diary existed were not missed
            missed = [since + timedelta(days=i) for i in range(MISSED_LOOKBACK_DAYS)]
            return (person.checkin(day), [d for d in reversed(missed) if d not in done and d >= began],
                    person.weekly_peg_near(day))

        self.read(look, lambda found: self._loaded(day, *found), group="checkin-load")

    def _ask_peg(self, answered: date | None) -> None:
        """The three weekly questions are asked when due; within 6 days of the last answers they rest."""
        due = answered is None and not self.read_only
        for key in PEG_KEYS:
            self.query_one(f"#{key}", ScaleInput).disabled = not due
        self.query_one("#peg-due", Label).update(
            _("Once a week: three questions about the past 7 days, then sleep and mood (every day).") if due else
            _("The weekly questions were answered on {day}; next from {next}. Sleep and mood are asked every day.")
            .format(day=dates.weekday_day(answered), next=dates.weekday_day(answered + timedelta(days=7)))
            if answered else "")
        if not due and self.focused is not None and self.focused.id in PEG_KEYS:
            self.query_one("#sleep", ScaleInput).focus()

    def _loaded(self, day: date, existing: CheckIn | None, missed: list[date], answered: date | None) -> None:
        self._ask_peg(answered)
        self.query_one(OtherVersionLine).show_for("checkin", existing.id if existing else None)
        self._show_day(day, "· " + (_("already checked in; saving replaces it") if existing
                                    else _("not checked in yet")))
        if missed:
            days = ", ".join(dates.weekday_day(d) for d in missed[:3])
            if len(missed) > 3:
                text = ngettext("Missed in the last two weeks: {days} and {n} more.",
                                "Missed in the last two weeks: {days} and {n} more.", len(missed) - 3)
            else:
                text = _("Missed in the last two weeks: {days}.")
            self.query_one("#missed", Label).update(text.format(days=days, n=len(missed) - 3))
        else:
            self.query_one("#missed", Label).update(_("No missed days in the last two weeks."))
        if existing and not self.dirty:
            self._fill(existing)
        elif not existing and not self.dirty:
            self._fill(CheckIn(day=day))

    def _fill(self, checkin: CheckIn) -> None:
        for key, *_rest in ITEMS:
            self.query_one(f"#{key}", ScaleInput).value = getattr(checkin, key)
        self.query_one("#note", Input).value = checkin.note
        self._baseline = self._answers()
        self._show_peg(checkin if checkin.id else None)

    # -- reacting ----------------------------------------------------------

    def on_scale_input_changed(self, event: ScaleInput.Changed) -> None:
        self.clear_errors()
        self._show_peg()

    def _show_peg(self, saved: CheckIn | None = None) -> None:
        from osteotrack.domain.numbers import pain

        values = self._answers()
        score = CheckIn(day=self._today, peg_pain=values[0], peg_enjoyment=values[1], peg_activity=values[2]).peg_score
        if score is None:
            text = _("PEG score: answer the first three questions to see it.")
        else:
            text = _("PEG score {score} of 10 (the mean of the first three answers)").format(score=pain(score))
        if saved is not None:
            text = _("Saved for {day}.").format(day=dates.weekday_day(saved.day)) + " " + text
        self.query_one("#peg", Static).update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "day":
            return
        try:
            day = self._day()
        except DiaryError:
            self._show_day(None)  # half-typed: say nothing until they save or press Enter
            return
        self.clear_errors()
        self._show_day(day)
        self._load(day)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "day":
            self._check_day()
        self.focus_next()

    def _check_day(self) -> date | None:
        try:
            return self._day()
        except DiaryError as error:
            self.refused(error)
            return None

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {"day-before": self.action_previous_day, "day-after": self.action_next_day,
                   "save": self.action_save}
        actions[event.button.id]()

    def _shift_day(self, days: int) -> None:
        day = self._check_day()
        if day is None:
            return
        day = min(self._today, day + timedelta(days=days))
        self.query_one("#day", Input).value = day.isoformat()

    def action_refresh(self) -> None:
        """Read the day again (the app's refresh key); answers being typed are kept."""
        day = self._check_day()
        if day is not None:
            self._load(day)

    def action_previous_day(self) -> None:
        self._shift_day(-1)


    def action_next_day(self) -> None:
        self._shift_day(1)

    # -- saving ------------------------------------------------------------

    def action_save(self) -> None:
        day = self._check_day()
        if day is None:
            self.query_one("#day", Input).focus()
            return
        values = self._answers()
        checkin = CheckIn(day=day, note=values[-1], **{key: v for (key, *_rest), v in zip(ITEMS, values)})
        today = self._today
        self.write(lambda person: person.save_checkin(checkin, today=today, weekly=True), self._saved)

    def refused(self, error: DiaryError) -> None:
        self.show_error(error)

    def _saved(self, saved: CheckIn) -> None:
        self._baseline = self._answers()
        self._show_day(saved.day, "· " + _("checked in"))
        self._show_peg(saved)
        self.notify(_("Check-in saved for {day}.").format(day=dates.weekday_day(saved.day)), title=_("Saved"))
        self._load(saved.day)

"""Today: what has been logged, the check-in, the trend in one line, and "Log pain"."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from osteotrack.domain import dates
from osteotrack.domain.describe import appointment_text, checkin_summary, entry_details, trend_text
from osteotrack.domain.errors import DiaryError
from osteotrack.domain.records import CheckIn
from osteotrack.i18n import N_, _, lazy
from osteotrack.store import Diary, ProfileDiary
from osteotrack.tui.language import Spoken
from osteotrack.tui.widgets.keys_footer import KeysFooter
from osteotrack.tui.widgets.still_header import StillHeader
from osteotrack.tui.work import DiaryWork

TREND_DAYS = 7


@dataclass
class TodayData:
    profile: str
    demo: bool
    lines: list[tuple[str, str]]  # (entry id, line)
    checkin: CheckIn | None
    trend: str
    doses: list[str] = field(default_factory=list)  # a dose due today or late, an injection due soon
    monthly: list[str] = field(default_factory=list)  # "falls-check", "impression": over a month since the last
    appointment: str = ""  # "Next appointment: Dr Lee in 3 days (…)", or "" when none is coming


MONTHLY = {"falls-check": N_("Time for the falls check: press f, then m."),
           "impression": N_("Time for your impression of change: press f, then m."),
           "both": N_("Time for the falls check and your impression of change: press f, then m.")}


def read_today(person: ProfileDiary, today: date) -> TodayData:
    """Everything the Today screen shows of one person, read in one go (runs in a worker thread)."""
    vocab = person.vocabulary()
    entries = person.entries(since=today, until=today)
    from osteotrack.analysis.glance import pain_at_a_glance
    from osteotrack.analysis.ranges import Period

    week = pain_at_a_glance(person, Period(today - timedelta(days=TREND_DAYS), today - timedelta(days=1)))
    visit = person.next_appointment(datetime.combine(today, time.min).astimezone())
    return TodayData(
        profile=person.name,
        demo=person.diary.setting("demo") == "1",
        lines=[(e.id, f"{dates.clock(e.at)}  {entry_details(e, vocab)}") for e in entries],
        checkin=person.checkin(today),
        trend=trend_text(_mean_and_count([e.pain for e in entries]), week, TREND_DAYS),
        appointment="" if visit is None else appointment_text(visit, today) + ".",
        **_bone(person, today),
    )


def _bone(person: ProfileDiary, today: date) -> dict:
    from osteotrack.analysis.bone_today import monthly_due, today_lines

    return {"doses": [f"{line}." for line in today_lines(person, today)], "monthly": monthly_due(person, today)}


def first_look(diary: Diary, asked: str | None, today: date) -> tuple[int, TodayData]:
    """Whose diary the app shows (the profile ``asked`` for, else the active one), resolved once, and its Today."""
    person = diary.profile(asked or diary.active_profile())
    return person.id, read_today(person, today)


def _mean_and_count(pains: list[int]) -> tuple[float | None, int]:
    return (sum(pains) / len(pains) if pains else None), len(pains)


class TodayScreen(Spoken, DiaryWork, Screen):
    """The first screen: today at a glance, with the obvious next action.

    The app reads the first ``data`` before showing the screen, so it is drawn once,
    complete; afterwards the screen reads again whenever it comes back into view.
    """

    BINDINGS = [
        Binding("enter", "edit", lazy("Edit entry"), id="today-edit", show=False),
        Binding("y", "sync", lazy("Sync"), id="today-sync", show=False),
        Binding("n", "app.start_own_diary", lazy("My own diary"), id="today-own-diary"),
    ]

    def __init__(self, data: TodayData | str | None = None):
        super().__init__()
        self._first = data

    def compose(self) -> ComposeResult:
        yield StillHeader()
        with Vertical(id="today"):
            yield Static("", id="today-date", classes="heading")
            yield Static(_("Reading the diary…"), id="trend")
            yield Static("", id="checkin-status")
            yield Static("", id="bone-due", markup=False)
            yield Static("", id="reminder")
            yield Button(_("Log pain (l)"), id="log", variant="primary")
            yield Static(_("This is the demo diary: made-up entries, not yours. Press n (or the button) to "
                           "start your own."), id="demo-note", classes="hint")
            yield Button(_("Start my own diary (n)"), id="own-diary")
            yield Static(_("Today's entries, newest first") if self.osteo.read_only
                         else _("Today's entries, newest first (Enter to edit)"), classes="section")
            yield OptionList(id="entries")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#log", Button).display = not self.osteo.read_only
        for widget in self.query("#demo-note, #own-diary"):
            widget.display = False  # until the data says this is the demo
        if isinstance(self._first, TodayData):
            self._show(self._first)
        elif isinstance(self._first, str):
            self.refused(self._first)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        return not (action == "edit" and self.osteo.read_only)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if self._first is not None:
            self._first = None  # just read by the app: no second read for the first showing
            # Nor a second styling: every widget was styled as it was mounted, a moment ago; Textual's
            # restyle of them all on resume (for a screen back from the background) was a tenth of the start.
            event.refresh_styles = False
            return
        self.refresh_data()

    def refresh_data(self) -> None:
        """Read today's entries again (after saving, or after a log from another terminal)."""
        self._load()

    def _load(self) -> None:
        app = self.osteo
        today = app.now().date()
        if app.profile_id is None:
            # The app could not tell whose diary to show on start: look again (e.g. the diary was busy).
            asked = app.profile
            self.read_diary(lambda diary: first_look(diary, asked, today), self._found, group="today")
        else:
            self.read(lambda person: read_today(person, today), self._show, group="today")

    def _found(self, found: tuple[int, TodayData]) -> None:
        profile_id, data = found
        self.osteo.show_profile(profile_id, data.profile)
        self._show(data)

    def refused(self, error: DiaryError | str) -> None:
        """Say what went wrong where the trend would be (the app's first look hands over its sentence)."""
        self.query_one("#trend", Static).update(_("Could not read the diary: {error}").format(error=error))

    def _show(self, data: TodayData) -> None:
        app = self.osteo
        app.set_demo(data.demo)
        for widget in self.query("#demo-note, #own-diary"):
            widget.display = data.demo and not app.read_only
        app.profile = app.sub_title = data.profile
        self.sub_title = f"{data.profile} · {_('Today')}"
        self.query_one("#today-date", Static).update(dates.weekday_day_year(app.now().date()))
        self.query_one("#trend", Static).update(data.trend + (f"\n{data.appointment}" if data.appointment else ""))
        if data.checkin:
            summary = checkin_summary(data.checkin)
            checkin = _("Check-in: done — {answers}").format(answers=summary.partition(": ")[2] or summary)
        elif "checkin" in app.places():
            checkin = _("Check-in: not done yet (press c).")
        else:
            checkin = _("Check-in: not done yet.")
        self.query_one("#checkin-status", Static).update(checkin)
        bone = self.query_one("#bone-due", Static)
        lines = list(data.doses)
        if data.monthly and not app.read_only:
            lines.append(_(MONTHLY[data.monthly[0] if len(data.monthly) == 1 else "both"]))
        bone.update("\n".join(lines))
        bone.display = bool(lines)
        reminder = self.query_one("#reminder", Static)
        reminder.update("" if data.lines else _("Nothing logged today yet.") if app.read_only
                        else _("Nothing logged today yet. Press l to log how you feel now."))
        reminder.display = not data.lines
        entries = self.query_one("#entries", OptionList)
        highlighted = entries.highlighted
        entries.clear_options()
        entries.add_options([Option(line, id=entry_id) for entry_id, line in data.lines])
        entries.display = bool(data.lines)
        if data.lines:
            entries.highlighted = min(highlighted or 0, len(data.lines) - 1)
        app.painted()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "log":
            self.osteo.action_log_pain()
        elif event.button.id == "own-diary":
            self.osteo.action_start_own_diary()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._edit(event.option.id)

    def action_sync(self) -> None:
        """Sync with another copy of the diary (issue 18): the sync screen."""
        if self.osteo.read_only:
            self.notify(_("This diary is open read-only; nothing can be changed."), severity="warning")
            return
        from osteotrack.tui.screens.sync import open_sync

        open_sync(self.osteo)

    def action_edit(self) -> None:
        entries = self.query_one("#entries", OptionList)
        if entries.highlighted is not None:
            self._edit(entries.get_option_at_index(entries.highlighted).id)

    def _edit(self, entry_id: str | None) -> None:
        from osteotrack.tui.screens.entry import EntryScreen

        if entry_id and not self.osteo.read_only:
            self.app.push_screen(EntryScreen(entry_id=entry_id))

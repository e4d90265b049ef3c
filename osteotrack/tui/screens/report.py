"""The physician report in the app: pick the range, sections, format and language, see the summary, write the file.

The report may be written in another language than the app's (the doctor's), and encrypted with a passphrase
(age format, as ``osteotrack export --encrypt``) for a USB stick or an e-mail.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, ProgressBar, Select, SelectionList, Static

from osteotrack import i18n
from osteotrack.analysis.ranges import DEFAULT_RANGE, resolve_range
from osteotrack.domain import dates
from osteotrack.domain.errors import DiaryError
from osteotrack.i18n import N_, _, lazy
from osteotrack.report.model import SECTIONS
from osteotrack.report.output import FORMATS, PAPERS, default_filename, default_period
from osteotrack.store import ProfileDiary
from osteotrack.tui.dialogs.confirm import ConfirmDialog
from osteotrack.tui.screens.base import DiaryScreen, error_text
from osteotrack.tui.widgets.keys_footer import KeysFooter
from osteotrack.tui.widgets.still_header import StillHeader
from osteotrack.tui.widgets.ticks import TickList

# The same ranges as the trends (analysis/ranges.py): "3 months" means one thing everywhere.
RANGES = [(N_("Last 2 weeks"), "2w"), (N_("Last 3 months"), DEFAULT_RANGE), (N_("Last year"), "1y")]
FORMAT_NAMES = {"pdf": N_("PDF (to print)"), "html": N_("HTML (any browser)"), "md": N_("Markdown (portal message)")}
PRINT_SIZES = [(N_("Regular print"), False), (N_("Large print (my copy)"), True)]


def _ranges() -> list[tuple[str, str]]:
    return [(_(name), code) for name, code in RANGES]
PROTECTION = [(N_("Plain file"), False), (N_("Encrypted, with a passphrase"), True)]
FOR_VISIT = "visit"  # the range "for the next appointment": from the last one (or 3 months back) to today


class ReportScreen(DiaryScreen):
    """Write the physician report for the app's diary and profile."""

    TITLE = lazy("Report for my doctor")
    PROBLEM_LINE = "#form-error"

    DEFAULT_CSS = """
    ReportScreen #form { height: auto; padding: 0 1; }
    ReportScreen .row { height: auto; margin-bottom: 1; }
    ReportScreen .row Label { width: 12; padding: 1 1 0 0; }
    ReportScreen #since, ReportScreen #until { width: 16; }
    ReportScreen #range { width: 30; }  /* "2 dernières semaines", "Pour la visite du 3 déc." */
    ReportScreen #format { width: 30; }
    ReportScreen #paper { width: 14; }
    ReportScreen #print { width: 27; }
    ReportScreen #language { width: 16; }
    ReportScreen .row Label.beside { width: auto; padding: 1 1 0 2; }
    ReportScreen #protect { width: 34; }
    ReportScreen #file { width: 1fr; }
    ReportScreen #sections { height: 8; width: 1fr; }
    ReportScreen #buttons { height: auto; }
    ReportScreen #buttons Button { margin-right: 2; }
    ReportScreen #summary { padding: 1; border: round $primary; height: auto; }
    ReportScreen #progress { margin: 1 0; }
    ReportScreen #done { padding: 0 1; text-style: bold; }
    ReportScreen .error { display: none; color: $error; text-style: bold; padding: 0 1; width: 100%; }
    """

    BINDINGS = [
        Binding("s", "summary", lazy("Summary"), id="report-summary"),
        Binding("w", "write", lazy("Write report"), id="report-write"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.profile_name = ""
        self._named_by_us = True  # the file name follows the choices until the user types one
        self._auto_names: set[str] = {""}  # every name the screen put in the file box (their Changed come later)
        self._visit: tuple[date, date | None] | None = None  # (next appointment's day, last one's day)

    def today(self) -> date:
        """Today by the app's clock (a fixed one in tests and screenshots)."""
        return self.osteo.now().date()

    def compose(self) -> ComposeResult:
        period = default_period(today=self.today())
        yield StillHeader()
        with VerticalScroll(id="form"):
            with Horizontal(classes="row"):
                yield Label(_("Period"))
                yield Select(_ranges(), value=DEFAULT_RANGE, allow_blank=False, id="range")
                yield Input(period.since.isoformat(), placeholder=_("from"), id="since")
                yield Input(period.until.isoformat(), placeholder=_("to"), id="until")
            with Horizontal(classes="row"):
                yield Label(_("Sections"))
                yield TickList(*[(str(title), key, True) for key, title in SECTIONS.items()], id="sections")
            with Horizontal(classes="row"):
                yield Label(_("Format"))
                yield Select([(_(FORMAT_NAMES[f]), f) for f in FORMATS], value="pdf", allow_blank=False, id="format")
                yield Select([(p.upper() if p == "a4" else p.title(), p) for p in PAPERS], value="a4",
                             allow_blank=False, id="paper")
            with Horizontal(classes="row"):  # a row of its own: beside the format it is cut at 80 columns
                yield Label(_("Print"))
                yield Select([(_(name), large) for name, large in PRINT_SIZES], value=False, allow_blank=False,
                             id="print")
                # TRANSLATORS: the language the report is written in (the doctor's may differ from the app's).
                yield Label(_("Language"), classes="beside")
                yield Select(report_languages(), value=i18n.language(), allow_blank=False, id="language")
            with Horizontal(classes="row"):
                # TRANSLATORS: whether the report file is encrypted with a passphrase (e.g. to send it by e-mail).
                yield Label(_("Protect"))
                yield Select([(_(name), value) for name, value in PROTECTION], value=False, allow_blank=False,
                             id="protect")
            with Horizontal(classes="row"):
                yield Label(_("File"))
                yield Input(id="file")
            yield Label("", id="form-error", classes="error")
            with Horizontal(id="buttons"):
                yield Button(_("Show summary (s)"), id="summary-button")
                yield Button(_("Write report (w)"), id="write-button", variant="primary")
            yield ProgressBar(total=1, show_eta=False, id="progress")
            yield Static("", id="done")
            yield Static(_("Press s to see the summary before writing."), id="summary")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#progress").display = False
        self._read_profile()

    # -- choices -------------------------------------------------------------

    def _read_profile(self) -> None:
        today = self.today()
        self.read(lambda person: (person.name, _visits(person, today)), self._profile_read, group="profile")

    def _profile_read(self, found: tuple[str, tuple[date, date | None] | None]) -> None:
        self.profile_name, self._visit = found
        if self._visit is not None:  # offer the period up to the next appointment
            day = self._visit[0]
            self.query_one("#range", Select).set_options(
                [(_("For the visit on {day}").format(day=dates.day_short(day)), FOR_VISIT), *_ranges()])
            self.query_one("#range", Select).value = DEFAULT_RANGE  # set_options forgets the choice: the range in force
        self._rename()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "range" and isinstance(event.value, str):
            today = self.today()
            if event.value == FOR_VISIT and self._visit is not None:  # from the last visit (or 3 months) to today
                last = self._visit[1]
                since = last if last is not None else resolve_range(DEFAULT_RANGE, today=today).since
                until = today
            else:
                period = resolve_range(event.value, today=today)
                since, until = period.since, period.until
            self.query_one("#since", Input).value = since.isoformat()
            self.query_one("#until", Input).value = until.isoformat()
        self._rename()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in ("since", "until"):
            self._rename()
        elif event.input.id == "file" and event.value not in self._auto_names:
            self._named_by_us = False

    def _rename(self) -> None:
        if not (self._named_by_us and self.profile_name):
            return
        try:
            period = self._period()
        except DiaryError:
            return  # the date is shown as an error when the report is asked for
        name = str(Path.cwd() / default_filename(self.profile_name, period, self._format(), self._large_print(),
                                                 self._encrypted()))
        self._auto_names.add(name)
        self.query_one("#file", Input).value = name

    def _format(self) -> str:
        return str(self.query_one("#format", Select).value)

    def _large_print(self) -> bool:
        return self.query_one("#print", Select).value is True

    def _encrypted(self) -> bool:
        return self.query_one("#protect", Select).value is True

    def _period(self):
        return default_period(self.query_one("#since", Input).value.strip() or None,
                              self.query_one("#until", Input).value.strip() or None, today=self.today())

    def _choices(self) -> dict | None:
        """What the form asks for, or None after showing why it cannot be used."""
        self._error("")
        try:
            period = self._period()
        except DiaryError as error:
            self._error(error_text(error))
            return None
        sections = list(self.query_one("#sections", SelectionList).selected)
        if not sections:
            self._error(_("Pick at least one section for the report."))
            return None
        file = self.query_one("#file", Input).value.strip()
        if not file:
            self._error(_("Give a file name to write the report to."))
            return None
        return {"period": period, "sections": sections, "format": self._format(),
                "paper": str(self.query_one("#paper", Select).value), "path": Path(file).expanduser(),
                "large_print": self._large_print(), "language": str(self.query_one("#language", Select).value),
                "encrypted": self._encrypted()}

    def _error(self, message: str) -> None:
        label = self.query_one("#form-error", Label)
        label.update(message)
        label.display = bool(message)

    # -- summary ---------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "summary-button":
            self.action_summary()
        elif event.button.id == "write-button":
            self.action_write()

    def action_summary(self) -> None:
        choices = self._choices()
        if choices:
            self.query_one("#summary", Static).update(_("Reading the diary…"))
            self._summarise(choices)

    def _summarise(self, choices: dict) -> None:
        from osteotrack.report.model import build_report

        today = self.today()

        def build(person: ProfileDiary):
            with i18n.speaking(choices["language"]):  # the report's language, in this worker only
                return build_report(person, choices["period"], sections=choices["sections"], today=today)

        self.read(build, self._summarised, group="report")

    def _summarised(self, report) -> None:
        self.query_one("#summary", Static).update(summary_text(report))

    # -- writing ---------------------------------------------------------------

    def action_write(self) -> None:
        choices = self._choices()
        if not choices:
            return
        path = choices["path"]
        if path.is_dir():
            self._error(_("{path} is a folder; give a file name to write to.").format(path=path))
            return
        if not path.exists():
            self._protect(choices, force=False)
            return

        def answered(replace: bool | None) -> None:
            if replace:
                self._protect(choices, force=True)
        question = _("{path} already exists. Replace it with the new report?").format(path=path)
        self.app.push_screen(ConfirmDialog(question, yes=_("Replace"), no=_("Keep it")), answered)

    def _protect(self, choices: dict, force: bool) -> None:
        """Ask for the passphrase of an encrypted report (twice), then write; a plain one is written at once."""
        from osteotrack.tui.dialogs.passphrase import ask_new_passphrase

        if not choices["encrypted"]:
            self._write(choices, force)
            return
        ask_new_passphrase(self.app, _("A passphrase for the encrypted report (keep it safe: it cannot be recovered; "
                                       "tell it to your doctor in another way than the file):"),
                           _("Write report"), lambda secret: self._write(choices, force, secret))

    def _write(self, choices: dict, force: bool, passphrase: str | None = None) -> None:
        from osteotrack.report.model import build_report
        from osteotrack.report.output import render, write

        def advance(done: int, total: int) -> None:  # called in the worker thread while the report renders
            self.app.call_from_thread(self._advance, done, total)

        today = self.today()

        def build_and_write(person: ProfileDiary):
            with i18n.speaking(choices["language"]):  # the report's language, in this worker only
                report = build_report(person, choices["period"], sections=choices["sections"], today=today)
            # Rendering and writing need no diary, but happen in the same worker: one job, one outcome.
            data = render(report, choices["format"], choices["paper"], progress=advance,
                          large_print=choices["large_print"])
            return report, write(choices["path"], data, force=force, passphrase=passphrase)

        self._started()
        self.read(build_and_write, lambda written: self._finished(*written), group="report-write",
                  failed=self._not_written)

    def _started(self) -> None:
        self._error("")
        self.query_one("#done", Static).update(_("Writing the report…"))
        bar = self.query_one("#progress", ProgressBar)
        bar.update(total=len(SECTIONS), progress=0)
        bar.display = True

    def _advance(self, done: int, total: int) -> None:
        if self.still_shown:  # the report may be written after the screen was left
            self.query_one("#progress", ProgressBar).update(total=total, progress=done)

    def _not_written(self, error: DiaryError) -> None:
        self.query_one("#progress").display = False
        self.query_one("#done", Static).update("")
        self.refused(error)

    def _finished(self, report, path: Path) -> None:
        self.query_one("#progress").display = False
        self.query_one("#summary", Static).update(summary_text(report))
        self.query_one("#done", Static).update(_("Wrote the report to {path}").format(path=path.resolve()))
        self.notify(_("Report written to {path}").format(path=path.resolve()), title=_("Report"))


def _visits(person: ProfileDiary, today: date) -> tuple[date, date | None] | None:
    """The day of the next appointment and of the last one before today, or None without a next one."""
    from datetime import datetime, time

    visit = person.next_appointment(datetime.combine(today, time.min).astimezone())
    if visit is None:
        return None
    before = person.events(until=today - timedelta(days=1), kinds=("appointment",))
    return visit.at.date(), (before[-1].at.date() if before else None)


def report_languages() -> list[tuple[str, str]]:
    """The languages a report can be written in, each named in its own words; the app's own among them."""
    shown = [(name, code) for code, name in i18n.LANGUAGES.items() if code != i18n.PSEUDO]
    if i18n.language() == i18n.PSEUDO:  # the pseudo-language is offered only to an app that speaks it
        shown.append((i18n.LANGUAGES[i18n.PSEUDO], i18n.PSEUDO))
    return shown


def summary_text(report) -> str:
    """What the report will say, in a few lines and in its language: who, when, how much was logged, its sections."""
    with i18n.speaking(report.language):
        lines = [_("{title} for {profile}: {period}").format(title=report.title, profile=report.profile,
                                                             period=report.period_text)]
        if report.appointment:
            lines.append(report.appointment)
        for section in report.sections:
            if section.key in ("coverage", "summary"):
                lines += section.lines
        lines.append(_("Sections: {titles}.").format(titles=", ".join(section.title for section in report.sections)))
    return "\n".join(lines)

"""Bone care: treatments with the next dose due and days late, height, falls, the impression of change.

One key (``x``) records "taken now" for the highlighted treatment; ``m`` opens the monthly questions
(the falls check and the impression of change), which Today offers when a month has passed. Reads and writes run in
workers on their own connection, through the person's ``ProfileDiary``; a result that arrives
after the screen has gone is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from osteotrack.domain import dates
from osteotrack.i18n import N_, _, lazy, ngettext
from osteotrack.tui.screens.base import DiaryScreen
from osteotrack.tui.widgets.keys_footer import KeysFooter
from osteotrack.tui.widgets.still_header import StillHeader


@dataclass
class BoneData:
    """What the screen shows, read in one go in a worker."""

    rows: list[tuple[str, str, str, str, str, str]]  # medicine slug, treatment, every, last dose, next due, late
    lines: list[str]


def read_bone(person, today) -> BoneData:
    """Treatments as rows, and height, falls, falls check and impression as lines (runs in a worker)."""
    from osteotrack.analysis import Period
    from osteotrack.analysis.bone import bone_care
    from osteotrack.analysis.bone_today import treatment_statuses
    from osteotrack.views.bone_trends import lines

    rows = []
    for s in treatment_statuses(person, today):
        t = s.treatment
        rows.append((t.medicine, f"{t.display_name} {t.dose}".strip(), t.interval.words(),
                     dates.day(s.last_dose) if s.last_dose else _("none yet"),
                     dates.day(s.next_due) if s.next_due else _("stopped"),
                     str(s.days_late) if s.next_due else "—"))
    first = min([t.since for t in person.treatments()] + [h.at.date() for h in person.heights()] + [today])
    return BoneData(rows, lines(bone_care(person, Period(first, today))))


RECORDED = {"falls-check": N_("Recorded the falls check."), "impression": N_("Recorded your impression of change."),
            "both": N_("Recorded the falls check and your impression of change.")}


class BoneCareScreen(DiaryScreen):
    """Bone treatments, height, falls and how it is going; ``x`` records a dose taken now."""

    TITLE = lazy("Bone care (records, not advice)")
    EDITING_ACTIONS = frozenset({"taken_now", "monthly_check"})
    PROBLEM_LINE = "#status"
    # The status may hold a command to type: on as many lines as it needs, never cut.
    DEFAULT_CSS = """
    BoneCareScreen > #status { height: auto; }
    """
    BINDINGS = [Binding("x", "taken_now", lazy("Taken now"), id="bone.taken-now"),
                Binding("m", "monthly_check", lazy("Falls check & impression"), id="bone.monthly-check")]
    COLUMNS = (N_("Treatment"), N_("Every"), N_("Last dose"), N_("Next due"), N_("Days late"))

    def compose(self) -> ComposeResult:
        yield StillHeader()
        yield Static(_("Reading the diary…"), id="status", markup=False)
        yield DataTable(id="treatments", cursor_type="row", zebra_stripes=True)
        yield Static("", id="bone-lines", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        table = self.query_one("#treatments", DataTable)
        for column in self.COLUMNS:
            table.add_column(_(column), key=column)
        self.refresh_data()

    def refresh_data(self) -> None:
        """Read again (the app's refresh key calls this)."""
        self._read()

    def _read(self) -> None:
        today = self.osteo.now().date()
        self.read(lambda person: read_bone(person, today), self._show, group="bone-read")

    def _show(self, data: BoneData) -> None:
        table = self.query_one("#treatments", DataTable)
        table.clear()
        for medicine, *cells in data.rows:
            table.add_row(*cells, key=medicine)
        self.query_one("#status", Static).update(
            ngettext("{n} treatment; days late as of today (0 when on time). x: taken now.",
                     "{n} treatments; days late as of today (0 when on time). x: taken now.",
                     len(data.rows)).format(n=len(data.rows)) if data.rows else
            _("No bone treatments yet; add one with: {command}").format(
                command="osteotrack treatment add alendronate --every 1w"))
        self.query_one("#bone-lines", Static).update("\n".join(data.lines))

    def action_taken_now(self) -> None:
        """Record a dose of the highlighted treatment, taken now."""
        if self.refused_read_only():
            return
        table = self.query_one("#treatments", DataTable)
        if table.row_count == 0:
            self.notify(_("No treatment to record a dose for."), severity="warning")
            return
        medicine = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        moment = self.osteo.now()

        def change(person):
            from osteotrack.domain.bone import Dose

            return person.add_dose(Dose(medicine, moment))

        def done(dose) -> None:
            self.notify(_("Recorded a dose of {medicine} at {time}.").format(medicine=dose.medicine,
                                                                              time=dates.clock(dose.at)))
            self.refresh_data()

        self.write(change, done)

    def action_monthly_check(self) -> None:
        """Ask the falls check and the impression of change in a small form, and store the answers."""
        from osteotrack.tui.dialogs.monthly_check import MonthlyCheckDialog

        if self.refused_read_only():
            return

        def answered(answers: dict | None) -> None:
            if answers:
                self._save_monthly(answers)

        self.app.push_screen(MonthlyCheckDialog(), answered)

    def _save_monthly(self, answers: dict) -> None:
        moment = self.osteo.now()

        def change(person) -> list[str]:
            from osteotrack.domain.bone import FallsCheck, Impression

            saved = []
            with person.diary.writing():
                if answers["falls"] is not None:
                    person.add_falls_check(FallsCheck(moment, *answers["falls"]))
                    saved.append("falls-check")
                if answers["impression"] is not None:
                    person.add_impression(Impression(moment, answers["impression"]))
                    saved.append("impression")
            return saved

        def done(saved: list[str]) -> None:
            self.notify(_(RECORDED[saved[0] if len(saved) == 1 else "both"]))
            self.refresh_data()

        self.write(change, done)

"""Overview: every profile at a glance, for a caregiver — last entry, the week, alerts in words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from osteotrack.i18n import _, lazy
from osteotrack.store import Diary
from osteotrack.tui.screens.base import DiaryScreen
from osteotrack.tui.widgets.keys_footer import KeysFooter
from osteotrack.tui.widgets.still_header import StillHeader


class OverviewScreen(DiaryScreen):
    """Each profile's last entry, this week's mean pain against last week's, and plain-word alerts."""

    TITLE = lazy("Overview")
    SUB_TITLE = lazy("every profile")
    PROBLEM_LINE = "#overview-status"

    DEFAULT_CSS = """
    OverviewScreen .person { border: round $primary; padding: 0 1; margin: 0 1 1 1; height: auto; }
    OverviewScreen .person.alerting { border: heavy $warning; }
    OverviewScreen #overview-status { padding: 1 2 0 2; }
    """

    def compose(self) -> ComposeResult:
        yield StillHeader()
        with VerticalScroll(id="overview"):
            yield Static(_("Reading the diary…"), id="overview-status")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        """Read every profile again (the app's refresh key calls this)."""
        self._read()

    def _read(self) -> None:
        from osteotrack.analysis.alerts import overview
        from osteotrack.views.overview import overview_lines

        today, shown = self.osteo.now().date(), self.osteo.profile_id

        def every_profile(diary: Diary) -> list[tuple[list[str], bool]]:
            return [(overview_lines(p), bool(p.alerts)) for p in overview(diary, today, shown_id=shown)]

        self.read_diary(every_profile, self._show, group="overview")

    def _show(self, people: list[tuple[list[str], bool]]) -> None:
        from osteotrack.domain.numbers import count

        box = self.query_one("#overview", VerticalScroll)
        box.remove_children(".person")
        self.query_one("#overview-status", Static).update(
            _("{profiles}; this week is the 7 days ending today.").format(profiles=count(len(people), "profile")))
        box.mount_all(
            Static("\n".join(lines), classes="person alerting" if alerting else "person", markup=False)
            for lines, alerting in people
        )

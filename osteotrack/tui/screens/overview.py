"""Overview: every profile at a glance, for a caregiver — last entry, the week, alerts in words."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from osteotrack.domain.errors import DiaryError
from osteotrack.domain.when import now_local


class OverviewScreen(Screen):
    """Each profile's last entry, this week's mean pain against last week's, and plain-word alerts."""

    DEFAULT_CSS = """
    OverviewScreen .person { border: round $primary; padding: 0 1; margin: 0 1 1 1; height: auto; }
    OverviewScreen .person.alerting { border: heavy $warning; }
    OverviewScreen #overview-status { padding: 1 2 0 2; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="overview"):
            yield Static("Reading the diary…", id="overview-status")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.app.sub_title = "Overview · every profile"

    def reload(self) -> None:
        """Read every profile again (the app's refresh key calls this)."""
        self._read()

    @work(thread=True, exclusive=True, group="overview")
    def _read(self) -> None:
        from osteotrack.analysis.alerts import overview
        from osteotrack.store.diary import Diary
        from osteotrack.views.overview import overview_lines

        app = self.app
        today = (app.now() if hasattr(app, "now") else now_local()).date()
        try:
            with Diary.open(app.diary_path, read_only=app.read_only, create=False) as diary:
                people = overview(diary, today, active_name=app.profile)
        except DiaryError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._show, [(overview_lines(p), bool(p.alerts)) for p in people])

    def _failed(self, message: str) -> None:
        self.query_one("#overview-status", Static).update(message)

    def _show(self, people: list[tuple[list[str], bool]]) -> None:
        box = self.query_one("#overview", VerticalScroll)
        box.remove_children(".person")
        self.query_one("#overview-status", Static).update(
            f"{len(people)} {'profile' if len(people) == 1 else 'profiles'}; this week is the 7 days ending today.")
        box.mount_all(
            Static("\n".join(lines), classes="person alerting" if alerting else "person", markup=False)
            for lines, alerting in people
        )

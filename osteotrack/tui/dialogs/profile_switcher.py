"""Whose diary: pick a profile. The app binds it to a key and the command palette."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from osteotrack.domain.errors import DiaryError


class ProfileSwitcher(ModalScreen[str | None]):
    """A list of the diary's profiles; dismisses with the chosen name, or None when cancelled."""

    DEFAULT_CSS = """
    ProfileSwitcher { align: center middle; }
    ProfileSwitcher #switcher { width: 72; height: auto; max-height: 80%; border: thick $primary; padding: 1 2;
                                background: $surface; }
    ProfileSwitcher OptionList { height: auto; max-height: 20; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="switcher-cancel")]

    def __init__(self) -> None:
        super().__init__()
        self._names: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="switcher"):
            yield Static("Whose diary? Enter chooses, Escape cancels.", id="switcher-title")
            yield OptionList(id="profiles")

    def on_mount(self) -> None:
        self._read()

    @work(thread=True, exclusive=True, group="profiles")
    def _read(self) -> None:
        from osteotrack.domain import numbers
        from osteotrack.domain.describe import when_text
        from osteotrack.store.diary import Diary

        app = self.app
        try:
            with Diary.open(app.diary_path, read_only=app.read_only, create=False) as diary:
                current = diary.profile_id(app.profile)
                rows = []
                for p in diary.profiles():
                    count, last = diary.count_entries(p["id"]), diary.last_entry(p["id"])
                    label = f"{p['name']} — {numbers.count(count, 'entry')}"
                    label += f", last {when_text(last.at)}" if last else ""
                    rows.append((p["name"], label + (" (shown now)" if p["id"] == current else ""),
                                 p["id"] == current))
        except DiaryError as error:
            self.app.call_from_thread(self.query_one("#switcher-title", Static).update, str(error))
            return
        self.app.call_from_thread(self._show, rows)

    def _show(self, rows: list[tuple[str, str, bool]]) -> None:
        self._names = [name for name, _, _ in rows]
        options = self.query_one("#profiles", OptionList)
        options.set_options(Option(label) for _, label, _ in rows)
        options.highlighted = next((i for i, (_, _, now) in enumerate(rows) if now), 0)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._names[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)

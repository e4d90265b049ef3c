"""Whose diary: pick a profile. The app binds it to a key and the command palette."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from osteotrack.domain.records import Profile
from osteotrack.i18n import _, lazy
from osteotrack.store import Diary
from osteotrack.tui.language import Spoken
from osteotrack.tui.work import DiaryWork


class ProfileSwitcher(Spoken, DiaryWork, ModalScreen[Profile | None]):
    """A list of the diary's profiles; dismisses with the chosen one, or None when cancelled."""

    PROBLEM_LINE = "#switcher-title"

    DEFAULT_CSS = """
    ProfileSwitcher { align: center middle; }
    ProfileSwitcher #switcher { width: 72; height: auto; max-height: 80%; border: thick $primary; padding: 1 2;
                                background: $surface; }
    ProfileSwitcher OptionList { height: auto; max-height: 20; }
    """
    BINDINGS = [Binding("escape", "cancel", lazy("Cancel"), id="switcher-cancel")]

    def __init__(self) -> None:
        super().__init__()
        self._profiles: list[Profile] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="switcher"):
            yield Static(_("Whose diary? Enter chooses, Escape cancels."), id="switcher-title")
            yield OptionList(id="profiles")

    def on_mount(self) -> None:
        self._read()

    def _read(self) -> None:
        from osteotrack.domain import numbers
        from osteotrack.domain.describe import when_text

        shown = self.osteo.profile_id

        def rows(diary: Diary) -> list[tuple[Profile, str]]:
            found = []
            for profile in diary.profiles():
                person = diary.profile_by_id(profile.id)
                count, last = person.count_entries(), person.last_entry()
                entries = numbers.count(count, "entry")
                label = (_("{name} — {entries}, last {moment}").format(name=profile.name, entries=entries,
                                                                        moment=when_text(last.at)) if last
                         else f"{profile.name} — {entries}")
                found.append((profile, label + (" " + _("(shown now)") if profile.id == shown else "")))
            return found

        self.read_diary(rows, self._show, group="profiles")

    def _show(self, rows: list[tuple[Profile, str]]) -> None:
        self._profiles = [profile for profile, _label in rows]
        options = self.query_one("#profiles", OptionList)
        options.set_options(Option(label) for _profile, label in rows)
        shown = self.osteo.profile_id
        options.highlighted = next((i for i, p in enumerate(self._profiles) if p.id == shown), 0)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._profiles[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)

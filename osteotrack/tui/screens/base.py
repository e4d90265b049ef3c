"""What every diary screen shares: its own connection per worker, read-only mode, leaving safely."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen

from osteotrack.store import Diary
from osteotrack.tui.dialogs.confirm import ConfirmDialog


class DiaryScreen(Screen):
    """A screen over the app's diary (``app.diary_path``, ``app.profile``, ``app.read_only``).

    Subclasses name their changing actions in ``EDITING_ACTIONS`` (hidden in read-only
    mode) and set ``self.dirty`` while the user has typed something not yet saved.
    """

    EDITING_ACTIONS: frozenset[str] = frozenset()
    LEAVE_QUESTION = "Leave without saving? What you typed here will be lost."

    BINDINGS = [Binding("escape", "leave", "Back", id="back")]

    dirty = False

    def open_diary(self) -> Diary:
        """A connection for the calling worker thread; close it (``with``) before the worker ends."""
        return Diary.open(self.app.diary_path, read_only=self.app.read_only)

    def profile_id(self, diary: Diary) -> int:
        return diary.profile_id(self.app.profile)

    @property
    def read_only(self) -> bool:
        return bool(self.app.read_only)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.EDITING_ACTIONS and self.read_only:
            return False
        return True

    def action_leave(self) -> None:
        """Go back; with unsaved input, ask first."""
        if not self.dirty:
            self.dismiss()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss()
        self.app.push_screen(ConfirmDialog(self.LEAVE_QUESTION, yes="Leave", no="Stay"), answered)

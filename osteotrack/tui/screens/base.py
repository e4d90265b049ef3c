"""What every diary screen shares: its own connection per worker, read-only mode, leaving safely."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import work
from textual.binding import Binding
from textual.screen import Screen

from osteotrack.domain.errors import DiaryError
from osteotrack.store import Diary
from osteotrack.tui.dialogs.confirm import ConfirmDialog


class DiaryScreen(Screen):
    """A screen over the app's diary (``app.diary_path``, ``app.profile``, ``app.read_only``).

    Subclasses name their changing actions in ``EDITING_ACTIONS`` (hidden in read-only
    mode) and set ``self.dirty`` while the user has typed something not yet saved.
    """

    EDITING_ACTIONS: frozenset[str] = frozenset()
    LEAVE_QUESTION = "Leave without saving? What you typed here will be lost."

    # The list screens share one layout: a status line, the table, and the highlighted row in full.
    DEFAULT_CSS = """
    DiaryScreen > DataTable { height: 1fr; }
    DiaryScreen > #status { height: 1; padding: 0 1; background: $boost; }
    DiaryScreen > #detail { height: 3; padding: 0 1; border-top: solid $primary; }
    DiaryScreen .error { display: none; color: $text-error; text-style: bold; width: 100%; }
    """

    BINDINGS = [Binding("escape", "leave", "Back", id="back")]

    dirty = False

    def open_diary(self) -> Diary:
        """A connection for the calling worker thread; close it (``with``) before the worker ends."""
        return Diary.open(self.app.diary_path, read_only=self.app.read_only)

    @work(thread=True, group="diary-write")
    def write(self, change: Callable[[Diary], Any], done: Callable[[Any], None],
              failed: Callable[[DiaryError], None] | None = None) -> None:
        """Run ``change(diary)`` on this worker's own connection, then ``done(result)`` on the interface.

        A refusal goes to ``failed`` (by default a notification with the domain's sentence).
        """
        try:
            with self.open_diary() as diary:
                result = change(diary)
        except DiaryError as error:
            self.app.call_from_thread(failed or self._write_failed, error)
            return
        self.app.call_from_thread(done, result)

    def _write_failed(self, error: DiaryError) -> None:
        self.notify(str(error), severity="error")

    def profile_id(self, diary: Diary) -> int:
        return diary.profile_id(self.app.profile)

    @property
    def read_only(self) -> bool:
        return bool(self.app.read_only)

    def refused_read_only(self) -> bool:
        """In read-only mode say so and return True; for actions the palette calls past ``check_action``."""
        if self.read_only:
            self.notify("This diary is open read-only; nothing can be changed.", severity="warning")
        return self.read_only

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.EDITING_ACTIONS and self.read_only:
            return False
        return True

    def show_error(self, message: str, fields: dict[str, str], fallback: str) -> str:
        """Put ``message`` under the field it is about and return that field's id.

        ``fields`` maps a word the domain's sentence uses (e.g. "T-score") to a field id;
        the message shows in the Label ``#<id>-error``. The first word found wins.
        """
        self.clear_errors()
        # Match on what the sentence is about, not on its examples ("…, e.g. --site mid-back --level T8").
        topic = message.split(";")[0].split(", e.g.")[0].lower()
        target = next((field for word, field in fields.items() if word.lower() in topic), fallback)
        error = self.query_one(f"#{target}-error")
        error.update(message)
        error.display = True
        return target

    def clear_errors(self) -> None:
        """Hide every inline error (Labels with class ``error``, hidden until they have a message)."""
        for error in self.query(".error"):
            error.update("")
            error.display = False

    def action_leave(self) -> None:
        """Go back; with unsaved input, ask first."""
        if not self.dirty:
            self.dismiss()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss()
        self.app.push_screen(ConfirmDialog(self.LEAVE_QUESTION, yes="Leave", no="Stay"), answered)

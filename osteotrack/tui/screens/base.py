"""What every diary screen shares: reading and writing in workers, read-only mode, leaving safely."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.binding import Binding
from textual.screen import Screen

from osteotrack.domain.errors import DiaryError
from osteotrack.i18n import N_, _, lazy
from osteotrack.tui.dialogs.confirm import ConfirmDialog
from osteotrack.tui.language import Spoken, words
from osteotrack.tui.work import DiaryWork


class DiaryScreen(Spoken, DiaryWork, Screen):
    """A screen over the app's diary and profile; it reads and writes with ``read`` and ``write`` (``DiaryWork``).

    Subclasses name their changing actions in ``EDITING_ACTIONS`` (hidden in read-only
    mode) and set ``self.dirty`` while the user has typed something not yet saved. A
    form names in ``FIELD_WIDGETS`` the widget for each field an error can be about.
    """

    EDITING_ACTIONS: frozenset[str] = frozenset()
    # An error's field (``error.field``: "pain", "at", …) → the id of the widget that takes it;
    # the error shows in the Label ``#<id>-error``. Errors about other fields, or none, show
    # in ``#<ERROR_FALLBACK>-error``.
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {}
    ERROR_FALLBACK: ClassVar[str] = "form"
    LEAVE_QUESTION = N_("Leave without saving? What you typed here will be lost.")

    # The list screens share one layout: a status line, the table, and the highlighted row in full.
    DEFAULT_CSS = """
    DiaryScreen > DataTable { height: 1fr; }
    DiaryScreen > #status { height: 1; padding: 0 1; background: $boost; }
    DiaryScreen > #detail { height: 3; padding: 0 1; border-top: solid $primary; }
    DiaryScreen .error { display: none; color: $text-error; text-style: bold; width: 100%; }
    """

    BINDINGS = [Binding("escape", "leave", lazy("Back"), id="back")]

    dirty = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # TITLE and SUB_TITLE are lazy(...) messages: the header shows them in the language in force.
        self.title, self.sub_title = words(self.TITLE or "") or None, words(self.SUB_TITLE or "") or None

    @property
    def read_only(self) -> bool:
        return bool(self.osteo.read_only)

    def refused_read_only(self) -> bool:
        """In read-only mode say so and return True; for actions the palette calls past ``check_action``."""
        if self.read_only:
            self.notify(_("This diary is open read-only; nothing can be changed."), severity="warning")
        return self.read_only

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.EDITING_ACTIONS and self.read_only:
            return False
        return True

    def widget_for(self, error: DiaryError) -> str | None:
        """The id of the widget for the field ``error`` is about, or None when this screen has none."""
        return self.FIELD_WIDGETS.get(error.field) if error.field else None

    def show_error(self, error: DiaryError) -> str:
        """Put ``error`` under the widget of the field it names and return that widget's id."""
        return self.show_errors([error])[0]

    def show_errors(self, errors: Iterable[DiaryError]) -> list[str]:
        """Clear the errors shown, then put each error under its field's widget; return the widgets' ids.

        The first error for a widget is the one shown there.
        """
        self.clear_errors()
        targets: list[str] = []
        for error in errors:
            target = self.widget_for(error) or self.ERROR_FALLBACK
            if target not in targets:
                label = self.query_one(f"#{target}-error")
                label.update(error_text(error))
                label.display = True
            targets.append(target)
        return targets

    def clear_errors(self) -> None:
        """Hide every inline error (Labels with class ``error``, hidden until they have a message)."""
        for error in self.query(".error"):
            error.update("")
            error.display = False

    def clear_error(self, widget_id: str) -> None:
        """Hide the inline error under the widget ``widget_id``."""
        label = self.query_one(f"#{widget_id}-error")
        label.update("")
        label.display = False

    def action_leave(self) -> None:
        """Go back; with unsaved input, ask first."""
        if not self.dirty:
            self.dismiss()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss()
        self.app.push_screen(ConfirmDialog(_(self.LEAVE_QUESTION), yes=_("Leave"), no=_("Stay")), answered)


def error_text(error: DiaryError) -> str:
    """The sentence the app shows for ``error``: the domain's, in the app's words where they differ."""
    return error.sentence(face="app")

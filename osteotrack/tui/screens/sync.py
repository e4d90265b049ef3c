"""Sync with another copy of this diary: the same as ``osteotrack sync FILE [--both]`` (issue 18).

The user gives the file's path (and its passphrase when it is encrypted: typed into a field
that shows no characters), sees what the sync would change, and only then syncs. Below, the
versions that lost an earlier sync although they were edited, each beside the version kept,
until dismissed. Reading and writing run in worker threads, each with its own connection.
"""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Footer, Input, Label, Static

from osteotrack.domain.errors import DiaryError
from osteotrack.i18n import N_, _, lazy
from osteotrack.tui.screens.base import DiaryScreen
from osteotrack.tui.widgets.still_header import StillHeader

TITLE = lazy("Sync with another copy of this diary")


class SyncScreen(DiaryScreen):
    """Dismisses with True once a sync changed this diary, else None (Escape)."""

    FORM = True
    LEAVE_QUESTION = N_("Leave without syncing? Nothing has been synced yet.")
    BINDINGS = [Binding("escape", "leave", lazy("Back"), id="back"),
                Binding("ctrl+o", "preview", lazy("Preview"), id="sync-preview"),
                Binding("ctrl+s", "sync", lazy("Sync"), id="sync-now")]
    DEFAULT_CSS = """
    SyncScreen #sync { padding: 0 1; }
    SyncScreen .row { height: auto; }
    SyncScreen .row Label { width: 12; padding: 1 1 0 0; }
    SyncScreen .row Input { width: 1fr; }
    SyncScreen #buttons { height: auto; }
    SyncScreen #buttons Button { margin-right: 2; }
    SyncScreen #sync-preview-text { margin: 1 0; }
    SyncScreen #sync-error { color: $text-error; text-style: bold; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.title = str(TITLE)
        self.previewed: tuple[Path, str, bool] | None = None
        self.synced = False

    def compose(self) -> ComposeResult:
        yield StillHeader()
        with VerticalScroll(id="sync"):
            yield Static(_("Another copy of this diary — a diary, a backup or a JSON export, perhaps encrypted, "
                           "e.g. on a USB stick. The later edit of a record wins; the other is kept below."),
                         id="sync-intro")
            with Horizontal(classes="row"):
                yield Label(_("File"))
                yield Input(placeholder="/media/usb/mum.json", id="sync-file")
            with Horizontal(classes="row"):
                yield Label(_("Passphrase"))
                yield Input(placeholder=_("only for an encrypted file"), password=True, id="sync-passphrase")
            yield Checkbox(_("Both ways: also write this diary's changes into the file"), value=True, id="sync-both")
            with Horizontal(id="buttons"):
                yield Button(_("Show what it would change (Ctrl+O)"), id="sync-preview-button", variant="primary")
                yield Button(_("Sync (Ctrl+S)"), id="sync-button", disabled=True)
            yield Static("", id="sync-error")
            yield Static("", id="sync-preview-text")
            yield Static("", id="sync-conflicts")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#sync-file", Input).focus()
        self._read_conflicts()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.dirty = bool(self.query_one("#sync-file", Input).value.strip())
        self._forget_preview()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self._forget_preview()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "sync-preview-button":
            self.action_preview()
        elif event.button.id == "sync-button":
            self.action_sync()

    def _forget_preview(self) -> None:
        self.previewed = None
        self.query_one("#sync-button", Button).disabled = True

    def _request(self) -> tuple[Path, str, bool] | None:
        path = self.query_one("#sync-file", Input).value.strip()
        if not path:
            self._say(_("Give the path of the other copy."))
            return None
        return (Path(path).expanduser(), self.query_one("#sync-passphrase", Input).value,
                self.query_one("#sync-both", Checkbox).value)

    def _say(self, message: str) -> None:
        self.query_one("#sync-error", Static).update(message)

    def _passphrase(self, given: str):
        def ask() -> str:
            if not given:
                raise DiaryError("crypt.needs_passphrase_app", field="passphrase")
            return given

        return ask

    # -- preview, then sync ----------------------------------------------------

    def action_preview(self) -> None:
        request = self._request()
        if request is None:
            return
        self._say("")
        self.query_one("#sync-preview-text", Static).update("Reading the file …")
        path, given, both = request
        from osteotrack.store.sync_files import preview_file

        self.read_diary(lambda diary: preview_file(diary, path, both=both, passphrase=self._passphrase(given)),
                        lambda result: self._previewed(request, result), group="sync-read",
                        failed=self._failed)

    def _previewed(self, request, result) -> None:
        lines = [_("This diary: {changes}").format(changes=result.here.sentence())]
        if result.there is not None:
            lines.append(f"{request[0]}: {result.there.sentence()}")
        self.query_one("#sync-preview-text", Static).update("\n".join(lines))
        self.previewed = request
        self.query_one("#sync-button", Button).disabled = self.osteo.read_only

    def action_sync(self) -> None:
        previewed = self.previewed
        if previewed is None or previewed != self._request():
            self._say(_("Show what it would change first (Ctrl+O)."))
            return
        path, given, both = previewed
        self.in_worker(lambda: _sync(self.osteo.diary_path, path, both, self._passphrase(given)), self._synced,
                       group="write", exclusive=False, failed=self._failed)

    def _synced(self, result) -> None:
        lines = [_("Synced. This diary: {changes}").format(changes=result.here.sentence())]
        if result.there is not None:
            lines.append(f"{self.previewed[0] if self.previewed else _('The file')}: {result.there.sentence()}")
        if result.backup is not None:
            lines.append(_("(This diary was backed up first to {path}.)").format(path=result.backup))
        self.query_one("#sync-preview-text", Static).update("\n".join(lines))
        self.synced, self.dirty = True, False
        self._forget_preview()
        self._read_conflicts()

    def _failed(self, error: DiaryError) -> None:
        self.query_one("#sync-preview-text", Static).update("")
        self._say(str(error))

    def action_leave(self) -> None:
        if self.synced:
            self.dismiss(True)
            return
        super().action_leave()

    # -- kept conflicts ----------------------------------------------------------

    def _read_conflicts(self) -> None:
        self.read_diary(lambda diary: diary.sync_conflicts(), self._show_conflicts, group="sync-conflicts")

    def _show_conflicts(self, found) -> None:
        from osteotrack.domain.sync import record_word, side_by_side

        box = self.query_one("#sync-conflicts", Static)
        if not found:
            box.update(_("No kept conflicts."))
            return
        # TRANSLATORS: {command} is a command line, kept as it is typed.
        table = Table(title=_("Kept conflicts: open the entry or check-in to compare and dismiss it (or {command})")
                      .format(command="osteotrack sync --dismiss ID"), expand=True)
        for column in ("#", _("record"), _("field"), _("kept (won)"), _("lost")):
            table.add_column(column)
        for c in found:
            for n, (field, kept, lost) in enumerate(side_by_side(c.winner, c.loser)):
                table.add_row(str(c.id) if n == 0 else "", f"{record_word(c.kind)} {c.record_id[:8]}" if n == 0 else "",
                              field, kept, lost)
        box.update(table)


def _sync(diary_path: Path, path: Path, both: bool, passphrase):
    from osteotrack.store.diary import Diary
    from osteotrack.store.sync_files import sync_file

    with Diary.open(diary_path) as diary:
        return sync_file(diary, path, both=both, passphrase=passphrase, new_passphrase=passphrase)


def open_sync(app) -> None:
    """Open the sync screen; show the diary afresh when it changed something."""
    app.push_screen(SyncScreen(), lambda done: app.action_refresh() if done else None)

"""History: every pain entry by day, newest first, read from the diary a page at a time.

A ten-year diary holds about 11,000 entries. Filling one DataTable with all of
them takes most of a second, so the table holds a window of pages: it starts at
the newest entry (or at a day the user goes to), and the next or previous page
is read (in a worker) as the cursor nears either end.
"""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from osteotrack.domain.describe import entry_summary
from osteotrack.domain.errors import DiaryError
from osteotrack.domain.records import Entry
from osteotrack.domain.validate import Vocabulary
from osteotrack.domain.vocabulary import pain_band
from osteotrack.domain.when import parse_day
from osteotrack.i18n import lazy
from osteotrack.store import ProfileDiary
from osteotrack.tui.dialogs.ask_text import AskTextDialog
from osteotrack.tui.dialogs.confirm import ConfirmDialog
from osteotrack.tui.dialogs.conflict_versions import OtherVersionLine
from osteotrack.tui.screens.base import DiaryScreen
from osteotrack.tui.widgets.cells import clipped, remaining_width
from osteotrack.tui.widgets.keys_footer import KeysFooter

PAGE = 100
# Read the next page when the cursor comes this close to the last row held.
READ_AHEAD = 25
COLUMNS = ("Day", "Time", "Pain", "Where", "After", "Tried")
FIXED_WIDTHS = (15, 5, 10)
# How the rest of the width is shared by Where, After and Tried (the detail panel shows all of it).
SHARES = (0.4, 0.25, 0.35)


def column_widths(screen_width: int) -> list[int]:
    """Widths that fit the table in ``screen_width`` (cell padding and scrollbar included)."""
    rest = remaining_width(screen_width, list(FIXED_WIDTHS), shared_by=len(SHARES), minimum=30)
    return [*FIXED_WIDTHS, *(int(rest * share) for share in SHARES)]


def _short(name: str) -> str:
    """A term's name without its explanation: "Heat (hot pack, warm shower)" → "Heat"."""
    return name.split(" (")[0]


def entry_cells(entry: Entry, vocab: Vocabulary, show_day: bool) -> tuple[Text, ...]:
    """One table row for an entry; the day only on the first (newest) entry of each day."""
    from osteotrack.domain.numbers import percent

    where = ", ".join(
        f"{_short(vocab.name('location', s.location))}{' ' + s.level if s.level else ''} {s.intensity}"
        for s in entry.sites
    )
    after = ", ".join(vocab.name("trigger", t).lower() for t in entry.triggers)
    tried = ", ".join(
        (t.medication or _short(vocab.name("therapy", t.therapy)))
        + (f" {percent(t.relief)}" if t.relief is not None else "")
        for t in entry.therapies
    )
    day = f"{entry.at:%a %d %b %Y}" if show_day else ""
    cells = (day, f"{entry.at:%H:%M}", f"{entry.pain} {pain_band(entry.pain)}", where, after, tried)
    return tuple(clipped(cell) for cell in cells)


class HistoryScreen(DiaryScreen):
    """Browse, open, delete (and undo the last delete of) pain entries."""

    TITLE = "History"
    PROBLEM_LINE = "#status"
    EDITING_ACTIONS = frozenset({"delete_entry", "undo_delete"})

    DEFAULT_CSS = """
    HistoryScreen > #detail { height: 4; }
    """

    BINDINGS = [
        Binding("enter", "open_entry", "Open", id="history-open"),
        Binding("d,delete", "delete_entry", "Delete", id="history-delete"),
        Binding("u", "undo_delete", "Undo delete", id="history-undo"),
        Binding("g", "go_to_day", "Go to day", id="history-go-to-day"),
        Binding("v", "other_version", lazy("Other version"), id="history-other-version"),
        # Kept out of the crowded footer: the status line offers "n" when it applies, and the
        # app's own refresh key (Ctrl+R, F5) and the command palette reach both.
        Binding("n", "newest", "Newest", id="history-newest", show=False),
        Binding("r,f5", "refresh", "Refresh", id="history-refresh", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Entry] = []
        self.start = 0  # how many newer entries come before the first row held
        self.total = 0
        self.vocab: Vocabulary | None = None
        self._reading = False
        self._undo: dict | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Reading the diary…", id="status")
        table = DataTable(cursor_type="row", zebra_stripes=True, id="entries")
        for name, width in zip(COLUMNS, column_widths(self.app.size.width)):
            table.add_column(name, key=name.lower(), width=width)
        yield table
        yield Static("", id="detail")
        yield OtherVersionLine("v", id="other-version")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self._read(0, PAGE)

    @property
    def table(self) -> DataTable:
        return self.query_one("#entries", DataTable)

    # -- reading pages ---------------------------------------------------------

    def _read(self, offset: int, limit: int, reset: bool = False, select: str | None = None,
              day: date | None = None) -> None:
        """Read ``limit`` entries from ``offset`` (newest first), or from the newest entry of ``day``
        or before it; with ``reset`` they replace what is shown."""
        self._reading = True

        def page(person: ProfileDiary) -> tuple[Vocabulary, int, list[Entry], int]:
            start = offset if day is None else person.count_entries(since=day + timedelta(days=1))
            return person.vocabulary(), person.count_entries(), person.entries(limit=limit, offset=start), start

        def done(found: tuple[Vocabulary, int, list[Entry], int]) -> None:
            vocab, total, entries, start = found
            self._show(vocab, total, entries, start if reset else None, select)

        # A newer read replaces one still running: a page read ahead never lands after a refill.
        self.read(page, done, group="history-read", failed=self._failed)

    def _failed(self, error: DiaryError) -> None:
        self._reading = False
        self.refused(error)

    def _show(self, vocab: Vocabulary, total: int, page: list[Entry], start: int | None, select: str | None) -> None:
        """Add ``page`` below the rows held, or (given the ``start`` offset) show it instead of them."""
        table = self.table
        self.vocab, self.total = vocab, total
        if start is not None:
            self.start = start
            self.entries = []
            table.clear()
        previous_day = self.entries[-1].at.date() if self.entries else None
        rows = []
        for entry in page:
            day = entry.at.date()
            rows.append((entry_cells(entry, vocab, day != previous_day), entry.id))
            previous_day = day
        for cells, key in rows:
            table.add_row(*cells, key=key)
        self.entries.extend(page)
        self._reading = False
        if select is not None and select in {e.id for e in self.entries}:
            table.move_cursor(row=table.get_row_index(select))
        self._update_status()
        self._update_detail()

    def _update_status(self) -> None:
        if not self.total:
            text = "No entries yet." + ("" if self.read_only else " Log one from the Today screen.")
        elif self.start == 0 or not self.entries:
            text = f"{self.total:,} entries, newest first · showing the newest {len(self.entries):,}"
        else:
            text = (f"{self.total:,} entries · showing {len(self.entries):,} from "
                    f"{self.entries[0].at:%a %d %b %Y} back · n: the newest")
        if self.total and self.read_only:
                text += " · read-only"
        self.query_one("#status", Static).update(text)

    def _update_detail(self) -> None:
        entry = self.current_entry
        self.query_one(OtherVersionLine).show_for("entry", entry.id if entry else None)
        detail = self.query_one("#detail", Static)
        if entry is None or self.vocab is None:
            detail.update("")
            return
        text = entry_summary(entry, self.vocab)
        detail.update(text + (f"\nNote: {entry.note}" if entry.note else ""))

    @property
    def current_entry(self) -> Entry | None:
        row = self.table.cursor_row
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if not self.still_shown:
            # Left already (h then Esc at once): the table this message is about has gone with the screen.
            return
        self._update_detail()
        if self._reading:
            return
        # The cursor as it is now: a refill may have moved it since this message was sent.
        row = self.table.cursor_row
        if row >= len(self.entries) - READ_AHEAD and self.start + len(self.entries) < self.total:
            self._reading = True
            self._read(self.start + len(self.entries), PAGE)
        elif row < READ_AHEAD and self.start > 0:
            # A DataTable cannot insert above its first row: read the page before and the rows held again.
            earlier = max(0, self.start - PAGE)
            entry = self.current_entry
            self._reading = True
            self._read(earlier, self.start - earlier + len(self.entries), reset=True,
                       select=entry.id if entry else None)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_entry()

    def _reload(self, select: str | None = None) -> None:
        """Read again as many entries as are shown (at least a page), keeping the cursor on ``select``."""
        self._reading = True
        self._read(self.start, max(PAGE, len(self.entries)), reset=True, select=select)

    def action_refresh(self) -> None:
        entry = self.current_entry
        self._reload(entry.id if entry else None)

    def action_newest(self) -> None:
        self._reading = True
        self._read(0, PAGE, reset=True)

    def action_go_to_day(self) -> None:
        """Ask for a day and show the entries from that day back (or from the nearest earlier day)."""
        today = self.osteo.now().date()

        def chosen(text: str | None) -> None:
            if text is not None:
                self._reading = True
                self._read(0, PAGE, reset=True, day=parse_day(text, today=today))

        self.app.push_screen(AskTextDialog("Go to which day?", placeholder="2024-03-01, yesterday, monday, 30d ago",
                                           ok="Go", check=lambda text: parse_day(text, today=today)), chosen)

    # -- open, delete, undo ------------------------------------------------------

    def action_open_entry(self) -> None:
        entry = self.current_entry
        if entry is None:
            return
        from osteotrack.tui.screens.entry import EntryScreen

        self.app.push_screen(EntryScreen(entry_id=entry.id), lambda _: self._reload(entry.id))

    def action_delete_entry(self) -> None:
        entry = self.current_entry
        if entry is None or self.vocab is None:
            return
        question = f"Delete this entry?\n\n{entry_summary(entry, self.vocab)}\n\nYou can undo with u."
        index = self.table.cursor_row

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(lambda person: person.delete_entry(entry.id), lambda saved: self._deleted(saved, index))

        self.app.push_screen(ConfirmDialog(question, yes="Delete", no="Keep"), answered)

    def _deleted(self, saved: dict, index: int) -> None:
        self._undo = saved
        self.refresh_bindings()
        self.notify("Entry deleted. Press u to undo.", title="Deleted")
        following = self.entries[index + 1] if index + 1 < len(self.entries) else None
        previous = self.entries[index - 1] if index > 0 else None
        near = following or previous
        self._reload(near.id if near else None)

    def action_undo_delete(self) -> None:
        if self._undo is None:
            self.notify("There is no deleted entry to bring back.")
            return
        saved, self._undo = self._undo, None
        self.refresh_bindings()
        self.write(lambda person: person.restore_entry(saved), self._restored)

    def _restored(self, entry: Entry) -> None:
        self.notify("The deleted entry is back.", title="Restored")
        self._reload(entry.id)

    def action_other_version(self) -> None:
        self.query_one(OtherVersionLine).open()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "other_version":
            lines = self.query(OtherVersionLine)
            return bool(lines) and lines.first().has_other  # only when another version is kept
        allowed = super().check_action(action, parameters)
        if allowed and action == "undo_delete" and self._undo is None:
            return None  # shown greyed out: nothing to undo yet
        return allowed

"""History: every pain entry by day, newest first, read from the diary a page at a time.

A ten-year diary holds about 11,000 entries, a sixty-year one 66,000. The table holds a
window of at most ``WINDOW`` entries: it starts at the newest entry (or at a day the user
goes to); as the cursor nears either end the next page beyond it is read (in a worker) by
key — older or newer than the entry at that end — and the page farthest from the cursor
is let go. So every page costs the same however far back it is, and memory stays flat.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import overload

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from osteotrack.domain import dates, numbers
from osteotrack.domain.describe import entry_summary, in_a_list, pain_band_text
from osteotrack.domain.errors import DiaryError
from osteotrack.domain.records import Entry
from osteotrack.domain.validate import Vocabulary
from osteotrack.domain.when import parse_day
from osteotrack.i18n import N_, _, lazy, pgettext
from osteotrack.store import ProfileDiary
from osteotrack.tui.dialogs.ask_text import AskTextDialog
from osteotrack.tui.dialogs.confirm import ConfirmDialog
from osteotrack.tui.dialogs.conflict_versions import OtherVersionKeys, OtherVersionLine
from osteotrack.tui.screens.base import DiaryScreen
from osteotrack.tui.widgets.cells import clipped, remaining_width
from osteotrack.tui.widgets.keys_footer import KeysFooter
from osteotrack.tui.widgets.row_list import RowList
from osteotrack.tui.widgets.still_header import StillHeader

PAGE = 100
# At most this many entries are held; a page read beyond it lets the farthest page go.
WINDOW = 3 * PAGE
# Read the next page when the cursor comes this close to either end of the rows held.
READ_AHEAD = 25
# TRANSLATORS: the History table's column headings; keep them short (the columns are narrow at 80 columns).
COLUMNS = (N_("Day"), N_("Time"), N_("Pain"), N_("Where"), N_("After"), N_("Tried"))
FIXED_WIDTHS = (5, 10)  # Time and Pain; Day is as wide as the longest day the language writes
DAY_WIDTH_MOST = 20
# How the rest of the width is shared by Where, After and Tried (the detail panel shows all of it).
SHARES = (0.4, 0.25, 0.35)


def column_widths(screen_width: int) -> list[int]:
    """Widths that fit the table in ``screen_width`` (cell padding and scrollbar included).

    Time and Pain are as wide as their heading in the language in force; a day never takes more
    than ``DAY_WIDTH_MOST`` columns (a longer one ends in "…", the detail pane shows it whole).
    """
    headings = [len(_(name)) for name in COLUMNS[1:3]]
    day = min(dates.widest(dates.weekday_day_year), DAY_WIDTH_MOST)  # "Tue 23 Nov 2026" 15, "Fr., 20. Nov. 2026" 18
    fixed = [day, *(max(w, h) for w, h in zip(FIXED_WIDTHS, headings))]
    rest = remaining_width(screen_width, fixed, shared_by=len(SHARES), minimum=30)
    return [*fixed, *(int(rest * share) for share in SHARES)]


def _short(name: str) -> str:
    """A term's name without its explanation: "Heat (hot pack, warm shower)" → "Heat" (what follows it stays)."""
    start = name.find(" (")
    end = name.find(")", start)
    return name if start < 0 or end < 0 else name[:start] + name[end + 1:]


class Rows(Sequence[tuple[Text, ...]]):
    """The rows of the entries held (newest first), each made when it is first drawn or asked for: a page read
    makes only the rows that come into sight, not a hundred at once. A day is named on its newest entry's row
    and on the first row."""

    def __init__(self, entries: list[Entry], vocab: Vocabulary, made: list[tuple[Text, ...] | None] | None = None):
        self.entries, self.vocab = entries, vocab
        self._made: list[tuple[Text, ...] | None] = made if made is not None else [None] * len(entries)

    def __len__(self) -> int:
        return len(self.entries)

    @overload
    def __getitem__(self, row: int) -> tuple[Text, ...]: ...

    @overload
    def __getitem__(self, row: slice) -> list[tuple[Text, ...]]: ...

    def __getitem__(self, row: int | slice) -> tuple[Text, ...] | list[tuple[Text, ...]]:
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(len(self)))]
        row = range(len(self))[row]  # an index from the end counts back; one beyond the rows is an IndexError
        cells = self._made[row]
        if cells is None:
            entry = self.entries[row]
            named = row == 0 or entry.at.date() != self.entries[row - 1].at.date()
            cells = self._made[row] = entry_cells(entry, self.vocab, named)
        return cells

    def then(self, gone: int, page: list[Entry]) -> Rows:
        """These rows without the first ``gone`` and with ``page`` (older entries) below them; the rows kept stay
        made, and the first row is made again when it changes (it names its day)."""
        made = self._made[gone:]
        made += [None] * len(page)
        if gone and made:
            made[0] = None
        return Rows(self.entries[gone:] + page, self.vocab, made)


def entry_cells(entry: Entry, vocab: Vocabulary, show_day: bool) -> tuple[Text, ...]:
    """One table row for an entry; the day only on the first (newest) entry of each day."""
    where = ", ".join(
        f"{_short(vocab.display('location', s.location))}{' ' + s.level if s.level else ''} "
        f"{numbers.pain(s.intensity, 0)}" for s in entry.sites
    )
    after = ", ".join(in_a_list(vocab.display("trigger", t), "trigger") for t in entry.triggers)
    tried = ", ".join(
        (t.medication or _short(vocab.display("therapy", t.therapy)))
        + (f" {numbers.percent(t.relief)}" if t.relief is not None else "")
        for t in entry.therapies
    )
    day = dates.weekday_day_year(entry.at.date()) if show_day else ""
    pain = f"{numbers.pain(entry.pain, 0)} {pain_band_text(entry.pain)}"
    cells = (day, dates.clock(entry.at), pain, where, after, tried)
    return tuple(clipped(cell) for cell in cells)


class HistoryScreen(OtherVersionKeys, DiaryScreen):
    """Browse, open, delete (and undo the last delete of) pain entries."""

    TITLE = lazy("History")
    PROBLEM_LINE = "#status"
    EDITING_ACTIONS = frozenset({"delete_entry", "undo_delete"})

    DEFAULT_CSS = """
    HistoryScreen > RowList { height: 1fr; }
    HistoryScreen > #detail { height: auto; max-height: 8; }
    """

    BINDINGS = [
        Binding("enter", "open_entry", lazy("Open"), id="history-open"),
        Binding("d,delete", "delete_entry", lazy("Delete"), id="history-delete"),
        Binding("u", "undo_delete", lazy("Undo delete"), id="history-undo"),
        Binding("g", "go_to_day", lazy("Go to day"), id="history-go-to-day"),
        Binding("v", "other_version", lazy("Other version"), id="history-other-version"),
        # Kept out of the crowded footer: the status line offers "n" when it applies, and the
        # app's own refresh key (Ctrl+R, F5) and the command palette reach both.
        Binding("n", "newest", lazy("Newest"), id="history-newest", show=False),
        Binding("r,f5", "refresh", lazy("Refresh"), id="history-refresh", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Entry] = []  # the window held, newest first
        self._rows: Rows | None = None  # their rows, as shown
        self.total: int | None = None  # the profile's entries, once counted
        self.at_newest = True  # the window starts at the diary's newest entry
        self.at_oldest = True  # the window ends at the diary's oldest entry
        self.vocab: Vocabulary | None = None
        self._reading = False
        self._undo: dict | None = None

    def compose(self) -> ComposeResult:
        yield StillHeader()
        yield Static(_("Reading the diary…"), id="status")
        yield RowList([clipped(_(name)) for name in COLUMNS], column_widths(self.app.size.width), id="entries")
        yield Static("", id="detail")
        yield OtherVersionLine("v", id="other-version")
        yield KeysFooter()

    def on_mount(self) -> None:
        # The title with the app's marks (DEMO, read-only) from the first frame on, not laid out again just after;
        # the hosts that stand in for the app in tests and the bench have no marks.
        mark = getattr(self.app, "mark_screen", None)
        if mark is not None:
            mark(self)
        self.table.focus()
        # The newest page is read here, before the screen is first drawn (a page, whatever the diary's size): the
        # screen is drawn once, with its rows, not empty and then again. Counting the entries grows with the
        # diary, so that is done in a worker, and the status line says the count when it comes.
        try:
            vocab, found = self.read_now(lambda person: (person.vocabulary(), person.entries_before(None, PAGE)))
        except DiaryError:
            self._read_window()  # in a worker, as every later read: it says what is wrong on the status line
            return
        self.vocab, self.at_newest, self.at_oldest = vocab, True, len(found) < PAGE
        if self.at_oldest:
            self.total = len(found)  # all of them
        every = self.at_oldest

        def rest(person: ProfileDiary) -> tuple[int | None, list]:
            return None if every else person.count_entries(), person.diary.sync_conflicts()

        line = self.query_one(OtherVersionLine)
        line.expect()  # its kept versions come with the count: one connection, not two at once
        self.read(rest, self._rest, group="history-count", failed=self._rest_failed)
        self._show(found, None, keep_view=False)

    def _rest_failed(self, error: DiaryError) -> None:
        self.query_one(OtherVersionLine).take(None)
        self.refused(error)

    def _rest(self, read: tuple[int | None, list]) -> None:
        total, conflicts = read
        if total is not None:
            self.total = total
            self._update_status()
        self.query_one(OtherVersionLine).take(conflicts)

    @property
    def table(self) -> RowList:
        return self.query_one("#entries", RowList)

    # -- reading pages ---------------------------------------------------------

    def _read_window(self, day: date | None = None, keep: bool = False, select: str | None = None,
                     row: int = 0) -> None:
        """Read a new window: from the newest entry; from the newest entry of ``day`` or before it (with the
        page newer than it above); or, with ``keep``, the window held read again from its first entry (after
        a change), as long as it was. The cursor goes to ``select`` (else to the day's entry, else to ``row``)."""
        first = self.entries[0] if keep and self.entries and not self.at_newest else None
        size = min(WINDOW, max(PAGE, len(self.entries))) if keep else PAGE

        def window(person: ProfileDiary) -> tuple:
            target = None
            if day is None:
                found = person.entries_before(first, size, including=True)
                # Anything above the first entry read (an entry logged elsewhere meanwhile, say)?
                at_newest = first is None or not person.entries_after(found[0] if found else first, 1)
                at_oldest = len(found) < size
            elif older := person.entries_from_day(day, PAGE):
                newer = person.entries_after(older[0], PAGE)
                found, target = newer + older, older[0].id
                at_newest, at_oldest = len(newer) < PAGE, len(older) < PAGE
            else:  # a day before the first entry: the oldest page, the cursor on the oldest entry
                found = person.entries_after(None, PAGE)
                at_newest = not found or not person.entries_after(found[0], 1)
                at_oldest, target = True, found[-1].id if found else None
            return person.vocabulary(), person.count_entries(), found, at_newest, at_oldest, target

        def done(read: tuple) -> None:
            vocab, total, found, at_newest, at_oldest, target = read
            self.vocab, self.total = vocab, total
            self.at_newest, self.at_oldest = at_newest, at_oldest
            self._show(found, select or target, keep_view=False, row=row)

        self._start_reading(window, done)

    def _read_beyond(self, older: bool) -> None:
        """Read the page past the oldest (or newest) entry held; the page at the other end goes."""
        edge = self.entries[-1] if older else self.entries[0]
        entry = self.current_entry

        def page(person: ProfileDiary) -> list[Entry]:
            return person.entries_before(edge, PAGE) if older else person.entries_after(edge, PAGE)

        def done(found: list[Entry]) -> None:
            if older:
                self.at_oldest = len(found) < PAGE
                self._append(found)
            else:
                self.at_newest = len(found) < PAGE
                held = found + self.entries
                if len(held) > WINDOW:
                    held, self.at_oldest = held[:WINDOW], False
                self._show(held, entry.id if entry else None, keep_view=True)

        self._start_reading(page, done)

    def _append(self, page: list[Entry]) -> None:
        """Add ``page`` (older entries) below the rows held and let the rows above the window go, the rows
        on screen staying where they are: only the new rows are made, and nothing in sight is drawn again."""
        table, rows = self.table, self._rows
        assert rows is not None
        gone = max(0, len(self.entries) + len(page) - WINDOW)
        self._rows = rows = rows.then(gone, page)
        self.entries = rows.entries
        if gone:
            self.at_newest = False
        table.set_rows(rows, cursor=table.cursor_row - gone, top=round(table.scroll_y) - gone)
        self._reading = False
        self._update_status()

    def _start_reading(self, fn, done) -> None:
        self._reading = True
        # A newer read replaces one still running: a page read ahead never lands after a refill.
        self.read(fn, done, group="history-read", failed=self._failed)

    def _failed(self, error: DiaryError) -> None:
        self._reading = False
        self.refused(error)

    def _show(self, held: list[Entry], select: str | None, keep_view: bool, row: int = 0) -> None:
        """Show ``held`` instead of the rows shown, the cursor on ``select`` (else on ``row``); with
        ``keep_view`` the cursor's row stays where it was on the screen."""
        table = self.table
        vocab = self.vocab
        assert vocab is not None
        on_screen = table.cursor_row - round(table.scroll_y)
        self.entries = held
        self._rows = Rows(held, vocab)
        if select is not None:
            row = next((i for i, e in enumerate(held) if e.id == select), row)
        row = max(0, min(row, len(held) - 1))
        table.set_rows(self._rows, cursor=row, top=row - on_screen if keep_view else 0)
        self._reading = False
        self._update_status()
        self._update_detail()
        self._read_ahead()  # the cursor may have landed near an end of the rows held

    def _update_status(self) -> None:
        if self.total is None:
            return  # still counted: the status line says it is reading the diary
        if not self.total:
            text = _("No entries yet.") if self.read_only else _("No entries yet. Log one from the Today screen.")
        elif self.at_newest or not self.entries:
            text = _("{entries}, newest first").format(entries=numbers.count(self.total, "entry"))
        else:
            # TRANSLATORS: History's status line when it does not start at the newest entry;
            # {first} is the day of the first row shown ("Tue 1 Dec 2026"); n is the key that goes back to the top.
            text = _("{entries} · from {first} back · n: the newest").format(
                entries=numbers.count(self.total, "entry"), first=dates.weekday_day_year(self.entries[0].at.date()))
        if self.total and self.read_only:
            text += " · " + _("read-only")
        # One line high whatever it says (DiaryScreen's CSS): no new layout of the screen for each page.
        self.query_one("#status", Static).update(text, layout=False)

    def _update_detail(self) -> None:
        entry = self.current_entry
        self.query_one(OtherVersionLine).show_for("entry", entry.id if entry else None)
        detail = self.query_one("#detail", Static)
        if entry is None or self.vocab is None:
            detail.update("")
            return
        text = entry_summary(entry, self.vocab)
        detail.update(text + ("\n" + _("Note: {note}").format(note=entry.note) if entry.note else ""))

    @property
    def current_entry(self) -> Entry | None:
        row = self.table.cursor_row
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def on_row_list_row_highlighted(self, event: RowList.RowHighlighted) -> None:
        if not self.still_shown:
            # Left already (h then Esc at once): the list this message is about has gone with the screen.
            return
        self._update_detail()
        self._read_ahead()

    def _read_ahead(self) -> None:
        """Read the page beyond the rows held when the cursor (as it is now) comes near either end of them."""
        if self._reading or not self.entries:
            return
        row = self.table.cursor_row
        if row >= len(self.entries) - READ_AHEAD and not self.at_oldest:
            self._read_beyond(older=True)
        elif row < READ_AHEAD and not self.at_newest:
            self._read_beyond(older=False)

    def on_row_list_row_selected(self, event: RowList.RowSelected) -> None:
        event.stop()
        self.action_open_entry()

    def _reload(self, select: str | None = None, row: int = 0) -> None:
        """Read the window again from its first entry (after a change), keeping the cursor on ``select``
        (else on ``row``)."""
        self._read_window(keep=True, select=select, row=row)

    def action_refresh(self) -> None:
        entry = self.current_entry
        self._reload(entry.id if entry else None)

    def action_newest(self) -> None:
        self.entries = []
        self._read_window()

    def action_go_to_day(self) -> None:
        """Ask for a day and show the entries from that day back (or from the nearest earlier day)."""
        today = self.osteo.now().date()

        def chosen(text: str | None) -> None:
            if text is not None:
                self._read_window(day=parse_day(text, today=today))

        self.app.push_screen(AskTextDialog(_("Go to which day?"),
                                           # TRANSLATORS: examples of what can be typed. Keep them as they are:
                                           # days are read as an ISO date or these English words only.
                                           placeholder=_("2024-03-01, yesterday, monday, 30d ago"),
                                           ok=_("Go"), check=lambda text: parse_day(text, today=today)), chosen)

    # -- open, delete, undo ------------------------------------------------------

    def action_open_entry(self) -> None:
        entry = self.current_entry
        if entry is None:
            return
        from osteotrack.tui.screens.entry import EntryScreen

        self.app.push_screen(EntryScreen(entry_id=entry.id), lambda _result: self._reload(entry.id))

    def action_delete_entry(self) -> None:
        entry = self.current_entry
        if entry is None or self.vocab is None:
            return
        question = _("Delete this entry?\n\n{entry}\n\nYou can undo with u.").format(
            entry=entry_summary(entry, self.vocab))
        index, entry_id = self.table.cursor_row, entry.id or ""

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(lambda person: person.delete_entry(entry_id), lambda saved: self._deleted(saved, index))

        self.app.push_screen(ConfirmDialog(question, yes=_("Delete"), no=_("Keep")), answered)

    def _deleted(self, saved: dict, index: int) -> None:
        self._undo = saved
        self.refresh_bindings()
        self.notify(_("Entry deleted. Press u to undo."), title=pgettext("entry", "Deleted"))
        # The cursor stays on the deleted entry's row: the one after it moves up into it, read from beyond
        # the window when the deleted entry was the last held.
        self._reload(row=index)

    def action_undo_delete(self) -> None:
        if self._undo is None:
            self.notify(_("There is no deleted entry to bring back."))
            return
        saved, self._undo = self._undo, None
        self.refresh_bindings()
        self.write(lambda person: person.restore_entry(saved), self._restored)

    def _restored(self, entry: Entry) -> None:
        self.notify(_("The deleted entry is back."), title=_("Restored"))
        self._reload(entry.id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allowed = super().check_action(action, parameters)
        if allowed and action == "undo_delete" and self._undo is None:
            return None  # shown greyed out: nothing to undo yet
        return allowed

"""Another version of an entry or check-in, kept from a sync (issue 18), shown where the record is looked at.

When two copies of the diary both changed a record, the sync keeps the later edit and keeps the
other one until the user dismisses it. ``OtherVersionLine`` says so on the entry form, the
check-in and in History ("Another version of this entry was kept from the sync of 28 Nov 2026 —
v: see both."); ``OtherVersionsDialog`` shows the version in the diary and the other one side
by side, the parts that differ marked, and dismisses the other one. These are the kept conflicts
of ``osteotrack sync --conflicts``, read and dismissed with the same store functions
(``Diary.sync_conflicts``, ``Diary.dismiss_conflict``); the app offers what the command line does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone, tzinfo
from typing import TYPE_CHECKING, Any

from rich import box
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from osteotrack.domain import dates
from osteotrack.domain.describe import entry_lines
from osteotrack.domain.errors import DiaryError
from osteotrack.domain.records import CheckIn, Entry
from osteotrack.domain.sync import side_by_side
from osteotrack.domain.validate import Vocabulary
from osteotrack.i18n import _, lazy, ngettext
from osteotrack.store import ProfileDiary
from osteotrack.store.sync import Conflict, lost_record
from osteotrack.tui.work import DiaryWork

# How many kept versions the app has dismissed: a line that read them before reads them again
# (History, after its entry's other version was dismissed from the entry form).
_dismissals = [0]


@dataclass
class Versions:
    """A record as it stands in the diary and the other versions of it kept from syncs (oldest first)."""

    kind: str  # "entry" or "checkin"
    current: Entry | CheckIn | None
    others: list[tuple[Conflict, Entry | CheckIn | None]]
    vocab: Vocabulary


def read_versions(person: ProfileDiary, kind: str, record_id: str) -> Versions:
    """The kept versions of one entry or check-in of this person (runs in a worker thread)."""
    found = person.diary.sync_conflicts(record_id)
    current: Entry | CheckIn | None = None
    if found and kind == "entry":
        current = person.get_entry(record_id)
    elif found and found[0].winner is not None:
        current = person.checkin(date.fromisoformat(found[0].winner["day"]))
    if current is None or current.id != record_id:
        return Versions(kind, None, [], person.vocabulary())  # not this person's record, or gone since
    return Versions(kind, current, [(c, lost_record(c)) for c in found], person.vocabulary())


def sync_day(conflict: Conflict, zone: tzinfo | None) -> str:
    """The local day of the sync that kept ``conflict``, as people read it."""
    kept = datetime.strptime(conflict.kept_at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    return dates.day(kept.astimezone(zone).date())


def line_text(others: list[Conflict], key: str, zone: tzinfo | None) -> str:
    """The line shown under the record; empty when no other version of it is kept."""
    if not others:
        return ""
    day = sync_day(others[0], zone)
    if len(others) == 1:
        # TRANSLATORS: under an entry or check-in. {day} is a date ("28 Nov 2026"); {key} the key that shows
        # both versions ("v", "ctrl+o").
        return _("Another version was kept from the sync of {day} — {key}: see both.").format(day=day, key=key)
    return ngettext("{n} other version was kept from syncs since {day} — {key}: see them.",
                    "{n} other versions were kept from syncs since {day} — {key}: see them.",
                    len(others)).format(n=len(others), day=day, key=key)


def _checkin_lines(c: CheckIn) -> list[tuple[str, str]]:
    def value(n: int | None) -> str:
        return _("not given") if n is None else str(n)

    return [
        (_("Day"), dates.weekday_day_year(c.day)),
        (_("Pain on average"), value(c.peg_pain)),
        (_("Pain in the way of enjoying life"), value(c.peg_enjoyment)),
        (_("Pain in the way of daily activity"), value(c.peg_activity)),
        (_("Sleep"), value(c.sleep)),
        (_("Mood"), value(c.mood)),
        (_("Note"), c.note or _("no note")),
    ]


def _lines(record: Entry | CheckIn, vocab: Vocabulary) -> list[tuple[str, str]]:
    if isinstance(record, Entry):
        return [(label, text) for label, text in entry_lines(record, vocab) if label != "ID"]
    return _checkin_lines(record)


def comparison(current: Entry | CheckIn | None, conflict: Conflict, other: Entry | CheckIn | None,
               vocab: Vocabulary, zone: tzinfo | None) -> Table:
    """Both versions side by side, one row per part, the parts that differ marked with ≠ and in bold."""
    table = Table(expand=True, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("", no_wrap=True)
    table.add_column("", width=1)
    table.add_column(_("In the diary"), ratio=1)
    # TRANSLATORS: the heading over the version kept aside by a sync; {day} is a date ("28 Nov 2026").
    table.add_column(_("Other version (sync of {day})").format(day=sync_day(conflict, zone)), ratio=1)
    if current is not None and other is not None and type(current) is type(other):
        rows = [(label, mine, theirs) for (label, mine), (_label, theirs)
                in zip(_lines(current, vocab), _lines(other, vocab))]
    else:  # a kind shown field by field, as the command line does
        rows = side_by_side(conflict.winner, conflict.loser)
    for label, mine, theirs in rows:
        differs = mine != theirs
        style = "bold" if differs else ""
        table.add_row(label, "≠" if differs else "", Text(mine, style=style), Text(theirs, style=style))
    return table


class OtherVersionLine(DiaryWork, Static):
    """One line under a record, shown when another version of it is kept from a sync; hidden otherwise.

    ``show_for(kind, record_id)`` shows the line for that record (None: none); the kept conflicts
    are read once (there are few) and looked up as the user moves from record to record, so a
    cursor held down in History reads nothing more. ``open()`` shows both versions.
    """

    DEFAULT_CSS = """
    OtherVersionLine { display: none; height: auto; color: $text-warning; text-style: bold; }
    """

    def __init__(self, key: str, **kwargs: Any) -> None:
        super().__init__("", **kwargs)
        self.key = key
        self.kind = "entry"
        self.record_id: str | None = None
        self.others: list[Conflict] = []
        self._kept: dict[tuple[str, str], list[Conflict]] | None = None  # (kind, record id) -> its kept versions
        self._reading = False
        self._seen = _dismissals[0]

    @property
    def has_other(self) -> bool:
        return bool(self.others)

    def show_for(self, kind: str, record_id: str | None) -> None:
        """Show the line for this record when another version of it is kept (None: hide it)."""
        self.kind, self.record_id = kind, record_id
        if self._seen != _dismissals[0]:
            self._kept, self._seen = None, _dismissals[0]
        if self._kept is None:
            if self._reading:
                return  # the read under way shows the line for the record then current
            self._reading = True
            self.read_diary(lambda diary: diary.sync_conflicts(), self._read, group="other-versions",
                            failed=self._not_read)
            return
        others = self._kept.get((kind, record_id), []) if record_id is not None else []
        text = line_text(others, self.key, self.osteo.now().tzinfo)
        if others == self.others and text == self.content and self.display == bool(others):
            return  # nothing to change (most records have no other version): no new layout, no new keys
        self.others = others
        self.update(text)
        self.display = bool(others)
        self.screen.refresh_bindings()

    def expect(self) -> None:
        """The kept versions come with the screen's own first read (``take``): no read of the line's own meanwhile
        (two connections opened at once on a diary no one else has open may wait on each other)."""
        self._reading = True

    def take(self, found: list[Conflict] | None) -> None:
        """The kept versions the screen read for this line (None: they could not be read; the screen says why)."""
        if found is None:
            self._reading = False
        else:
            self._read(found)

    def _read(self, found: list[Conflict]) -> None:
        self._reading = False
        self._kept = {}
        for c in found:
            if c.current_id is not None:
                self._kept.setdefault((c.kind, c.current_id), []).append(c)
        self.show_for(self.kind, self.record_id)

    def _not_read(self, _error: DiaryError) -> None:
        self._reading = False  # the screen says what is wrong with the diary; this line stays hidden

    def open(self) -> None:
        """Show both versions; afterwards show the line afresh (the other version may have been dismissed)."""
        if not self.others or self.record_id is None:
            return

        def after(_dismissed: bool | None) -> None:
            if self.is_attached:
                self.show_for(self.kind, self.record_id)  # read again when one was dismissed

        self.app.push_screen(OtherVersionsDialog(self.kind, self.record_id), after)


class OtherVersionsDialog(DiaryWork, ModalScreen[bool]):
    """The record in the diary beside another version kept from a sync, one kept version at a time.

    d dismisses the other version shown (this one stays, as ``osteotrack sync --dismiss ID``);
    Escape closes. Dismisses with True when something was dismissed.
    """

    DEFAULT_CSS = """
    OtherVersionsDialog { align: center middle; }
    OtherVersionsDialog > Vertical {
        width: 100; max-width: 100%; height: auto; max-height: 100%; padding: 0 1;
        border: thick $primary; background: $surface;
    }
    OtherVersionsDialog #versions-table { height: auto; max-height: 16; }
    OtherVersionsDialog #versions-about { margin-bottom: 1; }
    OtherVersionsDialog Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    OtherVersionsDialog Button { margin-left: 2; }
    """

    BINDINGS = [
        Binding("d", "dismiss_other", lazy("Dismiss the other version"), id="versions-dismiss"),
        Binding("escape", "close", lazy("Close"), id="versions-close"),
    ]

    def __init__(self, kind: str, record_id: str) -> None:
        super().__init__()
        self.kind, self.record_id = kind, record_id
        self.versions: Versions | None = None
        self.dismissed_any = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_("Reading the diary…"), id="versions-about")
            with VerticalScroll(id="versions-table"):
                yield Static("", id="versions-both")
            with Horizontal():
                yield Button(_("Dismiss the other version (d)"), id="versions-dismiss-button", variant="warning")
                yield Button(_("Close (Esc)"), id="versions-close-button")

    def on_mount(self) -> None:
        self._read()

    def _read(self) -> None:
        kind, record_id = self.kind, self.record_id
        self.read(lambda person: read_versions(person, kind, record_id), self._show, group="versions-read")

    def _show(self, versions: Versions) -> None:
        self.versions = versions
        if not versions.others:
            self.dismiss(self.dismissed_any)
            return
        zone = self.osteo.now().tzinfo
        conflict, other = versions.others[0]
        about = (_("Both copies of the diary changed this entry. The sync kept the later change; "
                   "the other version stays here until you dismiss it.") if self.kind == "entry" else
                 _("Both copies of the diary changed this check-in. The sync kept the later change; "
                   "the other version stays here until you dismiss it."))
        if len(versions.others) > 1:
            about += " " + _("Other version {i} of {n}.").format(i=1, n=len(versions.others))
        self.query_one("#versions-about", Static).update(about)
        self.query_one("#versions-both", Static).update(
            comparison(versions.current, conflict, other, versions.vocab, zone))
        self.query_one("#versions-dismiss-button", Button).disabled = self.osteo.read_only

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "versions-dismiss-button":
            self.action_dismiss_other()
        else:
            self.action_close()

    def action_dismiss_other(self) -> None:
        if self.versions is None or not self.versions.others:
            return
        if self.osteo.read_only:
            self.notify(_("This diary is open read-only; nothing can be changed."), severity="warning")
            return
        conflict_id = self.versions.others[0][0].id
        self.write(lambda person: person.diary.dismiss_conflict(conflict_id), lambda _none: self._dismissed())

    def _dismissed(self) -> None:
        self.dismissed_any = True
        _dismissals[0] += 1
        self.notify(_("The other version is dismissed; the one in the diary stays."))
        self._read()

    def action_close(self) -> None:
        self.dismiss(self.dismissed_any)



if TYPE_CHECKING:
    from textual.screen import Screen as _Mixed
else:
    _Mixed = object  # a plain mix-in: as a Screen subclass it would bring Screen's own CSS in again, after the screen's


class OtherVersionKeys(_Mixed):
    """Mixed in before a screen that shows an ``OtherVersionLine``: its key opens both versions, and is
    offered only while another version of the record shown is kept."""

    def action_other_version(self) -> None:
        self.query_one(OtherVersionLine).open()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "other_version":
            lines = self.query(OtherVersionLine)
            return bool(lines) and lines.first().has_other
        return super().check_action(action, parameters)

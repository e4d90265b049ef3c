"""Whole-diary output reads the diary a page at a time (issue 15): `list` and `export` must not hold
every record of a long diary. Checked through the store's contract (how many rows it has fetched when
the first record comes out), not through timing or memory, which a test cannot read reliably."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta, timezone

import pytest

from osteotrack.domain.records import CheckIn, Entry, Event
from osteotrack.store import entries, part, sync
from osteotrack.store.transfer import export_stream

RECORDS = 7  # more than a page of PAGE rows, so that reading everything takes several pages
PAGE = 2


class CountingConnection:
    """The diary's connection, counting the rows its cursors hand out."""

    def __init__(self, conn):
        self._real = conn
        self.rows = 0

    def cursor(self):
        return CountingCursor(self._real.cursor(), self)

    def execute(self, sql, params=()):
        return CountingCursor(self._real.cursor(), self).execute(sql, params)

    def __getattr__(self, name):
        return getattr(self._real, name)


class CountingCursor:
    def __init__(self, cursor, counter: CountingConnection):
        object.__setattr__(self, "_real", cursor)
        object.__setattr__(self, "_counter", counter)

    def execute(self, sql, params=()):
        self._real.execute(sql, params)
        return self

    def _count(self, rows):
        self._counter.rows += len(rows)
        return rows

    def fetchmany(self, size):
        return self._count(self._real.fetchmany(size))

    def fetchall(self):
        return self._count(self._real.fetchall())

    def fetchone(self):
        row = self._real.fetchone()
        self._counter.rows += row is not None
        return row

    def __iter__(self):
        return iter(self.fetchall())

    def __setattr__(self, name, value):
        setattr(self._real, name, value)

    def __getattr__(self, name):
        return getattr(self._real, name)


@pytest.fixture
def long_diary(diary, monkeypatch):
    """A diary of RECORDS entries, check-ins and events (no places, so an entry is one row), read in pages of PAGE."""
    person = diary.profile("me")
    start = datetime.now(timezone.utc) - timedelta(days=RECORDS + 1)
    for n in range(RECORDS):
        person.add_entry(Entry(at=start + timedelta(days=n), pain=n % 11))
        person.save_checkin(CheckIn(day=date.today() - timedelta(days=n + 1), sleep=n % 11))
        person.add_event(Event(kind="fall", at=start + timedelta(days=n, hours=1)))
    for module in (part, entries, sync):
        monkeypatch.setattr(module, "CHUNK", PAGE)
    counting = CountingConnection(diary._conn)
    monkeypatch.setattr(diary, "_conn", counting)
    return diary, person, counting


@pytest.mark.parametrize("kind", ["_checkins", "_events"])
def test_check_ins_and_events_are_read_a_page_at_a_time(long_diary, kind):
    diary, person, counting = long_diary
    records = getattr(diary, kind).each_stored(person.id)
    first = next(records)
    assert counting.rows <= PAGE  # one page read, not all RECORDS rows
    rest = list(records)
    assert counting.rows == RECORDS
    # The same records, in the same order, as the whole list the other readers take.
    assert [first, *rest] == getattr(diary, kind).stored(person.id)


def test_entries_listed_from_their_rows_are_read_a_page_at_a_time(long_diary):
    # `list --format json` writes entries from their stored rows: a page of them, not the whole diary, is read
    # before the first is written.
    diary, person, counting = long_diary
    rows = person.entry_rows()
    first = next(rows)
    assert counting.rows <= PAGE
    rest = list(rows)
    assert counting.rows == RECORDS
    assert [row[-1] for row in (first, *rest)] == [e.id for e in person.entries()]  # every one, newest first


def test_the_export_reads_each_kind_of_record_a_page_at_a_time(long_diary):
    diary, person, counting = long_diary
    document = export_stream(diary)
    profile = next(document["profiles"])
    for key in ("entries", "checkins", "events"):
        before = counting.rows
        first = next(profile[key])
        # The page of records and the page of their change times, however long the diary.
        assert counting.rows - before <= 2 * PAGE, key
        assert first["changed"] is not None  # each record still carries its change time (sync)
        assert len(list(profile[key])) == RECORDS - 1


def test_change_times_are_looked_up_a_batch_at_a_time(long_diary):
    # An endless stream of records gets its change times as it goes: nothing waits for the end of it.
    diary, person, counting = long_diary
    ids = [e.id for e in person.entries()]
    endless = ({"id": ids[n % len(ids)]} for n in itertools.count())
    stamped = sync.with_change_times(diary._conn, "entries", endless)
    first_few = list(itertools.islice(stamped, 5))
    assert all(record["changed"] for record in first_few)

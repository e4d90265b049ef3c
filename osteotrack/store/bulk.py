"""Filling many rows at once (an import, a sync): the summaries, and a new diary's indexes and weekly sums, made
at the end; a new diary's pages written straight into its file, and a page cache that holds them meanwhile.

Kept out of ``schema`` so that what every connection loads (the quick log) does without ``contextlib``.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager

from osteotrack.store.schema import (  # the summaries' own description, private to the store
    _CHILD_SUMMARIES,
    _COLUMNS,
    _MEDICINE_ADDED,
    _MONTH_OF,
    _MONTH_SUMMARIES,
    _MONTH_TRIGGERS,
    DAY_TABLES,
    _month_from_days,
    added_at_once,
    rebuild_summaries,
    summary_query,
)

# The triggers that count an inserted entry or part into the summaries, a row at a time, and the
# tables they watch.
_ADDED_TRIGGERS = ("day_summary_entry_added", *(f"{s[0]}_added" for s in _CHILD_SUMMARIES))
_SUMMARIZED = ("entries", *(s[2] for s in _CHILD_SUMMARIES))


@contextmanager
def summaries_at_the_end(conn):
    """Within an open write transaction: entries and parts inserted inside are not counted into the
    per-day summaries one row at a time; at the end the days they fell on are computed afresh, one
    statement per table, to the same rows the triggers keep (for bulk imports). The per-month
    summaries are not recomputed for each day row written either: the months whose days changed
    inside are noted, and computed afresh from their days at the end.

    Only for inserts: edits and deletes inside keep their own triggers, but a row inserted after a
    delete could take the deleted row's rowid and be missed.

    Into a diary with no entry yet (an import into a new diary) every summary is computed whole at the
    end, and the entries' and their parts' own indexes are made then too (``indexes_at_the_end``).
    """
    marks = {t: conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {t}").fetchone()[0] for t in _SUMMARIZED}
    if not any(marks.values()):  # no entry nor part yet: every summary is made whole at the end
        with without_triggers(conn, _ADDED_TRIGGERS + _MEDICINE_ADDED + _MONTH_TRIGGERS):
            with indexes_at_the_end(conn, _SUMMARIZED):
                yield
            for table in DAY_TABLES:  # each entry and part added to its day as its trigger would have, at once
                conn.execute(f"DELETE FROM {table}")
                conn.execute(added_at_once(table))
            _months_afresh(conn)  # from the days just summed
        return
    with without_triggers(conn, _ADDED_TRIGGERS + _MEDICINE_ADDED + _MONTH_TRIGGERS):
        conn.execute("CREATE TEMP TABLE summary_months (profile_id INTEGER, month TEXT,"
                     " PRIMARY KEY (profile_id, month)) WITHOUT ROWID")
        for day_table in _MONTH_OF:
            for event, rows in (("INSERT", ("new",)), ("DELETE", ("old",)), ("UPDATE", ("old", "new"))):
                noted = " ".join(f"INSERT OR IGNORE INTO summary_months VALUES ({r}.profile_id,"
                                 f" substr({r}.day, 1, 7));" for r in rows)
                conn.execute(f"CREATE TEMP TRIGGER {day_table}_{event.lower()}_noted AFTER {event}"
                             f" ON main.{day_table} BEGIN {noted} END")
        try:
            yield
            _recompute_days(conn, marks)
            _months_afresh(conn, "SELECT profile_id, month FROM temp.summary_months")
        finally:
            if conn.in_transaction:
                for day_table in _MONTH_OF:
                    for event in ("insert", "delete", "update"):
                        conn.execute(f"DROP TRIGGER temp.{day_table}_{event}_noted")
                conn.execute("DROP TABLE temp.summary_months")


def _months_afresh(conn, months: str | None = None) -> None:
    """The per-month summaries computed afresh from their days: of the months the query ``months`` gives
    (``profile_id, month``), or of every month."""
    for table, (_day_table, key, *_rest) in _MONTH_SUMMARIES.items():
        if months is None:
            conn.execute(f"DELETE FROM {table}")
            picked = ""
        else:
            conn.execute(f"DELETE FROM {table} WHERE (profile_id, month) IN ({months})")
            picked = f" WHERE (s.profile_id, substr(s.day, 1, 7)) IN ({months})"
        conn.execute(f"INSERT INTO {table} ({_COLUMNS[table]}) {_month_from_days(table)}{picked}"
                     f" GROUP BY s.profile_id, substr(s.day, 1, 7), s.{key}")


def indexes_at_the_end(conn, tables):
    """Within an open write transaction, for filling empty ``tables``: their own indexes (not those of their
    keys and UNIQUE constraints) dropped, and made again at the end, in one pass over the rows rather
    than a step down each index for every row. Failing inside rolls the transaction back, and the
    indexes with it."""
    return _dropped_meanwhile(conn, "index", "tbl_name", tables)


def without_triggers(conn, names):
    """Within an open write transaction: the triggers ``names`` dropped, and made again as they were
    at the end. Failing inside rolls the transaction back, and the triggers with it."""
    return _dropped_meanwhile(conn, "trigger", "name", names)


@contextmanager
def _dropped_meanwhile(conn, kind: str, column: str, values):
    """The schema's objects of ``kind`` (index, trigger) whose ``column`` is one of ``values``, dropped within an
    open write transaction and made again as they were at its end."""
    assert conn.in_transaction, "dropping schema objects for a while needs an open write transaction"
    kept = conn.execute(f"SELECT name, sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL"
                        f" AND {column} IN ({', '.join('?' * len(values))})", [kind, *values]).fetchall()
    for name, _ in kept:
        conn.execute(f"DROP {kind.upper()} {name}")
    try:
        yield
    finally:
        if conn.in_transaction:  # (SQLite rolls back by itself after some failures, what was dropped with it)
            for _, sql in kept:
                conn.execute(sql)


def _recompute_days(conn, marks: dict[str, int]) -> None:
    """The summaries of every (profile, day) with an entry or part of rowid above ``marks``, afresh."""
    conn.execute("CREATE TEMP TABLE summary_days (profile_id INTEGER, day TEXT, PRIMARY KEY (profile_id, day))"
                 " WITHOUT ROWID")
    conn.execute("INSERT OR IGNORE INTO temp.summary_days SELECT profile_id, local_day FROM entries WHERE rowid > ?",
                 [marks["entries"]])
    for child in _SUMMARIZED[1:]:
        conn.execute(f"INSERT OR IGNORE INTO temp.summary_days SELECT e.profile_id, e.local_day FROM {child} x"
                     f" JOIN entries e ON e.id = x.entry_id WHERE x.rowid > ?", [marks[child]])
    days = "SELECT profile_id, day FROM temp.summary_days"
    for table in DAY_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE (profile_id, day) IN ({days})")
        conn.execute(f"INSERT INTO {table} ({_COLUMNS[table]})"
                     f" {summary_query(table, f'(e.profile_id, e.local_day) IN ({days})')}")
    conn.execute("DROP TABLE temp.summary_days")


@contextmanager
def written_directly(conn, fresh: bool):
    """For filling a new diary (``fresh``): its pages written once, straight into the file (a rollback journal for
    the one transaction), rather than to the write-ahead log and then again into the file as the commit ends (about
    half the commit's time); the write-ahead log again after. A diary another connection has open keeps its log."""
    if not fresh:
        yield
        return
    try:
        direct = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
    except sqlite3.OperationalError:  # open elsewhere too (or read-only): it stays as it is
        direct = False
    try:
        yield
    finally:
        if direct:
            try:
                conn.execute("PRAGMA journal_mode = WAL")
            except sqlite3.OperationalError:
                pass  # opened elsewhere meanwhile: the next opening sets it again (``Diary._prepare``)


@contextmanager
def weeks_at_the_end(conn):
    """Within an open write transaction, for inserting check-ins into a diary with none yet: the weekly PEG sums
    (``week_peg``) computed once at the end, rather than a week's afresh for every check-in inserted."""
    if conn.execute("SELECT 1 FROM checkins LIMIT 1").fetchone() is not None:
        yield
        return
    with without_triggers(conn, ["week_peg_checkin_added"]):
        yield
        rebuild_summaries(conn, ("week_peg",))


# Pages SQLite may keep in memory while an import writes, in KiB: a ten-year diary whole (12 MiB), where the
# usual 2 MiB made it write pages out to the log and read them back as the summaries were computed.
IMPORT_CACHE_KIB = 64 * 1024


@contextmanager
def roomy_cache(conn):
    """A larger page cache for a block that writes a whole file of records (import, sync), the usual one after."""
    usual = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(usual)}")

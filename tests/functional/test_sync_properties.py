"""Copies that converge (issue 18): random adds, edits, deletes, check-ins and profile changes
on two and three copies of one diary, synced in random orders and directions.

Afterwards (every copy synced with every other, both ways) all copies export the same
document; each record is what its latest write made it (a later edit or delete is the only
way a write is lost); and syncing again changes nothing. FUZZ_EXAMPLES=200 for a longer hunt.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from datetime import date, datetime, timedelta, timezone
from itertools import count
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from osteotrack.domain.records import CheckIn, Entry
from osteotrack.store import Diary
from osteotrack.store.sync_files import sync_file
from osteotrack.store.transfer import export_document

SYNC_FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 5)), deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
DAYS = [date(2026, 11, 20) + timedelta(days=i) for i in range(3)]


def _no_passphrase() -> str:
    raise AssertionError("no file here is encrypted")


def operations(copies: int):
    who = st.integers(0, copies - 1)
    return st.lists(st.one_of(
        st.tuples(st.just("add"), who, st.integers(0, 10)),
        st.tuples(st.just("edit"), who, st.integers(0, 50), st.integers(0, 10)),
        st.tuples(st.just("delete"), who, st.integers(0, 50)),
        st.tuples(st.just("checkin"), who, st.integers(0, 2), st.integers(0, 10)),
        st.tuples(st.just("profile"), who),
        st.tuples(st.just("rename"), who, st.integers(0, 5)),
        st.tuples(st.just("sync"), who, who, st.booleans()),
    ), min_size=1, max_size=14)


def _changed(path: Path, table: str, record_id: str) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT changed_at FROM {table} WHERE id = ?", [record_id]).fetchone()[0]
    finally:
        conn.close()


def _tombstone(path: Path, record_id: str) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT deleted_at FROM tombstones WHERE id = ?", [record_id]).fetchone()[0]
    finally:
        conn.close()


def _normal(document: dict) -> dict:
    """An export with its lists in a fixed order (a list's order is not what sync promises)."""
    document = dict(document)
    document.pop("app_version")
    document["vocabulary"] = sorted(document["vocabulary"], key=lambda t: (t["kind"], t["slug"]))
    profiles = []
    for p in document["profiles"]:
        p = {k: sorted(v, key=lambda r: r.get("id") or "") if isinstance(v, list) else v for k, v in p.items()}
        profiles.append(p)
    document["profiles"] = sorted(profiles, key=lambda p: p["name"])
    return document


def _run(tmp: Path, n: int, ops) -> None:
    paths = [tmp / f"copy{i}.db" for i in range(n)]
    with Diary.open(paths[0]) as first:
        first.profile("me").add_entry(Entry(at=datetime(2026, 11, 19, 8, tzinfo=timezone.utc), pain=4, note="seed"))
        for path in paths[1:]:
            first.backup(path)
    names = count(1)
    # The latest write to each record, by its change time: ("entry", id) -> (time, pain or None when deleted).
    latest: dict[tuple, tuple[str, int | None]] = {}
    for op in ops:
        kind, i = op[0], op[1]
        with Diary.open(paths[i]) as diary:
            me = diary.profile("me")
            if kind == "add":
                e = me.add_entry(Entry(at=datetime(2026, 11, 19, 9, tzinfo=timezone.utc), pain=op[2]))
                latest[("entry", e.id)] = (_changed(paths[i], "entries", e.id), op[2])
            elif kind in ("edit", "delete"):
                mine = me.entries()
                if not mine:
                    continue
                e = mine[op[2] % len(mine)]
                if kind == "edit":
                    e.pain = op[3]
                    me.update_entry(e)
                    latest[("entry", e.id)] = (_changed(paths[i], "entries", e.id), op[3])
                else:
                    me.delete_entry(e.id)
                    latest[("entry", e.id)] = (_tombstone(paths[i], e.id), None)
            elif kind == "checkin":
                c = me.save_checkin(CheckIn(day=DAYS[op[2]], peg_pain=op[3]), today=date(2026, 11, 30))
                latest_key = ("checkin", DAYS[op[2]])
                stamp = _changed(paths[i], "checkins", c.id)
                if latest_key not in latest or latest[latest_key][0] <= stamp:
                    latest[latest_key] = (stamp, op[3])
            elif kind == "profile":
                diary.add_profile(f"P{next(names)}")
            elif kind == "rename":
                others = [p.name for p in diary.profiles() if p.name != "me"]
                if others:
                    diary.rename_profile(others[op[2] % len(others)], f"R{next(names)}")
            elif kind == "sync" and op[1] != op[2]:
                sync_file(diary, paths[op[2]], both=op[3], passphrase=_no_passphrase)
    # Every copy with every other, both ways, twice over: then they must all agree.
    for _ in range(2):
        for i in range(n):
            for j in range(n):
                if i != j:
                    with Diary.open(paths[i]) as diary:
                        sync_file(diary, paths[j], both=True, passphrase=_no_passphrase)
    documents = []
    for path in paths:
        with Diary.open(path) as diary:
            documents.append(_normal(export_document(diary)))
    assert all(d == documents[0] for d in documents[1:])
    # No acknowledged write lost: each record is what its latest write made it.
    [me] = [p for p in documents[0]["profiles"] if p["name"] == "me"]
    entries = {e["id"]: e["pain"] for e in me["entries"]}
    checkins = {c["day"]: c["peg_pain"] for c in me["checkins"]}
    for (kind, key), (_, value) in latest.items():
        if kind == "entry":
            assert entries.get(key) == value
        else:
            assert checkins.get(key.isoformat()) == value
    # Syncing again changes nothing.
    with Diary.open(paths[0]) as diary:
        result = sync_file(diary, paths[-1], both=True, passphrase=_no_passphrase)
    assert not result.here.anything and result.there is not None and not result.there.anything
    with Diary.open(paths[0]) as diary:
        assert _normal(export_document(diary)) == documents[0]


@SYNC_FUZZ
@given(ops=operations(2))
def test_two_copies_converge(ops):
    tmp = Path(tempfile.mkdtemp())
    try:
        _run(tmp, 2, ops)
    finally:
        shutil.rmtree(tmp)


@SYNC_FUZZ
@given(ops=operations(3))
def test_three_copies_converge(ops):
    tmp = Path(tempfile.mkdtemp())
    try:
        _run(tmp, 3, ops)
    finally:
        shutil.rmtree(tmp)

"""The per-day summary of entries (schema step m007_day_summary) stays what the entries say, through
every way the store writes them, and the trend figures read from it equal a direct computation."""

from __future__ import annotations

import itertools
import shutil
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from osteotrack import analysis
from osteotrack.analysis import Period
from osteotrack.domain.errors import ValidationError
from osteotrack.store import Diary
from osteotrack.store.transfer import export_document, import_document
from tests.conftest import ROOT
from tests.trends_diary import CET, EST, NOW, at, build, log

FIXTURES = ROOT / "tests" / "fixtures"


def drift(diary) -> list[tuple]:
    """Summary rows that differ from the summary rebuilt from scratch out of the entries."""
    return diary.profile(diary.active_profile()).figures.summary_drift()


def summary(diary, profile: str) -> list[tuple]:
    person = diary.profile(profile)
    return [(r["day"], r["entries"], r["worst"], r["least"], r["mean"])
            for r in person.figures.daily_pain(person.id, date(2000, 1, 1), date(2100, 1, 1))]


def test_a_diary_of_the_previous_schema_gets_its_summary(tmp_path):
    path = tmp_path / "diary.db"
    shutil.copy(FIXTURES / "schema-m004_bone_care.db", path)
    with Diary.open(path) as diary:
        assert drift(diary) == []
        # The fixture's two entries: "me" pain 7 on 1 March 2024, "Ann" pain 3 on 2 March 2024 (local days).
        assert summary(diary, "me") == [("2024-03-01", 1, 7, 7, 7.0)]
        assert summary(diary, "Ann") == [("2024-03-02", 1, 3, 3, 3.0)]


def test_every_write_keeps_the_summary_right(tmp_path):
    with Diary.open(tmp_path / "a.db") as diary:
        build(diary)
        assert drift(diary) == []
        me = diary.profile("me")
        # Tue 10 Nov holds pain 4 and 6: 2 entries, worst 6, least 4, mean (4 + 6) / 2 = 5.
        assert ("2026-11-10", 2, 6, 4, 5.0) in summary(diary, "me")

        # An edit that moves the 4 of Tue 10 to Sat 14 (pain 3 there) as a 9: Tue 10 keeps only the 6,
        # Sat 14 holds 3 and 9 (mean 6).
        first = me.entries(since=date(2026, 11, 10), until=date(2026, 11, 10), newest_first=False)[0]
        me.update_entry(replace(first, at=at(14, 18), pain=9), now=NOW)
        rows = summary(diary, "me")
        assert ("2026-11-10", 1, 6, 6, 6.0) in rows and ("2026-11-14", 2, 9, 3, 6.0) in rows
        assert drift(diary) == []

        # A delete of the worst of a day recomputes its worst (max cannot be taken back by a sum).
        saved = me.delete_entry(first.id)
        assert ("2026-11-14", 1, 3, 3, 3.0) in summary(diary, "me")
        assert drift(diary) == []
        me.restore_entry(saved)  # undo
        assert ("2026-11-14", 2, 9, 3, 6.0) in summary(diary, "me")
        assert drift(diary) == []

        # The last entry of a day gone: the day is gone from the summary too.
        [last] = me.entries(since=date(2026, 11, 17))
        me.delete_entry(last.id)
        assert all(day != "2026-11-17" for day, *_ in summary(diary, "me"))
        assert drift(diary) == []

        # An import into a fresh diary, then again (nothing added), then a removed profile.
        document = export_document(diary)
    with Diary.open(tmp_path / "b.db") as other:
        import_document(other, document)
        import_document(other, document)
        assert drift(other) == []
        assert summary(other, "me") == rows_of(tmp_path / "a.db", "me")
        other.remove_profile("Ann")
        assert drift(other) == []


def rows_of(path, profile: str) -> list[tuple]:
    with Diary.open(path, read_only=True) as diary:
        return summary(diary, profile)


START = date(2026, 10, 1)
moment = st.builds(
    lambda day, minute, offset: datetime.combine(START + timedelta(days=day), datetime.min.time()).replace(
        tzinfo=timezone(timedelta(hours=offset))) + timedelta(minutes=minute),
    st.integers(0, 20), st.integers(0, 24 * 60 - 1), st.sampled_from([-8, -5, 0, 1, 9]),
)
counter = itertools.count()


SITES = st.sampled_from([(), (("lower-back", 4),), (("rib-left", 0), ("lower-back", 2)), (("neck", 7),)])
TRIGGERS = st.lists(st.sampled_from(["bending", "standing", "lifting"]), unique=True, max_size=2)
THERAPIES = st.sampled_from([(), (("otc-pain-medication", 30),), (("heat", None),),
                             (("heat", 60), ("otc-pain-medication", None))])


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(st.tuples(moment, st.integers(0, 10), SITES, TRIGGERS, THERAPIES), max_size=20),
       changes=st.lists(st.tuples(st.integers(0, 19), st.sampled_from(["delete", "edit"]), moment,
                                  st.integers(0, 10)), max_size=5),
       first=st.integers(0, 20), length=st.integers(1, 21))
def test_figures_from_the_summary_equal_a_direct_computation(tmp_path, entries, changes, first, length):
    with Diary.open(tmp_path / f"p{next(counter)}.db") as diary:
        me = diary.profile(diary.active_profile())
        kept = {log(diary, when, pain, sites, triggers, therapies).id: (when, pain, sites, triggers, therapies)
                for when, pain, sites, triggers, therapies in entries}
        for index, what, when, pain in changes:
            if not kept:
                break
            entry_id = sorted(kept)[index % len(kept)]
            if what == "delete":
                me.delete_entry(entry_id)
                del kept[entry_id]
            else:
                me.update_entry(replace(me.get_entry(entry_id), at=when, pain=pain), now=NOW)
                kept[entry_id] = (when, pain, *kept[entry_id][2:])
        period = Period(START + timedelta(days=first), START + timedelta(days=first + length - 1))
        daily = analysis.daily_pain(me, period)
        totals = analysis.pain_summary(me, period)
        places = {p.location: (p.days, p.mean_intensity, p.count) for p in analysis.locations(me, period)}
        named = {t.trigger: (t.present, t.mean_present) for t in analysis.triggers(me, period)}
        tried = {t.therapy: (t.times_used, t.mean_relief, t.rated) for t in analysis.therapies(me, period)}
        assert drift(diary) == []

    # The same figures straight from the entries kept, by their local day.
    by_day: dict[date, list[int]] = {}
    in_range = [k for k in kept.values() if period.since <= k[0].date() <= period.until]
    for when, pain, *_ in in_range:
        by_day.setdefault(when.date(), []).append(pain)
    # Per place: days it hurt (intensity above 0), mean intensity, uses; per trigger: entries and their
    # mean pain; per therapy: uses, mean relief of the rated ones, rated uses.
    expected_places = {}
    for place in {loc for k in in_range for loc, _ in k[2]}:
        found = [(k[0].date(), n) for k in in_range for loc, n in k[2] if loc == place]
        hurt = [n for _, n in found if n > 0]  # the mean intensity is over the entries where it hurt
        expected_places[place] = (len({day for day, n in found if n > 0}), sum(hurt) / len(hurt) if hurt else None,
                                  len(found))
    assert places == expected_places
    expected_named = {}
    for trigger in {t for k in in_range for t in k[3]}:
        pains = [k[1] for k in in_range if trigger in k[3]]
        expected_named[trigger] = (len(pains), sum(pains) / len(pains))
    assert named == expected_named
    expected_tried = {}
    for therapy in {t for k in in_range for t, _ in k[4]}:
        reliefs = [r for k in in_range for t, r in k[4] if t == therapy]
        rated = [r for r in reliefs if r is not None]
        expected_tried[therapy] = (len(reliefs), sum(rated) / len(rated) if rated else None, len(rated))
    assert tried == expected_tried
    days = sorted(by_day)
    assert [(d.day, d.worst, d.least, d.entries) for d in daily] == [
        (day, max(by_day[day]), min(by_day[day]), len(by_day[day])) for day in days]
    assert [d.mean for d in daily] == [sum(by_day[day]) / len(by_day[day]) for day in days]
    pains = [p for day in days for p in by_day[day]]
    assert (totals.entries, totals.days_logged) == (len(pains), len(days))
    if pains:  # average daily pain: the mean of each logged day's mean
        assert (totals.worst, totals.least) == (max(pains), min(pains))
        daily_means = [sum(by_day[day]) / len(by_day[day]) for day in days]
        assert abs(totals.mean - sum(daily_means) / len(daily_means)) < 1e-9
    else:
        assert (totals.mean, totals.worst, totals.least) == (None, None, None)


def test_an_entry_near_midnight_counts_on_the_day_its_writer_saw(tmp_path):
    # Thu 12 23:30 at UTC-05:00 is Fri 13 04:30 UTC, yet it is Thursday's: the summary keys the local day.
    with Diary.open(tmp_path / "c.db") as diary:
        log(diary, datetime(2026, 11, 12, 23, 30, tzinfo=EST), 2)
        log(diary, datetime(2026, 11, 13, 0, 30, tzinfo=CET), 8)
        assert summary(diary, "me") == [("2026-11-12", 1, 2, 2, 2.0), ("2026-11-13", 1, 8, 8, 8.0)]


def test_an_import_onto_days_the_diary_has_already_adds_to_them(tmp_path):
    # The import counts its entries in at the end, a day at a time: days the diary had keep their own entries.
    with Diary.open(tmp_path / "from.db") as source:
        log(source, at(10, 8), 4, [("lower-back", 5)], ["bending"], [("heat", 60)])
        log(source, at(12, 9), 3)
        document = export_document(source)
    with Diary.open(tmp_path / "into.db") as diary:
        log(diary, at(10, 20), 8, [("lower-back", 3)], ["bending"], [("heat", 20)])
        counts = import_document(diary, document)
        assert counts["entries"] == 2
        assert drift(diary) == []
        # Tue 10 holds its own 8 and the imported 4: 2 entries, worst 8, least 4, mean (8 + 4) / 2 = 6.
        assert summary(diary, "me") == [("2026-11-10", 2, 8, 4, 6.0), ("2026-11-12", 1, 3, 3, 3.0)]
        me = diary.profile("me")
        [back] = me.figures.locations(me.id, date(2026, 11, 10), date(2026, 11, 10))
        # Lower back hurt in both: 1 day, 2 entries, mean intensity (3 + 5) / 2 = 4.
        assert tuple(back) == ("lower-back", 1, 2, 4.0, 2)
        import_document(diary, document)  # again: nothing added, nothing counted twice
        assert summary(diary, "me") == [("2026-11-10", 2, 8, 4, 6.0), ("2026-11-12", 1, 3, 3, 3.0)]
        assert drift(diary) == []


def test_a_refused_import_leaves_the_summary_kept_by_every_write_after_it(tmp_path):
    with Diary.open(tmp_path / "from.db") as source:
        log(source, at(10, 8), 4)
        document = export_document(source)
    # A self-care session naming an entry the file lacks is refused after the entries went in: all is undone.
    document["profiles"][0]["sessions"] = [{"id": "session-1", "entry_id": "not-in-the-file", "therapy": "heat",
                                            "pain_before": 5, "pain_after": 3, "duration_seconds": 600}]
    with Diary.open(tmp_path / "into.db") as diary:
        with pytest.raises(ValidationError) as refused:
            import_document(diary, document)
        assert refused.value.code == "session.entry_other_profile"
        assert summary(diary, "me") == []
        log(diary, at(11, 8), 6)  # the summary's own triggers are there again
        assert summary(diary, "me") == [("2026-11-11", 1, 6, 6, 6.0)]
        assert drift(diary) == []


def test_an_import_leaves_the_schemas_triggers_as_they_were(tmp_path):
    # The import sets some triggers aside while it writes (the summary's, the entry parts' change times).
    with Diary.open(tmp_path / "from.db") as source:
        log(source, at(10, 8), 4, [("lower-back", 5)], ["bending"], [("heat", 60)])
        document = export_document(source)
    with Diary.open(tmp_path / "into.db") as diary:
        triggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        before = diary._conn.execute(triggers).fetchall()
        import_document(diary, document)
        assert diary._conn.execute(triggers).fetchall() == before


def test_an_import_into_a_new_diary_leaves_its_schema_as_it_was(tmp_path):
    # Into a diary with no entry the import makes the entries' own indexes after the rows, and summarises whole.
    with Diary.open(tmp_path / "from.db") as source:
        log(source, at(10, 8), 4, [("lower-back", 5)], ["bending"], [("heat", 60)])
        log(source, at(10, 20), 6, [("neck", 2)], ["bending"], [("heat", None)])
        good = export_document(source)
    schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
    with Diary.open(tmp_path / "into.db") as diary:
        before = diary._conn.execute(schema).fetchall()
        refused = {**good, "profiles": [{**good["profiles"][0], "sessions": [
            {"id": "session-1", "entry_id": "not-in-the-file", "therapy": "heat", "pain_before": 5, "pain_after": 3,
             "duration_seconds": 600}]}]}
        with pytest.raises(ValidationError):
            import_document(diary, refused)  # refused after the entries went in: all undone, indexes too
        assert diary._conn.execute(schema).fetchall() == before
        import_document(diary, good)
        assert diary._conn.execute(schema).fetchall() == before
        assert drift(diary) == []
        # Tue 10: 2 entries, worst 6, least 4, mean (4 + 6) / 2 = 5.
        assert summary(diary, "me") == [("2026-11-10", 2, 6, 4, 5.0)]


def test_an_import_into_a_new_diary_leaves_it_in_write_ahead_logging(tmp_path):
    # A new diary is filled through a rollback journal (its pages written once), then goes back to the write-ahead
    # log every diary keeps, whether the import went in, was refused, or another connection had the diary open.
    import sqlite3

    with Diary.open(tmp_path / "from.db") as source:
        log(source, at(10, 8), 4, [("lower-back", 5)], ["bending"], [("heat", 60)])
        good = export_document(source)
    refused = {**good, "profiles": [{**good["profiles"][0], "sessions": [
        {"id": "session-1", "entry_id": "not-in-the-file", "therapy": "heat", "pain_before": 5, "pain_after": 3,
         "duration_seconds": 600}]}]}
    with Diary.open(tmp_path / "into.db") as diary:
        with pytest.raises(ValidationError):
            import_document(diary, refused)
        assert diary._conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        import_document(diary, good)
        assert diary._conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    with Diary.open(tmp_path / "shared.db") as diary:
        other = sqlite3.connect(tmp_path / "shared.db")
        try:
            assert other.execute("SELECT count(*) FROM entries").fetchone() == (0,)
            assert import_document(diary, good)["entries"] == 1
            assert other.execute("SELECT count(*) FROM entries").fetchone() == (1,)
            assert other.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        finally:
            other.close()


def test_an_entry_deleted_here_comes_back_by_import_with_the_files_change_time(tmp_path):
    from osteotrack.store import sync

    with Diary.open(tmp_path / "from.db") as source:
        entry = log(source, at(10, 8), 4, [("lower-back", 5)])
        document = export_document(source)
    [written] = document["profiles"][0]["entries"]
    with Diary.open(tmp_path / "into.db") as diary:
        import_document(diary, document)
        diary.profile("me").delete_entry(entry.id)
        assert [t["id"] for t in sync.tombstones(diary._conn)] == [entry.id]
        assert import_document(diary, document)["entries"] == 1
        # Back, its deletion forgotten, and in step with the diary it came from.
        assert sync.tombstones(diary._conn) == []
        assert diary._conn.execute("SELECT changed_at FROM entries").fetchall() == [(written["changed"],)]
        assert drift(diary) == []

"""The summaries of schema step m009_trend_summaries (medicines per day, places, triggers and therapies per
month) stay what the entries say through every write, and the figures read from them equal a direct
computation from the entries over periods that cross months."""

from __future__ import annotations

import itertools
import shutil
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from osteotrack import analysis
from osteotrack.analysis import Period
from osteotrack.domain.records import CheckIn, Entry, Site, TherapyUse
from osteotrack.store import Diary, schema
from osteotrack.store.transfer import export_document, import_document
from tests.conftest import ROOT
from tests.trends_diary import NOW

FIXTURES = ROOT / "tests" / "fixtures"
OTC, RX = "otc-pain-medication", "prescription-pain-medication"


def drift(diary) -> list[tuple]:
    """Summary rows that differ from the summaries rebuilt from scratch out of the entries."""
    return diary.profile(diary.active_profile()).figures.summary_drift()


def test_a_diary_of_the_previous_schema_gets_the_new_summaries(tmp_path):
    path = tmp_path / "diary.db"
    shutil.copy(FIXTURES / "schema-m008_sync.db", path)
    with Diary.open(path) as diary:
        assert drift(diary) == []
        me = diary.profile("me")
        # The fixture's entry of "me": 1 March 2024, pain 7, mid back 8 and left ribs 4, gardening and bending,
        # heat 60 % and ibuprofen 400 mg (over the counter) 40 %.
        march = Period(date(2024, 3, 1), date(2024, 3, 31))  # a whole month: read from the per-month rows
        use = analysis.medication_use(me, march)
        assert [(m.medicine, m.days_used, m.uses, m.longest_run) for m in use.medicines] == [
            ("ibuprofen 400 mg", 1, 1, 1)]
        assert [(t.therapy, t.times_used, t.mean_relief) for t in analysis.therapies(me, march)] == [
            ("heat", 1, 60.0), (OTC, 1, 40.0)]
        assert [(p.location, p.days, p.mean_intensity) for p in analysis.locations(me, march)] == [
            ("mid-back", 1, 8.0), ("rib-left", 1, 4.0)]


def test_the_months_and_medicines_are_kept_by_every_write_and_an_import(tmp_path):
    with Diary.open(tmp_path / "a.db") as diary:
        me = diary.profile("me")
        first = me.add_entry(entry(datetime(2026, 9, 30, 22, 0, tzinfo=timezone.utc), 6, [("neck", 5)], ["bending"],
                                   [TherapyUse(OTC, 30, "ibuprofen", "400 mg")]), now=NOW)
        me.add_entry(entry(datetime(2026, 10, 2, 9, 0, tzinfo=timezone.utc), 4, [("neck", 0)], [],
                           [TherapyUse(OTC, None, "paracetamol", None)]), now=NOW)
        assert drift(diary) == []
        # Moved from 30 Sep into October, its ibuprofen changed to unnamed: September loses the row of the month.
        me.update_entry(replace(first, at=datetime(2026, 10, 1, 9, 0, tzinfo=timezone.utc),
                                therapies=[TherapyUse(OTC, 50)]), now=NOW)
        assert drift(diary) == []
        october = Period(date(2026, 10, 1), date(2026, 10, 31))
        use = analysis.medication_use(me, october)
        # 1 and 2 October in a row: a run of 2 days of over-the-counter medication, each medicine 1 day.
        assert (use.otc.days_used, use.otc.uses, use.otc.longest_run) == (2, 2, 2)
        assert sorted(m.medicine for m in use.medicines) == ["name not given", "paracetamol"]
        assert analysis.locations(me, Period(date(2026, 9, 1), date(2026, 9, 30))) == []
        document = export_document(diary)
        me.delete_entry(first.id)
        assert drift(diary) == []
    with Diary.open(tmp_path / "b.db") as other:
        import_document(other, document)
        import_document(other, document)  # again: nothing added, nothing counted twice
        assert drift(other) == []
        me = other.profile("me")
        # Neck 5 on 1 Oct, neck 0 on 2 Oct: hurt on 1 day of the month, mean intensity 5 of the one that hurt.
        [neck] = analysis.locations(me, october)
        assert (neck.days, neck.hurt, neck.mean_intensity, neck.count) == (1, 1, 5.0, 2)


def entry(moment, pain, sites=(), triggers=(), therapies=()) -> Entry:
    return Entry(at=moment, pain=pain, sites=[Site(loc, n) for loc, n in sites], triggers=list(triggers),
                 therapies=list(therapies))


START = date(2026, 7, 25)  # random days from here run into late September: a whole month and parts of two
moment = st.builds(
    lambda day, minute, offset: datetime.combine(START + timedelta(days=day), datetime.min.time()).replace(
        tzinfo=timezone(timedelta(hours=offset))) + timedelta(minutes=minute),
    st.integers(0, 65), st.integers(0, 24 * 60 - 1), st.sampled_from([-5, 0, 9]),
)
SITES = st.sampled_from([(), (("lower-back", 4),), (("rib-left", 0), ("lower-back", 2)), (("neck", 7),)])
TRIGGERS = st.lists(st.sampled_from(["bending", "standing"]), unique=True, max_size=2)
THERAPIES = st.sampled_from([
    (), ((OTC, 30, "ibuprofen", "400 mg"),), ((OTC, None, None, None),), (("heat", 60, None, None),),
    (("heat", None, None, None), (RX, 20, "tramadol", None)), ((OTC, 40, "Ibuprofen", "400 mg"),),
])
counter = itertools.count()


def _runs(days: set[date]) -> list[tuple[date, date]]:
    out: list[tuple[date, date]] = []
    for day in sorted(days):
        if out and out[-1][1] + timedelta(days=1) == day:
            out[-1] = (out[-1][0], day)
        else:
            out.append((day, day))
    return out


def _medicine(days: dict[date, int], period: Period) -> tuple:
    """Days used and uses in the period, the longest run reaching into it and its (first, last) days."""
    runs = [(a, b) for a, b in _runs(set(days)) if b >= period.since]
    longest = max(((b - a).days + 1 for a, b in runs), default=0)
    inside = [n for day, n in days.items() if period.since <= day <= period.until]
    return len(inside), sum(inside), longest, [(a, b) for a, b in runs if (b - a).days + 1 == longest]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(st.tuples(moment, st.integers(0, 10), SITES, TRIGGERS, THERAPIES), max_size=30),
       changes=st.lists(st.tuples(st.integers(0, 24), st.sampled_from(["delete", "edit"]), moment,
                                  st.integers(0, 10), THERAPIES), max_size=6),
       first=st.integers(0, 65), length=st.integers(1, 66))
def test_figures_from_the_month_summaries_equal_a_direct_computation(tmp_path, entries, changes, first, length):
    def uses(therapies):
        return [TherapyUse(*t) for t in therapies]

    with Diary.open(tmp_path / f"m{next(counter)}.db") as diary:
        me = diary.profile(diary.active_profile())
        kept = {}
        for when, pain, sites, triggers, therapies in entries:
            saved = me.add_entry(entry(when, pain, sites, triggers, uses(therapies)), now=NOW)
            kept[saved.id] = (when, pain, sites, triggers, therapies)
        for index, what, when, pain, therapies in changes:
            if not kept:
                break
            entry_id = sorted(kept)[index % len(kept)]
            if what == "delete":
                me.delete_entry(entry_id)
                del kept[entry_id]
            else:  # moved to another day (often another month), another pain, other therapies
                me.update_entry(replace(me.get_entry(entry_id), at=when, pain=pain, therapies=uses(therapies)),
                                now=NOW)
                kept[entry_id] = (when, pain, kept[entry_id][2], kept[entry_id][3], therapies)
        period = Period(START + timedelta(days=first), START + timedelta(days=first + length - 1))
        places = {p.location: (p.days, p.hurt, p.mean_intensity, p.count) for p in analysis.locations(me, period)}
        named = {t.trigger: (t.present, t.mean_present) for t in analysis.triggers(me, period)}
        tried = {t.therapy: (t.times_used, t.mean_relief, t.rated) for t in analysis.therapies(me, period)}
        monthly = [(p.therapy, p.start, p.mean_relief, p.rated)
                   for p in analysis.relief_over_time(me, period, "month")]
        use = analysis.medication_use(me, period)
        # The summaries kept by the triggers are the summaries rebuilt from scratch out of the entries.
        assert drift(diary) == []

    # The same figures straight from the entries kept, by their local day.
    in_range = [k for k in kept.values() if period.since <= k[0].date() <= period.until]
    expected_places = {}
    for place in {loc for k in in_range for loc, _ in k[2]}:
        found = [(k[0].date(), n) for k in in_range for loc, n in k[2] if loc == place]
        hurt = [n for _, n in found if n > 0]
        expected_places[place] = (len({day for day, n in found if n > 0}), len(hurt),
                                  sum(hurt) / len(hurt) if hurt else None, len(found))
    assert places == expected_places
    expected_named = {}
    for trigger in {t for k in in_range for t in k[3]}:
        pains = [k[1] for k in in_range if trigger in k[3]]
        expected_named[trigger] = (len(pains), sum(pains) / len(pains))
    assert named == expected_named
    expected_tried, expected_monthly = {}, []
    for therapy in sorted({t[0] for k in in_range for t in k[4]}):
        reliefs = [(k[0].date(), t[1]) for k in in_range for t in k[4] if t[0] == therapy]
        rated = [r for _, r in reliefs if r is not None]
        expected_tried[therapy] = (len(reliefs), sum(rated) / len(rated) if rated else None, len(rated))
        for month in sorted({day.replace(day=1) for day, r in reliefs if r is not None}):
            of_month = [r for day, r in reliefs if r is not None and day.replace(day=1) == month]
            expected_monthly.append((therapy, month, sum(of_month) / len(of_month), len(of_month)))
    assert tried == expected_tried
    assert monthly == expected_monthly
    # Medication: every day up to the period's end counts for runs that reach into it.
    kinds: dict[str, dict[date, int]] = {OTC: {}, RX: {}}
    medicines: dict[tuple[str, str], dict[date, int]] = {}
    for when, _pain, _sites, _triggers, therapies in kept.values():
        day = when.date()
        if day > period.until:
            continue
        for therapy, _relief, medication, dose in therapies:
            if therapy in kinds:
                kinds[therapy][day] = kinds[therapy].get(day, 0) + 1
                name = " ".join(p for p in (medication, dose) if p) or "name not given"
                per_day = medicines.setdefault((therapy, name), {})
                per_day[day] = per_day.get(day, 0) + 1
    for stat, therapy in ((use.otc, OTC), (use.prescription, RX)):
        assert (stat.days_used, stat.uses, stat.longest_run, [(r.first, r.last) for r in stat.longest_runs]) == \
            _medicine(kinds[therapy], period)
    expected = {key: _medicine(days, period) for key, days in medicines.items() if _medicine(days, period)[0]}
    assert {(m.therapy, m.medicine): (m.days_used, m.uses, m.longest_run, [(r.first, r.last) for r in m.longest_runs])
            for m in use.medicines} == expected


def test_a_rebuild_from_scratch_gives_the_summaries_the_triggers_kept(tmp_path):
    with Diary.open(tmp_path / "r.db") as diary:
        me = diary.profile("me")
        for day, pain in ((27, 3), (31, 5), (32, 7), (63, 2)):  # 21 Aug, 25 and 26 Aug, 26 Sep
            me.add_entry(entry(datetime.combine(START + timedelta(days=day), datetime.min.time(), timezone.utc), pain,
                               [("neck", pain)], ["bending"], [TherapyUse(OTC, 10 * pain, "ibuprofen", None)]),
                         now=NOW)
        # PEG check-ins on Wed 26 and Sat 29 Aug (ISO week from Mon 24 Aug), the second about its own day.
        me.save_checkin(CheckIn(START + timedelta(days=32), 4, 5, 6), today=START + timedelta(days=32))
        diary._checkins.insert(CheckIn(START + timedelta(days=35), 2, 2, 8, id="0c000000-0000-4000-8000-000000000001"),
                               me.id, "2026-09-01T00:00:00Z", "2026-09-01T00:00:00Z")
        tables = {t: diary._conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2, 3").fetchall()
                  for t in schema.SUMMARY_TABLES}
        with diary.writing():
            schema.rebuild_summaries(diary._conn)
        assert {t: diary._conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2, 3").fetchall()
                for t in schema.SUMMARY_TABLES} == tables
        # August: neck on 3 days (21, 25, 26 Aug) at 3, 5 and 7: 15 in all; September: 1 day at 2.
        assert tables["month_sites"] == [(1, "2026-08", "neck", 3, 3, 15, 3), (1, "2026-09", "neck", 1, 1, 2, 1)]
        # The week of 24 Aug: 2 check-ins, 1 of them about its day; pain 4 + 2, enjoyment 5 + 2, activity 6 + 8.
        assert tables["week_peg"] == [(1, "2026-08-24", 2, 1, 6, 7, 14)]
        assert drift(diary) == []

"""Properties of the trend figures over random diaries: bounds hold and counts add up."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from osteotrack import analysis
from osteotrack.analysis import Period
from osteotrack.store import Diary
from tests.trends_diary import NOW, log

START = date(2026, 10, 1)
TRIGGERS = ["bending", "standing", "lifting"]

moment = st.builds(
    lambda day, minute, offset: datetime.combine(START + timedelta(days=day), datetime.min.time()).replace(
        tzinfo=timezone(timedelta(hours=offset))) + timedelta(minutes=minute),
    st.integers(0, 29), st.integers(0, 24 * 60 - 1), st.sampled_from([-8, -5, 0, 1, 9]),
)
entry = st.tuples(
    moment, st.integers(0, 10), st.lists(st.sampled_from(TRIGGERS), unique=True, max_size=2),
    st.sampled_from([(), (("otc-pain-medication", 30),), (("heat", None),)]),
    st.sampled_from([(), (("lower-back", 4),), (("rib-left", 7), ("lower-back", 2))]),
)
counter = itertools.count()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(entry, max_size=25), first=st.integers(0, 29), length=st.integers(1, 30))
def test_figures_stay_within_bounds_and_counts_add_up(tmp_path, entries, first, length):
    with Diary.open(tmp_path / f"p{next(counter)}.db") as diary:
        for at, pain, triggers, therapies, sites in entries:
            log(diary, at, pain, sites, triggers, therapies)
        pid = diary.profile_id(diary.active_profile())
        period = Period(START + timedelta(days=first), START + timedelta(days=first + length - 1))
        t = analysis.trends(diary.profile_by_id(pid), period)
        in_range = [e for e in entries if period.since <= e[0].date() <= period.until]

    assert t.summary.entries == len(in_range) == sum(r.entries for r in t.daily)
    assert t.summary.days_logged == len(t.daily) == len({e[0].date() for e in in_range}) <= period.days
    by_day = {r.day: r for r in t.daily}
    for row in t.daily:
        assert row.least <= row.mean <= row.worst
        window = [by_day[row.day - timedelta(days=k)] for k in range(7) if row.day - timedelta(days=k) in by_day]
        assert row.rolling_days == len(window)
        # Within the extremes of the days it rests on (a little slack for floating-point sums).
        assert min(w.least for w in window) - 1e-9 <= row.rolling_mean <= max(w.worst for w in window) + 1e-9
    for trigger in t.triggers:
        assert trigger.present + trigger.absent == t.summary.entries
        assert trigger.present == sum(trigger.trigger in e[2] for e in in_range)
    for place in t.locations:
        assert place.days <= t.summary.days_logged and place.count >= place.days
        assert 0 <= place.share_of_days <= 1
    otc = t.medication.otc
    assert otc.days_used <= otc.uses
    # A run that began before the period is counted from its first day, before the period too (2 days, 21–22
    # Oct, for a period from 22 Oct holding 1 of them): only runs wholly inside are bounded by the days used.
    if not any(run.began_before for run in otc.longest_runs):
        assert otc.longest_run <= otc.days_used
    assert otc.days_used == len({e[0].date() for e in in_range if e[3] and e[3][0][0] == "otc-pain-medication"})
    for therapy in t.therapies:
        assert therapy.rated <= therapy.times_used
    assert sum(p.rated for p in t.relief_over_time) == sum(x.rated for x in t.therapies)
    if t.summary.entries:
        assert t.summary.least <= t.summary.mean <= t.summary.worst


@settings(max_examples=20, deadline=None)
@given(days=st.integers(1, 400), back=st.integers(0, 400))
def test_previous_period_is_adjacent_and_equally_long(days, back):
    until = NOW.date() - timedelta(days=back)
    period = Period(until - timedelta(days=days - 1), until)
    before = period.previous()
    assert before.days == period.days
    assert before.until + timedelta(days=1) == period.since

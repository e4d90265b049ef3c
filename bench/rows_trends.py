"""Trends: every analysis figure over all years of the demo diary, against a raw SQL aggregate.

The diary is opened once; each row times one ``osteotrack.analysis`` call in
this process. Its floor is the plainest SQL that yields the same numbers
(GROUP BY without the rolling window, distinct medication days without the
runs), fetched on the same connection in the same run.
"""

from __future__ import annotations

import time
from datetime import timedelta

from bench import Row, below  # bench/ is on sys.path when bench.py runs

GOAL = "< 50 ms (PRODUCT.md); ≤ 3× floor (issue)"
TRENDS_GOAL = "< 50 ms at 10 y, < 150 ms at 60 y (issue 15)"
JOIN = "JOIN entries e ON e.id = x.entry_id WHERE e.profile_id = ? AND e.local_day BETWEEN ? AND ?"

FLOORS = {
    "daily_pain": ["SELECT local_day, max(pain), avg(pain), min(pain), count(*) FROM entries"
                   " WHERE profile_id = ? AND local_day BETWEEN ? AND ? GROUP BY local_day"],
    "pain_summary": ["SELECT avg(pain), max(pain), min(pain), count(*), count(DISTINCT local_day) FROM entries"
                     " WHERE profile_id = ? AND local_day BETWEEN ? AND ?"],
    "locations": [f"SELECT x.location, count(DISTINCT e.local_day), avg(x.intensity), count(*) FROM entry_sites x"
                  f" {JOIN} GROUP BY x.location"],
    "triggers": [f"SELECT x.slug, count(*), sum(e.pain) FROM entry_triggers x {JOIN} GROUP BY x.slug",
                 "SELECT count(*), sum(pain) FROM entries WHERE profile_id = ? AND local_day BETWEEN ? AND ?"],
    "therapies": [f"SELECT x.therapy, count(*), avg(x.relief), count(x.relief) FROM entry_therapies x {JOIN}"
                  " GROUP BY x.therapy"],
    "relief_over_time": [f"SELECT x.therapy, substr(e.local_day, 1, 7), avg(x.relief), count(*) FROM entry_therapies x"
                         f" {JOIN} AND x.relief IS NOT NULL GROUP BY 1, 2"],
    "medication_use": [f"SELECT x.therapy, e.local_day, count(*) FROM entry_therapies x {JOIN}"
                       " AND x.therapy IN ('otc-pain-medication', 'prescription-pain-medication') GROUP BY 1, 2"],
    "peg_weeks": ["SELECT strftime('%Y-%W', day), avg((peg_pain + peg_enjoyment + peg_activity) / 3.0), count(*)"
                  " FROM checkins WHERE profile_id = ? AND day BETWEEN ? AND ? AND peg_pain IS NOT NULL"
                  " AND peg_enjoyment IS NOT NULL AND peg_activity IS NOT NULL GROUP BY 1"],
    "events": ["SELECT local_day, kind, procedure, site, level, t_score, dxa_site, id FROM events"
               " WHERE profile_id = ? AND local_day BETWEEN ? AND ? ORDER BY at_utc"],
}
# change() is the summary of the period and of the one before it (marked: runs on the previous period).
PREVIOUS = "/* previous period */ "
FLOORS["change"] = FLOORS["pain_summary"] + [PREVIOUS + FLOORS["pain_summary"][0]]
FLOORS["trends"] = [q for name, queries in FLOORS.items() if name != "change" for q in queries] + [
    FLOORS["change"][1]]


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def rows(ctx):
    from osteotrack import analysis
    from osteotrack.store import Diary

    diary = Diary.open(ctx.diary, read_only=True)
    person = diary.profile(diary.active_profile())
    pid = person.id
    period = analysis.period_for(person, "all")
    before = period.previous()
    params = [pid, period.since.isoformat(), period.until.isoformat()]
    previous_params = [pid, before.since.isoformat(), before.until.isoformat()]

    def run_floor(name, params, previous_params):
        for query in FLOORS[name]:
            values = previous_params if query.startswith(PREVIOUS) else params
            diary._conn.execute(query, values[:query.count("?")]).fetchall()

    def floor(name):
        return lambda: timed(lambda: run_floor(name, params, previous_params))

    out = []
    for name in FLOORS:
        figure = getattr(analysis, name)
        if name == "trends":  # issue 15: all at once, < 50 ms at 10 years, < 150 ms at 60
            goal, met = TRENDS_GOAL, below(0.050 if ctx.years <= 10 else 0.150)
        else:
            goal, met = GOAL, lambda value, base: value < 0.050 and base is not None and value <= 3 * base
        out.append(Row(name=f"trends: {name} (all days)",
                       target=lambda figure=figure: timed(lambda: figure(person, period)),
                       floor=floor(name), floor_name="raw SQL aggregate, same connection", goal=goal, met=met,
                       sized=True))
    today = period.until
    this_week = analysis.Period(today - timedelta(days=6), today)
    last_week = this_week.previous()
    week_params = [pid, this_week.since.isoformat(), this_week.until.isoformat()]
    last_week_params = [pid, last_week.since.isoformat(), last_week.until.isoformat()]
    out.append(Row(name="trends: what_changed (this week, last week)",
                   target=lambda: timed(lambda: analysis.what_changed(person, today)),
                   floor=lambda: timed(lambda: (run_floor("trends", week_params, last_week_params),
                                                run_floor("trends", last_week_params, last_week_params))),
                   floor_name="every raw aggregate, both weeks", goal=GOAL, met=below(0.050)))
    return out

"""Trends: every analysis figure over all years of the demo diary, against a raw SQL aggregate.

The diary is opened once; each row times one ``osteotrack.analysis`` call in
this process. Its floor is the plainest SQL that yields the same numbers
(GROUP BY without the rolling window, distinct medication days without the
runs), fetched on the same connection in the same run.
"""

from __future__ import annotations

import sys
import time
from datetime import date

from bench import ROOT, Row  # bench/ is on sys.path when bench.py runs

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GOAL = "< 50 ms (PRODUCT.md); ≤ 3× floor (issue)"
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
# change() is two summaries; trends() is every figure at once.
FLOORS["change"] = FLOORS["pain_summary"] * 2
FLOORS["trends"] = [q for name, queries in FLOORS.items() if name != "change" for q in queries] + FLOORS["change"]


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def rows(ctx):
    from osteotrack import analysis
    from osteotrack.store import Diary

    diary = Diary.open(ctx.diary, read_only=True)
    pid = diary.profile_id()
    period = analysis.period_for(diary, pid, "all")
    params = [pid, period.since.isoformat(), period.until.isoformat()]

    def floor(name):
        def run():
            for query in FLOORS[name]:
                diary.conn.execute(query, params[:query.count("?")]).fetchall()

        return lambda: timed(run)

    out = []
    for name in FLOORS:
        figure = getattr(analysis, name)
        out.append(Row(name=f"trends: {name} ({period.days} days)",
                       target=lambda figure=figure: timed(lambda: figure(diary, pid, period)),
                       floor=floor(name), floor_name="raw SQL aggregate, same connection", goal=GOAL))
    today = date.fromisoformat(params[2])
    week = analysis.Period(today.fromordinal(today.toordinal() - 13), today)
    week_params = [pid, week.since.isoformat(), week.until.isoformat()]

    def week_floor():
        for query in FLOORS["trends"]:
            diary.conn.execute(query, week_params[:query.count("?")]).fetchall()

    out.append(Row(name="trends: what_changed (this week, last week)",
                   target=lambda: timed(lambda: analysis.what_changed(diary, pid, today)),
                   floor=lambda: timed(week_floor), floor_name="every raw aggregate over the 2 weeks", goal=GOAL))
    return out

"""Named queries behind the trend figures: SQL aggregates, returned as rows read by name.

The analysis turns these rows into figures; it never names a table. A day is the
local day an entry was entered in (``entries.local_day``).
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta

from osteotrack.store.events import LOCAL_ORDER
from osteotrack.store.part import Part

# The days of one profile's per-day summaries (alias ``s``) in one period.
SUMMARY_RANGE = "s.profile_id = ? AND s.day BETWEEN ? AND ?"
# The Monday of a day's ISO week: 'weekday 0' moves to the Sunday ending it.
MONDAY = "date({day}, 'weekday 0', '-6 days')"


def _months_and_days(select_month: str, select_day: str, pid: int, since: date, until: date) -> tuple[str, list]:
    """A period read as the whole months inside it and the days at its ends outside those: ``select_month`` (a
    SELECT from a per-month summary ``s``) and ``select_day`` (from the matching per-day one) joined by UNION
    ALL, with their parameters. Years of days are then read a row a month; only the partial months at the ends
    are read a row a day. (Each part is one range of its table's key: an OR of two would read every day.)"""
    first = since if since.day == 1 else (since.replace(day=28) + timedelta(days=4)).replace(day=1)
    after = until + timedelta(days=1)
    last = until if after.day == 1 else until.replace(day=1) - timedelta(days=1)  # the last whole month's last day
    days = f"{select_day} WHERE s.profile_id = ? AND s.day BETWEEN ? AND ?"
    if first > last:  # no whole month inside: every day is read
        return days, [pid, since.isoformat(), until.isoformat()]
    return (f"{select_month} WHERE s.profile_id = ? AND s.month BETWEEN ? AND ? UNION ALL {days} UNION ALL {days}",
            [pid, first.isoformat()[:7], last.isoformat()[:7],
             pid, since.isoformat(), (first - timedelta(days=1)).isoformat(),
             pid, (last + timedelta(days=1)).isoformat(), until.isoformat()])


# A row a logged day from the per-day summary, read by name (``daily_pain``).
_DAILY_PAIN = (
    "SELECT s.day AS day, s.pain_max AS worst, CAST(s.pain_sum AS REAL) / s.entries AS mean,"
    " s.pain_min AS least, s.entries AS entries, s.pain_sum AS pain_sum FROM day_summary s"
    " WHERE s.profile_id = ? AND s.day BETWEEN ? AND ? ORDER BY s.day"
)

# The tables whose records the Trends screen shows (bone care is in its figures and the report).
_WATCHED = ("entries", "checkins", "events", "bone_treatments", "bone_doses", "heights", "falls_checks",
            "impressions", "side_effects")


class Figures(Part):
    """Aggregates of one profile's records between two local days (both included)."""

    def daily_pain(self, pid: int, since: date, until: date) -> list[sqlite3.Row]:
        """Per logged day, oldest first: ``day``, ``worst``, ``mean``, ``least``, ``entries``, ``pain_sum``.

        Read from the per-day summary (``day_summary``, kept by the schema's triggers): a row a day,
        not a row an entry. The mean is the sum over the count, as SQLite's avg() of the entries gives.
        """
        return self._rows(_DAILY_PAIN, [pid, since.isoformat(), until.isoformat()])

    def daily_pain_columns(self, pid: int, since: date, until: date) -> tuple[tuple, tuple, tuple, tuple, tuple]:
        """``daily_pain`` as columns, oldest first: the days (ISO text), worst pain, least pain, entries and their
        sum of pain. The trends read 21,000 days over 60 years: plain tuples without the mean (the reader divides)
        are a third quicker to fetch than rows read by name."""
        rows = self._conn.execute(
            "SELECT s.day, s.pain_max, s.pain_min, s.entries, s.pain_sum FROM day_summary s"
            " WHERE s.profile_id = ? AND s.day BETWEEN ? AND ? ORDER BY s.day",
            [pid, since.isoformat(), until.isoformat()]).fetchall()
        days, worst, least, entries, sums = zip(*rows) if rows else ((),) * 5
        return days, worst, least, entries, sums

    def summary_drift(self) -> list[tuple]:
        """Rows where a per-day summary and the entries themselves disagree (none, when they are kept right):
        each ``(table, 'kept' or 'computed', profile_id, day, …)``, from comparing the summaries with the
        same rows computed afresh (``schema.summary_query``)."""
        from osteotrack.store.schema import SUMMARY_TABLES, summary_query

        out: list[tuple] = []
        for table in SUMMARY_TABLES:
            kept, computed = f"SELECT * FROM {table}", summary_query(table)
            out += [(table, *r) for r in self._conn.execute(
                f"SELECT 'kept', * FROM ({kept} EXCEPT {computed})"
                f" UNION ALL SELECT 'computed', * FROM ({computed} EXCEPT {kept})")]
        return out

    def locations(self, pid: int, since: date, until: date) -> list[sqlite3.Row]:
        """Per location, most days first: ``location``, ``days`` it hurt (above 0), ``hurt`` (entries where it
        hurt), ``mean`` intensity of those entries (None when it never hurt), ``count`` (every entry naming it)."""
        rows, params = _months_and_days(
            "SELECT location, hurt_days, hurt, intensity_sum, uses FROM month_sites s",
            "SELECT location, hurt > 0 AS hurt_days, hurt, intensity_sum, uses FROM day_sites s", pid, since, until)
        return self._rows(
            "SELECT s.location AS location, sum(s.hurt_days) AS days, sum(s.hurt) AS hurt,"
            # Intensities of 0 add nothing to the sum: the sum over the entries where it hurt, over their count.
            " CAST(sum(s.intensity_sum) AS REAL) / nullif(sum(s.hurt), 0) AS mean, sum(s.uses) AS count"
            f" FROM ({rows}) s GROUP BY s.location ORDER BY days DESC, s.location",
            params)

    def triggers(self, pid: int, since: date, until: date) -> list[sqlite3.Row]:
        """Per trigger, most often first: ``slug``, ``count`` of entries naming it, their ``pain_sum``."""
        rows, params = _months_and_days("SELECT slug, uses, pain_sum FROM month_triggers s",
                                        "SELECT slug, uses, pain_sum FROM day_triggers s", pid, since, until)
        return self._rows(
            "SELECT s.slug AS slug, sum(s.uses) AS count, sum(s.pain_sum) AS pain_sum"
            f" FROM ({rows}) s GROUP BY s.slug ORDER BY count DESC, s.slug",
            params)

    def therapies(self, pid: int, since: date, until: date) -> list[sqlite3.Row]:
        """Per therapy, most used first: ``therapy``, ``count``, ``mean_relief``, ``rated`` (uses with relief)."""
        rows, params = _months_and_days("SELECT therapy, uses, rated, relief_sum FROM month_therapies s",
                                        "SELECT therapy, uses, rated, relief_sum FROM day_therapies s",
                                        pid, since, until)
        return self._rows(
            "SELECT s.therapy AS therapy, sum(s.uses) AS count,"
            " CASE WHEN sum(s.rated) > 0 THEN CAST(sum(s.relief_sum) AS REAL) / sum(s.rated) END AS mean_relief,"
            f" sum(s.rated) AS rated FROM ({rows}) s GROUP BY s.therapy ORDER BY count DESC, s.therapy",
            params)

    def relief(self, pid: int, since: date, until: date, bucket: str) -> list[sqlite3.Row]:
        """Rated uses per therapy and week (from Monday) or month.

        Columns: ``therapy``, ``start``, ``mean_relief``, ``count``.
        """
        if bucket == "week":
            return self._rows(
                f"SELECT s.therapy AS therapy, {MONDAY.format(day='s.day')} AS start,"
                " CAST(sum(s.relief_sum) AS REAL) / sum(s.rated) AS mean_relief, sum(s.rated) AS count"
                f" FROM day_therapies s WHERE {SUMMARY_RANGE} AND s.rated > 0"
                " GROUP BY s.therapy, start ORDER BY s.therapy, start",
                [pid, since.isoformat(), until.isoformat()])
        if bucket != "month":
            raise ValueError(bucket)
        rows, params = _months_and_days(
            "SELECT therapy, month, rated, relief_sum FROM month_therapies s",
            "SELECT therapy, substr(day, 1, 7) AS month, rated, relief_sum FROM day_therapies s", pid, since, until)
        # A therapy's month with no rated use has no point (its sums add nothing). Ordered by the month, not by
        # ``start`` (the same order: 'YYYY-MM' strings with '-01' added), so the groups come out as they are
        # made: no second sort of every therapy's months.
        return self._rows(
            "SELECT s.therapy AS therapy, s.month || '-01' AS start,"
            " CAST(sum(s.relief_sum) AS REAL) / sum(s.rated) AS mean_relief, sum(s.rated) AS count"
            f" FROM ({rows}) s GROUP BY s.therapy, s.month HAVING sum(s.rated) > 0 ORDER BY s.therapy, s.month",
            params)

    def medication_days(self, pid: int, until: date, therapies: tuple[str, ...]) -> list[tuple]:
        """Every medicine logged with a medication therapy up to ``until``, a row each: ``(therapy, medication,
        dose, days, uses)``, medication and dose '' when not given; ``days`` the days it was used
        as date ordinals (``date.toordinal``), and ``uses`` the uses on each of them, both as comma-separated
        text (oldest first as SQLite reads them, which it does not promise: the reader sorts them if need be).

        From the first day on, not the period's: a run of days that began before a period is counted whole.
        Read from the per-day summary of medicines (``day_medicines``); the days come as one text a medicine,
        not a row a day (60 years are 14,000 days of ibuprofen: a row each took three times as long).
        """
        marks = ",".join("?" * len(therapies))
        # A date's Julian day number is its ordinal plus 1,721,424.5; julianday() of a day is that at midnight.
        return self._conn.execute(
            "SELECT s.therapy, s.medication, s.dose, group_concat(CAST(julianday(s.day) AS INTEGER) - 1721424),"
            f" group_concat(s.uses) FROM day_medicines s WHERE s.profile_id = ? AND s.therapy IN ({marks})"
            " AND s.day <= ? GROUP BY s.therapy, s.medication, s.dose ORDER BY s.therapy, s.medication, s.dose",
            [pid, *therapies, until.isoformat()]).fetchall()

    def peg_weeks(self, pid: int, since: date, until: date) -> list[tuple]:
        """Per ISO week of complete PEG answers, oldest first: ``(start, score, pain, enjoyment, activity, count,
        daily)``: its Monday, the means of the check-ins' PEG scores and of each item, how many check-ins, and of
        them those that asked about the day, before the weekly PEG.

        The weeks wholly inside the period are read from their summary (``week_peg``), a row a week; the days
        of a week cut by the period's start or end from the check-ins themselves. A score is the sum of the
        items over three times the check-ins: the mean of each check-in's score, without rounding each third.
        """
        first = since + timedelta(days=-since.weekday() % 7)  # the first Monday in the period
        last = until - timedelta(days=(until.weekday() + 1) % 7)  # the last Sunday in it
        complete = "c.peg_pain IS NOT NULL AND c.peg_enjoyment IS NOT NULL AND c.peg_activity IS NOT NULL"
        days = (f"SELECT {MONDAY.format(day='c.day')} AS week, count(*) AS checkins, sum(1 - c.peg_week) AS daily,"
                " sum(c.peg_pain) AS pain_sum, sum(c.peg_enjoyment) AS enjoyment_sum,"
                " sum(c.peg_activity) AS activity_sum FROM checkins c"
                f" WHERE c.profile_id = ? AND c.day BETWEEN ? AND ? AND {complete} GROUP BY week")
        if first > last:  # no whole week inside: every check-in is read
            rows, params = days, [pid, since.isoformat(), until.isoformat()]
        else:
            rows = (f"SELECT week, checkins, daily, pain_sum, enjoyment_sum, activity_sum FROM week_peg"
                    f" WHERE profile_id = ? AND week BETWEEN ? AND ? UNION ALL {days} UNION ALL {days}")
            params = [pid, first.isoformat(), (last - timedelta(days=6)).isoformat(),
                      pid, since.isoformat(), (first - timedelta(days=1)).isoformat(),
                      pid, (last + timedelta(days=1)).isoformat(), until.isoformat()]
        return self._conn.execute(
            "SELECT week, (pain_sum + enjoyment_sum + activity_sum) / (3.0 * checkins),"
            " CAST(pain_sum AS REAL) / checkins, CAST(enjoyment_sum AS REAL) / checkins,"
            f" CAST(activity_sum AS REAL) / checkins, checkins, daily FROM ({rows}) ORDER BY week",
            params).fetchall()

    def event_marks(self, pid: int, since: date, until: date,
                    kinds: tuple[str, ...] | None = None) -> list[sqlite3.Row]:
        """Events in local time order (the day and time where each was logged).

        Columns: ``day``, ``kind``, ``procedure``, ``site``, ``level``, ``t_score``, ``dxa_site``, ``id``.
        """
        sql = ("SELECT v.local_day AS day, v.kind, v.procedure, v.site, v.level, v.t_score, v.dxa_site, v.id"
               " FROM events v WHERE v.profile_id = ? AND v.local_day BETWEEN ? AND ?")
        params: list = [pid, since.isoformat(), until.isoformat()]
        if kinds:
            sql += f" AND v.kind IN ({','.join('?' * len(kinds))})"
            params += list(kinds)
        return self._rows(sql + " ORDER BY " + LOCAL_ORDER.format(t="v"), params)

    def sessions(self, pid: int, since: date | None, until: date | None) -> list[sqlite3.Row]:
        """Self-care sessions per therapy, most used first: ``therapy``, ``sessions``, ``completed``,
        ``seconds``, ``sum_before``, ``sum_after``, ``sum_relief``."""
        where, params = "e.profile_id = ?", [pid]  # type: tuple[str, list]
        if since is not None and until is not None:
            where += " AND e.local_day BETWEEN ? AND ?"
            params += [since.isoformat(), until.isoformat()]
        # The relief is the one stored on the entry's therapy use, as every therapy view sees it.
        # CROSS JOIN makes SQLite walk the sessions (never more than the entries) and look each
        # entry up by id, instead of walking every entry of the profile. Left to itself SQLite looks the
        # therapy use up by its UNIQUE key and then reads the row for the relief; the index that holds the
        # relief too (m010_session_indexes) answers from the index alone (a session a day for 60 years:
        # 44 → 38 ms).
        return self._rows(
            "SELECT s.therapy AS therapy, count(*) AS sessions, sum(s.completed) AS completed,"
            " sum(s.duration_s) AS seconds, sum(s.pain_before) AS sum_before, sum(s.pain_after) AS sum_after,"
            " sum(coalesce(t.relief, 0)) AS sum_relief"
            " FROM self_care_sessions s CROSS JOIN entries e ON e.id = s.entry_id"
            " LEFT JOIN entry_therapies t INDEXED BY entry_therapies_relief"
            " ON t.entry_id = s.entry_id AND t.therapy = s.therapy"
            f" WHERE {where} GROUP BY s.therapy ORDER BY count(*) DESC, s.therapy",
            params)

    def first_day(self, pid: int) -> date | None:
        """The local day of the profile's first entry, or None when it has none."""
        text = self._value("SELECT min(local_day) FROM entries WHERE profile_id = ?", [pid])
        return None if text is None else date.fromisoformat(text)

    def began(self, pid: int) -> date:
        """The first day of the profile's diary: the day it was made, or its earliest entry or check-in if older
        (history brought in from elsewhere)."""
        row = self._one(
            "SELECT (SELECT created_utc FROM profiles WHERE id = ?) AS made,"
            " (SELECT min(local_day) FROM entries WHERE profile_id = ?) AS entry,"
            " (SELECT min(day) FROM checkins WHERE profile_id = ?) AS checkin",
            [pid] * 3,
        )
        assert row is not None  # a SELECT without FROM always gives one row
        made = datetime.fromisoformat(row["made"].replace("Z", "+00:00")).astimezone().date()
        return min([made] + [date.fromisoformat(text) for text in (row["entry"], row["checkin"]) if text])

    def signature(self, pid: int) -> tuple:
        """A cheap fingerprint of a profile's records (entries, check-ins, events and the bone-care ones):
        it changes when any of them is added, changed or deleted."""
        # Two subqueries a table, not count(*) || max(…) in one: alone, max() is one step down an index.
        row = self._conn.execute(
            "SELECT " + ", ".join(f"(SELECT count(*) FROM {table} WHERE profile_id = ?)"
                                  f" || (SELECT max(updated_utc) FROM {table} WHERE profile_id = ?)"
                                  for table in _WATCHED),
            [pid] * 2 * len(_WATCHED),
        ).fetchone()
        return tuple(row)

"""The Today screen's one-line trend: means computed by the store, worded by the domain."""

from datetime import date, timedelta

from osteotrack.domain.describe import trend_text
from osteotrack.domain.records import Entry
from tests.conftest import NOW
from tests.support import active


def test_pain_mean_counts_only_the_days_asked_for(diary):
    # Today 6 and 3 (mean 4.5); yesterday 2; eight days ago 9, outside a 7-day window.
    for days_ago, hour, pain in [(0, 8, 6), (0, 9, 3), (1, 20, 2), (8, 12, 9)]:
        active(diary).add_entry(Entry(at=NOW.replace(hour=hour) - timedelta(days=days_ago), pain=pain), now=NOW)
    today = NOW.date()
    assert active(diary).pain_mean(since=today, until=today) == (4.5, 2)
    assert active(diary).pain_mean(since=today - timedelta(days=7), until=today - timedelta(days=1)) == (2.0, 1)
    assert active(diary).pain_mean(since=date(2020, 1, 1), until=date(2020, 1, 2)) == (None, 0)


def test_trend_words_compare_today_with_the_days_before():
    assert trend_text((4.5, 2), (2.0, 1)) == (
        "Pain today: 4.5 on average (2 entries); the 7 days before: 2.0 (1 entry) — higher.")
    assert trend_text((3.0, 1), (5.5, 14)).endswith("— lower.")
    # Within half a point is noise, not a change.
    assert trend_text((5.0, 1), (5.4, 14)).endswith("— about the same.")
    assert trend_text((None, 0), (5.4, 14)) == "Nothing logged today; the 7 days before: 5.4 (14 entries)."
    assert trend_text((3.0, 1), (None, 0)) == (
        "Pain today: 3.0 on average (1 entry); nothing logged in the 7 days before.")

"""The Today screen's one-line trend: today's mean against the average daily pain of the week before."""

from datetime import timedelta

from osteotrack.domain.describe import trend_text
from osteotrack.domain.records import Entry
from tests.conftest import NOW
from tests.support import active


def test_today_compares_with_the_average_daily_pain_of_the_week_before(diary):
    from osteotrack.tui.screens.today import read_today

    # Today 6 and 3 (mean 4.5); yesterday 2 and 4 (daily mean 3); three days ago 8; eight days ago 9, outside
    # the 7 days before. Average daily pain of the 7 days before: (3 + 8) / 2 = 5.5, over 3 entries
    # (over entries it would be (2 + 4 + 8) / 3 = 4.7).
    for days_ago, hour, pain in [(0, 8, 6), (0, 9, 3), (1, 19, 2), (1, 20, 4), (3, 12, 8), (8, 12, 9)]:
        active(diary).add_entry(Entry(at=NOW.replace(hour=hour) - timedelta(days=days_ago), pain=pain), now=NOW)
    assert read_today(active(diary), NOW.date()).trend == (
        "Pain today: 4.5 on average (2 entries); the 7 days before: average daily pain 5.5 (3 entries) — lower.")


def test_trend_words_compare_today_with_the_days_before():
    assert trend_text((4.5, 2), (2.0, 1)) == (
        "Pain today: 4.5 on average (2 entries); the 7 days before: average daily pain 2.0 (1 entry) — higher.")
    assert trend_text((3.0, 1), (5.5, 14)).endswith("— lower.")
    # Within half a point is noise, not a change.
    assert trend_text((5.0, 1), (5.4, 14)).endswith("— about the same.")
    assert trend_text((None, 0), (5.4, 14)) == (
        "Nothing logged today; the 7 days before: average daily pain 5.4 (14 entries).")
    assert trend_text((3.0, 1), (None, 0)) == (
        "Pain today: 3.0 on average (1 entry); nothing logged in the 7 days before.")

"""Today's trend line reads the week through ``analysis.glance``: the same figure as the trends, worked out by hand."""

from __future__ import annotations

from datetime import date

from osteotrack.analysis import pain_summary
from osteotrack.analysis.glance import pain_at_a_glance
from osteotrack.analysis.ranges import Period
from tests import trends_diary


def test_the_glance_is_the_average_daily_pain_and_entries_of_the_trends(diary):
    trends_diary.build(diary)
    person = diary.profile_by_id(diary.profile_id("me"))
    week = Period(date(2026, 11, 10), date(2026, 11, 16))
    # Logged days (tests/trends_diary.py): 10 Nov means 5.0 over 2 entries; 12, 13, 14, 16 Nov one entry each,
    # 2, 8, 3 and 5. Average daily pain (5 + 2 + 8 + 3 + 5) / 5 = 4.6, over 2 + 1 + 1 + 1 + 1 = 6 entries.
    mean, entries = pain_at_a_glance(person, week)
    assert (round(mean, 9), entries) == (4.6, 6)
    summary = pain_summary(person, week)
    assert (mean, entries) == (summary.mean, summary.entries)
    assert pain_at_a_glance(person, Period(date(2026, 11, 11), date(2026, 11, 11))) == (None, 0)  # nothing logged


def test_todays_first_look_loads_no_trend_figures_and_the_names_stay_the_functions(tmp_path):
    # The app's start pays for the figure dataclasses only when a screen needs them (issue 15); and a
    # submodule named like a function (analysis.trends) never takes the function's name on the package.
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = (
        "import sys; from datetime import date; from osteotrack.store import Diary; "
        "from osteotrack.tui.screens.today import first_look; "
        "d = Diary.open(sys.argv[1]); first_look(d, None, date(2026, 12, 1)); "
        "print(sorted(m for m in ('osteotrack.analysis.figures', 'osteotrack.analysis.results') if m in sys.modules)); "
        "import osteotrack.analysis.trends; from osteotrack.analysis import trends, Period; "
        "print(callable(trends), Period.__name__)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "d.db")], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["[]", "True Period"]

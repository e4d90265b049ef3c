"""Self-care sessions in ``osteotrack trends``, the Trends screen and the report, worked out by hand.

The diary of tests/trends_diary.py (10–16 Nov 2026, no sessions) plus:

| ended             | therapy        | pain before → after | relief (nearest 10 %) |
|-------------------|----------------|---------------------|-----------------------|
| Mon 09 18:00      | relaxation     | 9 → 1               | (the week before)     |
| Tue 11 18:00      | relaxation     | 6 → 4               | 2/6 = 33 % → 30       |
| Fri 14 18:00      | guided-imagery | 5 → 5               | 0                     |
| Sun 15 18:00      | relaxation     | 7 → 4               | 3/7 = 43 % → 40       |

In the week: relaxation 2 sessions, before (6 + 7) / 2 = 6.5, after (4 + 4) / 2 = 4.0, relief (30 + 40) / 2 = 35;
guided imagery 1 session, 5.0 → 5.0, relief 0. Relaxation comes first: it has more sessions.
"""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from osteotrack.domain.selfcare import SelfCareSession
from osteotrack.report.model import build_report
from osteotrack.report.output import render
from osteotrack.store import Diary
from tests import trends_diary
from tests.functional.test_trends_screen import sync, table_text, week_shown
from tests.support import active
from tests.trends_diary import NOW, PERIOD, at

WEEK = ("--since", "2026-11-10", "--until", "2026-11-16")
RELAXATION = "Relaxation training (deep breathing): 2 sessions, mean pain 6.5 → 4.0"
IMAGERY = "Guided imagery: 1 session, mean pain 5.0 → 5.0"
TITLE = "Self-care sessions"


def add_sessions(diary) -> None:
    for day, therapy, before, after in ((9, "relaxation", 9, 1), (11, "relaxation", 6, 4),
                                        (14, "guided-imagery", 5, 5), (15, "relaxation", 7, 4)):
        active(diary).add_session(SelfCareSession(therapy, before, after, 300, at(day, 18)), now=NOW)


@pytest.fixture
def plain(diary):
    trends_diary.build(diary)
    return diary


@pytest.fixture
def with_sessions(plain):
    add_sessions(plain)
    return plain


def test_trends_text_has_one_line_per_therapy_with_sessions(with_sessions, run_cli):
    result = run_cli("trends", *WEEK)
    assert result.exit_code == 0, result.output
    text = result.output
    assert TITLE in text
    assert text.index(RELAXATION) < text.index(IMAGERY)
    assert "9 → 1" not in text and "3 sessions" not in text  # the session of the week before is left out


def test_trends_json_gives_each_therapys_sessions_with_their_counts(with_sessions, run_cli):
    data = json.loads(run_cli("trends", *WEEK, "--format", "json").output)
    assert data["sessions"] == [
        {"therapy": "relaxation", "name": "Relaxation training (deep breathing)", "sessions": 2, "completed": 2,
         "minutes": 10.0, "sum_before": 13, "sum_after": 8, "sum_relief": 70,
         "mean_before": 6.5, "mean_after": 4.0, "mean_relief": 35.0},
        {"therapy": "guided-imagery", "name": "Guided imagery", "sessions": 1, "completed": 1,
         "minutes": 5.0, "sum_before": 5, "sum_after": 5, "sum_relief": 0,
         "mean_before": 5.0, "mean_after": 5.0, "mean_relief": 0.0},
    ]


def test_without_sessions_nothing_is_said_about_them(plain, run_cli):
    assert TITLE not in run_cli("trends", *WEEK).output
    assert json.loads(run_cli("trends", *WEEK, "--format", "json").output)["sessions"] == []
    markdown = render(build_report(plain.profile("me"), PERIOD), "md").decode("utf-8")
    assert TITLE not in markdown


def test_report_markdown_lists_the_sessions_under_therapies(with_sessions):
    markdown = render(build_report(with_sessions.profile("me"), PERIOD), "md").decode("utf-8")
    therapies = markdown.split("## Therapies and relief")[1].split("\n## ")[0]
    assert f"_{RELAXATION}_" in therapies and f"_{IMAGERY}_" in therapies
    assert therapies.index(RELAXATION) < therapies.index(IMAGERY)


def test_report_pdf_prints_the_session_lines(with_sessions):
    data = render(build_report(with_sessions.profile("me"), PERIOD), "pdf")
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert RELAXATION in text and IMAGERY in text
    assert text.index("Therapies and relief") < text.index(RELAXATION) < text.index("Medication use")


@pytest.fixture
def screen_diary(db_path):
    with Diary.open(db_path) as diary:
        trends_diary.build(diary)
        add_sessions(diary)
    return db_path


@sync
async def test_trends_screen_shows_the_session_lines_on_the_therapies_tab(screen_diary):
    async with week_shown(screen_diary) as pilot:
        screen = pilot.app.screen
        shown = await table_text(pilot, "sessions")
        assert screen.query_one("#table-sessions").display
        assert TITLE in shown and RELAXATION in shown and IMAGERY in shown


@sync
async def test_trends_screen_hides_the_session_lines_without_sessions(db_path):
    with Diary.open(db_path) as diary:
        trends_diary.build(diary)
    async with week_shown(db_path) as pilot:
        await table_text(pilot, "sessions")
        assert not pilot.app.screen.query_one("#table-sessions").display

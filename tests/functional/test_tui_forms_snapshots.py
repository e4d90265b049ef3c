"""Snapshots of the history, check-in, events and questions screens at 80×24, with fixed data and clock.

Update after a deliberate change with ``pytest --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from osteotrack.domain.records import CheckIn, Entry, Event, Question, Site, TherapyUse
from osteotrack.tui.screens.checkin import CheckInScreen
from osteotrack.tui.screens.events import EventsScreen
from osteotrack.tui.screens.history import HistoryScreen
from osteotrack.tui.screens.questions import QuestionsScreen
from tests.conftest import NOW, TZ
from tests.functional.tui_host import Host, still
from tests.functional.tui_support import person


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=TZ)


@pytest.fixture
def diary_file(db_path):
    """A small diary: a week of entries, two check-ins, three events, three questions."""
    with person(db_path) as diary:
        for day, hour, pain, sites, triggers, therapies in [
            (18, 9, 4, [Site("mid-back", 5, "T8")], ["getting-up"], [TherapyUse("heat", 50)]),
            (19, 20, 6, [Site("mid-back", 6, "T8"), Site("rib-left", 3)], ["bending", "lifting"],
             [TherapyUse("otc-pain-medication", 40, "ibuprofen", "400 mg")]),
            (21, 8, 3, [Site("lower-back", 3)], ["sitting-long"], []),
            (22, 14, 5, [Site("mid-back", 5)], ["housework"], [TherapyUse("physical-therapy", 30)]),
            (23, 8, 2, [Site("mid-back", 2)], [], [TherapyUse("relaxation", 20)]),
            (23, 19, 7, [Site("mid-back", 7, "T8")], ["bending"], [TherapyUse("heat", 60)]),
            (24, 8, 4, [Site("mid-back", 4)], ["getting-up"], []),
        ]:
            diary.add_entry(Entry(at=at(day, hour), pain=pain, sites=sites, triggers=triggers, therapies=therapies,
                                  note="after the garden" if pain == 7 else ""), now=NOW)
        diary.save_checkin(CheckIn(day=at(22, 0).date(), peg_pain=5, peg_enjoyment=4, peg_activity=6, sleep=5,
                                   mood=6), today=NOW.date())
        diary.save_checkin(CheckIn(day=at(23, 0).date(), peg_pain=6, peg_enjoyment=5, peg_activity=7, sleep=4,
                                   mood=5), today=NOW.date())
        diary.add_event(Event("fracture", at(2, 10, month=3), site="mid-back", level="T8"), now=NOW)
        diary.add_event(Event("procedure", at(14, 9, month=5), procedure="kyphoplasty", level="T8"), now=NOW)
        diary.add_event(Event("dxa", at(1, 9, month=6), t_score=-2.7, dxa_site="lumbar-spine"), now=NOW)
        diary.add_question(Question("Can I carry the shopping?", at(20, 20)))
        diary.add_question(Question("Should I keep the brace on at night?", at(10, 20, month=10), status="asked"))
        diary.add_question(Question("Is it safe to keep gardening?", at(1, 20, month=9), status="answered",
                                    answer="Yes, kneeling, not bending"))
    return db_path


def test_history(snap_compare, diary_file):
    assert snap_compare(Host(diary_file, HistoryScreen), terminal_size=(80, 24), run_before=still)


def test_history_wide(snap_compare, diary_file):
    assert snap_compare(Host(diary_file, HistoryScreen), terminal_size=(100, 30), run_before=still)


def test_history_delete_asks(snap_compare, diary_file):
    async def ask(pilot):
        await still(pilot)
        await pilot.press("down", "d")
        await still(pilot)

    assert snap_compare(Host(diary_file, HistoryScreen), terminal_size=(80, 24), run_before=ask)


def test_checkin_answered(snap_compare, diary_file):
    async def answer(pilot):
        await still(pilot)
        await pilot.press("6", "tab", "4", "tab", "7")
        await still(pilot)

    assert snap_compare(Host(diary_file, CheckInScreen), terminal_size=(80, 24), run_before=answer)


def test_events(snap_compare, diary_file):
    assert snap_compare(Host(diary_file, EventsScreen), terminal_size=(80, 24), run_before=still)


def test_event_form_with_a_missing_t_score(snap_compare, diary_file):
    async def refuse(pilot):
        await still(pilot)
        await pilot.press("a")
        await still(pilot)
        pilot.app.screen.query_one("#kind").value = "dxa"
        pilot.app.screen.query_one("#when").value = "2026-06-01"
        await pilot.press("ctrl+s")
        await still(pilot)

    assert snap_compare(Host(diary_file, EventsScreen), terminal_size=(80, 24), run_before=refuse)


def test_questions(snap_compare, diary_file):
    assert snap_compare(Host(diary_file, QuestionsScreen), terminal_size=(80, 24), run_before=still)

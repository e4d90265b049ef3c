"""The caregiver's overview and its alerts, on diaries built by hand.

Today is Tue 24 Nov 2026: this week is Wed 18 – Tue 24, last week Wed 11 – Tue 17.

Dad
| day    | pain | sites                 | therapies           |
| Wed 11 | 3    | lower-back 3          | heat 60, ice 80     |
| Thu 12 | 4    | lower-back 4          | heat 70             |
| Sat 14 | 2    |                       | heat 50             |
| Wed 18 | 5    | lower-back 5, hip-R 6 | heat 40, ice 20     |
| Thu 19 | 6    | hip-right 6           | heat 30             |
| Fri 20 | 4    |                       | otc 50              |
and a fall on Thu 19. Mean pain 9/3 = 3.0 last week, 15/3 = 5.0 this week: up by exactly 2.
Heat: (60+70+50)/3 = 60 % last week, (40+30)/2 = 35 % this week: down 25 points on 3 and 2
ratings, so it alerts. Ice drops 60 points, but on one rating a week it is not a usual therapy.
The hip is new; the last entry is on Fri 20, 4 days before today.

Mum: pain 4, 4 last week (Mon 16, Tue 17), 5, 5 this week (Sun 22, Mon 23), lower back each time,
heat 60, 60 then 50, 50: up 1 point and 10 points less relief, an appointment — nothing to flag.

Sam: nothing last week; one entry on Sat 21 (neck 7) and a wrist fracture that day: the neck is
not "new" (there is no last week to compare), the gap is exactly 3 days.
"""

from datetime import date, datetime

import pytest

from osteotrack.analysis.alerts import overview, profile_overview
from osteotrack.domain.records import Entry, Event, Site, TherapyUse
from osteotrack.views.overview import overview_lines
from tests.conftest import NOW, TZ

TODAY = date(2026, 11, 24)


def log(diary, pid, day, pain, sites=(), therapies=()):
    diary.profile_by_id(pid).add_entry(
        Entry(
            at=datetime(2026, 11, day, 9, 0, tzinfo=TZ),
            pain=pain,
            sites=[Site(s, n) for s, n in sites],
            therapies=[TherapyUse(t, r) for t, r in therapies],
        ),
        now=NOW,
    )


@pytest.fixture
def family(diary):
    dad, mum, sam = (diary.add_profile(name) for name in ("Dad", "Mum", "Sam"))
    log(diary, dad, 11, 3, [("lower-back", 3)], [("heat", 60), ("ice", 80)])
    log(diary, dad, 12, 4, [("lower-back", 4)], [("heat", 70)])
    log(diary, dad, 14, 2, (), [("heat", 50)])
    log(diary, dad, 18, 5, [("lower-back", 5), ("hip-right", 6)], [("heat", 40), ("ice", 20)])
    log(diary, dad, 19, 6, [("hip-right", 6)], [("heat", 30)])
    log(diary, dad, 20, 4, (), [("otc-pain-medication", 50)])
    diary.profile_by_id(dad).add_event(Event(kind="fall", at=datetime(2026, 11, 19, 17, 0, tzinfo=TZ)), now=NOW)
    for day, pain, relief in ((16, 4, 60), (17, 4, 60), (22, 5, 50), (23, 5, 50)):
        log(diary, mum, day, pain, [("lower-back", pain)], [("heat", relief)])
    diary.profile_by_id(mum).add_event(Event(kind="appointment", at=datetime(2026, 11, 20, 10, 0, tzinfo=TZ)), now=NOW)
    log(diary, sam, 21, 7, [("neck", 7)])
    diary.profile_by_id(sam).add_event(
        Event(kind="fracture", at=datetime(2026, 11, 21, 12, 0, tzinfo=TZ), site="wrist-left"), now=NOW
    )
    return {"dad": dad, "mum": mum, "sam": sam}


def test_dad_gets_every_kind_of_alert(diary, family):
    dad = profile_overview(diary.profile_by_id(family["dad"]), TODAY)
    assert dad.alerts == [
        "Pain is up by 2.0 points: average daily pain 5.0 this week, 3.0 last week.",
        "New place that hurts this week: hip, right.",
        "Fall logged on Thu 19 Nov.",
        "No entry for 4 days; the last was on Fri 20 Nov.",
        "Heat (hot pack, warm shower) helps less: 35% relief this week, 60% last week.",
    ]
    assert dad.last_entry.pain == 4 and dad.last_entry.at.day == 20


def test_small_changes_raise_no_alert(diary, family):
    assert profile_overview(diary.profile_by_id(family["mum"]), TODAY).alerts == []


def test_without_a_last_week_nothing_is_new_and_three_quiet_days_alert(diary, family):
    assert profile_overview(diary.profile_by_id(family["sam"]), TODAY).alerts == [
        "Fracture wrist, left logged on Sat 21 Nov.",
        "No entry for 3 days; the last was on Sat 21 Nov.",
    ]
    # One day earlier the gap is 2 days: no alert for it.
    assert profile_overview(diary.profile_by_id(family["sam"]), date(2026, 11, 23)).alerts == [
        "Fracture wrist, left logged on Sat 21 Nov."
    ]


def test_the_overview_lists_every_profile_and_marks_the_active_one(diary, family):
    people = overview(diary, TODAY, diary.profile_id("Mum"))
    assert [(p.name, p.active) for p in people] == [("me", False), ("Dad", False), ("Mum", True), ("Sam", False)]
    assert people[0].alerts == ["Nothing logged yet."]
    assert overview_lines(people[2]) == [
        "Mum (active): last entry Mon 23 Nov 2026 09:00, pain 5/10 (moderate)",
        "This week: average daily pain 5.0 (2 entries); last week: 4.0 (2 entries).",
        "Nothing to flag.",
    ]


def test_the_overview_command_prints_every_profile(run_cli, db_path, family, monkeypatch):
    import osteotrack.domain.when as when

    monkeypatch.setattr(when, "now_local", lambda: NOW)
    result = run_cli("--read-only", "overview")
    assert result.exit_code == 0, result.output
    assert (
        "Dad: last entry Fri 20 Nov 2026 09:00, pain 4/10 (moderate)\n"
        "  This week: average daily pain 5.0 (3 entries); last week: 3.0 (3 entries).\n"
        "  Alert: Pain is up by 2.0 points" in result.output
    )
    assert "\nSam: last entry" in result.output and result.output.startswith("me (active): no entries yet\n")

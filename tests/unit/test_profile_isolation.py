"""Profile isolation: over random diaries with several profiles, no read ever returns another's records.

Every read method of Diary is asked for each profile and must give exactly that
profile's records; the analysis of one profile must not change when every other
profile is removed from the diary.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from osteotrack import analysis
from osteotrack.analysis.alerts import profile_overview
from osteotrack.domain.errors import ValidationError
from osteotrack.domain.records import CheckIn, Entry, Event, Question, Site, TherapyUse
from osteotrack.store import Diary
from osteotrack.store.transfer import export_document

START = date(2026, 10, 26)
DAYS = 30
TODAY = START + timedelta(days=DAYS - 1)
NOW = datetime(2026, 12, 31, tzinfo=timezone.utc)

moment = st.builds(
    lambda day, minute, offset: (
        datetime.combine(START + timedelta(days=day), datetime.min.time()).replace(
            tzinfo=timezone(timedelta(hours=offset))
        )
        + timedelta(minutes=minute)
    ),
    st.integers(0, DAYS - 1),
    st.integers(0, 24 * 60 - 1),
    st.sampled_from([-5, 0, 1, 9]),
)
entry = st.builds(
    lambda at, pain, sites, triggers, therapies: Entry(
        at=at, pain=pain, sites=sites, triggers=triggers, therapies=therapies
    ),
    moment,
    st.integers(0, 10),
    st.sampled_from([[], [Site("lower-back", 4)], [Site("rib-left", 7), Site("hip-right", 2)]]),
    st.lists(st.sampled_from(["bending", "standing", "lifting"]), unique=True, max_size=2),
    st.sampled_from(
        [
            [],
            [TherapyUse("heat", 60)],
            [TherapyUse("otc-pain-medication", 30, "ibuprofen", "400 mg")],
            [TherapyUse("otc-pain-medication", None, "paracetamol", "1 g"), TherapyUse("ice", 20)],
        ]
    ),
)
person = st.fixed_dictionaries(
    {
        "entries": st.lists(entry, max_size=8),
        "checkin_days": st.lists(st.integers(0, DAYS - 1), unique=True, max_size=4),
        "events": st.lists(st.tuples(st.sampled_from(["fall", "fracture", "appointment"]), moment), max_size=3),
        "questions": st.lists(st.sampled_from(["open", "asked", "answered"]), max_size=3),
    }
)
counter = itertools.count()


def fill(diary: Diary, people: list[dict]) -> dict[int, dict[str, set[str]]]:
    """Store each person's records in a profile of their own; return every profile's ids by kind."""
    owned = {}
    for i, p in enumerate(people):
        pid = diary.profile_id(diary.active_profile()) if i == 0 else diary.add_profile(f"Person {i}")
        ids = owned[pid] = {"entries": set(), "checkins": set(), "events": set(), "questions": set()}
        for e in p["entries"]:
            ids["entries"].add(diary.profile_by_id(pid).add_entry(Entry(**{**e.__dict__, "id": None}), now=NOW).id)
        for day in p["checkin_days"]:
            ids["checkins"].add(
                diary.profile_by_id(pid)
                .save_checkin(CheckIn(day=START + timedelta(days=day), peg_pain=i), today=TODAY)
                .id
            )
        for kind, at in p["events"]:
            site = "wrist-left" if kind == "fracture" else None
            ids["events"].add(diary.profile_by_id(pid).add_event(Event(kind=kind, at=at, site=site), now=NOW).id)
        for status in p["questions"]:
            asked = datetime(2026, 1, 1, tzinfo=timezone.utc)  # a question's time, like an entry's, is never ahead
            q = diary.profile_by_id(pid).add_question(Question(text=f"q{i}", created=asked))
            ids["questions"].add(diary.profile_by_id(pid).set_question_status(q.id, status).id)
    return owned


def assert_reads_are_isolated(diary: Diary, owned: dict) -> None:
    everyone = {
        kind: set().union(*(ids[kind] for ids in owned.values()))
        for kind in owned[diary.profile_id(diary.active_profile())]
    }
    days = [START + timedelta(days=d) for d in range(DAYS)]
    for pid, ids in owned.items():
        mine = lambda records: {r.id for r in records}  # noqa: E731
        assert mine(diary.profile_by_id(pid).entries()) == ids["entries"]
        assert mine(diary.profile_by_id(pid).entries(limit=3, offset=1)) <= ids["entries"]
        assert mine(diary.profile_by_id(pid).entries(since=days[10], until=days[20])) <= ids["entries"]
        assert diary.profile_by_id(pid).count_entries() == len(ids["entries"])
        last = diary.profile_by_id(pid).last_entry()
        assert (last is None) == (not ids["entries"]) and (last is None or last.id in ids["entries"])
        assert mine(diary.profile_by_id(pid).checkins()) == ids["checkins"]
        assert all(
            diary.profile_by_id(pid).checkin(day) is None or diary.profile_by_id(pid).checkin(day).id in ids["checkins"]
            for day in days
        )
        assert mine(diary.profile_by_id(pid).events()) == ids["events"]
        assert mine(diary.profile_by_id(pid).events(kinds=("fall", "fracture"))) <= ids["events"]
        assert mine(diary.profile_by_id(pid).questions()) == ids["questions"]
        assert mine(diary.profile_by_id(pid).questions("open")) <= ids["questions"]
        allowed = {
            (t.medication, t.dose)
            for i in ids["entries"]
            for t in diary.profile_by_id(pid).get_entry(i).therapies
            if t.medication
        }
        assert set(diary.profile_by_id(pid).recent_medications("otc-pain-medication", 10)) <= allowed
        kinds = {"entries": "entry", "checkins": "check-in", "events": "event", "questions": "question"}
        for table, kind in kinds.items():
            for other in everyone[table] - ids[table]:
                with pytest.raises(ValidationError):
                    diary.profile_by_id(pid).find_id(kind, other)
            for other in everyone["entries"] - ids["entries"]:  # nor by its full id
                assert diary.profile_by_id(pid).get_entry(other) is None
        (exported,) = export_document(diary, [diary.profile_name(pid)])["profiles"]
        for kind in ("entries", "checkins", "events", "questions"):
            assert {r["id"] for r in exported[kind]} == ids[kind]
        assert all(
            diary.profile_by_id(pid).logged_on(day)
            == any(e.at.date() == day for e in diary.profile_by_id(pid).entries())
            for day in days
        )


def analysis_of(diary: Diary, pid: int) -> tuple:
    period = analysis.Period(START, TODAY)
    overview = profile_overview(diary.profile_by_id(pid), TODAY)
    return (
        analysis.trends(diary.profile_by_id(pid), period).to_dict(),
        analysis.what_changed(diary.profile_by_id(pid), TODAY).to_dict(),
        analysis.first_entry_day(diary.profile_by_id(pid)),
        analysis.period_for(diary.profile_by_id(pid), "all", today=TODAY),
        overview.alerts,
        overview.last_entry,
    )


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(person, min_size=2, max_size=3), keep=st.integers(0, 2))
def test_no_read_returns_another_profiles_records(tmp_path, people, keep):
    with Diary.open(tmp_path / f"d{next(counter)}.db") as diary:
        owned = fill(diary, people)
        assert_reads_are_isolated(diary, owned)
        kept = list(owned)[keep % len(owned)]
        before = analysis_of(diary, kept)
        for pid in owned:
            if pid != kept:
                diary.remove_profile(diary.profile_name(pid))
        assert analysis_of(diary, kept) == before
        assert_reads_are_isolated(diary, {kept: owned[kept]})

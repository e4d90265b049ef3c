"""Self-care sessions stored as therapy uses, their relief, and the lossless JSON round trip."""

import json
from datetime import timedelta

import pytest

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.records import Entry
from osteotrack.domain.selfcare import SESSION_KINDS, SelfCareSession, prompt_at, relief_percent, session_kind
from osteotrack.store import Diary
from osteotrack.store.transfer import dumps, export_document, import_document
from tests.conftest import NOW
from tests.support import active


def session(before=6, after=4, therapy="relaxation", minutes_ago=60, pattern="4-7-8", **more):
    return SelfCareSession(therapy=therapy, pain_before=before, pain_after=after, duration_seconds=285,
                           ended=NOW - timedelta(minutes=minutes_ago), planned_seconds=285, pattern=pattern,
                           **more)


@pytest.mark.parametrize("before, after, relief", [
    (6, 4, 30),   # 33.3 % down
    (4, 3, 30),   # 25 %: halves round up
    (8, 7, 10),   # 12.5 %
    (10, 5, 50),
    (5, 0, 100),
    (7, 7, 0),    # no change
    (5, 6, 0),    # worse: no relief, never negative
    (0, 0, 0),    # nothing to relieve
])
def test_relief_is_percent_reduction_rounded_to_ten(before, after, relief):
    assert relief_percent(before, after) == relief


def test_a_session_is_an_entry_with_the_therapy_its_relief_and_the_notes(diary):
    stored = active(diary).add_session(session(note="  shoulders looser "), now=NOW)
    entry = active(diary).get_entry(stored.entry_id)
    assert entry.pain == 4
    assert entry.at == NOW - timedelta(minutes=60)
    assert [(t.therapy, t.relief) for t in entry.therapies] == [("relaxation", 30)]
    assert entry.note == "shoulders looser"
    (again,) = [s for s in active(diary).sessions() if s.entry_id == entry.id]
    assert (again.pain_before, again.pain_after, again.duration_seconds, again.pattern, again.completed) == (
        6, 4, 285, "4-7-8", True)


def test_sessions_are_listed_oldest_first_by_local_day(diary):
    active(diary).add_session(session(therapy="guided-imagery", pattern=None, minutes_ago=10), now=NOW)
    active(diary).add_session(session(minutes_ago=60 * 48), now=NOW)
    found = active(diary).sessions()
    assert [s.therapy for s in found] == ["relaxation", "guided-imagery"]
    assert [s.therapy for s in active(diary).sessions(since=NOW.date())] == ["guided-imagery"]


@pytest.mark.parametrize("bad, words", [
    (dict(before=11), "Pain before the session must be a whole number from 0 to 10"),
    (dict(after=-1), "Pain after the session must be a whole number from 0 to 10"),
    (dict(therapy="yoga"), "Unknown therapy 'yoga'"),
    (dict(pattern="4-x"), "Unknown breathing pattern"),
])
def test_bad_sessions_store_nothing(diary, bad, words):
    fields = {"before": 6, "after": 4, **{k: v for k, v in bad.items() if k in ("before", "after", "therapy")}}
    record = session(**fields, **{k: v for k, v in bad.items() if k == "pattern"})
    with pytest.raises(ValidationError, match=words):
        active(diary).add_session(record, now=NOW)
    assert active(diary).count_entries() == 0 and active(diary).sessions() == []


def test_a_session_in_the_future_stores_nothing(diary):
    with pytest.raises(ValidationError):
        active(diary).add_session(session(minutes_ago=-120), now=NOW)
    assert active(diary).count_entries() == 0
    assert diary._conn.execute("SELECT count(*) FROM self_care_sessions").fetchone()[0] == 0


def test_deleting_the_entry_deletes_its_session_and_undo_brings_both_back(diary):
    stored = active(diary).add_session(session(note="calmer"), now=NOW)
    saved = active(diary).delete_entry(stored.entry_id)
    assert active(diary).sessions() == []
    active(diary).restore_entry(saved)
    assert active(diary).sessions() == [stored]


def test_export_then_import_gives_back_the_same_sessions(diary, tmp_path):
    active(diary).add_session(session(note="calmer"), now=NOW)
    active(diary).add_session(session(before=3, after=3, therapy="guided-imagery", pattern=None, completed=False,
                               minutes_ago=5), now=NOW)
    document = export_document(diary)
    assert len(document["profiles"][0]["sessions"]) == 2
    with Diary.open(tmp_path / "copy.db") as copy:
        counts = import_document(copy, json.loads(dumps(document)))
        assert counts["sessions"] == 2 and counts["entries"] == 2
        again = export_document(copy)["profiles"][0]
        # (The profile's own "created" is the copy's: it existed before the import.)
        assert again["sessions"] == document["profiles"][0]["sessions"]
        assert again["entries"] == document["profiles"][0]["entries"]
        assert import_document(copy, document)["sessions"] == 0  # a second import adds nothing


def test_an_export_without_sessions_still_imports(diary, tmp_path):
    active(diary).add_entry(Entry(at=NOW, pain=5), now=NOW)
    document = export_document(diary)
    for profile in document["profiles"]:
        del profile["sessions"]  # as written before sessions existed
    with Diary.open(tmp_path / "copy.db") as copy:
        assert import_document(copy, document)["entries"] == 1
        assert active(copy).sessions() == []


def test_an_import_with_a_session_of_an_unknown_entry_changes_nothing(diary, tmp_path):
    active(diary).add_session(session(), now=NOW)
    document = export_document(diary)
    document["profiles"][0]["sessions"][0]["entry_id"] = "no-such-entry"
    with Diary.open(tmp_path / "copy.db") as copy:
        with pytest.raises(ValidationError, match="not in the same profile"):
            import_document(copy, document)
        assert active(copy).count_entries() == 0


def test_an_import_with_a_bad_session_names_it(diary, tmp_path):
    active(diary).add_session(session(), now=NOW)
    document = export_document(diary)
    document["profiles"][0]["sessions"][0]["pain_before"] = 12
    with Diary.open(tmp_path / "copy.db") as copy:
        with pytest.raises(ValidationError, match="In session 1 of profile 'me'"):
            import_document(copy, document)
        assert active(copy).count_entries() == 0


def test_prompted_sessions_move_through_their_prompts_and_stay_on_the_last():
    kind = session_kind("guided-imagery")
    assert kind.therapy == "guided-imagery" and not kind.pacer
    assert prompt_at(kind, 0) == kind.prompts[0]
    assert prompt_at(kind, 39.9) == kind.prompts[0]
    assert prompt_at(kind, 40) == kind.prompts[1]
    assert prompt_at(kind, 10_000) == kind.prompts[-1]
    assert all(k.therapy in ("relaxation", "guided-imagery") for k in SESSION_KINDS.values())
    with pytest.raises(ValidationError, match="Unknown session kind"):
        session_kind("yoga")

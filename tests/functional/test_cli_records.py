"""`osteotrack checkin`, `event` and `question`: the other record kinds, with the same care."""

from datetime import date, timedelta

import pytest

from osteotrack.store import Diary
from tests.functional.helpers import assert_refused, assert_refused_unchanged, digest


def read(db_path, what: str, *args):
    with Diary.open(db_path, read_only=True) as diary:
        return getattr(diary.profile(diary.active_profile()), what)(*args)


def test_checkin_stores_the_peg_items_and_a_second_replaces_the_first(run_cli, db_path):
    result = run_cli("checkin", "--pain", "5", "--enjoyment", "4", "--activity", "6", "--sleep", "7", "--mood", "6")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Checked in for ") and "PEG 5.0" in result.stdout
    [first] = read(db_path, "checkins")
    assert (first.day, first.peg_pain, first.peg_enjoyment, first.peg_activity, first.sleep, first.mood) == (
        date.today(), 5, 4, 6, 7, 6)
    assert run_cli("checkin", "--mood", "3", "--note", "rainy").exit_code == 0
    [second] = read(db_path, "checkins")
    assert second.id == first.id and (second.mood, second.peg_pain, second.note) == (3, None, "rainy")
    assert run_cli("checkin", "--sleep", "2", "--day", "yesterday").exit_code == 0
    assert [c.day for c in read(db_path, "checkins")] == [date.today() - timedelta(days=1), date.today()]


@pytest.mark.parametrize("args, message", [
    ([], "A check-in needs at least one answer"),
    (["--pain", "12"], "Average pain must be a whole number from 0 to 10; got '12'."),
    (["--mood", "-1"], "Mood must be a whole number from 0 to 10"),
    (["--sleep", "5", "--day", "2999-01-01"], "is in the future"),
    (["--sleep", "5", "--day", "someday"], "Could not read the day 'someday'"),
])
def test_checkin_refusals(run_cli, db_path, args, message):
    assert_refused_unchanged(run_cli, db_path, ["checkin", "--mood", "5"], ["checkin", *args], message)


def test_every_event_kind(run_cli, db_path):
    for args in (["fracture", "--site", "mid-back", "--level", "T8", "--at", "2026-03-02"],
                 ["procedure", "--procedure", "kyphoplasty", "--level", "T8", "--at", "2026-05-14"],
                 ["dxa", "--t-score", "-2.7", "--dxa-site", "lumbar-spine", "--at", "2026-06-01"],
                 ["fall", "--at", "yesterday 17:00", "--note", "slipped in the kitchen"],
                 ["imaging", "--site", "hip-left", "--at", "2026-07-01"],
                 ["appointment", "--at", "2026-08-03"]):
        result = run_cli("event", *args)
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("Recorded ") and len(result.stdout.splitlines()) == 1
    events = {e.kind: e for e in read(db_path, "events")}
    assert (events["fracture"].site, events["fracture"].level) == ("mid-back", "T8")
    assert (events["procedure"].procedure, events["procedure"].site, events["procedure"].level) == (
        "kyphoplasty", "mid-back", "T8")
    assert (events["dxa"].t_score, events["dxa"].dxa_site) == (-2.7, "lumbar-spine")
    assert events["fall"].note == "slipped in the kitchen" and events["fall"].at.hour == 17
    assert events["imaging"].site == "hip-left"
    assert events["appointment"].at.date() == date(2026, 8, 3)


@pytest.mark.parametrize("args, message", [
    (["fracture", "--at", "2026-03-02"], "A fracture needs its site"),
    (["fracture", "--site", "wrist-left", "--level", "T8"], "only be given for the neck, upper, mid or lower back"),
    (["procedure"], "A procedure event needs --procedure"),
    (["dxa"], "A DXA result needs its T-score"),
    (["dxa", "--t-score", "-9"], "A T-score is a number from -6.0 to 4.0"),
    (["fall", "--t-score", "-2"], "A T-score and DXA site only go with a dxa event."),
    (["fall", "--at", "2999-01-01"], "is in the future"),
    (["fall", "--site", "elbow"], "Unknown location 'elbow'"),
])
def test_event_refusals(run_cli, db_path, args, message):
    assert_refused_unchanged(run_cli, db_path, ["event", "fall"], ["event", *args], message)


def test_an_unknown_event_kind_is_a_usage_error(run_cli):
    result = run_cli("event", "party")
    assert result.exit_code == 2 and "'party' is not one of" in result.stderr


def test_questions_add_list_and_mark(run_cli, db_path):
    added = run_cli("question", "Can I carry the shopping?")
    assert added.exit_code == 0 and added.stdout.startswith("Added question ")
    assert run_cli("question", "add", "Which exercises are safe?").exit_code == 0
    qid = added.stdout.split()[2].rstrip(":")
    listing = run_cli("question", "list").stdout
    assert "Can I carry the shopping?" in listing and "Which exercises are safe?" in listing
    assert run_cli("question", "asked", qid).stdout.strip() == "Marked asked: Can I carry the shopping?"
    # Asked but not answered: still open, and listed as asked.
    assert "[asked] Can I carry the shopping?" in run_cli("question", "list").stdout
    answered = run_cli("question", "answered", qid, "--answer", "Up to 5 kg")
    assert answered.exit_code == 0
    [q] = [q for q in read(db_path, "questions") if q.id.startswith(qid)]
    assert (q.status, q.answer) == ("answered", "Up to 5 kg")
    assert "Can I carry" not in run_cli("question", "list").stdout  # answered: no longer open
    assert "answer: Up to 5 kg" in run_cli("question", "list", "--all").stdout
    assert run_cli("question", "open", qid).exit_code == 0
    assert "Can I carry" in run_cli("question", "list").stdout


def test_question_refusals(run_cli, db_path):
    assert run_cli("question", "First?").exit_code == 0
    before = digest(db_path)
    assert_refused(run_cli("question", "   "), "A question for the doctor cannot be empty.")
    assert_refused(run_cli("question", "asked", "ab"), "Give at least the first 4 characters of the question id")
    assert_refused(run_cli("question", "asked", "ffffffff"), "There is no question with an id starting 'ffffffff'")
    assert digest(db_path) == before


def test_no_questions_yet(run_cli):
    assert run_cli("question", "list").stdout.strip() == "No open questions."
    assert run_cli("question", "list", "--all").stdout.strip() == "No questions yet."


def test_the_peg_is_asked_about_the_past_week_at_most_weekly(run_cli, db_path):
    from datetime import date, timedelta

    from osteotrack.store import Diary
    from tests.support import active

    today = date.today()
    first = run_cli("checkin", "--pain", "5", "--enjoyment", "4", "--activity", "6", "--day",
                    str(today - timedelta(days=8)))
    assert first.exit_code == 0, first.output
    # 6 days later the past week is the same week, nearly: refused, with the day it was answered and the next.
    too_soon = today - timedelta(days=2)
    refused = run_cli("checkin", "--pain", "5", "--day", str(too_soon))
    answered = today - timedelta(days=8)
    assert refused.exit_code == 2
    assert f"it was answered on {answered:%a %d %b}, next from {answered + timedelta(days=7):%a %d %b}" in (
        refused.output)
    # Sleep and mood are daily: saved on that day without the PEG.
    assert run_cli("checkin", "--sleep", "6", "--mood", "5", "--day", str(too_soon)).exit_code == 0
    # 7 days after, the PEG is due again.
    assert run_cli("checkin", "--pain", "3", "--day", str(answered + timedelta(days=7))).exit_code == 0
    with Diary.open(db_path, read_only=True) as diary:
        asked = [(c.day, c.peg_pain, c.peg_week) for c in active(diary).checkins()]
    assert asked == [(answered, 5, True), (too_soon, None, False), (answered + timedelta(days=7), 3, True)]

"""The bone-care commands: the syntax users' scripts rely on, their sentences, and refusals that store nothing."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from osteotrack.store import Diary
from tests.functional.helpers import assert_refused, assert_refused_unchanged, digest


def person(db_path):
    diary = Diary.open(db_path, read_only=True)
    return diary, diary.profile(diary.active_profile())


def test_a_weekly_treatment_with_its_doses_end_to_end(run_cli, db_path):
    out = run_cli("treatment", "add", "alendronate", "--every", "1w", "--since", "2026-01-05", "--dose", "70 mg")
    assert out.exit_code == 0 and out.output.startswith("Added Alendronate 70 mg every week since 5 Jan 2026 (id ")
    first = run_cli("dose", "alendronate", "--at", "2026-01-05T08:00")
    assert first.output == "Recorded a dose of Alendronate on Mon 5 Jan 2026 08:00: on time. Next due 12 Jan 2026.\n"
    late = run_cli("dose", "alendronate", "--at", "2026-01-14T08:00", "--note", "forgot Monday")
    # Due Monday 12 Jan; taken Wednesday 14 Jan: 2 days late; the next one a week after it.
    assert late.output == (
        "Recorded a dose of Alendronate on Wed 14 Jan 2026 08:00: 2 days late (due 12 Jan 2026). "
        "Next due 21 Jan 2026.\n"
    )
    stop = run_cli("treatment", "stop", "alendronate", "--on", "2026-06-30", "--note", "switched")
    assert stop.output == "Stopped Alendronate on 30 Jun 2026 (taken since 5 Jan 2026).\n"
    [row] = json.loads(run_cli("treatment", "list", "--format", "json").output)
    assert {k: row[k] for k in ("medicine", "every", "since", "stopped", "last_dose", "next_due", "days_late")} == {
        "medicine": "alendronate",
        "every": "1w",
        "since": "2026-01-05",
        "stopped": "2026-06-30",
        "last_dose": "2026-01-14",
        "next_due": "",
        "days_late": 0,
    }
    diary, me = person(db_path)
    with diary:
        assert [d.note for d in me.doses()] == ["", "forgot Monday"]


def test_treatment_list_says_days_late_and_zero_when_on_time(run_cli):
    today = date.today()
    since = today - timedelta(days=10)
    run_cli("treatment", "add", "alendronate", "--every", "1w", "--since", since.isoformat())
    run_cli("dose", "alendronate", "--at", since.isoformat())
    run_cli("treatment", "add", "denosumab", "--since", (today - timedelta(days=30)).isoformat())
    run_cli("dose", "denosumab", "--at", (today - timedelta(days=30)).isoformat())
    rows = {r["medicine"]: r for r in json.loads(run_cli("treatment", "list", "--format", "json").output)}
    # Alendronate: taken 10 days ago, due 7 days after it, 3 days ago: 3 days late.
    assert (rows["alendronate"]["next_due"], rows["alendronate"]["days_late"]) == (
        (since + timedelta(days=7)).isoformat(),
        3,
    )
    # Denosumab ("6m", its usual interval): given 30 days ago, not due for months: 0.
    assert rows["denosumab"]["every"] == "6m" and rows["denosumab"]["days_late"] == 0
    table = run_cli("treatment", "list").output
    assert "Alendronate" in table and "Denosumab" in table
    assert run_cli("treatment").output == table  # the bare group lists


def test_height_in_cm_and_inches_and_the_question_a_loss_adds(run_cli, db_path):
    assert run_cli("height", "164", "--at", "2025-01-10").output.startswith("Recorded height 164.0 cm on ")
    assert run_cli("height", "--inches", "64", "--at", "2025-07-10").output.startswith("Recorded height 162.6 cm")
    out = run_cli("height", "159.8", "--at", "2026-01-12")
    lines = out.output.splitlines()
    # 164.0 → 159.8 is 4.2 cm: past the 4 cm below the tallest and the 2 cm in about a year.
    assert lines[1] == (
        "This is 4.2 cm below the tallest height recorded (164.0 cm on 10 Jan 2025); a loss of "
        "4.0 cm or more is worth showing your doctor."
    )
    assert "Added a question for your doctor" in lines[-1]
    questions = run_cli("question", "list").output
    assert "My height went down by 4.2 cm since 10 Jan 2025 (from 164.0 cm to 159.8 cm)." in questions
    qid = questions.split()[0]
    assert run_cli("question", "delete", qid).output.startswith("Deleted the question: My height went down")
    assert run_cli("question", "list").output == "No open questions.\n"
    csv = run_cli("list", "--kind", "heights", "--format", "csv").output.splitlines()
    assert csv[0] == "id,date,time,utc_offset,height_cm,note"
    assert [line.split(",")[4] for line in csv[1:]] == ["159.8", "162.6", "164.0"]  # newest first


def test_falls_check_impression_side_effect_and_near_fall(run_cli, db_path):
    out = run_cli("falls-check", "--fell", "no", "--unsteady", "yes", "--worried", "yes", "--at", "2026-11-01T10:00")
    assert out.output == (
        "Recorded the falls check: fallen in the past 12 months: no; unsteady standing or walking: "
        "yes; worried about falling: yes (2 of 3 answered yes).\n"
    )
    run_cli("treatment", "add", "denosumab", "--every", "6m", "--since", "2026-03-01")
    out = run_cli("impression", "3", "--since-start-of", "denosumab", "--at", "2026-11-02T10:00")
    assert out.output == "Recorded your impression of change since the start of Denosumab: 3 (a little improved).\n"
    assert run_cli("impression", "4", "--at", "2026-11-03T10:00").output.endswith(
        "since the start of the diary: 4 (no change).\n"
    )
    out = run_cli(
        "side-effect", "heartburn", "--medicine", "alendronate", "--severity", "4", "--at", "2026-11-04T08:00"
    )
    assert out.output.startswith("Recorded heartburn with Alendronate on Wed 4 Nov 2026 08:00, severity 4 of 10 (id ")
    run_cli("side-effect", "dizzy", "--medicine", "tramadol", "--at", "2026-11-04T09:00")
    assert run_cli("event", "near-fall", "--at", "2026-11-05T17:00", "--note", "caught the rail").exit_code == 0
    kinds = {
        kind: json.loads(run_cli("list", "--kind", kind, "--format", "json").output)
        for kind in ("falls-checks", "impressions", "side-effects", "events", "treatments")
    }
    assert [(c["fell"], c["unsteady"], c["worried"]) for c in kinds["falls-checks"]] == [(False, True, True)]
    assert [(i["score"], i["since_start_of"]) for i in kinds["impressions"]] == [(4, None), (3, "denosumab")]
    assert [(s["medicine"], s["severity"]) for s in kinds["side-effects"]] == [("tramadol", None), ("alendronate", 4)]
    assert [(e["kind"], e["note"]) for e in kinds["events"]] == [("near-fall", "caught the rail")]
    assert [t["medicine"] for t in kinds["treatments"]] == ["denosumab"]


@pytest.mark.parametrize(
    "bad, message",
    [
        (["treatment", "add", "alendronate", "--every", "weekly"], "How often is a number with d, w, m or y"),
        (["treatment", "add", "alendronate", "--every", "0w"], "got '0w'"),
        (["treatment", "add", "alendronate", "--since", "2999-01-01"], "is in the future"),
        (["treatment", "add", "strontium"], "Give how often you take strontium with --every"),
        (["treatment", "add", "Alen dronate!", "--every", "1w"], "A medicine is a name in lower-case letters"),
        (["treatment", "add", "denosumab", "--every", "6m"], "Denosumab is already a treatment since 2026-01-05"),
        (
            ["treatment", "stop", "denosumab", "--on", "2026-01-01"],
            "Denosumab cannot stop on 2026-01-01, before it started",
        ),
        (["treatment", "stop", "alendronate"], "There is no current treatment with Alendronate to stop."),
        (["dose", "alendronate"], "There is no treatment with Alendronate on"),
        (["dose", "denosumab", "--at", "2026-01-01"], "There is no treatment with Denosumab on 2026-01-01"),
        (["dose", "denosumab", "--at", "2999-01-01"], "is in the future"),
        (["height", "16.2"], "A height must be from 50 to 250 cm"),
        (["height", "tall"], "A height is a number such as 162.5"),
        (["height"], "Give the height once"),
        (["height", "162", "--inches", "64"], "Give the height once"),
        (
            ["falls-check", "--fell", "maybe", "--unsteady", "no", "--worried", "no"],
            "--fell takes yes or no; got 'maybe'.",
        ),
        (["impression", "8"], "The impression of change is a whole number from 1 (very much improved) to 7"),
        (
            ["impression", "2", "--since-start-of", "romosozumab"],
            "There is no treatment with Romosozumab in this diary",
        ),
        (["side-effect", " ", "--medicine", "alendronate"], "A side effect needs a few words"),
        (["side-effect", "rash", "--medicine", "calcium", "--severity", "0"], "Severity is a whole number from 1"),
        (["event", "near-fall", "--at", "2999-01-01"], "is in the future"),
    ],
)
def test_refusals_are_one_sentence_exit_2_and_change_nothing(run_cli, db_path, bad, message):
    assert_refused_unchanged(run_cli, db_path, ["treatment", "add", "denosumab", "--since", "2026-01-05"], bad, message)


def test_missing_options_are_refused_by_click_with_exit_2(run_cli, db_path):
    run_cli("treatment", "add", "calcium")
    before = digest(db_path)
    for bad in (["falls-check", "--fell", "no"], ["side-effect", "rash"], ["dose"]):
        result = run_cli(*bad)
        assert result.exit_code == 2 and "Traceback" not in result.output
    assert digest(db_path) == before


def test_read_only_refuses_every_bone_write(run_cli, db_path):
    run_cli("treatment", "add", "alendronate", "--since", "2026-01-05")
    before = digest(db_path)
    for command in (
        ["treatment", "add", "calcium"],
        ["treatment", "stop", "alendronate"],
        ["dose", "alendronate"],
        ["height", "160"],
        ["falls-check", "--fell", "no", "--unsteady", "no", "--worried", "no"],
        ["impression", "4"],
        ["side-effect", "rash", "--medicine", "calcium"],
        ["event", "near-fall"],
    ):
        assert_refused(run_cli(*command, "--read-only"), "read-only")
    assert digest(db_path) == before
    assert run_cli("treatment", "list", "--read-only").exit_code == 0


def _ids(run_cli, kind: str) -> list[str]:
    """The ids ``osteotrack list --kind KIND`` shows (newest first), from its CSV."""
    lines = run_cli("list", "--kind", kind, "--format", "csv").output.splitlines()
    return [line.split(",", 1)[0] for line in lines[1:]]


def test_a_dose_logged_by_mistake_is_deleted_by_id(run_cli, db_path):
    run_cli("treatment", "add", "alendronate", "--every", "1w", "--since", "2026-01-05")
    run_cli("dose", "alendronate", "--at", "2026-01-05T08:00")
    run_cli("dose", "add", "alendronate", "--at", "2026-01-14T08:00")  # `add` may also be spelled out
    wrong, right = _ids(run_cli, "doses")
    table = run_cli("list", "--kind", "doses").output
    assert wrong[:8] in table and right[:8] in table  # the table shows the start of each id
    out = run_cli("dose", "delete", wrong[:6])
    assert out.exit_code == 0
    assert out.output == f"Deleted the dose of Alendronate on Wed 14 Jan 2026 08:00 (id {wrong[:8]}).\n"
    assert _ids(run_cli, "doses") == [right]
    # With only the 5 Jan dose left, the next is due a week after it: 12 Jan.
    [row] = json.loads(run_cli("treatment", "list", "--format", "json").output)
    assert (row["last_dose"], row["next_due"]) == ("2026-01-05", "2026-01-12")


def test_a_height_measured_by_mistake_is_deleted_by_id(run_cli, db_path):
    run_cli("height", "164", "--at", "2025-01-10")
    run_cli("height", "--inches", "64", "--at", "2025-07-10")
    newer, older = _ids(run_cli, "heights")
    out = run_cli("height", "delete", newer)
    assert out.exit_code == 0
    assert out.output == f"Deleted the height 162.6 cm measured on Thu 10 Jul 2025 12:00 (id {newer[:8]}).\n"
    assert _ids(run_cli, "heights") == [older]


@pytest.mark.parametrize("command, message", [
    (["dose", "delete", "ab"], "Give at least the first 4 characters of the dose id; got 'ab'."),
    (["dose", "delete", "ffff0000"], "There is no dose with an id starting 'ffff0000' in this profile"),
    (["height", "delete", "ab"], "Give at least the first 4 characters of the height id; got 'ab'."),
    (["height", "delete", "ffff0000"], "There is no height with an id starting 'ffff0000' in this profile"),
])
def test_deleting_by_a_bad_id_is_one_sentence_and_changes_nothing(run_cli, db_path, command, message):
    run_cli("treatment", "add", "alendronate", "--since", "2026-01-05")
    run_cli("dose", "alendronate", "--at", "2026-01-05T08:00")
    run_cli("height", "164", "--at", "2025-01-10")
    before = digest(db_path)
    assert_refused(run_cli(*command), message)
    assert digest(db_path) == before


def test_read_only_refuses_a_delete(run_cli, db_path):
    run_cli("treatment", "add", "alendronate", "--since", "2026-01-05")
    run_cli("dose", "alendronate", "--at", "2026-01-05T08:00")
    run_cli("height", "164", "--at", "2025-01-10")
    before = digest(db_path)
    assert_refused(run_cli("dose", "delete", _ids(run_cli, "doses")[0], "--read-only"), "read-only")
    assert_refused(run_cli("height", "delete", _ids(run_cli, "heights")[0], "--read-only"), "read-only")
    assert digest(db_path) == before

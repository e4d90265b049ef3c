"""``osteotrack trends``: text and JSON over the hand-built diary of tests/trends_diary.py."""

from __future__ import annotations

import json

import pytest

from tests import trends_diary

WEEK = ("--since", "2026-11-10", "--until", "2026-11-16")


@pytest.fixture
def small(diary):
    trends_diary.build(diary)
    return diary


def test_json_gives_every_figure_with_its_count(small, run_cli):
    result = run_cli("trends", *WEEK, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["profile"] == "me"
    # Average daily pain: daily means 5, 2, 8, 3, 5 -> 23 / 5 = 4.6, said beside it.
    assert data["summary"] == {"mean": 4.6, "worst": 8, "least": 2, "entries": 6, "days_logged": 5,
                               "days_in_range": 7, "coverage": 0.714,
                               "mean_is": "Average daily pain is the mean of each logged day's mean pain: a day "
                                          "with five entries counts as much as a day with one."}
    assert [(d["day"], d["worst"], d["mean"], d["least"], d["entries"], d["rolling_mean"], d["rolling_days"])
            for d in data["daily"]] == [
        ("2026-11-10", 6, 5.0, 4, 2, 5.0, 1), ("2026-11-12", 2, 2.0, 2, 1, 3.5, 2),
        ("2026-11-13", 8, 8.0, 8, 1, 5.0, 3), ("2026-11-14", 3, 3.0, 3, 1, 4.5, 4),
        ("2026-11-16", 5, 5.0, 5, 1, 4.6, 5),
    ]
    assert data["locations"][0] == {"location": "lower-back", "name": "Lower back", "days": 3, "days_logged": 5,
                                    "share_of_days": 0.6, "mean_intensity": 6.0, "hurt": 4, "count": 4}
    assert data["triggers"][0] == {"trigger": "bending", "name": "Bending", "present": 2, "mean_present": 5.0,
                                   "absent": 4, "mean_absent": 4.5}
    assert data["therapies"][1] == {"therapy": "heat", "name": "Heat (hot pack, warm shower)", "group": "physical",
                                    "times_used": 3, "mean_relief": 63.333, "rated": 3}
    assert data["relief_bucket"] == "week"
    assert data["relief_over_time"][0] == {"therapy": "heat", "start": "2026-11-09", "mean_relief": 70.0, "rated": 2}
    otc = data["medication"]["otc"]
    assert (otc["days_used"], otc["uses"], otc["longest_run"], otc["longest_runs"]) == (
        4, 4, 2, [{"first": "2026-11-13", "last": "2026-11-14", "began_before": False}])
    # The entries name no medicine: one row "name not given" per kind, OTC on 10, 13, 14, 16 Nov.
    assert [(m["medicine"], m["days_used"]) for m in data["medication"]["medicines"]] == [
        ("name not given", 4), ("name not given", 1)]
    assert data["medication"]["prescription"]["days_used"] == 1
    assert [(w["week"], w["score"], w["checkins"]) for w in data["peg_weeks"]] == [
        ("2026-W46", 5.0, 2), ("2026-W47", 2.0, 1)]
    # 4.6 - 9.0 = -4.4 as shown; -4.4 / 9.0 = -48.889 %.
    assert data["change"]["previous"]["mean"] == 9.0 and data["change"]["mean_difference"] == -4.4
    assert data["change"]["relative_change"] == -48.889
    assert [(e["day"], e["label"]) for e in data["events"]] == [("2026-11-13", "Fall"),
                                                                ("2026-11-13", "Fracture mid back T8")]


def test_text_prints_tables_and_charts_within_80_columns(small, run_cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    result = run_cli("trends", *WEEK)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Trends — me — 10 Nov 2026 – 16 Nov 2026 (7 days)" in out
    assert "5 of 7" in out and "71%" in out and "14%" in out  # days logged, this period and the one before
    assert "Lower back" in out and "60%" in out
    assert "Pain, 10 Nov 2026 – 16 Nov 2026" in out
    assert "^ worst  v least  o mean  ▞ 7-day rolling mean" in out
    assert "events: F fall, X fracture" in out
    assert "13–14 Nov 2026" in out  # the longest run of OTC days
    assert "do not say what caused the pain" in out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "\x1b[" not in out  # not a terminal: no colour codes


def test_the_other_profile_and_all_range(small, run_cli):
    result = run_cli("--profile", "Ann", "trends", "--range", "all", "--until", "2026-11-20", "--format", "json")
    data = json.loads(result.output)
    assert data["period"] == {"since": "2026-11-10", "until": "2026-11-20", "days": 11}
    assert (data["summary"]["entries"], data["summary"]["mean"]) == (1, 10.0)


def test_an_empty_range_says_so(small, run_cli):
    result = run_cli("trends", "--since", "2026-01-01", "--until", "2026-01-31")
    assert result.exit_code == 0
    assert "No entries in this range: nothing to chart." in result.output
    data = json.loads(run_cli("trends", "--since", "2026-01-01", "--until", "2026-01-31", "--format", "json").output)
    assert data["summary"]["entries"] == 0 and data["summary"]["mean"] is None and data["daily"] == []


@pytest.mark.parametrize("args, sentence", [
    (("--range", "5x"), "osteotrack: Unknown range '5x'; use 2w, 3m, 1y, all, or a number with d, w, m or y"),
    (("--since", "2026-11-16", "--until", "2026-11-10"),
     "osteotrack: The since day (2026-11-16) is after the until day (2026-11-10); give the earlier day first."),
    (("--range", "2w", "--since", "2026-11-01"), "osteotrack: Give either a range or a since day, not both"),
    (("--until", "2999-01-01"), "osteotrack: The day 2999-01-01 is in the future"),
    (("--since", "someday"), "osteotrack: Could not read the day 'someday'"),
])
def test_bad_ranges_exit_2_with_one_sentence(small, run_cli, args, sentence):
    result = run_cli("trends", *args)
    assert result.exit_code == 2
    assert result.output.startswith(sentence)
    assert "Traceback" not in result.output


def test_no_diary_yet(run_cli, db_path):
    result = run_cli("trends")
    assert result.exit_code == 2 and "There is no diary at" in result.output
    assert not db_path.exists()

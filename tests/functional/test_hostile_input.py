"""Hostile input on the command line: odd dates, odd diary paths, hostile import files, extremes.

Each answer is one sentence and exit status 2 with the diary unchanged (issue 12), never a
traceback, a hang or a memory blow-up.
"""

from __future__ import annotations

import pytest

from tests.functional.helpers import assert_refused, digest


@pytest.fixture
def logged(run_cli, db_path):
    run_cli("log", "--pain", "4", "--at", "2026-11-20T10:00+01:00")
    return db_path


@pytest.mark.parametrize("args, sentence", [
    (["log", "--pain", "3", "--at", "0001-01-01"], "The time '0001-01-01' is before 1900"),
    (["event", "fall", "--at", "0001-01-01"], "The time '0001-01-01' is before 1900"),
    (["log", "--pain", "3", "--at", "9" * 5000 + " min ago"], "is before 1900"),
    (["trends", "--since", "0001-01-01"], "The day '0001-01-01' is before 1900; only days from 1900 to today"),
    (["trends", "--range", "all", "--until", "0001-01-01"], "The day '0001-01-01' is before 1900"),
    (["trends", "--until", "0001-01-01"], "The day '0001-01-01' is before 1900"),
    (["report", "--since", "0001-01-01"], "The day '0001-01-01' is before 1900"),
    (["checkin", "--pain", "3", "--day", "0001-01-01"], "The day '0001-01-01' is before 1900"),
    (["checkin", "--pain", "3", "--day", "1899-12-31"], "The day '1899-12-31' is before 1900"),
    (["list", "--since", "0001-01-01"], "The day '0001-01-01' is before 1900"),
])
def test_odd_dates_are_one_sentence(run_cli, logged, args, sentence):
    before = digest(logged)
    result = run_cli(*args)
    assert_refused(result, sentence)
    assert digest(logged) == before


def test_a_default_range_near_1900_starts_in_1900(run_cli, logged):
    # 1900-01-05 minus the default 3 months is in 1899: the range starts on 1 Jan 1900 instead of
    # saying "The range 'None' reaches back before 1900".
    result = run_cli("trends", "--until", "1900-01-05", "--format", "json")
    assert result.exit_code == 0, result.output
    assert '"since": "1900-01-01"' in result.output

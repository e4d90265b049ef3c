"""Hostile input on the command line: odd dates, odd diary paths, hostile import files, extremes.

Each answer is one sentence and exit status 2 with the diary unchanged (issue 12), never a
traceback, a hang or a memory blow-up.
"""

from __future__ import annotations

import os

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


# -- the diary path: a FIFO, a link loop, a dangling link ---------------------

@pytest.fixture
def odd_paths(tmp_path, run_cli, db_path):
    import os

    run_cli("log", "--pain", "3", "--at", "2026-11-20T10:00+01:00")
    run_cli("backup", str(tmp_path / "copy.db"))
    os.mkfifo(tmp_path / "fifo")
    os.symlink("loop-b", tmp_path / "loop-a")
    os.symlink("loop-a", tmp_path / "loop-b")
    os.symlink("nowhere.db", tmp_path / "dangling")
    return tmp_path


@pytest.mark.parametrize("name, sentence", [
    ("fifo", "fifo is a named pipe (FIFO), not a diary file"),
    ("loop-a", "too many levels of symbolic links"),
    ("dangling", "dangling is a symbolic link to nowhere.db, which does not exist"),
])
@pytest.mark.parametrize("args", [["list"], ["log", "--pain", "3"], ["backup"], ["--read-only", "list"],
                                  ["restore", "COPY", "--yes"]])
def test_a_diary_path_that_is_no_file_is_refused_unopened(odd_paths, name, sentence, args):
    from click.testing import CliRunner

    from osteotrack.cli import cli

    before = sorted(os.listdir(odd_paths))
    args = [str(odd_paths / "copy.db") if a == "COPY" else a for a in args]
    result = CliRunner().invoke(cli, ["--db", str(odd_paths / name), *args])
    assert_refused(result, sentence)
    assert sorted(os.listdir(odd_paths)) == before  # nothing made, no link replaced
    assert os.path.islink(odd_paths / "dangling")


def test_restore_from_a_fifo_is_refused_unopened(odd_paths, run_cli):
    assert_refused(run_cli("restore", str(odd_paths / "fifo"), "--yes"), "is a named pipe (FIFO)")


def test_remind_with_a_fifo_says_so_and_returns_at_once(odd_paths, run_process):
    # A real process: reading a FIFO with no writer would block it for ever (the time limit catches that).
    result = run_process("--db", str(odd_paths / "fifo"), "remind", db=False)  # its own limit: 120 s
    assert result.returncode == 0
    assert "cannot check today's entries: " in result.stderr and "named pipe (FIFO)" in result.stderr

"""Command-line polish met by real users (issue 13): one style for usage errors, help summaries that
end their sentence, a quiet closed pipe, options only where they mean something, plurals."""

from __future__ import annotations

import subprocess
import sys

import pytest

from osteotrack.cli import cli
from tests.conftest import ROOT
from tests.functional.helpers import assert_refused


@pytest.mark.parametrize("args, message, hint", [
    (["log"], "Missing option '--pain'.", "See 'cli log --help'."),
    (["lst"], "No such command 'lst'.", "See 'cli --help'."),
    (["list", "--kind", "foo"], "Invalid value for '--kind'", "See 'cli list --help'."),
    (["list", "--limit", "0"], "Invalid value for '--limit'", "See 'cli list --help'."),
    (["entry", "show"], "Missing argument 'ID'.", "See 'cli entry show --help'."),
    (["backup", "--profile", "x"], "No such option '--profile'", "See 'cli backup --help'."),
])
def test_usage_errors_are_one_sentence_with_a_hint_and_exit_2(run_cli, args, message, hint):
    result = run_cli(*args)
    assert_refused(result, message)
    assert result.stderr.rstrip().endswith(hint) and "Usage:" not in result.output


@pytest.mark.parametrize("command", ["backup", "restore", "overview", "demo"])
def test_whole_diary_commands_do_not_offer_profile_or_read_only(command):
    names = {opt for param in cli.commands[command].params for opt in param.opts}
    assert not names & {"--profile", "--read-only"}
    assert {"--profile", "--read-only"} <= {opt for param in cli.commands["list"].params for opt in param.opts}


def test_no_command_summary_stops_mid_sentence(run_cli):
    for group in ([], ["vocab"], ["question"], ["profile"], ["entry"], ["event"], ["treatment"]):
        out = run_cli(*group, "--help").output
        assert "..." not in out.split("Commands:")[1], (group, out)
    assert "Add your own term: a location, quality, trigger or therapy." in run_cli("vocab", "--help").output


def test_a_closed_pipe_ends_quietly(db_path, tmp_path):
    env = {"PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(tmp_path / "xdg"), "PATH": "/usr/bin:/bin"}
    command = f"{sys.executable} -m osteotrack --db {db_path} vocab | head -1"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=env, timeout=60)
    assert done.stdout == "locations:\n"
    assert done.stderr == ""  # was "Cannot use a file: broken pipe."


def test_plurals_and_whose_diary(run_cli, db_path, tmp_path):
    assert run_cli("checkin", "--pain", "3").exit_code == 0
    assert run_cli("log", "--pain", "3").exit_code == 0
    export = tmp_path / "one.json"
    assert run_cli("export", "-o", str(export)).exit_code == 0
    other = tmp_path / "other.db"
    result = invoke_on(["--db", str(other), "import", str(export)])
    assert "Imported 1 entry, 1 check-in, 0 events, 0 questions" in result.output
    assert run_cli("profile", "use", "me").output.startswith("Now using your diary (profile 'me');")


def invoke_on(args):
    from click.testing import CliRunner

    return CliRunner().invoke(cli, args, catch_exceptions=False)

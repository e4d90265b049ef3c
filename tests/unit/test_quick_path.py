"""The quick `log` and `list --format json` paths read exactly what click's commands read, and hand everything
else to click."""

import ast
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import click
import pytest
from click.testing import CliRunner

from osteotrack.cli import cli
from osteotrack.cli.quick import (
    GLOBAL_FLAGS,
    GLOBAL_OPTIONS,
    LIST_FLAGS,
    LIST_OPTIONS,
    LOG_FLAGS,
    LOG_OPTIONS,
    parse,
    parse_list,
)
from tests.conftest import ROOT


def run_loading(argv: list[str], watched: tuple[str, ...], env: dict | None = None,
                site: bool = True) -> tuple[subprocess.CompletedProcess, list[str]]:
    """``osteotrack argv`` in a fresh interpreter (exit status 0 asserted there): the process, and which of the
    modules ``watched`` it loaded. ``site=False`` leaves out the site hooks (an editable install's loads re)."""
    code = ("import sys; from osteotrack.cli import main; "
            f"sys.argv = ['osteotrack', *{argv!r}]\n"
            "try:\n    main()\nexcept SystemExit as done:\n    assert done.code == 0, done.code\n"
            f"print(sorted(m for m in {watched!r} if m in sys.modules), file=sys.stderr)")
    out = subprocess.run([sys.executable, *([] if site else ["-S"]), "-c", code], cwd=ROOT, capture_output=True,
                         text=True, env={"PYTHONPATH": str(ROOT), "PATH": "", **(env or {})})
    assert out.returncode == 0, out.stderr
    return out, ast.literal_eval(out.stderr.strip().splitlines()[-1])  # the list printed last


def click_options(command: click.Command) -> tuple[dict, dict]:
    """(value options, flags) of a click command, in the quick path's shape."""
    options, flags = {}, {}
    for param in command.params:
        if not isinstance(param, click.Option) or param.name in ("help", "version"):
            continue
        for name in param.opts:
            if param.is_flag:
                flags[name] = param.name
            else:
                options[name] = (param.name, param.multiple)
    return options, flags


def test_the_quick_path_knows_exactly_the_options_of_click():
    assert click_options(cli.commands["log"]) == (LOG_OPTIONS, LOG_FLAGS)
    assert click_options(cli.commands["list"]) == (LIST_OPTIONS, LIST_FLAGS)
    assert click_options(cli) == (GLOBAL_OPTIONS, GLOBAL_FLAGS)


def test_plain_log_command_lines_are_read():
    values = parse(["--db", "x.db", "--profile=anna", "log", "--pain", "6", "--where", "lower-back:7",
                    "--where=T8:6", "--doctor", "--at", "yesterday 19:00", "--med", "ibuprofen 400 mg"])
    assert values["db"] == "x.db" and values["profile"] == "anna" and values["pain"] == "6"
    assert values["sites"] == ["lower-back:7", "T8:6"] and values["doctor"] is True
    assert values["at"] == "yesterday 19:00" and values["meds"] == ["ibuprofen 400 mg"]
    assert parse(["log", "--pain", "3", "--pain", "4"])["pain"] == "4"  # the last one wins, as in click


@pytest.mark.parametrize("argv", [
    [], ["list"], ["log"], ["log", "--where", "neck:3"], ["log", "--pain", "3", "--help"], ["log", "-h"],
    ["--version"], ["log", "--pain"], ["log", "--pain", "3", "--note"], ["log", "--pain", "3", "extra"],
    ["log", "--pain", "3", "--unknown", "x"], ["log", "--pain", "3", "--note", "-starts-with-dash"],
    ["--help", "log", "--pain", "3"], ["log", "--pain", "3", "--doctor=yes"], ["log", "--pain", "3", "--"],
])
def test_everything_else_goes_to_click(argv):
    assert parse(argv) is None


@pytest.mark.parametrize("lang, extra", [("en", []), ("es", ["--at", "ayer 19:00"]), ("de", ["--at", "vor 2 Std."])])
def test_the_quick_path_does_not_import_click_nor_babel(db_path, lang, extra):
    # A log in another language pays for its catalog and nothing else: no Babel, not even gettext's reader. Nor does
    # it load dataclasses (with inspect, ast, dis and tokenize): the records it makes are written by hand
    # (domain/record_base.py); nor typing (4 ms; a `from typing import Any` for an annotation had crept back in), nor
    # the records a log does not make (check-ins, events, questions, profiles) or the store's parts for them.
    from osteotrack.store import Diary

    Diary.open(db_path).close()  # building a new diary needs sqlite-utils; logging into one does not
    out, loaded = run_loading(
        ["--db", str(db_path), "log", "--pain", "4", *extra],
        ("click", "click_default_group", "textual", "rich", "sqlite_utils", "pyrage", "platformdirs", "babel",
         "gettext", "dataclasses", "inspect", "ast", "dis", "tokenize", "typing", "osteotrack.domain.more_records",
         "osteotrack.store.checkins", "osteotrack.store.events", "osteotrack.store.questions"),
        env={"OSTEOTRACK_LANG": lang})
    assert out.stdout.count("\n") == 1  # the confirming line
    assert loaded == []


def test_a_log_without_a_time_reads_no_pattern_nor_loads_contextlib(db_path):
    # Without --at nothing reads a regular expression: no re, nor the enum it loads (a tenth of a log's work); and the
    # context managers on its path are classes (no contextlib, 2 %). Without the site hooks (-S): an editable
    # install's own hook loads re before anything of ours.
    from osteotrack.store import Diary

    Diary.open(db_path).close()
    out, loaded = run_loading(["--db", str(db_path), "log", "--pain", "4", "--where", "lower-back:6", "--trigger",
                               "bending", "--therapy", "heat:60", "--note", "after the garden"],
                              ("re", "enum", "dataclasses", "contextlib"), site=False)
    assert "Lower back 6" in out.stdout
    assert loaded == []


def test_the_app_opens_without_click_from_global_options_alone(db_path, tmp_path):
    from osteotrack.store import Diary

    Diary.open(db_path).close()
    code = ("import sys; from osteotrack.cli import main; "
            f"sys.argv = ['osteotrack', '--db', {str(db_path)!r}, '--read-only']\n"
            "try:\n    main()\nexcept SystemExit as done:\n    assert done.code == 0, done.code\n"
            "print(sorted(m for m in ('click', 'textual') if m in sys.modules), file=sys.stderr)")
    # Headless, to the first painted Today screen and out (as the benchmark starts it).
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "", "OSTEOTRACK_EXIT_AFTER_PAINT": "1",
                              "XDG_DATA_HOME": str(tmp_path)}, timeout=60)
    assert out.stderr.strip().splitlines()[-1] == "['textual']", out.stderr


def test_a_bad_language_for_the_app_goes_to_click_which_names_the_languages():
    from osteotrack.cli.quick import open_app

    assert open_app(["--lang", "xx"]) is None
    assert open_app(["--db", "x.db", "--help"]) is None


def test_plain_list_json_command_lines_are_read():
    values = parse_list(["--db", "x.db", "list", "--format", "json", "--since=30d ago", "--until", "today",
                         "--limit", "20", "--kind", "entries", "--profile", "anna", "--read-only"])
    assert values == {"db": "x.db", "profile": "anna", "read_only": True, "lang": None, "since": "30d ago",
                      "until": "today", "limit": 20}
    assert parse_list(["list", "--format=json"])["limit"] is None


@pytest.mark.parametrize("argv", [
    ["list"], ["list", "--format", "csv"], ["list", "--format", "JSON"], ["list", "--format", "json", "--kind",
    "checkins"], ["list", "--format", "json", "--limit", "0"], ["list", "--format", "json", "--limit", "+3"],
    ["list", "--format", "json", "--limit", "٣"], ["list", "--format", "json", "--help"],
    ["list", "--format", "json", "--since"], ["list", "--format", "json", "extra"], ["log", "--format", "json"],
])
def test_every_other_list_goes_to_click(argv):
    # Another kind or format, a limit click reads its own way (or refuses), help, a missing value.
    assert parse_list(argv) is None


def test_the_quick_list_does_not_import_click_and_writes_what_click_writes(db_path):
    from osteotrack.domain.records import Entry
    from osteotrack.store import Diary

    with Diary.open(db_path) as diary:
        diary.profile(diary.active_profile()).add_entry(Entry(at=datetime.now(timezone.utc), pain=4, note="ça"))
    args = ["--db", str(db_path), "list", "--format", "json"]
    out, loaded = run_loading(args, ("click", "rich", "sqlite_utils", "babel", "dataclasses", "ast"))
    assert loaded == []
    assert out.stdout == CliRunner().invoke(cli, args).stdout  # click's list, the same text
    assert '"note": "ça"' in out.stdout


def test_a_closed_pipe_ends_the_quick_list_quietly(db_path):
    from osteotrack.domain.records import Entry
    from osteotrack.store import Diary

    with Diary.open(db_path) as diary:
        person = diary.profile(diary.active_profile())
        for hours in range(1, 400):  # more than a pipe holds
            person.add_entry(Entry(at=datetime.now(timezone.utc).replace(microsecond=0) - timedelta(hours=hours),
                                   pain=hours % 11, note="x" * 200))
    command = f"{sys.executable} -m osteotrack --db {db_path} list --format json | head -1; exit ${{PIPESTATUS[0]}}"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert (done.stdout, done.stderr, done.returncode) == ("[\n", "", 1)  # as click ends: quietly, status 1

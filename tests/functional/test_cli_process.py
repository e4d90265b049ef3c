"""The command line as real processes: where the diary lives, its permissions, clean failures."""

import json
import stat

import pytest

from tests.functional.helpers import digest, entries


def refused(result, message: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stderr.startswith("osteotrack: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_log_as_a_process_confirms_in_one_line(run_process, db_path):
    result = run_process("log", "--pain", "6", "--where", "lower-back:7", "--where", "rib-left:4",
                         "--trigger", "bending", "--therapy", "heat:60", "--therapy", "otc-pain-medication:40",
                         "--med", "ibuprofen 400 mg", "--quality", "aching", "--note", "after gardening",
                         "--doctor", "--at", "yesterday 19:00")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 1 and result.stdout.startswith("Logged ") and result.stderr == ""
    [stored] = entries(db_path)
    assert stored.pain == 6 and stored.therapies[1].medication == "ibuprofen" and stored.for_doctor


def test_quick_and_click_paths_say_and_store_the_same(run_process, run_cli, db_path, tmp_path):
    args = ["log", "--pain", "5", "--where", "T8:6", "--trigger", "lifting", "--therapy", "brace:30",
            "--at", "2026-11-20T08:15+01:00", "--by", "Anna"]
    quick = run_process(*args)
    slow = run_cli(*args)
    assert quick.returncode == 0 and slow.exit_code == 0
    first, second = entries(db_path)
    assert quick.stdout[:-20] == slow.stdout[:-20]  # all but the id
    second.id = first.id
    assert first == second


@pytest.mark.parametrize("args, message", [
    (["log", "--pain", "11"], "Pain must be a whole number from 0 to 10; got '11'."),
    (["log", "--pain", "5", "--where", "lowerback:3"], "Unknown location 'lowerback'; did you mean lower-back"),
    (["log", "--pain", "5", "--at", "2999-01-01"], "is in the future"),
    (["--profile", "nobody", "log", "--pain", "5"], "There is no profile named 'nobody'"),
    (["--profile", "nobody", "list"], "There is no profile named 'nobody'"),
    (["event", "dxa"], "A DXA result needs its T-score"),
    (["checkin"], "A check-in needs at least one answer"),
])
def test_bad_input_as_a_process(run_process, db_path, args, message):
    assert run_process("log", "--pain", "2").returncode == 0
    before = digest(db_path)
    refused(run_process(*args), message)
    assert digest(db_path) == before


def test_a_broken_diary_file_is_one_sentence(run_process, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 50)
    before = digest(junk)
    refused(run_process("--db", str(junk), "log", "--pain", "3", db=False), "is not an osteotrack diary")
    refused(run_process("--db", str(junk), "list", db=False), "is not an osteotrack diary")
    assert digest(junk) == before


def test_a_malformed_import_as_a_process(run_process, db_path, tmp_path):
    assert run_process("log", "--pain", "2").returncode == 0
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "osteotrack-diary", "format_version": 1, "profiles": [
        {"name": "me", "entries": [{"id": "x1", "at": "2026-01-01T10:00:00Z", "pain": 3, "triggers": ["flying"]}]}]}))
    before = digest(db_path)
    refused(run_process("import", str(bad)), "In entry 1 of profile 'me': unknown trigger 'flying'")
    assert digest(db_path) == before


def test_the_default_diary_is_private(run_process, tmp_path):
    xdg = tmp_path / "xdg"
    result = run_process("log", "--pain", "3", db=False)
    assert result.returncode == 0, result.stderr
    diary = xdg / "osteotrack" / "diary.db"
    assert stat.S_IMODE(diary.stat().st_mode) == 0o600
    assert stat.S_IMODE(diary.parent.stat().st_mode) == 0o700
    assert len(entries(diary)) == 1
    # the click path creates it the same way
    other_xdg = tmp_path / "xdg2"
    assert run_process("checkin", "--mood", "5", db=False, env={"XDG_DATA_HOME": str(other_xdg)}).returncode == 0
    assert stat.S_IMODE((other_xdg / "osteotrack" / "diary.db").stat().st_mode) == 0o600
    assert stat.S_IMODE((other_xdg / "osteotrack").stat().st_mode) == 0o700


def test_db_option_and_environment_variable(run_process, tmp_path):
    by_env = tmp_path / "env" / "mine.db"
    result = run_process("log", "--pain", "4", db=False, env={"OSTEOTRACK_DB": str(by_env)})
    assert result.returncode == 0, result.stderr
    assert len(entries(by_env)) == 1 and not (tmp_path / "xdg" / "osteotrack" / "diary.db").exists()
    assert stat.S_IMODE(by_env.parent.stat().st_mode) == 0o700
    by_option = tmp_path / "opt.db"
    # --db wins over the environment variable
    assert run_process("--db", str(by_option), "log", "--pain", "5", db=False,
                       env={"OSTEOTRACK_DB": str(by_env)}).returncode == 0
    assert [e.pain for e in entries(by_option)] == [5] and len(entries(by_env)) == 1
    listed = run_process("list", "--format", "json", db=False, env={"OSTEOTRACK_DB": str(by_env)})
    assert [r["pain"] for r in json.loads(listed.stdout)] == [4]


def test_profiles_by_name(run_process, db_path):
    assert run_process("log", "--pain", "4").returncode == 0
    from osteotrack.store import Diary

    with Diary.open(db_path) as diary:
        diary.add_profile("Anna")
    assert run_process("--profile", "Anna", "log", "--pain", "7").returncode == 0
    assert [e.pain for e in entries(db_path, "Anna")] == [7]
    assert [e.pain for e in entries(db_path)] == [4]


def test_log_help_names_the_contract(run_process):
    # The bare command opens the app: tests/functional/test_tui_app.py drives it.
    helped = run_process("log", "--help")
    assert helped.returncode == 0 and "SITE:N" in helped.stdout and "THERAPY:RELIEF" in helped.stdout


def test_the_default_demo_goes_beside_the_default_diary_never_into_it(run_process, tmp_path):
    assert run_process("log", "--pain", "3", db=False).returncode == 0
    folder = tmp_path / "xdg" / "osteotrack"
    before = digest(folder / "diary.db")
    made = run_process("demo", "--years", "0.1", "--seed", "3", db=False)
    assert made.returncode == 0, made.stderr
    assert (folder / "demo.db").exists() and stat.S_IMODE((folder / "demo.db").stat().st_mode) == 0o600
    assert digest(folder / "diary.db") == before and len(entries(folder / "diary.db")) == 1
    refused(run_process("demo", "--db", str(folder / "diary.db"), "--force", db=False), "is your diary")
    assert digest(folder / "diary.db") == before


def test_a_diary_from_a_newer_version_is_refused_as_a_process(run_process, db_path):
    import sqlite3

    assert run_process("log", "--pain", "2").returncode == 0
    con = sqlite3.connect(db_path)
    con.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                "VALUES ('osteotrack', 'm999_future', '2030-01-01')")
    con.commit()
    con.close()
    before = digest(db_path)
    refused(run_process("log", "--pain", "3"), "was written by a newer version of osteotrack")
    refused(run_process("list"), "upgrade osteotrack to open it")
    assert digest(db_path) == before

"""`list`, `export`, `import`, `vocab` and `demo` through click's runner."""

import csv
import io
import json
import zipfile
from datetime import date, timedelta

import pytest

from osteotrack.demo import write_demo
from osteotrack.domain.dates import day
from osteotrack.store import Diary
from osteotrack.store.transfer import export_document
from tests.functional.helpers import assert_refused, diaries_made_later, digest, entries
from tests.support import without_sync

DAY = date.today()


def iso(days_ago: int, hour: int = 10) -> str:
    return f"{DAY - timedelta(days=days_ago)}T{hour:02d}:00"


@pytest.fixture
def small_diary(run_cli):
    """Four entries on days -10, -5, -5 (later) and -1; a check-in, an event and a question."""
    for days, hour, pain in ((10, 9, 2), (5, 8, 4), (5, 20, 6), (1, 12, 8)):
        assert run_cli("log", "--pain", str(pain), "--where", "lower-back:3", "--at", iso(days, hour)).exit_code == 0
    run_cli("checkin", "--pain", "4", "--day", str(DAY - timedelta(days=2)))
    run_cli("event", "fall", "--at", iso(3))
    run_cli("question", "Is it safe to garden?")
    return run_cli


def test_list_table_newest_first(small_diary):
    result = small_diary("list")
    assert result.exit_code == 0
    text = result.stdout
    assert "Entries — me" in text
    days = [day(DAY - timedelta(days=d)) for d in (1, 5, 10)]  # as people read a day: "30 Nov 2026"
    assert text.index(days[0]) < text.index(days[1]) < text.index(days[2])


def test_list_json_with_range_and_limit(small_diary):
    rows = json.loads(small_diary("list", "--format", "json").stdout)
    assert [r["pain"] for r in rows] == [8, 6, 4, 2]
    assert rows[0]["sites"] == [{"location": "lower-back", "intensity": 3, "level": None}]
    ranged = json.loads(
        small_diary(
            "list", "--format", "json", "--since", str(DAY - timedelta(days=5)), "--until", str(DAY - timedelta(days=2))
        ).stdout
    )
    assert [r["pain"] for r in ranged] == [6, 4]
    assert [r["pain"] for r in json.loads(small_diary("list", "--format", "json", "--limit", "2").stdout)] == [8, 6]
    since_words = json.loads(small_diary("list", "--format", "json", "--since", "7d ago").stdout)
    assert [r["pain"] for r in since_words] == [8, 6, 4]


def test_list_csv_and_other_kinds(small_diary):
    rows = list(csv.DictReader(io.StringIO(small_diary("list", "--format", "csv").stdout)))
    assert [r["pain"] for r in rows] == ["8", "6", "4", "2"] and rows[0]["sites"] == "lower-back:3"
    checkins = json.loads(small_diary("list", "--kind", "checkins", "--format", "json").stdout)
    assert [c["peg_pain"] for c in checkins] == [4]
    events = list(csv.DictReader(io.StringIO(small_diary("list", "--kind", "events", "--format", "csv").stdout)))
    assert [e["kind"] for e in events] == ["fall"]
    questions = json.loads(small_diary("list", "--kind", "questions", "--format", "json").stdout)
    assert [q["text"] for q in questions] == ["Is it safe to garden?"]


def test_list_refusals(small_diary):
    assert_refused(
        small_diary("list", "--since", str(DAY), "--until", str(DAY - timedelta(days=3))), "is after --until"
    )
    assert_refused(small_diary("list", "--since", "the other day"), "Could not read the day 'the other day'")
    assert small_diary("list", "--since", str(DAY)).stdout.strip() == "Nothing recorded in that range."


def test_export_import_round_trip_and_idempotence(small_diary, tmp_path, monkeypatch):
    out = tmp_path / "diary.json"
    result = small_diary("export", "--format", "json", "-o", str(out))
    assert result.exit_code == 0 and result.stdout.strip() == f"Wrote {out}"
    assert out.stat().st_mode & 0o777 == 0o600
    diaries_made_later(monkeypatch)
    other = tmp_path / "other.db"
    from click.testing import CliRunner

    from osteotrack.cli import cli

    first = CliRunner().invoke(cli, ["--db", str(other), "import", str(out)])
    assert first.exit_code == 0, first.output
    assert first.stdout.strip() == "Imported 4 entries, 1 check-in, 1 event, 1 question; 0 already in the diary."
    again = CliRunner().invoke(cli, ["--db", str(other), "import", str(out)])
    assert again.stdout.strip() == "Imported 0 entries, 0 check-ins, 0 events, 0 questions; 7 already in the diary."
    with Diary.open(other) as copy:
        assert json.loads(out.read_text()) == export_document(copy)


def test_export_refuses_to_overwrite_without_force(small_diary, tmp_path):
    out = tmp_path / "diary.json"
    out.write_text("keep me")
    assert_refused(small_diary("export", "-o", str(out)), "already exists; choose another name or pass --force")
    assert out.read_text() == "keep me"
    assert small_diary("export", "-o", str(out), "--force").exit_code == 0
    assert json.loads(out.read_text())["format"] == "osteotrack-diary"


def test_export_to_a_place_that_cannot_be_written(small_diary, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert_refused(small_diary("export", "-o", str(blocker / "diary.json")), "Cannot write")
    assert_refused(small_diary("export", "-o", str(tmp_path)), "is a folder; give a file name")


def test_export_to_stdout_and_csv_zip(small_diary, tmp_path):
    document = json.loads(small_diary("export", "-o", "-").stdout)
    assert len(document["profiles"][0]["entries"]) == 4
    target = tmp_path / "diary.zip"
    assert small_diary("export", "--format", "csv", "-o", str(target)).exit_code == 0
    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == [
            "checkins.csv",
            "doses.csv",
            "entries.csv",
            "events.csv",
            "falls_checks.csv",
            "heights.csv",
            "impressions.csv",
            "questions.csv",
            "side_effects.csv",
            "treatments.csv",
        ]
        rows = list(csv.DictReader(io.StringIO(archive.read("entries.csv").decode())))
    assert sorted(int(r["pain"]) for r in rows) == [2, 4, 6, 8]


def test_streamed_json_is_the_text_it_always_was(small_diary, db_path):
    # `list` and `export` write as they read; the text is still json.dumps(..., indent=2) of the whole,
    # so files exported before and scripts reading them see no change.
    from osteotrack.domain.records import record_dict

    with Diary.open(db_path) as diary:
        document = export_document(diary)
        listed = [record_dict(e) for e in diary.profile("me").entries()]
    assert small_diary("export", "-o", "-").stdout == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    assert small_diary("list", "--format", "json").stdout == json.dumps(listed, ensure_ascii=False, indent=2) + "\n"
    assert small_diary("list", "--format", "json", "--since", "today").stdout == "[]\n"


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "is not valid JSON (line 1, column 2)"),
        ('{"format": "something-else"}', "This file is not an osteotrack export"),
        ('{"format": "osteotrack-diary", "format_version": 99, "profiles": []}', "made by a newer osteotrack"),
        ('{"format": "osteotrack-diary", "format_version": 1}', "In the file, 'profiles' is missing."),
        (
            '{"format": "osteotrack-diary", "format_version": 1, "profiles": [{"name": "me", "entries": '
            '[{"id": "a1", "at": "2026-01-01T10:00:00+01:00", "pain": 14}]}]}',
            "In entry 1 of profile 'me': pain must be a whole number from 0 to 10",
        ),
        (
            '{"format": "osteotrack-diary", "format_version": 1, "profiles": [{"name": "me", "entries": '
            '[{"id": "a1", "at": "yesterday", "pain": 4}]}]}',
            "'at' is not an ISO date-time",
        ),
        (
            '{"format": "osteotrack-diary", "format_version": 1, "profiles": [{"name": "me", "entries": '
            '[{"id": "a1", "at": "0001-01-01T00:00:00+05:00", "pain": 4}]}]}',
            "is before 1900",
        ),
        ('{"format": "osteotrack-diary", "format_version": 1, "profiles": [{"name": " "}]}',
         "In a profile: a profile needs a name"),
        (
            '{"format": "osteotrack-diary", "format_version": 1, "profiles": [], "vocabulary": ['
            '{"kind": "trigger", "slug": "wind", "name": "Wind"}, '
            '{"kind": "trigger", "slug": "wind", "name": "Gale"}]}',
            "In vocabulary item 2, the trigger 'wind' is listed twice.",
        ),
        ("[1, 2, 3]", "This file is not an osteotrack export"),
    ],
)
def test_a_malformed_import_is_refused_and_changes_nothing(small_diary, db_path, tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    before = digest(db_path)
    assert_refused(small_diary("import", str(bad)), message)
    assert digest(db_path) == before


def test_a_malformed_import_does_not_create_a_diary(tmp_path):
    from click.testing import CliRunner

    from osteotrack.cli import cli

    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "osteotrack-diary", "format_version": 1}')
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "new.db"), "import", str(bad)])
    assert result.exit_code == 2 and not (tmp_path / "new.db").exists()


def test_import_of_a_missing_file(run_cli, tmp_path):
    assert_refused(run_cli("import", str(tmp_path / "nope.json")), "There is no file at")


def test_vocab_list_add_hide_show(run_cli, db_path):
    listing = run_cli("vocab").stdout
    assert "locations:" in listing and "therapies:" in listing and "lower-back" in listing
    assert "otc-pain-medication" in run_cli("vocab", "list", "therapy").stdout
    assert run_cli("vocab", "add", "trigger", "gardening", "Gardening").stdout.strip() == (
        "Added trigger gardening (Gardening)."
    )
    assert "gardening" in run_cli("vocab", "list", "trigger").stdout
    assert run_cli("log", "--pain", "4", "--trigger", "gardening", "--trigger", "housework").exit_code == 0
    assert run_cli("vocab", "hide", "trigger", "housework").exit_code == 0
    assert "housework" not in run_cli("vocab", "list", "trigger").stdout
    assert "housework" in run_cli("vocab", "list", "trigger", "--all").stdout
    assert entries(db_path)[0].triggers == ["gardening", "housework"]  # hiding changes no entry
    assert run_cli("log", "--pain", "4", "--trigger", "housework").exit_code == 0  # and stays usable
    assert run_cli("vocab", "show", "trigger", "housework").exit_code == 0
    assert "housework" in run_cli("vocab", "list", "trigger").stdout
    before = digest(db_path)
    assert_refused(run_cli("vocab", "add", "trigger", "bending", "Bending"), "slugs are never reused")
    assert_refused(run_cli("vocab", "add", "therapy", "tens", "TENS"), "A therapy's group is one of")
    assert_refused(run_cli("vocab", "hide", "trigger", "bendin"), "Unknown trigger 'bendin'; did you mean bending")
    assert digest(db_path) == before
    assert run_cli("vocab", "add", "therapy", "tens", "TENS", "--group", "physical").exit_code == 0


# -- the demo --------------------------------------------------------------


def test_the_demo_is_reproducible(tmp_path, monkeypatch):
    end = date(2026, 11, 24)
    docs = []
    for name in ("a.db", "b.db"):
        diaries_made_later(monkeypatch, days=len(docs))  # made on different days
        write_demo(tmp_path / name, years=0.5, seed=7, end=end)
        with Diary.open(tmp_path / name, read_only=True) as diary:
            docs.append(without_sync(export_document(diary)))
    assert docs[0] == docs[1]
    write_demo(tmp_path / "c.db", years=0.5, seed=8, end=end)
    with Diary.open(tmp_path / "c.db", read_only=True) as diary:
        assert export_document(diary) != docs[0]


def test_the_demo_tells_the_story(tmp_path):
    counts = write_demo(tmp_path / "demo.db", years=1, seed=1, end=date(2026, 11, 24))
    with Diary.open(tmp_path / "demo.db", read_only=True) as diary:
        pid = diary.profile_id("Margaret")
        kinds = {e.kind for e in diary.profile_by_id(pid).events()}
        assert {"fracture", "procedure", "fall", "dxa", "appointment"} <= kinds
        assert [e.procedure for e in diary.profile_by_id(pid).events(kinds=("procedure",))] == ["kyphoplasty"]
        assert (
            counts["entries"] == diary.profile_by_id(pid).count_entries() and 2.5 * 365 < counts["entries"] < 3.5 * 366
        )
        everything = diary.profile_by_id(pid).entries()
    assert any("bending" in e.triggers for e in everything) and any("lifting" in e.triggers for e in everything)
    assert any(t.therapy == "heat" for e in everything for t in e.therapies)


def test_demo_command_writes_its_own_file_and_needs_force_to_redo(run_cli, db_path, tmp_path):
    assert run_cli("log", "--pain", "3").exit_code == 0
    mine = digest(db_path)
    target = tmp_path / "demo.db"
    result = run_cli("demo", "--years", "0.1", "--seed", "2", "--db", str(target))
    assert result.exit_code == 0, result.output
    assert f"demo diary to {target}" in result.stdout
    assert digest(db_path) == mine and len(entries(db_path)) == 1
    assert_refused(run_cli("demo", "--years", "0.1", "--db", str(target)), "pass --force to make it again")
    assert run_cli("demo", "--years", "0.1", "--db", str(target), "--force").exit_code == 0


def test_demo_never_writes_into_the_real_diary(run_cli, db_path, tmp_path):
    assert_refused(run_cli("demo", "--db", str(db_path)), "is your diary")  # not even before it exists
    assert not db_path.exists()
    assert run_cli("log", "--pain", "3").exit_code == 0
    before = digest(db_path)
    assert_refused(run_cli("demo", "--db", str(db_path), "--force"), "is your diary")
    other = tmp_path / "notes.db"
    assert run_cli("demo", "--years", "0.1", "--db", str(other)).exit_code == 0
    with Diary.open(other) as d:
        d.set_setting("demo", None)
    assert_refused(run_cli("demo", "--db", str(other), "--force"), "exists and is not a demo diary")
    assert digest(db_path) == before


def test_export_one_profile_and_import_it_as_another(run_cli, db_path, tmp_path):
    with Diary.open(db_path) as diary:
        diary.add_profile("Anna")
    assert run_cli("--profile", "Anna", "log", "--pain", "7", "--at", iso(2)).exit_code == 0
    assert run_cli("log", "--pain", "1", "--at", iso(2)).exit_code == 0
    out = tmp_path / "anna.json"
    assert run_cli("--profile", "Anna", "export", "-o", str(out)).exit_code == 0
    document = json.loads(out.read_text())
    assert [p["name"] for p in document["profiles"]] == ["Anna"]
    from click.testing import CliRunner

    from osteotrack.cli import cli

    other = tmp_path / "other.db"
    result = CliRunner().invoke(cli, ["--db", str(other), "import", str(out), "--as-profile", "Mum"])
    assert result.exit_code == 0, result.output
    assert [e.pain for e in entries(other, "Mum")] == [7] and entries(other) == []


def test_export_needs_an_existing_diary(run_cli, db_path):
    assert_refused(run_cli("export", "-o", "-"), "There is no diary at")
    assert not db_path.exists()


def test_a_complete_export_into_a_new_diary_gives_the_same_diary_back(run_cli, db_path, tmp_path):
    # The exporting diary: "me" renamed to Margaret, and Dad; Dad is the active profile.
    with Diary.open(db_path) as diary:
        diary.rename_profile("me", "Margaret")
        diary.add_profile("Dad")
        diary.use_profile("Dad")
    assert run_cli("log", "--pain", "6", "--at", iso(2)).exit_code == 0  # Dad's
    assert run_cli("--profile", "Margaret", "log", "--pain", "3", "--at", iso(2)).exit_code == 0
    out = tmp_path / "diary.json"
    assert run_cli("export", "-o", str(out)).exit_code == 0
    from click.testing import CliRunner

    from osteotrack.cli import cli

    other = tmp_path / "new.db"  # a new diary starts with the profile "me"
    assert CliRunner().invoke(cli, ["--db", str(other), "import", str(out)]).exit_code == 0
    with Diary.open(other) as copy:
        # No extra "me", and Dad is active again: a plain `osteotrack report` is about Dad, as before.
        assert sorted(p.name for p in copy.profiles()) == ["Dad", "Margaret"]
        assert copy.active_profile() == "Dad"
        assert json.loads(out.read_text()) == export_document(copy)


def test_an_export_into_a_diary_in_use_keeps_its_profiles_and_active_one(small_diary, db_path, tmp_path):
    out = tmp_path / "diary.json"
    with Diary.open(db_path) as diary:
        diary.rename_profile("me", "Ann")
    assert small_diary("export", "-o", str(out)).exit_code == 0
    with Diary.open(db_path) as diary:
        diary.add_profile("Bob")
        diary.use_profile("Bob")
    assert small_diary("import", str(out)).exit_code == 0
    with Diary.open(db_path) as diary:
        # The diary was in use (two profiles, records): nothing removed, Bob stays active.
        assert sorted(p.name for p in diary.profiles()) == ["Ann", "Bob"] and diary.active_profile() == "Bob"

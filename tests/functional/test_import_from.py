"""``osteotrack import FILE --from flaredown|pain-diary|sheet``: look before you leap, all or nothing, safe to repeat.

The fixture files and the sources they follow are described in tests/unit/test_import_flaredown.py
and tests/pain_diary_backups.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from osteotrack.domain.records import Entry
from osteotrack.store import Diary
from tests.import_support import FIXTURES, entries, local_zone, state
from tests.support import active

SHEET = ("Date,Time,Pain,Where,Trigger,Therapy,Note,Mood\n"
         "2026-03-09,08:30,6,lower back:7,bending,heat:60,\"stiff, \"\"very\"\" stiff\",low\n"
         "2026-03-09,20:00,moderate,T8; left hip,gardening,Ibuprofen 400 mg,,\n"
         "2026-03-10,,eleven,neck,,,,\n")
SHEET_ARGS = ("--from", "sheet", "--date", "Date", "--time", "Time", "--pain", "Pain", "--where", "Where",
              "--trigger", "Trigger", "--therapy", "Therapy", "--note", "Note")


@pytest.fixture(autouse=True)
def berlin():
    with local_zone("Europe/Berlin"):
        yield


@pytest.fixture
def sheet(tmp_path) -> Path:
    path = tmp_path / "pain.csv"
    path.write_text(SHEET, encoding="utf-8")
    return path


def test_the_preview_then_the_questions_then_one_import(run_cli, sheet, db_path):
    result = run_cli("import", str(sheet), *SHEET_ARGS, input="y\ny\n")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:10] == [
        f"Spreadsheet {sheet} → a new diary",
        "  lines read: 3",
        "  entries to create: 2",
        "  lines not imported: 1",
        "    line 4: The pain 'eleven' is not a number from 0 to 10 (like 6 or 6/10) nor none, mild, moderate or "
        "severe.",
        "  names not in your vocabulary: 1",
        "    'Gardening' (trigger, 1 entry) → new trigger 'gardening', or kept in the note",
        "  Pain words: none → 0; mild → 2 (band 1–3); moderate → 5 (4–6); severe → 8 (7–10); marked as estimated "
        "in the note. Pain with a fraction is rounded half up.",
        "  Rows without a time are put at midday; the day is the one written.",
        "  Everything else the file says about an entry is kept in its note.",
    ]
    assert "Add the new names to your vocabulary?" in result.output
    assert "Import 2 entries into a new diary? [y/N]: y" in result.output
    assert result.output.rstrip().endswith(
        "Imported 2 entries, with 1 new name in the vocabulary; 0 already in the diary.")
    first, second = entries(db_path)
    assert (first["at"], first["pain"], first["sites"], first["triggers"], first["therapies"]) == (
        "2026-03-09T08:30:00+01:00", 6, [{"location": "lower-back", "intensity": 7, "level": None}], ["bending"],
        [{"therapy": "heat", "relief": 60, "medication": None, "dose": None}])
    assert first["note"] == 'stiff, "very" stiff\n\nMood: low'
    assert (second["at"], second["pain"], second["triggers"]) == ("2026-03-09T20:00:00+01:00", 5, ["gardening"])
    assert [(s["location"], s["level"]) for s in second["sites"]] == [("mid-back", "T8"), ("hip-left", None)]
    assert second["note"] == "Pain estimated as 5 from the word 'moderate' (its band is 4–6)."
    assert second["therapies"] == [{"therapy": "otc-pain-medication", "relief": None, "medication": "Ibuprofen",
                                    "dose": "400 mg"}]


def test_the_same_file_twice_adds_nothing(run_cli, sheet, db_path):
    assert run_cli("import", str(sheet), *SHEET_ARGS, "--yes").exit_code == 0
    before = state(db_path)
    again = run_cli("import", str(sheet), *SHEET_ARGS, "--yes")
    assert again.exit_code == 0
    assert "  entries to create: 0 (2 already in the diary)" in again.output
    assert again.output.rstrip().endswith("Nothing new to import.")
    assert state(db_path) == before


def test_declining_the_new_names_keeps_them_in_the_note(run_cli, sheet, db_path):
    result = run_cli("import", str(sheet), *SHEET_ARGS, input="n\ny\n")
    assert result.exit_code == 0, result.output
    second = entries(db_path)[1]
    assert second["triggers"] == []
    assert second["note"].endswith("Also: gardening.")
    with Diary.open(db_path, read_only=True) as diary:
        assert "gardening" not in diary.vocabulary().terms["trigger"]


def test_saying_no_or_nothing_stores_nothing(run_cli, sheet, db_path):
    Diary.open(db_path).close()
    before = state(db_path)
    for answer in ("n\nn\n", ""):  # no, then no answer at all (end of input)
        result = run_cli("import", str(sheet), *SHEET_ARGS, input=answer)
        assert result.exit_code == 1
        assert result.output.rstrip().endswith("Nothing was imported.")
        assert state(db_path) == before


def test_a_dry_run_only_shows_and_makes_no_diary(run_cli, sheet, db_path):
    result = run_cli("import", str(sheet), *SHEET_ARGS, "--dry-run")
    assert result.exit_code == 0
    assert "  entries to create: 2" in result.output
    assert result.output.rstrip().endswith("Dry run: nothing was stored.")
    assert not db_path.exists()


def test_into_the_profile_asked_for_and_ids_apart_from_other_profiles(run_cli, sheet, db_path):
    with Diary.open(db_path) as diary:
        diary.add_profile("Mum")
    assert run_cli("import", str(sheet), *SHEET_ARGS, "--yes", "--profile", "Mum").exit_code == 0
    assert run_cli("import", str(sheet), *SHEET_ARGS, "--yes").exit_code == 0
    with Diary.open(db_path, read_only=True) as diary:
        assert diary.profile("Mum").count_entries() == 2
        assert active(diary).count_entries() == 2


def test_flaredown_end_to_end_and_an_older_export_of_the_same_days_adds_nothing(run_cli, tmp_path, db_path):
    result = run_cli("import", str(FIXTURES / "flaredown-2023.csv"), "--from", "flaredown", "--yes")
    assert result.exit_code == 0, result.output
    assert "Imported 3 entries, with 2 new names in the vocabulary; 0 already in the diary." in result.output
    assert [(e["at"], e["pain"]) for e in entries(db_path)] == [
        ("2021-11-01T12:00:00+01:00", 3), ("2022-03-01T04:00:00+01:00", 8), ("2022-03-01T15:05:00+01:00", 5)]
    # The same check-in in an export from before November 2021 (a day without a time) is the same entry.
    older = tmp_path / "data.csv"
    older.write_text('Date,Osteoporosis,Back pain,Tags,Foods\n2021-11-01,1,1,"",""\n', encoding="utf-8")
    again = run_cli("import", str(older), "--from", "flaredown", "--yes")
    assert "  entries to create: 0 (1 already in the diary)" in again.output


def test_pain_diary_end_to_end_with_checkins_and_a_second_import(run_cli, db_path):
    path = FIXTURES / "PfaBackup_20240312T101600Z.zip"
    result = run_cli("import", str(path), "--from", "pain-diary", "--yes")
    assert result.exit_code == 0, result.output
    assert "Imported 3 entries and 2 check-ins, with 3 new names in the vocabulary; 0 already in the diary." \
        in result.output
    with Diary.open(db_path, read_only=True) as diary:
        me = active(diary)
        assert [(c.day.isoformat(), c.mood) for c in me.checkins()] == [("2024-03-10", 3), ("2024-03-11", 8)]
        assert diary.vocabulary().terms["location"]["thigh-right"].name == "Thigh, right"
    before = state(db_path)
    single = FIXTURES / "org.secuso.privacyfriendlypaindiary_2024_03_12_101500.backup"
    again = run_cli("import", str(single), "--from", "pain-diary", "--yes")
    assert again.output.rstrip().endswith("Nothing new to import.")
    assert state(db_path) == before


def test_a_checkin_of_the_diary_wins_over_an_imported_one(run_cli, db_path):
    from datetime import date

    from osteotrack.domain.records import CheckIn

    with Diary.open(db_path) as diary:
        active(diary).save_checkin(CheckIn(day=date(2024, 3, 10), sleep=4))
    result = run_cli("import", str(FIXTURES / "paindiary-decrypted.json"), "--from", "pain-diary", "--yes")
    assert "Imported 3 entries and 1 check-in" in result.output
    with Diary.open(db_path, read_only=True) as diary:
        assert [(c.day.isoformat(), c.sleep, c.mood) for c in active(diary).checkins()] == [
            ("2024-03-10", 4, None), ("2024-03-11", None, 8)]


@pytest.mark.parametrize("args, sentence", [
    (("--from", "sheet", "--date", "Date"),
     "--from sheet needs --date COLUMN and --pain COLUMN (a header or a letter)."),
    (("--from", "flaredown", "--pain", "B"), "--pain only go with --from sheet."),
    (("--dry-run",), "--dry-run go with --from flaredown, pain-diary or sheet; an osteotrack export is imported "
                     "without them."),
    (("--from", "sheet", "--as-profile", "Ann", "--date", "A", "--pain", "B"),
     "--as-profile goes with an osteotrack export; for --from, choose whose diary with --profile NAME."),
    (("--from", "sheet", "--date", "When", "--pain", "Pain"),
     "There is no column 'When' for --date; name one by its header or letter: A 'Date', B 'Time', C 'Pain', "
     "D 'Where', E 'Trigger', F 'Therapy', G 'Note', H 'Mood'."),
])
def test_misuse_is_one_sentence_and_exit_2(run_cli, sheet, db_path, args, sentence):
    result = CliRunner_invoke(db_path, ["import", str(sheet), *args])
    assert result.exit_code == 2
    assert result.output.strip() == f"osteotrack: {sentence}"
    assert not db_path.exists()


def CliRunner_invoke(db_path, args):
    from click.testing import CliRunner

    from osteotrack.cli import cli

    return CliRunner().invoke(cli, ["--db", str(db_path), *args])


def test_a_read_only_diary_previews_then_refuses(run_cli, sheet, db_path):
    with Diary.open(db_path) as diary:
        active(diary).add_entry(Entry(at=__import__("datetime").datetime(2026, 1, 1, 9).astimezone(), pain=3))
    before = state(db_path)
    result = CliRunner_invoke(db_path, ["import", str(sheet), *SHEET_ARGS, "--yes", "--read-only"])
    assert result.exit_code == 2
    assert result.output.rstrip().endswith("This diary is open read-only; nothing can be changed.")
    assert state(db_path) == before


def test_the_existing_export_import_is_unchanged(run_cli, tmp_path, db_path):
    with Diary.open(db_path) as diary:
        active(diary).add_entry(Entry(at=__import__("datetime").datetime(2026, 1, 1, 9).astimezone(), pain=3))
    out = tmp_path / "export.json"
    assert run_cli("export", "-o", str(out)).exit_code == 0
    other = tmp_path / "other.db"
    result = CliRunner_invoke(other, ["import", str(out)])
    assert result.output == "Imported 1 entry, 0 check-ins, 0 events, 0 questions; 0 already in the diary.\n"


def test_records_checked_by_a_plan_still_need_the_diarys_names(db_path):
    from datetime import datetime

    with Diary.open(db_path) as diary:
        me = active(diary)
        stray = Entry(at=datetime(2026, 1, 1, 9).astimezone(), pain=3, triggers=["gardening"], id="a" * 8)
        with pytest.raises(Exception) as caught:
            me.import_records([stray], [], [], checked=True)
        assert str(caught.value).startswith("Unknown trigger 'gardening'")
        assert me.count_entries() == 0


def test_a_missing_file_a_folder_or_the_wrong_kind_is_one_sentence(db_path, tmp_path):
    cases = [
        ([str(tmp_path / "nope.csv"), "--from", "flaredown"], f"There is no file at {tmp_path / 'nope.csv'}."),
        ([str(tmp_path), "--from", "pain-diary"], f"{tmp_path} is a folder; give the path of the file to import."),
        ([str(FIXTURES / "paindiary-decrypted.json"), "--from", "flaredown"],
         f"{FIXTURES / 'paindiary-decrypted.json'} is not a Flaredown export: its first row should start with "
         "'Date' and hold 'Tags' and 'Foods', as the data.csv Flaredown e-mails does."),
    ]
    for args, sentence in cases:
        result = CliRunner_invoke(db_path, ["import", *args, "--yes"])
        assert (result.exit_code, result.output.strip()) == (2, f"osteotrack: {sentence}")
    assert not db_path.exists()


@pytest.mark.parametrize("name, source", [("flaredown-2019.csv", "flaredown"), ("flaredown-2021-10.csv", "flaredown"),
                                          ("paindiary-decrypted.json", "pain-diary")])
def test_names_added_by_one_import_are_known_to_the_next(run_cli, tmp_path, db_path, name, source):
    assert run_cli("import", str(FIXTURES / name), "--from", source, "--yes").exit_code == 0
    with Diary.open(db_path) as diary:  # start again with the entries gone but the new names kept
        me = active(diary)
        for entry in me.entries():
            me.delete_entry(entry.id)
    again = run_cli("import", str(FIXTURES / name), "--from", source, "--dry-run")
    assert "names not in your vocabulary" not in again.output


def test_a_medicine_with_a_dose_is_known_by_its_name_the_second_time(run_cli, tmp_path, db_path):
    path = tmp_path / "pain.csv"
    path.write_text("Date,Pain,Therapy\n2026-03-01,4,Alendronat 70 mg\n2026-03-08,4,Alendronat 70 mg:10\n",
                    encoding="utf-8")
    args = ("--from", "sheet", "--date", "Date", "--pain", "Pain", "--therapy", "Therapy", "--yes")
    assert "'Alendronat' (therapy, 2 entries) → new therapy 'alendronat', medication" in \
        run_cli("import", str(path), *args).output
    first = entries(db_path)[0]  # the dose has no field on a therapy of the user's own: the note keeps it
    assert (first["therapies"][0]["therapy"], first["note"]) == ("alendronat", "Therapy: Alendronat 70 mg.")
    path.write_text("Date,Pain,Therapy\n2026-03-15,4,Alendronat 70 mg\n", encoding="utf-8")
    result = run_cli("import", str(path), *args)
    assert "names not in your vocabulary" not in result.output
    last = entries(db_path)[-1]
    assert (last["therapies"][0]["therapy"], last["note"]) == ("alendronat", "Therapy: Alendronat 70 mg.")

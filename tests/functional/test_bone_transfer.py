"""Bone care survives export and import without loss, and a bad bone record refuses the whole file."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from osteotrack.domain.bone import Dose, FallsCheck, Height, Impression, SideEffect, Treatment
from osteotrack.domain.errors import ValidationError
from osteotrack.domain.records import Event
from osteotrack.store import Diary
from osteotrack.store.transfer import export_document, import_document
from tests.conftest import NOW, TZ
from tests.support import active


def at(y, m, d, hour=9):
    return datetime(y, m, d, hour, tzinfo=TZ)


def fill(diary):
    me = active(diary)
    me.add_treatment(Treatment("alendronate", "1w", date(2026, 1, 5), dose="70 mg", note="with water"), now=NOW)
    me.add_dose(Dose("alendronate", at(2026, 1, 5)), now=NOW)
    me.add_dose(Dose("alendronate", at(2026, 1, 14), note="late"), now=NOW)
    me.stop_treatment("alendronate", date(2026, 6, 30), note="switched", now=NOW)
    me.add_treatment(Treatment("strontium", "1d", date(2026, 7, 1), name="Strontium ranelate"), now=NOW)
    me.add_height(Height(at(2025, 7, 1), 1640), now=NOW)
    me.add_height(Height(at(2026, 7, 1), 1598, note="at the GP"), now=NOW)  # adds a question
    me.add_falls_check(FallsCheck(at(2026, 8, 1), True, False, True), now=NOW)
    me.add_impression(Impression(at(2026, 8, 2), 2, "alendronate", note="steadier"), now=NOW)
    me.add_side_effect(SideEffect("heartburn", "alendronate", at(2026, 1, 6), 4), now=NOW)
    me.add_side_effect(SideEffect("dizzy", "Tramadol", at(2026, 2, 6)), now=NOW)
    me.add_event(Event(kind="near-fall", at=at(2026, 9, 1), note="caught the rail"), now=NOW)
    return diary


def test_export_then_import_gives_back_an_identical_diary(diary, tmp_path):
    document = export_document(fill(diary))
    mine = document["profiles"][0]
    assert [len(mine[k]) for k in ("treatments", "doses", "heights", "falls_checks", "impressions",
                                   "side_effects")] == [2, 2, 2, 1, 1, 2]
    assert mine["heights"][1]["mm"] == 1598 and mine["treatments"][0]["stopped"] == "2026-06-30"
    assert mine["doses"][1]["treatment_id"] == mine["treatments"][0]["id"]
    with Diary.open(tmp_path / "copy.db") as copy:
        counts = import_document(copy, json.loads(json.dumps(document)))
        assert (counts["treatments"], counts["doses"], counts["heights"], counts["falls_checks"],
                counts["impressions"], counts["side_effects"]) == (2, 2, 2, 1, 1, 2)
        again = export_document(copy)
        assert again == document
        # Importing the same file twice adds nothing.
        assert import_document(copy, document)["doses"] == 0
        assert export_document(copy) == document


def test_a_file_without_bone_care_still_imports(diary, tmp_path):
    document = export_document(diary)
    for p in document["profiles"]:
        for key in ("treatments", "doses", "heights", "falls_checks", "impressions", "side_effects"):
            del p[key]
    with Diary.open(tmp_path / "copy.db") as copy:
        assert import_document(copy, document)["skipped"] == 0


@pytest.mark.parametrize("key, change, message", [
    ("heights", {"mm": 12}, "In height 1 of profile 'me': a height must be from 50 to 250 cm"),
    ("treatments", {"every": "weekly"}, "In treatment 1 of profile 'me': how often is a number"),
    ("impressions", {"score": 9}, "In impression 1 of profile 'me': the impression of change is a whole number"),
    ("doses", {"treatment_id": "nowhere"}, "In dose 1 of profile 'me', the treatment 'nowhere' is neither in the file"),
    ("falls_checks", {"fell": "maybe"}, "In falls check 1 of profile 'me', 'fell' should be bool, not str."),
])
def test_a_bad_bone_record_refuses_the_file_and_stores_nothing(diary, tmp_path, key, change, message):
    document = export_document(fill(diary))
    document["profiles"][0][key][0].update(change)
    with Diary.open(tmp_path / "copy.db") as copy:
        before = export_document(copy)
        with pytest.raises(ValidationError) as refused:
            import_document(copy, document)
        assert message in str(refused.value)
        assert export_document(copy) == before


def test_the_command_line_round_trip_says_what_it_added(run_cli, diary, tmp_path):
    fill(diary)
    out = tmp_path / "diary.json"
    assert run_cli("export", "-o", str(out)).exit_code == 0
    other = tmp_path / "other.db"
    result = run_cli("--db", str(other), "import", str(out))
    assert result.exit_code == 0, result.output
    assert "2 treatments, 2 doses, 2 heights, 1 falls check, 1 impression, 2 side effects" in result.output


def test_the_csv_export_has_a_file_per_bone_record_kind(diary):
    import csv
    import io
    import zipfile

    from osteotrack.views.csv_export import write_csv_zip

    buffer = io.BytesIO()
    write_csv_zip(fill(diary), buffer)
    with zipfile.ZipFile(buffer) as archive:
        read = {name: list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"))))
                for name in archive.namelist()}
    assert [r["medicine"] for r in read["treatments.csv"]] == ["alendronate", "strontium"]
    assert [r["name"] for r in read["treatments.csv"]] == ["Alendronate", "Strontium ranelate"]
    assert [(r["date"], r["note"]) for r in read["doses.csv"]] == [("2026-01-05", ""), ("2026-01-14", "late")]
    assert [r["height_cm"] for r in read["heights.csv"]] == ["164.0", "159.8"]
    assert [(r["fell_past_year"], r["unsteady"], r["worried_about_falling"]) for r in read["falls_checks.csv"]] == [
        ("yes", "no", "yes")]
    assert [(r["score"], r["meaning"], r["since_start_of"]) for r in read["impressions.csv"]] == [
        ("2", "much improved", "alendronate")]
    assert [(r["medicine"], r["effect"], r["severity"]) for r in read["side_effects.csv"]] == [
        ("alendronate", "heartburn", "4"), ("Tramadol", "dizzy", "")]
    assert all(r["profile"] == "me" for r in read["doses.csv"])


def test_an_empty_diary_still_has_every_bone_header(diary):
    import io
    import zipfile

    from osteotrack.views.csv_export import write_csv_zip

    buffer = io.BytesIO()
    write_csv_zip(diary, buffer)
    with zipfile.ZipFile(buffer) as archive:
        assert archive.read("heights.csv").decode() == "profile,id,date,time,utc_offset,height_cm,note\n"

"""``osteotrack import`` reads the CSV export back: the zip, or entries.csv alone."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from osteotrack.domain.records import CheckIn, Entry, Event, Question, Site, TherapyUse
from osteotrack.store import Diary
from osteotrack.store.transfer import dumps, export_document
from tests.support import active, without_sync

TZ = timezone(timedelta(hours=1))


def _fill(diary: Diary) -> None:
    diary.add_profile("Ann")
    active(diary).add_entry(
        Entry(
            at=datetime(2026, 3, 1, 19, 39, 45, tzinfo=TZ),  # seconds too: the CSV keeps them
            pain=7,
            sites=[Site("mid-back", 8, "T8"), Site("rib-left", 4)],
            qualities=["aching", "sharp"],
            triggers=["bending"],
            therapies=[
                TherapyUse("heat", 60),
                TherapyUse("otc-pain-medication", 40, "ibuprofen", "400 mg"),
                TherapyUse("massage"),
            ],
            note='after "gardening"; then\na rest',
            for_doctor=True,
            entered_by="Sam",
        )
    )
    diary.profile("Ann").add_entry(Entry(at=datetime(2026, 3, 2, 8, 5, tzinfo=timezone(timedelta(hours=-5))), pain=0))
    active(diary).save_checkin(
        CheckIn(day=date(2026, 3, 1), peg_pain=6, peg_enjoyment=5, peg_activity=7, sleep=4, note="bad night")
    )
    active(diary).add_event(
        Event(kind="dxa", at=datetime(2026, 2, 1, 10, 0, 30, tzinfo=TZ), t_score=-2.7, dxa_site="lumbar-spine")
    )
    active(diary).add_question(Question(text="Can I carry the shopping?",
                                        created=datetime(2026, 3, 1, 8, 15, 30, tzinfo=timezone(timedelta(hours=5,
                                                                                                  minutes=30)))))


BONE = ("treatments", "doses", "heights", "falls_checks", "impressions", "side_effects")


def _state(path: Path) -> str:
    """The diary's whole content, as the JSON export (without the moments records were stored)."""
    with Diary.open(path, read_only=True) as diary:
        document = without_sync(export_document(diary))  # a CSV export carries no change times
    for p in document["profiles"]:
        p.pop("created")
        for key in ("entries", "checkins", "events", "questions", *BONE):
            for record in p[key]:
                record.pop("updated", None)
                if key != "questions":  # a question's "created" is when it was asked: the CSV keeps it exactly
                    record.pop("created", None)
    return dumps(document)


def test_the_csv_zip_comes_back_whole_and_twice_adds_nothing(tmp_path, run_cli, db_path):
    source = tmp_path / "source.db"
    with Diary.open(source) as diary:
        _fill(diary)
    assert run_cli("--db", str(source), "export", "--format", "csv", "-o", str(tmp_path / "out.zip")).exit_code == 0
    result = run_cli("import", str(tmp_path / "out.zip"))
    assert result.exit_code == 0, result.output
    assert result.output == "Imported 2 entries, 1 check-in, 1 event, 1 question; 0 already in the diary.\n"
    assert _state(db_path) == _state(source)
    with Diary.open(db_path, read_only=True) as copy:
        # To the second, with the offset, as stored: 19:39:45 stays 19:39:45; the question keeps 08:15:30 +05:30.
        assert active(copy).entries()[0].at == datetime(2026, 3, 1, 19, 39, 45, tzinfo=TZ)
        assert active(copy).questions()[0].created.isoformat() == "2026-03-01T08:15:30+05:30"
    again = run_cli("import", str(tmp_path / "out.zip"))
    assert again.output == "Imported 0 entries, 0 check-ins, 0 events, 0 questions; 5 already in the diary.\n"
    assert _state(db_path) == _state(source)


def test_bone_care_comes_back_from_the_csv_zip_without_loss(tmp_path, run_cli, db_path):
    from osteotrack.domain.bone import Dose, FallsCheck, Height, Impression, SideEffect, Treatment

    source = tmp_path / "source.db"
    now = datetime(2026, 11, 24, 10, tzinfo=TZ)
    with Diary.open(source) as diary:
        diary.add_profile("Ann")
        me, ann = active(diary), diary.profile("Ann")
        me.add_treatment(Treatment("alendronate", "1w", date(2026, 1, 5), dose="70 mg", note="with water"), now=now)
        me.add_dose(Dose("alendronate", datetime(2026, 1, 5, 8, 0, tzinfo=TZ)), now=now)
        me.add_dose(Dose("alendronate", datetime(2026, 1, 14, 7, 45, tzinfo=TZ), note="late, sorry"), now=now)
        me.stop_treatment("alendronate", date(2026, 6, 30), note="switched", now=now)
        me.add_treatment(Treatment("strontium", "1d", date(2026, 7, 1), name="Strontium ranelate"), now=now)
        me.add_treatment(Treatment("denosumab", "6m", date(2026, 7, 1)), now=now)  # its default name
        me.add_dose(Dose("denosumab", datetime(2026, 7, 1, 11, 30, tzinfo=timezone(timedelta(hours=2)))), now=now)
        me.add_height(Height(datetime(2025, 7, 1, 9, tzinfo=TZ), 1640), now=now)
        me.add_height(Height(datetime(2026, 7, 1, 9, tzinfo=TZ), 1598, note="at the GP"), now=now)  # + a question
        me.add_falls_check(FallsCheck(datetime(2026, 8, 1, 9, tzinfo=TZ), True, False, True), now=now)
        me.add_impression(Impression(datetime(2026, 8, 2, 9, tzinfo=TZ), 2, "alendronate", note="steadier"), now=now)
        me.add_side_effect(SideEffect("heartburn", "alendronate", datetime(2026, 1, 6, 9, tzinfo=TZ), 4), now=now)
        ann.add_side_effect(SideEffect("dizzy, a bit", "Tramadol", datetime(2026, 2, 6, 9, tzinfo=TZ)), now=now)
        ann.add_impression(Impression(datetime(2026, 8, 2, 9, tzinfo=TZ), 4), now=now)
    assert run_cli("--db", str(source), "export", "--format", "csv", "-o", str(tmp_path / "out.zip")).exit_code == 0
    result = run_cli("import", str(tmp_path / "out.zip"))
    assert result.exit_code == 0, result.output
    assert result.output == ("Imported 0 entries, 0 check-ins, 0 events, 1 question, 3 treatments, 3 doses, "
                             "2 heights, 1 falls check, 2 impressions, 2 side effects; 0 already in the diary.\n")
    assert _state(db_path) == _state(source)
    again = run_cli("import", str(tmp_path / "out.zip"))
    # 1 question + 3 treatments + 3 doses + 2 heights + 1 falls check + 2 impressions + 2 side effects = 14
    assert again.output.endswith("; 14 already in the diary.\n"), again.output
    assert _state(db_path) == _state(source)


@pytest.mark.parametrize("name, old, new, words", [
    ("heights.csv", "159.8", "5 ft", "In row 3 of heights.csv, 'height_cm' should be centimetres"),
    ("falls_checks.csv", ",yes,", ",maybe,", "In row 2 of falls_checks.csv, 'fell_past_year' should be yes or no"),
    ("impressions.csv", ",2,", ",9,", "In row 2 of impressions.csv: the impression of change is a whole number"),
])
def test_a_bad_bone_row_refuses_the_whole_zip(name, old, new, words, tmp_path, run_cli, db_path):
    from osteotrack.domain.bone import FallsCheck, Height, Impression

    source = tmp_path / "source.db"
    with Diary.open(source) as diary:
        me = active(diary)
        me.add_height(Height(datetime(2025, 7, 1, 9, tzinfo=TZ), 1640))
        me.add_height(Height(datetime(2026, 7, 1, 9, tzinfo=TZ), 1598))
        me.add_falls_check(FallsCheck(datetime(2026, 8, 1, 9, tzinfo=TZ), True, False, True))
        me.add_impression(Impression(datetime(2026, 8, 2, 9, tzinfo=TZ), 2))
    out = tmp_path / "out.zip"
    assert run_cli("--db", str(source), "export", "--format", "csv", "-o", str(out)).exit_code == 0
    with zipfile.ZipFile(out) as archive:
        files = {n: archive.read(n).decode() for n in archive.namelist()}
    assert old in files[name]
    files[name] = files[name].replace(old, new, 1)
    changed = _zip(tmp_path, **{n.replace(".csv", "_csv"): text for n, text in files.items()})
    with Diary.open(db_path):
        pass
    before = _state(db_path)
    result = run_cli("import", str(changed))
    assert result.exit_code == 2, result.output
    assert words.lower() in result.stderr.lower() and len(result.stderr.splitlines()) == 1, result.stderr
    assert _state(db_path) == before


def test_a_time_with_seconds_in_the_time_column_keeps_them(tmp_path, run_cli, db_path):
    path = tmp_path / "entries.csv"
    path.write_text("id,date,time,utc_offset,pain\n11111111-0000-4000-8000-00000000000a,2026-03-01,19:39:45,+0100,5\n",
                    encoding="utf-8")
    assert run_cli("import", str(path)).exit_code == 0
    with Diary.open(db_path, read_only=True) as diary:
        assert active(diary).entries()[0].at == datetime(2026, 3, 1, 19, 39, 45, tzinfo=TZ)


ENTRIES_CSV = (
    "id,date,time,utc_offset,pain,band,sites,qualities,triggers,therapies,medications,note,for_doctor,"
    "entered_by,weather,pain_trend\n"
    "11111111-0000-4000-8000-000000000001,2026-03-01,19:30,+0100,7,severe,mid-back/T8:8; rib-left:4,aching,"
    'bending,heat:60; otc-pain-medication:,otc-pain-medication=paracetamol 1 g,"cold; windy",yes,Sam,rain,up\n'
    "11111111-0000-4000-8000-000000000002,2026-03-02,08:00,-0500,2,mild,,,,,,,,,,\n"
)


def test_entries_csv_alone_goes_to_the_chosen_profile_and_ignores_unknown_columns(tmp_path, run_cli, db_path):
    with Diary.open(db_path) as diary:
        diary.add_profile("Ann")
    (tmp_path / "entries.csv").write_text(ENTRIES_CSV)
    result = run_cli("--profile", "Ann", "import", str(tmp_path / "entries.csv"))
    assert result.exit_code == 0, result.output
    with Diary.open(db_path, read_only=True) as diary:
        assert diary.profile("me").entries() == []
        second, first = diary.profile("Ann").entries()
    assert first == Entry(
        at=datetime(2026, 3, 1, 19, 30, tzinfo=TZ),
        pain=7,
        sites=[Site("mid-back", 8, "T8"), Site("rib-left", 4)],
        qualities=["aching"],
        triggers=["bending"],
        therapies=[TherapyUse("heat", 60), TherapyUse("otc-pain-medication", None, "paracetamol", "1 g")],
        note="cold; windy",
        for_doctor=True,
        entered_by="Sam",
        id="11111111-0000-4000-8000-000000000001",
    )
    assert second.at == datetime(2026, 3, 2, 8, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert (second.pain, second.sites, second.note, second.for_doctor, second.entered_by) == (2, [], "", False, None)


BAD_ROWS = {
    "a pain of 11": ("7,", "11,", "In row 2 of entries.csv: pain must be a whole number from 0 to 10; got '11'"),
    "a site without intensity": (
        "rib-left:4",
        "rib-left",
        "In row 2 of entries.csv, the site 'rib-left' should be SITE:N",
    ),
    "an unknown trigger": ("bending,heat", "bendng,heat", "In row 2 of entries.csv: unknown trigger 'bendng'"),
    "a relief of 35": ("heat:60", "heat:35", "In row 2 of entries.csv: "),
    "a bad offset": ("+0100", "CET", "In row 2 of entries.csv, date, time and utc_offset"),
    "a medication for a missing therapy": (
        "otc-pain-medication=",
        "prescription-pain-medication=",
        "In row 2 of entries.csv, the medication",
    ),
    "a time in the future": ("2026-03-01,19:30", "2099-03-01,19:30", "In row 2 of entries.csv: "),
    "the same id twice": ("000000000002", "000000000001", "is used twice in the file"),
}


@pytest.mark.parametrize("case", BAD_ROWS, ids=list(BAD_ROWS))
def test_a_bad_row_refuses_the_whole_file(case, tmp_path, run_cli, db_path):
    old, new, words = BAD_ROWS[case]
    with Diary.open(db_path) as diary:
        active(diary).add_entry(Entry(at=datetime(2026, 1, 1, 9, tzinfo=TZ), pain=1))
    before = _state(db_path)
    assert old in ENTRIES_CSV
    (tmp_path / "entries.csv").write_text(ENTRIES_CSV.replace(old, new, 1))
    result = run_cli("import", str(tmp_path / "entries.csv"))
    assert result.exit_code == 2, result.output
    assert words.lower() in result.stderr.lower() and len(result.stderr.splitlines()) == 1, result.stderr
    assert _state(db_path) == before


def _zip(tmp_path: Path, **files: str) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name.replace("_csv", ".csv"), text)
    path = tmp_path / "export.zip"
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize(
    "make, words",
    [
        (lambda t: _zip(t, notes_txt="hello"), "is a zip file without entries.csv"),
        (
            lambda t: _zip(t, entries_csv="id,date,pain\nx,2026-01-01,3\n"),
            "entries.csv lacks the columns time, utc_offset",
        ),
        (
            lambda t: _zip(
                t,
                entries_csv=ENTRIES_CSV,
                events_csv="id,date,time,utc_offset,kind,t_score\ne1,2026-01-01,10:00,+0100,dxa,low\n",
            ),
            "In row 2 of events.csv, 't_score' should be a number",
        ),
        (lambda t: (t / "entries.csv").write_bytes(b"id,date\n\xff\xfe\n") and t / "entries.csv", "is not UTF-8 text"),
        (lambda t: (t / "e.zip").write_bytes(b"PK\x03\x04 broken") and t / "e.zip", "is not valid JSON"),
    ],
)
def test_files_that_are_not_a_csv_export(make, words, tmp_path, run_cli, db_path):
    Diary.open(db_path).close()
    before = _state(db_path)
    result = run_cli("import", str(make(tmp_path)))
    assert result.exit_code == 2 and words in result.stderr, result.stderr
    assert _state(db_path) == before


def test_a_csv_saved_again_by_a_spreadsheet_imports(tmp_path, run_cli, db_path):
    # Spreadsheets often save UTF-8 with a byte-order mark and Windows line ends.
    (tmp_path / "entries.csv").write_bytes(b"\xef\xbb\xbf" + ENTRIES_CSV.replace("\n", "\r\n").encode())
    result = run_cli("import", str(tmp_path / "entries.csv"))
    assert result.exit_code == 0, result.output
    with Diary.open(db_path, read_only=True) as diary:
        assert sorted(e.pain for e in active(diary).entries()) == [2, 7]
        assert [e.note for e in active(diary).entries() if e.pain == 7] == ["cold; windy"]

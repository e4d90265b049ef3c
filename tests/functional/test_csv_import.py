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
from tests.support import active

TZ = timezone(timedelta(hours=1))


def _fill(diary: Diary) -> None:
    diary.add_profile("Ann")
    active(diary).add_entry(
        Entry(
            at=datetime(2026, 3, 1, 19, 30, tzinfo=TZ),
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
        Event(kind="dxa", at=datetime(2026, 2, 1, 10, tzinfo=TZ), t_score=-2.7, dxa_site="lumbar-spine")
    )
    active(diary).add_question(Question(text="Can I carry the shopping?", created=datetime(2026, 3, 1, 12, tzinfo=TZ)))


def _state(path: Path) -> str:
    """The diary's whole content, as the JSON export (without the moments records were stored)."""
    with Diary.open(path, read_only=True) as diary:
        document = export_document(diary)
    for p in document["profiles"]:
        p.pop("created")
        for key in ("entries", "checkins", "events", "questions"):
            for record in p[key]:
                record.pop("updated", None)
                if key == "questions":
                    record["created"] = record["created"][:10]  # the CSV keeps the day a question was asked
                else:
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
    again = run_cli("import", str(tmp_path / "out.zip"))
    assert again.output == "Imported 0 entries, 0 check-ins, 0 events, 0 questions; 5 already in the diary.\n"
    assert _state(db_path) == _state(source)


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

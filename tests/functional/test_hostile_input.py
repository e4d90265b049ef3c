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


# -- hostile import files -------------------------------------------------------

def _export(run_cli, tmp_path, fmt="json"):
    out = tmp_path / f"export.{'zip' if fmt == 'csv' else 'json'}"
    run_cli("export", "--format", fmt, "-o", str(out))
    return out


def _zip(path, members: dict, *, compression=None):
    import zipfile

    with zipfile.ZipFile(path, "w", compression or zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _bomb(path, name="entries.csv", size=20 * 2**20):
    """A zip whose member unpacks to ``size`` bytes of newlines (deflate packs them ~1000 to 1)."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open(name, "w", force_zip64=True) as member:
            block = b"\n" * 2**20
            for _ in range(size // 2**20):
                member.write(block)
    return path


def _json_with(run_cli, tmp_path, change):
    import json

    document = json.loads(_export(run_cli, tmp_path).read_text())
    change(document)
    return json.dumps(document)


@pytest.fixture
def export_doc(run_cli, db_path, tmp_path):
    """A diary with one entry, one event and one question, exported to JSON under new ids to import back."""
    run_cli("log", "--pain", "4", "--at", "2026-11-20T10:00+01:00", "--note", "walked")
    run_cli("event", "dxa", "--t-score", "-2.5", "--at", "2026-11-01T10:00+01:00")
    run_cli("question", "add", "Can I carry shopping?")
    return tmp_path


def _refused_import(run_cli, db_path, path, sentence, *more):
    before = digest(db_path)
    result = run_cli("import", str(path), *more)
    assert_refused(result, sentence)
    assert digest(db_path) == before


def test_json_nested_1000_levels_is_refused(run_cli, db_path, tmp_path):
    run_cli("log", "--pain", "3")
    path = tmp_path / "deep.json"
    path.write_text("[" * 1000 + "]" * 1000)
    _refused_import(run_cli, db_path, path, "nests more than 64 levels deep")


def test_a_5000_digit_number_is_refused(run_cli, db_path, export_doc, tmp_path):
    path = tmp_path / "number.json"
    path.write_text(_json_with(run_cli, tmp_path, lambda d: None).replace('"pain": 4', '"pain": ' + "9" * 5000))
    _refused_import(run_cli, db_path, path, "holds a number 5000 characters long (the limit is 40)")


def test_a_t_score_of_10_to_the_400_is_refused(run_cli, db_path, export_doc, tmp_path):
    path = tmp_path / "t.json"
    path.write_text(_json_with(run_cli, tmp_path, lambda d: None).replace('"t_score": -2.5', '"t_score": 1e400'))
    _refused_import(run_cli, db_path, path, "holds '1e400', which is not a number JSON allows")  # float: infinity
    path.write_text(path.read_text().replace("1e400", "1" + "0" * 39))  # 40 digits: within the limit, out of range
    _refused_import(run_cli, db_path, path, "a T-score is a number from -6.0 to 4.0")
    path.write_text(path.read_text().replace("1" + "0" * 39, "NaN"))
    _refused_import(run_cli, db_path, path, "holds 'NaN', which is not a number JSON allows")


def test_a_question_created_in_year_one_is_refused(run_cli, db_path, export_doc, tmp_path):
    def year_one(document):
        document["profiles"][0]["questions"][0]["created"] = "0001-01-01T00:00+14:00"

    path = tmp_path / "q.json"
    path.write_text(_json_with(run_cli, tmp_path, year_one))
    _refused_import(run_cli, db_path, path, "before 1900")


def test_an_encrypted_zip_is_refused(run_cli, db_path, export_doc, tmp_path):
    import zipfile

    path = _zip(tmp_path / "enc.zip", {"entries.csv": "id,date,time,utc_offset,pain\n"})
    data = bytearray(path.read_bytes())
    # Set bit 0 of the general purpose flags ("encrypted"), in the local header (offset 6) and in the
    # central directory entry (offset 8): PKWARE APPNOTE.TXT 4.3.7 and 4.3.12.
    data[6] |= 1
    central = data.index(b"PK\x01\x02")
    data[central + 8] |= 1
    path.write_bytes(bytes(data))
    assert zipfile.ZipFile(path).infolist()[0].flag_bits & 1
    _refused_import(run_cli, db_path, path, "is encrypted (entries.csv needs a password)")


def test_a_zip_bomb_is_refused_quickly(run_cli, db_path, export_doc, tmp_path):
    import time

    # 20 MiB from about 20 KB: within the 64 MiB a member may unpack to, but over 16 MiB at ~1000 to 1.
    path = _bomb(tmp_path / "bomb.zip")
    assert path.stat().st_size < 2**20 // 10
    start = time.monotonic()
    _refused_import(run_cli, db_path, path, "entries.csv unpacks to 20.0 MiB from 0.0 MiB")
    assert time.monotonic() - start < 5


def test_a_file_bigger_than_64_mib_is_refused_unread(run_cli, db_path, export_doc, tmp_path):
    path = tmp_path / "big.json"
    with open(path, "wb") as handle:
        handle.truncate(64 * 2**20 + 1)  # sparse: no disk used
    _refused_import(run_cli, db_path, path, "is 64.0 MiB, more than the 64 MiB an import reads")


def test_a_fifo_to_import_is_refused_unopened(run_cli, db_path, export_doc, tmp_path):
    os.mkfifo(tmp_path / "pipe.json")
    _refused_import(run_cli, db_path, tmp_path / "pipe.json", "is not a regular file")
    _refused_import(run_cli, db_path, tmp_path / "pipe.json", "is not a regular file", "--from", "flaredown")


# -- every field of an import checked as the command line checks it -------------

@pytest.mark.parametrize("change, sentence", [
    (lambda d: d["profiles"][0]["entries"][0].update(id=""), "the id '' is not a record id"),
    (lambda d: d["profiles"][0]["entries"][0].update(id="x"), "the id 'x' is not a record id"),
    (lambda d: d["profiles"][0]["events"][0].update(id="a b c d e f"), "the id 'a b c d e f' is not a record id"),
    (lambda d: d["profiles"][0].update(name="Ann\x00Lee"), "a profile name cannot hold control characters"),
    (lambda d: d["vocabulary"].append({"kind": "trigger", "slug": "", "name": "Nothing"}),
     "a slug is lower-case letters and digits joined by hyphens"),
    (lambda d: d["vocabulary"].append({"kind": "trigger", "slug": "Garden Work", "name": "Garden"}),
     "a slug is lower-case letters and digits joined by hyphens, like 'garden-work'; got 'garden work'"),
    (lambda d: d["vocabulary"].append({"kind": "trigger", "slug": "garden", "name": " "}),
     "a new term needs a display name"),
])
def test_import_checks_ids_names_and_slugs(run_cli, db_path, export_doc, tmp_path, change, sentence):
    path = tmp_path / "changed.json"
    path.write_text(_json_with(run_cli, tmp_path, change))
    _refused_import(run_cli, db_path, path, sentence)


def test_the_command_line_refuses_the_same_names(run_cli, db_path, export_doc):
    assert_refused(run_cli("profile", "add", "Ann\x01Lee"), "A profile name cannot hold control characters")
    assert_refused(run_cli("vocab", "add", "trigger", "", "Nothing"), "A slug is lower-case letters")


# -- a file that imports nothing -------------------------------------------------

def test_a_zip_whose_entries_csv_is_empty_imports_nothing_and_says_so(run_cli, db_path, export_doc, tmp_path):
    # What the zip bomb held once unpacked: entries.csv without even the header line an export writes.
    path = _zip(tmp_path / "blank.zip", {"entries.csv": ""})
    _refused_import(run_cli, db_path, path, "holds no records an import can read; nothing was imported")


def test_an_export_of_an_empty_diary_imports_nothing_successfully(run_cli, tmp_path):
    empty = tmp_path / "empty.db"
    from osteotrack.store import Diary

    Diary.open(empty).close()
    from click.testing import CliRunner

    from osteotrack.cli import cli

    CliRunner().invoke(cli, ["--db", str(empty), "export", "-o", str(tmp_path / "e.json")], catch_exceptions=False)
    CliRunner().invoke(cli, ["--db", str(empty), "export", "--format", "csv", "-o", str(tmp_path / "e.zip")],
                       catch_exceptions=False)
    for name in ("e.json", "e.zip"):
        result = run_cli("import", str(tmp_path / name))
        assert result.exit_code == 0, result.output
        assert "holds no records (an export of an empty diary): nothing to import." in result.output


def test_a_sheet_none_of_whose_rows_can_be_read_is_not_a_success(run_cli, db_path, export_doc, tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text("date,pain\nnot a day,5\n2026-11-01,eleven\n")
    before = digest(db_path)
    result = run_cli("import", str(path), "--from", "sheet", "--date", "date", "--pain", "pain", "--yes")
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == (f"osteotrack: No row of {path} could be read (each is listed above with the "
                                     "reason); nothing was imported.")
    assert digest(db_path) == before


@pytest.mark.parametrize("source, name, member, more", [
    ("sheet", "bomb.xlsx", "xl/worksheets/sheet1.xml", ["--date", "A", "--pain", "B"]),
    ("pain-diary", "PfaBackup_bomb.zip", "org.secuso.privacyfriendlypaindiary.backup", []),
])
def test_a_zip_bomb_from_another_app_is_refused_before_unpacking(run_cli, db_path, export_doc, tmp_path, source,
                                                                 name, member, more):
    path = _bomb(tmp_path / name, member, size=65 * 2**20)  # more than the 64 MiB a member may unpack to
    before = digest(db_path)
    result = run_cli("import", str(path), "--from", source, *more, "--yes")
    assert_refused(result, f"{member} unpacks to 65.0 MiB from")
    assert digest(db_path) == before


# -- extremes: a note of any length ---------------------------------------------

LONG_NOTE = "word " * 40_000  # 200,000 characters, more than the csv module's 131,072 a field


@pytest.fixture
def long_note(db_path):
    from datetime import datetime, timedelta, timezone

    from osteotrack.domain.records import Entry, Question
    from osteotrack.store import Diary
    from tests.support import active

    tz = timezone(timedelta(hours=1))
    with Diary.open(db_path) as diary:
        active(diary).add_entry(Entry(at=datetime(2026, 11, 20, 10, tzinfo=tz), pain=5, note=LONG_NOTE,
                                      for_doctor=True))
        active(diary).add_question(Question("why " * 1000, created=datetime(2026, 11, 20, 11, tzinfo=tz)))
    return db_path


def test_the_report_shows_a_long_notes_beginning_and_how_much_more(run_cli, long_note):
    result = run_cli("report", "--since", "2026-11-01", "--until", "2026-11-30", "--format", "md", "-o", "-")
    assert result.exit_code == 0, result.output
    # The note is cut at the last space within its first 600 characters: 119 whole "word " and "word"
    # (599 characters), so 200,000 - 599 = 199,401 characters are left in the diary.
    assert "word… (199401 more characters in the diary)" in result.output
    assert LONG_NOTE[:1000] not in result.output
    # The question: "why " * 1000 is kept trimmed, 3,999 characters; cut at 599 ("why" 150 times): 3,400 more.
    assert "why… (3400 more characters in the diary)" in result.output


def test_a_pdf_of_a_long_note_stays_short_and_quiet(run_cli, long_note, tmp_path):
    import re

    result = run_cli("report", "--since", "2026-11-01", "--until", "2026-11-30", "-o", str(tmp_path / "r.pdf"))
    assert result.exit_code == 0 and result.stderr == "", result.stderr
    pages = re.findall(rb"/Type\s*/Page\b", (tmp_path / "r.pdf").read_bytes())
    assert 1 <= len(pages) <= 3


def test_list_shows_a_long_notes_beginning_and_json_gives_it_whole(run_cli, long_note):
    import json

    table = run_cli("list")
    # A table cell shows 200 characters at most: cut at the last space, 39 "word " and "word" (199),
    # 200,000 - 199 = 199,801 more; the table folds the cell over lines.
    assert "(199801 more" in table.output and "in the diary)" in table.output and len(table.output) < 5000
    whole = json.loads(run_cli("list", "--format", "json").output)
    assert whole[0]["note"] == LONG_NOTE


def test_a_csv_export_with_a_long_note_imports_back(run_cli, long_note, tmp_path):
    from tests.functional.helpers import entries

    run_cli("export", "--format", "csv", "-o", str(tmp_path / "e.zip"))
    other = tmp_path / "other.db"
    from click.testing import CliRunner

    from osteotrack.cli import cli

    result = CliRunner().invoke(cli, ["--db", str(other), "import", str(tmp_path / "e.zip")])
    assert result.exit_code == 0, result.output
    assert [e.note for e in entries(other)] == [LONG_NOTE]


def test_a_csv_export_of_a_10_mib_repetitive_note_is_no_zip_bomb(db_path, tmp_path):
    # 10 MiB of "x" packs about 1000 to 1 (deflate's most), as tightly as a bomb; below 16 MiB a member
    # may, so our own export imports back.
    from datetime import datetime, timedelta, timezone

    from click.testing import CliRunner

    from osteotrack.cli import cli
    from osteotrack.domain.records import Entry
    from osteotrack.store import Diary
    from tests.functional.helpers import entries
    from tests.support import active

    note = "x" * 10 * 2**20
    with Diary.open(db_path) as diary:
        active(diary).add_entry(Entry(at=datetime(2026, 11, 20, 10, tzinfo=timezone(timedelta(hours=1))), pain=5,
                                      note=note))
    runner = CliRunner()
    runner.invoke(cli, ["--db", str(db_path), "export", "--format", "csv", "-o", str(tmp_path / "e.zip")],
                  catch_exceptions=False)
    result = runner.invoke(cli, ["--db", str(tmp_path / "other.db"), "import", str(tmp_path / "e.zip")])
    assert result.exit_code == 0, result.output
    assert [len(e.note) for e in entries(tmp_path / "other.db")] == [len(note)]


@pytest.mark.parametrize("kind, spoil, sentence", [
    ("entries", lambda e: e.update(pain=11), "In entry 1199 of profile 'me': pain must be a whole number from 0 to 10"),
    ("entries", lambda e: e["sites"].append({"location": "elbow-of-mars", "intensity": 3}), "In entry 1199"),
    ("entries", lambda e: e.update(at="2026-02-30T10:00:00+01:00"), "In entry 1199"),
    ("checkins", lambda c: c.update(day="2999-01-01"), "In check-in 1199"),
])
def test_one_bad_record_deep_in_a_long_file_refuses_all_of_it(run_cli, db_path, export_doc, tmp_path, kind, spoil,
                                                              sentence):
    # Records are checked in one pass as they are read: the 1199th of 1200 still stops the whole file,
    # and nothing of the 1198 good ones before it is stored.
    import copy
    import json
    from datetime import date, timedelta

    document = json.loads(_export(run_cli, tmp_path).read_text())
    profile = document["profiles"][0]
    entry = profile["entries"][0]
    profile["entries"] = [{**copy.deepcopy(entry), "id": f"bulk-entry-{n:05d}"} for n in range(1200)]
    profile["checkins"] = [{"id": f"bulk-checkin-{n:05d}", "day": (date(2010, 1, 1) + timedelta(days=n)).isoformat(),
                            "sleep": n % 11} for n in range(1200)]
    spoil(profile[kind][1198])
    path = tmp_path / "long.json"
    path.write_text(json.dumps(document))
    _refused_import(run_cli, db_path, path, sentence)

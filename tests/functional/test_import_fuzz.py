"""Fuzzing the imports from other apps and spreadsheets: malformed rows never give a traceback.

Every file either gives one sentence and exit status 2 with nothing stored, or imports with each
row it cannot read listed (rows read = entries planned + rows listed). Rows start from the real
shapes (see tests/unit/test_import_flaredown.py and tests/pain_diary_backups.py).
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from osteotrack.cli import cli
from osteotrack.domain.errors import ValidationError
from osteotrack.domain.validate import Vocabulary
from osteotrack.domain.vocabulary import BUILTIN
from osteotrack.importers.preview import plan_for
from osteotrack.importers.sheet import Columns
from osteotrack.store import Diary
from tests import pain_diary_backups as pdb
from tests.import_support import FIXTURES, state

FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 100)), deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
VOCAB = Vocabulary(BUILTIN)

# Cells as people and programs write them: numbers, ratings, dates in many forms, words, quotes, separators.
CELL = st.one_of(
    st.sampled_from(["", "0", "4", "5", "10", "11", "-1", "6/10", "6.5", "mild", "severe", "Taken", "Not Taken",
                     "400 mg", "2021-10-15", "2022-03-01T14:05:09+00:00", "-4712-01-01T00:00:00+00:00",
                     "3/11/2026", "25/11/2026", "11/25/2026", "11.03.2026", "31.02.2026", "2026-02-30", "8:30 pm",
                     "lower back:7", "T8", "hip", "heat:60", "heat:65", "Ibuprofen 400 mg", '"quoted"', "a;b",
                     "x,y", "line\nbreak", "\ufeff", "١٢", "9999-12-31", "2099-01-01", "1899-12-31"]),
    st.text(max_size=12),
)
ROWS = st.lists(st.lists(CELL, min_size=0, max_size=9), min_size=0, max_size=8)


@pytest.fixture(scope="module")
def diary_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("import-fuzz") / "diary.db"
    Diary.open(path).close()
    return path


def _csv(header: list[str], rows: list[list[str]], delimiter: str = ",") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


def _check_plan(source: str, data: bytes, name: str, **options):
    """Reading never fails but with one sentence; a plan accounts for every row it read."""
    try:
        plan = plan_for(source, data, name, VOCAB, **options)
    except ValidationError as error:
        text = str(error)
        assert text and "\n" not in text and not text.startswith("import.")
        return None
    assert len(plan.entries) + len(plan.skipped) == plan.rows_read
    for skipped in plan.skipped:
        assert skipped.reason and "\n" not in skipped.reason and not skipped.reason.startswith("import.")
    return plan


def _run(diary_path: Path, tmp_path: Path, name: str, data: bytes, *args: str):
    """The whole command: exit 0 or 2 (never a traceback); on 2, the diary is as it was."""
    path = tmp_path / name
    path.write_bytes(data)
    before = state(diary_path)
    result = CliRunner().invoke(cli, ["--db", str(diary_path), "import", str(path), *args, "--yes"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 2:  # one sentence (after the preview, when no row could be read)
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert state(diary_path) == before
    return result


FLAREDOWN_HEADER = ["Date", "Osteoporosis", "Back pain", "Pain in ribs, left", "Acetaminophen", "Tags", "Foods",
                    "Weather summary", "Weather max temperature", "Weather min temperature", "Weather pressure",
                    "Weather precipitation intensity", "Weather humidity"]


@FUZZ
@given(rows=ROWS)
def test_flaredown_rows(diary_path, tmp_path_factory, rows):
    data = _csv(FLAREDOWN_HEADER, rows)
    _check_plan("flaredown", data, "data.csv")
    _run(diary_path, tmp_path_factory.mktemp("f"), "data.csv", data, "--from", "flaredown")


@FUZZ
@given(cut=st.integers(0, 600), junk=st.binary(max_size=20))
def test_flaredown_bytes_cut_and_spliced(diary_path, tmp_path_factory, cut, junk):
    original = (FIXTURES / "flaredown-2023.csv").read_bytes()
    data = original[:cut] + junk + original[cut + len(junk):]
    _check_plan("flaredown", data, "data.csv")
    _run(diary_path, tmp_path_factory.mktemp("f"), "data.csv", data, "--from", "flaredown")


VALUE = st.one_of(st.none(), st.integers(-5, 50), st.text(max_size=10), st.booleans(),
                  st.floats(allow_nan=False, allow_infinity=False), st.sampled_from(["2024-03-10", "7,12,99", "x,,3",
                                                                                   "stabbing,zzz", "at night"]),
                  st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))
TABLES = ["diaryentries", "paindescriptions", "drugs", "drugintakes"]


@FUZZ
@given(changes=st.lists(st.tuples(st.sampled_from(TABLES), st.integers(0, 5), st.text(max_size=20), VALUE),
                        max_size=6),
       form=st.sampled_from(["raw", "wrapped", "zipped"]), drop=st.sets(st.sampled_from(TABLES), max_size=2))
def test_pain_diary_rows(diary_path, tmp_path_factory, changes, form, drop):
    document = pdb.backup()
    tables = {t["tableName"]: t for t in document["database"]["content"]}
    for table, index, column, value in changes:
        rows = tables[table]["values"]
        if rows:
            rows[index % len(rows)][column or "date"] = value
    document["database"]["content"] = [t for t in document["database"]["content"] if t["tableName"] not in drop]
    data = {"raw": lambda: pdb.raw(document).encode(), "wrapped": lambda: pdb.wrapped(document).encode(),
            "zipped": lambda: pdb.zipped(pdb.wrapped(document))}[form]()
    _check_plan("pain-diary", data, "paindiary.backup")
    _run(diary_path, tmp_path_factory.mktemp("p"), "paindiary.backup", data, "--from", "pain-diary")


@FUZZ
@given(text=st.recursive(st.one_of(st.none(), st.integers(), st.text(max_size=5)),
                         lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                 st.dictionaries(st.sampled_from(["database", "content", "values",
                                                                                  "tableName", "packageName", "data",
                                                                                  "encrypted", "version"]),
                                                                 inner, max_size=3)), max_leaves=12))
def test_pain_diary_any_json(diary_path, tmp_path_factory, text):
    data = json.dumps(text).encode()
    _check_plan("pain-diary", data, "x.backup")


SHEET_HEADER = ["Date", "Time", "Pain", "Where", "Trigger", "Therapy", "Note"]


@FUZZ
@given(rows=ROWS, delimiter=st.sampled_from([",", ";", "\t"]), day_first=st.sampled_from([None, True, False]),
       where=st.sampled_from(["Where", "D", "Note", None]))
def test_sheet_rows(diary_path, tmp_path_factory, rows, delimiter, day_first, where):
    data = _csv(SHEET_HEADER, rows, delimiter)
    columns = Columns(date="Date", pain="C", time="Time", where=where, trigger="Trigger", therapy="F", note="Note")
    _check_plan("sheet", data, "pain.csv", columns=columns, day_first=day_first)
    args = ["--from", "sheet", "--date", "Date", "--pain", "C", "--time", "Time", "--trigger", "Trigger",
            "--therapy", "F", "--note", "Note"]
    if where:
        args += ["--where", where]
    if day_first is not None:
        args.append("--day-first" if day_first else "--month-first")
    _run(diary_path, tmp_path_factory.mktemp("s"), "pain.csv", data, *args)


@FUZZ
@given(rows=st.lists(st.lists(st.one_of(st.none(), st.integers(-3, 100000), st.floats(allow_nan=False,
                                                                                      allow_infinity=False),
                                        st.text(max_size=8), st.booleans()), max_size=5), max_size=5))
def test_xlsx_cells(rows):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date", "Pain", "Where"])
    for row in rows:
        try:
            sheet.append(row)
        except Exception:  # openpyxl refuses some text (control characters): not a file anyone has
            return
    out = io.BytesIO()
    book.save(out)
    _check_plan("sheet", out.getvalue(), "pain.xlsx", columns=Columns(date="A", pain="B", where="C"))


def test_a_refused_file_leaves_a_copy_of_the_diary_unchanged(diary_path, tmp_path):
    before = state(diary_path)
    data = copy.copy(pdb.wrapped(pdb.backup(), encrypted=True, data=pdb.ARMOURED)).encode()
    result = _run(diary_path, tmp_path, "enc.backup", data, "--from", "pain-diary")
    assert result.exit_code == 2
    assert state(diary_path) == before

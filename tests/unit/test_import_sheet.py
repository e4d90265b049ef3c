"""The user's own spreadsheet: dates in the forms people type, pain as numbers or words, names to terms.

.xlsx files are written here with openpyxl (the library the import reads them with), with real date
and time cells, as a spreadsheet program saves them.
"""

from __future__ import annotations

import io
from datetime import date, datetime, time

import pytest

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.validate import Vocabulary
from osteotrack.domain.vocabulary import BUILTIN
from osteotrack.importers.preview import plan_for
from osteotrack.importers.sheet import Columns
from tests.import_support import local_zone

VOCAB = Vocabulary(BUILTIN)


def _plan(text: str | bytes, name: str = "pain.csv", day_first=None, sheet=None, **columns):
    data = text.encode() if isinstance(text, str) else text
    return plan_for("sheet", data, name, VOCAB, columns=Columns(**{"date": "Date", "pain": "Pain", **columns}),
                    sheet=sheet, day_first=day_first)


def _days(plan):
    return [p.entry.at.date() for p in plan.entries]


def test_iso_and_dotted_dates_need_no_help():
    plan = _plan("Date,Pain\n2026-03-11,6\n11.03.2026,5\n1.2.26,4\n")
    assert _days(plan) == [date(2026, 3, 11), date(2026, 3, 11), date(2026, 2, 1)]


def test_a_file_settles_the_order_of_slash_dates_by_a_part_over_12():
    assert _days(_plan("Date,Pain\n3/11/2026,6\n25/11/2026,5\n")) == [date(2026, 11, 3), date(2026, 11, 25)]
    assert _days(_plan("Date,Pain\n3/11/2026,6\n11/25/2026,5\n")) == [date(2026, 3, 11), date(2026, 11, 25)]
    # The same day twice: no order needed.
    assert _days(_plan("Date,Pain\n5/5/2026,6\n")) == [date(2026, 5, 5)]


def test_ambiguous_slash_dates_are_refused_unless_the_order_is_given():
    with pytest.raises(ValidationError) as caught:
        _plan("Date,Pain\n3/11/2026,6\n4-10-2026,5\n")
    assert str(caught.value) == ("Dates like '3/11/2026' (line 2) could be read day first or month first; "
                                 "add --day-first or --month-first to say which.")
    text = "Date,Pain\n3/11/2026,6\n4-10-2026,5\n"
    assert _days(_plan(text, day_first=True)) == [date(2026, 11, 3), date(2026, 10, 4)]
    assert _days(_plan(text, day_first=False)) == [date(2026, 3, 11), date(2026, 4, 10)]


def test_dates_in_both_orders_are_refused():
    with pytest.raises(ValidationError) as caught:
        _plan("Date,Pain\n25/11/2026,6\n11/25/2026,5\n")
    assert str(caught.value) == ("The dates mix orders: line 2 has '25/11/2026' (day first) and line 3 has "
                                 "'11/25/2026' (month first); make them alike and import again.")


def test_a_date_against_the_order_given_is_a_listed_row():
    plan = _plan("Date,Pain\n3/25/2026,6\n3/11/2026,5\n", day_first=True)
    assert _days(plan) == [date(2026, 11, 3)]
    assert [(s.line, s.reason) for s in plan.skipped] == [
        (2, "The date '3/25/2026' is not a date like 2026-03-11, 11.03.2026 or 3/11/2026.")]


@pytest.mark.parametrize("cell, pain, note", [
    ("6", 6, ""), ("6/10", 6, ""), (" 6 / 10 ", 6, ""), ("0", 0, ""), ("10", 10, ""),
    ("6.5", 7, "Pain written as 6.5; rounded to 7."), ("6,5", 7, "Pain written as 6,5; rounded to 7."),
    ("4.4", 4, "Pain written as 4.4; rounded to 4."),
    ("none", 0, ""), ("No pain", 0, ""),
    ("mild", 2, "Pain estimated as 2 from the word 'mild' (its band is 1–3)."),
    ("Moderate", 5, "Pain estimated as 5 from the word 'Moderate' (its band is 4–6)."),
    ("severe pain", 8, "Pain estimated as 8 from the word 'severe pain' (its band is 7–10)."),
])
def test_pain_as_people_write_it(cell, pain, note):
    plan = _plan(f'Date,Pain\n2026-03-11,"{cell}"\n')
    assert plan.entries[0].entry.pain == pain
    assert plan.entries[0].entry.note == note


@pytest.mark.parametrize("cell, reason", [
    ("11", "The pain '11' is not a number from 0 to 10 (like 6 or 6/10) nor none, mild, moderate or severe."),
    ("3/5", "The pain '3/5' is not a number from 0 to 10 (like 6 or 6/10) nor none, mild, moderate or severe."),
    ("awful", "The pain 'awful' is not a number from 0 to 10 (like 6 or 6/10) nor none, mild, moderate or severe."),
    ("", "The pain is empty."),
])
def test_pain_that_cannot_be_read_is_a_listed_row(cell, reason):
    plan = _plan(f"Date,Pain\n2026-03-10,5\n2026-03-11,{cell}\n")
    assert [(s.line, s.reason) for s in plan.skipped] == [(3, reason)]
    assert len(plan.entries) == 1


def test_time_column_and_times_in_the_date_cell():
    with local_zone("Europe/Berlin"):
        plan = _plan("Date,Time,Pain\n2026-03-11,8:30,6\n2026-03-11,8:30 pm,5\n2026-03-11 07:05,,4\n"
                     "2026-03-12,,3\n2026-03-12,25:00,3\n", time="Time")
    assert [p.entry.at.time() for p in plan.entries] == [time(8, 30), time(20, 30), time(7, 5), time(12, 0)]
    assert [p.entry.at.utcoffset().total_seconds() for p in plan.entries] == [3600.0] * 4
    assert [(s.line, s.reason) for s in plan.skipped] == [
        (6, "The time '25:00' is not a time like 8:30, 20:30 or 8:30 pm.")]


def test_places_triggers_and_therapies_by_name_with_intensities_relief_and_medicines():
    text = ('Date,Pain,Where,Trigger,Therapy\n'
            '2026-03-11,6,"lower back:7; Hip, left; both knees; T8",bending and Gardening,'
            '"heat:60, Ibuprofen 400 mg + walk"\n')
    plan = _plan(text, where="Where", trigger="Trigger", therapy="Therapy")
    entry = plan.entries[0].entry
    assert [(s.location, s.intensity, s.level) for s in entry.sites] == [
        ("lower-back", 7, None), ("hip-left", 6, None), ("knee-left", 6, None), ("knee-right", 6, None),
        ("mid-back", 6, "T8")]
    assert entry.triggers == ["bending"]
    assert [(t.therapy, t.relief, t.medication, t.dose) for t in entry.therapies] == [
        ("heat", 60, None, None), ("otc-pain-medication", None, "Ibuprofen", "400 mg")]
    assert [(t.kind, t.slug, t.group) for t in plan.new_terms()] == [
        ("trigger", "gardening", None), ("therapy", "walk", "physical")]
    kept, _, _ = plan.records(1, add_new_terms=False)
    assert kept[0].note == "Also: Gardening; walk."


def test_a_sided_place_without_its_side_is_offered_as_a_new_place():
    plan = _plan("Date,Pain,Where\n2026-03-11,6,hip\n", where="Where")
    assert [(t.kind, t.slug, t.name) for t in plan.new_terms()] == [("location", "hip", "Hip")]


def test_columns_by_letter_other_columns_in_the_note_and_semicolon_files():
    text = "Datum;Schmerz;Notiz;Wetter;Schlaf\n11.03.2026;6;Bad night; stiff;;rain;poor\n"
    # The note cell holds "Bad night" and the next cell " stiff": an unquoted ; splits a cell, as it does
    # in any program reading this file; nothing is lost, it goes to the note under its column's letter.
    plan = _plan(text, date="A", pain="Schmerz", note="c")
    assert plan.entries[0].entry.note == "Bad night\n\nWetter: stiff\nF: rain\nG: poor"
    plan = _plan("Datum;Schmerz;Notiz;Wetter\n11.03.2026;6;\"Bad night; stiff\";rain\n", date="A", pain="B",
                 note="Notiz")
    assert plan.entries[0].entry.note == "Bad night; stiff\n\nWetter: rain"


def test_an_unknown_column_names_the_columns_there_are():
    with pytest.raises(ValidationError) as caught:
        _plan("When,Pain,Note\n2026-03-11,6,x\n", date="Day")
    assert str(caught.value) == ("There is no column 'Day' for --date; name one by its header or letter: "
                                 "A 'When', B 'Pain', C 'Note'.")
    with pytest.raises(ValidationError) as caught:
        _plan("Pain,Date,Pain\n6,2026-03-11,5\n")
    assert str(caught.value) == ("More than one column is headed 'Pain' (columns A, C); name the one for --pain "
                                 "by its letter.")


def test_a_file_with_a_bom_or_saved_as_windows_text():
    assert _days(_plan("\ufeffDate,Pain\n2026-03-11,6\n")) == [date(2026, 3, 11)]
    plan = _plan("Date,Pain,Note\n2026-03-11,6,Rücken\n".encode("cp1252"), note="Note")
    assert plan.entries[0].entry.note == "Rücken"


def _xlsx(rows, title="Pain", extra=None) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    if extra:
        book.create_sheet(extra).append(["nothing"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_xlsx_with_date_time_and_number_cells():
    data = _xlsx([["Date", "Time", "Pain", "Where"],
                  [datetime(2026, 3, 11), time(8, 30), 6, "neck"],
                  [datetime(2026, 3, 12, 19, 45), None, 6.5, None],
                  [date(2026, 3, 13), None, "severe", "ribs left"],
                  [None, None, None, None],
                  ["someday", None, 4, None]])
    with local_zone("Europe/Berlin"):
        plan = _plan(data, "pain.xlsx", time="Time", where="Where")
    assert [(p.line, p.entry.at.date(), p.entry.at.time(), p.entry.pain) for p in plan.entries] == [
        (2, date(2026, 3, 11), time(8, 30), 6), (3, date(2026, 3, 12), time(19, 45), 7),
        (4, date(2026, 3, 13), time(12, 0), 8)]
    assert [s.location for s in plan.entries[2].entry.sites] == ["rib-left"]
    assert plan.where == "row"
    assert [(s.line, s.reason) for s in plan.skipped] == [
        (6, "The date 'someday' is not a date like 2026-03-11, 11.03.2026 or 3/11/2026.")]


def test_the_sheet_is_chosen_by_name():
    data = _xlsx([["Date", "Pain"], [datetime(2026, 3, 11), 6]], title="2026", extra="Notes")
    assert _days(_plan(data, "pain.xlsx", sheet="2026")) == [date(2026, 3, 11)]
    with pytest.raises(ValidationError) as caught:
        _plan(data, "pain.xlsx", sheet="2025")
    assert str(caught.value) == "There is no sheet named '2025'; the sheets are: 2026, Notes."
    with pytest.raises(ValidationError) as caught:
        _plan("Date,Pain\n", "pain.csv", sheet="2026")
    assert str(caught.value) == "--sheet names a sheet of an .xlsx file; pain.csv is not one."


@pytest.mark.parametrize("data, name, sentence", [
    (b"PK\x03\x04garbage", "pain.xlsx", "pain.xlsx is not a readable .xlsx file; open it in your spreadsheet "
                                        "program and save it again as .xlsx or .csv."),
    (b"\xd0\xcf\x11\xe0", "pain.xls", "pain.xls is a .xls file; save it as .xlsx or .csv and import that."),
    (b"", "pain.csv", "pain.csv has no rows to import."),
    (b"Date,Pain\x00\x01", "pain.csv", "pain.csv is not a text file; import takes a .csv or .xlsx file."),
])
def test_files_that_cannot_be_read(data, name, sentence):
    with pytest.raises(ValidationError) as caught:
        _plan(data, name)
    assert str(caught.value) == sentence


def test_the_same_rows_twice_are_two_entries_with_their_own_ids():
    plan = _plan("Date,Pain\n2026-03-11,6\n2026-03-11,6\n")
    entries, _, _ = plan.records(1, True)
    assert len({e.id for e in entries}) == 2
    again, _, _ = _plan("Date,Pain\n2026-03-11,6\n2026-03-11,6\n").records(1, True)
    assert [e.id for e in again] == [e.id for e in entries]
    other, _, _ = _plan("Date,Pain\n2026-03-11,6\n2026-03-11,6\n").records(2, True)
    assert not {e.id for e in other} & {e.id for e in entries}  # another profile: other ids

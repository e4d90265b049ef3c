"""The user's own spreadsheet: a .csv, or an .xlsx read through openpyxl (imported here only).

The first row with anything in it is the header. Columns are named by their header (any
case) or by their letter (A, B, … AA). One row is one entry:

- date: ``2026-03-11``, ``11.03.2026`` (dots: day first), ``3/11/2026`` or ``3-11-26``
  (slashes and dashes: the file settles the order when one of its dates has a first part
  over 12, or a second part over 12; ``--day-first``/``--month-first`` say it when none does,
  and the import refuses dates it cannot settle rather than guess), or a date cell;
  a time in the date cell is kept;
- time (optional): ``8:30``, ``20:30:00``, ``8:30 pm``, ``8pm``, or a time cell; none: midday;
- pain: ``6``, ``6/10``, ``6.5`` (rounded half up), or a word: none → 0, mild → 2,
  moderate → 5, severe → 8 (a value inside the word's band, marked as estimated in the note);
- where, trigger, therapy (optional): names separated by ``;`` ``,`` ``+`` or "and";
  ``lower back:7`` gives a place its own intensity (else the entry's pain), ``heat:60`` a
  therapy its relief; names the vocabulary lacks are offered as new terms, else kept in the note;
- note (optional): the note, word for word; every other column with something in it is
  added to the note as ``Header: value``.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta
from pathlib import Path

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.limits import check_zip
from osteotrack.domain.numbers import whole
from osteotrack.domain.records import TherapyUse
from osteotrack.domain.validate import Vocabulary
from osteotrack.domain.when import now_local
from osteotrack.i18n import N_, _
from osteotrack.importers import names
from osteotrack.importers.plan import EntryDraft, ImportPlan, Pending, on_day, shown

PAIN_WORDS = {"none": 0, "no pain": 0, "mild": 2, "moderate": 5, "severe": 8}
BANDS = {"mild": "1–3", "moderate": "4–6", "severe": "7–10"}

_ISO = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](.+))?$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\.?(?:\s+(.+))?$")
_SLASHED = re.compile(r"^(\d{1,2})([/-])(\d{1,2})\2(\d{2}|\d{4})(?:\s+(.+))?$")
_CLOCK = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2})(?:\.\d+)?)?\s*([ap]\.?m\.?)?$", re.I)
_PAIN = re.compile(r"^(\d{1,2}(?:[.,]\d+)?)\s*(?:/\s*10)?$")


@dataclass
class Columns:
    """The columns named on the command line (header text or letter); None: not given."""

    date: str
    pain: str
    time: str | None = None
    where: str | None = None
    note: str | None = None
    trigger: str | None = None
    therapy: str | None = None


def read(data: bytes, path: str, columns: Columns, vocab: Vocabulary, sheet: str | None = None,
         day_first: bool | None = None) -> ImportPlan:
    """The plan for a spreadsheet; a file or column that cannot be used gets one sentence."""
    suffix = Path(path).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(data, path, sheet)
        where = "row"
    elif suffix in (".xls", ".ods", ".numbers"):
        raise ValidationError("import.sheet_kind", field="file", path=path, suffix=suffix)
    else:
        if sheet:
            raise ValidationError("import.sheet_not_xlsx", field="sheet", path=path)
        rows = _csv_rows(data, path)
        where = "line"
    rows = [(line, cells) for line, cells in rows if any(_blank(c) is False for c in cells)]
    if not rows:
        raise ValidationError("import.sheet_empty", field="file", path=path)
    (_line, header), body = rows[0], rows[1:]
    names_ = [_cell_text(c).strip() for c in header]
    index = {f.name: _column(getattr(columns, f.name), names_, f.name)
             for f in fields(Columns) if getattr(columns, f.name) is not None}
    plan = ImportPlan("sheet", N_("Spreadsheet"), where=where, rows_read=len(body))
    # TRANSLATORS: none, mild, moderate, severe: the English words the file may hold, kept as they are.
    plan.rules.append(_("Pain words: none → 0; mild → 2 (band 1–3); moderate → 5 (4–6); severe → 8 (7–10); "
                        "marked as estimated in the note. Pain with a fraction is rounded half up."))
    plan.rules.append(_("Rows without a time are put at midday; the day is the one written."))
    order = _settle_order(body, index["date"], day_first, where)
    if order is not None:
        plan.rules.append(_("Dates with slashes or dashes are read day first.") if order else
                          _("Dates with slashes or dashes are read month first."))
    mapped = set(index.values())
    seen: dict[str, int] = {}
    now = now_local()
    fields_ = ("date", "time", "pain", "where", "trigger", "therapy", "note")
    at = [index.get(name) for name in fields_]
    for line, cells in body:
        width = len(cells)
        values = [cells[i] if i is not None and i < width else None for i in at]
        texts = [v if isinstance(v, str) else _cell_text(v) for v in values]
        try:
            day, clock = _date(values[0], order, line)
            if not _blank(values[1]):
                clock = _time(values[1], line)
            pain, estimated = _pain(values[2], line)
        except ValidationError as error:
            plan.skip(line, error)
            continue
        draft = EntryDraft(vocab)
        draft.note(texts[6])
        if estimated:
            draft.note(estimated)
        _places(draft, texts[3], pain, vocab)
        _triggers(draft, texts[4], vocab)
        _therapies(draft, texts[5], vocab)
        others = [f"{(names_[i] if i < len(names_) else '') or _letter(i)}: {_cell_text(c).strip()}"
                  for i, c in enumerate(cells) if i not in mapped and not _blank(c)]
        if others:
            draft.note("\n".join(others))
        key = "\x1e".join(t.strip() for t in texts)
        n = seen.get(key, 0)
        seen[key] = n + 1
        plan.entries.append(draft.entry(f"{key}#{n}", line, on_day(day, clock, now), pain))
    return plan


# -- reading the file ---------------------------------------------------------


def _csv_rows(data: bytes, path: str) -> list[tuple[int, list]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")  # what spreadsheet programs on Windows save as plain "CSV"
        except UnicodeDecodeError:
            raise ValidationError("import.not_utf8", field="file", path=path) from None
    if "\x00" in text:
        raise ValidationError("import.sheet_binary", field="file", path=path)
    # The header line tells the separator: spreadsheet programs write ";" where "," is the decimal comma.
    first = next((line for line in text[:65536].splitlines() if line.strip()), "")
    delimiter = max(",;\t", key=lambda d: (first.count(d), d == ","))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    rows, start = [], 1
    try:
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as error:
        raise ValidationError("import.bad_csv", field="file", path=path, line=start, problem=str(error)) from None
    return rows


def _xlsx_rows(data: bytes, path: str, sheet: str | None) -> list[tuple[int, list]]:
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip(archive, path)  # a zip bomb is refused before openpyxl unpacks it
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, NotImplementedError):
        raise ValidationError("import.bad_xlsx", field="file", path=path) from None
    import warnings

    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file; each is the same sentence here
        raise ValidationError("import.bad_xlsx", field="file", path=path) from None
    try:
        titles = book.sheetnames
        if sheet is None:
            chosen = titles[0] if titles else None
        else:
            chosen = next((t for t in titles if t == sheet), None) or \
                next((t for t in titles if t.casefold() == sheet.strip().casefold()), None)
            if chosen is None:
                raise ValidationError("import.sheet_no_such_sheet", field="sheet", sheet=shown(sheet),
                                      sheets=", ".join(titles))
        if chosen is None:
            raise ValidationError("import.sheet_empty", field="file", path=path)
        worksheet = book[chosen]
        if not hasattr(worksheet, "iter_rows"):  # a chart sheet
            raise ValidationError("import.sheet_no_such_sheet", field="sheet", sheet=chosen,
                                  sheets=", ".join(titles))
        worksheet.reset_dimensions()  # some writers record no size or a wrong one
        try:
            return [(n, list(row)) for n, row in enumerate(worksheet.iter_rows(min_row=1, values_only=True), 1)]
        except ValidationError:
            raise
        except Exception:
            raise ValidationError("import.bad_xlsx", field="file", path=path) from None
    finally:
        book.close()


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _cell_text(value) -> str:
    """A cell as text: numbers without a needless ".0", dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes") if value.time() != time(0) else value.date().isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)


def _letter(i: int) -> str:
    text = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        text = chr(65 + rest) + text
    return text


def _column(spec: str, header: list[str], option: str) -> int:
    """The index of the column named ``spec``: a header (any case), else a letter."""
    wanted = spec.strip().casefold()
    hits = [i for i, name in enumerate(header) if name.casefold() == wanted]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise ValidationError("import.sheet_column_twice", field=option, option=option, name=shown(spec),
                              letters=", ".join(_letter(i) for i in hits))
    if re.fullmatch(r"[A-Za-z]{1,2}", spec.strip()):  # A … ZZ; a longer word is a header, never a letter
        number = 0
        for ch in spec.strip().upper():
            number = number * 26 + (ord(ch) - 64)
        if number <= len(header):
            return number - 1
    listed = ", ".join(f"{_letter(i)} '{shown(name, 24)}'" for i, name in enumerate(header) if name) or "none"
    raise ValidationError("import.sheet_column", field=option, option=option, name=shown(spec),
                          columns=shown(listed, 400))


# -- values ------------------------------------------------------------------


def _settle_order(body, column: int, day_first: bool | None, where: str) -> bool | None:
    """True: slash dates are day first; False: month first; None: no slash dates need it."""
    if day_first is not None:
        return day_first
    day_evidence = month_evidence = ambiguous = None
    for line, cells in body:
        value = cells[column] if column < len(cells) else None
        m = _SLASHED.match(value.strip()) if isinstance(value, str) else None
        if not m:
            continue
        a, b = int(m[1]), int(m[3])
        if a > 12 >= b and day_evidence is None:
            day_evidence = (line, value.strip())
        elif b > 12 >= a and month_evidence is None:
            month_evidence = (line, value.strip())
        elif a <= 12 and b <= 12 and a != b and ambiguous is None:
            ambiguous = (line, value.strip())
    if day_evidence and month_evidence:
        raise ValidationError("import.sheet_mixed_dates", field="date", where=where,
                              line_a=day_evidence[0], date_a=shown(day_evidence[1]),
                              line_b=month_evidence[0], date_b=shown(month_evidence[1]))
    if day_evidence:
        return True
    if month_evidence:
        return False
    if ambiguous:
        raise ValidationError("import.sheet_ambiguous_dates", field="date", where=where, line=ambiguous[0],
                              value=shown(ambiguous[1]))
    return None


def _year(text: str, today: date) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if 2000 + year <= today.year else 1900
    return year


def _date(value, order: bool | None, line: int) -> tuple[date, time | None]:
    if _blank(value):
        raise ValidationError("import.sheet_no_date", field="date", line=line)
    if isinstance(value, datetime):
        return value.date(), (value.time().replace(second=0, microsecond=0) if value.time() != time(0) else None)
    if isinstance(value, date):
        return value, None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 2958466:
        # An .xlsx date cell stored as a plain number: days since 30 December 1899 (Excel's 1900 system).
        moment = datetime(1899, 12, 30) + timedelta(days=float(value))
        clock = moment.time().replace(second=0, microsecond=0)
        return moment.date(), (clock if clock != time(0) else None)
    text = _cell_text(value).strip()
    today = date.today()
    clock_text = None
    try:
        if m := _ISO.match(text):
            day, clock_text = date(int(m[1]), int(m[2]), int(m[3])), m[4]
        elif m := _DOTTED.match(text):
            day, clock_text = date(_year(m[3], today), int(m[2]), int(m[1])), m[4]
        elif m := _SLASHED.match(text):
            a, b = int(m[1]), int(m[3])
            first_is_day = order if order is not None else a > 12
            day_n, month_n = (a, b) if first_is_day else (b, a)
            day, clock_text = date(_year(m[4], today), month_n, day_n), m[5]
        else:
            raise ValidationError("import.sheet_date", field="date", line=line, value=shown(text))
    except ValueError:
        raise ValidationError("import.sheet_date", field="date", line=line, value=shown(text)) from None
    return day, (_time(clock_text, line) if clock_text else None)


def _time(value, line: int) -> time:
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, float) and 0 <= value < 1:  # a time cell stored as a fraction of a day
        minutes = round(value * 24 * 60)
        return time(minutes // 60 % 24, minutes % 60)
    text = _cell_text(value).strip()
    m = _CLOCK.match(text)
    if m:
        hour, minute, ampm = int(m[1]), int(m[2] or 0), (m[4] or "").lower().replace(".", "")
        if ampm:
            hour = hour % 12 + (12 if ampm == "pm" else 0) if 1 <= hour <= 12 else 99
        if hour <= 23 and minute <= 59:
            return time(hour, minute)
    raise ValidationError("import.sheet_time", field="time", line=line, value=shown(text))


def _pain(value, line: int) -> tuple[int, str]:
    """The 0–10 pain of a cell, and what the note says about how it was read ("" when as written)."""
    if _blank(value):
        raise ValidationError("import.sheet_no_pain", field="pain", line=line)
    text = _cell_text(value).strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    else:
        plain = " ".join(text.lower().split())
        for suffix in (" pain",):
            plain = plain.removesuffix(suffix) if plain != "no pain" else plain
        if plain in PAIN_WORDS:
            pain = PAIN_WORDS[plain]
            if plain in BANDS:
                # TRANSLATORS: written in the entry's note: "Pain estimated as 5 from the word 'moderate' (its band
                # is 4–6)."; {word} is the word as the file has it.
                return pain, _("Pain estimated as {pain} from the word '{word}' (its band is {band}).").format(
                    pain=whole(pain), word=text, band=BANDS[plain])
            return pain, ""
        m = _PAIN.match(plain)
        if not m:
            raise ValidationError("import.sheet_pain", field="pain", line=line, value=shown(text))
        number = float(m[1].replace(",", "."))
    if not 0 <= number <= 10:
        raise ValidationError("import.sheet_pain", field="pain", line=line, value=shown(text))
    pain = int(number * 2 + 1) // 2  # half up
    # TRANSLATORS: written in the entry's note; {written} is the value as the file has it ("6.5").
    return pain, ("" if pain == number else
                  _("Pain written as {written}; rounded to {pain}.").format(written=text, pain=whole(pain)))


def _split_suffix(item: str) -> tuple[str, int | None]:
    """``"lower back:7"`` → ``("lower back", 7)``; a suffix that is not a number stays in the name."""
    name, sep, tail = item.rpartition(":")
    if sep and tail.strip().rstrip("%").isdigit() and name.strip():
        return name.strip(), int(tail.strip().rstrip("%"))
    return item.strip(), None


def _places(draft: EntryDraft, text: str, pain: int, vocab: Vocabulary) -> None:
    for item in names.split_items(text):
        name, intensity = _split_suffix(item)
        if intensity is not None and intensity > 10:
            draft.note(_("Where: {place}.").format(place=item))
            continue
        slugs, level = names.place(name, vocab)
        for slug in slugs:
            draft.site(slug, pain if intensity is None else intensity, level)
        if not slugs:
            draft.new(Pending(names.new_term("location", name, vocab, "where"), item,
                              intensity=pain if intensity is None else intensity))


def _triggers(draft: EntryDraft, text: str, vocab: Vocabulary) -> None:
    for item in names.split_items(text):
        slug = names.trigger(item, vocab)
        if slug:
            draft.trigger(slug)
        else:
            draft.new(Pending(names.new_term("trigger", item, vocab, "trigger"), item))


def _therapies(draft: EntryDraft, text: str, vocab: Vocabulary) -> None:
    for item in names.split_items(text):
        name, relief = _split_suffix(item)
        if relief is not None and (relief > 100 or relief % 10):
            draft.note(_("Therapy: {therapy}.").format(therapy=item))
            relief = None
        found = names.medicine(name)
        if found:
            draft.therapy(TherapyUse(found[0], relief, found[1], found[2]), item)
        elif (slug := names.therapy(name, vocab)) is not None:
            draft.therapy(TherapyUse(slug, relief), item)
        else:
            group = "medication" if names.has_dose(name) else "physical"
            term_name = names.split_medication(name)[0] if group == "medication" else name
            known = names.therapy(term_name, vocab)  # "Alendronat 70 mg", once "Alendronat" is a term
            if known:
                draft.therapy(TherapyUse(known, relief), item)
                draft.note(_("Therapy: {therapy}.").format(therapy=item))
            elif group == "medication":  # a therapy of the user's own has no dose: the note keeps it
                draft.note(_("Therapy: {therapy}.").format(therapy=item))
                draft.new(Pending(names.new_term("therapy", term_name, vocab, "therapy", group), "", relief=relief))
            else:
                draft.new(Pending(names.new_term("therapy", term_name, vocab, "therapy", group), item,
                                  relief=relief))

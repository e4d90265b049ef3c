"""Import the CSV export back: ``entries.csv`` alone, or the zip ``osteotrack export --format csv`` writes.

The rows become the same document the JSON import reads, so the same checks
apply: the whole file is validated before anything is written, and records
whose id is already in the diary are skipped. Columns this version does not
know are ignored (later versions add more). CSV keeps times to the minute; the
JSON export is the lossless one.
"""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from datetime import datetime
from pathlib import Path

from osteotrack.domain.csv_cells import restore
from osteotrack.domain.errors import ValidationError
from osteotrack.domain.messages import Phrase, place
from osteotrack.domain.validate import split_medication
from osteotrack.store.transfer import FORMAT, FORMAT_VERSION, read_import_file


def is_csv_export(path: Path) -> bool:
    """Whether ``path`` looks like a CSV export (a zip, or a .csv file) rather than a JSON one."""
    path = Path(path)
    return path.suffix.lower() == ".csv" or (path.is_file() and zipfile.is_zipfile(path))


def read_csv_export(path: Path, profile: str) -> dict:
    """The CSV export at ``path`` as an export document; rows without a ``profile`` column go to ``profile``."""
    data = read_import_file(path)
    try:
        if zipfile.is_zipfile(io.BytesIO(data)):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if "entries.csv" not in names:
                    raise ValidationError("csv.no_entries", field="file", path=path)
                texts = {name: _decode(archive.read(name), path, name) for name in TABLES if name in names}
        else:
            texts = {"entries.csv": _decode(data, path)}
    # ValueError: zipfile's own "negative seek value" when a damaged directory points before the file's start.
    # RuntimeError: a member marked encrypted (zipfile asks for a password).
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError, EOFError, ValueError,
            RuntimeError) as error:
        raise ValidationError("csv.bad_zip", field="file", path=path, reason=str(error)) from None
    profiles: dict[str, dict] = {}
    for name, text in texts.items():
        convert, key = TABLES[name]
        for where, row in _rows(text, name):
            who = (row.get("profile") or "").strip() or profile
            if who not in profiles:
                profiles[who] = {"name": who, "entries": [], "checkins": [], "events": [], "questions": []}
            profiles[who][key].append({**convert(row, where), "_where": where})
    return {"format": FORMAT, "format_version": FORMAT_VERSION, "profiles": list(profiles.values())}


def _decode(data: bytes, path: Path, name: str | None = None) -> str:
    """The text of a CSV file (``name`` in the zip ``path``, or ``path`` itself)."""
    try:
        return data.decode("utf-8-sig")  # a spreadsheet may have saved it with a byte-order mark
    except UnicodeDecodeError:
        if name is None:
            raise ValidationError("csv.not_utf8", field="file", path=path) from None
        raise ValidationError("csv.member_not_utf8", field="file", path=path, name=name) from None


REQUIRED = {
    "entries.csv": ("id", "date", "time", "utc_offset", "pain"),
    "checkins.csv": ("id", "date"),
    "events.csv": ("id", "date", "time", "utc_offset", "kind"),
    "questions.csv": ("id", "date", "question"),
}


def _rows(text: str, name: str):
    """``(where, row)`` for every data row, after checking the header has the columns needed."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = reader.fieldnames
        if header is None:
            return
        missing = [column for column in REQUIRED[name] if column not in header]
        if missing:
            code = "csv.missing_columns" if len(missing) > 1 else "csv.missing_column"
            raise ValidationError(code, field="file", name=name, columns=", ".join(missing))
        for row in reader:
            yield (place("place.csv_row", line=reader.line_num, name=name),
                   {k: restore(v or "") for k, v in row.items() if isinstance(k, str)})
    except csv.Error as error:
        raise ValidationError("csv.unreadable", field="file", name=name, line=reader.line_num,
                              reason=str(error)) from None


def _fail(where: Phrase, code: str, **params) -> ValidationError:
    """The refusal ``code`` (a sentence "In {where}, …") about the row ``where``."""
    return ValidationError(code, field="file", where=where, **params)


def _moment(row: dict, where: Phrase) -> str:
    text = f"{row['date'].strip()} {row['time'].strip()} {row['utc_offset'].strip()}"
    try:
        return datetime.strptime(text, "%Y-%m-%d %H:%M %z").isoformat()
    except ValueError:
        raise _fail(where, "csv.moment", text=text) from None


def _whole(row: dict, key: str, where: Phrase) -> int | None:
    text = row.get(key, "").strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise _fail(where, "csv.not_whole", key=key, text=text) from None


def _items(text: str) -> list[str]:
    return [item.strip() for item in text.split(";") if item.strip()]


def _entry(row: dict, where: Phrase) -> dict:
    pain = _whole(row, "pain", where)
    if pain is None:
        raise _fail(where, "csv.pain_empty")
    sites = []
    for item in _items(row.get("sites", "")):
        place, sep, intensity = item.rpartition(":")
        if not sep or not intensity.strip().isdigit():
            raise _fail(where, "csv.site", item=item)
        location, _, level = place.partition("/")
        sites.append({"location": location.strip(), "intensity": int(intensity), "level": level.strip() or None})
    therapies = {}
    for item in _items(row.get("therapies", "")):
        therapy, _, relief = item.partition(":")
        relief = relief.strip()
        if relief and not relief.isdigit():
            raise _fail(where, "csv.therapy", item=item)
        therapies[therapy.strip()] = {"therapy": therapy.strip(), "relief": int(relief) if relief else None,
                                      "medication": None, "dose": None}
    for item in _items(row.get("medications", "")):
        therapy, sep, text = item.partition("=")
        if not sep or therapy.strip() not in therapies or not text.strip():
            raise _fail(where, "csv.medication", item=item)
        name, dose = split_medication(text)
        therapies[therapy.strip()].update(medication=name, dose=dose)
    flag = row.get("for_doctor", "").strip().lower()
    if flag not in ("", "yes", "no"):
        raise _fail(where, "csv.for_doctor", text=flag)
    return {
        "id": row["id"].strip(), "at": _moment(row, where), "pain": pain, "sites": sites,
        "qualities": _items(row.get("qualities", "")), "triggers": _items(row.get("triggers", "")),
        "therapies": list(therapies.values()), "note": row.get("note", ""), "for_doctor": flag == "yes",
        "entered_by": row.get("entered_by", "").strip() or None,
    }


def _checkin(row: dict, where: Phrase) -> dict:
    items = {k: _whole(row, k, where) for k in ("peg_pain", "peg_enjoyment", "peg_activity", "sleep", "mood")}
    return {"id": row["id"].strip(), "day": row["date"].strip(), "note": row.get("note", ""), **items}


def _event(row: dict, where: Phrase) -> dict:
    score = row.get("t_score", "").strip()
    try:
        t_score = float(score) if score else None
    except ValueError:
        raise _fail(where, "csv.t_score", text=score) from None
    optional = {k: row.get(k, "").strip() or None for k in ("site", "level", "procedure", "dxa_site")}
    return {"id": row["id"].strip(), "kind": row["kind"].strip(), "at": _moment(row, where), "t_score": t_score,
            "note": row.get("note", ""), **optional}


def _question(row: dict, where: Phrase) -> dict:
    day = row["date"].strip()
    # The CSV keeps only the day a question was asked: midday UTC keeps that day in most time zones.
    return {"id": row["id"].strip(), "text": row["question"], "created": f"{day}T12:00:00+00:00",
            "status": row.get("status", "").strip() or "open", "answer": row.get("answer", "")}


TABLES = {
    "entries.csv": (_entry, "entries"),
    "checkins.csv": (_checkin, "checkins"),
    "events.csv": (_event, "events"),
    "questions.csv": (_question, "questions"),
}

"""Import the CSV export back: ``entries.csv`` alone, or the zip ``osteotrack export --format csv`` writes
(entries, check-ins, events, questions and the bone-care files).

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
from osteotrack.domain.limits import MAX_FILE_BYTES, check_zip, read_member
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
                check_zip(archive, path)  # a zip bomb or an encrypted member: refused before unpacking
                names = set(archive.namelist())
                if "entries.csv" not in names:
                    raise ValidationError("csv.no_entries", field="file", path=path)
                texts = {name: _decode(read_member(archive, name), path, name) for name in TABLES if name in names}
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
                profiles[who] = {"name": who, **{k: [] for _, k in TABLES.values()}}
            profiles[who][key].append({**convert(row, where), "_where": where})
    if not profiles and texts["entries.csv"].strip():  # the header an export of an empty diary writes, no rows
        profiles[profile] = {"name": profile, "entries": [], "checkins": [], "events": [], "questions": []}
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
    # Bone care (issue 16): files of exports from before it are simply absent.
    "treatments.csv": ("id", "medicine", "every", "since"),
    "doses.csv": ("id", "date", "time", "utc_offset", "medicine", "treatment_id"),
    "heights.csv": ("id", "date", "time", "utc_offset", "height_cm"),
    "falls_checks.csv": ("id", "date", "time", "utc_offset", "fell_past_year", "unsteady", "worried_about_falling"),
    "impressions.csv": ("id", "date", "time", "utc_offset", "score"),
    "side_effects.csv": ("id", "date", "time", "utc_offset", "medicine", "effect"),
}


def _rows(text: str, name: str):
    """``(where, row)`` for every data row, after checking the header has the columns needed."""
    # A note has no length limit in the diary, so neither has a cell here (the file's size bounds it).
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))
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


def _exact(text: str, where: Phrase) -> str:
    """An ISO time with its offset, as the file holds it (to the second); anything else is refused."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise _fail(where, "csv.moment", text=text) from None
    if moment.utcoffset() is None:
        raise _fail(where, "csv.moment", text=text)
    return moment.isoformat()


def _moment(row: dict, where: Phrase) -> str:
    """The record's time as the file holds it: the exact ``at`` column (to the second, with its offset) when
    there is one, else the date, time (``HH:MM`` or ``HH:MM:SS``) and offset columns."""
    exact = row.get("at", "").strip()
    if exact:
        return _exact(exact, where)
    text = f"{row['date'].strip()} {row['time'].strip()} {row['utc_offset'].strip()}"
    for form in ("%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M:%S %z"):
        try:
            return datetime.strptime(text, form).isoformat()
        except ValueError:
            continue
    raise _fail(where, "csv.moment", text=text)


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
    # "past 7 days" for the weekly PEG; older files (no column) asked about that day.
    weekly = row.get("peg_asked", "").strip() == "past 7 days"
    return {"id": row["id"].strip(), "day": row["date"].strip(), "note": row.get("note", ""), "peg_week": weekly,
            **items}


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
    asked = row.get("asked", "").strip()
    if asked:  # the exact time it was asked, with its offset
        when = _exact(asked, where)
    else:
        # A file from before the "asked" column keeps only the day: midday UTC keeps that day in most zones.
        when = f"{row['date'].strip()}T12:00:00+00:00"
    return {"id": row["id"].strip(), "text": row["question"], "created": when,
            "status": row.get("status", "").strip() or "open", "answer": row.get("answer", "")}


def _treatment(row: dict, where: Phrase) -> dict:
    from osteotrack.domain.bone import medicine_name
    from osteotrack.i18n import ENGLISH, speaking

    medicine, name = row["medicine"].strip(), row.get("name", "").strip()
    with speaking(ENGLISH):  # the CSV export writes its names in English (views.csv_export)
        builtin = medicine_name(medicine)
    return {"id": row["id"].strip(), "medicine": medicine, "every": row["every"].strip(),
            "since": row["since"].strip(), "dose": row.get("dose", ""),
            # The file has the name shown; a built-in medicine's own name is its default, kept as none.
            "name": "" if name == builtin else name,
            "stopped": row.get("stopped", "").strip() or None, "note": row.get("note", ""),
            "stop_note": row.get("stop_note", "")}


def _dose(row: dict, where: Phrase) -> dict:
    return {"id": row["id"].strip(), "at": _moment(row, where), "medicine": row["medicine"].strip(),
            "treatment_id": row["treatment_id"].strip(), "note": row.get("note", "")}


def _height(row: dict, where: Phrase) -> dict:
    text = row["height_cm"].strip()
    whole, dot, tenths = text.partition(".")
    if not whole.isdigit() or (dot and not (len(tenths) == 1 and tenths.isdigit())):
        raise _fail(where, "csv.height", text=text)
    return {"id": row["id"].strip(), "at": _moment(row, where), "mm": int(whole) * 10 + int(tenths or 0),
            "note": row.get("note", "")}


def _yes_no(row: dict, key: str, where: Phrase) -> bool:
    text = row[key].strip().lower()
    if text not in ("yes", "no"):
        raise _fail(where, "csv.yes_no", key=key, text=text)
    return text == "yes"


def _falls_check(row: dict, where: Phrase) -> dict:
    return {"id": row["id"].strip(), "at": _moment(row, where), "fell": _yes_no(row, "fell_past_year", where),
            "unsteady": _yes_no(row, "unsteady", where), "worried": _yes_no(row, "worried_about_falling", where)}


def _impression(row: dict, where: Phrase) -> dict:
    return {"id": row["id"].strip(), "at": _moment(row, where), "score": _whole(row, "score", where),
            "since_start_of": row.get("since_start_of", "").strip() or None, "note": row.get("note", "")}


def _side_effect(row: dict, where: Phrase) -> dict:
    return {"id": row["id"].strip(), "at": _moment(row, where), "medicine": row["medicine"].strip(),
            "effect": row["effect"], "severity": _whole(row, "severity", where), "note": row.get("note", "")}


# File → (its row as a record of the JSON document, the document's key). Treatments come before doses.
TABLES = {
    "entries.csv": (_entry, "entries"),
    "checkins.csv": (_checkin, "checkins"),
    "events.csv": (_event, "events"),
    "questions.csv": (_question, "questions"),
    "treatments.csv": (_treatment, "treatments"),
    "doses.csv": (_dose, "doses"),
    "heights.csv": (_height, "heights"),
    "falls_checks.csv": (_falls_check, "falls_checks"),
    "impressions.csv": (_impression, "impressions"),
    "side_effects.csv": (_side_effect, "side_effects"),
}

"""CSV export: a zip of tables a spreadsheet opens, one row per record.

``entries.csv`` starts with the readable summary columns of
``tables.entry_row`` (their names and order are kept for CSV import), then
spells every field out in a column of its own, for the terms this export
uses: ``site:<location>`` (intensity), ``level:<location>``,
``quality:<slug>``, ``trigger:<slug>`` (``yes`` or empty), ``therapy:<slug>``
(``yes`` when tried), ``relief:<slug>`` (percent, empty when not rated),
``medication:<slug>`` and ``dose:<slug>``. Every file has its header row even
when it has no records.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timezone

from osteotrack.domain.csv_cells import neutralise_row
from osteotrack.domain.records import CheckIn, Entry, Event, Question
from osteotrack.domain.validate import Vocabulary
from osteotrack.views import tables
from osteotrack.views.bone_csv import bone_files

_BLANK_DAY = date(2000, 1, 1)
_BLANK_MOMENT = datetime(2000, 1, 1, tzinfo=timezone.utc)


def _header(row: dict) -> list[str]:
    return ["profile", *row]


def entry_columns(entries: Iterable[Entry], vocab: Vocabulary) -> list[str]:
    """The entry table's columns: the summary ones, the exact time, then one per term used."""
    used: dict[str, set] = {"location": set(), "quality": set(), "trigger": set(), "therapy": set(),
                            "level": set(), "medication": set()}
    for e in entries:
        for s in e.sites:
            used["location"].add(s.location)
            if s.level:
                used["level"].add(s.location)
        used["quality"].update(e.qualities)
        used["trigger"].update(e.triggers)
        for t in e.therapies:
            used["therapy"].add(t.therapy)
            if t.medication or t.dose:
                used["medication"].add(t.therapy)
    columns = _header(tables.entry_row(Entry(at=_BLANK_MOMENT, pain=0), vocab)) + ["at"]
    for slug in _in_order(used["location"], vocab, "location"):
        columns.append(f"site:{slug}")
        if slug in used["level"]:
            columns.append(f"level:{slug}")
    columns += [f"quality:{s}" for s in _in_order(used["quality"], vocab, "quality")]
    columns += [f"trigger:{s}" for s in _in_order(used["trigger"], vocab, "trigger")]
    for slug in _in_order(used["therapy"], vocab, "therapy"):
        columns += [f"therapy:{slug}", f"relief:{slug}"]
        if slug in used["medication"]:
            columns += [f"medication:{slug}", f"dose:{slug}"]
    return columns


def _in_order(slugs: set, vocab: Vocabulary, kind: str) -> list[str]:
    """Slugs in the vocabulary's order (body map, source lists), unknown ones last."""
    known = [s for s in vocab.terms[kind] if s in slugs]
    return known + sorted(slugs - set(known))


def entry_detail(e: Entry) -> dict:
    """The per-term columns of one entry (only those it has)."""
    row: dict = {"at": e.at.isoformat()}
    for s in e.sites:
        row[f"site:{s.location}"] = s.intensity
        if s.level:
            row[f"level:{s.location}"] = s.level
    row.update({f"quality:{q}": "yes" for q in e.qualities})
    row.update({f"trigger:{t}": "yes" for t in e.triggers})
    for t in e.therapies:
        row[f"therapy:{t.therapy}"] = "yes"
        row[f"relief:{t.therapy}"] = "" if t.relief is None else t.relief
        if t.medication or t.dose:
            row[f"medication:{t.therapy}"] = t.medication or ""
            row[f"dose:{t.therapy}"] = t.dose or ""
    return row


def write_csv_zip(diary, handle, profiles: list[str] | None = None) -> None:
    """The CSV zip of the diary (``_write_csv_zip``), always in English: the texts of an export are a contract,
    the same whatever language the app speaks."""
    from osteotrack.i18n import ENGLISH, speaking

    with speaking(ENGLISH):
        _write_csv_zip(diary, handle, profiles)


def _write_csv_zip(diary, handle, profiles: list[str] | None = None) -> None:
    """Write entries, check-ins, events, questions and the bone-care records as CSV files into a zip.

    Entries are read twice, a batch at a time: once for the columns (the terms used), once for the
    rows, each written into the zip as it is made, so the memory does not grow with the diary.
    """
    vocab = diary.vocabulary()
    chosen = [p for p in diary.profiles() if profiles is None or p.name in profiles]
    people = [(diary.profile_by_id(p.id), p.name) for p in chosen]

    def entries() -> Iterator[tuple[str, Entry]]:
        for person, name in people:
            for e in person.each_entry(newest_first=False):
                yield name, e

    files: dict[str, list[dict]] = {"checkins.csv": [], "events.csv": [], "questions.csv": []}
    for person, name in people:
        files["checkins.csv"] += [{"profile": name, **tables.checkin_row(c)} for c in person.checkins()]
        # Each with its exact time too, to the second and with its offset, as the entries' "at" column.
        files["events.csv"] += [{"profile": name, **tables.event_row(v), "at": v.at.isoformat()}
                                for v in person.events()]
        files["questions.csv"] += [{"profile": name, **tables.question_row(q), "asked": q.created.isoformat()}
                                   for q in person.questions()]
    headers = {
        "entries.csv": entry_columns((e for _, e in entries()), vocab),
        "checkins.csv": _header(tables.checkin_row(CheckIn(day=_BLANK_DAY))),
        "events.csv": _header(tables.event_row(Event(kind="fall", at=_BLANK_MOMENT))) + ["at"],
        "questions.csv": _header(tables.question_row(Question(text="", created=_BLANK_MOMENT))) + ["asked"],
    }
    rows: dict[str, Iterable[dict]] = {
        "entries.csv": ({"profile": name, **tables.entry_row(e, vocab), **entry_detail(e)} for name, e in entries()),
        **files,
    }
    for filename, (header, found) in bone_files(diary, chosen).items():  # bone care (issue 16)
        headers[filename], rows[filename] = header, found
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for filename, header in headers.items():
            with archive.open(filename, "w") as member, io.TextIOWrapper(member, encoding="utf-8",
                                                                        newline="") as text:
                writer = csv.DictWriter(text, fieldnames=header, lineterminator="\n")
                writer.writeheader()
                # Text a spreadsheet would run as a formula gets a leading quote (domain.csv_cells).
                writer.writerows(neutralise_row(row) for row in rows[filename])

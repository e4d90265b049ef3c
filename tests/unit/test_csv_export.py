"""The CSV export: every field in a column of its own, and the entries read back the same."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import datetime, timedelta, timezone

from osteotrack.domain.records import Entry, Site, TherapyUse
from osteotrack.views.csv_export import write_csv_zip
from tests.conftest import NOW
from tests.support import active

TZ = timezone(timedelta(hours=2))
SUMMARY = ["profile", "id", "date", "time", "utc_offset", "pain", "band", "sites", "qualities", "triggers",
           "therapies", "medications", "note", "for_doctor", "entered_by"]


def _tables(diary) -> dict[str, list[dict]]:
    buffer = io.BytesIO()
    write_csv_zip(diary, buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"))))
                for name in archive.namelist()} | {
            f"{name}:header": next(csv.reader(io.StringIO(archive.read(name).decode("utf-8"))))
            for name in archive.namelist()}


def _entry_from_row(row: dict) -> Entry:
    """Rebuild an entry from the per-field columns only (not the summary ones)."""
    sites, therapies = [], []
    for column, value in row.items():
        kind, _, slug = column.partition(":")
        if kind == "site" and value != "":
            sites.append(Site(slug, int(value), row.get(f"level:{slug}") or None))
        if kind == "therapy" and value == "yes":
            relief = row[f"relief:{slug}"]
            therapies.append(TherapyUse(slug, int(relief) if relief else None,
                                        row.get(f"medication:{slug}") or None, row.get(f"dose:{slug}") or None))
    return Entry(
        at=datetime.fromisoformat(row["at"]), pain=int(row["pain"]), sites=sites,
        qualities=[c.split(":", 1)[1] for c, v in row.items() if c.startswith("quality:") and v == "yes"],
        triggers=[c.split(":", 1)[1] for c, v in row.items() if c.startswith("trigger:") and v == "yes"],
        therapies=therapies, note=row["note"], for_doctor=row["for_doctor"] == "yes",
        entered_by=row["entered_by"] or None, id=row["id"],
    )


def test_entries_read_back_to_the_same_entries(diary):
    stored = [
        active(diary).add_entry(Entry(at=datetime(2026, 11, 20, 8, 15, 30, tzinfo=TZ), pain=7,
                              sites=[Site("mid-back", 8, "T8"), Site("rib-left", 4)],
                              qualities=["aching", "sharp"], triggers=["bending", "lifting"],
                              therapies=[TherapyUse("heat", 60),
                                         TherapyUse("otc-pain-medication", None, "ibuprofen", "400 mg")],
                              note='said "ouch", then, laughed\nsecond line', for_doctor=True,
                              entered_by="Anna"), now=NOW),
        active(diary).add_entry(Entry(at=datetime(2026, 11, 21, 19, 0, tzinfo=TZ), pain=0), now=NOW),
    ]
    rows = _tables(diary)["entries.csv"]
    assert [_unordered(_entry_from_row(r)) for r in rows] == [_unordered(e) for e in stored]


def _unordered(e: Entry) -> Entry:
    """Columns follow the vocabulary's order, not the order things were picked in: compare as sets."""
    e.sites.sort(key=lambda s: s.location)
    e.therapies.sort(key=lambda t: t.therapy)
    e.qualities.sort()
    e.triggers.sort()
    return e


def test_summary_columns_come_first_unchanged_then_one_per_field(diary):
    active(diary).add_entry(Entry(at=datetime(2026, 11, 20, 8, 15, tzinfo=TZ), pain=5, sites=[Site("hip-right", 6)],
                          therapies=[TherapyUse("ice", 30)]), now=NOW)
    tables = _tables(diary)
    header = tables["entries.csv:header"]
    assert header[:len(SUMMARY)] == SUMMARY
    assert header[len(SUMMARY):] == ["at", "site:hip-right", "therapy:ice", "relief:ice"]
    row = tables["entries.csv"][0]
    assert (row["sites"], row["site:hip-right"], row["relief:ice"]) == ("hip-right:6", "6", "30")


def test_empty_tables_still_have_their_headers(diary):
    tables = _tables(diary)
    assert tables["entries.csv:header"] == SUMMARY + ["at"]
    assert tables["checkins.csv:header"] == ["profile", "id", "date", "peg_pain", "peg_enjoyment", "peg_activity",
                                             "peg_score", "sleep", "mood", "note", "peg_asked"]
    assert tables["events.csv:header"][:3] == ["profile", "id", "date"] and tables["events.csv:header"][-1] == "at"
    # "asked": when the question was asked, to the second and with its offset.
    assert tables["questions.csv:header"] == ["profile", "id", "date", "status", "question", "answer", "asked"]
    assert all(tables[name] == [] for name in ("entries.csv", "checkins.csv", "events.csv", "questions.csv"))

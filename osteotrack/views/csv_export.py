"""CSV export: a zip of tables a spreadsheet opens, one row per record."""

from __future__ import annotations

import csv
import io
import zipfile

from osteotrack.views import tables


def write_csv_zip(diary, handle, profiles: list[str] | None = None) -> None:
    """Write entries, check-ins, events and questions as CSV files into a zip."""
    vocab = diary.vocabulary()
    chosen = [p for p in diary.profiles() if profiles is None or p["name"] in profiles]
    files: dict[str, list[dict]] = {"entries.csv": [], "checkins.csv": [], "events.csv": [], "questions.csv": []}
    for p in chosen:
        pid, name = p["id"], p["name"]
        files["entries.csv"] += [{"profile": name, **tables.entry_row(e, vocab)}
                                 for e in diary.entries(pid, newest_first=False)]
        files["checkins.csv"] += [{"profile": name, **tables.checkin_row(c)} for c in diary.checkins(pid)]
        files["events.csv"] += [{"profile": name, **tables.event_row(v)} for v in diary.events(pid)]
        files["questions.csv"] += [{"profile": name, **tables.question_row(q)} for q in diary.questions(pid)]
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for filename, rows in files.items():
            buffer = io.StringIO()
            if rows:
                writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
                writer.writeheader()
                writer.writerows(rows)
            archive.writestr(filename, buffer.getvalue())

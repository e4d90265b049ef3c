"""Printing records as a table, JSON or CSV on standard output."""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterable
from typing import Any

import click

from osteotrack.domain import json_text
from osteotrack.domain.csv_cells import neutralise_row
from osteotrack.domain.describe import TABLE_TEXT_CHARS, beginning, labelled
from osteotrack.i18n import N_, _
from osteotrack.views import tables

# ``list --kind`` in words, for the table's title.
TITLES = {
    "entries": N_("Entries"), "checkins": N_("Check-ins"), "events": N_("Events"), "questions": N_("Questions"),
    "treatments": N_("Bone treatments"), "doses": N_("Doses"), "heights": N_("Heights"),
    "falls-checks": N_("Falls checks"), "impressions": N_("Impressions of change"), "side-effects": N_("Side effects"),
}
# The columns' headings in the table (the CSV and JSON keep the column names: they are contracts).
HEADINGS = {
    "id": N_("ID"), "date": N_("Date"), "time": N_("Time"), "pain": N_("Pain"), "sites": N_("Where"),
    "qualities": N_("Felt"), "triggers": N_("After"), "therapies": N_("Tried"), "medications": N_("Medication"),
    "note": N_("Note"), "for_doctor": N_("For the doctor"), "entered_by": N_("Logged by"),
    "peg_pain": N_("PEG pain"), "peg_enjoyment": N_("PEG enjoyment"), "peg_activity": N_("PEG activity"),
    "peg_score": N_("PEG score"), "sleep": N_("Sleep"), "mood": N_("Mood"), "peg_asked": N_("PEG about"),
    "kind": N_("Kind"), "site": N_("Site"), "level": N_("Level"), "procedure": N_("Procedure"),
    "t_score": N_("T-score"), "dxa_site": N_("DXA site"), "status": N_("Status"), "question": N_("Question"),
    "answer": N_("Answer"), "medicine": N_("Medicine"), "name": N_("Name"), "dose": N_("Dose"),
    "every": N_("Every"), "since": N_("Since"), "stopped": N_("Stopped"), "stop_note": N_("Why stopped"),
    "height_cm": N_("Height (cm)"), "fell_past_year": N_("Fell in the past year"), "unsteady": N_("Unsteady"),
    "worried_about_falling": N_("Worried about falling"), "score": N_("Score"), "meaning": N_("Meaning"),
    "since_start_of": N_("Since the start of"), "effect": N_("Side effect"), "severity": N_("Severity"),
}
# Cells that hold a word of the rows (a contract of the CSV) rather than the person's own text.
WORDS = {
    "yes": N_("yes"), "no": N_("no"), "past 7 days": N_("past 7 days"), "that day": N_("that day"),
    "open": N_("open"), "asked": N_("asked"), "answered": N_("answered"),
}
DAYS = ("date", "since", "stopped")
FIGURES = ("peg_score", "t_score", "height_cm")


def heading(column: str) -> str:
    """A column's heading in the language in force (its name, if it has none)."""
    return _(HEADINGS[column]) if column in HEADINGS else column.replace("_", " ")


def rows(person, kind: str, since, until, limit) -> tuple[Iterable[Any], Callable[[Any], dict]]:
    """The records, newest first, and the function that makes a table row of one.

    Every entry of a diary (no ``limit``) is read a batch at a time, so listing it takes flat memory.
    """
    vocab = person.vocabulary()
    if kind not in ("entries", "checkins", "events", "questions"):  # bone care: its tables are imported only then
        from osteotrack.views import bone_tables

        return bone_tables.records(person, kind, since, until, limit)
    if kind == "entries":
        entries = person.each_entry(since, until) if limit is None else person.entries(since, until, limit=limit)
        return entries, lambda e: tables.entry_row(e, vocab)
    if kind == "checkins":
        return list(reversed(person.checkins(since, until)))[:limit], tables.checkin_row
    if kind == "events":
        return list(reversed(person.events(since, until)))[:limit], tables.event_row
    questions = [q for q in reversed(person.questions())
                 if (since is None or q.created.date() >= since) and (until is None or q.created.date() <= until)]
    return questions[:limit], tables.question_row


def emit(found: tuple[Iterable[Any], Callable[[Any], dict]], fmt: str, title: str) -> None:
    """Write the records as JSON (each written as it is read), CSV (likewise) or a table."""
    records, row = found
    if fmt == "json":
        out = sys.stdout
        json_text.write(out.write, iter(records))  # records are written as record_dict spells them
        out.write("\n")
        out.flush()
        return
    if fmt == "csv":
        lines = (row(r) for r in records)
        first = next(lines, None)
        if first is not None:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(first), lineterminator="\n")
            writer.writeheader()
            writer.writerow(neutralise_row(first))  # no cell runs as a formula
            writer.writerows(neutralise_row(r) for r in lines)
        return
    flat = [row(r) for r in records]
    if not flat:
        click.echo(_("Nothing recorded in that range."))
        return
    from rich.console import Console

    console = Console()
    columns = shown_columns(flat)
    cells = [{c: _cell(r, c) for c in columns} for r in flat]
    if "band" in columns and "pain" in columns:  # one column fewer: "6 moderate"
        columns.remove("band")
        for cell in cells:
            cell["pain"] = f"{cell['pain']} {cell.pop('band')}".strip()
    table = _table(title, columns, cells)
    if _natural_width(console, table) <= console.width:
        console.print(table)
    else:  # too narrow for one line per record: one block per record, nothing cut or wrapped mid-value
        click.echo(blocks(title, columns, cells, console.width))


def shown_columns(flat: list[dict]) -> list[str]:
    """The columns worth showing: the ID prefix first, then every column that holds something."""
    hide = {"id", "utc_offset", "treatment_id"}
    filled = [c for c in flat[0] if c not in hide and any(r[c] not in ("", None) for r in flat)]
    return ["id"] * ("id" in flat[0]) + filled


def _cell(row: dict, column: str) -> str:
    value = row[column]
    if value is None or value == "":
        return ""
    if column in DAYS:
        from datetime import date

        from osteotrack.domain.dates import day

        return day(date.fromisoformat(str(value)))
    if column in FIGURES:
        from osteotrack.domain.numbers import figure

        return figure(value)
    if column == "band":
        from osteotrack.domain.describe import band_text

        return band_text(value)
    if column == "meaning":
        from osteotrack.domain.bone import impression_text

        return impression_text(int(row["score"]))
    if column in ("kind", "procedure", "dxa_site"):
        from osteotrack.domain.vocabulary import DXA_SITES, EVENT_KINDS, PROCEDURES, shown

        return shown({"kind": EVENT_KINDS, "procedure": PROCEDURES, "dxa_site": DXA_SITES}[column], str(value))
    if isinstance(value, str) and value in WORDS and column not in ("note", "question", "answer", "effect"):
        return _(WORDS[value])
    # The ID prefix the commands take (`osteotrack entry show 1a2b3c4d`).
    # A long note shows its beginning: the JSON and CSV formats give it whole.
    return str(value)[:8] if column == "id" else beginning(str(value), TABLE_TEXT_CHARS)


def _table(title: str, columns: list[str], cells: list[dict]):
    from rich import box
    from rich.table import Table

    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, collapse_padding=True)
    for column in columns:
        table.add_column(heading(column), no_wrap=True)
    for row in cells:
        table.add_row(*(row[c] for c in columns))
    return table


def _natural_width(console, table) -> int:
    from rich.measure import Measurement

    return Measurement.get(console, console.options.update(width=10_000), table).maximum


def blocks(title: str, columns: list[str], cells: list[dict], width: int) -> str:
    """One record per block: a first line with the ID and when, then ``label: value`` lines, wrapped
    between words only."""
    import textwrap

    head = [c for c in ("id", "date", "time") if c in columns]
    rest = [c for c in columns if c not in head]
    label_width = max(len(heading(c)) for c in rest) + 2 if rest else 0
    out = [title, ""]
    for row in cells:
        out.append("  ".join(row[c] for c in head if row[c]))
        for column in rest:
            if not row[column]:
                continue
            name = labelled(heading(column))
            if label_width + 30 <= width:
                first = f"  {name:<{label_width}}"
                rest_indent = " " * len(first)
            else:  # very narrow: the label on its own line, the value under it
                out.append(f"  {name}")
                first = rest_indent = "    "
            out += textwrap.wrap(row[column], width=width, initial_indent=first, subsequent_indent=rest_indent,
                                 break_long_words=False, break_on_hyphens=False)
        out.append("")
    return "\n".join(out).rstrip() + "\n"

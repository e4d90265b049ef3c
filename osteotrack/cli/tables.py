"""Printing records as a table, JSON or CSV on standard output."""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterable
from typing import Any

import click

from osteotrack.domain import json_text
from osteotrack.domain.csv_cells import neutralise_row
from osteotrack.domain.describe import TABLE_TEXT_CHARS, beginning
from osteotrack.domain.records import record_dict
from osteotrack.views import bone_tables, tables
from osteotrack.views.bone_tables import KINDS as BONE_KINDS


def rows(person, kind: str, since, until, limit) -> tuple[Iterable[Any], Callable[[Any], dict]]:
    """The records, newest first, and the function that makes a table row of one.

    Every entry of a diary (no ``limit``) is read a batch at a time, so listing it takes flat memory.
    """
    vocab = person.vocabulary()
    if kind in BONE_KINDS:
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
        json_text.write(out.write, (record_dict(r) for r in records))
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
        click.echo("Nothing recorded in that range.")
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
    if value is None:
        return ""
    # The ID prefix the commands take (`osteotrack entry show 1a2b3c4d`).
    # A long note shows its beginning: the JSON and CSV formats give it whole.
    return str(value)[:8] if column == "id" else beginning(str(value), TABLE_TEXT_CHARS)


def _table(title: str, columns: list[str], cells: list[dict]):
    from rich import box
    from rich.table import Table

    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, collapse_padding=True)
    for column in columns:
        table.add_column(column.replace("_", " "), no_wrap=True)
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
    label_width = max(len(c) for c in rest) + 2 if rest else 0
    out = [title, ""]
    for row in cells:
        out.append("  ".join(row[c] for c in head if row[c]))
        for column in rest:
            if not row[column]:
                continue
            name = column.replace("_", " ") + ":"
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

"""Printing records as a table, JSON or CSV on standard output."""

from __future__ import annotations

import csv
import json
import sys

import click

from osteotrack.domain.csv_cells import neutralise_row
from osteotrack.domain.describe import TABLE_TEXT_CHARS, beginning
from osteotrack.domain.records import record_dict
from osteotrack.views import bone_tables, tables
from osteotrack.views.bone_tables import KINDS as BONE_KINDS


def rows(person, kind: str, since, until, limit) -> list[tuple[dict, dict]]:
    """(flat row, full record) pairs, newest first."""
    vocab = person.vocabulary()
    if kind in BONE_KINDS:
        return bone_tables.rows(person, kind, since, until, limit)
    if kind == "entries":
        records = person.entries(since, until, limit=limit)
        return [(tables.entry_row(e, vocab), record_dict(e)) for e in records]
    if kind == "checkins":
        records = list(reversed(person.checkins(since, until)))[:limit]
        return [(tables.checkin_row(c), record_dict(c)) for c in records]
    if kind == "events":
        records = list(reversed(person.events(since, until)))[:limit]
        return [(tables.event_row(v), record_dict(v)) for v in records]
    records = [q for q in reversed(person.questions())
               if (since is None or q.created.date() >= since) and (until is None or q.created.date() <= until)]
    return [(tables.question_row(q), record_dict(q)) for q in records[:limit]]


# Kinds the command line deletes by id (``osteotrack dose delete ID``): their table shows the id's start.
SHORT_IDS = {"doses", "heights"}


def emit(pairs: list[tuple[dict, dict]], fmt: str, title: str, kind: str = "") -> None:
    if fmt == "json":
        click.echo(json.dumps([full for _, full in pairs], ensure_ascii=False, indent=2))
        return
    flat = [row for row, _ in pairs]
    if fmt == "csv":
        if flat:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(flat[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(neutralise_row(row) for row in flat)  # no cell runs as a formula
        return
    if not flat:
        click.echo("Nothing recorded in that range.")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    hide = {"utc_offset", "treatment_id"} | ({"id"} if kind not in SHORT_IDS else set())
    columns = [c for c in flat[0] if c not in hide and any(r[c] not in ("", None) for r in flat)]
    for column in columns:
        table.add_column(column.replace("_", " "), overflow="fold", no_wrap=column == "id")
    for row in flat:  # a long note shows its beginning: the JSON and CSV formats give it whole
        table.add_row(*("" if row[c] is None else str(row[c])[:8] if c == "id"
                        else beginning(str(row[c]), TABLE_TEXT_CHARS) for c in columns))
    Console().print(table)

"""Printing records as a table, JSON or CSV on standard output."""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterable
from typing import Any

import click

from osteotrack.domain import json_text
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
        flat = (row(r) for r in records)
        first = next(flat, None)
        if first is not None:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(first), lineterminator="\n")
            writer.writeheader()
            writer.writerow(first)
            writer.writerows(flat)
        return
    shown = [row(r) for r in records]
    if not shown:
        click.echo("Nothing recorded in that range.")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    hide = {"id", "utc_offset"}
    columns = [c for c in shown[0] if c not in hide and any(r[c] not in ("", None) for r in shown)]
    for column in columns:
        table.add_column(column.replace("_", " "), overflow="fold")
    for r in shown:
        table.add_row(*("" if r[c] is None else str(r[c]) for c in columns))
    Console().print(table)

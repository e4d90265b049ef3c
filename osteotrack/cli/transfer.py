"""``osteotrack export`` and ``osteotrack import``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from osteotrack.cli.common import pass_session


@click.command()
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True,
              help="json: the complete diary, re-importable without loss. csv: a zip of tables for spreadsheets.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="File to write ('-' for standard output, json only). Default: a dated name in this folder.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.pass_context
def export(ctx, fmt, output, force):
    """Export the diary (every profile, or only --profile NAME)."""
    from osteotrack.store.files import atomic_write
    from osteotrack.store.transfer import dumps, export_document
    from osteotrack.views.csv_export import write_csv_zip

    session = ctx.obj
    diary = session.diary(create=False)
    chosen = [session.profile_name()] if session.profile else None
    who = chosen[0] if chosen else "all"
    if fmt == "json":
        text = dumps(export_document(diary, chosen))
        if output == Path("-"):
            click.echo(text, nl=False)
            return
        output = output or Path(f"osteotrack-{who}-{date.today():%Y-%m-%d}.json")
        with atomic_write(output, force=force) as handle:
            handle.write(text)
    else:
        if output == Path("-"):
            raise click.UsageError("CSV export writes a zip file; give -o FILE.zip.")
        output = output or Path(f"osteotrack-{who}-{date.today():%Y-%m-%d}.zip")
        with atomic_write(output, force=force, mode="wb") as handle:
            write_csv_zip(diary, handle, chosen)
    click.echo(f"Wrote {output}")


@click.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--as-profile", default=None, metavar="NAME",
              help="Put a one-profile export into this profile (created if needed).")
@pass_session
def import_(session, file, as_profile):
    """Import an export file (JSON); records already in the diary are skipped."""
    from osteotrack.store.transfer import import_document, read_document

    document = read_document(file)
    counts = import_document(session.diary(), document, into_profile=as_profile)
    added = ", ".join(f"{counts[k]} {k}" for k in ("entries", "checkins", "events", "questions"))
    if counts.get("sessions"):
        added += f", {counts['sessions']} self-care sessions"
    click.echo(f"Imported {added}; {counts['skipped']} already in the diary.")


COMMANDS = [export, import_]

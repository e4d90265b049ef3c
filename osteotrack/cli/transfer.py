"""``osteotrack export`` and ``osteotrack import``."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from osteotrack.cli.common import CliError, pass_session, progress_bar


@click.command()
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "fhir"]), default="json", show_default=True,
              help="json: the complete diary, re-importable without loss. csv: a zip of tables for spreadsheets. "
                   "fhir: a FHIR R4 Bundle (pain Observations, PEG panels) for a clinic's system.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="File to write ('-' for standard output, json and fhir). Default: a dated name in this folder.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.pass_context
def export(ctx, fmt, output, force):
    """Export the diary (every profile, or only --profile NAME)."""
    from osteotrack.store.files import atomic_write
    from osteotrack.store.transfer import dumps, write_export
    from osteotrack.views.csv_export import write_csv_zip

    session = ctx.obj
    diary = session.diary(create=False)
    chosen = [session.person(create=False).name] if session.profile else None
    who = chosen[0] if chosen else "all"
    if fmt in ("json", "fhir"):
        # The JSON export is written as it is read, so its memory does not grow with the diary.
        def write(out) -> None:
            if fmt == "json":
                write_export(diary, out, chosen)
            else:
                out(dumps(_fhir_bundle(diary, chosen)))

        if output == Path("-"):
            stdout = sys.stdout
            write(stdout.write)
            stdout.flush()
            return
        suffix = "json" if fmt == "json" else "fhir.json"
        output = output or Path(f"osteotrack-{who}-{date.today():%Y-%m-%d}.{suffix}")
        with atomic_write(output, force=force) as handle:
            write(handle.write)
    else:
        if output == Path("-"):
            raise CliError("export.csv_needs_file", field="output")
        output = output or Path(f"osteotrack-{who}-{date.today():%Y-%m-%d}.zip")
        with atomic_write(output, force=force, mode="wb") as handle:
            write_csv_zip(diary, handle, chosen)
    click.echo(f"Wrote {output}")


def _fhir_bundle(diary, chosen):
    from osteotrack.views.fhir import bundle

    with progress_bar() as bar:
        task = bar.add_task("Building the FHIR bundle", total=None)
        return bundle(diary, chosen, progress=lambda done, total: bar.update(task, completed=done, total=total))


@click.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--as-profile", default=None, metavar="NAME",
              help="Put a one-profile export into this profile (created if needed).")
@click.option("--from", "source", type=click.Choice(["flaredown", "pain-diary", "sheet"]), default=None,
              help="History from another app or a spreadsheet: a Flaredown data.csv, a Privacy Friendly Pain "
                   "Diary backup, or your own .csv/.xlsx sheet. Shows what it would do and asks first.")
@click.option("--date", "date_column", default=None, metavar="COL", help="sheet: the date column (header or letter).")
@click.option("--time", "time_column", default=None, metavar="COL", help="sheet: the time column (optional).")
@click.option("--pain", "pain_column", default=None, metavar="COL", help="sheet: the pain column (6, 6/10, mild …).")
@click.option("--where", "where_column", default=None, metavar="COL", help="sheet: where it hurt.")
@click.option("--note", "note_column", default=None, metavar="COL", help="sheet: the note.")
@click.option("--trigger", "trigger_column", default=None, metavar="COL", help="sheet: what set it off.")
@click.option("--therapy", "therapy_column", default=None, metavar="COL", help="sheet: what helped.")
@click.option("--sheet", "sheet_name", default=None, metavar="NAME", help="sheet: which sheet of an .xlsx file.")
@click.option("--day-first/--month-first", "day_first", default=None,
              help="sheet: read dates like 3/11/2026 day first (or month first) when the file does not settle it.")
@click.option("--yes", is_flag=True, help="--from: import without asking.")
@click.option("--dry-run", is_flag=True, help="--from: only show what would be imported.")
@pass_session
def import_(session, file, as_profile, source, date_column, time_column, pain_column, where_column, note_column,
            trigger_column, therapy_column, sheet_name, day_first, yes, dry_run):
    """Import an export file: the JSON export, or the CSV export (its zip, or entries.csv alone).

    Records already in the diary are skipped. The whole file is checked first:
    a bad file changes nothing. Rows of an entries.csv go to --profile (or the active profile).
    With --from, history from another app or a spreadsheet goes to --profile (or the active profile).
    """
    if source is not None:
        from osteotrack.cli.outside import run

        if as_profile:
            from osteotrack.domain.errors import ValidationError

            raise ValidationError("import.from_with_as_profile", field="as_profile")
        options = {"date": date_column, "time": time_column, "pain": pain_column, "where": where_column,
                   "note": note_column, "trigger": trigger_column, "therapy": therapy_column, "sheet": sheet_name,
                   "day_first": day_first}
        run(session, file, source, options, yes=yes, dry_run=dry_run)
        return
    given = [name for name, value in (("--dry-run", dry_run), ("--yes", yes), ("--date", date_column),
                                      ("--time", time_column), ("--pain", pain_column), ("--where", where_column),
                                      ("--note", note_column), ("--trigger", trigger_column),
                                      ("--therapy", therapy_column), ("--sheet", sheet_name),
                                      ("--day-first/--month-first", day_first)) if value not in (None, False)]
    if given:
        from osteotrack.domain.errors import ValidationError

        raise ValidationError("import.needs_from", field="from", options=", ".join(given))
    from osteotrack.store.csv_import import is_csv_export, read_csv_export
    from osteotrack.store.transfer import import_parsed, parse_document, read_document

    if is_csv_export(file):
        document = read_csv_export(file, as_profile or session.person().name)
    else:
        document = read_document(file)
    parsed = parse_document(document)  # a malformed file is refused before the diary is even opened
    del document  # read once: only the records made of it are kept
    counts = import_parsed(session.diary(), parsed, into_profile=as_profile)
    added = ", ".join(f"{counts[k]} {k}" for k in ("entries", "checkins", "events", "questions"))
    if counts.get("sessions"):
        added += f", {counts['sessions']} self-care sessions"
    bone = [f"{counts[k]} {k.replace('_', ' ')}" for k in ("treatments", "doses", "heights", "falls_checks",
                                                           "impressions", "side_effects") if counts.get(k)]
    if bone:
        added += ", " + ", ".join(bone)
    click.echo(f"Imported {added}; {counts['skipped']} already in the diary.")


COMMANDS = [export, import_]

"""``osteotrack export`` and ``osteotrack import``."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from osteotrack.cli.common import CliError, Command, no_cycle_collection, pass_session, progress_bar
from osteotrack.cli.secret import PASSPHRASE_FILE_HELP, asker
from osteotrack.i18n import N_, _


@click.command(cls=Command)
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "fhir"]), default="json", show_default=True,
              help=N_("json: the complete diary, re-importable without loss. csv: a zip of tables for spreadsheets. "
                   "fhir: a FHIR R4 Bundle (pain Observations, PEG panels) for a clinic's system."))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help=N_("File to write ('-' for standard output, json and fhir). Default: a dated name in this folder."))
@click.option("--force", is_flag=True, help=N_("Replace the output file if it exists."))
@click.option("--encrypt", is_flag=True, help=N_("Encrypt the file with a passphrase (age format): for a USB stick or "
                                              "an e-mail. Asked in the terminal, or --passphrase-file."))
@click.option("--passphrase-file", type=click.Path(path_type=Path), default=None, help=PASSPHRASE_FILE_HELP)
@click.pass_context
def export(ctx, fmt, output, force, encrypt, passphrase_file):
    """Export the diary (every profile, or only --profile NAME)."""
    if encrypt:
        if output == Path("-"):
            raise CliError("export.encrypt_needs_file", field="output")
        _export_encrypted(ctx.obj, fmt, output, force, asker(passphrase_file, confirm=True))
        return
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
    click.echo(_("Wrote {path}").format(path=output))


def _export_encrypted(session, fmt, output, force, passphrase) -> None:
    """The export as an age file: made in memory, encrypted, written 0600 through an exclusive temporary file."""
    import io

    from osteotrack.store.crypt import encrypt, write_new
    from osteotrack.store.files import check_target
    from osteotrack.store.transfer import dumps, export_document
    from osteotrack.views.csv_export import write_csv_zip

    diary = session.diary(create=False)
    chosen = [session.person(create=False).name] if session.profile else None
    who = chosen[0] if chosen else "all"
    suffix = {"json": "json", "fhir": "fhir.json", "csv": "zip"}[fmt]
    output = output or Path(f"osteotrack-{who}-{date.today():%Y-%m-%d}.{suffix}.age")
    check_target(output, force)
    if fmt == "csv":
        buffer = io.BytesIO()
        write_csv_zip(diary, buffer, chosen)
        data = buffer.getvalue()
    else:
        data = dumps(export_document(diary, chosen) if fmt == "json" else _fhir_bundle(diary, chosen)).encode()
    write_new(output, encrypt(data, passphrase()), force=force)
    click.echo(_("Wrote {path} (encrypted)").format(path=output))


def _fhir_bundle(diary, chosen):
    from osteotrack.views.fhir import bundle

    with progress_bar() as bar:
        task = bar.add_task(_("Building the FHIR bundle"), total=None)
        return bundle(diary, chosen, progress=lambda done, total: bar.update(task, completed=done, total=total))


@click.command("import", cls=Command)
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--as-profile", default=None, metavar="NAME",
              help=N_("Put a one-profile export into this profile (created if needed)."))
@click.option("--from", "source", type=click.Choice(["flaredown", "pain-diary", "sheet"]), default=None,
              help=N_("History from another app or a spreadsheet: a Flaredown data.csv, a Privacy Friendly Pain "
                   "Diary backup, or your own .csv/.xlsx sheet. Shows what it would do and asks first."))
@click.option("--date", "date_column", default=None, metavar="COL",
              help=N_("sheet: the date column (header or letter)."))
@click.option("--time", "time_column", default=None, metavar="COL", help=N_("sheet: the time column (optional)."))
@click.option("--pain", "pain_column", default=None, metavar="COL",
              help=N_("sheet: the pain column (6, 6/10, mild …)."))
@click.option("--where", "where_column", default=None, metavar="COL", help=N_("sheet: where it hurt."))
@click.option("--note", "note_column", default=None, metavar="COL", help=N_("sheet: the note."))
@click.option("--trigger", "trigger_column", default=None, metavar="COL", help=N_("sheet: what set it off."))
@click.option("--therapy", "therapy_column", default=None, metavar="COL", help=N_("sheet: what helped."))
@click.option("--sheet", "sheet_name", default=None, metavar="NAME", help=N_("sheet: which sheet of an .xlsx file."))
@click.option("--day-first/--month-first", "day_first", default=None,
              help=N_("sheet: read dates like 3/11/2026 day first (or month first) when the file does not settle it."))
@click.option("--yes", is_flag=True, help=N_("--from: import without asking."))
@click.option("--dry-run", is_flag=True, help=N_("--from: only show what would be imported."))
@click.option("--passphrase-file", type=click.Path(path_type=Path), default=None, help=PASSPHRASE_FILE_HELP)
@pass_session
def import_(session, file, as_profile, source, date_column, time_column, pain_column, where_column, note_column,
            trigger_column, therapy_column, sheet_name, day_first, yes, dry_run, passphrase_file):
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
    from osteotrack.store.bone_transfer import KEYS as BONE_KEYS
    from osteotrack.store.crypt import is_encrypted
    from osteotrack.store.csv_import import is_csv_export, read_csv_export
    from osteotrack.store.transfer import import_parsed, parse_document, read_document

    with no_cycle_collection():
        if is_encrypted(file):
            from osteotrack.store.crypt import decrypt_file
            from osteotrack.store.transfer import document_from_bytes

            document = document_from_bytes(decrypt_file(file, asker(passphrase_file)()), file)
        elif is_csv_export(file):
            document = read_csv_export(file, as_profile or session.person().name)
        else:
            document = read_document(file)
        parsed = parse_document(document)  # a malformed file is refused before the diary is even opened
        if not parsed["profiles"]:  # not even a header line: nothing an export writes
            raise CliError("import.nothing", field="file", path=str(file))
        kinds = ("entries", "checkins", "events", "questions", "sessions", *BONE_KEYS)
        if not any(p.get(key) for p in parsed["profiles"] for key in kinds):
            click.echo(_("{file} holds no records (an export of an empty diary): nothing to import.").format(
                file=file))
            return
        counts = import_parsed(session.diary(), parsed, document, into_profile=as_profile)
        # Freed while the collector still rests: on its return it would walk them all once more, to free nothing.
        del document, parsed
    from osteotrack.domain.numbers import count

    words = {"entries": "entry", "checkins": "check-in", "events": "event", "questions": "question"}
    optional = {"sessions": "self-care session", "treatments": "treatment", "doses": "dose", "heights": "height",
                "falls_checks": "falls check", "impressions": "impression", "side_effects": "side effect"}
    added = ", ".join([count(counts[k], word) for k, word in words.items()]
                      + [count(counts[k], word) for k, word in optional.items() if counts.get(k)])
    # TRANSLATORS: {records} is a list of counts: "3 entries, 1 check-in, 0 events, 2 questions".
    click.echo(_("Imported {records}; {skipped} already in the diary.").format(records=added,
                                                                              skipped=counts["skipped"]))


COMMANDS = [export, import_]

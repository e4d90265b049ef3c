"""``osteotrack import FILE --from flaredown|pain-diary|sheet``: history from another app or a spreadsheet.

Shows what it would do first (rows read, entries to create, rows it cannot read with
their line and reason, names the vocabulary lacks), then asks before writing; ``--yes``
for scripts, ``--dry-run`` to only look. One transaction: all or nothing.
"""

from __future__ import annotations

from pathlib import Path

import click

from osteotrack.cli.common import CliError
from osteotrack.domain.describe import whose_diary
from osteotrack.domain.errors import ValidationError
from osteotrack.domain.numbers import count, whole
from osteotrack.i18n import _, ngettext

SHEET_OPTIONS = ("date", "time", "pain", "where", "note", "trigger", "therapy", "sheet", "day_first")


def run(session, file: Path, source: str, options: dict, *, yes: bool, dry_run: bool) -> None:
    """Preview the import of ``file`` as ``source``, ask, and write it into the session's profile."""
    from osteotrack.importers.preview import plan_for, preview, read_file

    given = [f"--{k.replace('_', '-')}" for k in SHEET_OPTIONS if options.get(k) is not None]
    columns = None
    if source != "sheet" and given:
        raise ValidationError("import.sheet_options", field="from", options=", ".join(given))
    if source == "sheet":
        if not options.get("date") or not options.get("pain"):
            raise ValidationError("import.sheet_needs", field="from")
        from osteotrack.importers.sheet import Columns

        columns = Columns(**{k: options.get(k) for k in ("date", "pain", "time", "where", "note", "trigger",
                                                          "therapy")})
    data = read_file(file)
    exists = session.path.exists()
    person = session.person(create=False) if exists else None
    if person is not None:
        vocab = person.vocabulary()
    else:
        from osteotrack.domain.validate import Vocabulary
        from osteotrack.domain.vocabulary import BUILTIN

        vocab = Vocabulary(BUILTIN)
    plan = plan_for(source, data, str(file), vocab, columns=columns, sheet=options.get("sheet"),
                    day_first=options.get("day_first"))
    if person is not None:
        entries, checkins, _terms = plan.records(person.id, True)
        ids, days = [e.id for e in entries], [c.id for c in checkins]
        known = person.known_ids("entry", ids) | person.known_ids("check-in", days)
        shown = preview(plan, str(file), whose_diary(person.name), known, ids, days)
    else:
        shown = preview(plan, str(file), _("a new diary"))
    for line in shown.lines:
        click.echo(line)
    if dry_run:
        click.echo(_("Dry run: nothing was stored."))
        return
    if not plan.entries and not plan.checkins and plan.skipped:  # rows, none of them readable: not a success
        raise CliError("import.none_readable", field="file", path=str(file))
    if shown.new_entries == 0 and shown.new_checkins == 0:
        click.echo(_("Nothing new to import."))
        return
    add_terms = True
    if shown.new_terms and not yes:
        add_terms = _ask(_("Add the new names to your vocabulary? (No: they stay words in each entry's note.)"), True)
    whose = whose_diary(person.name) if person is not None else _("a new diary")
    if not yes and not _ask(_("Import {entries} into {diary}?").format(entries=count(shown.new_entries, "entry"),
                                                                       diary=whose), False):
        click.echo(_("Nothing was imported."))
        raise click.exceptions.Exit(1)
    person = session.person()
    entries, checkins, terms = plan.records(person.id, add_terms)
    counts = person.import_records(entries, checkins, terms, checked=True)
    records, skipped = count(counts["entries"], "entry"), counts["skipped"]
    if counts["checkins"]:
        records = _("{entries} and {checkins}").format(entries=records, checkins=count(counts["checkins"], "check-in"))
    if counts["terms"]:
        said = ngettext("Imported {records}, with {n} new name in the vocabulary; {skipped} already in the diary.",
                        "Imported {records}, with {n} new names in the vocabulary; {skipped} already in the diary.",
                        counts["terms"]).format(records=records, n=whole(counts["terms"]), skipped=skipped)
    else:
        said = _("Imported {records}; {skipped} already in the diary.").format(records=records, skipped=skipped)
    click.echo(said)


def _ask(question: str, default: bool) -> bool:
    try:
        return click.confirm(question, default=default)
    except click.Abort:  # no answer (end of input): the safe answer
        click.echo()
        return False

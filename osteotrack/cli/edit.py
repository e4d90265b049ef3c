"""``osteotrack entry show|edit|delete|undelete ID``: what the app's History does, as commands.

An ID is the first characters of an entry's id, as ``osteotrack list`` shows them (at
least 4). ``entry edit`` takes ``log``'s options; each one given replaces that part of
the entry and the rest stays. Who logged the entry stays too, unless ``--by`` is given:
the app keeps it the same way.
"""

from __future__ import annotations

import click

from osteotrack.cli.common import CliError, Group, can_ask, pass_session
from osteotrack.cli.entries import entry_options
from osteotrack.i18n import N_, _


@click.group(cls=Group)
def entry():
    """One pain entry by its ID (the first characters `osteotrack list` shows): show, edit, delete, undelete.

    \b
    osteotrack entry show 1a2b3c4d
    osteotrack entry edit 1a2b3c4d --pain 5 --note "after the walk"
    osteotrack entry delete 1a2b3c4d
    osteotrack entry undelete 1a2b3c4d
    """


def _id_argument(function):
    return click.argument("entry_id", metavar="ID")(function)


@entry.command("show")
@_id_argument
@pass_session
def entry_show(session, entry_id):
    """Show every part of one entry."""
    from osteotrack.domain.describe import entry_lines

    person = session.person()
    found = person.get_entry(person.find_id("entry", entry_id))
    assert found is not None  # find_id found it
    lines = entry_lines(found, person.vocabulary())
    width = max(16, *(len(label) + 2 for label, _value in lines))  # the labels' length differs by language
    for label, value in lines:
        click.echo(f"{label + ':':<{width}}{value}")


@entry.command("edit")
@_id_argument
@entry_options(editing=True)
@pass_session
def entry_edit(session, entry_id, pain, sites, qualities, triggers, therapies, meds, note, doctor, entered_by, at):
    """Change an entry: each option given replaces that part of it; the rest stays.

    \b
    Takes the options of `osteotrack log`. Examples:
      osteotrack entry edit 1a2b3c4d --pain 5
      osteotrack entry edit 1a2b3c4d --where T8:6 --where T9:5 --not-for-doctor
    """
    from dataclasses import replace

    from osteotrack.domain.describe import entry_summary
    from osteotrack.domain.validate import (
        MEDICATION_THERAPIES,
        attach_medication,
        check_scale,
        parse_site,
        parse_therapy,
    )
    from osteotrack.domain.when import parse_when

    person = session.person()
    person.diary.check_writable()
    old = person.get_entry(person.find_id("entry", entry_id))
    assert old is not None  # find_id found it
    vocab = person.vocabulary()
    new = replace(old)
    if pain is not None:
        new.pain = check_scale(pain)
    if sites:
        new.sites = [parse_site(s, vocab, default_intensity=new.pain) for s in sites]
    if qualities:
        new.qualities = list(qualities)
    if triggers:
        new.triggers = list(triggers)
    if therapies:
        new.therapies = [parse_therapy(t, vocab) for t in therapies]
    if meds:
        # The medications given replace the ones stored with the entry's medication therapies.
        uses = [replace(t, medication=None, dose=None) if t.therapy in MEDICATION_THERAPIES else t
                for t in new.therapies]
        for med in meds:
            uses = attach_medication(uses, med)
        new.therapies = uses
    if note is not None:
        new.note = note
    if doctor is not None:
        new.for_doctor = doctor
    if entered_by is not None:
        new.entered_by = entered_by
    if at is not None:
        new.at = parse_when(at)
    if new == old:
        click.echo(_("Nothing to change in {entry} (id {id}).").format(entry=entry_summary(old, vocab), id=old.id[:8]))
        return
    stored = person.update_entry(new)
    click.echo(_("Changed {entry} (id {id}).").format(entry=entry_summary(stored, vocab), id=stored.id[:8]))


@entry.command("delete")
@_id_argument
@click.option("--yes", is_flag=True, help=N_("Do not ask for confirmation (for scripts)."))
@pass_session
def entry_delete(session, entry_id, yes):
    """Delete an entry (it can be brought back for 30 days with `entry undelete`)."""
    from osteotrack.domain.describe import entry_summary

    person = session.person()
    person.diary.check_writable()
    found = person.get_entry(person.find_id("entry", entry_id))
    assert found is not None and found.id is not None  # find_id found it
    summary = entry_summary(found, person.vocabulary())
    if not yes:
        if not can_ask():
            raise CliError("entry.delete_needs_yes", field="yes", id=found.id[:8])
        if not click.confirm(_("Delete this entry?\n{entry}\n").format(entry=summary), default=False):
            click.echo(_("Nothing was changed."))
            return
    person.delete_entry(found.id)
    click.echo(_("Deleted {entry} (id {id}).\nTo bring it back (within 30 days): osteotrack entry undelete {id}")
               .format(entry=summary, id=found.id[:8]))


@entry.command("undelete")
@_id_argument
@pass_session
def entry_undelete(session, entry_id):
    """Bring back an entry deleted here or in the app within the last 30 days."""
    from osteotrack.domain.describe import entry_summary

    person = session.person()
    person.diary.check_writable()
    restored = person.undelete_entry(person.find_id("deleted entry", entry_id))
    click.echo(_("Brought back {entry} (id {id}).").format(entry=entry_summary(restored, person.vocabulary()),
                                                         id=restored.id[:8]))


COMMANDS = [entry]

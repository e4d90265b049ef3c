"""``osteotrack profile``: one profile per person, so a caregiver can keep a diary for someone."""

from __future__ import annotations

import re
from datetime import datetime

import click
from click_default_group import DefaultGroup

from osteotrack.cli.common import CliError, Group, can_ask, pass_session
from osteotrack.i18n import N_, _


class ProfileGroup(DefaultGroup, Group):
    pass


@click.group(cls=ProfileGroup, default="list", default_if_no_args=True)
def profile():
    """Profiles: one per person. list, add, rename, remove, use.

    \b
    osteotrack profile add Dad
    osteotrack profile use Dad --as Anna     # Anna logs for Dad from now on
    osteotrack profile list
    """


@profile.command("list")
@pass_session
def profile_list(session):
    """Every profile with its entries and last entry; * marks the active one."""
    from osteotrack.domain import numbers
    from osteotrack.domain.describe import pain_text, when_text

    diary = session.diary()
    active = diary.profile_id(diary.active_profile())
    width = max(len(p.name) for p in diary.profiles())
    for p in diary.profiles():
        person = diary.profile_by_id(p.id)
        count = person.count_entries()
        last = person.last_entry()
        text = f"{'*' if p.id == active else ' '} {p.name:<{width}}  {numbers.count(count, 'entry')}"
        if last is not None:
            text += _(", last {when}, pain {pain}").format(when=when_text(last.at), pain=pain_text(last.pain))
        logger = person.default_logger()
        if logger:
            text += _("; logged by {name}").format(name=logger)
        click.echo(text)


@profile.command("add")
@click.argument("name")
@pass_session
def profile_add(session, name):
    """Add a profile for another person."""
    diary = session.diary()
    added = diary.profile_name(diary.add_profile(name))
    click.echo(_("Added profile '{name}'. Make it the active one with: osteotrack profile use \"{name}\"")
               .format(name=added))


@profile.command("rename")
@click.argument("old")
@click.argument("new")
@pass_session
def profile_rename(session, old, new):
    """Rename a profile; its records stay with it."""
    session.diary().rename_profile(old, new)
    click.echo(_("Renamed profile '{old}' to '{new}'.").format(old=old, new=" ".join(new.split())))


@profile.command("use")
@click.argument("name")
@click.option("--as", "logger", default=None, metavar="CAREGIVER",
              help=N_("You log for this person: entries are marked as logged by CAREGIVER (`log --by` overrides)."))
@click.option("--as-patient", is_flag=True, help=N_("The person logs for themself: forget the --as name."))
@pass_session
def profile_use(session, name, logger, as_patient):
    """Make NAME the active profile: commands and the app work on it."""
    if logger is not None and as_patient:
        raise CliError("profile.as_both", field="as")
    if logger is not None and not logger.strip():
        raise CliError("profile.as_empty", field="as")
    diary = session.diary()
    pid = diary.use_profile(name)
    if logger is not None or as_patient:
        diary.profile_by_id(pid).set_default_logger(None if as_patient else logger)
    chosen, by = diary.profile_name(pid), diary.profile_by_id(pid).default_logger()
    from osteotrack.domain.describe import whose_diary

    if by:
        click.echo(_("Now using {diary}; entries are marked as logged by {name}.").format(
            diary=whose_diary(chosen), name=by))
    else:
        click.echo(_("Now using {diary}; entries are marked as logged by {name} (the patient).").format(
            diary=whose_diary(chosen), name=chosen))


@profile.command("remove")
@click.argument("name")
@click.option("--yes", is_flag=True, help=N_("Do not ask for confirmation (for scripts)."))
@pass_session
def profile_remove(session, name, yes):
    """Remove a profile and all its records, after making a backup of the diary."""
    diary = session.diary(create=False)
    diary.check_writable()
    pid = diary.profile_id(name)
    chosen = diary.profile_name(pid)
    if len(diary.profiles()) == 1:
        raise CliError("profile.last", field="profile", name=chosen)
    held = _holdings(diary.profile_by_id(pid))
    if not yes:
        if not can_ask():
            raise CliError("profile.remove_needs_yes", field="yes", name=chosen, held=held)
        click.confirm(_("Remove profile '{name}' and its {records}? A backup is made first").format(
            name=chosen, records=held), abort=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    slug = re.sub(r"[^a-z0-9]+", "-", chosen.lower()).strip("-") or "profile"
    backup = diary.backup(diary.path.with_name(f"{diary.path.stem}.before-removing-{slug}-{stamp}.db"))
    diary.remove_profile(chosen)
    click.echo(_("Removed profile '{name}' and its {records}.\nA backup of the diary from before the removal is "
                 "at {path}").format(name=chosen, records=held, path=backup))
    click.echo(_("The active profile is {name}.").format(name=diary.active_profile()))


def _holdings(person) -> str:
    from osteotrack.domain.numbers import count

    counts = [
        count(person.count_entries(), "entry"),
        count(len(person.checkins()), "check-in"),
        count(len(person.events()), "event"),
        count(len(person.questions()), "question"),
    ]
    # TRANSLATORS: what a profile holds: "3 entries, 2 check-ins, 1 event and 4 questions".
    return _("{entries}, {checkins}, {events} and {questions}").format(
        entries=counts[0], checkins=counts[1], events=counts[2], questions=counts[3])


COMMANDS = [profile]

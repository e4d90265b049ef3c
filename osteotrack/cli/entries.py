"""``osteotrack log`` and ``osteotrack list``: the quick path in and the way out."""

from __future__ import annotations

import click

from osteotrack.cli.common import CliError, Command, day_option, parse_day_option, pass_session, when_option
from osteotrack.i18n import N_, _


def entry_options(editing: bool = False):
    """``log``'s options, as one decorator; ``entry edit`` takes the same ones, each optional.

    When ``editing``, an option not given is None (or empty): that part of the entry stays.
    """
    options = [
        click.option("--pain", **({"default": None} if editing else {"required": True}), metavar="0-10",
                     help=N_("Overall pain now: 0 none, 1–3 mild, 4–6 moderate, 7–10 severe.")),
        click.option("--where", "sites", multiple=True, metavar="SITE:N",
                     help=N_("Where it hurts and how much (0–10), e.g. lower-back:7, mid-back/T8:6 or T8:6. "
                             "Repeat for more.")),
        click.option("--quality", "qualities", multiple=True, metavar="QUALITY",
                     help=N_("How it feels: aching, sharp, … Repeatable.")),
        click.option("--trigger", "triggers", multiple=True, metavar="TRIGGER",
                     help=N_("What set it off: bending, standing, … Repeatable.")),
        click.option("--therapy", "therapies", multiple=True, metavar="THERAPY:RELIEF",
                     help=N_("What you tried and its relief in percent (0–100 in tens), e.g. heat:60. Repeatable.")),
        click.option("--med", "meds", multiple=True, metavar="TEXT",
                     help=N_('Medication name and dose for the medication therapy, e.g. "ibuprofen 400 mg".')),
        click.option("--note", default=None if editing else "", help=N_("A note, any length.")),
        click.option("--doctor/--not-for-doctor", default=None, help=N_("Flag (or unflag) this entry for the doctor."))
        if editing else click.option("--doctor", is_flag=True, help=N_("Flag this entry for the doctor.")),
        click.option("--by", "entered_by", default=None, metavar="NAME",
                     help=N_("Who is logging, if not the patient (a caregiver).")),
        when_option() if not editing else click.option("--at", "at", default=None,
                                                       help=N_("When it happened: ISO date-time, 'yesterday 19:00'.")),
    ]

    def decorate(function):
        for option in reversed(options):
            function = option(function)
        return function

    return decorate


@click.command(cls=Command)
@entry_options()
@pass_session
def log(session, pain, sites, qualities, triggers, therapies, meds, note, doctor, entered_by, at):
    """Log a moment of pain.

    \b
    Example:
      osteotrack log --pain 6 --where lower-back:7 --trigger bending \\
        --therapy heat:60 --therapy otc-pain-medication:40 --med "ibuprofen 400 mg" --at "yesterday 19:00"
    """
    from osteotrack.cli.quick import log_entry

    click.echo(log_entry(session.person(), pain, sites, qualities, triggers, therapies, meds,
                         note, doctor, entered_by, at))


KINDS = ("entries", "checkins", "events", "questions", "treatments", "doses", "heights", "falls-checks",
         "impressions", "side-effects")


@click.command("list", cls=Command)
@day_option("--since", N_("First day to include (e.g. 2026-09-01, 'yesterday', '30d ago'). Default: the beginning."))
@day_option("--until", N_("Last day to include. Default: today."))
@click.option("--kind", type=click.Choice(KINDS), default="entries", show_default=True, help=N_("Which records."))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help=N_("table to read; json or csv for other programs."))
@click.option("--limit", type=click.IntRange(min=1), default=None, help=N_("At most this many, newest first."))
@pass_session
def list_(session, since, until, kind, fmt, limit):
    """List entries (or check-ins, events, questions, and the bone-care records), newest first."""
    since_day, until_day = parse_day_option(since), parse_day_option(until)
    if since_day and until_day and since_day > until_day:
        raise CliError("list.since_after_until", field="since", since=since_day, until=until_day)
    person = session.person()
    if kind == "entries" and fmt == "json":  # as the quick path writes it (cli.quick), when click read the line
        from osteotrack.cli.quick import write_entries_json

        write_entries_json(person, since_day, until_day, limit)
        return
    from osteotrack.cli import tables

    rows = tables.rows(person, kind, since_day, until_day, limit)
    # TRANSLATORS: the title of `osteotrack list`'s table: what is listed, and whose records they are.
    tables.emit(rows, fmt, title=_("{records} — {name}").format(records=_(tables.TITLES[kind]), name=person.name))


COMMANDS = [log, list_]

"""``osteotrack remind``: one line for a shell's start-up file when nothing is logged today."""

from __future__ import annotations

from datetime import date

import click

from osteotrack.cli.common import Command
from osteotrack.domain.errors import DiaryError
from osteotrack.i18n import _
from osteotrack.store.connection import StoreFailure, check_diary_path


@click.command(cls=Command)
@click.pass_context
def remind(ctx):
    """Print a line if nothing is logged today, if a dose is due, or an appointment is today or tomorrow.

    One line for each bone treatment dose due today or late, and one for an appointment the
    day before and on the day.

    Always exits 0, so it can sit in ~/.bashrc or ~/.zshrc. It only reads the diary.
    """
    from osteotrack.domain.when import now_local

    session = ctx.obj
    try:
        exists = check_diary_path(session.path)  # a FIFO would hang the shell's start-up: looked at, not opened
    except DiaryError as error:
        click.echo("osteotrack: " + _("cannot check today's entries: {problem}").format(problem=error), err=True)
        return
    if not exists:
        click.echo("osteotrack: " + _("no diary at {path} yet; start one with 'osteotrack' or "
                                      "'osteotrack log --pain N'.").format(path=session.path))
        return
    session.read_only = True
    try:
        person = session.person(create=False)
        line = reminder(person, now_local().date())
        doses = dose_reminders(person, now_local().date())  # bone care (issue 16)
        visit = appointment_reminder(person, now_local())
    except (DiaryError, StoreFailure) as error:
        # A shell start-up file must not fail: say what is wrong and carry on.
        click.echo("osteotrack: " + _("cannot check today's entries: {problem}").format(problem=error), err=True)
        return
    for text in ([line] if line else []) + doses + ([visit] if visit else []):
        click.echo(text)


def reminder(person, today: date) -> str | None:
    """One short line when nothing is logged on ``today`` for the profile; None when something is."""
    if person.logged_on(today):
        return None
    return "osteotrack: " + _("nothing logged today for {name}; log with: osteotrack log --pain N").format(
        name=person.name)


def appointment_reminder(person, now) -> str | None:
    """A line about the next appointment when it is today or tomorrow; None otherwise."""
    from osteotrack.domain.describe import appointment_text

    visit = person.next_appointment(now)
    if visit is None or (visit.at.date() - now.date()).days > 1:
        return None
    # TRANSLATORS: {appointment} is "Next appointment: Dr Lee tomorrow (Wed 2 Dec 2026 10:30)".
    return "osteotrack: " + _("{appointment}; make the report for it with: osteotrack report").format(
        appointment=appointment_text(visit, now.date()))


def dose_reminders(person, today: date) -> list[str]:
    """One line per bone treatment whose dose is due today or late (none when all are on time)."""
    from osteotrack.domain.bone import due_line, status

    days = person.dose_days()
    out = []
    for t in person.treatments():
        s = status(t, days.get(t.id, []), today)
        if s.next_due is not None and s.next_due <= today:
            # TRANSLATORS: {due} is "Alendronate was due Mon 30 Nov — 1 day late"; {medicine} a slug, kept as it is.
            out.append("osteotrack: " + _("{due}; when taken: osteotrack dose {medicine}").format(
                due=due_line(s, today), medicine=t.medicine))
    return out


COMMANDS = [remind]

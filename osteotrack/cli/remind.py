"""``osteotrack remind``: one line for a shell's start-up file when nothing is logged today."""

from __future__ import annotations

from datetime import date

import click

from osteotrack.domain.errors import DiaryError
from osteotrack.store.connection import StoreFailure


@click.command()
@click.pass_context
def remind(ctx):
    """Print one short line if nothing is logged today (nothing if something is).

    Always exits 0, so it can sit in ~/.bashrc or ~/.zshrc. It only reads the diary.
    """
    from osteotrack.domain.when import now_local

    session = ctx.obj
    if not session.path.exists():
        click.echo(f"osteotrack: no diary at {session.path} yet; start one with 'osteotrack' "
                   "or 'osteotrack log --pain N'.")
        return
    session.read_only = True
    try:
        line = reminder(session.person(create=False), now_local().date())
    except (DiaryError, StoreFailure) as error:
        # A shell start-up file must not fail: say what is wrong and carry on.
        click.echo(f"osteotrack: cannot check today's entries: {error}", err=True)
        return
    if line:
        click.echo(line)


def reminder(person, today: date) -> str | None:
    """One short line when nothing is logged on ``today`` for the profile; None when something is."""
    if person.logged_on(today):
        return None
    return (f"osteotrack: nothing logged today for {person.name}; "
            "log with: osteotrack log --pain N")


COMMANDS = [remind]

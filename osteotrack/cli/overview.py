"""``osteotrack overview``: every profile at a glance, for a caregiver."""

from __future__ import annotations

import click

from osteotrack.cli.common import Command, pass_session


@click.command(cls=Command)
@pass_session
def overview(session):
    """Every profile: last entry, this week's mean pain against last week's, and alerts."""
    from osteotrack.analysis.alerts import overview as build
    from osteotrack.domain.when import now_local
    from osteotrack.views.overview import overview_lines

    diary = session.diary(create=False)
    for i, person in enumerate(build(diary, now_local().date(), session.person(create=False).id)):
        head, *rest = overview_lines(person)
        click.echo(("\n" if i else "") + head)
        for line in rest:
            click.echo(f"  {line}")


COMMANDS = [overview]

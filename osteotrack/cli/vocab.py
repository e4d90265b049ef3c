"""``osteotrack vocab``: the slugs you can use, and your own additions."""

from __future__ import annotations

import click
from click_default_group import DefaultGroup

from osteotrack.cli.common import Group, pass_session
from osteotrack.domain.vocabulary import KINDS, THERAPY_GROUPS


class VocabGroup(DefaultGroup, Group):
    pass


@click.group(cls=VocabGroup, default="list", default_if_no_args=True)
def vocab():
    """List slugs and names; add your own terms; hide built-ins you never use."""


@vocab.command("list")
@click.argument("kind", type=click.Choice(KINDS), required=False)
@click.option("--all", "show_all", is_flag=True, help="Include hidden terms.")
@pass_session
def vocab_list(session, kind, show_all):
    """List locations, qualities, triggers and therapies (or one KIND)."""
    terms = session.diary().vocabulary().terms
    for k in [kind] if kind else KINDS:
        click.echo(f"{k}s:" if k != "therapy" else "therapies:")
        for t in terms[k].values():
            if t.hidden and not show_all:
                continue
            extra = [x for x in (t.group, t.laterality, "yours" if not t.builtin else None,
                                 "hidden" if t.hidden else None) if x]
            click.echo(f"  {t.slug:<30} {t.name}" + (f"  [{', '.join(extra)}]" if extra else ""))


@vocab.command("add")
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("slug")
@click.argument("name")
@click.option("--group", type=click.Choice(THERAPY_GROUPS), default=None, help="For a therapy: its group.")
@pass_session
def vocab_add(session, kind, slug, name, group):
    """Add your own term: a location, quality, trigger or therapy.

    \b
    Example:
      osteotrack vocab add trigger gardening "Gardening"
    """
    term = session.diary().add_term(kind, slug, name, group)
    click.echo(f"Added {kind} {term.slug} ({term.name}).")


def _visibility(hidden: bool):
    @click.argument("kind", type=click.Choice(KINDS))
    @click.argument("slug")
    @pass_session
    def command(session, kind, slug):
        session.diary().set_hidden(kind, slug, hidden)
        click.echo(f"{'Hid' if hidden else 'Showing'} {kind} {slug}; entries that use it keep it.")

    command.__doc__ = ("Hide a term from pick lists (stored entries keep it)." if hidden
                       else "Show a hidden term again.")
    return command


vocab.command("hide")(_visibility(True))
vocab.command("show")(_visibility(False))

COMMANDS = [vocab]

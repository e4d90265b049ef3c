"""``osteotrack vocab``: the slugs you can use, and your own additions."""

from __future__ import annotations

import click
from click_default_group import DefaultGroup

from osteotrack.cli.common import Group, pass_session
from osteotrack.domain.vocabulary import KINDS, THERAPY_GROUPS
from osteotrack.i18n import N_, _

# Each kind of term in words: a heading of `vocab list`, and what `vocab add|hide|show` say.
HEADINGS = {"location": N_("locations:"), "quality": N_("qualities:"), "trigger": N_("triggers:"),
            "therapy": N_("therapies:")}
ADDED = {"location": N_("Added location {slug} ({name})."), "quality": N_("Added quality {slug} ({name})."),
         "trigger": N_("Added trigger {slug} ({name})."), "therapy": N_("Added therapy {slug} ({name}).")}
HID = {"location": N_("Hid location {slug}; entries that use it keep it."),
       "quality": N_("Hid quality {slug}; entries that use it keep it."),
       "trigger": N_("Hid trigger {slug}; entries that use it keep it."),
       "therapy": N_("Hid therapy {slug}; entries that use it keep it.")}
SHOWING = {"location": N_("Showing location {slug}; entries that use it keep it."),
           "quality": N_("Showing quality {slug}; entries that use it keep it."),
           "trigger": N_("Showing trigger {slug}; entries that use it keep it."),
           "therapy": N_("Showing therapy {slug}; entries that use it keep it.")}


class VocabGroup(DefaultGroup, Group):
    pass


@click.group(cls=VocabGroup, default="list", default_if_no_args=True)
def vocab():
    """List slugs and names; add your own terms; hide built-ins you never use."""


@vocab.command("list")
@click.argument("kind", type=click.Choice(KINDS), required=False)
@click.option("--all", "show_all", is_flag=True, help=N_("Include hidden terms."))
@pass_session
def vocab_list(session, kind, show_all):
    """List locations, qualities, triggers and therapies (or one KIND)."""
    from osteotrack.domain.vocabulary import display_name

    terms = session.diary().vocabulary().terms
    for k in [kind] if kind else KINDS:
        click.echo(_(HEADINGS[k]))
        for t in terms[k].values():
            if t.hidden and not show_all:
                continue
            # The group and the side are slugs (what `vocab add --group` takes); the marks are words.
            extra = [x for x in (t.group, t.laterality, _("yours") if not t.builtin else None,
                                 _("hidden") if t.hidden else None) if x]
            click.echo(f"  {t.slug:<30} {display_name(t)}" + (f"  [{', '.join(extra)}]" if extra else ""))


@vocab.command("add")
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("slug")
@click.argument("name")
@click.option("--group", type=click.Choice(THERAPY_GROUPS), default=None, help=N_("For a therapy: its group."))
@pass_session
def vocab_add(session, kind, slug, name, group):
    """Add your own term: a location, quality, trigger or therapy.

    \b
    Example:
      osteotrack vocab add trigger gardening "Gardening"
    """
    term = session.diary().add_term(kind, slug, name, group)
    click.echo(_(ADDED[kind]).format(slug=term.slug, name=term.name))


def _visibility(hidden: bool):
    @click.argument("kind", type=click.Choice(KINDS))
    @click.argument("slug")
    @pass_session
    def command(session, kind, slug):
        session.diary().set_hidden(kind, slug, hidden)
        click.echo(_(HID[kind] if hidden else SHOWING[kind]).format(slug=slug))

    return command


vocab.command("hide", help=N_("Hide a term from pick lists (stored entries keep it)."))(_visibility(True))
vocab.command("show", help=N_("Show a hidden term again."))(_visibility(False))

COMMANDS = [vocab]

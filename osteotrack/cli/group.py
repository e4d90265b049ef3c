"""The click group: ``osteotrack`` opens the app, subcommands do the rest.

Subcommands that only read or write data never import Textual: each command
module imports what it needs inside its functions. Add a command module to
``_register()`` (one line).
"""

from __future__ import annotations

from pathlib import Path

import click

from osteotrack import __version__
from osteotrack.cli.common import LANG_HELP, PROFILE_HELP, READ_ONLY_HELP, Group, Session, set_language
from osteotrack.i18n import N_


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``--version``: the program and its version, in the language ``--lang`` (read first) chose."""
    if not value or ctx.resilient_parsing:
        return
    from osteotrack.i18n import _

    # TRANSLATORS: what --version says: "osteotrack, version 0.9.0".
    click.echo(_("{program}, version {version}").format(program="osteotrack", version=__version__))
    ctx.exit()


@click.group(cls=Group, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", type=click.Path(path_type=Path), envvar="OSTEOTRACK_DB", default=None,
              help=N_("Diary file to use (also OSTEOTRACK_DB). Default: the platform's user data folder."))
@click.option("--profile", default=None, metavar="NAME", help=PROFILE_HELP)
@click.option("--read-only", is_flag=True, help=READ_ONLY_HELP)
@click.option("--lang", metavar="CODE", expose_value=False, is_eager=True, callback=set_language, help=LANG_HELP)
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_show_version,
              help=N_("Show the version and exit."))
@click.pass_context
def cli(ctx: click.Context, db: Path | None, profile: str | None, read_only: bool) -> None:
    """osteotrack: a private, offline pain diary for osteoporosis.

    Run without a command to open the app. Every action is also a command.
    """
    session = Session(db=db, profile=profile, read_only=read_only)
    ctx.obj = session
    ctx.call_on_close(session.close)
    if ctx.invoked_subcommand is None:
        from osteotrack.cli.app import open_app

        open_app(session)


def _register() -> None:
    from osteotrack.cli import (
        backup,
        bone,
        breathe,
        demo,
        edit,
        entries,
        overview,
        profiles,
        records,
        remind,
        report,
        sync,
        transfer,
        trends,
        vocab,
    )

    for module in (entries, edit, records, transfer, vocab, demo, trends, report, profiles, overview, remind, backup,
                   breathe, bone, sync):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


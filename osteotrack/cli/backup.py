"""``osteotrack backup`` and ``osteotrack restore``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from osteotrack.cli.common import CliError, pass_session


@click.command()
@click.argument("file", required=False, type=click.Path(path_type=Path))
@pass_session
def backup(session, file):
    """Back up the diary, safely even while the app is open.

    FILE is the copy to write; a folder gets a dated file in it; without FILE
    the dated file goes beside the diary. SQLite copies a consistent snapshot
    even while others write; the copy is checked and readable by you only.
    """
    from osteotrack.store.backup import backup_diary, inspect_diary_file

    written = backup_diary(session.path, file)
    click.echo(f"Backed up {inspect_diary_file(written).describe()} to {written}")


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask before replacing the diary (for scripts).")
@pass_session
def restore(session, file, yes):
    """Replace the diary with the backup FILE, after checking it.

    The current diary is backed up first, beside it, so a restore can be undone.
    """
    from osteotrack.store.backup import inspect_diary_file, restore_diary
    from osteotrack.store.connection import check_diary_path

    if session.read_only:
        raise CliError("restore.read_only")
    check_diary_path(session.path)  # never replace a link, a FIFO or a device, nor follow a loop
    incoming = inspect_diary_file(file)
    target = session.path
    if not yes:
        if not sys.stdin.isatty():
            raise CliError("restore.needs_yes", field="yes")
        question = f"{file} holds {incoming.describe()}.\nReplace the diary at {target} with it?"
        if target.exists():
            question += " (The current diary is backed up first.)"
        if not click.confirm(question, default=False):
            click.echo("Nothing was changed.")
            sys.exit(1)
    saved = restore_diary(file, target)
    kept = f"; the diary it replaced is kept in {saved}" if saved else ""
    click.echo(f"Restored {incoming.describe()} from {file}{kept}.")


COMMANDS = [backup, restore]

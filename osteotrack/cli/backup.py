"""``osteotrack backup`` and ``osteotrack restore``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from osteotrack.cli.common import CliError, Command, pass_session
from osteotrack.cli.secret import PASSPHRASE_FILE_HELP, asker
from osteotrack.i18n import N_, _


@click.command(cls=Command)
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option("--encrypt", is_flag=True, help=N_("Encrypt the backup with a passphrase (age format), e.g. for a USB "
                                              "stick. Asked in the terminal, or --passphrase-file."))
@click.option("--passphrase-file", type=click.Path(path_type=Path), default=None, help=PASSPHRASE_FILE_HELP)
@pass_session
def backup(session, file, encrypt, passphrase_file):
    """Back up the diary, safely even while the app is open.

    FILE is the copy to write; a folder gets a dated file in it; without FILE
    the dated file goes beside the diary. SQLite copies a consistent snapshot
    even while others write; the copy is checked and readable by you only.
    """
    from osteotrack.store.backup import backup_diary, inspect_diary_file

    if encrypt:
        from osteotrack.store.backup import backup_encrypted

        written, held = backup_encrypted(session.path, file, asker(passphrase_file, confirm=True))
        click.echo(_("Backed up {contents} to {path} (encrypted)").format(contents=held.describe(), path=written))
        return
    written = backup_diary(session.path, file)
    click.echo(_("Backed up {contents} to {path}").format(contents=inspect_diary_file(written).describe(),
                                                        path=written))


@click.command(cls=Command)
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--yes", is_flag=True, help=N_("Do not ask before replacing the diary (for scripts)."))
@click.option("--passphrase-file", type=click.Path(path_type=Path), default=None, help=PASSPHRASE_FILE_HELP)
@pass_session
def restore(session, file, yes, passphrase_file):
    """Replace the diary with the backup FILE, after checking it.

    The current diary is backed up first, beside it, so a restore can be undone.
    """
    from osteotrack.store.connection import check_diary_path
    from osteotrack.store.crypt import is_encrypted

    if session.read_only:
        raise CliError("restore.read_only")
    check_diary_path(session.path)  # never replace a link, a FIFO or a device, nor follow a loop
    if is_encrypted(file):
        from osteotrack.store.backup import decrypted_copy

        with decrypted_copy(file, session.path.expanduser().parent, asker(passphrase_file)) as plain:
            _restore(session, file, plain, yes)
        return
    _restore(session, file, file, yes)


def _restore(session, file, plain, yes):
    from osteotrack.store.backup import inspect_diary_file, restore_diary

    incoming = inspect_diary_file(plain)
    target = session.path
    if not yes:
        if not sys.stdin.isatty():
            raise CliError("restore.needs_yes", field="yes")
        question = _("{file} holds {contents}.\nReplace the diary at {path} with it?").format(
            file=file, contents=incoming.describe(), path=target)
        if target.exists():
            question += " " + _("(The current diary is backed up first.)")
        if not click.confirm(question, default=False):
            click.echo(_("Nothing was changed."))
            sys.exit(1)
    saved = restore_diary(plain, target)
    if saved:
        click.echo(_("Restored {contents} from {file}; the diary it replaced is kept in {path}.").format(
            contents=incoming.describe(), file=file, path=saved))
    else:
        click.echo(_("Restored {contents} from {file}.").format(contents=incoming.describe(), file=file))


COMMANDS = [backup, restore]

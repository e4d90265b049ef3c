"""Passphrases for encrypted files: asked in a terminal without echo, or read from a file.

Never an option's value or an environment variable: other users of the computer can read
both (in the process list, in /proc).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from osteotrack.cli.common import CliError
from osteotrack.i18n import N_, _

PASSPHRASE_FILE_HELP = N_("For scripts: read the passphrase from the first line of this file (keep it private).")


def asker(passphrase_file: Path | None, confirm: bool = False) -> Callable[[], str]:
    """A function that gets the passphrase when (and only when) a file needs one."""

    def ask() -> str:
        if passphrase_file is not None:
            try:
                text = Path(passphrase_file).expanduser().read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                reason = getattr(error, "strerror", None) or str(error)
                raise CliError("crypt.passphrase_file", field="passphrase_file", path=passphrase_file,
                               reason=reason.lower()) from None
            secret = text.splitlines()[0] if text else ""
        elif sys.stdin.isatty():
            secret = click.prompt(_("Passphrase"), hide_input=True, confirmation_prompt=confirm, err=True)
        else:
            raise CliError("crypt.needs_passphrase", field="passphrase_file")
        if not secret:
            raise CliError("crypt.empty_passphrase", field="passphrase_file")
        return secret

    return ask

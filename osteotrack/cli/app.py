"""Opening the app from the command line (the only CLI module that imports the TUI)."""

from __future__ import annotations

import click


def open_app(session) -> None:
    """Open the TUI on the session's diary."""
    click.echo(
        "osteotrack: the app is not built yet. Log with 'osteotrack log --pain N', "
        "see 'osteotrack --help', or try 'osteotrack demo'."
    )

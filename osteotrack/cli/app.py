"""Opening the app from the command line (the only CLI module that imports the TUI)."""

from __future__ import annotations

import os


def open_app(session) -> None:
    """Open the TUI on the session's diary (the welcome screen if there is none yet)."""
    from osteotrack.tui.app import EXIT_AFTER_PAINT, make_app

    app = make_app(session.path, session.profile, session.read_only)
    # The benchmark measures start-up to first paint without a terminal attached.
    app.run(headless=bool(os.environ.get(EXIT_AFTER_PAINT)))

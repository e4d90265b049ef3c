"""Read-only review: which actions change the diary, so that every screen can hide them."""

from __future__ import annotations

# Binding actions that change the diary, by name, on the app and on any screen.
EDITING_ACTIONS = frozenset({"log_pain", "edit", "delete", "add", "save", "same_as_last"})


def allowed(app, action: str) -> bool:
    """False for an editing action while the app is read-only (use it in ``check_action``)."""
    return not (app.read_only and action in EDITING_ACTIONS)

"""Ask for a new passphrase for an encrypted file (a backup, a report): twice, in fields that show nothing."""

from __future__ import annotations

from collections.abc import Callable

from osteotrack.domain.errors import DiaryError
from osteotrack.i18n import _


def ask_new_passphrase(app, prompt: str, ok: str, done: Callable[[str], object]) -> None:
    """Show ``prompt`` and ask for a passphrase, then for the same one again; ``done(secret)`` when both agree.

    Escape (or an empty first answer) stops without calling ``done``; a second answer that differs is
    said under the field and asked again. ``ok`` names the button that finishes (e.g. "Back up").
    """
    from osteotrack.tui.dialogs.ask_text import AskTextDialog

    def first(secret: str | None) -> None:
        if not secret:
            return

        def same(again: str) -> None:
            if again != secret:
                raise DiaryError("crypt.passphrases_differ", field="passphrase")

        def second(again: str | None) -> None:
            if again == secret:
                done(secret)

        app.push_screen(AskTextDialog(_("The same passphrase again:"), ok=ok, check=same, password=True), second)

    app.push_screen(AskTextDialog(prompt, ok=_("Next"), password=True), first)

"""The app's language: the choice made in the palette, remembered like the theme, and the keys' words in it.

Which language the app speaks on start: ``--lang`` or ``OSTEOTRACK_LANG`` when given (they win for that
run), else the language last chosen in the app's palette (kept in the app's settings file beside the
theme), else the locale variables, else English. Choosing in the palette switches at once, whatever
was given on start, and is remembered for the next start.

Textual keeps a key's description as it was given; the screens' ``BINDINGS`` give theirs with
``lazy``. ``Spoken`` hands the footer and the key panel every description as text in the language in
force (Rich and Textual read the characters of a ``str`` subclass, not its ``__str__``).
"""

from __future__ import annotations

import os
from dataclasses import replace

from osteotrack import i18n
from osteotrack.i18n import N_, _, lazy

CONFIG_KEY = "lang"
# The languages offered in the palette, in their own words (the pseudo-language is for tests).
OFFERED = {code: name for code, name in i18n.LANGUAGES.items() if code != i18n.PSEUDO}

# The descriptions Textual gives the keys every screen has (tab, shift+tab, ctrl+c): said in the app's words.
SCREEN_KEYS = (N_("Focus Next"), N_("Focus Previous"), N_("Copy selected text"))


def given_on_start() -> bool:
    """Whether ``--lang`` or ``OSTEOTRACK_LANG`` chose the language for this run (the app's choice then waits)."""
    return i18n.requested() is not None or i18n.normalize(os.environ.get("OSTEOTRACK_LANG", "")) is not None


def apply_remembered(config: dict) -> None:
    """Speak the language remembered in the app's settings, unless one was given on start."""
    saved = config.get(CONFIG_KEY)
    if isinstance(saved, str) and saved in OFFERED and not given_on_start():
        i18n.choose(saved)


def words(description: str) -> str:
    """A key's description as text in the language in force."""
    if isinstance(description, lazy):
        return str(description)
    return _(description) if description else description


class Spoken:
    """Mixed into a screen before Textual's ``Screen``: its keys' descriptions in the language in force.

    The keys of Textual's own widgets (a text box's forty editing keys, a table's cursor keys) work as
    in any text box and are left out of the footer and the key panel: the panel lists osteotrack's keys.
    """

    @property
    def active_bindings(self):
        found = super().active_bindings  # type: ignore[misc]
        return {key: active._replace(binding=replace(active.binding, description=words(active.binding.description)))
                for key, active in found.items() if not type(active.node).__module__.startswith("textual.")}

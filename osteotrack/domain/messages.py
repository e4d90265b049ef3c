"""Every sentence an error can say, by code: the one place an error's text is made.

Templates take named placeholders only, never pieces glued together, so that a
translator sees whole sentences. ``N_`` marks a template for extraction into the
translation catalogs without translating it here.
"""

from __future__ import annotations

from typing import Any


def N_(text: str) -> str:
    """Mark ``text`` for the translation catalogs; it is translated when rendered."""
    return text


MESSAGES: dict[str, str] = {
    # -- the diary file ------------------------------------------------------
    "diary.read_only": N_("This diary is open read-only; nothing can be changed."),
}


def render(code: str, params: dict[str, Any]) -> str:
    """The sentence for error ``code`` with its ``params`` filled in."""
    template = MESSAGES.get(code)
    if template is None:  # a programming slip, never the user's: still say something whole
        return f"{code}: {params}" if params else code
    return template.format(**params)

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
    # -- profiles ---------------------------------------------------------------
    "profile.unknown": N_("There is no profile named '{name}'; the profiles are: {known}."),
    "profile.gone": N_("The profile shown here no longer exists (it was removed elsewhere); choose another with 's'."),
    "profile.empty_name": N_("A profile needs a name."),
    "profile.exists": N_("A profile named '{name}' already exists."),
    "profile.last": N_("'{name}' is the only profile; a diary keeps at least one."),
    # -- records by id ----------------------------------------------------------
    "entry.not_found": N_("There is no entry with id '{id}'."),
    "event.not_found": N_("There is no event with id '{id}'."),
    "question.not_found": N_("There is no question with id '{id}'."),
    "id.too_short": N_("Give at least the first 4 characters of the {kind} id; got '{prefix}'."),
    "id.not_found": N_("There is no {kind} with an id starting '{prefix}' in this profile."),
    "id.ambiguous": N_("More than one {kind} id starts with '{prefix}'; give more characters."),
    "session.entry_elsewhere": N_("Session {id} refers to entry {entry_id}, which is not in the same profile."),
    "import.other_profile": N_("Record {id} already belongs to another profile in this diary; "
                               "import refuses to move records between profiles."),
    # -- vocabulary -------------------------------------------------------------
    "vocab.kind": N_("A vocabulary kind is one of {kinds}; got '{kind}'."),
    "vocab.slug": N_("A slug is lower-case letters and digits joined by hyphens, like 'garden-work'; got '{slug}'."),
    "vocab.exists": N_("The {kind} '{slug}' already exists; slugs are never reused."),
    "vocab.empty_name": N_("A new term needs a display name."),
    "vocab.group": N_("A therapy's group is one of {groups}; got '{group}'."),
    "vocab.group_not_therapy": N_("Only therapies have a group."),
}


def render(code: str, params: dict[str, Any]) -> str:
    """The sentence for error ``code`` with its ``params`` filled in."""
    template = MESSAGES.get(code)
    if template is None:  # a programming slip, never the user's: still say something whole
        return f"{code}: {params}" if params else code
    return template.format(**params)

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
    # -- bone care ----------------------------------------------------------------
    "bone.medicine": N_("A medicine is a name in lower-case letters and digits joined by hyphens, like "
                        "'alendronate' or 'vitamin-d'; got '{value}'. Built in: {known}."),
    "bone.interval": N_("How often is a number with d, w, m or y, like 1d, 1w, 2w, 1m, 3m, 6m or 1y; "
                        "got '{value}'."),
    "bone.interval_long": N_("How often is at most every 366 days, 104 weeks, 60 months or 10 years; "
                             "got '{value}'."),
    "bone.day_future": N_("The day {day} is in the future; only days up to today can be used."),
    "bone.day_early": N_("The day {day} is before 1900; only days from 1900 on can be used."),
    "bone.stop_before_start": N_("{name} cannot stop on {on}, before it started on {since}."),
    "bone.height_number": N_("A height is a number such as 162.5 (centimetres, or inches with --inches); "
                             "got '{value}'."),
    "bone.height_range": N_("A height must be from 50 to 250 cm (20 to 98 inches); got '{value}' {unit}."),
    "bone.yes_no": N_("--{option} takes yes or no; got '{value}'."),
    "bone.impression": N_("The impression of change is a whole number from 1 (very much improved) to "
                          "7 (very much worse); got '{value}'."),
    "bone.severity": N_("Severity is a whole number from 1 (barely noticed) to 10 (worst imaginable); "
                        "got '{value}'."),
    "bone.effect_empty": N_("A side effect needs a few words saying what it is, e.g. \"heartburn\"."),
    "bone.effect_medicine": N_("A side effect needs the medicine it goes with, e.g. --medicine alendronate."),
    "bone.no_treatment": N_("There is no treatment with {name} on {day}; add it first, e.g. "
                            "osteotrack treatment add {medicine} --every 1w --since {day}."),
    "bone.already_taking": N_("{name} is already a treatment since {since}; stop it first "
                              "(osteotrack treatment stop {medicine} --on DAY) to record a new one."),
    "bone.not_taking": N_("There is no current treatment with {name} to stop."),
    "bone.overlap": N_("{name} was already a treatment from {since} to {until}; a new one must start "
                       "after {until}."),
    "bone.unknown_treatment": N_("There is no treatment with {name} in this diary; --since-start-of takes "
                                 "one of: {known}."),
    "bone.not_found": N_("There is no {kind} with id '{id}'."),
}


def render(code: str, params: dict[str, Any]) -> str:
    """The sentence for error ``code`` with its ``params`` filled in."""
    template = MESSAGES.get(code)
    if template is None:  # a programming slip, never the user's: still say something whole
        return f"{code}: {params}" if params else code
    return template.format(**params)

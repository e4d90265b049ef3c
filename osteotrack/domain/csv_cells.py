"""CSV cells a spreadsheet shows as text, never runs as a formula, and that read back as written.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return as a formula (CSV or formula injection): a note ``=HYPERLINK(...)`` would run in the
clinic's spreadsheet. As OWASP recommends, such a cell gets a leading single quote, which the
spreadsheet takes as "this is text" and does not show. A plain number (``-3``, ``-0500``) is no
formula and stays a number.

The CSV import takes exactly that quote off again. So that a text the user really began with a
quote survives too, a cell that is one or more quotes followed by a trigger also gets one more:
``=x`` ↔ ``'=x``, ``'=x`` ↔ ``''=x``; ``'hello`` is left alone both ways.
"""

from __future__ import annotations

import re

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_QUOTED_TRIGGER = re.compile(r"'+[=+\-@\t\r]")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def neutralise(value):
    """The cell to write for ``value``: a text that a spreadsheet would run gets a leading quote."""
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(TRIGGERS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    if _QUOTED_TRIGGER.match(value):
        return "'" + value
    return value


def restore(text: str) -> str:
    """The text the user wrote, from a cell ``neutralise`` wrote."""
    return text[1:] if _QUOTED_TRIGGER.match(text) else text


def neutralise_row(row: dict) -> dict:
    return {key: neutralise(value) for key, value in row.items()}

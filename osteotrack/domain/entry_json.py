"""Stored entries as JSON text straight from their rows (``Entries.each_row``): the characters ``json_text``
writes for the ``Entry`` records those rows would make, without making them.

``list --format json`` of a whole diary spends its time here: one text per entry, filled into the text around
an entry's values (made once from ``Entry``'s fields, so the keys and their order are the record's), each
value written as ``json_text`` writes it: text escaped by ``json``'s own C function, None as null, numbers
as they are (``%s`` of an int or a float is its repr), the moment as ``Entry.at.isoformat()``. An entry's
places, qualities, triggers and therapies repeat from one entry to the next: the text of each list is made
once and looked up after that.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from json.encoder import encode_basestring as _text

from osteotrack.domain.json_text import INDENT, record_template, write_items
from osteotrack.domain.records import Entry, Site, TherapyUse
from osteotrack.domain.when import storage_iso

_PAD = INDENT  # an entry is an item of a list that starts at the left margin
_ITEM_PAD = _PAD + 2 * INDENT  # the items of an entry's own lists (its keys are one step in, their items two)
_ENTRY = record_template(Entry, _PAD)
_SITE = record_template(Site, _ITEM_PAD)
_THERAPY = record_template(TherapyUse, _ITEM_PAD)
_OPEN, _BETWEEN, _CLOSE = f"[\n{_ITEM_PAD}", f",\n{_ITEM_PAD}", f"\n{_PAD + INDENT}]"
_KEPT = 4096  # lists whose text is kept, of each kind: a diary's own words must not fill the memory


def _null_or_text(value: str | None) -> str:
    return "null" if value is None else _text(value)


def _sites(sites: tuple) -> str:
    return _OPEN + _BETWEEN.join([_SITE % (_text(location), intensity, _null_or_text(level))
                                  for location, intensity, level in sites]) + _CLOSE


def _slugs(slugs: tuple) -> str:
    return _OPEN + _BETWEEN.join(map(_text, slugs)) + _CLOSE


def _therapies(therapies: tuple) -> str:
    return _OPEN + _BETWEEN.join([_THERAPY % (_text(therapy), "null" if relief is None else relief,
                                              _null_or_text(medication), _null_or_text(dose))
                                  for therapy, relief, medication, dose in therapies]) + _CLOSE


class _Kept(dict):
    """The text of each non-empty list (as a tuple) met so far, made by ``make``; up to _KEPT of them."""

    def __init__(self, make: Callable[[tuple], str]):
        super().__init__()
        self._make = make

    def __missing__(self, items: tuple) -> str:
        text = self._make(items)
        if len(self) < _KEPT:
            self[items] = text
        return text


def texts(rows: Iterable[tuple]) -> Iterator[str]:
    """The JSON text of each entry of ``rows`` (``Entries.each_row``'s), as an item of a list at the margin."""
    sites_text, qualities_text, triggers_text, therapies_text = (_Kept(_sites), _Kept(_slugs), _Kept(_slugs),
                                                                 _Kept(_therapies))
    for at, offset, pain, sites, qualities, triggers, therapies, note, for_doctor, entered_by, entry_id in rows:
        yield _ENTRY % (
            f'"{storage_iso(at, offset)}"',  # ISO text: digits and signs, nothing to escape
            pain,
            sites_text[tuple(sites)] if sites else "[]",
            qualities_text[tuple(qualities)] if qualities else "[]",
            triggers_text[tuple(triggers)] if triggers else "[]",
            therapies_text[tuple(therapies)] if therapies else "[]",
            _text(note),
            "true" if for_doctor else "false",
            "null" if entered_by is None else _text(entered_by),
            "null" if entry_id is None else _text(entry_id),
        )


def write(out: Callable[[str], object], rows: Iterable[tuple]) -> None:
    """Write the entries of ``rows`` as a JSON list through ``out`` as they are read: ``json_text.write`` of
    their ``Entry`` records, character for character."""
    write_items(out, texts(rows))

"""The catalogs as the quick path reads them (i18n.Compiled) say exactly what gettext's own reader says."""

from __future__ import annotations

import gettext
import struct

import pytest

from osteotrack import i18n
from tests.conftest import ROOT

SHIPPED = [code for code in i18n.LANGUAGES if code not in (i18n.ENGLISH, i18n.PSEUDO)]


def mo_path(lang: str):
    return ROOT / "osteotrack" / "locale" / lang / "LC_MESSAGES" / "osteotrack.mo"


@pytest.mark.parametrize("lang", SHIPPED)
def test_every_message_of_every_catalog_reads_as_gettext_reads_it(lang):
    with mo_path(lang).open("rb") as mo:
        reference = gettext.GNUTranslations(mo)
    ours = i18n.Compiled(mo_path(lang).read_bytes())
    checked = 0
    for key in reference._catalog:  # every message, as gettext decoded it
        if isinstance(key, tuple):  # one form of a plural pair: checked through ngettext below
            continue
        if "\x04" in key:
            context, message = key.split("\x04", 1)
            assert ours.pgettext(context, message) == reference.pgettext(context, message)
        elif key:
            assert ours.gettext(key) == reference.gettext(key)
        checked += 1
    assert checked > 400
    plurals = {(key[0]) for key in reference._catalog if isinstance(key, tuple)}
    assert plurals
    pairs = [key.decode().split("\x00") for key in ours._index if b"\x00" in key]  # "singular\0plural" in a .mo
    assert {singular for singular, _plural in pairs} == plurals
    for singular, plural in pairs:
        for n in range(6):  # French says "0 jour" (plural=n > 1), Spanish and German "0 días", "0 Tage"
            assert ours.ngettext(singular, plural, n) == reference.ngettext(singular, plural, n)


def test_a_message_not_in_the_catalog_is_itself():
    ours = i18n.Compiled(mo_path("de").read_bytes())
    assert ours.gettext("No such message") == "No such message"
    assert ours.pgettext("weekday", "Caturday") == "Caturday"
    assert [ours.ngettext("{n} cat", "{n} cats", n) for n in (1, 2)] == ["{n} cat", "{n} cats"]


def test_a_file_that_is_not_a_catalog_is_refused():
    with pytest.raises(ValueError):
        i18n.Compiled(b"not a catalog at all")


def test_a_catalog_written_in_the_other_byte_order_reads_the_same():
    # A .mo file's header and tables are 32-bit words in the byte order of the machine that wrote it (GNU
    # gettext manual, "The Format of GNU MO Files"); its first word, 0x950412de, tells which.
    data = mo_path("de").read_bytes()
    order = "<" if data[:4] == b"\xde\x12\x04\x95" else ">"
    other = ">" if order == "<" else "<"
    count, originals, translations = struct.unpack(order + "3I", data[8:20])
    swapped = bytearray(data)
    for start, words in ((0, 7), (originals, 2 * count), (translations, 2 * count)):
        values = struct.unpack(f"{order}{words}I", data[start:start + 4 * words])
        swapped[start:start + 4 * words] = struct.pack(f"{other}{words}I", *values)
    assert bytes(swapped) != data
    ours, theirs = i18n.Compiled(data), i18n.Compiled(bytes(swapped))
    assert theirs._index.keys() == ours._index.keys()
    assert all(theirs._find(key) == ours._find(key) for key in ours._index)
    assert theirs.gettext("Today") == ours.gettext("Today") == "Heute"
    with pytest.raises(ValueError):
        i18n.Compiled(data[:12])  # a header cut short

"""The catalogs as the quick path reads them (i18n.Compiled) say exactly what gettext's own reader says."""

from __future__ import annotations

import gettext

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

"""The shipped catalogs are whole and in step with the code: a missing word fails here, not in front of a patient.

The checks are those of ``scripts/catalogs --check`` (the same functions): every message the code marks has a
translation in every catalog, no fuzzy one; every translation keeps its original's placeholders (with their
formats); extraction would not change a catalog's messages; each ``.mo`` is what its ``.po`` compiles to.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import shutil

import pytest

from osteotrack import i18n
from tests.conftest import ROOT


def _load():
    loader = importlib.machinery.SourceFileLoader("catalogs_script", str(ROOT / "scripts" / "catalogs"))
    spec = importlib.util.spec_from_loader("catalogs_script", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


catalogs = _load()
SHIPPED = [code for code in i18n.LANGUAGES if code not in (i18n.ENGLISH, i18n.PSEUDO)]


@pytest.fixture(scope="module")
def code():
    """The messages of the code, extracted once (as ``pybabel extract`` would)."""
    return catalogs.template()


def test_every_shipped_language_has_a_catalog_and_every_catalog_is_shipped():
    assert catalogs.languages() == sorted(SHIPPED) == ["de", "es", "fr"]


def test_extraction_finds_the_messages_of_the_code(code):
    # Guards the checks below: error sentences, places, plural pairs and the vocabulary's names are all found.
    from osteotrack.domain.messages import FACE_MESSAGES, MESSAGES, PLACES
    from osteotrack.domain.vocabulary import BUILTIN, DXA_SITES, EVENT_KINDS, PROCEDURES

    found = {m.id for m in code if m.id}
    marked = {*MESSAGES.values(), *PLACES.values(), *(t for face in FACE_MESSAGES.values() for t in face.values()),
              *(t.name for t in BUILTIN), *EVENT_KINDS.values(), *PROCEDURES.values(), *DXA_SITES.values()}
    assert marked <= found
    assert ("entry", "entries") in found


@pytest.mark.parametrize("lang", SHIPPED)
def test_a_catalog_is_whole_and_in_step_with_the_code(lang, code):
    assert catalogs.problems(lang, code) == [], f"run scripts/catalogs --check (and --update) for {lang}"


def test_the_check_catches_each_kind_of_fault(tmp_path, monkeypatch, code):
    from babel.messages.pofile import read_po, write_po

    locale = tmp_path / "locale"
    shutil.copytree(catalogs.LOCALE / "de", locale / "de")
    monkeypatch.setattr(catalogs, "LOCALE", locale)
    po = catalogs.po_path("de")
    with po.open("rb") as f:
        catalog = read_po(f, locale="de")
    catalog["Pain must be a whole number from {low} to {high}; got '{value}'."].string = "Schmerz {low} bis {hoch}"
    catalog["There is no diary at {path}."].string = ""
    catalog.delete("A profile needs a name.")
    catalog.add("A sentence the code no longer has.", "Ein Satz, den es nicht mehr gibt.")
    with po.open("wb") as f:
        write_po(f, catalog)  # the .mo is now that of the old .po

    found = "\n".join(catalogs.problems("de", code))
    assert "placeholders differ: \"Pain must be" in found
    assert "untranslated: 'There is no diary at {path}.'" in found
    assert "not in the catalog (run scripts/catalogs --update): 'A profile needs a name.'" in found
    assert "no longer in the code (run scripts/catalogs --update): 'A sentence the code no longer has.'" in found
    assert "osteotrack.mo does not match its .po" in found

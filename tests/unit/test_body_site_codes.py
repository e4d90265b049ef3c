"""The body-site SNOMED CT codes the FHIR export relies on, as checked against published sources."""

from __future__ import annotations

from osteotrack.domain.vocabulary import LOCATIONS
from osteotrack.store import Diary

# Checked against DICOM PS3.16 CID 4031 / CID 7151 and published FHIR examples.
EXPECTED = {
    "neck": "122494005", "upper-back": "122495006", "mid-back": "122495006", "lower-back": "122496007",
    "tailbone": "64688005", "rib-left": "113197003", "shoulder-left": "16982005", "wrist-left": "8205005",
    "pelvis": "12921003", "hip-left": "29836001", "knee-left": "72696002", "foot-left": "56459004",
}


def test_builtin_locations_carry_the_checked_codes():
    codes = {t.slug: t.snomed for t in LOCATIONS}
    assert {slug: codes[slug] for slug in EXPECTED} == EXPECTED
    assert codes["all-over"] is None


def test_an_older_diary_gets_the_tailbone_corrected(db_path):
    with Diary.open(db_path) as diary:  # make it look like a diary written before this step
        diary._conn.execute("UPDATE vocabulary SET snomed = '54735007' WHERE slug = 'tailbone'")
        diary._conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm003_tailbone_is_the_coccyx'")
    with Diary.open(db_path) as diary:
        assert diary.vocabulary().terms["location"]["tailbone"].snomed == "64688005"

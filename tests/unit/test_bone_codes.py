"""Every built-in bone medicine's code, and the FHIR codes bone care uses, checked against a source.

Where each was read (stored copies reached through the project's search tool, December 2026):

ATC (WHO Collaborating Centre for Drug Statistics Methodology, ATC/DDD index):
- Every code below, checked in December 2026 against a full crawl of the WHOCC index
  (https://www.whocc.no/atc_ddd_index/?code=..., the base URL in the crawler's R/cache.R), made on
  2025-08-19 and kept in a public repository: vanhungtran/atcddd, file WHO_ATC_codes_2025-08-19.csv,
  commit 3036cac3a274e8bacad08ff22353ea6b29875b19. Its rows, as the index names them (WHO_NAMES below):
  M05BA04 alendronic acid, M05BA06 ibandronic acid, M05BA07 risedronic acid, M05BA08 zoledronic acid
  (under M05BA "Bisphosphonates"); M05BX04 denosumab, M05BX06 romosozumab (under M05BX "Other drugs
  affecting bone structure and mineralization"); H05AA02 teriparatide, H05AA04 abaloparatide (under
  H05AA "Parathyroid hormones and analogues"); G03XC01 raloxifene (G03XC "Selective estrogen receptor
  modulators"); G03C "ESTROGENS"; A12A "CALCIUM"; A11CC "Vitamin D and analogues". None was wrong.
- The WHOCC's own pages reached through the search tool are group pages only (e.g.
  whocc.no/atc_ddd_index/?code=M05BA03, "Last updated: 2024-01-26": M05 "Drugs for treatment of bone
  diseases", M05BA "Bisphosphonates", and its cross-references A11CC, A12A, A12AX, G03C/G03F), which
  agree. Earlier secondary checks (branch bone-rest) agree too: rxreasoner.com/atccodes/M05BA and /M05BX;
  the Medizininformatik-Initiative ATC 2024 value set validated against the German ATC (BfArM);
  hipaaspace.com (H05AA02); Brazil's RENAME 2024 list and DrugBank (M05BX06, H05AA04); abaloparatide
  H05AA04 in WHO Drug Information Vol 33 No 4 (2019), "ATC/DDD Classification (Temporary)"
  (https://docslib.org/doc/10206930/atc-ddd-classification-temporary).

RxNorm: only zoledronic acid's ingredient (RxCUI 77655, an OHDSI concept set naming it
"RxNorm", "Ingredient", "Standard") could be verified; the others carry no RxNorm code rather
than an unverified one. Searched again in December 2026: no NLM RxNav/RxNorm page for any of the
other ingredients is among the stored copies (openFDA's NDC records give only product-level
RxCUIs, e.g. Prolia's 993452 and 993456, which are not ingredient codes), so none was added.

LOINC 8302-2 "Body height": the FHIR vital-signs body-height profiles (UK Core
Observation-VitalSigns-BodyHeight pattern code 8302-2; the HL7 vital signs value set
observation-vitalsign-bodyheight) and a LOINC listing ("8302-2 Body height ^Patient Len Pt Qn").
UCUM "cm" is the centimetre.
"""

from __future__ import annotations

from osteotrack.domain.bone import MEDICINES

ATC = {
    "alendronate": "M05BA04", "risedronate": "M05BA07", "ibandronate": "M05BA06", "zoledronic-acid": "M05BA08",
    "denosumab": "M05BX04", "teriparatide": "H05AA02", "abaloparatide": "H05AA04", "romosozumab": "M05BX06",
    "raloxifene": "G03XC01", "hormone-therapy": "G03C", "calcium": "A12A", "vitamin-d": "A11CC",
}


# The WHO index's name for each code (WHO_ATC_codes_2025-08-19.csv, cited above).
WHO_NAMES = {
    "M05BA04": "alendronic acid", "M05BA07": "risedronic acid", "M05BA06": "ibandronic acid",
    "M05BA08": "zoledronic acid", "M05BX04": "denosumab", "H05AA02": "teriparatide", "H05AA04": "abaloparatide",
    "M05BX06": "romosozumab", "G03XC01": "raloxifene", "G03C": "ESTROGENS", "A12A": "CALCIUM",
    "A11CC": "Vitamin D and analogues",
}


def test_the_built_in_list_is_the_briefs():
    assert list(MEDICINES) == list(ATC)


def test_each_atc_code_is_the_verified_one():
    assert {slug: m.atc for slug, m in MEDICINES.items()} == ATC
    # Each names what the medicine is: the substance itself (alendronate is the salt of alendronic acid), or
    # for hormone therapy, calcium and vitamin D the WHO group of its kind.
    assert {slug: WHO_NAMES[code] for slug, code in ATC.items()} == {
        "alendronate": "alendronic acid", "risedronate": "risedronic acid", "ibandronate": "ibandronic acid",
        "zoledronic-acid": "zoledronic acid", "denosumab": "denosumab", "teriparatide": "teriparatide",
        "abaloparatide": "abaloparatide", "romosozumab": "romosozumab", "raloxifene": "raloxifene",
        "hormone-therapy": "ESTROGENS", "calcium": "CALCIUM", "vitamin-d": "Vitamin D and analogues",
    }


def test_only_verified_rxnorm_codes_are_given():
    assert {slug: m.rxnorm for slug, m in MEDICINES.items() if m.rxnorm} == {"zoledronic-acid": "77655"}


def test_usual_intervals():
    # From the labels' usual regimens (see tests/unit/test_bone.py for the sources on alendronate and
    # denosumab; the others from the FDA-approved list at seekhealthz.com: risedronate daily, weekly or
    # monthly; ibandronate monthly by mouth or every 3 months IV; zoledronic acid yearly; teriparatide and
    # abaloparatide daily; romosozumab monthly; raloxifene daily).
    assert MEDICINES["alendronate"].intervals[0] == "1w"
    assert MEDICINES["denosumab"].intervals == ("6m",)
    assert MEDICINES["zoledronic-acid"].intervals == ("1y",)
    assert MEDICINES["romosozumab"].intervals == ("1m",)
    assert set(MEDICINES["ibandronate"].intervals) == {"1m", "3m"}

"""Every built-in bone medicine's code, and the FHIR codes bone care uses, checked against a source.

Where each was read (stored copies reached through the project's search tool, December 2026):

ATC (WHO Collaborating Centre for Drug Statistics Methodology, ATC/DDD index):
- The WHOCC index page itself (whocc.no/atc_ddd_index/?code=M05BA03, "Last updated:
  2024-01-26") gives M05 "Drugs for treatment of bone diseases", M05BA "Bisphosphonates", and
  its cross-references "A11CC - Vitamin D and analogues", "A12A - Calcium", "A12AX - Calcium,
  combinations with vitamin D and/or other drugs", "G03C/G03F - Estrogens/Progestogens and
  estrogens in combination": the group codes used for vitamin D, calcium and hormone therapy.
- The WHOCC pages for single substances were not among the stored copies. They were checked
  instead against: rxreasoner.com/atccodes/M05BA (M05BA04 alendronic acid, M05BA06 ibandronic
  acid, M05BA07 risedronic acid, M05BA08 zoledronic acid) and /M05BX (M05BX04 denosumab);
  the Medizininformatik-Initiative value set "Onkologie Systemische Therapie Substanzen ATC
  2024", validated against the German ATC (BfArM) 2024 (M05BA04 Alendronsäure, M05BX04
  Denosumab, G03XC01 Raloxifen); hipaaspace.com's ATC pages (H05AA02 teriparatide, under
  H05AA "Parathyroid hormones and analogues"); and public drug tables in code
  (romosozumab M05BX06 in Brazil's RENAME 2024 list and DrugBank DB11866; abaloparatide
  H05AA04 with DrugBank DB05084). These are secondary copies of the WHO index: a later reader
  with the live index should confirm them there.
- Checked again in December 2026 (branch bone-rest): abaloparatide H05AA04 is in the WHO's own
  list of new ATC 5th level codes, WHO Drug Information Vol 33 No 4 (2019), "ATC/DDD
  Classification (Temporary)", agreed in October 2019 for the January 2021 index
  (https://docslib.org/doc/10206930/atc-ddd-classification-temporary). teriparatide H05AA02
  under H05AA "Parathyroid hormones and analogues", with the index's DDD 20 mcg parenteral,
  at https://www.hipaaspace.com/medical_billing/coding/anatomical_therapeutic_chemical_classification_system/h05aa02.
  The WHOCC's per-substance pages (www.whocc.no / atcddd.fhi.no ?code=M05BA04 etc.) are still
  not among the stored copies; only group pages are (M05BA03, H01AC03, H02CA02), whose headings
  agree with the groups above. The codes stay: each is confirmed by at least one copy of the
  WHO index, none is a guess.

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


def test_the_built_in_list_is_the_briefs():
    assert list(MEDICINES) == list(ATC)


def test_each_atc_code_is_the_verified_one():
    assert {slug: m.atc for slug, m in MEDICINES.items()} == ATC


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

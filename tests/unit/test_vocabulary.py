"""The built-in vocabulary is PRODUCT.md's lists; users add their own; nothing stored changes meaning."""

import pytest

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.vocabulary import BUILTIN, KINDS, LOCATIONS, QUALITIES, THERAPIES, TRIGGERS, region_for_level
from tests.support import active


def test_slugs_are_unique_per_kind_and_well_formed():
    for kind in KINDS:
        slugs = [t.slug for t in BUILTIN if t.kind == kind]
        assert len(slugs) == len(set(slugs)), kind
    for term in BUILTIN:
        assert term.slug == term.slug.lower() and " " not in term.slug and term.name


def test_locations_cover_the_brief():
    names = {t.slug: t for t in LOCATIONS}
    for slug in ("neck", "upper-back", "mid-back", "lower-back", "tailbone", "pelvis", "all-over"):
        assert slug in names and names[slug].laterality is None
    for paired in ("rib", "hip", "wrist", "shoulder", "knee", "foot"):
        assert names[f"{paired}-left"].laterality == "left"
        assert names[f"{paired}-right"].laterality == "right"


# The brief's codes, checked against DICOM PS3.16 CID 4031; the brief gave the sacrum (54735007)
# for the tailbone, but the tailbone is the coccyx, SNOMED CT 64688005.
@pytest.mark.parametrize("slug, code", [
    ("upper-back", "122495006"), ("mid-back", "122495006"), ("lower-back", "122496007"), ("tailbone", "64688005"),
    ("rib-left", "113197003"), ("pelvis", "12921003"), ("hip-right", "29836001"), ("wrist-left", "8205005"),
    ("shoulder-right", "16982005"),
])
def test_locations_carry_the_snomed_codes_of_the_brief(slug, code):
    assert {t.slug: t.snomed for t in LOCATIONS}[slug] == code


def test_qualities_and_triggers_are_the_briefs():
    assert [t.slug for t in QUALITIES] == ["aching", "sharp", "stabbing", "throbbing", "burning", "shooting",
                                           "cramping", "dull"]
    assert {t.slug for t in TRIGGERS} == {
        "standing", "twisting", "bending", "lifting", "carrying", "walking", "sitting-long", "getting-up",
        "stairs", "reaching-overhead", "coughing-sneezing", "housework", "fall-or-bump"}


def test_therapies_are_the_briefs_with_their_groups():
    groups = {t.slug: t.group for t in THERAPIES}
    assert groups == {
        "otc-pain-medication": "medication", "prescription-pain-medication": "medication",
        "antidepressant": "medication",
        "heat": "physical", "ice": "physical", "physical-therapy": "physical", "brace": "physical",
        "massage": "physical", "acupuncture": "physical",
        "guided-imagery": "mind-body", "relaxation": "mind-body", "biofeedback": "mind-body",
        "talk-therapy": "mind-body",
        "vertebroplasty": "procedure", "kyphoplasty": "procedure",
    }


def test_levels_map_to_regions():
    assert [region_for_level(x) for x in ("C1", "C7", "T1", "T6", "T7", "T12", "L1", "l5")] == [
        "neck", "neck", "upper-back", "upper-back", "mid-back", "mid-back", "lower-back", "lower-back"]


# -- in a diary ------------------------------------------------------------


def test_a_new_diary_holds_every_builtin(diary):
    terms = diary.vocabulary().terms
    for t in BUILTIN:
        stored = terms[t.kind][t.slug]
        assert (stored.name, stored.group, stored.snomed, stored.laterality, stored.builtin) == (
            t.name, t.group, t.snomed, t.laterality, True)


def test_custom_terms(diary):
    term = diary.add_term("trigger", "Gardening", "Gardening")
    assert (term.slug, term.builtin) == ("gardening", False)
    assert diary.vocabulary().check("trigger", "gardening") == "gardening"
    diary.add_term("therapy", "tens", "TENS unit", group="physical")
    assert diary.vocabulary().terms["therapy"]["tens"].group == "physical"
    # the same slug may exist for another kind
    diary.add_term("location", "gardening", "Gardening hands")


@pytest.mark.parametrize("args, message", [
    (("trigger", "bending", "Bending again"), "The trigger 'bending' already exists; slugs are never reused."),
    (("trigger", "garden work", "x"), "A slug is lower-case letters and digits joined by hyphens"),
    (("mood", "happy", "Happy"), "A vocabulary kind is one of location, quality, trigger, therapy"),
    (("therapy", "tens", "TENS"), "A therapy's group is one of medication, physical, mind-body, procedure"),
    (("trigger", "wind", "Wind", "physical"), "Only therapies have a group."),
    (("trigger", "wind", "  "), "A new term needs a display name."),
])
def test_custom_term_refusals(diary, args, message):
    with pytest.raises(ValidationError, match=message.replace("(", r"\(")):
        diary.add_term(*args)


def test_hiding_keeps_old_entries_meaning_and_slugs_are_never_reused(diary):
    from datetime import datetime

    from osteotrack.domain.records import Entry

    at = datetime.fromisoformat("2026-11-20T10:00:00+01:00")
    stored = active(diary).add_entry(Entry(at=at, pain=4, triggers=["housework"]))
    diary.set_hidden("trigger", "housework", True)
    vocab = diary.vocabulary()
    assert vocab.terms["trigger"]["housework"].hidden
    assert "housework" not in [t.slug for t in vocab.visible("trigger")]
    assert active(diary).get_entry(stored.id).triggers == ["housework"]
    assert vocab.name("trigger", "housework") == "Housework"
    # still valid for old and new entries, and its slug cannot be taken by a new term
    active(diary).add_entry(Entry(at=at, pain=3, triggers=["housework"]))
    with pytest.raises(ValidationError, match="never reused"):
        diary.add_term("trigger", "housework", "Chores")
    diary.set_hidden("trigger", "housework", False)
    assert not diary.vocabulary().terms["trigger"]["housework"].hidden
    with pytest.raises(ValidationError, match="Unknown trigger 'houswork'; did you mean housework"):
        diary.set_hidden("trigger", "houswork", True)

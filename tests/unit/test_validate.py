"""Domain validation: every refusal is one sentence naming the problem and what is accepted."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.records import CheckIn, Entry, Event, Question, Site, TherapyUse
from osteotrack.domain.validate import (
    Vocabulary,
    attach_medication,
    check_level,
    check_relief,
    check_scale,
    parse_site,
    parse_therapy,
    split_medication,
    validate_checkin,
    validate_entry,
    validate_event,
    validate_question,
)
from osteotrack.domain.vocabulary import BUILTIN, Term
from tests.conftest import NOW

VOCAB = Vocabulary(BUILTIN + [Term("trigger", "old-habit", "An old habit", hidden=True, builtin=False)])


def one_sentence(error: ValidationError) -> str:
    text = str(error)
    assert (text[0].isupper() or text.startswith("--")) and text.endswith((".", "?")) and "\n" not in text, text
    return text


@pytest.mark.parametrize("value", [0, 10, "0", "7", " 10 ", 5])
def test_scale_accepts_whole_numbers_0_to_10(value):
    assert check_scale(value) == int(str(value).strip())


@pytest.mark.parametrize("value", [-1, 11, "11", "-1", "7.5", "seven", "", True, None, "1e1"])
def test_scale_refuses_everything_else(value):
    with pytest.raises(ValidationError) as refused:
        check_scale(value, code="pain.range", field="pain")
    assert one_sentence(refused.value) == f"Pain must be a whole number from 0 to 10; got '{value}'."


@pytest.mark.parametrize("value, expected", [(0, 0), ("10", 10), ("60", 60), ("100", 100), ("40%", 40)])
def test_relief_is_0_to_100_in_tens(value, expected):
    assert check_relief(value) == expected


@pytest.mark.parametrize("value", ["35", "110", "-10", "5", "ten", "", 101])
def test_relief_refuses_other_values(value):
    with pytest.raises(ValidationError) as refused:
        check_relief(value)
    assert "from 0 to 100 in steps of 10" in one_sentence(refused.value)


def test_levels_belong_to_their_spine_region():
    assert check_level("mid-back", "t8") == "T8"
    assert check_level("neck", "C7") == "C7"
    assert check_level("lower-back", "L5") == "L5"
    assert check_level("upper-back", None) is None
    with pytest.raises(ValidationError, match="'T8' does not belong to lower-back; use one of L1–L5"):
        check_level("lower-back", "T8")
    with pytest.raises(ValidationError, match="only be given for the neck, upper, mid or lower back, not 'wrist-left'"):
        check_level("wrist-left", "T8")


@pytest.mark.parametrize("text, expected", [
    ("lower-back:7", Site("lower-back", 7)),
    ("Lower-Back:7", Site("lower-back", 7)),
    ("mid-back/T8:6", Site("mid-back", 6, "T8")),
    ("mid-back/t8:6", Site("mid-back", 6, "T8")),
    ("T8:6", Site("mid-back", 6, "T8")),  # a level alone names its region
    ("T3:2", Site("upper-back", 2, "T3")),
    ("c5:4", Site("neck", 4, "C5")),
    ("L2:9", Site("lower-back", 9, "L2")),
    ("rib-left:0", Site("rib-left", 0)),
    ("hip-right", Site("hip-right", 5)),  # no intensity: the overall pain
    ("neck:", Site("neck", 5)),
])
def test_site_forms(text, expected):
    assert parse_site(text, VOCAB, default_intensity=5) == expected


@pytest.mark.parametrize("text, message", [
    ("lower-back:11", "The intensity at lower-back must be a whole number from 0 to 10; got '11'."),
    ("lower-back/T8:5", "Vertebral level 'T8' does not belong to lower-back; use one of L1–L5."),
    ("wrist-left/C2:5",
     "A vertebral level can only be given for the neck, upper, mid or lower back, not 'wrist-left'."),
    ("lowerback:3", "Unknown location 'lowerback'; did you mean lower-back"),
])
def test_site_refusals(text, message):
    with pytest.raises(ValidationError) as refused:
        parse_site(text, VOCAB, default_intensity=5)
    assert one_sentence(refused.value).startswith(message)


def test_a_site_without_intensity_needs_a_default():
    with pytest.raises(ValidationError, match="Give an intensity for 'neck' as neck:N"):
        parse_site("neck", VOCAB)


def test_unknown_slugs_suggest_the_closest_known_ones():
    with pytest.raises(ValidationError) as refused:
        VOCAB.check("trigger", "bendng")
    assert str(refused.value).startswith("Unknown trigger 'bendng'; did you mean bending")
    with pytest.raises(ValidationError) as refused:
        VOCAB.check("therapy", "heet")
    assert "heat" in str(refused.value)
    with pytest.raises(ValidationError) as refused:
        VOCAB.check("quality", "xyzzy")
    assert one_sentence(refused.value) == "Unknown pain quality 'xyzzy'; run 'osteotrack vocab' to see them all."


def test_hidden_terms_are_still_valid():
    assert VOCAB.check("trigger", "old-habit") == "old-habit"
    assert "old-habit" not in [t.slug for t in VOCAB.visible("trigger")]


@pytest.mark.parametrize("text, expected", [
    ("heat:60", TherapyUse("heat", 60)),
    ("heat", TherapyUse("heat", None)),  # relief not rated yet
    ("otc-pain-medication:0", TherapyUse("otc-pain-medication", 0)),
    ("kyphoplasty:100", TherapyUse("kyphoplasty", 100)),
])
def test_therapy_forms(text, expected):
    assert parse_therapy(text, VOCAB) == expected


def test_therapy_refusals():
    with pytest.raises(ValidationError, match="Relief must be a percentage from 0 to 100 in steps of 10; got '35'"):
        parse_therapy("heat:35", VOCAB)
    with pytest.raises(ValidationError, match="Unknown therapy 'hot-bath'"):
        parse_therapy("hot-bath:50", VOCAB)


def test_medication_name_and_dose():
    assert split_medication("ibuprofen 400 mg") == ("ibuprofen", "400 mg")
    assert split_medication("  paracetamol   1 g ") == ("paracetamol", "1 g")
    assert split_medication("ibuprofen") == ("ibuprofen", None)


def test_med_attaches_to_the_one_medication_therapy():
    uses = [TherapyUse("heat", 60), TherapyUse("otc-pain-medication", 40)]
    out = attach_medication(uses, "ibuprofen 400 mg")
    assert out == [TherapyUse("heat", 60), TherapyUse("otc-pain-medication", 40, "ibuprofen", "400 mg")]
    assert uses[1].medication is None  # the input is not changed


def test_med_with_two_medication_therapies_must_name_one():
    uses = [TherapyUse("otc-pain-medication", 40), TherapyUse("prescription-pain-medication", 60)]
    with pytest.raises(ValidationError) as refused:
        attach_medication(uses, "tramadol 50 mg")
    assert "more than one medication therapy" in one_sentence(refused.value)
    out = attach_medication(uses, "prescription-pain-medication=tramadol 50 mg")
    out = attach_medication(out, "otc-pain-medication=ibuprofen 400 mg")
    assert out == [TherapyUse("otc-pain-medication", 40, "ibuprofen", "400 mg"),
                   TherapyUse("prescription-pain-medication", 60, "tramadol", "50 mg")]


def test_med_refusals():
    with pytest.raises(ValidationError, match="needs a medication therapy in the same entry"):
        attach_medication([TherapyUse("heat", 60)], "ibuprofen 400 mg")
    with pytest.raises(ValidationError, match="needs a name"):
        attach_medication([TherapyUse("otc-pain-medication", 40)], "  ")
    with pytest.raises(ValidationError, match="already has a medication"):
        attach_medication([TherapyUse("otc-pain-medication", 40, "ibuprofen", "400 mg")], "paracetamol 1 g")


ENTRY = Entry(at=NOW - timedelta(hours=1), pain=6, sites=[Site("lower-back", 7)], qualities=["aching"],
              triggers=["bending"], therapies=[TherapyUse("heat", 60)], note="after gardening")


def test_a_good_entry_is_normalised():
    entry = replace(ENTRY, triggers=["Bending", "bending", "standing"], entered_by="  ", qualities=["ACHING"])
    out = validate_entry(entry, VOCAB, NOW)
    assert out.triggers == ["bending", "standing"]
    assert out.qualities == ["aching"]
    assert out.entered_by is None


@pytest.mark.parametrize("change, message", [
    ({"pain": 11}, "Pain must be a whole number from 0 to 10"),
    ({"at": NOW + timedelta(hours=1)}, "The entry time 2026-11-24 11:00 is in the future"),
    ({"at": NOW.replace(year=1)}, "The entry time 0001-11-24 10:00 is before 1900"),
    ({"sites": [Site("lower-back", 7), Site("lower-back", 3)]}, "The location 'lower-back' is given twice"),
    ({"sites": [Site("knee-left", 12)]}, "The intensity at knee-left must be"),
    ({"triggers": ["gardening"]}, "Unknown trigger 'gardening'"),
    ({"qualities": ["spiky"]}, "Unknown pain quality 'spiky'"),
    ({"therapies": [TherapyUse("heat", 60), TherapyUse("heat", 30)]}, "The therapy 'heat' is given twice"),
    ({"therapies": [TherapyUse("heat", 60, "ibuprofen")]}, "only go with a medication therapy, not 'heat'"),
    ({"therapies": [TherapyUse("heat", 65)]}, "Relief must be a percentage"),
])
def test_entry_refusals(change, message):
    with pytest.raises(ValidationError) as refused:
        validate_entry(replace(ENTRY, **change), VOCAB, NOW)
    assert message in one_sentence(refused.value)


def test_checkins():
    today = date(2026, 11, 24)
    good = validate_checkin(CheckIn(day=today, peg_pain="5", sleep=7), today)
    assert (good.peg_pain, good.sleep, good.mood) == (5, 7, None)
    assert CheckIn(day=today, peg_pain=3, peg_enjoyment=4, peg_activity=8).peg_score == 5
    with pytest.raises(ValidationError, match="needs at least one answer"):
        validate_checkin(CheckIn(day=today), today)
    with pytest.raises(ValidationError, match="Mood must be a whole number from 0 to 10; got '11'"):
        validate_checkin(CheckIn(day=today, mood=11), today)
    with pytest.raises(ValidationError, match="The day 2026-11-25 is in the future"):
        validate_checkin(CheckIn(day=today + timedelta(days=1), mood=5), today)


def event(kind: str, **fields) -> Event:
    return Event(kind=kind, at=NOW - timedelta(days=1), **fields)


def test_events_of_every_kind():
    assert validate_event(event("fall"), VOCAB, NOW).kind == "fall"
    fracture = validate_event(event("fracture", level="t8"), VOCAB, NOW)
    assert (fracture.site, fracture.level) == ("mid-back", "T8")
    proc = validate_event(event("procedure", procedure="kyphoplasty", site="mid-back", level="T8"), VOCAB, NOW)
    assert proc.procedure == "kyphoplasty"
    dxa = validate_event(event("dxa", t_score=-2.74, dxa_site="lumbar-spine"), VOCAB, NOW)
    assert dxa.t_score == -2.7
    assert validate_event(event("imaging", site="hip-left"), VOCAB, NOW).site == "hip-left"
    assert validate_event(event("appointment", note="GP"), VOCAB, NOW).note == "GP"


@pytest.mark.parametrize("record, message", [
    (event("party"), "Unknown event kind 'party'"),
    (event("fracture"), "A fracture needs its site"),
    (event("fracture", site="wrist-left", level="T8"), "only be given for the neck, upper, mid or lower back"),
    (event("fall", level="X9"), "A vertebral level needs a spine site; 'X9' is not one of C1–L5."),
    (event("procedure"), "A procedure event needs --procedure"),
    (event("procedure", procedure="surgery"), "Unknown procedure 'surgery'"),
    (event("fall", procedure="kyphoplasty"), "--procedure only goes with a procedure event."),
    (event("dxa"), "A DXA result needs its T-score"),
    (event("dxa", t_score=-7.0), "A T-score is a number from -6.0 to 4.0; got -7.0."),
    (event("dxa", t_score=-2.0, dxa_site="knee"), "Unknown DXA site 'knee'"),
    (event("fall", t_score=-2.0), "A T-score and DXA site only go with a dxa event."),
    (Event("fall", at=NOW + timedelta(hours=2)), "The event time 2026-11-24 12:00 is in the future"),
])
def test_event_refusals(record, message):
    with pytest.raises(ValidationError) as refused:
        validate_event(record, VOCAB, NOW)
    assert message in one_sentence(refused.value)


def test_questions():
    q = validate_question(Question(text="  Can I carry the shopping? ", created=NOW))
    assert q.text == "Can I carry the shopping?" and q.status == "open"
    with pytest.raises(ValidationError, match="cannot be empty"):
        validate_question(Question(text="   ", created=NOW))
    with pytest.raises(ValidationError, match="A question is open, asked or answered; got 'done'"):
        validate_question(Question(text="Why?", created=NOW, status="done"))

"""The built-in vocabulary, taken from the source material in PRODUCT.md.

Every item has a short stable slug that is stored in the diary. Slugs are never
renamed or reused: a built-in can be hidden, and users add their own, but an
old entry always keeps its meaning. The store seeds these into each diary the
first time it is created (see ``store.schema``), so a later release that adds
items does so with a new migration step.

The display names are English, stored as they are, and marked (``N_``) for the
catalogs: ``display_name`` shows a built-in one in the language in force; a name
the user gave is shown as typed.
"""

from __future__ import annotations

from osteotrack.domain.record_base import FrozenRecord
from osteotrack.i18n import N_, _

KINDS = ("location", "quality", "trigger", "therapy")

THERAPY_GROUPS = ("medication", "physical", "mind-body", "procedure")


class Term(FrozenRecord):
    """A word of the vocabulary: a body place, pain quality, trigger or therapy, by its slug and English name."""

    FIELDS = ("kind", "slug", "name", "group", "region", "laterality", "snomed", "builtin", "hidden")
    kind: str
    slug: str
    name: str
    group: str | None  # therapies: medication / physical / mind-body / procedure
    region: str | None  # locations: spine / trunk / arm / leg / body
    laterality: str | None  # locations: left / right
    snomed: str | None  # locations: SNOMED CT body structure
    builtin: bool
    hidden: bool

    def __init__(self, kind: str, slug: str, name: str, group: str | None = None, region: str | None = None,
                 laterality: str | None = None, snomed: str | None = None, builtin: bool = True,
                 hidden: bool = False) -> None:
        self._set(kind=kind, slug=slug, name=name, group=group, region=region, laterality=laterality, snomed=snomed,
                  builtin=builtin, hidden=hidden)


def _loc(slug, name, region, snomed, laterality=None):
    return Term("location", slug, name, region=region, snomed=snomed, laterality=laterality)


def _paired(slug, left, right, region, snomed):
    return [
        _loc(f"{slug}-left", left, region, snomed, "left"),
        _loc(f"{slug}-right", right, region, snomed, "right"),
    ]


# SNOMED CT body-structure codes, checked against DICOM PS3.16 (CID 4031, CID 7151)
# and published FHIR examples. The spine regions use the cervical, thoracic and
# lumbar spine structures. The tailbone is the coccyx (64688005), not the sacrum
# (54735007) that PRODUCT.md first listed; migration step m003 corrects old diaries.
LOCATIONS: list[Term] = [
    _loc("neck", N_("Neck"), "spine", "122494005"),
    _loc("upper-back", N_("Upper back"), "spine", "122495006"),
    _loc("mid-back", N_("Mid back"), "spine", "122495006"),
    _loc("lower-back", N_("Lower back"), "spine", "122496007"),
    _loc("tailbone", N_("Tailbone"), "spine", "64688005"),
    *_paired("rib", N_("Ribs, left"), N_("Ribs, right"), "trunk", "113197003"),
    *_paired("shoulder", N_("Shoulder, left"), N_("Shoulder, right"), "arm", "16982005"),
    *_paired("wrist", N_("Wrist, left"), N_("Wrist, right"), "arm", "8205005"),
    _loc("pelvis", N_("Pelvis"), "trunk", "12921003"),
    *_paired("hip", N_("Hip, left"), N_("Hip, right"), "leg", "29836001"),
    *_paired("knee", N_("Knee, left"), N_("Knee, right"), "leg", "72696002"),
    *_paired("foot", N_("Foot, left"), N_("Foot, right"), "leg", "56459004"),
    _loc("all-over", N_("All over"), "body", None),
]

QUALITIES: list[Term] = [
    Term("quality", slug, name)
    for slug, name in [
        ("aching", N_("Aching")),
        ("sharp", N_("Sharp")),
        ("stabbing", N_("Stabbing")),
        ("throbbing", N_("Throbbing")),
        ("burning", N_("Burning")),
        ("shooting", N_("Shooting")),
        ("cramping", N_("Cramping / spasm")),
        ("dull", N_("Dull")),
    ]
]

TRIGGERS: list[Term] = [
    Term("trigger", slug, name)
    for slug, name in [
        ("standing", N_("Standing")),
        ("twisting", N_("Twisting")),
        ("bending", N_("Bending")),
        ("lifting", N_("Lifting")),
        ("carrying", N_("Carrying")),
        ("walking", N_("Walking")),
        ("sitting-long", N_("Sitting a long time")),
        ("getting-up", N_("Getting out of bed or a chair")),
        ("stairs", N_("Stairs")),
        ("reaching-overhead", N_("Reaching overhead")),
        ("coughing-sneezing", N_("Coughing or sneezing")),
        ("housework", N_("Housework")),
        ("fall-or-bump", N_("A fall or bump")),
    ]
]

THERAPIES: list[Term] = [
    Term("therapy", slug, name, group=group)
    for group, slug, name in [
        ("medication", "otc-pain-medication", N_("Over-the-counter pain medication")),
        ("medication", "prescription-pain-medication", N_("Prescription pain medication")),
        ("medication", "antidepressant", N_("Antidepressant for chronic pain")),
        ("physical", "heat", N_("Heat (hot pack, warm shower)")),
        ("physical", "ice", N_("Cold pack / ice")),
        ("physical", "physical-therapy", N_("Physical therapy and exercise")),
        ("physical", "brace", N_("Brace or support")),
        ("physical", "massage", N_("Massage therapy")),
        ("physical", "acupuncture", N_("Acupuncture")),
        ("mind-body", "guided-imagery", N_("Guided imagery")),
        ("mind-body", "relaxation", N_("Relaxation training (deep breathing)")),
        ("mind-body", "biofeedback", N_("Biofeedback")),
        ("mind-body", "talk-therapy", N_("Talk therapy")),
        ("procedure", "vertebroplasty", N_("Vertebroplasty")),
        ("procedure", "kyphoplasty", N_("Kyphoplasty")),
    ]
]

BUILTIN: list[Term] = [*LOCATIONS, *QUALITIES, *TRIGGERS, *THERAPIES]

# Vertebral levels a patient may name for a spine region. Upper and mid back
# share the thoracic levels: where one ends and the other begins is fuzzy.
CERVICAL = [f"C{i}" for i in range(1, 8)]
THORACIC = [f"T{i}" for i in range(1, 13)]
LUMBAR = [f"L{i}" for i in range(1, 6)]
LEVELS_BY_LOCATION = {
    "neck": CERVICAL,
    "upper-back": THORACIC,
    "mid-back": THORACIC,
    "lower-back": LUMBAR,
}
ALL_LEVELS = CERVICAL + THORACIC + LUMBAR


def region_for_level(level: str) -> str:
    """The spine location a vertebral level belongs to (T1–T6 upper, T7–T12 mid back)."""
    level = level.upper()
    if level in CERVICAL:
        return "neck"
    if level in LUMBAR:
        return "lower-back"
    if level in THORACIC:
        return "upper-back" if int(level[1:]) <= 6 else "mid-back"
    raise KeyError(level)


MEDICATION_THERAPIES = ("otc-pain-medication", "prescription-pain-medication", "antidepressant")

EVENT_KINDS = {
    "fall": N_("Fall"),
    "near-fall": N_("Near-fall (almost fell)"),
    "fracture": N_("Fracture diagnosed"),
    "procedure": N_("Procedure"),
    "imaging": N_("Imaging (X-ray, MRI, CT)"),
    "dxa": N_("Bone density (DXA) result"),
    "appointment": N_("Appointment"),
}

PROCEDURES = {
    "vertebroplasty": N_("Vertebroplasty"),
    "kyphoplasty": N_("Kyphoplasty"),
    "other": N_("Other procedure"),
}

DXA_SITES = {
    "lumbar-spine": N_("Lumbar spine"),
    "total-hip": N_("Total hip"),
    "femoral-neck": N_("Femoral neck"),
    "forearm": N_("Forearm (radius)"),
}

QUESTION_STATUSES = ("open", "asked", "answered")


def display_name(term: Term) -> str:
    """The name a person reads for ``term``: a built-in one in the language in force, one of their own as typed."""
    return _(term.name) if term.builtin else term.name


def shown(names: dict[str, str], slug: str) -> str:
    """The name of ``slug`` in one of the tables above (``EVENT_KINDS``, ``PROCEDURES``, ``DXA_SITES``), translated."""
    return _(names[slug]) if slug in names else slug


def pain_band(pain: int) -> str:
    """The word for a 0–10 rating: none, mild (1–3), moderate (4–6), severe (7–10)."""
    if pain == 0:
        return "none"
    if pain <= 3:
        return "mild"
    if pain <= 6:
        return "moderate"
    return "severe"

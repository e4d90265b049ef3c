"""The built-in vocabulary, taken from the source material in PRODUCT.md.

Every item has a short stable slug that is stored in the diary. Slugs are never
renamed or reused: a built-in can be hidden, and users add their own, but an
old entry always keeps its meaning. The store seeds these into each diary the
first time it is created (see ``store.schema``), so a later release that adds
items does so with a new migration step.
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("location", "quality", "trigger", "therapy")

THERAPY_GROUPS = ("medication", "physical", "mind-body", "procedure")


@dataclass(frozen=True)
class Term:
    kind: str
    slug: str
    name: str
    group: str | None = None  # therapies: medication / physical / mind-body / procedure
    region: str | None = None  # locations: spine / trunk / arm / leg / body
    laterality: str | None = None  # locations: left / right
    snomed: str | None = None  # locations: SNOMED CT body structure
    builtin: bool = True
    hidden: bool = False


def _loc(slug, name, region, snomed, laterality=None):
    return Term("location", slug, name, region=region, snomed=snomed, laterality=laterality)


def _paired(slug, name, region, snomed):
    return [
        _loc(f"{slug}-left", f"{name}, left", region, snomed, "left"),
        _loc(f"{slug}-right", f"{name}, right", region, snomed, "right"),
    ]


# SNOMED CT body-structure codes, checked against DICOM PS3.16 (CID 4031, CID 7151)
# and published FHIR examples. The spine regions use the cervical, thoracic and
# lumbar spine structures. The tailbone is the coccyx (64688005), not the sacrum
# (54735007) that PRODUCT.md first listed; migration step m003 corrects old diaries.
LOCATIONS: list[Term] = [
    _loc("neck", "Neck", "spine", "122494005"),
    _loc("upper-back", "Upper back", "spine", "122495006"),
    _loc("mid-back", "Mid back", "spine", "122495006"),
    _loc("lower-back", "Lower back", "spine", "122496007"),
    _loc("tailbone", "Tailbone", "spine", "64688005"),
    *_paired("rib", "Ribs", "trunk", "113197003"),
    *_paired("shoulder", "Shoulder", "arm", "16982005"),
    *_paired("wrist", "Wrist", "arm", "8205005"),
    _loc("pelvis", "Pelvis", "trunk", "12921003"),
    *_paired("hip", "Hip", "leg", "29836001"),
    *_paired("knee", "Knee", "leg", "72696002"),
    *_paired("foot", "Foot", "leg", "56459004"),
    _loc("all-over", "All over", "body", None),
]

QUALITIES: list[Term] = [
    Term("quality", slug, name)
    for slug, name in [
        ("aching", "Aching"),
        ("sharp", "Sharp"),
        ("stabbing", "Stabbing"),
        ("throbbing", "Throbbing"),
        ("burning", "Burning"),
        ("shooting", "Shooting"),
        ("cramping", "Cramping / spasm"),
        ("dull", "Dull"),
    ]
]

TRIGGERS: list[Term] = [
    Term("trigger", slug, name)
    for slug, name in [
        ("standing", "Standing"),
        ("twisting", "Twisting"),
        ("bending", "Bending"),
        ("lifting", "Lifting"),
        ("carrying", "Carrying"),
        ("walking", "Walking"),
        ("sitting-long", "Sitting a long time"),
        ("getting-up", "Getting out of bed or a chair"),
        ("stairs", "Stairs"),
        ("reaching-overhead", "Reaching overhead"),
        ("coughing-sneezing", "Coughing or sneezing"),
        ("housework", "Housework"),
        ("fall-or-bump", "A fall or bump"),
    ]
]

THERAPIES: list[Term] = [
    Term("therapy", slug, name, group=group)
    for group, slug, name in [
        ("medication", "otc-pain-medication", "Over-the-counter pain medication"),
        ("medication", "prescription-pain-medication", "Prescription pain medication"),
        ("medication", "antidepressant", "Antidepressant for chronic pain"),
        ("physical", "heat", "Heat (hot pack, warm shower)"),
        ("physical", "ice", "Cold pack / ice"),
        ("physical", "physical-therapy", "Physical therapy and exercise"),
        ("physical", "brace", "Brace or support"),
        ("physical", "massage", "Massage therapy"),
        ("physical", "acupuncture", "Acupuncture"),
        ("mind-body", "guided-imagery", "Guided imagery"),
        ("mind-body", "relaxation", "Relaxation training (deep breathing)"),
        ("mind-body", "biofeedback", "Biofeedback"),
        ("mind-body", "talk-therapy", "Talk therapy"),
        ("procedure", "vertebroplasty", "Vertebroplasty"),
        ("procedure", "kyphoplasty", "Kyphoplasty"),
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
    "fall": "Fall",
    "near-fall": "Near-fall (almost fell)",
    "fracture": "Fracture diagnosed",
    "procedure": "Procedure",
    "imaging": "Imaging (X-ray, MRI, CT)",
    "dxa": "Bone density (DXA) result",
    "appointment": "Appointment",
}

PROCEDURES = {
    "vertebroplasty": "Vertebroplasty",
    "kyphoplasty": "Kyphoplasty",
    "other": "Other procedure",
}

DXA_SITES = {
    "lumbar-spine": "Lumbar spine",
    "total-hip": "Total hip",
    "femoral-neck": "Femoral neck",
    "forearm": "Forearm (radius)",
}

QUESTION_STATUSES = ("open", "asked", "answered")


def pain_band(pain: int) -> str:
    """The word for a 0–10 rating: none, mild (1–3), moderate (4–6), severe (7–10)."""
    if pain == 0:
        return "none"
    if pain <= 3:
        return "mild"
    if pain <= 6:
        return "moderate"
    return "severe"

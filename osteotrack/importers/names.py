"""Names from other apps and spreadsheets, matched to the diary's vocabulary.

A name matches a term when it is the term's slug or display name (any case, hyphens or
spaces), or one of the everyday words listed here for it. Places may carry a side
("left hip", "Hip, right", "both knees") and a vertebral level ("T8"); "… pain" and
"… ache" are the place. Pain medicines are recognised by their generic and common brand
names, so "Ibuprofen 400 mg" becomes over-the-counter pain medication with its name and
dose. Anything else is unknown: the import offers it as a new term, or keeps it in the note.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from osteotrack.domain.validate import Vocabulary, split_medication
from osteotrack.domain.vocabulary import ALL_LEVELS, region_for_level
from osteotrack.importers.plan import NewTerm

# Everyday words for the built-in places that have no side.
_PLACES = {
    "neck": "neck", "cervical spine": "neck", "cervical": "neck",
    "upper back": "upper-back", "thoracic spine": "upper-back", "thoracic": "upper-back",
    "mid back": "mid-back", "middle back": "mid-back", "midback": "mid-back",
    "lower back": "lower-back", "low back": "lower-back", "lumbar spine": "lower-back", "lumbar": "lower-back",
    "lumbago": "lower-back",
    "tailbone": "tailbone", "tail bone": "tailbone", "coccyx": "tailbone",
    "pelvis": "pelvis", "pelvic": "pelvis",
    "all over": "all-over", "everywhere": "all-over", "whole body": "all-over", "all": "all-over",
}
# Places with a left and a right: the word (singular and plural) and the slug's stem.
_SIDED = {"hip": "hip", "hips": "hip", "knee": "knee", "knees": "knee", "foot": "foot", "feet": "foot",
          "wrist": "wrist", "wrists": "wrist", "shoulder": "shoulder", "shoulders": "shoulder",
          "rib": "rib", "ribs": "rib"}
_PLURALS = {"hips", "knees", "feet", "wrists", "shoulders"}
_SIDES = {"left": "left", "l": "left", "right": "right", "r": "right"}
_PAIN_WORDS = ("pain", "pains", "ache", "aches", "aching", "soreness", "sore", "hurts", "hurt")

_QUALITIES = {
    "ache": "aching", "achy": "aching", "aching": "aching", "sharp": "sharp", "stabbing": "stabbing",
    "throbbing": "throbbing", "pulsing": "throbbing", "burning": "burning", "shooting": "shooting",
    "spasm": "cramping", "spasms": "cramping", "muscle spasm": "cramping", "muscle spasms": "cramping",
    "cramp": "cramping", "cramps": "cramping", "cramping": "cramping", "dull": "dull",
}
_TRIGGERS = {
    "standing": "standing", "twisting": "twisting", "bending": "bending", "bending over": "bending",
    "lifting": "lifting", "carrying": "carrying", "walking": "walking", "sitting": "sitting-long",
    "sitting long": "sitting-long", "long sitting": "sitting-long", "getting up": "getting-up",
    "getting out of bed": "getting-up", "stairs": "stairs", "climbing stairs": "stairs",
    "reaching": "reaching-overhead", "reaching up": "reaching-overhead", "coughing": "coughing-sneezing",
    "sneezing": "coughing-sneezing", "cough": "coughing-sneezing", "sneeze": "coughing-sneezing",
    "housework": "housework", "cleaning": "housework", "chores": "housework", "fall": "fall-or-bump",
    "a fall": "fall-or-bump", "fell": "fall-or-bump", "bump": "fall-or-bump",
}
_THERAPIES = {
    "heat": "heat", "heating pad": "heat", "hot pack": "heat", "hot water bottle": "heat",
    "warm shower": "heat", "hot shower": "heat", "warm bath": "heat", "hot bath": "heat",
    "ice": "ice", "ice pack": "ice", "cold pack": "ice", "cold": "ice", "cooling": "ice",
    "physical therapy": "physical-therapy", "physiotherapy": "physical-therapy", "physio": "physical-therapy",
    "exercise": "physical-therapy", "exercises": "physical-therapy", "pt": "physical-therapy",
    "brace": "brace", "back brace": "brace", "corset": "brace", "support belt": "brace",
    "massage": "massage", "acupuncture": "acupuncture", "guided imagery": "guided-imagery",
    "relaxation": "relaxation", "deep breathing": "relaxation", "breathing": "relaxation",
    "breathing exercise": "relaxation", "breathing exercises": "relaxation", "biofeedback": "biofeedback",
    "talk therapy": "talk-therapy", "counselling": "talk-therapy", "counseling": "talk-therapy",
    "psychotherapy": "talk-therapy", "cbt": "talk-therapy",
    "vertebroplasty": "vertebroplasty", "kyphoplasty": "kyphoplasty",
}
# Pain medicines by generic and common brand name (lower case), by the therapy they are.
_MEDICINES = {
    "otc-pain-medication": (
        "paracetamol", "acetaminophen", "tylenol", "panadol", "ibuprofen", "advil", "motrin", "nurofen",
        "naproxen", "aleve", "aspirin", "diclofenac", "voltaren", "voltarol", "excedrin",
    ),
    "prescription-pain-medication": (
        "tramadol", "codeine", "co-codamol", "oxycodone", "oxycontin", "percocet", "hydrocodone", "vicodin",
        "morphine", "tapentadol", "fentanyl", "buprenorphine", "hydromorphone", "celecoxib", "celebrex",
        "etoricoxib", "metamizole", "novalgin", "gabapentin", "pregabalin", "lyrica", "calcitonin",
    ),
    "antidepressant": ("amitriptyline", "nortriptyline", "duloxetine", "cymbalta", "venlafaxine"),
}
_MEDICINE = {name: therapy for therapy, names in _MEDICINES.items() for name in names}
_DOSE = re.compile(r"\d\s*(mg|g|mcg|µg|ug|ml|iu|ie|%|tab|tabs|tablet|tablets|pill|pills|drops?)\b", re.I)


def words(text: str) -> str:
    """``text`` lower-cased with hyphens, underscores and runs of spaces as one space."""
    return " ".join(re.sub(r"[-_/]+", " ", text.lower()).replace(",", " , ").split()).replace(" , ", ", ")


@lru_cache(maxsize=4096)
def _plain(text: str) -> str:
    return " ".join(words(text).replace(",", " ").split())


def _by_name(kind: str, text: str, vocab: Vocabulary) -> str | None:
    # Each vocabulary's names are indexed once: ten years of rows ask about the same few names.
    index = getattr(vocab, "_import_index", None)
    if index is None:
        index = {k: {} for k in vocab.terms}
        for k, terms in vocab.terms.items():
            for slug, term in terms.items():
                index[k].setdefault(_plain(term.name), slug)
                index[k][_plain(slug)] = slug
        vocab._import_index = index  # type: ignore[attr-defined]
    return index[kind].get(_plain(text))


@lru_cache(maxsize=4096)
def place(text: str, vocab: Vocabulary) -> tuple[list[str], str | None]:
    """The location slugs ``text`` names (two for "both knees") and a vertebral level, or ``([], None)``."""
    slug = _by_name("location", text, vocab)
    if slug:
        return [slug], None
    plain = _plain(text)
    parts = plain.split()
    while parts and parts[-1] in _PAIN_WORDS:
        parts.pop()
    if parts and parts[0] in ("pain", "ache") and len(parts) > 2 and parts[1] in ("in", "at"):
        parts = parts[2:]
    if len(parts) == 1 and parts[0].upper() in ALL_LEVELS:
        return [region_for_level(parts[0])], parts[0].upper()
    sides = [_SIDES[p] for p in parts if p in _SIDES]
    both = "both" in parts
    rest = [p for p in parts if p not in _SIDES and p not in ("both", "the", "my", "side", "sides")]
    name = " ".join(rest)
    if name in _PLACES and not sides:
        return [_PLACES[name]], None
    if name in _SIDED:
        stem = _SIDED[name]
        if len(set(sides)) == 1:
            chosen = sides[:1]
        elif both or (name in _PLURALS and not sides) or set(sides) == {"left", "right"}:
            chosen = ["left", "right"]
        else:
            return [], None  # a sided place without its side: not ours to guess
        slugs = [f"{stem}-{side}" for side in chosen]
        if all(s in vocab.terms["location"] for s in slugs):
            return slugs, None
    return [], None


# Body parts a pain symptom may name that are no place of the built-in vocabulary (or lack its side).
BODY_WORDS = {"back", "hip", "knee", "foot", "wrist", "shoulder", "rib", "ribs", "jaw", "head", "arm", "arms",
              "leg", "legs", "elbow", "elbows", "ankle", "ankles", "hand", "hands", "thigh", "buttock", "buttocks",
              "groin", "chest", "abdomen", "stomach", "toe", "toes", "finger", "fingers", "heel", "spine"}


def body_part(text: str) -> str | None:
    """The body part a pain symptom names when it is no place of ours ("Hip pain" → "Hip"), else None."""
    parts = [p for p in _plain(text).split() if p not in _PAIN_WORDS]
    name = " ".join(parts)
    if name in BODY_WORDS or (len(parts) == 2 and parts[0] in _SIDES and parts[1] in BODY_WORDS):
        return " ".join(w for w in text.split() if _plain(w) not in _PAIN_WORDS).strip(" ,")
    return None


def is_pain_name(text: str) -> bool:
    """Whether a symptom's name speaks of pain ("Back pain", "Sore hip", "Headache")."""
    plain = _plain(text)
    return any(w in plain.split() for w in _PAIN_WORDS) or plain.endswith("ache")


@lru_cache(maxsize=4096)
def quality(text: str, vocab: Vocabulary) -> str | None:
    """The quality slug ``text`` names, or None."""
    slug = _by_name("quality", text, vocab)
    if slug:
        return slug
    plain = _plain(text)
    for suffix in (" pain", " pains"):
        if plain.endswith(suffix):
            plain = plain[: -len(suffix)]
    return _QUALITIES.get(plain)


@lru_cache(maxsize=4096)
def trigger(text: str, vocab: Vocabulary) -> str | None:
    """The trigger slug ``text`` names, or None."""
    return _by_name("trigger", text, vocab) or _TRIGGERS.get(_plain(text))


@lru_cache(maxsize=4096)
def therapy(text: str, vocab: Vocabulary) -> str | None:
    """The therapy slug ``text`` names (not medicines: see ``medicine``), or None."""
    return _by_name("therapy", text, vocab) or _THERAPIES.get(_plain(text))


@lru_cache(maxsize=4096)
def medicine(text: str) -> tuple[str, str, str | None] | None:
    """``(therapy, name, dose)`` when ``text`` names a known pain medicine ("Ibuprofen 400 mg"), else None."""
    name, dose = split_medication(text)
    first = _plain(name).split(" ")[0] if name.strip() else ""
    therapy_slug = _MEDICINE.get(first) or _MEDICINE.get(_plain(name))
    if therapy_slug is None:
        return None
    return therapy_slug, name.strip(), dose


def has_dose(text: str) -> bool:
    """Whether ``text`` carries a dose like "400 mg" or "2 tablets"."""
    return bool(_DOSE.search(text))


def slugify(name: str) -> str:
    """A slug for a new term: lower-case ASCII letters and digits joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40].strip("-")
    if not slug:
        import hashlib

        slug = "term-" + hashlib.sha256(name.encode()).hexdigest()[:6]
    return slug


def new_term(kind: str, name: str, vocab: Vocabulary, came_from: str, group: str | None = None) -> NewTerm:
    """The term an unknown name would become (its slug, if taken by another name, gets a number)."""
    name = " ".join(name.split())
    base = slugify(name)
    slug, n = base, 2
    while slug in vocab.terms[kind]:
        slug, n = f"{base}-{n}", n + 1
    return NewTerm(kind, slug, name[:1].upper() + name[1:], group if kind == "therapy" else None, came_from)


@lru_cache(maxsize=4096)
def split_items(text: str) -> list[str]:
    """A cell's list of names: split at semicolons, commas, plus signs, "and" and line breaks.

    A lone side after a comma stays with its place ("Hip, left; neck" is two items).
    """
    pieces = [p.strip() for p in re.split(r"[;,+\n\r]|\s+and\s+|\s+&\s+", text) if p.strip()]
    items: list[str] = []
    for piece in pieces:
        if items and piece.lower() in ("left", "right") and not items[-1].lower().endswith(("left", "right")):
            items[-1] = f"{items[-1]}, {piece}"
        else:
            items.append(piece)
    return items

"""Self-care sessions: breathing with the pacer, and mind-body exercises on a timer.

A session is stored as a therapy use on a pain entry (the pain after it), with
the pain before and after and the relief derived from them, so the therapy
trends and the report count it like any other therapy tried.

Relief, defined: the percent reduction of pain, ``100 × (before − after) /
before``, rounded to the nearest 10 (halves up), and 0 when pain did not drop
(or was already 0). It fits the diary's 0–100-in-tens relief scale, e.g.
6 → 4 is 33 % → 30; 4 → 3 is 25 % → 30; 5 → 6 is 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.validate import check_scale
from osteotrack.i18n import N_, _


@dataclass(frozen=True)
class SessionKind:
    """A kind of session the app guides: the therapy it counts as, and how it is paced."""

    slug: str
    name: str  # marked for the catalogs: shown as _(name)
    therapy: str  # a mind-body therapy slug of the vocabulary
    pacer: bool  # True: the breathing pacer; False: a timer with prompts
    prompts: tuple[str, ...] = ()


# Our own words, kept plain and neutral: nothing asks the body to strain, twist or bend.
SESSION_KINDS: dict[str, SessionKind] = {
    k.slug: k
    for k in (
        SessionKind("breathing", N_("Relaxation breathing (with the pacer)"), "relaxation", True),
        SessionKind(
            "letting-go", N_("Relaxation: letting go of tension"), "relaxation", False,
            (
                N_("Settle into a position that feels supported. Let the chair or bed take your weight."),
                N_("Notice your forehead and jaw. Let them soften a little."),
                N_("Let your shoulders sink away from your ears."),
                N_("Notice your hands. Let the fingers rest, loose and heavy."),
                N_("Follow your breath for a while, without changing it."),
                N_("Notice your back where it is supported. Let the muscles there ease."),
                N_("Let your legs and feet grow heavy and still."),
                N_("Rest here. If a thought pulls you away, come back to the breath."),
            ),
        ),
        SessionKind(
            "guided-imagery", N_("Guided imagery: a calm place"), "guided-imagery", False,
            (
                N_("Close your eyes if you like, and picture a place where you feel at ease."),
                N_("Look around it slowly. What colours and shapes are there?"),
                N_("Listen. What quiet sounds belong to this place?"),
                N_("Notice the air on your skin: warm, cool, still or moving."),
                N_("Find a comfortable spot in this place and let yourself rest there."),
                N_("With each breath out, let the place grow a little calmer."),
                N_("If pain asks for attention, notice it, then return to the details of your place."),
                N_("Stay as long as you like. You can come back here whenever you want."),
            ),
        ),
    )
}

PROMPT_SECONDS = 40  # how long each prompt stays before the next one


def prompt_at(kind: SessionKind, elapsed: float) -> str:
    """The prompt to show ``elapsed`` seconds in; the last one stays to the end."""
    if not kind.prompts:
        return ""
    index = min(int(max(0.0, elapsed) // PROMPT_SECONDS), len(kind.prompts) - 1)
    return _(kind.prompts[index])


def session_kind(slug: str) -> SessionKind:
    """The kind named ``slug``, or one clear sentence listing the kinds."""
    if slug not in SESSION_KINDS:
        raise ValidationError("session.kind_unknown", field="kind", slug=slug, kinds=", ".join(SESSION_KINDS))
    return SESSION_KINDS[slug]


def relief_percent(before: int, after: int) -> int:
    """Percent reduction of pain, rounded to the nearest 10 (halves up); 0 when pain did not drop."""
    if before <= 0 or after >= before:
        return 0
    # Integer arithmetic, so 25 % rounds to 30 exactly as documented (no float halves).
    return ((before - after) * 20 + before) // (2 * before) * 10


@dataclass
class SelfCareSession:
    """One session done: what, for how long, and the pain before and after."""

    therapy: str  # relaxation, guided-imagery, … (a vocabulary therapy slug)
    pain_before: int
    pain_after: int
    duration_seconds: int  # the exercise actually done, pauses not counted
    ended: datetime  # when it ended (aware): the time of the entry it creates
    planned_seconds: int | None = None
    pattern: str | None = None  # the breathing pattern, e.g. '4-7-8'; None without the pacer
    completed: bool = True  # False when stopped early
    note: str = ""
    entry_id: str | None = None  # the pain entry it is stored with
    id: str | None = None

    @property
    def relief(self) -> int:
        return relief_percent(self.pain_before, self.pain_after)


def validate_session(session: SelfCareSession) -> SelfCareSession:
    """Check a session's numbers; the therapy itself is checked against the diary's vocabulary."""
    session.pain_before = check_scale(session.pain_before, code="session.pain_before_range", field="pain_before")
    session.pain_after = check_scale(session.pain_after, code="session.pain_after_range", field="pain_after")
    for code, field, value in (("session.duration_range", "duration_seconds", session.duration_seconds),
                               ("session.planned_range", "planned_seconds", session.planned_seconds)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 86_400):
            raise ValidationError(code, field=field, value=value)
    if session.pattern is not None:
        from osteotrack.domain.breathing import parse_pattern

        session.pattern = parse_pattern(session.pattern).text
    return session

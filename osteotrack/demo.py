"""A realistic, reproducible demo diary, written into a file of its own.

Margaret, 71, has a thoracic compression fracture at T8 early on. Her back
hurts most after bending and lifting; heat and physical therapy help; an
over-the-counter pain reliever helps a little; prescription medication is
used only briefly. A kyphoplasty part-way through brings her pain down; later
a fall bruises her ribs. She checks in most days, sees her physician every
three months, has a DXA scan each year and keeps a list of questions.
The same seed and end day always give the same diary.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from osteotrack.demo_bone import write_bone_story
from osteotrack.domain.errors import DiaryError
from osteotrack.domain.records import CheckIn, Entry, Event, Question, Site, TherapyUse
from osteotrack.domain.validate import validate_checkin, validate_entry, validate_event, validate_question
from osteotrack.domain.when import now_local, to_utc_text
from osteotrack.store.connection import new_id
from osteotrack.store.diary import Diary
from osteotrack.store.profile_diary import ProfileDiary

PATIENT = "Margaret"
NOTES = [
    "after gardening", "carried the shopping", "long bus trip", "bad night", "cold weather",
    "helped with the grandchildren", "vacuumed the stairs", "felt better after a walk", "slept on the sofa",
    "physio exercises went well", "bent down to the oven", "lifted the laundry basket",
]
QUESTIONS = [
    ("Is it safe to keep gardening?", "answered", "Yes, kneeling on a pad and not lifting over 5 kg."),
    ("How long should I wear the brace?", "answered", "A few weeks, then build up the muscles instead."),
    ("Can I take ibuprofen every day?", "answered", "Not every day for long; talk about alternatives."),
    ("Would kyphoplasty help me?", "answered", "Referred to the spine clinic."),
    ("Should I have another bone density scan?", "asked", ""),
    ("Which exercises are safe for my back?", "open", ""),
    ("Is the new pain in my ribs from the fall?", "open", ""),
]


class _Story:
    """Key days of the story, placed proportionally in the span so any --years works."""

    def __init__(self, start: date, end: date):
        span = (end - start).days
        self.start, self.end, self.span = start, end, span
        self.fracture = start + timedelta(days=max(5, int(span * 0.03)))
        self.kyphoplasty = start + timedelta(days=int(span * 0.45))
        self.fall = start + timedelta(days=int(span * 0.72))
        self.pt_start = self.fracture + timedelta(days=21)

    def base_pain(self, day: date) -> float:
        """Margaret's underlying pain on a day, before flares and noise."""
        if day < self.fracture:
            return 2.5
        since = (day - self.fracture).days
        if day < self.kyphoplasty:
            return 4.3 + 2.7 * math.exp(-since / 60)
        after = (day - self.kyphoplasty).days
        pain = 2.6 + 1.6 * math.exp(-after / 20)
        if day >= self.fall:
            pain += 2.0 * math.exp(-(day - self.fall).days / 14)
        return pain


def _uuid(rng: random.Random) -> str:
    return new_id(rng.getrandbits(128).to_bytes(16, "big"))


def build_demo(person: ProfileDiary, years: float = 2, seed: int = 1, end: date | datetime | None = None,
               progress: Callable[[int, int], None] | None = None) -> dict:
    """Fill a profile of an empty diary with the demo story; return counts of what was written."""
    diary = person.diary
    rng = random.Random(seed)
    now = end if isinstance(end, datetime) else now_local()
    tz = now.tzinfo
    # A demo ending today (or at a given moment: the app's clock) stops at that moment: a diary
    # never holds entries from the future. A given end day is written whole, reproducibly (tests).
    if end is None or isinstance(end, datetime):
        end, upper_bound = now.date(), now
    else:
        upper_bound = datetime.combine(end, time(23, 59)).replace(tzinfo=tz)
    start = end - timedelta(days=max(14, int(round(years * 365.25))))
    story = _Story(start, end)
    vocab = diary.vocabulary()
    entries: list[Entry] = []
    checkins: list[CheckIn] = []
    flare_until = start - timedelta(days=1)
    flare_trigger = "bending"
    day = start
    total = (end - start).days + 1
    while day <= end:
        if day > flare_until and day > story.fracture and rng.random() < 0.045:
            flare_until = day + timedelta(days=rng.randint(1, 4))
            flare_trigger = rng.choice(["bending", "bending", "lifting", "lifting", "carrying", "twisting"])
        flaring = day <= flare_until
        base = story.base_pain(day) + (2.5 if flaring else 0.0)
        if rng.random() > 0.05:  # most days have entries, about three of them
            slots = rng.choice([(8, 14, 20)] * 4 + [(8, 20), (9, 13, 17, 21), (9, 13, 17, 21)])
            for hour in slots:
                at = datetime.combine(day, time(hour, rng.randint(0, 59))).replace(tzinfo=tz)
                if at > upper_bound:
                    continue
                entries.append(_entry(rng, story, day, at, base, flaring, flare_trigger))
        if rng.random() < 0.75:
            checkins.append(_checkin(rng, day, base))
        if progress:
            progress((day - start).days + 1, total)
        day += timedelta(days=1)
    events = [ev for ev in _events(rng, story, tz) if ev.at <= upper_bound]
    questions = _questions(rng, story, tz)
    with diary.writing():
        person.insert_validated(
            entries=[(e, to_utc_text(e.at), to_utc_text(e.at))
                     for e in (validate_entry(e, vocab, upper_bound) for e in entries)],
            checkins=[(validate_checkin(c, end), stamp, stamp) for c in checkins
                      for stamp in [to_utc_text(datetime.combine(c.day, time(21, 0)).replace(tzinfo=tz))]],
            events=[(ev, to_utc_text(ev.at), to_utc_text(ev.at))
                    for ev in (validate_event(ev, vocab, upper_bound) for ev in events)],
            questions=[(validate_question(q), to_utc_text(q.created)) for q in questions],
        )
        bone = write_bone_story(person, story, seed, tz, upper_bound)  # bone care (issue 16): a generator of its own
        diary.set_setting("demo", "1")
        diary.backdate_profile(person.id, to_utc_text(datetime.combine(start, time(8, 0)).replace(tzinfo=tz)))
    return {"entries": len(entries), "checkins": len(checkins), "events": len(events), "questions": len(questions),
            **bone}


def _entry(rng, story: _Story, day: date, at: datetime, base: float, flaring: bool, flare_trigger: str) -> Entry:
    hour_effect = {8: 0.6, 9: 0.5}.get(at.hour, 0.4 if at.hour >= 19 else 0.0)  # stiff mornings, tired evenings
    pain = max(0, min(10, round(base + hour_effect + rng.gauss(0, 0.9))))
    sites: list[Site] = []
    if day >= story.fracture:
        level = "T8" if rng.random() < 0.35 else None
        sites.append(Site("mid-back", max(0, min(10, pain + rng.choice([0, 0, 0, 1, -1]))), level))
    if rng.random() < 0.35 or day < story.fracture:
        sites.append(Site("lower-back", max(0, min(10, pain - rng.randint(0, 2)))))
    if story.fall <= day < story.fall + timedelta(days=40) and rng.random() < 0.7:
        sites.append(Site("rib-left", max(0, min(10, pain + rng.randint(-1, 1)))))
    if rng.random() < 0.08:
        sites.append(Site(rng.choice(["hip-right", "hip-left", "shoulder-right"]), max(0, pain - rng.randint(1, 3))))
    triggers: list[str] = []
    if flaring and rng.random() < 0.8:
        triggers.append(flare_trigger)
    for trigger, chance in (("standing", 0.18), ("twisting", 0.08), ("walking", 0.08), ("sitting-long", 0.07),
                            ("housework", 0.06), ("stairs", 0.05), ("coughing-sneezing", 0.02)):
        if rng.random() < chance and trigger not in triggers:
            triggers.append(trigger)
    if at.hour <= 9 and rng.random() < 0.4:
        triggers.append("getting-up")
    qualities = ["aching"] if rng.random() < 0.7 else ["dull"]
    if flaring and rng.random() < 0.6:
        qualities.append("sharp")
    if rng.random() < 0.1:
        qualities.append("cramping")
    return Entry(at=at, pain=pain, sites=sites, qualities=qualities, triggers=triggers,
                 therapies=_therapies(rng, story, day, pain), note=rng.choice(NOTES) if rng.random() < 0.07 else "",
                 for_doctor=rng.random() < 0.015, id=_uuid(rng))


def _relief(rng, mean: float, spread: float = 15) -> int:
    return int(max(0, min(100, round(rng.gauss(mean, spread) / 10) * 10)))


def _therapies(rng, story: _Story, day: date, pain: int) -> list[TherapyUse]:
    uses: list[TherapyUse] = []
    if pain >= 4 and rng.random() < 0.45:
        uses.append(TherapyUse("heat", _relief(rng, 55)))
    if pain >= 3 and rng.random() < 0.3:
        name, dose = rng.choice([("ibuprofen", "400 mg"), ("paracetamol", "1 g")])
        uses.append(TherapyUse("otc-pain-medication", _relief(rng, 35), name, dose))
    after_fracture = (day - story.fracture).days
    around_surgery = abs((day - story.kyphoplasty).days)
    if (0 <= after_fracture < 18 or around_surgery < 8) and pain >= 6 and rng.random() < 0.6:
        uses.append(TherapyUse("prescription-pain-medication", _relief(rng, 55), "tramadol", "50 mg"))
    if 0 <= after_fracture < 70 and rng.random() < 0.5:
        uses.append(TherapyUse("brace", _relief(rng, 30)))
    if day >= story.pt_start and day.weekday() in (1, 4) and rng.random() < 0.4:
        uses.append(TherapyUse("physical-therapy", _relief(rng, 45)))
    if rng.random() < 0.05:
        uses.append(TherapyUse("relaxation", _relief(rng, 25)))
    if rng.random() < 0.03:
        uses.append(TherapyUse("ice", _relief(rng, 20)))
    return uses


def _checkin(rng, day: date, base: float) -> CheckIn:
    def item(shift: float) -> int:
        return max(0, min(10, round(base + shift + rng.gauss(0, 1))))

    peg = dict(peg_pain=item(0), peg_enjoyment=item(-0.5), peg_activity=item(0.3))  # drawn every day: same story
    sleep = max(0, min(10, round(8 - base * 0.5 + rng.gauss(0, 1.2))))
    mood = max(0, min(10, round(7.5 - base * 0.4 + rng.gauss(0, 1.2))))
    # Sleep and mood daily; the PEG, about the past 7 days, on Sundays only.
    weekly = peg if day.weekday() == 6 else {}
    return CheckIn(day=day, sleep=sleep, mood=mood, id=_uuid(rng), peg_week=bool(weekly), **weekly)


def _events(rng, story: _Story, tz) -> list[Event]:
    def at(day: date, hour: int = 10) -> datetime:
        return datetime.combine(day, time(hour, 0)).replace(tzinfo=tz)

    events = [
        Event("fracture", at(story.fracture), site="mid-back", level="T8",
              note="compression fracture seen on X-ray", id=_uuid(rng)),
        Event("imaging", at(story.fracture, 11), site="mid-back", level="T8", note="spine X-ray", id=_uuid(rng)),
        Event("procedure", at(story.kyphoplasty, 9), site="mid-back", level="T8", procedure="kyphoplasty",
              id=_uuid(rng)),
        Event("fall", at(story.fall, 17), note="slipped on the wet kitchen floor; bruised left ribs", id=_uuid(rng)),
    ]
    t_score, day = -2.9, story.start + timedelta(days=20)
    while day <= story.end:
        events.append(Event("dxa", at(day, 9), t_score=round(t_score, 1), dxa_site="lumbar-spine", id=_uuid(rng)))
        t_score += rng.choice([0.0, 0.1, 0.1, 0.2])
        day += timedelta(days=365)
    day = story.start + timedelta(days=45)
    while day <= story.end:
        events.append(Event("appointment", at(day, 14), note="GP review", id=_uuid(rng)))
        day += timedelta(days=91)
    return sorted(events, key=lambda e: e.at)


def _questions(rng, story: _Story, tz) -> list[Question]:
    out = []
    for i, (text, status, answer) in enumerate(QUESTIONS):
        day = story.start + timedelta(days=int(story.span * (i + 1) / (len(QUESTIONS) + 1)))
        out.append(Question(text=text, created=datetime.combine(day, time(20, 0)).replace(tzinfo=tz),
                            status=status, answer=answer, id=_uuid(rng)))
    return out


def write_demo(path, years: float = 2, seed: int = 1, end: date | datetime | None = None, progress=None) -> dict:
    """Write a fresh demo diary to ``path``, replacing one there (callers check that it is a demo).

    The demo grows in a private temporary file beside ``path`` and is renamed into place only
    when complete: an interrupted demo (Ctrl-C, a kill, a full disk) leaves nothing behind.
    """
    from pathlib import Path

    from osteotrack.store.files import private_temp, settle

    path = Path(path)
    with private_temp(path) as tmp:
        try:
            with Diary.open(tmp) as diary:
                diary.rename_profile("me", PATIENT)
                counts = build_demo(diary.profile(PATIENT), years, seed, end, progress)
        except DiaryError as error:  # name the demo's file, not its temporary one (a full disk)
            if str(error.params.get("path")) == str(tmp):
                error.params["path"] = path
            raise
        for stale in ("-wal", "-shm"):  # an old demo's WAL would be replayed onto the new file
            Path(f"{path}{stale}").unlink(missing_ok=True)
        settle(tmp, path)
    return counts

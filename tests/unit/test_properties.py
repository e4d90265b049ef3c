"""Properties: validation accepts exactly the valid ranges; export → import → export changes nothing."""

import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.records import CheckIn, Entry, Event, Question, Site, TherapyUse
from osteotrack.domain.validate import Vocabulary, check_relief, check_scale, parse_site
from osteotrack.domain.vocabulary import (
    BUILTIN,
    DXA_SITES,
    LEVELS_BY_LOCATION,
    LOCATIONS,
    MEDICATION_THERAPIES,
    QUALITIES,
    THERAPIES,
    TRIGGERS,
)
from osteotrack.store import Diary
from osteotrack.store.transfer import export_document, import_document

VOCAB = Vocabulary(BUILTIN)


@given(st.integers(-1000, 1000))
def test_scale_accepts_exactly_0_to_10(n):
    for value in (n, str(n)):
        if 0 <= n <= 10:
            assert check_scale(value) == n
        else:
            with pytest.raises(ValidationError):
                check_scale(value)


@given(st.text(max_size=6))
def test_scale_text_is_accepted_only_as_a_whole_number_0_to_10(text):
    try:
        value = check_scale(text)
    except ValidationError:
        assert text.strip() not in {str(i) for i in range(11)} or not text.strip().isascii()
    else:
        assert 0 <= value <= 10 and int(text.strip()) == value


@given(st.integers(-500, 500))
def test_relief_accepts_exactly_0_to_100_in_tens(n):
    if 0 <= n <= 100 and n % 10 == 0:
        assert check_relief(n) == n and check_relief(f"{n}%") == n
    else:
        with pytest.raises(ValidationError):
            check_relief(str(n))


@given(st.sampled_from([t.slug for t in LOCATIONS]), st.integers(-20, 30))
def test_site_intensity_range(location, n):
    if 0 <= n <= 10:
        assert parse_site(f"{location}:{n}", VOCAB) == Site(location, n)
    else:
        with pytest.raises(ValidationError):
            parse_site(f"{location}:{n}", VOCAB)


# -- random diaries --------------------------------------------------------

# A day ago: import checks times against the real clock.
NOW = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(days=1)
offsets = st.integers(-12 * 4, 14 * 4).map(lambda q: timezone(timedelta(minutes=15 * q)))
moments = st.builds(lambda seconds, tz: (NOW - timedelta(seconds=seconds)).astimezone(tz),
                    st.integers(0, 10 * 365 * 86400), offsets)
notes = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
words = st.text("abcdefghij ", min_size=1, max_size=12).filter(lambda s: s.strip())


@st.composite
def sites(draw):
    chosen = draw(st.lists(st.sampled_from([t.slug for t in LOCATIONS]), unique=True, max_size=4))
    out = []
    for location in chosen:
        levels = LEVELS_BY_LOCATION.get(location)
        level = draw(st.none() | st.sampled_from(levels)) if levels else None
        out.append(Site(location, draw(st.integers(0, 10)), level))
    return out


@st.composite
def therapies(draw):
    chosen = draw(st.lists(st.sampled_from([t.slug for t in THERAPIES]), unique=True, max_size=3))
    out = []
    for slug in chosen:
        medication = draw(st.none() | words) if slug in MEDICATION_THERAPIES else None
        dose = draw(st.none() | st.sampled_from(["400 mg", "1 g", "50 mg"])) if medication else None
        out.append(TherapyUse(slug, draw(st.none() | st.integers(0, 10).map(lambda x: x * 10)), medication, dose))
    return out


entry_records = st.builds(
    Entry, at=moments, pain=st.integers(0, 10), sites=sites(),
    qualities=st.lists(st.sampled_from([t.slug for t in QUALITIES]), unique=True, max_size=3),
    triggers=st.lists(st.sampled_from([t.slug for t in TRIGGERS] + ["gardening"]), unique=True, max_size=3),
    therapies=therapies(), note=notes, for_doctor=st.booleans(), entered_by=st.none() | words)
checkin_records = st.builds(
    CheckIn, day=st.dates(date(2016, 1, 1), NOW.date()), peg_pain=st.integers(0, 10),
    peg_enjoyment=st.none() | st.integers(0, 10), peg_activity=st.none() | st.integers(0, 10),
    sleep=st.none() | st.integers(0, 10), mood=st.none() | st.integers(0, 10), note=notes)
event_records = st.one_of(
    st.builds(Event, kind=st.sampled_from(["fall", "appointment", "imaging"]), at=moments, note=notes),
    st.builds(Event, kind=st.just("fracture"), at=moments, site=st.just("mid-back"),
              level=st.sampled_from(["T7", "T8"])),
    st.builds(Event, kind=st.just("procedure"), at=moments,
              procedure=st.sampled_from(["kyphoplasty", "vertebroplasty"]), level=st.just("T8")),
    st.builds(Event, kind=st.just("dxa"), at=moments, t_score=st.integers(-60, 40).map(lambda x: x / 10),
              dxa_site=st.none() | st.sampled_from(list(DXA_SITES))),
)
question_records = st.builds(Question, text=words, created=moments,
                             status=st.sampled_from(["open", "asked", "answered"]), answer=notes)

diaries = st.fixed_dictionaries({
    "profiles": st.lists(st.sampled_from(["Anna", "Bert"]), unique=True, max_size=2),
    "hidden": st.lists(st.sampled_from(["ice", "housework", "knee-left"]), unique=True),
    "entries": st.lists(entry_records, max_size=8),
    "checkins": st.lists(checkin_records, max_size=4, unique_by=lambda c: c.day),
    "events": st.lists(event_records, max_size=4),
    "questions": st.lists(question_records, max_size=3),
})
KIND = {"ice": "therapy", "housework": "trigger", "knee-left": "location"}


def fill(diary: Diary, data: dict) -> None:
    diary.add_term("trigger", "gardening", "Gardening")
    for slug in data["hidden"]:
        diary.set_hidden(KIND[slug], slug, True)
    pids = [diary.profile_id(diary.active_profile())] + [diary.add_profile(name) for name in data["profiles"]]
    for i, e in enumerate(data["entries"]):
        diary.profile_by_id(pids[i % len(pids)]).add_entry(e, now=NOW)
    for c in data["checkins"]:
        diary.profile_by_id(pids[0]).save_checkin(c, today=NOW.date())
    for i, v in enumerate(data["events"]):
        diary.profile_by_id(pids[i % len(pids)]).add_event(v, now=NOW)
    for q in data["questions"]:
        diary.profile_by_id(pids[-1]).add_question(q)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(diaries)
def test_export_import_export_gives_the_same_document(data):
    with tempfile.TemporaryDirectory() as folder:
        with Diary.open(Path(folder) / "a.db") as original:
            fill(original, data)
            document = export_document(original)
        with Diary.open(Path(folder) / "b.db") as copy:
            import_document(copy, document)
            assert export_document(copy) == document
            again = import_document(copy, document)
            assert again["skipped"] == sum(len(p[k]) for p in document["profiles"]
                                           for k in ("entries", "checkins", "events", "questions"))
            assert export_document(copy) == document


@given(st.sampled_from([t.slug for t in LOCATIONS]), st.sampled_from("CTLX"), st.integers(0, 14))
def test_a_level_is_accepted_exactly_within_its_region(location, letter, number):
    from osteotrack.domain.validate import check_level

    level = f"{letter}{number}"
    if level in LEVELS_BY_LOCATION.get(location, []):
        assert check_level(location, level.lower()) == level
    else:
        with pytest.raises(ValidationError):
            check_level(location, level)

"""Times typed in each shipped language, against a fixed clock: Tuesday 24 November 2026, 10:00 at UTC+01:00.

So yesterday is Monday the 23rd, the day before it Sunday the 22nd, and the last Wednesday the 18th (six
days back); 2 hours ago is 08:00, 30 minutes ago 09:30. The words come from the catalogs (osteotrack/locale);
English words and ISO times are read in every language.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osteotrack import i18n
from osteotrack.domain.errors import ValidationError
from osteotrack.domain.when import parse_day, parse_when
from tests.conftest import NOW, TZ

LANGUAGES = ["en", "es", "de", "fr"]


@pytest.fixture
def speak():
    yield i18n.choose
    i18n.choose(None)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=TZ)


FORMS = {
    "es": [
        ("ayer 19:00", at(23, 19)), ("hoy 8:30", at(24, 8, 30)), ("anteayer", at(22, 12)),  # a day alone: noon
        ("antes de ayer 9:00", at(22, 9)), ("hace 2 h", at(24, 8)), ("hace 30 min", at(24, 9, 30)),
        ("hace 2 horas", at(24, 8)), ("lunes 9:00", at(23, 9)), ("ahora", NOW), ("ahora mismo", NOW),
        ("el lunes a las 9:00", at(23, 9)), ("ayer a las 19:00", at(23, 19)), ("ayer por la tarde", at(23, 15)),
        ("ayer por la noche", at(23, 22)), ("anoche", at(23, 22)), ("esta mañana", at(24, 8)),
        ("hoy", NOW), ("miércoles 9:00", at(18, 9)), ("hace 3 días", NOW - timedelta(days=3)),
    ],
    "de": [
        ("gestern 19 Uhr", at(23, 19)), ("gestern 19:00", at(23, 19)), ("gestern 19.30 Uhr", at(23, 19, 30)),
        ("heute 8:30", at(24, 8, 30)), ("vorgestern", at(22, 12)), ("vor 2 Std.", at(24, 8)),
        ("vor 2 h", at(24, 8)), ("vor 30 Minuten", at(24, 9, 30)), ("Montag 9 Uhr", at(23, 9)), ("jetzt", NOW),
        ("am Montag um 9 Uhr", at(23, 9)), ("gestern Abend", at(23, 19)), ("heute Morgen", at(24, 8)),
        ("gestern um 19 Uhr", at(23, 19)), ("letzte Nacht", at(23, 22)), ("Mittwoch 9 Uhr", at(18, 9)),
        ("Mi. 9 Uhr", at(18, 9)),  # the abbreviated name, as dates are written
    ],
    "fr": [
        ("hier 19h", at(23, 19)), ("hier 19h30", at(23, 19, 30)), ("hier 19:00", at(23, 19)),
        ("aujourd'hui 8h30", at(24, 8, 30)), ("aujourd’hui 8h30", at(24, 8, 30)),  # either apostrophe
        ("avant-hier", at(22, 12)), ("il y a 2 h", at(24, 8)), ("il y a 30 min", at(24, 9, 30)),
        ("lundi 9h", at(23, 9)), ("maintenant", NOW), ("hier à 19h", at(23, 19)), ("hier soir", at(23, 19)),
        ("hier dans l'après-midi", at(23, 15)), ("ce matin", at(24, 8)), ("cette nuit", at(23, 22)),
        ("mercredi 9h", at(18, 9)), ("hier 19 heures", at(23, 19)),
    ],
}


@pytest.mark.parametrize("lang, text, expected", [(lang, t, e) for lang, forms in FORMS.items() for t, e in forms])
def test_everyday_forms_in_each_language(speak, lang, text, expected):
    speak(lang)
    assert parse_when(text, now=NOW) == expected


@pytest.mark.parametrize("lang, texts", [
    ("es", ["miércoles 9:00", "miercoles 9:00", "MIÉRCOLES 9:00", "Miercoles 9:00"]),
    ("de", ["Montag 9 Uhr", "montag 9 uhr", "MONTAG 9 UHR"]),
    ("fr", ["Aujourd'hui 8h30", "AUJOURD'HUI 8H30", "aujourd’hui 8h30"]),
])
def test_accents_and_case_do_not_matter(speak, lang, texts):
    speak(lang)
    assert len({parse_when(t, now=NOW) for t in texts}) == 1


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("text, expected", [
    ("yesterday 19:00", at(23, 19)), ("2h ago", at(24, 8)), ("monday 9:00", at(23, 9)), ("now", NOW),
    ("yesterday evening", at(23, 19)), ("2026-11-23T19:00", at(23, 19)), ("2026-11-23", at(23, 12)),
    ("2026-11-23T18:00Z", datetime(2026, 11, 23, 18, tzinfo=timezone.utc)),
])
def test_english_and_iso_are_read_in_every_language(speak, lang, text, expected):
    speak(lang)
    assert parse_when(text, now=NOW) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("es", "mañana 10:30", at(25, 10, 30)), ("es", "dentro de 3 días", NOW + timedelta(days=3)),
    ("de", "morgen 10:30 Uhr", at(25, 10, 30)), ("de", "morgen früh", at(25, 8)),
    ("de", "in 3 Tagen", NOW + timedelta(days=3)),
    ("fr", "demain 10h30", at(25, 10, 30)), ("fr", "dans 3 jours", NOW + timedelta(days=3)),
])
def test_the_future_is_read_for_appointments_and_refused_for_the_diary(speak, lang, text, expected):
    speak(lang)
    assert parse_when(text, now=NOW, future=True) == expected
    with pytest.raises(ValidationError) as refused:
        parse_when(text, now=NOW)
    assert refused.value.code == "when.future"


UNREADABLE = {
    "en": ("Could not read the time 'ayer 25:00'; use an ISO date-time like 2026-11-23T19:00, or 'now', "
           "'today 8:30', 'yesterday 19:00', 'yesterday evening', 'monday 9:00' or '2h ago'."),
    "es": ("No se pudo leer la hora «ayer 25:00»; use una fecha y hora ISO como 2026-11-23T19:00, o «ahora», "
           "«hoy 8:30», «ayer 19:00», «ayer por la tarde», «lunes 9:00» o «hace 2 h»."),
    "de": ("Die Zeitangabe „ayer 25:00“ ist nicht lesbar; nehmen Sie ein ISO-Datum mit Uhrzeit wie "
           "2026-11-23T19:00 oder „jetzt“, „heute 8:30“, „gestern 19 Uhr“, „gestern Abend“, „Montag 9 Uhr“ "
           "oder „vor 2 Stunden“."),
    "fr": ("Impossible de lire l’heure « ayer 25:00 » ; utilisez une date et heure ISO comme 2026-11-23T19:00, "
           "ou « maintenant », « aujourd’hui 8h30 », « hier 19h », « hier soir », « lundi 9h » ou « il y a 2 h »."),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_time_not_understood_gets_one_sentence_with_examples_in_the_language(speak, lang):
    speak(lang)
    with pytest.raises(ValidationError) as refused:
        parse_when("ayer 25:00", now=NOW)  # there is no 25 o'clock, in any language
    sentence = str(refused.value)
    assert refused.value.code == "when.unreadable" and sentence == UNREADABLE[lang]
    # every example the sentence gives is read in that language, at a time up to now
    examples = re.findall(r"'([^']+)'|«\s?([^»]+?)\s?»|„([^“]+)“", sentence.split(";", 1)[1])
    examples = ["".join(groups) for groups in examples]
    assert len(examples) == 6
    for example in examples:
        assert parse_when(example, now=NOW) <= NOW


@pytest.mark.parametrize("lang", ["es", "de", "fr"])
@pytest.mark.parametrize("text", ["hace 3 parsecs", "gestern 13pm", "lundi 9:00x", "banana", ""])
def test_garbage_is_refused_in_every_language(speak, lang, text):
    speak(lang)
    with pytest.raises(ValidationError) as refused:
        parse_when(text, now=NOW)
    assert refused.value.code == "when.unreadable"


@pytest.mark.parametrize("lang, text, expected", [
    ("es", "ayer", date(2026, 11, 23)), ("es", "anteayer", date(2026, 11, 22)), ("es", "lunes", date(2026, 11, 23)),
    ("es", "hace 3 días", date(2026, 11, 21)), ("de", "heute", date(2026, 11, 24)),
    ("de", "vorgestern", date(2026, 11, 22)), ("de", "Mittwoch", date(2026, 11, 18)),
    ("fr", "hier", date(2026, 11, 23)), ("fr", "il y a 2 jours", date(2026, 11, 22)),
    ("fr", "dimanche", date(2026, 11, 22)), ("fr", "yesterday", date(2026, 11, 23)),
])
def test_days_are_read_in_each_language(speak, lang, text, expected):
    speak(lang)
    assert parse_day(text, today=NOW.date()) == expected


@pytest.mark.parametrize("lang, sentence", [
    ("es", "No se pudo leer el día «pronto»; use una fecha como 2026-11-23, «hoy», «ayer» o un día de la semana."),
    ("de", "Der Tag „pronto“ ist nicht lesbar; nehmen Sie ein Datum wie 2026-11-23, „heute“, „gestern“ oder einen "
           "Wochentag."),
    ("fr", "Impossible de lire le jour « pronto » ; utilisez une date comme 2026-11-23, « aujourd’hui », « hier » "
           "ou un jour de la semaine."),
])
def test_a_day_not_understood_names_the_languages_words(speak, lang, sentence):
    speak(lang)
    with pytest.raises(ValidationError) as refused:
        parse_day("pronto", today=NOW.date())
    assert str(refused.value) == sentence
    with pytest.raises(ValidationError, match="2026-11-25"):  # tomorrow is refused as a day of the diary too
        parse_day({"es": "mañana", "de": "morgen", "fr": "demain"}[lang], today=NOW.date())


def test_the_full_weekday_names_are_cldrs(speak):
    from babel.dates import get_day_names

    from osteotrack.domain.dates import weekday_names

    for lang in LANGUAGES:
        speak(lang)
        assert weekday_names(full=True) == [get_day_names("wide", locale=lang)[d] for d in range(7)]


_OFFSETS = st.integers(-12 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))


@settings(max_examples=30, deadline=None)
@given(moment=st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2026, 11, 23), timezones=_OFFSETS)
       .map(lambda d: d.replace(second=0, microsecond=0)),
       lang=st.sampled_from(LANGUAGES), with_t=st.booleans())
def test_any_iso_time_round_trips_in_every_language(moment, lang, with_t):
    with i18n.speaking(lang):
        text = moment.isoformat(sep="T" if with_t else " ", timespec="minutes")
        read = parse_when(text, now=NOW)
    assert read == moment and read.utcoffset() == moment.utcoffset()


@pytest.mark.parametrize("lang, text", [("en", "24h ago"), ("es", "hace 24 h"), ("de", "vor 1440 Min."),
                                        ("fr", "il y a 24 heures")])
def test_a_day_is_counted_back_in_days_only(speak, lang, text):
    speak(lang)
    with pytest.raises(ValidationError) as refused:
        parse_day(text, today=NOW.date())
    assert refused.value.code == "day.unreadable"

"""Choosing the language, and what it changes: error sentences, decimal signs, plurals, the vocabulary's names."""

from __future__ import annotations

import pytest

from osteotrack import i18n
from osteotrack.domain.errors import ValidationError
from osteotrack.domain.messages import MESSAGES, placeholders
from osteotrack.domain.numbers import count, duration, pain, percent, signed
from osteotrack.domain.validate import Vocabulary
from osteotrack.domain.vocabulary import BUILTIN, DXA_SITES, Term, display_name, shown

PAIN_11 = ValidationError("pain.range", field="pain", value=11, low=0, high=10)


@pytest.fixture
def speak():
    """``speak("de")`` chooses a language as ``--lang`` does; English again afterwards."""
    yield i18n.choose
    i18n.choose(None)


@pytest.mark.parametrize("environ, expected", [
    ({}, "en"),
    ({"LANG": "fr_FR.UTF-8"}, "fr"),
    ({"LANG": "de_AT.UTF-8"}, "de"),  # a country's variant falls to the language shipped
    ({"LC_MESSAGES": "es_ES.UTF-8", "LANG": "de_DE.UTF-8"}, "es"),
    ({"LC_ALL": "fr_CA.UTF-8", "LC_MESSAGES": "es_ES.UTF-8", "LANG": "de_DE.UTF-8"}, "fr"),
    ({"LANGUAGE": "pt:de:fr", "LC_ALL": "es_ES.UTF-8"}, "de"),  # LANGUAGE's list, first shipped one
    ({"LANGUAGE": "pt_BR", "LANG": "de_DE.UTF-8"}, "en"),  # the first variable set decides, as in gettext
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "ja_JP.UTF-8"}, "en"),  # not shipped: English
    ({"OSTEOTRACK_LANG": "es", "LANGUAGE": "de", "LC_ALL": "fr_FR.UTF-8"}, "es"),
    ({"OSTEOTRACK_LANG": "x-pseudo"}, "x-pseudo"),
    ({"OSTEOTRACK_LANG": "tlh", "LANG": "fr_FR.UTF-8"}, "fr"),  # an unshipped own choice leaves it to the locale
])
def test_the_environment_chooses_in_the_documented_order(environ, expected):
    assert i18n.from_environment(environ) == expected


def test_lang_wins_over_the_environment_and_an_unknown_one_is_refused(speak, monkeypatch):
    monkeypatch.setenv("OSTEOTRACK_LANG", "fr")
    speak("de_DE")
    assert i18n.language() == "de"
    speak(None)
    assert i18n.language() == "fr"
    with pytest.raises(i18n.UnknownLanguage):
        speak("klingon")


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Pain must be a whole number from 0 to 10; got '11'."),
    ("de", "Die Schmerzstärke muss eine ganze Zahl von 0 bis 10 sein; Sie haben „11“ eingegeben."),
    ("fr", "La douleur doit être un nombre entier de 0 à 10 ; vous avez indiqué « 11 »."),
    ("es", "El dolor debe ser un número entero del 0 al 10; ha indicado «11»."),
])
def test_an_error_is_said_in_the_language_chosen(speak, lang, sentence):
    speak(lang)
    assert str(PAIN_11) == sentence


def test_the_pseudo_language_wraps_accents_and_lengthens_keeping_placeholders(speak):
    speak("x-pseudo")
    template = MESSAGES["pain.range"]
    made = i18n.pseudo(template)
    assert made.startswith("⟦Páíñ múst") and made.endswith("⟧")
    assert placeholders(made) == placeholders(template) == {"low", "high", "value"}
    # "about a third longer": 64 characters of template, 22 more (64 / 3 = 21.3, rounded up) inside the brackets
    assert len(made) - 2 == len(template) + 22 == 86
    assert str(PAIN_11) == i18n.pseudo(template).format(low=0, high=10, value=11)
    # Escaped braces stay escaped, a placeholder keeps its format: 26 characters, 9 more (26 / 3 = 8.7, rounded up)
    assert i18n.pseudo("{{literal}} {moment:%H:%M}") == "⟦{{lítérál}} {moment:%H:%M} ········⟧"


def test_figures_take_the_languages_decimal_sign(speak):
    speak("de")
    assert (pain(4.5), signed(-1.25), percent(12.5), pain(7, 0)) == ("4,5", "-1,3", "13\u00a0%", "7")
    speak("fr")
    assert pain(4.25) == "4,3"
    speak("es")
    assert pain(0.05) == "0,1"
    speak("en")
    assert pain(4.5) == "4.5"


@pytest.mark.parametrize("lang", ["en", "es", "de", "fr"])
def test_a_percentage_is_written_as_cldr_writes_it(speak, lang):
    """Source: the Unicode CLDR percent pattern of each language, as Babel ships it ("#,##0%" in English,
    "#,##0\u00a0%" in Spanish, German and French: the sign after a no-break space)."""
    from babel.numbers import format_percent

    speak(lang)
    assert percent(30) == format_percent(0.3, locale=lang)
    assert percent(12.5) == format_percent(0.13, locale=lang)  # rounded half up first: 12.5 → 13


def test_counted_words_follow_each_languages_plural_rules(speak):
    speak("es")
    assert (count(1, "entry"), count(2, "entry"), count(0, "entry")) == ("1 entrada", "2 entradas", "0 entradas")
    speak("fr")
    # French counts 0 and 1 alike (CLDR: one is i = 0,1): "0 jour", "1 jour", "2 jours"
    assert (count(0, "day"), count(1, "day"), count(2, "day")) == ("0 jour", "1 jour", "2 jours")
    speak("de")
    assert duration(285) == "4 Minuten 45 Sekunden" and count(1, "check-in") == "1 Tagesbilanz"


def test_built_in_names_are_shown_in_the_language_chosen_and_the_users_own_as_typed(speak):
    vocab = Vocabulary([*BUILTIN, Term("trigger", "garden-work", "Gartenarbeit", builtin=False)])
    speak("de")
    assert vocab.display("location", "lower-back") == "Lendenwirbelsäule"
    assert vocab.name("location", "lower-back") == "Lower back"  # what is stored and exported stays
    assert vocab.display("trigger", "garden-work") == "Gartenarbeit"
    speak("es")
    assert display_name(vocab.terms["location"]["lower-back"]) == "Zona lumbar"
    assert shown(DXA_SITES, "femoral-neck") == "Cuello femoral"
    speak("fr")
    assert vocab.display("location", "lower-back") == "Bas du dos"


def test_every_error_sentence_comes_out_wrapped_in_the_pseudo_language(speak):
    # English that shows through unwrapped would be a sentence said without the catalogs.
    from osteotrack.domain.messages import FACE_MESSAGES, PLACES, place, render
    from tests.unit.test_messages import sample

    speak("x-pseudo")
    for code, template in MESSAGES.items():
        text = render(code, {name: sample(name) for name in placeholders(template)})
        assert text.startswith("⟦") and text.endswith("⟧"), (code, text)
    for code in FACE_MESSAGES["app"]:
        app_template = FACE_MESSAGES["app"][code]
        assert render(code, {name: sample(name) for name in placeholders(app_template)}, face="app").startswith("⟦")
    for code, template in PLACES.items():
        assert str(place(code, **{name: 1 for name in placeholders(template)})).startswith("⟦"), code


def test_a_lazy_message_follows_the_language_chosen_after_it_was_made(speak):
    label = i18n.lazy("Lower back")
    assert str(label) == "Lower back" and f"{label}:" == "Lower back:"
    speak("de")
    assert str(label) == "Lendenwirbelsäule" and f"{label}:" == "Lendenwirbelsäule:"
    assert label + "!" == "Lendenwirbelsäule!"
    speak("fr")
    assert "{where}".format_map({"where": label}) == "Bas du dos"

"""The app in the patient's language: every word of its screens translated, none cut, the language chosen in the app.

The pseudo-language (``x-pseudo``) wraps every translated message in ``⟦…⟧`` and makes it a third
longer: English outside the brackets is a word the catalogs never see, and a ``⟦`` whose ``⟧`` is not
in sight is a label cut short at 80×24 (German and French run about that much longer than English).
"""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest

from osteotrack import i18n
from osteotrack.domain.records import Entry, Site, TherapyUse
from osteotrack.store import Diary
from osteotrack.tui.screens.today import TodayScreen
from tests.conftest import NOW
from tests.functional.tui_support import app_for, pilot_test, settle

SIZE = (80, 24)
OPEN, CLOSE = i18n.OPEN, i18n.CLOSE

# Words that are right outside the brackets: the app's name, the profile's name (user data), key names
# as Textual shows them in the footer and the key panel, and a command line quoted as it is typed.
NOT_ENGLISH = {"osteotrack", "Margaret", "tab", "shift", "super", "esc", "enter",
               "treatment", "add", "alendronate", "every",  # osteotrack treatment add alendronate --every 1w
               "Pseudo"}  # a language is named in its own words in the list of languages, never translated


@pytest.fixture
def speak():
    """``speak(code)`` chooses a language as ``--lang`` does; back to the environment's (English) after."""
    yield i18n.choose
    i18n.choose(None)


@pytest.fixture
def diary(db_path):
    """Margaret's diary: one entry yesterday (Today shows none, and says so)."""
    with Diary.open(db_path) as whole:
        whole.rename_profile("me", "Margaret")
        whole.profile("Margaret").add_entry(Entry(at=NOW - timedelta(days=1), pain=5, sites=[Site("mid-back", 5)],
                                                  triggers=["bending"], therapies=[TherapyUse("heat", 50)]), now=NOW)
    return db_path


def screen_lines(app) -> list[str]:
    """The characters on screen, line by line, as the terminal shows them."""
    return ["".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()]


def leaves(app, within=None):
    """(widget, its text on screen) for every widget with no children that is wholly in sight.

    A widget partly scrolled out of sight, or cut by the screen's edge (the footer's last keys, by
    design: ``?`` lists them all), is left out: its text is not all there to judge.
    """
    lines = screen_lines(app)
    for widget, (region, clip) in app.screen._compositor.visible_widgets.items():
        if widget.children or region != region.intersection(clip) or not region.area:
            continue
        if within is not None and within not in widget.ancestors_with_self:
            continue
        yield widget, "\n".join(line[region.x:region.right] for line in lines[region.y:region.bottom])


def without_messages(text: str) -> str:
    """``text`` without the messages in it: what is left is data, or English that showed through, or a cut bracket.

    Whole messages (``⟦…⟧``, innermost first) go, then messages cut with "…" on purpose (a name too long for its
    column, in English too): a ⟦ or ⟧ still there was cut by the edge of its widget.
    """
    before = None
    while before != text:
        before = text
        text = re.sub(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", "", text)
        text = re.sub(f"{OPEN}[^{OPEN}{CLOSE}]*…", "", text)
    return text


def problems(app, where: str, within=None) -> list[str]:
    """English outside the brackets, and brackets not closed within their widget, on the screen shown."""
    from textual.widgets import Input

    found = []
    for widget, text in leaves(app, within):
        if isinstance(widget, Input) and widget.value:
            continue  # what the user typed, or a date or file name filled in: data, not words of the app
        owner = next((node.id for node in widget.ancestors_with_self if node.id), None)
        if widget.scroll_y < widget.max_scroll_y and text.rfind(OPEN) > text.rfind(CLOSE):
            text = text[:text.rfind(OPEN)]  # a list that goes on below: its last item is only partly in sight
        outside = without_messages(text)
        if OPEN in outside or CLOSE in outside:
            found.append(f"{where}: cut in #{owner}: {text!r}")
        english = [word for word in re.findall(r"[A-Za-z]{3,}", outside) if word not in NOT_ENGLISH]
        if english:
            found.append(f"{where}: English in #{owner}: {english} in {text!r}")
    return found


@pilot_test
async def test_the_main_screens_at_80x24_show_no_english_and_no_label_cut_in_the_pseudo_language(
        diary, tmp_path, speak):
    speak("x-pseudo")
    app = app_for(diary, tmp_path)
    found: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        found += problems(app, "today")
        await pilot.press("question_mark")  # the key panel: every key of Today and of the app
        await settle(pilot)
        [panel] = app.screen.query("HelpPanel")
        found += problems(app, "key panel", within=panel)
        await pilot.press("question_mark")
        await pilot.press("l")  # the entry form, with a place, a trigger and a therapy chosen
        await settle(pilot)
        await pilot.press("6", "tab", "space", "tab", "b", "space", "tab", "h", "5")
        await settle(pilot)
        found += problems(app, "entry")
        await pilot.press("escape", "escape")  # the first clears the filter typed; leaving unsaved asks first
        await settle(pilot)
        found += problems(app, "leave dialog")
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("ctrl+p")  # the palette: every action by name
        await settle(pilot)
        found += problems(app, "palette")
        await pilot.press("escape")
        await settle(pilot)
        for name in ("history", "trends", "report", "checkin", "bone", "breathe", "events", "questions"):
            app.action_show_screen(name)
            await settle(pilot)
            found += problems(app, name)
    assert not found, "\n".join(found)


@pilot_test
async def test_the_language_chosen_in_the_palette_shows_at_once_and_is_kept_for_the_next_start(
        diary, tmp_path, monkeypatch, speak):
    monkeypatch.delenv("OSTEOTRACK_LANG")
    monkeypatch.setenv("LANG", "C.UTF-8")  # the locale says English
    speak(None)
    app = app_for(diary, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_show_screen("checkin")
        await settle(pilot)
        assert "Daily check-in" in app.screen.title
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"deutsch", "enter")
        await settle(pilot)
        # The screen shown is built again in German, over a German Today.
        assert app.screen.title == "Tagesbilanz" and app.screen.query_one("#save").label.plain.startswith(
            "Bilanz speichern")
        assert str(app.screen_stack[1].query_one("#log").label) == "Schmerz eintragen (l)"
    config = json.loads((tmp_path / "config" / "tui.json").read_text(encoding="utf-8"))
    assert config["lang"] == "de"

    # The next start: the app takes its remembered language as it is made, before any word is shown.
    speak(None)  # no --lang, no OSTEOTRACK_LANG: the app's own choice
    app_for(diary, tmp_path)
    assert i18n.language() == "de"
    speak(None)
    monkeypatch.setenv("OSTEOTRACK_LANG", "fr")  # given on start, it wins for that run
    app_for(diary, tmp_path)
    assert i18n.language() == "fr"
    speak("es")  # and so does --lang
    app_for(diary, tmp_path)
    assert i18n.language() == "es"


def typed(body_map, letters: str) -> str:
    """Type ``letters`` on the body map, as fast as a person types a name; the place it jumps to."""
    for letter in letters:
        body_map._jump(letter)
    return body_map.cursor


@pytest.mark.parametrize("lang, letters, place", [
    ("de", "lendenwirbelsäule", "lower-back"),
    ("de", "lendenwirbelsaule", "lower-back"),  # without the accent
    ("de", "lendenwirbel", "lower-back"),  # the start of the name
    ("de", "steiss", "tailbone"),  # "Steißbein": ß typed as ss
    ("de", "knie", "knee-left"),  # "Knie, links" comes first in the vocabulary's order
    ("es", "lumbar", "lower-back"),  # a later word of "Zona lumbar"
    ("es", "munec", "wrist-left"),  # "Muñeca izquierda" without the tilde
    ("es", "coxis", "tailbone"),
    ("de", "lower", "lower-back"),  # the slug still works in every language
])
def test_typing_on_the_body_map_finds_the_place_by_its_name_in_the_language_shown(lang, letters, place, speak):
    from osteotrack.domain.vocabulary import LOCATIONS
    from osteotrack.tui.screens.entry import _pairs
    from osteotrack.tui.widgets.body_map import BodyMap

    speak(lang)
    body_map = BodyMap(_pairs(LOCATIONS))
    body_map.cursor = "neck"
    assert typed(body_map, letters) == place


@pytest.mark.parametrize("lang, kind, typed_filter, found", [
    ("de", "trigger", "bück", ["bending"]),  # Bücken
    ("de", "trigger", "buck", ["bending"]),  # without the umlaut
    ("de", "trigger", "bueck", ["bending"]),  # the umlaut spelled ue
    ("de", "therapy", "wärm", ["heat"]),  # Wärme (Wärmflasche, warme Dusche)
    ("es", "trigger", "agach", ["bending"]),  # Agacharse
    ("es", "therapy", "fisio", ["physical-therapy"]),  # Fisioterapia y ejercicio
    ("es", "trigger", "bend", ["bending"]),  # the slug
])
def test_type_to_filter_matches_triggers_and_therapies_by_their_names_in_the_language_shown(
        lang, kind, typed_filter, found, speak):
    from osteotrack.domain.vocabulary import THERAPIES, TRIGGERS
    from osteotrack.tui.screens.entry import _pairs
    from osteotrack.tui.widgets.toggle_list import ToggleList

    speak(lang)
    toggles = ToggleList(_pairs(TRIGGERS if kind == "trigger" else THERAPIES))
    toggles.filter = typed_filter
    assert [slug for slug, _name in toggles.visible()] == found


@pytest.mark.parametrize("lang", ["en", "es", "de", "fr"])
def test_the_body_maps_places_do_not_run_into_each_other_and_fit_80_columns(lang, speak):
    from osteotrack.domain.vocabulary import LOCATIONS
    from osteotrack.tui.screens.entry import _pairs
    from osteotrack.tui.widgets.body_map import BodyMap

    speak(lang)
    body_map = BodyMap(_pairs(LOCATIONS))
    for chip in body_map.chips:
        # A chip is " label  5 ": its first and last columns are blank and may touch its neighbour's.
        inner = set(range(chip.left + 1, chip.left + chip.width - 1))
        for other in body_map.chips:
            if other is not chip and other.row == chip.row:
                assert not inner & set(range(other.left + 1, other.left + other.width - 1)), (chip, other)
        assert chip.left >= 0 and chip.left + chip.width <= 78, chip  # 80 columns less the form's padding

"""``osteotrack report --lang de``: the whole report in German, whatever language the app speaks."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from html import escape

import pytest

from osteotrack import i18n
from osteotrack.analysis import MEAN_PAIN_DEFINITION
from osteotrack.domain.records import Entry, Site
from osteotrack.report.model import SECTIONS
from tests.conftest import NOW
from tests.support import active

TZ = timezone(timedelta(hours=1))
# What an English report says in every format: none of it may be left in a German one.
ENGLISH = [str(title) for title in SECTIONS.values()] + [
    "Pain diary report", "Patient (profile)", "Period", "Generated", "Days logged", "Average daily pain",
    "Worst pain", "This period", "Previous", "Change", "Place", "Mean intensity", "Mid back", "Lower back",
    "Marked for the doctor", "pain", "Daily mean", "7-day mean", "not a diagnosis", "No open questions",
]


@pytest.fixture(autouse=True)
def english_again():
    yield
    i18n.choose(None)  # run_cli reads --lang in-process: it must not reach the next test


@pytest.fixture
def two_days(diary):
    me = active(diary)
    me.add_entry(Entry(datetime(2026, 11, 2, 9, 0, tzinfo=TZ), 6, [Site("mid-back", 6)]), now=NOW)
    me.add_entry(Entry(datetime(2026, 11, 2, 20, 0, tzinfo=TZ), 3, [Site("lower-back", 3)], for_doctor=True), now=NOW)
    me.add_entry(Entry(datetime(2026, 11, 5, 9, 0, tzinfo=TZ), 2, [Site("mid-back", 2)]), now=NOW)
    diary.close()


def _words(text: str) -> str:
    return " " + re.sub(r"<[^>]+>", " ", text) + " "  # the HTML's text without its tags


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_report_lang_de_writes_every_word_in_german(two_days, run_cli, tmp_path, fmt):
    target = tmp_path / f"bericht.{fmt}"
    result = run_cli("report", "--lang", "de", "--since", "2026-11-01", "--until", "2026-11-10", "--format", fmt,
                     "-o", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    # The definition of average daily pain is written by osteotrack.analysis, translated there (not yet here).
    words = _words(text.replace(str(MEAN_PAIN_DEFINITION), "").replace(escape(str(MEAN_PAIN_DEFINITION)), ""))
    for english in ENGLISH:
        assert not re.search(rf"\b{re.escape(english)}\b", words), english
    assert "Bericht aus dem Schmerztagebuch" in text and "Lendenwirbelsäule" in text
    # The period in German (CLDR: day with a full stop, "Nov."); 1 to 10 Nov is 10 days.
    assert "1.–10. Nov. 2026 (10 Tage)" in text
    # Average daily pain: 2 Nov (6 + 3) / 2 = 4.5, 5 Nov 2; (4.5 + 2) / 2 = 3.25 → 3.3, with a decimal comma.
    assert "Mittlere tägliche Schmerzintensität 3,3 von 10" in text
    # The entry marked for the doctor, its moment in German: Monday 2 Nov 2026, 20:00.
    assert "Mo., 2. Nov. 2026, 20:00, Schmerz 3" in text
    if fmt == "html":
        assert '<html lang="de">' in text


def test_a_report_in_french_while_the_app_speaks_spanish(two_days, db_path):
    from datetime import date

    from osteotrack.analysis import Period
    from osteotrack.report.model import build_report
    from osteotrack.report.output import render
    from osteotrack.store import Diary

    i18n.choose("es")
    with Diary.open(db_path) as diary, i18n.speaking("fr"):
        report = build_report(active(diary), Period(date(2026, 11, 1), date(2026, 11, 10)), today=NOW.date())
    text = render(report, "md").decode("utf-8")  # laid out in the report's language, outside the block too
    assert text.startswith("# Rapport du journal de la douleur : ") and "**Période :** 1–10 nov. 2026" in text
    assert i18n._("Pain diary report") == "Informe del diario del dolor"  # the app still speaks Spanish

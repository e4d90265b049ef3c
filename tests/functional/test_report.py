"""The physician report: the numbers printed are the analysis figures, worked out here by hand."""

from __future__ import annotations

import io
import re
from datetime import date, datetime, timedelta, timezone
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader

from osteotrack.analysis import Period, trends
from osteotrack.domain.dates import day_short
from osteotrack.domain.numbers import change, pain, signed
from osteotrack.domain.records import CheckIn, Entry, Event, Question, Site, TherapyUse
from osteotrack.report.model import SECTIONS, build_report
from osteotrack.report.output import render
from tests.conftest import NOW
from tests.support import active

TZ = timezone(timedelta(hours=1))
NAME = "Zoë Ελένη Жанна"
NOTE = "Ελένη asks: stairs? Жанна agrees"
PERIOD = Period(date(2026, 11, 1), date(2026, 11, 10))


def at(day: int, hour: int, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=TZ)


@pytest.fixture
def hand_built(diary):
    """Five entries in the period, two in the ten days before it, check-ins, events, questions."""
    diary.rename_profile("me", NAME)
    otc = lambda relief: TherapyUse("otc-pain-medication", relief, "ibuprofen", "400 mg")  # noqa: E731
    for entry in [
        Entry(at(2, 8), 6, [Site("mid-back", 7)], triggers=["bending"], therapies=[TherapyUse("heat", 60), otc(40)]),
        Entry(at(2, 20), 4, [Site("mid-back", 5), Site("lower-back", 3)], therapies=[otc(20)]),
        Entry(at(3, 9), 8, [Site("mid-back", 8)], triggers=["bending", "lifting"], therapies=[otc(None)]),
        Entry(
            at(5, 12),
            2,
            [Site("hip-left", 2)],
            therapies=[TherapyUse("prescription-pain-medication", 50, "tramadol", "50 mg")],
            note=NOTE,
            for_doctor=True,
        ),
        Entry(at(6, 12), 3, [Site("lower-back", 3)], therapies=[TherapyUse("heat", 50)]),
        Entry(at(25, 10, month=10), 5),
        Entry(at(26, 10, month=10), 7),  # the previous ten days
    ]:
        active(diary).add_entry(entry, now=NOW)
    for day, items in ((2, (6, 4, 5)), (3, (7, 6, 8)), (9, (2, 2, 2))):
        active(diary).save_checkin(CheckIn(date(2026, 11, day), *items), today=NOW.date())
    active(diary).add_event(Event("fall", at(4, 17), note="slipped in the kitchen"), now=NOW)
    active(diary).add_event(Event("appointment", at(7, 14)), now=NOW)
    active(diary).add_event(Event("dxa", at(9, 9), t_score=-2.5, dxa_site="lumbar-spine"), now=NOW)
    active(diary).add_question(Question("Can I carry 5 kg?", at(8, 20)))
    active(diary).set_question_status(
        active(diary).add_question(Question("Brace at night?", at(8, 21))).id, "answered", "No"
    )
    active(diary).set_question_status(active(diary).add_question(Question("Walk with poles?", at(8, 22))).id, "asked")
    return diary


def _pdf_text(data: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split()), len(reader.pages)


# Worked out by hand from the fixture (period 1–10 Nov, previous period 22–31 Oct):
HAND = [
    "Days logged: 4 of 10 days in range (40%), 5 entries",  # 2, 3, 5 and 6 Nov
    # Average daily pain: daily means 2 Nov (6 + 4) / 2 = 5, 3 Nov 8, 5 Nov 2, 6 Nov 3; (5 + 8 + 2 + 3) / 4 = 4.5
    "4.5 (5 entries)",
    "6.0 (2 entries)",  # previous: (5 + 7) / 2
    "-1.5 (-25%)",  # 4.5 - 6.0 = -1.5; -1.5 / 6.0 = -25 %
    "this is a fall of 25%, less than 30%.",
    "6.7 (3 entries)",  # mid back: (7 + 5 + 8) / 3
    "2 of 4 days (50%)",  # mid back on 2 and 3 Nov, lower back on 2 and 6 Nov
    "3.0 (2 entries)",  # lower back: (3 + 3) / 2
    "7.0 (2 entries)",  # with bending: (6 + 8) / 2
    "3.0 (3 entries)",  # without bending: (4 + 2 + 3) / 3
    "3.8 (4 entries)",  # without lifting: (6 + 4 + 2 + 3) / 4 = 3.75
    "30% (2 rated)",  # over-the-counter: (40 + 20) / 2, one use unrated
    "55% (2 rated)",  # heat: (60 + 50) / 2
    # Over-the-counter on 2 and 3 Nov, all of it ibuprofen 400 mg: the kind's row, then the medicine's.
    "Over-the-counter, all 2 of 10 days 3 uses 2 days (2–3 Nov 2026)",
    "ibuprofen 400 mg 2 of 10 days 3 uses 2 days (2–3 Nov 2026)",
    "Prescription, all 1 of 10 days 1 use 1 day (5 Nov 2026)",  # on 5 Nov
    "tramadol 50 mg 1 of 10 days 1 use 1 day (5 Nov 2026)",
    "2026-W45 (from 2 Nov) 6.0 6.5 5.0 6.5 2",  # PEG (5.0 + 7.0) / 2; items 6.5, 5.0, 6.5
    "2026-W46 (from 9 Nov) 2.0 2.0 2.0 2.0 1",
    "T-score -2.5 at lumbar spine",
    "slipped in the kitchen",
    "Can I carry 5 kg?",
    "Walk with poles? (asked, not yet answered)",  # asked but not answered: still open
    "Sat 7 Nov 2026 14:00: Appointment",  # a past appointment is an event of the period
    "A day is the local day where the entry was made",
    f"Thu 5 Nov 2026 12:00, pain 2 (Hip, left 2): {NOTE}",  # the one entry flagged for the doctor
]


def test_pdf_prints_the_hand_worked_figures(hand_built):
    report = build_report(hand_built.profile(NAME), PERIOD, today=date(2026, 11, 24))
    text, pages = _pdf_text(render(report, "pdf"))
    for expected in HAND:
        assert expected in text, expected
    assert "Brace at night?" not in text  # answered: not an open question
    assert pages <= 2


def test_pdf_numbers_are_the_analysis_figures(hand_built):
    pid = hand_built.profile_id(NAME)
    figures = trends(hand_built.profile_by_id(pid), PERIOD)
    text, _ = _pdf_text(render(build_report(hand_built.profile_by_id(pid), PERIOD), "pdf"))
    # Formatted by the one rule every screen uses (half up), not Python's ties-to-even ``:.1f``.
    assert f"{pain(figures.summary.mean)} ({figures.summary.entries} entries)" in text
    assert signed(change(figures.summary.mean, figures.change.previous.mean)) in text
    for loc in figures.locations:
        assert f"{pain(loc.mean_intensity)} ({loc.hurt} entr" in text
    for trigger in figures.triggers:
        assert f"{pain(trigger.mean_present)} ({trigger.present} entr" in text
    for week in figures.peg_weeks:
        assert f"{week.week} (from {day_short(week.start)}) {pain(week.score)}" in text


def test_unicode_name_and_note_survive_into_the_pdf(hand_built):
    report = build_report(hand_built.profile(NAME), PERIOD)
    text, _ = _pdf_text(render(report, "pdf", paper="letter"))
    assert NAME in text and NOTE in text
    # No missing-glyph stand-ins:
    assert "?" not in text.replace("stairs?", "").replace("5 kg?", "").replace("poles?", "")


def test_sections_come_in_the_briefs_order_and_can_be_picked(hand_built):
    pid = hand_built.profile_id(NAME)
    text, _ = _pdf_text(render(build_report(hand_built.profile_by_id(pid), PERIOD), "pdf"))
    places = [text.index(title) for title in SECTIONS.values()]
    assert places == sorted(places)
    assert text.index(NAME) < places[0] and "patient-reported data, not a diagnosis" in text.lower()
    short = build_report(hand_built.profile_by_id(pid), PERIOD, sections=["summary", "questions"])
    assert [s.key for s in short.sections] == ["summary", "questions"]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.ids: list[str] = []
        self.all_ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.all_ids += [value for name, value in attrs if name == "id"]
        self.ids += [value for name, value in attrs if name == "id" and value in SECTIONS]


def test_html_is_self_contained_with_inline_svg_charts(hand_built):
    page = render(build_report(hand_built.profile(NAME), PERIOD), "html").decode("utf-8")
    parser = _Tags()
    parser.feed(page)
    assert parser.tags.count("svg") == 2  # the pain chart and the PEG chart
    assert parser.ids == list(SECTIONS)
    assert len(parser.all_ids) == len(set(parser.all_ids))  # two inline SVGs, no clashing ids
    assert "@media print" in page and NAME in page and "4.5 (5 entries)" in page
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", page)  # nothing fetched from anywhere


def test_markdown_has_every_section_and_tables(hand_built):
    text = render(build_report(hand_built.profile(NAME), PERIOD), "md").decode("utf-8")
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert headings == list(SECTIONS.values())
    assert "| Average daily pain (0–10) | 4.5 (5 entries) | 6.0 (2 entries) | -1.5 (-25%) |" in text
    assert f"- {NOTE}" not in text and NOTE in text


def test_report_command_writes_a_private_pdf_and_refuses_to_overwrite(run_cli, hand_built, tmp_path):
    target = tmp_path / "out" / "r.pdf"
    args = ("--profile", NAME, "report", "--since", "2026-11-01", "--until", "2026-11-10", "-o", str(target))
    result = run_cli(*args)
    assert result.exit_code == 0, result.output
    assert str(target) in result.output
    assert target.stat().st_mode & 0o777 == 0o600
    assert target.read_bytes().startswith(b"%PDF")
    again = run_cli(*args)
    assert again.exit_code == 2 and "--force" in again.output
    assert run_cli(*args, "--force").exit_code == 0


def test_report_command_default_name_has_profile_and_dates(run_cli, hand_built, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_cli("--profile", NAME, "report", "--until", "2026-11-10", "--format", "md")
    assert result.exit_code == 0, result.output
    # The default is the trends' 3 months: three calendar months before 10 Nov is 10 Aug; from the day after.
    assert (tmp_path / "osteotrack-report-Zoë-Ελένη-Жанна-2026-08-11-to-2026-11-10.md").exists()


def test_bad_dates_get_one_sentence(run_cli, hand_built):
    result = run_cli("report", "--since", "2026-11-10", "--until", "2026-11-01")
    assert result.exit_code == 2 and "after the until day" in result.output


@pytest.fixture(scope="module")
def demo_diary(tmp_path_factory):
    from osteotrack.demo import write_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    write_demo(path, years=1, seed=1, end=date(2026, 11, 24))
    return path


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_ninety_days_of_the_demo_fit_on_two_pages(demo_diary, paper):
    from osteotrack.store import Diary

    with Diary.open(demo_diary, read_only=True) as diary:
        report = build_report(active(diary), Period(date(2026, 8, 27), date(2026, 11, 24)))
        _, pages = _pdf_text(render(report, "pdf", paper=paper))
    assert 1 <= pages <= 2


@pytest.mark.parametrize("fmt", ["pdf", "html", "md"])
def test_an_empty_period_still_makes_a_report(diary, fmt):
    report = build_report(active(diary), PERIOD)
    data = render(report, fmt)
    text = _pdf_text(data)[0] if fmt == "pdf" else data.decode("utf-8")
    assert "Days logged: 0 of 10 days in range (0%), 0 entries." in text
    assert "No pain entries in this period." in text and "No open questions." in text


def test_markdown_and_html_can_go_to_standard_output(run_cli, hand_built):
    result = run_cli(
        "--profile", NAME, "report", "--since", "2026-11-01", "--until", "2026-11-10", "--format", "md", "-o", "-"
    )
    assert result.exit_code == 0 and result.output.startswith(f"# Pain diary report: {NAME}")
    refused = run_cli("report", "--format", "pdf", "-o", "-")
    assert refused.exit_code == 2 and "standard output" in refused.output


def test_entries_marked_for_the_doctor_without_a_note_share_one_line(diary):
    # Two flagged entries without a note and one with: the noted one keeps its own line (places
    # separated by "; ", as place names hold commas); the other two are listed in one line with
    # their moments and pains, and counted (2 entries), so the page is not filled with "(no note)".
    me = active(diary)
    me.add_entry(Entry(at(2, 8), 6, [Site("hip-left", 6), Site("mid-back", 4)], note="worse on stairs",
                       for_doctor=True), now=NOW)
    me.add_entry(Entry(at(3, 9), 5, for_doctor=True), now=NOW)
    me.add_entry(Entry(at(4, 20), 7, for_doctor=True), now=NOW)
    me.add_entry(Entry(at(5, 10), 2), now=NOW)  # not flagged: not listed
    notes = next(s for s in build_report(me, PERIOD).sections if s.key == "notes")
    assert notes.lines == [
        "Mon 2 Nov 2026 08:00, pain 6 (Hip, left 6; Mid back 4): worse on stairs",
        "Marked for the doctor without a note (2 entries): Tue 3 Nov 2026 09:00, pain 5; "
        "Wed 4 Nov 2026 20:00, pain 7.",
    ]


def test_a_report_written_where_nobody_watches_does_without_the_progress_bar(hand_built, tmp_path):
    """Where stderr is not a terminal (a script, cron) the bar is not drawn, and Rich is not even loaded for it:
    a tenth of a second of a short command's start. The report is written all the same."""
    import subprocess
    import sys

    target = tmp_path / "quiet.pdf"
    code = ("import sys; from osteotrack.cli import main\n"
            f"sys.argv = ['osteotrack', '--db', {str(hand_built.path)!r}, 'report', '--since', '2026-11-01',"
            f" '--until', '2026-11-10', '-o', {str(target)!r}]\n"
            "try:\n    main()\nexcept SystemExit as done:\n    assert done.code in (0, None), done.code\n"
            "print(sorted(m for m in sys.modules if m == 'rich' or m.startswith('rich.')), file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stderr.strip().splitlines()[-1] == "[]", out.stderr
    assert target.read_bytes().startswith(b"%PDF")

"""The report for a visit (issue 13): its first lines name the next appointment, the Report screen
offers the period since the last visit, and a large-print copy for the patient (body text 14 pt)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
from textual.widgets import Input, Select, Static

from osteotrack.domain.records import Entry, Event, Site
from osteotrack.report.model import build_report
from osteotrack.report.output import render
from osteotrack.tui.screens.report import FOR_VISIT, ReportScreen
from tests.conftest import NOW
from tests.functional.tui_host import Host, settle
from tests.functional.tui_support import pilot_test

TZ = timezone(timedelta(hours=1))


@pytest.fixture
def visit_diary(diary, db_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    me = diary.profile("me")
    for day, pain in ((2, 6), (3, 4), (20, 5)):
        me.add_entry(Entry(datetime(2026, 11, day, 9, 0, tzinfo=TZ), pain, [Site("mid-back", pain)]), now=NOW)
    me.add_event(Event("appointment", datetime(2026, 11, 5, 10, 0, tzinfo=TZ), note="Dr Lee"), now=NOW)
    me.add_event(Event("appointment", datetime(2026, 11, 26, 10, 30, tzinfo=TZ), note="Dr Lee"), now=NOW)
    diary.close()
    return db_path


def test_the_report_names_the_next_appointment_first(visit_diary):
    from osteotrack.analysis import resolve_range
    from osteotrack.store import Diary

    with Diary.open(visit_diary, read_only=True) as diary:
        report = build_report(diary.profile("me"), resolve_range("30d", today=NOW.date()), today=NOW.date())
    assert report.appointment == "Next appointment: Dr Lee, Thu 26 Nov 2026 10:30"
    for fmt in ("md", "html"):
        text = render(report, fmt).decode("utf-8")
        head = text[:text.index("Coverage")]
        assert "Next appointment: Dr Lee, Thu 26 Nov 2026 10:30" in head, fmt


def test_large_print_sets_the_body_in_14_point(visit_diary):
    from osteotrack.analysis import resolve_range
    from osteotrack.store import Diary

    with Diary.open(visit_diary, read_only=True) as diary:
        report = build_report(diary.profile("me"), resolve_range("30d", today=NOW.date()), today=NOW.date())
    html = render(report, "html", large_print=True).decode("utf-8")
    assert "body { font-size: 14pt;" in html and "@media print { body { font-size: 14pt; } }" in html
    assert "font-size: 14pt" not in render(report, "html").decode("utf-8")
    # The PDF's text: fpdf2 writes each font change as "/F<n> <size> Tf". The charts' own sizes are the same in
    # both copies (a large-print chart is drawn smaller and placed enlarged, so its text grows with it); every
    # other size in the large-print copy is at least 12 pt (footer and small print), the body 14 pt.
    large = {float(size) for size in re.findall(rb"/F\d+ ([\d.]+) Tf", _inflated(render(report, "pdf",
                                                                                       large_print=True)))}
    regular = {float(size) for size in re.findall(rb"/F\d+ ([\d.]+) Tf", _inflated(render(report, "pdf")))}
    charts = large & regular
    assert 14.0 in large - charts and min(large - charts) >= 12.0, (large, regular)
    assert 8.5 in regular - charts and max(regular - charts) <= 15.0


def _inflated(pdf: bytes) -> bytes:
    """The PDF's content streams, uncompressed."""
    import zlib

    out = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            out.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"\n".join(out)


def test_the_large_print_command_writes_a_named_copy(run_cli, visit_diary, tmp_path):
    result = run_cli("report", "--large-print", "--since", "2026-11-01", "--until", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Wrote the large-print PDF report for me")
    assert (tmp_path / "osteotrack-report-me-2026-11-01-to-2026-11-24-large-print.pdf").read_bytes()[:4] == b"%PDF"


@pilot_test
async def test_the_report_screen_offers_the_period_since_the_last_visit_and_large_print(visit_diary, tmp_path):
    target = tmp_path / "mine.html"
    app = Host(visit_diary, ReportScreen)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        screen.query_one("#range", Select).value = FOR_VISIT  # "For the visit on 26 Nov"
        await pilot.pause()
        # From the last visit (5 Nov) to today (NOW is 24 Nov): the period the doctor has not seen.
        assert screen.query_one("#since", Input).value == "2026-11-05"
        assert screen.query_one("#until", Input).value == "2026-11-24"
        screen.query_one("#format", Select).value = "html"
        screen.query_one("#print", Select).value = True
        await pilot.pause()
        assert screen.query_one("#file", Input).value.endswith("2026-11-05-to-2026-11-24-large-print.html")
        screen.query_one("#file", Input).value = str(target)
        await pilot.press("w")
        await settle(pilot)
        assert "Next appointment: Dr Lee, Thu 26 Nov 2026 10:30" in str(screen.query_one("#summary", Static).render())
    html = target.read_text()
    assert "body { font-size: 14pt;" in html and "Next appointment: Dr Lee" in html

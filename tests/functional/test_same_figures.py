"""A figure reads the same everywhere: figures that fall on ties, worked out by hand, printed alike by
``osteotrack trends`` (text and JSON), the Markdown, HTML and PDF report, and the Trends screen.

Period Mon 2 – Mon 9 Nov 2026 (8 days), profile "me", one entry a day at 09:00 +01:00:

| day    | pain | sites         | triggers | therapies |
|--------|------|---------------|----------|-----------|
| Mon 2  | 4    | lower-back 6  | bending  | heat 10   |
| Tue 3  | 4    | lower-back 6  | bending  | heat 20   |
| Wed 4  | 4    | lower-back 6  | bending  | heat 30   |
| Thu 5  | 5    | lower-back 7  | bending  | heat 30   |
| Fri 6  | 4    |               |          |           |
| Sat 7  | 4    |               |          |           |
| Sun 8  | 5    | rib-left 3    |          |           |
| Mon 9  | 4    |               |          |           |

The 8 days before (Sun 25 Oct – Sun 1 Nov): pain 2, 2 and 3 on 27, 28 and 29 Oct.
Check-ins (PEG pain / enjoyment / activity): Mon 2 3/3/4, Tue 3 3/3/3, Wed 4 3/3/3, Thu 5 4/3/4.
A DXA on Fri 6 Nov at 11:00: T-score -2.7 at the lumbar spine.

By hand, rounding half up (a tie goes away from zero); Python's ``:.1f`` / ``:.0f`` round ties
to even, so the report used to print the figures marked (was …):
- mean pain (4+4+4+5+4+4+5+4) / 8 = 34 / 8 = 4.25 → 4.3 (was 4.2)
- the 8 days before: (2+2+3) / 3 = 2.333… → 2.3
- change: the difference of the values shown, 4.3 - 2.3 = +2.0 (the raw 4.25 - 2.333… = 1.916… alone says +1.9);
  relative to the 2.3 shown before: 2.0 / 2.3 = 0.8696 → +87%
- (one entry a day, so the average daily pain, the mean of the daily means, is the mean of the entries)
- lower back: intensity (6+6+6+7) / 4 = 25 / 4 = 6.25 → 6.3 (was 6.2); on 4 of 8 logged days = 50%
- ribs, left: on 1 of 8 logged days = 12.5 % → 13% (was 12%); intensity 3.0
- bending: with it (4+4+4+5) / 4 = 4.25 → 4.3 (was 4.2); without it (4+4+5+4) / 4 = 4.25 → 4.3
- heat: relief (10+20+30+30) / 4 = 90 / 4 = 22.5 % → 23% (was 22%), 4 rated uses of 4
- PEG week 2026-W45: check-in scores 10/3, 9/3, 9/3 and 11/3, mean 39/12 = 3.25 → 3.3 (was 3.2);
  pain (3+3+3+4) / 4 = 3.25 → 3.3 (was 3.2); enjoyment 12 / 4 = 3.0; activity (4+3+3+4) / 4 = 3.5
- coverage: 8 of 8 days = 100%; the 8 days before: 3 of 8 = 37.5 % → 38%
"""

from __future__ import annotations

import io
import json
import re
from datetime import date, datetime, timedelta, timezone
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader
from textual.widgets import Input

from osteotrack.domain import numbers
from osteotrack.domain.records import CheckIn, Entry, Event, Site, TherapyUse
from osteotrack.store import Diary
from tests.functional.test_trends_screen import Host, settle, sync, table_text, text
from tests.support import active

TZ = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=TZ)
SINCE, UNTIL = "2026-11-02", "2026-11-09"

# Each figure, as worked out by hand above: the one text every surface must print.
MEAN, BEFORE, CHANGE, RELATIVE = "4.3", "2.3", "+2.0", "+87%"
COVERAGE, COVERAGE_BEFORE = "100%", "38%"
LOWER_BACK_SHARE, LOWER_BACK_INTENSITY = "50%", "6.3"
RIBS_SHARE, RIBS_INTENSITY = "13%", "3.0"
WITH_BENDING, WITHOUT_BENDING = "4.3", "4.3"
HEAT_RELIEF = "23%"
PEG, PEG_PAIN, PEG_ENJOYMENT, PEG_ACTIVITY = "3.3", "3.3", "3.0", "3.5"
T_SCORE = "-2.7"
HEAT = "Heat (hot pack, warm shower)"

# The terminal tables (``osteotrack trends`` and the Trends screen print the same Rich tables): label → cells.
TERMINAL_ROWS = {
    "average daily pain": [MEAN, BEFORE, f"{CHANGE} ({RELATIVE})"],
    "coverage": [COVERAGE, COVERAGE_BEFORE],
    "Lower back": ["4", LOWER_BACK_SHARE, LOWER_BACK_INTENSITY, "4"],
    "Ribs, left": ["1", RIBS_SHARE, RIBS_INTENSITY, "1"],
    "Bending": ["4", WITH_BENDING, "4", WITHOUT_BENDING],
    HEAT: ["4", HEAT_RELIEF, "4"],
    "2026-W45 (2 Nov)": [PEG, PEG_PAIN, PEG_ENJOYMENT, PEG_ACTIVITY, "4"],
}
# The report's tables (Markdown, HTML and PDF are laid out from one model): first cell → the others.
REPORT_ROWS = {
    "Average daily pain (0–10)": [f"{MEAN} (8 entries)", f"{BEFORE} (3 entries)", f"{CHANGE} ({RELATIVE})"],
    "Lower back": [f"4 of 8 days ({LOWER_BACK_SHARE})", f"{LOWER_BACK_INTENSITY} (4 entries)"],
    "Ribs, left": [f"1 of 8 days ({RIBS_SHARE})", f"{RIBS_INTENSITY} (1 entry)"],
    "Bending": [f"{WITH_BENDING} (4 entries)", f"{WITHOUT_BENDING} (4 entries)"],
    HEAT: ["4", f"{HEAT_RELIEF} (4 rated)"],
    "2026-W45 (from 2 Nov)": [PEG, PEG_PAIN, PEG_ENJOYMENT, PEG_ACTIVITY, "4"],
}
REPORT_LINES = [
    f"Days logged: 8 of 8 days in range ({COVERAGE}), 8 entries.",
    f"Average daily pain {MEAN} of 10, worst 5 (moderate), least 4, over 8 entries on 8 days.",
    f"T-score {T_SCORE} at lumbar spine",
]


def at(month: int, day: int, hour: int = 9) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=TZ)


@pytest.fixture
def ties(db_path):
    """The diary of the table above."""
    with Diary.open(db_path) as diary:
        days = [(2, 4, [("lower-back", 6)], ["bending"], [("heat", 10)]),
                (3, 4, [("lower-back", 6)], ["bending"], [("heat", 20)]),
                (4, 4, [("lower-back", 6)], ["bending"], [("heat", 30)]),
                (5, 5, [("lower-back", 7)], ["bending"], [("heat", 30)]),
                (6, 4, [], [], []), (7, 4, [], [], []), (8, 5, [("rib-left", 3)], [], []), (9, 4, [], [], [])]
        for day, pain, sites, triggers, therapies in days:
            active(diary).add_entry(Entry(at(11, day), pain, [Site(place, n) for place, n in sites], triggers=triggers,
                                  therapies=[TherapyUse(t, relief) for t, relief in therapies]), now=NOW)
        for day, pain in ((27, 2), (28, 2), (29, 3)):
            active(diary).add_entry(Entry(at(10, day), pain), now=NOW)
        for day, items in ((2, (3, 3, 4)), (3, (3, 3, 3)), (4, (3, 3, 3)), (5, (4, 3, 4))):
            active(diary).save_checkin(CheckIn(date(2026, 11, day), *items), today=NOW.date())
        active(diary).add_event(Event("dxa", at(11, 6, 11), t_score=-2.7, dxa_site="lumbar-spine"), now=NOW)
    return db_path


def terminal_row(printed: str, label: str) -> list[str]:
    """The cells after ``label`` on the first table line that starts with it (cells stand 2+ spaces apart)."""
    for line in printed.splitlines():
        if line.strip().startswith(label + " "):
            return re.split(r"\s{2,}", line.strip()[len(label):].strip())
    raise AssertionError(f"no row {label!r} in:\n{printed}")


def assert_terminal_rows(printed: str) -> None:
    for label, cells in TERMINAL_ROWS.items():
        assert terminal_row(printed, label) == cells, label


def test_trends_text_prints_the_hand_worked_figures(ties, run_cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    result = run_cli("trends", "--since", SINCE, "--until", UNTIL)
    assert result.exit_code == 0, result.output
    assert_terminal_rows(result.output)
    assert f"DXA T {T_SCORE} lumbar spine" in result.output


def test_trends_json_keeps_the_exact_ties_that_the_text_rounds(ties, run_cli):
    # The JSON holds numbers, not display text: the unrounded figures (to 3 decimals), so each tie is still
    # a tie there, and formatting a JSON value by the one rule gives back the text printed everywhere else.
    # Its only figure written as text, the DXA's timeline label, comes from the same module.
    data = json.loads(run_cli("trends", "--since", SINCE, "--until", UNTIL, "--format", "json").output)
    summary, previous = data["summary"], data["change"]["previous"]
    (lower_back, ribs), (bending,), (heat,), (week,) = (data["locations"], data["triggers"], data["therapies"],
                                                        data["peg_weeks"])
    # The change is the one shown everywhere: 4.3 - 2.3 = 2.0, and 2.0 / 2.3 * 100 = 86.957 %.
    assert (summary["mean"], previous["mean"], data["change"]["mean_difference"]) == (4.25, 2.333, 2.0)
    assert data["change"]["relative_change"] == 86.957
    assert (summary["coverage"], previous["coverage"]) == (1.0, 0.375)
    assert (lower_back["share_of_days"], lower_back["mean_intensity"]) == (0.5, 6.25)
    assert (ribs["share_of_days"], ribs["mean_intensity"]) == (0.125, 3.0)
    assert (bending["mean_present"], bending["mean_absent"], heat["mean_relief"]) == (4.25, 4.25, 22.5)
    assert (week["score"], week["pain"], week["enjoyment"], week["activity"]) == (3.25, 3.25, 3.0, 3.5)
    assert [numbers.pain(summary["mean"]), numbers.pain(previous["mean"]),
            numbers.signed(numbers.change(summary["mean"], previous["mean"]))] == [MEAN, BEFORE, CHANGE]
    assert [numbers.share(summary["coverage"]), numbers.share(previous["coverage"])] == [COVERAGE, COVERAGE_BEFORE]
    assert [numbers.share(ribs["share_of_days"]), numbers.pain(lower_back["mean_intensity"])] == [
        RIBS_SHARE, LOWER_BACK_INTENSITY]
    assert [numbers.pain(bending["mean_present"]), numbers.percent(heat["mean_relief"])] == [
        WITH_BENDING, HEAT_RELIEF]
    assert [numbers.pain(week["score"]), numbers.pain(week["pain"])] == [PEG, PEG_PAIN]
    assert [e["label"] for e in data["events"]] == [f"DXA T {T_SCORE} lumbar spine"]


def _report(run_cli, fmt: str, tmp_path) -> str:
    target = tmp_path / f"report.{fmt}"
    result = run_cli("report", "--since", SINCE, "--until", UNTIL, "--format", fmt, "-o", str(target))
    assert result.exit_code == 0, result.output
    if fmt != "pdf":
        return target.read_text(encoding="utf-8")
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    return " ".join("\n".join(page.extract_text() for page in reader.pages).split())


def test_markdown_report_prints_the_hand_worked_figures(ties, run_cli, tmp_path):
    markdown = _report(run_cli, "md", tmp_path)
    rows = {cells[0]: cells[1:] for cells in
            ([cell.strip() for cell in line.strip("|").split(" | ")] for line in markdown.splitlines()
             if line.startswith("| "))}
    for label, cells in REPORT_ROWS.items():
        assert rows[label] == cells, label
    for line in REPORT_LINES:
        assert line in markdown


class _Cells(HTMLParser):
    """Every table row of an HTML page as a list of cell texts."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def test_html_report_prints_the_hand_worked_figures(ties, run_cli, tmp_path):
    page = _report(run_cli, "html", tmp_path)
    parser = _Cells()
    parser.feed(page)
    rows = {cells[0]: cells[1:] for cells in parser.rows if cells}
    for label, cells in REPORT_ROWS.items():
        assert rows[label] == cells, label
    for line in REPORT_LINES:
        assert line in page


def test_pdf_report_prints_the_hand_worked_figures(ties, run_cli, tmp_path):
    printed = _report(run_cli, "pdf", tmp_path)
    for label, cells in REPORT_ROWS.items():
        assert " ".join([label, *cells]) in printed, label
    for line in REPORT_LINES:
        assert line in printed


@sync
async def test_trends_screen_prints_the_hand_worked_figures(ties):
    async with Host(ties).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        screen.query_one("#since", Input).value = SINCE
        screen.query_one("#until", Input).value = UNTIL
        await pilot.click("#apply")
        await settle(pilot)
        assert (f"8 of 8 days logged · 8 entries · average daily pain {MEAN}, worst 5, least 4 · {CHANGE} against "
                "the 8 days before") in text(screen, "#summary")
        shown = "\n".join([await table_text(pilot, name) for name in ("summary", "locations", "triggers",
                                                                      "therapies", "peg")])
        assert_terminal_rows(shown)
        assert f"DXA T {T_SCORE} lumbar spine" in await table_text(pilot, "events")

"""The Report screen in a tiny host app: pick, see the summary, write, and ask before replacing."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from textual.widgets import Input, SelectionList, Static

from osteotrack.domain.records import Entry, Site
from osteotrack.tui.dialogs.confirm import ConfirmDialog
from osteotrack.tui.screens.report import ReportScreen
from tests.conftest import NOW
from tests.functional.tui_host import Host, settle
from tests.functional.tui_support import app_for, pilot_test

TZ = timezone(timedelta(hours=1))


@pytest.fixture
def small_diary(diary, db_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the screen's default file name is in the current folder
    diary.rename_profile("me", "Zoë")
    for day, pain in ((2, 6), (3, 4)):
        diary.profile("Zoë").add_entry(Entry(datetime(2026, 11, day, 9, 0, tzinfo=TZ), pain, [Site("mid-back", pain)]),
                                       now=NOW)
    diary.close()
    return db_path


async def _fill(pilot, target, fmt: str | None = None) -> ReportScreen:
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ReportScreen)
    screen.query_one("#since", Input).value = "2026-11-01"
    screen.query_one("#until", Input).value = "2026-11-10"
    if fmt:
        screen.query_one("#format").value = fmt
    await pilot.pause()
    named = screen.query_one("#file", Input).value
    assert named.endswith(f"osteotrack-report-Zoë-2026-11-01-to-2026-11-10.{fmt or 'pdf'}")
    screen.query_one("#file", Input).value = str(target)
    await pilot.pause()
    return screen


@pilot_test
async def test_summary_then_write_shows_where_the_file_went(small_diary, tmp_path):
    target = tmp_path / "for-the-doctor.pdf"
    app = Host(small_diary, ReportScreen)
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await _fill(pilot, target)
        await pilot.press("s")
        await settle(pilot)
        summary = str(screen.query_one("#summary", Static).render())
        assert "Zoë" in summary and "Days logged: 2 of 10 days in range (20%), 2 entries." in summary
        assert "Average daily pain 5.0 of 10" in summary  # daily means 6 and 4: (6 + 4) / 2
        await pilot.press("w")
        await settle(pilot)
        assert target.read_bytes().startswith(b"%PDF")
        assert target.stat().st_mode & 0o777 == 0o600
        assert str(target) in str(screen.query_one("#done", Static).render())


@pilot_test
async def test_replacing_a_file_is_asked_first(small_diary, tmp_path):
    target = tmp_path / "report.md"
    target.write_text("keep me")
    app = Host(small_diary, ReportScreen)
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await _fill(pilot, target, fmt="md")
        screen.query_one("#sections", SelectionList).deselect("chart")
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        assert target.read_text() == "keep me"
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        text = target.read_text(encoding="utf-8")
        assert text.startswith("# Pain diary report: Zoë") and "## Pain over time" not in text


@pilot_test
async def test_a_bad_date_is_shown_inline_and_nothing_is_written(small_diary, tmp_path):
    target = tmp_path / "r.pdf"
    app = Host(small_diary, ReportScreen)
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await _fill(pilot, target)
        screen.query_one("#since", Input).value = "2026-13-45"
        await pilot.press("w")
        await settle(pilot)
        error = screen.query_one("#form-error")
        assert error.display and "2026-13-45" in str(error.render())
        assert not target.exists()


@pilot_test
async def test_the_app_opens_the_report_screen_with_p(small_diary, tmp_path):
    app = app_for(small_diary, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        # The app's clock is the tests' fixed "now" (24 Nov 2026): the last 3 months end there, as in the
        # trends: from the day after 24 Aug (three calendar months back), 25 Aug, to 24 Nov — 92 days.
        assert (app.screen.query_one("#since", Input).value, app.screen.query_one("#until", Input).value) == (
            "2026-08-25", "2026-11-24")


@pilot_test
async def test_every_choice_fits_in_80_columns(small_diary):
    # At 80x24 each box and list of the form lies whole inside the screen's width: nothing is cut at the
    # right edge (the print size stood third on the format's row and lost its edge and its words).
    from textual.widgets import Select

    app = Host(small_diary, ReportScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        for widget in [*screen.query(Select), *screen.query(Input), *screen.query(SelectionList)]:
            assert widget.region.right <= 80, (widget.id, widget.region)


@pilot_test
async def test_the_report_is_written_in_the_language_chosen_while_the_app_keeps_its_own(small_diary, tmp_path):
    target = tmp_path / "fuer-die-aerztin.md"
    app = Host(small_diary, ReportScreen)
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await _fill(pilot, target, fmt="md")
        assert screen.query_one("#language").value == "en"  # the app's language by default
        screen.query_one("#language").value = "de"
        screen.query_one("#sections", SelectionList).deselect("chart")
        await pilot.press("w")
        await settle(pilot)
        text = target.read_text(encoding="utf-8")
        assert text.startswith("# Bericht aus dem Schmerztagebuch: Zoë") and "1.–10. Nov. 2026 (10 Tage)" in text
        assert "Wrote the report to" in str(screen.query_one("#done", Static).render())  # the app: English
        # The summary shown after writing is what the report says, in the report's language.
        summary = str(screen.query_one("#summary", Static).render())
        assert summary.startswith("Bericht aus dem Schmerztagebuch für Zoë: 1.–10. Nov. 2026 (10 Tage)")


@pilot_test
async def test_the_report_can_be_written_encrypted_with_a_passphrase_asked_twice(small_diary, tmp_path, monkeypatch):
    from osteotrack.store import crypt
    from osteotrack.tui.dialogs.ask_text import AskTextDialog

    # The screen encrypts through store.crypt.encrypt, as export --encrypt does (age's scrypt is tested there and
    # costs seconds): here it is seen what it is given and that its output is what lands in the file.
    sealed: list[tuple[bytes, str]] = []

    def encrypt(data: bytes, passphrase: str) -> bytes:
        sealed.append((data, passphrase))
        return crypt.AGE_HEADER + b"sealed"

    monkeypatch.setattr(crypt, "encrypt", encrypt)

    target = tmp_path / "report.md.age"
    app = Host(small_diary, ReportScreen)
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await _fill(pilot, target, fmt="md")
        screen.query_one("#protect").value = True
        await pilot.pause()
        assert screen.query_one("#file", Input).value == str(target)  # a name the user typed is kept
        screen.query_one("#sections", SelectionList).deselect("chart")
        await pilot.press("w")
        for secret in ("correct horse", "correct horse"):  # the passphrase, then the same again
            await pilot.pause()
            assert isinstance(app.screen, AskTextDialog)
            app.screen.query_one(Input).value = secret
            await pilot.press("enter")
        await settle(pilot)
        assert target.read_bytes() == crypt.AGE_HEADER + b"sealed" and target.stat().st_mode & 0o777 == 0o600
        [(plain, passphrase)] = sealed
        assert passphrase == "correct horse" and plain.decode("utf-8").startswith("# Pain diary report: Zoë")

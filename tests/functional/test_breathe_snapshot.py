"""A snapshot of the pacer mid-breath, on a fixed clock."""

from osteotrack.store import Diary
from tests.functional.test_breathe_screen import FakeClock, Host, set_up


def test_pacer_mid_breath(snap_compare, db_path, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    Diary.open(db_path).close()
    clock = FakeClock()
    app = Host(db_path, clock)

    async def half_way_in(pilot):
        await set_up(pilot, pain="6", pattern="4-7-8", minutes="5")
        clock.now += 2  # half-way through the first breath in: the bar is half full
        app.breathe.tick()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(90, 30), run_before=half_way_in)

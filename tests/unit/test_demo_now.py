"""The demo diary never holds entries from the future."""

from datetime import datetime

from osteotrack.demo import write_demo
from osteotrack.store import Diary
from tests.support import active


def test_a_demo_ending_today_stops_at_the_present_moment(tmp_path):
    write_demo(tmp_path / "demo.db", years=0.1, seed=2)
    now = datetime.now().astimezone()
    with Diary.open(tmp_path / "demo.db", read_only=True) as diary:
        entries, events = active(diary).entries(limit=3), active(diary).events()
    assert entries and max(e.at for e in entries) <= now
    assert all(ev.at <= now for ev in events)

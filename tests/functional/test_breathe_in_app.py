"""The breathing screen inside the real app: one key from Today, and the session lands in the diary."""

from osteotrack.store import Diary
from osteotrack.tui.screens.breathe import BreatheScreen
from osteotrack.tui.screens.today import TodayScreen
from tests.conftest import NOW
from tests.functional.tui_support import app_for, person, pilot_test, settle


@pilot_test
async def test_b_opens_breathe_and_a_stopped_session_is_saved_at_the_apps_time(db_path, tmp_path):
    Diary.open(db_path).close()
    app = app_for(db_path, tmp_path)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, BreatheScreen)
        await pilot.press("7", "enter")  # pain now, then start with the defaults (4-7-8, 5 minutes)
        await pilot.pause()
        assert app.screen.step == "run"
        await pilot.press("t")  # the app's own keys are off mid-session: still here
        await pilot.pause()
        assert isinstance(app.screen, BreatheScreen)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("5", "enter")
        await settle(pilot)
        assert app.screen.saved is not None
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    with person(db_path) as diary:
        [session] = diary.sessions()
        entry = diary.get_entry(session.entry_id)
    assert (session.pain_before, session.pain_after, session.completed) == (7, 5, False)
    assert entry.at == NOW and entry.pain == 5

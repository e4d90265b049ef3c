"""`osteotrack breathe`: the plain-text pacer on a fake clock, and the session it records."""

import pytest

from osteotrack.cli import breathe as breathe_module
from osteotrack.store import Diary
from tests.support import active


class FakeTime:
    """A clock that moves only when the pacer sleeps; can be set to 'press Ctrl-C' at a moment."""

    def __init__(self, interrupt_at: float | None = None):
        self.now = 0.0
        self.interrupt_at = interrupt_at
        self.sleeps = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        if self.interrupt_at is not None and self.now + seconds > self.interrupt_at:
            self.now = self.interrupt_at
            raise KeyboardInterrupt
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def fake_time(monkeypatch):
    def install(**kwargs) -> FakeTime:
        fake = FakeTime(**kwargs)
        monkeypatch.setattr(breathe_module, "_now", fake.clock)
        monkeypatch.setattr(breathe_module, "_sleep", fake.sleep)
        return fake

    return install


def stored(db_path):
    with Diary.open(db_path) as diary:
        return active(diary).sessions(), {e.id: e for e in active(diary).entries()}


def test_one_line_per_phase_and_the_session_is_recorded(run_cli, db_path, fake_time):
    fake = fake_time()
    result = run_cli("breathe", "--pattern", "4-7-8", "--minutes", "1", "--before", "6", "--after", "4")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    # 1 minute of 19 s breaths: 3 whole breaths (57 s), each said as three lines.
    assert lines[0] == ("Relaxation breathing, pattern 4-7-8: 3 breaths, 57 seconds. "
                        "Press Control C to stop early.")
    assert lines[1:10] == ["Breathe in, 4 seconds.", "Hold, 7 seconds.", "Breathe out, 8 seconds."] * 3
    assert lines[10] == "Done: 57 seconds."
    assert fake.sleeps == [4, 7, 8] * 3
    assert lines[11].startswith("Saved: relaxation breathing, 57 seconds, pain 6 then 4, relief 30 percent")
    [session], entries = stored(db_path)
    assert (session.therapy, session.pain_before, session.pain_after, session.duration_seconds,
            session.planned_seconds, session.pattern, session.completed) == ("relaxation", 6, 4, 57, 57, "4-7-8", True)
    entry = entries[session.entry_id]
    assert entry.pain == 4 and [(t.therapy, t.relief) for t in entry.therapies] == [("relaxation", 30)]


def test_box_and_slow_by_name(run_cli, fake_time):
    fake_time()
    box = run_cli("breathe", "--pattern", "box", "--minutes", "1", "--before", "5", "--after", "5").output
    assert box.splitlines()[1:5] == ["Breathe in, 4 seconds.", "Hold, 4 seconds.", "Breathe out, 4 seconds.",
                                     "Hold, 4 seconds."]
    slow = run_cli("breathe", "--pattern", "slow", "--minutes", "1", "--before", "5", "--after", "5").output
    assert "6 breaths, 1 minute." in slow.splitlines()[0]


def test_it_asks_pain_before_and_after_and_a_note_on_stdin(run_cli, db_path, fake_time):
    fake_time()
    result = run_cli("breathe", "--pattern", "slow", "--minutes", "1", input="7\n12\n5\nfelt calmer\n")
    assert result.exit_code == 0, result.output
    assert "Pain now, before you start (0 to 10): 7" in result.output
    # A bad answer gets the sentence and the question again, not a traceback.
    assert "Pain after the session must be a whole number from 0 to 10; got '12'." in result.output
    [session], entries = stored(db_path)
    assert (session.pain_before, session.pain_after) == (7, 5)
    assert entries[session.entry_id].note == "felt calmer"


def test_ctrl_c_stops_early_and_still_offers_to_save(run_cli, db_path, fake_time):
    fake_time(interrupt_at=30)
    result = run_cli("breathe", "--pattern", "4-7-8", "--minutes", "5", "--before", "6", input="y\n3\n\n")
    assert result.exit_code == 0, result.output
    assert "Stopped after 30 seconds." in result.output
    assert "Save this session? [Y/n]: y" in result.output
    [session], _ = stored(db_path)
    assert (session.duration_seconds, session.completed, session.planned_seconds) == (30, False, 285)
    assert (session.pain_before, session.pain_after) == (6, 3)


def test_ctrl_c_then_no_saves_nothing(run_cli, db_path, fake_time):
    fake_time(interrupt_at=10)
    result = run_cli("breathe", "--before", "6", input="n\n")
    assert result.exit_code == 0
    assert "Not saved." in result.output
    assert stored(db_path)[0] == []


@pytest.mark.parametrize("args, words", [
    (["--pattern", "4-x"], "Unknown breathing pattern '4-x'"),
    (["--pattern", "4-30-8"], "each phase lasts 0 to 20 seconds"),
    (["--minutes", "0"], "whole number of minutes from 1 to 60"),
    (["--minutes", "90"], "whole number of minutes from 1 to 60"),
    (["--before", "11"], "Pain before the session must be a whole number from 0 to 10"),
    (["--before", "5", "--after", "x"], "Pain after the session must be a whole number from 0 to 10"),
])
def test_bad_input_is_one_sentence_and_exit_2_before_anything_starts(run_cli, db_path, fake_time, args, words):
    fake = fake_time()
    result = run_cli("breathe", *args)
    assert result.exit_code == 2
    assert result.output.startswith("osteotrack: ") and words in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert fake.sleeps == []


def test_read_only_diary_refuses_before_the_exercise(run_cli, db_path, fake_time):
    Diary.open(db_path).close()
    fake_time()
    from click.testing import CliRunner

    from osteotrack.cli import cli

    result = CliRunner().invoke(cli, ["--db", str(db_path), "--read-only", "breathe", "--before", "5"])
    assert result.exit_code == 2
    assert "read-only" in result.output


def test_help_spells_the_syntax_of_the_issue(run_process):
    result = run_process("breathe", "--help")
    assert result.returncode == 0 and "--pattern N-N[-N[-N]]" in result.stdout

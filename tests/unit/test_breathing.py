"""The pacer engine: patterns, phase timing, lengths, pause and stop on a fake clock."""

import pytest

from osteotrack.domain.breathing import (
    BREATHE_IN,
    BREATHE_OUT,
    HOLD,
    Timer,
    breathing_seconds,
    check_minutes,
    clock_text,
    parse_pattern,
    spoken_phase,
)
from osteotrack.domain.errors import ValidationError


class FakeClock:
    def __init__(self, now: float = 1000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def words_at(pattern: str, moments):
    p = parse_pattern(pattern)
    return [p.phase_at(t).word for t in moments]


def test_478_changes_phase_at_4_and_11_and_starts_again_at_19():
    assert words_at("4-7-8", [0, 3.9, 4, 10.9, 11, 18.9, 19]) == [
        BREATHE_IN, BREATHE_IN, HOLD, HOLD, BREATHE_OUT, BREATHE_OUT, BREATHE_IN]
    assert parse_pattern("4-7-8").phase_at(19).cycle == 2


def test_box_has_four_phases_of_four_seconds_with_a_hold_after_breathing_out():
    assert words_at("box", [0, 4, 8, 12, 15.9, 16]) == [BREATHE_IN, HOLD, BREATHE_OUT, HOLD, HOLD, BREATHE_IN]
    assert parse_pattern("box").text == "4-4-4-4"


def test_slow_breathing_is_five_in_five_out():
    assert words_at("slow", [0, 4.9, 5, 9.9, 10]) == [BREATHE_IN, BREATHE_IN, BREATHE_OUT, BREATHE_OUT, BREATHE_IN]
    assert parse_pattern("5-5").cycle_seconds == 10


def test_phase_reports_seconds_left_progress_and_cycle():
    # 4-7-8 at 2 s + 2 whole cycles (38 s): half-way through the third breath in.
    phase = parse_pattern("4-7-8").phase_at(40)
    assert phase.word == BREATHE_IN
    assert phase.seconds_left == pytest.approx(2)
    assert phase.progress == pytest.approx(0.5)
    assert phase.cycle == 3
    # 4-7-8 at 15 s: 4 s into the 8 s breath out.
    assert parse_pattern("4-7-8").phase_at(15)[1:] == pytest.approx((4, 0.5, 1))


def test_zero_holds_are_left_out():
    assert words_at("4-0-6-0", [0, 4, 9.9, 10]) == [BREATHE_IN, BREATHE_OUT, BREATHE_OUT, BREATHE_IN]


@pytest.mark.parametrize("text", ["", "4", "4-7-8-4-2", "a-b", "4--8", "4.5-5", "-4-4", "0-4", "4-0", "4-30-8"])
def test_bad_patterns_are_refused_with_one_sentence(text):
    with pytest.raises(ValidationError) as caught:
        parse_pattern(text)
    message = str(caught.value)
    assert message.endswith(".") and "\n" not in message
    assert "pattern" in message


@pytest.mark.parametrize("value, expected", [("2", 2), (5, 5), ("10", 10), ("1", 1), ("60", 60)])
def test_lengths_are_whole_minutes_from_1_to_60(value, expected):
    assert check_minutes(value) == expected


@pytest.mark.parametrize("value", ["0", "61", "2.5", "five", "", True])
def test_other_lengths_are_refused(value):
    with pytest.raises(ValidationError, match="whole number of minutes from 1 to 60"):
        check_minutes(value)


def test_a_session_is_the_whole_breaths_that_fit():
    # 5 min = 300 s; 4-7-8 breaths are 19 s: 15 fit (285 s). Box 16 s: 18 fit (288 s). Slow 10 s: 30 (300 s).
    assert breathing_seconds(parse_pattern("4-7-8"), 5) == 285
    assert breathing_seconds(parse_pattern("box"), 5) == 288
    assert breathing_seconds(parse_pattern("slow"), 2) == 120
    # A breath longer than the session still gets one whole breath.
    assert breathing_seconds(parse_pattern("20-20-20-20"), 1) == 80


def test_spoken_words_and_countdown_text():
    assert spoken_phase(BREATHE_IN, 4) == "Breathe in, 4 seconds."
    assert spoken_phase(HOLD, 1) == "Hold, 1 second."
    assert clock_text(285) == "4:45"
    assert clock_text(0.2) == "0:01"
    assert clock_text(0) == "0:00"


def test_timer_counts_only_unpaused_time_and_stops_at_the_total():
    clock = FakeClock()
    timer = Timer(60, clock)
    assert timer.elapsed() == 0 and not timer.started
    timer.start()
    clock.advance(10)
    timer.pause()
    clock.advance(100)  # a long pause is not exercise
    assert timer.elapsed() == 10 and timer.paused
    timer.resume()
    clock.advance(5)
    assert timer.elapsed() == 15
    clock.advance(100)
    assert timer.elapsed() == 60 and timer.finished and timer.over


def test_stop_keeps_the_time_done_and_freezes_it():
    clock = FakeClock()
    timer = Timer(300, clock)
    timer.start()
    clock.advance(42)
    timer.stop()
    clock.advance(30)
    assert timer.elapsed() == 42
    assert timer.stopped and timer.over and not timer.finished
    assert timer.remaining() == 258


def test_stopping_while_paused_keeps_the_time_before_the_pause():
    clock = FakeClock()
    timer = Timer(300, clock)
    timer.start()
    clock.advance(20)
    timer.toggle_pause()
    clock.advance(50)
    timer.stop()
    assert timer.elapsed() == 20
    timer.resume()  # stopped is final
    clock.advance(10)
    assert timer.elapsed() == 20

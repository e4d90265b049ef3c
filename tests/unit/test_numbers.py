"""The one formatting rule, on ties worked out by hand.

Half up means half away from zero, on the decimal value people would write down:
4.25 is exactly halfway between 4.2 and 4.3 and shows as 4.3, whatever binary float
it arrived as. Python's own ``f"{x:.1f}"`` rounds ties to even, and on the float's
binary value, which is why several of these cases differ from it (noted beside each).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from osteotrack.domain import numbers
from osteotrack.domain.numbers import change, count, duration, pain, percent, plural, share, signed, t_score


@pytest.mark.parametrize("value, text", [
    (0.05, "0.1"),   # the float 0.05 is 0.05000000000000000277…: :.1f says 0.1 too
    (0.15, "0.2"),   # the float is 0.1499999999999999944…: :.1f says 0.1
    (0.25, "0.3"),   # exactly 1/4 in binary: :.1f rounds the tie to even, 0.2
    (2.25, "2.3"),   # exact in binary: :.1f says 2.2
    (4.25, "4.3"),   # 17 / 4, the mean of 4, 4, 4 and 5: :.1f says 4.2
    (4.35, "4.4"),   # the float is 4.3499999999999996447…: :.1f says 4.3
    (6.125, "6.1"),  # not a tie at one decimal: 6.125 is nearer 6.1
    (9.95, "10.0"),  # the float is 9.9499999999999992894…: :.1f says 9.9
    (4.249999999999999, "4.3"),  # 4.25 with float noise from a running sum: the noise goes first
    (4.2, "4.2"),
    (0, "0.0"),
    (10, "10.0"),
    (-0.25, "-0.3"),  # away from zero, so a fall reads as large as the same rise
    (-0.04, "0.0"),   # no "-0.0"
])
def test_pain_rounds_half_up_to_one_decimal(value, text):
    assert pain(value) == text


def test_pain_from_exact_sums_and_counts():
    assert pain(Fraction(17, 4)) == "4.3"   # 4 + 4 + 4 + 5 over 4 entries
    assert pain(Fraction(49, 8)) == "6.1"   # 6.125
    assert pain(Fraction(61, 20)) == "3.1"  # 3.05
    assert pain(Fraction(1, 3)) == "0.3"
    assert pain(Decimal("4.25")) == "4.3"


def test_pain_with_other_places_and_nothing_to_show():
    assert pain(8, 0) == "8"
    assert pain(7.5, 0) == "8"
    assert pain(2.675, 2) == "2.68"  # the float is 2.67499999999999982236431605997495353221893310546875
    assert pain(None) == numbers.NO_FIGURE == "–"


@pytest.mark.parametrize("value, text", [
    (12.5, "13%"),   # 1 day in 8: :.0f says 12%
    (62.5, "63%"),   # :.0f says 62%
    (22.5, "23%"),   # 45 / 2
    (60, "60%"),
    (0.4, "0%"),
    (0.5, "1%"),
    (100, "100%"),
])
def test_percent_of_values_already_in_percent(value, text):
    assert percent(value) == text


@pytest.mark.parametrize("fraction, text", [
    (0.125, "13%"),    # 1 of 8 days: 12.5 %
    (0.145, "15%"),    # 29 of 200 days; 0.145 * 100 in floats is 14.499999999999998
    (29 / 200, "15%"),
    (Fraction(1, 8), "13%"),
    (1 / 3, "33%"),
    (5 / 7, "71%"),
    (0.0, "0%"),
    (1.0, "100%"),
])
def test_share_of_one_as_whole_percent(fraction, text):
    assert share(fraction) == text


@pytest.mark.parametrize("value, places, text", [
    (0.5, 1, "+0.5"),
    (-1, 1, "-1.0"),
    (0.05, 1, "+0.1"),
    (-0.25, 1, "-0.3"),
    (-0.04, 1, "±0.0"),  # rounds to nothing: no sign to give
    (0, 1, "±0.0"),
    (3, 0, "+3"),
    (-1, 0, "-1"),
    (0, 0, "±0"),
    (None, 1, "–"),
])
def test_signed_changes(value, places, text):
    assert signed(value, places) == text


def test_a_change_is_the_difference_of_the_values_shown():
    # 4.25 shows as 4.3 and 4.14 as 4.1: the change shown is 4.3 - 4.1 = +0.2,
    # not the rounded raw difference 0.11 → +0.1, so that the row adds up.
    assert change(4.25, 4.14) == Decimal("0.2")
    assert signed(change(4.25, 4.14)) == "+0.2"
    assert signed(change(4.6, 6.0)) == "-1.4"
    assert change(None, 3.0) is None and signed(change(None, 3.0)) == "–"


def test_t_scores_always_carry_a_sign():
    assert [t_score(x) for x in (-2.7, 1, 0.0, -2.25, 0.05)] == ["-2.7", "+1.0", "+0.0", "-2.3", "+0.1"]


def test_counts_take_their_plural_from_one_table():
    assert count(1, "entry") == "1 entry"
    assert count(2, "entry") == "2 entries"
    assert count(0, "day") == "0 days"
    assert count(1, "check-in") == "1 check-in" and count(3, "check-in") == "3 check-ins"
    assert count(2, "rating") == "2 ratings" and count(2, "session") == "2 sessions"
    assert plural(1, "logged day") == "logged day" and plural(7, "logged day") == "logged days"
    for n in (1, 2):  # no guessed plurals: a new word is added to PLURALS, and fails at once until it is
        with pytest.raises(KeyError):
            count(n, "entri")


def test_durations_in_words():
    assert duration(285) == "4 minutes 45 seconds"
    assert duration(60) == "1 minute"
    assert duration(61) == "1 minute 1 second"
    assert duration(0) == "0 seconds"
    assert duration(0.5) == "1 second"  # half up, as every figure
    assert duration(59.5) == "1 minute"


def test_the_module_imports_nothing_of_the_faces_or_drawing():
    import ast
    from pathlib import Path

    tree = ast.parse(Path(numbers.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    # osteotrack.i18n: the language in force (decimal sign, plural rules), which knows no face either
    assert imported <= {"__future__", "decimal", "functools", "numbers", "typing", "osteotrack.i18n"}, imported


def test_whole_numbers_are_written_without_loading_decimal():
    # `osteotrack log` prints "60% relief" through this module; it is timed against a bare insert.
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = ("import sys; from osteotrack.domain import describe, numbers; "
            "print(numbers.percent(60), numbers.count(2, 'entry'), numbers.pain(8, 0), numbers.signed(0, 0)); "
            "print('decimal' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["60% 2 entries 8 ±0", "False"]


def test_a_long_text_shows_its_beginning_and_how_much_more():
    from osteotrack.domain.describe import beginning

    assert beginning("short note", 20) == "short note"
    # "abcde fghij klmno" cut at 12 characters: "abcde fghij " ends at the space after "fghij" (11),
    # so 17 - 11 = 6 characters are left: " klmno".
    assert beginning("abcde fghij klmno", 12) == "abcde fghij… (6 more characters in the diary)"
    # no space in the second half: cut at the limit; one character more
    assert beginning("x" * 11, 10) == "xxxxxxxxxx… (1 more character in the diary)"

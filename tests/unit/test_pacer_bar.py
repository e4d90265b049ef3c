"""How full the pacer's bar is through a breath: the shape the eye follows."""

import pytest

from osteotrack.domain.breathing import parse_pattern
from osteotrack.tui.widgets.pacer import bar_fraction


@pytest.mark.parametrize("pattern, moment, fraction", [
    ("4-7-8", 0, 0.0),     # start of breathing in: empty
    ("4-7-8", 2, 0.5),     # half-way in
    ("4-7-8", 6, 1.0),     # holding after breathing in: full
    ("4-7-8", 15, 0.5),    # 4 of 8 s out: half
    ("4-7-8", 19, 0.0),    # the next breath starts empty
    ("box", 6, 1.0),       # box: the hold after breathing in stays full…
    ("box", 14, 0.0),      # …the hold after breathing out stays empty
    ("slow", 7.5, 0.5),    # slow: 2.5 of 5 s out
])
def test_the_bar_fills_in_holds_and_empties_out(pattern, moment, fraction):
    assert bar_fraction(parse_pattern(pattern), moment) == pytest.approx(fraction)

"""The nesting depth an import measures before parsing (a file nested deeper than 64 levels is refused)."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from osteotrack.domain.limits import nesting

# Text full of what could fool a scan: brackets, quotes, backslashes, and letters beyond ASCII.
tricky = st.text(alphabet='[]{}"\\\\ aé€😀', max_size=8)
values = st.recursive(st.none() | st.integers() | tricky,
                      lambda inner: st.lists(inner, max_size=3) | st.dictionaries(tricky, inner, max_size=3),
                      max_leaves=12)


def depth(value) -> int:
    if isinstance(value, list):
        return 1 + max(map(depth, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(depth, value.values()), default=0)
    return 0


@given(values, st.booleans(), st.booleans())
def test_nesting_is_the_depth_of_what_the_text_holds(value, ascii_only, indented):
    text = json.dumps(value, ensure_ascii=ascii_only, indent=2 if indented else None)
    assert nesting(text.encode()) == depth(value)


def test_brackets_in_text_do_not_count():
    assert nesting(b'{"note": "[[[[ \\\\", "more": ["\\"]]]]", {"x": "}}"}]}') == 3
    assert nesting(b"[" * 65 + b"]" * 65) == 65

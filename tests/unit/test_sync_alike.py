"""Sync tells two copies' versions of a record apart without writing their canonical text only when that
text would be the same: equal values of the same types (a whole number and its float, 0.0 and -0.0, are
equal in Python but written apart), the parts in the same order. Otherwise the text decides, as before."""

from __future__ import annotations

from osteotrack.store.sync import Held


def held(row: dict, parts: dict | None = None) -> Held:
    content = {k: v for k, v in row.items() if k not in ("changed_at", "base_at")}
    if parts is not None:
        content["parts"] = parts
    return Held(row, content, parts)


ROW = {"id": "e-1", "t_score": -2.5, "changed_at": "2026-11-03T08:15:00.000Z", "base_at": None}


def test_the_same_version_is_told_without_its_text():
    assert held(dict(ROW)).same_as(held(dict(ROW)))
    assert held(dict(ROW)).version.content == held(dict(ROW)).version.content


def test_values_equal_in_python_but_written_apart_are_not_the_same():
    for mine, theirs in ((1, 1.0), (0.0, -0.0)):
        here, there = held({**ROW, "t_score": mine}), held({**ROW, "t_score": theirs})
        assert not here.same_as(there)
        assert here.version.content != there.version.content  # what the texts then say


def test_another_change_time_is_another_version():
    assert not held(dict(ROW)).same_as(held({**ROW, "changed_at": "2026-11-04T08:15:00.000Z"}))


def test_parts_in_another_order_are_left_to_the_text_which_sorts_them():
    sites = [{"location": "neck", "intensity": 2, "level": None}, {"location": "lower-back", "intensity": 5,
                                                                     "level": None}]
    here = held({**ROW, "t_score": None}, {"entry_sites": sites})
    there = held({**ROW, "t_score": None}, {"entry_sites": sites[::-1]})
    assert not here.same_as(there)
    assert here.version.content == there.version.content

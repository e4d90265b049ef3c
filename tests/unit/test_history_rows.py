"""History's rows are made when first asked for (drawn), and a page added or let go keeps the rows already made."""

from __future__ import annotations

from datetime import datetime

from osteotrack.domain import dates
from osteotrack.domain.records import Entry, Site
from osteotrack.tui.screens import history
from tests.conftest import TZ


def entries_on(*moments: tuple[int, int], name: str = "e") -> list[Entry]:
    """Entries at (day of November 2026, hour), newest first as History holds them."""
    return [Entry(at=datetime(2026, 11, day, hour, tzinfo=TZ), pain=3, sites=[Site("lower-back", 3)], id=f"{name}{i}")
            for i, (day, hour) in enumerate(moments)]


def test_rows_are_made_when_asked_for_and_name_each_day_once(diary, monkeypatch):
    made: list[str] = []
    making = history.entry_cells
    monkeypatch.setattr(history, "entry_cells", lambda entry, vocab, named: (made.append(entry.id), making(
        entry, vocab, named))[1])
    held = entries_on((23, 19), (23, 8), (22, 9), (21, 9))
    rows = history.Rows(held, diary.vocabulary())
    assert len(rows) == 4 and made == []  # nothing made until drawn
    assert str(rows[1][0]) == ""  # the second entry of the 23rd: its day is on the row above
    assert str(rows[2][0]) == dates.weekday_day_year(held[2].at.date())  # the 22nd's newest entry names it
    assert str(rows[-1][1]) == dates.clock(held[3].at)  # from the end, as a list counts
    rows[1]
    assert made == ["e1", "e2", "e3"]  # each row made once, the first never (not drawn)

    # The first two rows let go and a page of one older entry added: the kept rows stay made; the new first row
    # (the 22nd's, already naming its day) is made again, as the first row always names its day.
    made.clear()
    page = entries_on((20, 9), name="older")
    later = rows.then(2, page)
    assert [e.id for e in later.entries] == ["e2", "e3", "older0"] and len(later) == 3
    assert str(later[0][0]) == dates.weekday_day_year(held[2].at.date())
    assert str(later[1][0]) == dates.weekday_day_year(held[3].at.date())
    assert str(later[2][0]) == dates.weekday_day_year(page[0].at.date())
    assert made == ["e2", "older0"]  # the first row made again and the new one; the 21st's was kept

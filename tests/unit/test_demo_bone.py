"""The demo's bone care: Margaret's story is there, and every record the demo had before is unchanged."""

from __future__ import annotations

from datetime import date

from osteotrack import demo
from osteotrack.analysis.bone_today import treatment_statuses
from osteotrack.domain.bone import losses
from osteotrack.store import Diary
from osteotrack.store.transfer import export_document
from tests.support import without_sync

END = date(2026, 11, 24)
BONE_KEYS = ("treatments", "doses", "heights", "falls_checks", "impressions", "side_effects")


def test_adding_bone_care_leaves_every_earlier_demo_record_byte_identical(tmp_path, monkeypatch):
    demo.write_demo(tmp_path / "with.db", years=1, seed=1, end=END)
    monkeypatch.setattr(demo, "write_bone_story", lambda *args: {})
    demo.write_demo(tmp_path / "without.db", years=1, seed=1, end=END)
    with Diary.open(tmp_path / "with.db") as a, Diary.open(tmp_path / "without.db") as b:
        # Written at different moments: the records compared, not when each was written.
        new, old = without_sync(export_document(a)), without_sync(export_document(b))
    mine = new["profiles"][0]
    assert [e["kind"] for e in mine["events"] if e not in old["profiles"][0]["events"]] == ["near-fall"]
    mine["events"] = [e for e in mine["events"] if e["kind"] != "near-fall"]
    for key in BONE_KEYS:
        assert mine[key] and not old["profiles"][0][key]
        mine[key] = []
    assert new == old


def test_margarets_bone_care(tmp_path):
    demo.write_demo(tmp_path / "demo.db", years=2, seed=1, end=END)
    with Diary.open(tmp_path / "demo.db") as diary:
        margaret = diary.profile("Margaret")
        alendronate, denosumab = margaret.treatments()
        assert (alendronate.medicine, alendronate.every, alendronate.dose) == ("alendronate", "1w", "70 mg")
        assert alendronate.stopped is not None and denosumab.since > alendronate.stopped
        assert (denosumab.medicine, denosumab.every) == ("denosumab", "6m")
        days = margaret.dose_days()
        from osteotrack.domain.bone import timings

        weekly, _ = timings(alendronate, days[alendronate.id])
        late = [t.days_late for t in weekly if t.days_late]
        assert 1 <= len(late) <= len(weekly) // 4 and max(late) <= 3  # a few doses, a few days late
        injections, _ = timings(denosumab, days[denosumab.id])
        assert [t.days_late for t in injections][:2] == [0, 21]  # the second injection three weeks late
        heights = margaret.heights()
        gaps = {(b.at.date() - a.at.date()).days for a, b in zip(heights, heights[1:])}
        assert gaps == {182} and heights[-1].mm < heights[0].mm  # twice a year, with a loss
        assert any(losses(heights[:i], h) for i, h in enumerate(heights))  # 2 cm in about a year, once
        assert [e.kind for e in margaret.events(kinds=("near-fall",))] == ["near-fall"]
        assert len(margaret.falls_checks()) == 1
        impressions = margaret.impressions()
        assert {(b.at.date() - a.at.date()).days for a, b in zip(impressions, impressions[1:])} == {30}
        assert [s.effect for s in margaret.side_effects()] == ["heartburn", "heartburn"]
        assert treatment_statuses(margaret, END)[0].treatment.medicine == "denosumab"

"""Bone care through ProfileDiary: what is stored, what is refused (and then nothing is), whose it is."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from osteotrack.domain.bone import Dose, FallsCheck, Height, Impression, SideEffect, Treatment
from osteotrack.domain.errors import ValidationError
from tests.conftest import NOW, TZ
from tests.support import active


def at(y, m, d, hour=9):
    return datetime(y, m, d, hour, tzinfo=TZ)


@pytest.fixture
def me(diary):
    return active(diary)


def test_a_treatment_its_doses_and_its_stop(me):
    t = me.add_treatment(Treatment("alendronate", "1w", date(2026, 1, 5), dose="70 mg"), now=NOW)
    d1 = me.add_dose(Dose("alendronate", at(2026, 1, 5)), now=NOW)
    d2 = me.add_dose(Dose("Alendronate", at(2026, 1, 14), note="forgot on Monday"), now=NOW)
    assert d1.treatment_id == d2.treatment_id == t.id and d2.medicine == "alendronate"
    assert me.dose_days() == {t.id: [date(2026, 1, 5), date(2026, 1, 14)]}
    stopped = me.stop_treatment("alendronate", date(2026, 6, 30), note="switched to denosumab", now=NOW)
    assert (stopped.stopped, stopped.stop_note) == (date(2026, 6, 30), "switched to denosumab")
    [again] = me.treatments()
    assert again == stopped
    # A new treatment of the same medicine starts after the old one stopped, not inside it.
    with pytest.raises(ValidationError) as refused:
        me.add_treatment(Treatment("alendronate", "1w", date(2026, 6, 1)), now=NOW)
    assert refused.value.code == "bone.overlap"
    me.add_treatment(Treatment("alendronate", "1d", date(2026, 7, 1)), now=NOW)
    assert [t.every for t in me.treatments()] == ["1w", "1d"]


def test_refusals_store_nothing(me):
    me.add_treatment(Treatment("denosumab", "6m", date(2026, 3, 1)), now=NOW)
    cases = [
        (lambda: me.add_treatment(Treatment("denosumab", "6m", date(2026, 4, 1)), now=NOW), "bone.already_taking"),
        (lambda: me.add_dose(Dose("denosumab", at(2026, 2, 1)), now=NOW), "bone.no_treatment"),
        (lambda: me.add_dose(Dose("alendronate", at(2026, 5, 1)), now=NOW), "bone.no_treatment"),
        (lambda: me.stop_treatment("alendronate", date(2026, 5, 1), now=NOW), "bone.not_taking"),
        (lambda: me.stop_treatment("denosumab", date(2026, 2, 1), now=NOW), "bone.stop_before_start"),
        (lambda: me.add_impression(Impression(at(2026, 5, 1), 3, "romosozumab"), now=NOW), "bone.unknown_treatment"),
        (lambda: me.add_height(Height(at(2026, 5, 1), 3000), now=NOW), "bone.height_range"),
    ]
    for call, code in cases:
        with pytest.raises(ValidationError) as refused:
            call()
        assert refused.value.code == code
    with pytest.raises(ValidationError, match="is in the future"):
        me.add_dose(Dose("denosumab", NOW + timedelta(hours=2)), now=NOW)
    assert [t.medicine for t in me.treatments()] == ["denosumab"] and me.treatments()[0].stopped is None
    assert me.doses() == [] and me.heights() == [] and me.impressions() == []


def test_a_height_loss_adds_one_question_once(me):
    me.add_height(Height(at(2025, 1, 10), 1640), now=NOW)
    _, none = me.add_height(Height(at(2025, 7, 10), 1630), now=NOW)
    assert none == [] and me.questions() == []
    _, crossed = me.add_height(Height(at(2026, 1, 12), 1598), now=NOW)
    # 164.0 → 159.8: 4.2 cm below the tallest; 4.2 cm below 10 Jan 2025 (367 days before): both.
    assert sorted(x.kind for x in crossed) == ["total", "year"]
    [question] = me.questions()
    assert question.text == ("My height went down by 4.2 cm since 10 Jan 2025 (from 164.0 cm to 159.8 cm). "
                             "Should we look into it?")
    _, again = me.add_height(Height(at(2026, 7, 12), 1595), now=NOW)
    assert again == [] and len(me.questions()) == 1  # said once
    me.delete_question(question.id)  # the user may delete it
    assert [h.mm for h in me.heights()] == [1640, 1630, 1598, 1595]


def test_falls_checks_impressions_and_side_effects(me):
    me.add_treatment(Treatment("denosumab", "6m", date(2026, 3, 1)), now=NOW)
    check = me.add_falls_check(FallsCheck(at(2026, 11, 1), "yes", "no", "yes"), now=NOW)
    impression = me.add_impression(Impression(at(2026, 11, 2), "2", "denosumab", note="less pain"), now=NOW)
    effect = me.add_side_effect(SideEffect("sore arm", "denosumab", at(2026, 3, 2), 2), now=NOW)
    assert me.falls_checks() == [check] and (check.fell, check.unsteady, check.worried) == (True, False, True)
    assert me.impressions() == [impression] and impression.score == 2
    assert me.side_effects() == [effect]
    [row] = me.side_effects_by_medicine(date(2026, 1, 1), date(2026, 11, 24))
    assert (row["medicine"], row["effect"], row["count"], row["worst"]) == ("denosumab", "sore arm", 1, 2)
    me.delete_bone_record("side-effect", effect.id)
    assert me.side_effects() == []
    with pytest.raises(ValidationError) as refused:
        me.delete_bone_record("impression", "nope")
    assert str(refused.value) == "There is no impression with id 'nope'."


def test_another_profile_sees_none_of_it(diary, me):
    me.add_treatment(Treatment("denosumab", "6m", date(2026, 3, 1)), now=NOW)
    effect = me.add_side_effect(SideEffect("sore arm", "denosumab", at(2026, 3, 2)), now=NOW)
    dad = diary.profile_by_id(diary.add_profile("Dad"))
    assert dad.treatments() == [] and dad.side_effects() == []
    with pytest.raises(ValidationError, match="no treatment with Denosumab"):
        dad.add_dose(Dose("denosumab", at(2026, 3, 3)), now=NOW)
    with pytest.raises(ValidationError):
        dad.delete_bone_record("side-effect", effect.id)
    assert me.side_effects() == [effect]


def test_a_quick_log_imports_nothing_of_bone_care(db_path):
    import subprocess
    import sys

    from osteotrack.store import Diary
    from tests.conftest import ROOT

    Diary.open(db_path).close()
    code = ("import sys; from osteotrack.cli import main; "
            f"sys.argv = ['osteotrack', '--db', {str(db_path)!r}, 'log', '--pain', '4']\n"
            "try:\n    main()\nexcept SystemExit as done:\n    assert done.code in (0, None), done.code\n"
            "print(sorted(m for m in sys.modules if 'bone' in m or m.endswith(('moments', 'treatments', 'heights'))),"
            " file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stderr.strip().splitlines()[-1] == "[]"

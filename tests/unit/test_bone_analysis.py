"""The Bone care figures of a period, worked out by hand; in trends (text and JSON) and in the report."""

from __future__ import annotations

from datetime import date, datetime

from osteotrack.analysis import Period, trends
from osteotrack.analysis.bone import bone_care
from osteotrack.analysis.bone_today import today_lines, treatment_statuses
from osteotrack.domain.bone import Dose, FallsCheck, Height, Impression, SideEffect, Treatment
from osteotrack.domain.records import Event
from osteotrack.report.model import build_report
from tests.conftest import NOW, TZ
from tests.support import active


def at(y, m, d, hour=9):
    return datetime(y, m, d, hour, tzinfo=TZ)


def story(diary):
    me = active(diary)
    me.add_treatment(Treatment("alendronate", "1w", date(2026, 6, 1), dose="70 mg"), now=NOW)
    # Due Mon 1 Jun → taken 1 Jun (on time); due 8 Jun → taken 11 Jun (3 late); due 18 Jun → taken 18 Jun
    # (on time); due 25 Jun → taken 1 Jul (6 late); due 8 Jul → taken 8 Jul (on time).
    for day in (date(2026, 6, 1), date(2026, 6, 11), date(2026, 6, 18), date(2026, 7, 1), date(2026, 7, 8)):
        me.add_dose(Dose("alendronate", at(day.year, day.month, day.day)), now=NOW)
    me.stop_treatment("alendronate", date(2026, 7, 31), now=NOW)
    me.add_treatment(Treatment("denosumab", "6m", date(2026, 8, 3)), now=NOW)
    me.add_dose(Dose("denosumab", at(2026, 8, 3)), now=NOW)  # next due 3 Feb 2027
    me.add_height(Height(at(2026, 5, 1), 1622), now=NOW)
    me.add_height(Height(at(2026, 11, 2), 1611), now=NOW)
    me.add_event(Event(kind="fall", at=at(2026, 9, 1)), now=NOW)
    me.add_event(Event(kind="near-fall", at=at(2026, 9, 20)), now=NOW)
    me.add_event(Event(kind="near-fall", at=at(2026, 10, 20)), now=NOW)
    me.add_falls_check(FallsCheck(at(2026, 10, 1), True, True, False), now=NOW)
    me.add_impression(Impression(at(2026, 9, 1), 4), now=NOW)
    me.add_impression(Impression(at(2026, 10, 1), 3, "denosumab"), now=NOW)
    me.add_side_effect(SideEffect("heartburn", "alendronate", at(2026, 6, 2), 3), now=NOW)
    me.add_side_effect(SideEffect("heartburn", "alendronate", at(2026, 6, 12), 5), now=NOW)
    return me


def test_the_period_figures(diary):
    me = story(diary)
    bone = bone_care(me, Period(date(2026, 6, 10), date(2026, 11, 24)))
    alendronate, denosumab = bone.treatments
    # In the period: 11 Jun (3 late), 18 Jun, 1 Jul (6 late), 8 Jul: 4 doses, 2 on time, 2 late, longest 6.
    assert (alendronate.doses, alendronate.on_time, alendronate.late, alendronate.longest_delay) == (4, 2, 2, 6)
    assert (alendronate.next_due, alendronate.days_late) == (None, 0)  # stopped
    assert (denosumab.doses, denosumab.late, denosumab.next_due, denosumab.days_late) == (1, 0, date(2027, 2, 3), 0)
    # Heights in the period: only 2 Nov (1 May is before it): one measurement, no change to say.
    assert [h.mm for h in bone.heights] == [1611] and bone.height_change_mm is None
    assert (bone.falls, bone.near_falls) == (1, 2)
    assert [(i.score, i.since_start_of) for i in bone.impressions] == [(4, None), (3, "denosumab")]
    [heartburn] = bone.side_effects  # 2 Jun is before the period: only 12 Jun counts
    assert (heartburn.effect, heartburn.count, heartburn.worst) == ("heartburn", 1, 5)
    whole = bone_care(me, Period(date(2026, 5, 1), date(2026, 11, 24)))
    assert whole.height_change_mm == 1611 - 1622 and whole.side_effects[0].count == 2


def test_statuses_and_todays_lines(diary):
    me = story(diary)
    # On 10 Feb 2027 denosumab (due 3 Feb) is 7 days late; stopped alendronate is listed last.
    statuses = treatment_statuses(me, date(2027, 2, 10))
    assert [(s.treatment.medicine, s.days_late) for s in statuses] == [("denosumab", 7), ("alendronate", 0)]
    assert today_lines(me, date(2027, 2, 10)) == ["Denosumab injection was due 3 Feb 2027 — 7 days late"]
    assert today_lines(me, date(2027, 1, 22)) == ["Denosumab injection due in 12 days (3 Feb 2027)"]
    assert today_lines(me, date(2026, 12, 1)) == []


def test_trends_json_and_the_report_carry_the_section(diary):
    me = story(diary)
    period = Period(date(2026, 6, 10), date(2026, 11, 24))
    data = trends(me, period).to_dict()["bone"]
    assert [t["late"] for t in data["treatments"]] == [2, 0]
    assert (data["falls"], data["near_falls"]) == (1, 2)
    report = build_report(me, period, today=date(2026, 11, 24))
    [section] = [s for s in report.sections if s.key == "bone"]
    assert section.title == "Bone care"
    assert section.table.rows[0] == [
        "Alendronate 70 mg",
        "every week",
        "1 Jun 2026",
        "4",
        "2",
        "2",
        "6 days",
        "stopped",
    ]
    assert section.lines[:2] == [
        "Height 161.1 cm on 2 Nov 2026 (1 measurement).",
        "Falls 1, near-falls 2; falls check 1 Oct 2026: yes to fallen in the past year, unsteady; "
        "impression of change (1 very much improved … 7 very much worse): 4, 3 (2 answers; last "
        "a little improved).",
    ]
    empty = build_report(me, Period(date(2025, 1, 1), date(2025, 1, 31)), today=date(2026, 11, 24))
    [nothing] = [s for s in empty.sections if s.key == "bone"]
    assert nothing.lines == ["No bone treatments, heights, falls checks or impressions were recorded in this period."]


def test_the_caregiver_overview_raises_bone_alerts(diary):
    from osteotrack.analysis.alerts import profile_overview

    dad = diary.profile_by_id(diary.add_profile("Dad"))
    dad.add_treatment(Treatment("alendronate", "1w", date(2026, 11, 2)), now=NOW)
    dad.add_dose(Dose("alendronate", at(2026, 11, 9)), now=NOW)  # due 2 Nov: 7 late; next due Mon 16 Nov
    dad.add_event(Event(kind="near-fall", at=at(2026, 11, 22, 17)), now=NOW)
    dad.add_height(Height(at(2025, 11, 1), 1650), now=NOW)
    dad.add_height(Height(at(2026, 11, 20), 1605), now=NOW)
    alerts = profile_overview(dad, date(2026, 11, 24)).alerts
    # 16 Nov → 24 Nov: 8 days late (a week or more: the date, not the weekday).
    assert "Alendronate was due 16 Nov 2026 — 8 days late." in alerts
    assert "Near-fall logged on Sun 22 Nov." in alerts
    assert "Height 160.5 cm on 20 Nov 2026 is 4.5 cm below 165.0 cm on 1 Nov 2025." in alerts
    # A quiet profile with everything on time raises none of them.
    me = active(diary)
    me.add_treatment(Treatment("denosumab", "6m", date(2026, 9, 1)), now=NOW)
    me.add_dose(Dose("denosumab", at(2026, 9, 1)), now=NOW)
    assert not [a for a in profile_overview(me, date(2026, 11, 24)).alerts if "Denosumab" in a]


def test_remind_mentions_a_dose_due_today_or_late(diary):
    from osteotrack.cli.remind import dose_reminders

    me = active(diary)
    me.add_treatment(Treatment("alendronate", "1w", date(2026, 11, 2)), now=NOW)
    me.add_dose(Dose("alendronate", at(2026, 11, 16)), now=NOW)  # next due Mon 23 Nov
    assert dose_reminders(me, date(2026, 11, 22)) == []
    assert dose_reminders(me, date(2026, 11, 23)) == [
        "osteotrack: Alendronate is due today; when taken: osteotrack dose alendronate"
    ]
    assert dose_reminders(me, date(2026, 11, 24)) == [
        "osteotrack: Alendronate was due Mon 23 Nov — 1 day late; when taken: osteotrack dose alendronate"
    ]


def test_the_monthly_questions_are_offered_only_to_a_diary_that_keeps_bone_care(diary):
    from osteotrack.analysis.bone_today import monthly_due

    me = active(diary)
    assert monthly_due(me, date(2026, 11, 24)) == []  # no bone care at all: not asked
    me.add_treatment(Treatment("calcium", "1d", date(2026, 11, 1)), now=NOW)
    assert monthly_due(me, date(2026, 11, 24)) == ["falls-check", "impression"]  # never answered
    me.add_falls_check(FallsCheck(at(2026, 10, 25), False, False, False), now=NOW)
    me.add_impression(Impression(at(2026, 10, 24), 4), now=NOW)
    # On 24 Nov the falls check (25 Oct) is 30 days old: not yet; the impression (24 Oct) 31 days: offered.
    assert monthly_due(me, date(2026, 11, 24)) == ["impression"]

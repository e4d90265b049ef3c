"""Trend figures against answers worked out by hand from tests/trends_diary.py's table."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from osteotrack import analysis
from osteotrack.analysis import Period
from osteotrack.domain.records import CheckIn, Entry, Event, TherapyUse
from tests import trends_diary
from tests.support import active
from tests.trends_diary import CET, NOW, PERIOD, TODAY, at, log

LATER = datetime(2026, 12, 1, 12, tzinfo=timezone.utc)


@pytest.fixture
def small(diary):
    trends_diary.build(diary)
    return diary


@pytest.fixture
def me(small):
    return small.profile_id("me")


def d(day: int) -> date:
    return date(2026, 11, day)


def test_daily_pain_per_local_day_with_rolling_mean(small, me):
    rows = analysis.daily_pain(small.profile_by_id(me), PERIOD)
    # Thu 12's entry was 13 Nov in UTC and Fri 13's was 12 Nov in UTC: each counts on its writer's day.
    assert [(r.day, r.worst, r.mean, r.least, r.entries) for r in rows] == [
        (d(10), 6, 5.0, 4, 2), (d(12), 2, 2.0, 2, 1), (d(13), 8, 8.0, 8, 1), (d(14), 3, 3.0, 3, 1),
        (d(16), 5, 5.0, 5, 1),
    ]
    # Mean of the daily means of logged days among the 7 days ending that day, inside the period
    # (Mon 9's pain of 9 lies before the period and is not used).
    assert [r.rolling_days for r in rows] == [1, 2, 3, 4, 5]
    assert [r.rolling_mean for r in rows] == pytest.approx([5.0, 3.5, 5.0, 4.5, 4.6])


def test_rolling_mean_drops_days_older_than_a_week(diary):
    log(diary, at(1, 9), 2)
    log(diary, at(7, 9), 4)
    log(diary, at(8, 9), 9)
    rows = analysis.daily_pain(active(diary), Period(d(1), d(8)))
    # On the 8th the window is 2–8 Nov: the 1st has fallen out.
    assert [(r.rolling_mean, r.rolling_days) for r in rows] == [(2.0, 1), (3.0, 2), (6.5, 2)]


def test_the_daily_figure_reads_as_a_list_of_its_days(small, me):
    rows = analysis.daily_pain(small.profile_by_id(me), PERIOD)
    # Five logged days (10, 12, 13, 14 and 16 Nov), counted before any day is made; then by index and slice.
    assert len(rows) == 5
    assert (rows[0].day, rows[-1].day, [r.day for r in rows[1:3]]) == (d(10), d(16), [d(12), d(13)])
    assert rows == list(rows) and list(rows) == rows and rows != list(rows)[1:]
    assert [r["day"] for r in analysis.trends(small.profile_by_id(me), PERIOD).to_dict()["daily"]] == [
        "2026-11-10", "2026-11-12", "2026-11-13", "2026-11-14", "2026-11-16"]
    # Read again, the same days (the Trends screen sees it has nothing to draw); a day more, other days.
    assert analysis.daily_pain(small.profile_by_id(me), PERIOD) == rows
    log(small, at(15, 9), 4)
    assert analysis.daily_pain(small.profile_by_id(me), PERIOD) != rows


def test_summary_counts_days_logged_of_days_in_range(small, me):
    s = analysis.pain_summary(small.profile_by_id(me), PERIOD)
    assert (s.entries, s.days_logged, s.days_in_range, s.worst, s.least) == (6, 5, 7, 8, 2)
    # Average daily pain: Tue 10 (4 + 6) / 2 = 5, Thu 12 2, Fri 13 8, Sat 14 3, Mon 16 5;
    # (5 + 2 + 8 + 3 + 5) / 5 = 23 / 5 = 4.6. The mean over the six entries would be 28 / 6 = 4.67.
    assert s.mean == pytest.approx(23 / 5)
    assert s.coverage == pytest.approx(5 / 7)


def test_a_day_with_many_entries_weighs_as_much_as_a_day_with_one(diary):
    for hour in range(8, 13):
        log(diary, at(2, hour), 8)  # a bad day, five entries of 8
    log(diary, at(3, 9), 2)  # a good day, one entry of 2
    s = analysis.pain_summary(active(diary), Period(d(1), d(3)))
    # Daily means 8 and 2: (8 + 2) / 2 = 5.0. Over entries it would be (5 * 8 + 2) / 6 = 7.0.
    assert (s.mean, s.entries, s.days_logged) == (5.0, 6, 2)


@pytest.mark.parametrize("relative, said", [
    (-48.9, "this is a fall of 49%, 30% or more but less than 50%."),
    (-50.0, "this is a fall of 50%, 50% or more."),
    (-29.6, "this is a fall of 30%, 30% or more but less than 50%."),  # 29.6 shows as 30: judged as shown
    (-15.5, "this is a fall of 16%, less than 30%."),
    (12.0, "this is a rise of 12%."),
    (0.0, "this is no change."),
])
def test_the_relative_change_is_placed_against_the_30_and_50_percent_bands(relative, said):
    # The bands: IMMPACT, Dworkin et al., J Pain 2008;9:105-121 (https://doi.org/10.1016/j.jpain.2007.09.005;
    # table at http://www.bandolier.org.uk/booth/painpag/Chronout.html): pain intensity on the 0-10 NRS,
    # "at least 30% decrease" moderately important, "at least 50% decrease" substantial.
    text = analysis.fall_band_text(relative)
    assert text.startswith("Pain research reports falls in average pain of 30% or more and of 50% or more; ")
    assert text.endswith(said)


def test_change_against_the_previous_period_of_equal_length(small, me):
    c = analysis.change(small.profile_by_id(me), PERIOD)
    assert c.previous_period == Period(d(3), d(9))
    assert (c.previous.entries, c.previous.mean, c.previous.days_logged) == (1, 9.0, 1)
    # As shown: 4.6 - 9.0 = -4.4; relative to the 9.0 shown before: -4.4 / 9.0 * 100 = -48.9 %.
    assert c.mean_difference == pytest.approx(-4.4)
    assert c.relative_change == pytest.approx(-4.4 / 9.0 * 100)
    assert c.worst_difference == -1
    assert c.days_logged_difference == 4


def test_locations_share_of_days_mean_intensity_and_count(small, me):
    rows = analysis.locations(small.profile_by_id(me), PERIOD)
    assert [(r.location, r.days, r.days_logged, r.count) for r in rows] == [
        ("lower-back", 3, 5, 4), ("mid-back", 1, 5, 1), ("rib-left", 1, 5, 1),
    ]
    assert [r.share_of_days for r in rows] == pytest.approx([0.6, 0.2, 0.2])
    assert [r.mean_intensity for r in rows] == pytest.approx([6.0, 6.0, 2.0])  # lower back (5 + 7 + 8 + 4) / 4
    assert rows[2].name == "Ribs, left"


def test_a_location_logged_at_zero_did_not_hurt_that_day(diary):
    log(diary, at(2, 9), 3, [("knee-left", 0)])
    log(diary, at(3, 9), 5, [("knee-left", 4)])
    (knee,) = analysis.locations(active(diary), Period(d(1), d(3)))
    # Named twice, hurt once (at 4): the mean is over the entry where it hurt, 4 / 1 = 4.0, not (0 + 4) / 2.
    assert (knee.days, knee.days_logged, knee.share_of_days, knee.count, knee.hurt, knee.mean_intensity) == (
        1, 2, 0.5, 2, 1, 4.0)


def test_a_location_that_never_hurt_has_no_mean_intensity(diary):
    log(diary, at(2, 9), 3, [("knee-left", 0)])
    (knee,) = analysis.locations(active(diary), Period(d(1), d(3)))
    assert (knee.days, knee.count, knee.hurt, knee.mean_intensity) == (0, 1, 0, None)


def test_triggers_mean_pain_present_against_absent(small, me):
    rows = analysis.triggers(small.profile_by_id(me), PERIOD)
    assert [(r.trigger, r.present, r.absent) for r in rows] == [
        ("bending", 2, 4), ("standing", 2, 4), ("lifting", 1, 5),
    ]
    # bending: 4 and 6 against 2, 8, 3, 5; standing: 6 and 5 against 4, 2, 8, 3; lifting: 8 against the rest.
    assert [(r.mean_present, r.mean_absent) for r in rows] == [
        pytest.approx((5.0, 4.5)), pytest.approx((5.5, 4.25)), pytest.approx((8.0, 4.0)),
    ]


def test_therapies_times_used_mean_relief_and_rated_count(small, me):
    rows = analysis.therapies(small.profile_by_id(me), PERIOD)
    assert [(r.therapy, r.times_used, r.rated, r.group) for r in rows] == [
        ("otc-pain-medication", 4, 3, "medication"), ("heat", 3, 3, "physical"),
        ("prescription-pain-medication", 1, 0, "medication"),
    ]
    assert rows[0].mean_relief == pytest.approx(30.0)  # 40, 20, 30; the unrated use is left out
    assert rows[1].mean_relief == pytest.approx(190 / 3)  # 60, 80, 50
    assert rows[2].mean_relief is None


def test_relief_over_time_per_week_from_monday(small, me):
    points = analysis.relief_over_time(small.profile_by_id(me), PERIOD)
    assert [(p.therapy, p.start, p.mean_relief, p.rated) for p in points] == [
        ("heat", d(9), 70.0, 2), ("heat", d(16), 50.0, 1),
        ("otc-pain-medication", d(9), 30.0, 2), ("otc-pain-medication", d(16), 30.0, 1),
    ]


def test_relief_over_time_per_month_for_long_ranges(small, me):
    points = analysis.relief_over_time(small.profile_by_id(me), Period(date(2026, 1, 1), TODAY))
    assert [(p.therapy, p.start, p.mean_relief, p.rated) for p in points] == [
        ("heat", d(1), 70.0, 4), ("otc-pain-medication", d(1), 30.0, 3),
    ]


def test_medication_days_used_and_longest_run(small, me):
    use = analysis.medication_use(small.profile_by_id(me), PERIOD)
    # OTC on 10, 13, 14, 16: runs of 1, 2 and 1 days.
    assert (use.otc.days_used, use.otc.uses, use.otc.longest_run) == (4, 4, 2)
    assert use.otc.longest_runs == [analysis.MedicationRun(d(13), d(14), False)]
    assert (use.prescription.days_used, use.prescription.longest_run) == (1, 1)
    assert use.prescription.longest_runs == [analysis.MedicationRun(d(13), d(13), False)]
    assert use.otc.days_in_range == 7


def test_longest_run_counts_days_not_entries_and_prefers_the_latest(diary):
    for hour, day in enumerate((2, 3, 3, 6, 7), start=8):
        log(diary, at(day, hour), 4, therapies=[("otc-pain-medication", 30)])
    use = analysis.medication_use(active(diary), Period(d(1), d(8)))
    # Days 2–3 and 6–7 are both two days long: both are reported, oldest first.
    assert (use.otc.days_used, use.otc.uses, use.otc.longest_run) == (4, 5, 2)
    assert use.otc.longest_runs == [analysis.MedicationRun(d(2), d(3), False),
                                    analysis.MedicationRun(d(6), d(7), False)]
    assert use.otc.run_text() == "2 days (2–3 Nov 2026; 6–7 Nov 2026)"
    assert (use.prescription.days_used, use.prescription.longest_run, use.prescription.longest_runs) == (0, 0, [])


def test_more_than_three_tied_runs_are_counted_with_the_latest(diary):
    for day in (1, 3, 5, 7):
        log(diary, at(day, 9), 4, therapies=[("otc-pain-medication", None)])
    use = analysis.medication_use(active(diary), Period(d(1), d(8)))
    # Four runs of one day each (1, 3, 5, 7 Nov): the count and the latest.
    assert use.otc.run_text() == "1 day, 4 runs this long (latest 7 Nov 2026)"


def test_a_run_crossing_the_period_start_is_counted_from_before_the_period(diary):
    # OTC every day from 30 Oct to 4 Nov, then on 6 Nov; the period starts on 2 Nov.
    for moment in [datetime(2026, 10, 30, 9, tzinfo=CET), datetime(2026, 10, 31, 9, tzinfo=CET),
                   *(at(day, 9) for day in (1, 2, 3, 4, 6))]:
        log(diary, moment, 4, therapies=[("otc-pain-medication", None)])
    use = analysis.medication_use(active(diary), Period(d(2), d(8)))
    # Days used inside the period: 2, 3, 4 and 6 Nov = 4. The run 30 Oct – 4 Nov is 6 days long (30, 31 Oct,
    # 1, 2, 3, 4 Nov), counted from before the period; the run on 6 Nov is 1 day.
    assert (use.otc.days_used, use.otc.uses, use.otc.longest_run) == (4, 4, 6)
    assert use.otc.longest_runs == [analysis.MedicationRun(date(2026, 10, 30), d(4), True)]
    assert use.otc.run_text() == "6 days (since 30 Oct (before the period) – 4 Nov 2026)"


def test_each_medicine_by_name_and_dose(diary):
    person = active(diary)
    for day, medicine in ((2, ("ibuprofen", "400 mg")), (3, ("ibuprofen", "400 mg")), (3, ("paracetamol", "1 g")),
                          (4, ("ibuprofen", "400 mg")), (6, ("paracetamol", "1 g"))):
        person.add_entry(Entry(at=at(day, 9), pain=4, therapies=[
            TherapyUse("otc-pain-medication", None, medication=medicine[0], dose=medicine[1])]), now=NOW)
    use = analysis.medication_use(person, Period(d(1), d(7)))
    # Ibuprofen 400 mg on 2, 3, 4 Nov: 3 days, one run of 3. Paracetamol 1 g on 3 and 6 Nov: 2 days, two runs of 1.
    assert [(m.medicine, m.days_used, m.uses, m.longest_run) for m in use.medicines] == [
        ("ibuprofen 400 mg", 3, 3, 3), ("paracetamol 1 g", 2, 2, 1)]
    assert use.medicines[1].run_text() == "1 day (3 Nov 2026; 6 Nov 2026)"
    # All OTC: 2, 3, 4 and 6 Nov = 4 days, 5 uses (two on the 3rd), longest run 2–4 Nov.
    assert (use.otc.days_used, use.otc.uses, use.otc.longest_run) == (4, 5, 3)


def test_peg_per_iso_week_from_complete_check_ins(small, me):
    weeks = analysis.peg_weeks(small.profile_by_id(me), PERIOD)
    # W46: PEG 4 (3, 4, 5) and 6 (6, 6, 6); Sun 15's check-in lacks an item; W47: PEG 2 (1, 2, 3).
    assert [(w.week, w.start, w.checkins) for w in weeks] == [("2026-W46", d(9), 2), ("2026-W47", d(16), 1)]
    assert (weeks[0].score, weeks[0].pain, weeks[0].enjoyment, weeks[0].activity) == pytest.approx((5, 4.5, 5, 5.5))
    assert weeks[1].score == pytest.approx(2.0)


def test_events_in_range_on_their_local_day(small, me):
    marks = analysis.events(small.profile_by_id(me), PERIOD)
    assert [(m.day, m.kind, m.label) for m in marks] == [
        (d(13), "fall", "Fall"), (d(13), "fracture", "Fracture mid back T8"),
    ]


def test_events_in_local_day_and_time_order_not_utc(diary):
    person = active(diary)
    kolkata, new_york = timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-5))
    # A fall at 02:00 on 29 Nov in Kolkata is 20:30 UTC on the 28th; an appointment at 19:00 on 28 Nov in
    # New York is 00:00 UTC on the 29th. By UTC the fall comes first; by the local day the appointment does.
    person.add_event(Event("fall", datetime(2026, 11, 29, 2, tzinfo=kolkata)), now=LATER)
    person.add_event(Event("appointment", datetime(2026, 11, 28, 19, tzinfo=new_york)), now=LATER)
    marks = analysis.events(person, Period(d(27), d(30)))
    assert [(m.day, m.kind) for m in marks] == [(d(28), "appointment"), (d(29), "fall")]
    assert [e.kind for e in person.events(d(27), d(30))] == ["appointment", "fall"]


def test_an_empty_range_has_counts_of_zero_and_no_means(small, me):
    empty = Period(date(2026, 10, 1), date(2026, 10, 7))
    t = analysis.trends(small.profile_by_id(me), empty)
    assert (t.summary.entries, t.summary.days_logged, t.summary.days_in_range, t.summary.mean) == (0, 0, 7, None)
    assert t.daily == t.locations == t.triggers == t.therapies == t.relief_over_time == t.peg_weeks == t.events == []
    assert (t.medication.otc.days_used, t.medication.otc.longest_run, t.medication.medicines) == (0, 0, [])
    assert t.change.mean_difference is None and t.summary.coverage == 0


def test_a_single_entry(diary):
    log(diary, at(5, 9), 7, [("hip-left", 6)], ["stairs"], [("ice", 20)])
    t = analysis.trends(active(diary), Period(d(1), d(7)))
    assert [(r.day, r.worst, r.mean, r.least, r.entries, r.rolling_mean, r.rolling_days) for r in t.daily] == [
        (d(5), 7, 7.0, 7, 1, 7.0, 1)]
    assert (t.summary.mean, t.summary.days_logged) == (7.0, 1)
    assert [(x.location, x.share_of_days, x.mean_intensity, x.hurt, x.count) for x in t.locations] == [
        ("hip-left", 1.0, 6.0, 1, 1)]
    # Present in the only entry: no entry without it, so no mean to compare with.
    assert [(x.present, x.mean_present, x.absent, x.mean_absent) for x in t.triggers] == [(1, 7.0, 0, None)]
    assert [(x.therapy, x.times_used, x.mean_relief, x.rated) for x in t.therapies] == [("ice", 1, 20.0, 1)]


def test_trends_bundles_every_figure_and_serialises_with_counts(small, me):
    t = analysis.trends(small.profile_by_id(me), PERIOD)
    assert t.profile == "me" and t.relief_bucket == "week"
    data = t.to_dict()
    assert data["period"] == {"since": "2026-11-10", "until": "2026-11-16", "days": 7}
    # Average daily pain 23 / 5 = 4.6 (see test_summary...); coverage 5 / 7 = 0.714.
    assert data["summary"] == {"mean": 4.6, "worst": 8, "least": 2, "entries": 6, "days_logged": 5,
                               "days_in_range": 7, "coverage": 0.714, "mean_is": analysis.MEAN_PAIN_DEFINITION}
    assert data["daily"][0] == {"day": "2026-11-10", "worst": 6, "mean": 5.0, "least": 4, "entries": 2,
                                "rolling_mean": 5.0, "rolling_days": 1}
    assert data["medication"]["otc"]["longest_run"] == 2
    assert data["change"]["mean_difference"] == -4.4  # 4.6 - 9.0, as shown
    assert data["change"]["relative_change"] == -48.889  # -4.4 / 9.0 * 100
    assert data["change"]["previous_period"] == {"since": "2026-11-03", "until": "2026-11-09", "days": 7}


def test_what_changed_this_week_against_last(small, me):
    w = analysis.what_changed(small.profile_by_id(me), today=d(16))
    assert (w.this_week, w.last_week) == (Period(d(10), d(16)), Period(d(3), d(9)))
    assert w.direction == "down"
    assert [s.location for s in w.new_locations] == ["mid-back", "rib-left"]  # lower back hurt last week too
    assert [e.kind for e in w.falls_and_fractures] == ["fall", "fracture"]
    assert w.days_without_entry == [d(11), d(15)]
    # Heat: 90 % last week; 60, 80 and 50 this week.
    assert [(r.therapy, r.relief_before, r.rated_before, r.rated_now) for r in w.relief_dropped] == [
        ("heat", 90.0, 1, 3)]
    assert w.sentences == [
        "Average daily pain went down: 9.0 last week (1 entry), 4.6 this week (6 entries).",
        "Hurt this week but not last week: mid back (1 entry) and ribs, left (1 entry).",
        "Logged this week: fall on Fri 13 Nov and fracture mid back T8 on Fri 13 Nov.",
        "2 days without an entry this week: Wed 11 Nov and Sun 15 Nov.",
        "Heat (hot pack, warm shower) gave less relief: 90% last week (1 rating), 63% this week (3 ratings).",
    ]


def test_what_changed_in_a_quiet_week(diary):
    w = analysis.what_changed(active(diary), today=d(16))
    assert w.direction == "unknown"
    assert w.sentences == [
        "No entries this week, so there is no average daily pain to compare.",
        "No falls or fractures logged this week.",
        "7 days without an entry this week: Tue 10 Nov, Wed 11 Nov, Thu 12 Nov, Fri 13 Nov, Sat 14 Nov, "
        "Sun 15 Nov and Mon 16 Nov.",
    ]


@pytest.mark.parametrize("before, now, sentence", [
    ([], [4], "Average daily pain this week is 4.0 (1 entry); there were no entries last week to compare with."),
    ([2], [5, 5], "Average daily pain went up: 2.0 last week (1 entry), 5.0 this week (2 entries)."),
    ([3], [3, 3, 4], "Average daily pain stayed about the same: 3.0 last week (1 entry), 3.3 this week (3 entries)."),
    ([3], [3, 4], "Average daily pain went up: 3.0 last week (1 entry), 3.5 this week (2 entries)."),  # half a point
])
def test_what_changed_says_which_way_mean_pain_went(diary, before, now, sentence):
    for hour, pain in enumerate(before, start=8):
        log(diary, at(5, hour), pain)  # last week: 3–9 Nov
    for hour, pain in enumerate(now, start=8):
        log(diary, at(12, hour), pain)  # this week: 10–16 Nov
    w = analysis.what_changed(active(diary), today=d(16))
    assert w.sentences[0] == sentence


def test_what_changed_ignores_a_relief_drop_under_one_step(diary):
    log(diary, at(5, 9), 4, therapies=[("heat", 60)])
    log(diary, at(12, 9), 4, therapies=[("heat", 60)])
    log(diary, at(13, 9), 4, therapies=[("heat", 50)])  # mean 55: five points lower, half a step
    assert analysis.what_changed(active(diary), today=d(16)).relief_dropped == []


def test_old_daily_peg_check_ins_are_counted_for_what_they_were(diary):
    person = active(diary)
    # Two check-ins from before the weekly PEG (asked about their own day), then one weekly PEG, all in
    # ISO week 2026-W45 (2–8 Nov): PEG scores (3+3+3)/3 = 3, (6+6+6)/3 = 6 and (4+5+6)/3 = 5; mean 14/3 = 4.67.
    for day, items in ((2, (3, 3, 3)), (3, (6, 6, 6))):
        diary._checkins.insert(CheckIn(d(day), *items, id=f"0c000000-0000-4000-8000-00000000000{day}"),
                               person.id, "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z")
    person.save_checkin(CheckIn(d(8), 4, 5, 6), today=d(8))
    (week,) = analysis.peg_weeks(person, Period(d(2), d(8)))
    assert (week.week, week.checkins, week.daily) == ("2026-W45", 3, 2)
    assert week.score == pytest.approx(14 / 3)


def test_the_figures_of_pain_are_those_of_every_figure_and_complete_them_unchanged(small, me):
    # The Trends screen works out the figures of pain first (its first tab), then every other figure from them.
    person = small.profile_by_id(me)
    pain = analysis.pain_figures(person, PERIOD)
    every = analysis.trends(person, PERIOD)
    assert (pain.profile, pain.period, pain.summary, pain.change, pain.daily, pain.events) == (
        every.profile, every.period, every.summary, every.change, every.daily, every.events)
    assert analysis.trends(person, PERIOD, pain) == every
    # 10-16 Nov 2026 (tests/trends_diary.py): 10th 4 and 6, 12th 2, 13th 8, 14th 3, 16th 5: 6 entries on 5 days.
    assert (pain.summary.entries, pain.summary.days_logged) == (6, 5)

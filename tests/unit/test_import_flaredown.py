"""Flaredown's data export, read as Flaredown's own code writes it.

Sources read (github.com/rubyforgood/Flaredown, HEAD ce8509edf5a4c0f58e65f1bbfaaf6d251a0b42fd):
- ``backend/app/jobs/data_export_job.rb`` and its history (``git log -p``):
  5a5c0096 (2017-01-04) first version: ``Date``, condition, symptom and treatment columns by name,
  ``Tags``, ``Foods`` (joined by SUBFIELD_SEPARATOR "; "), checkins ordered by date ascending, a
  treatment's cell its ``value`` (the dose, nil when none);
  6edc41d2 (2021-10-14): a treatment taken without dose is "Taken", one not taken "Not Taken";
  45cedb4c (2021-10-15): six weather columns after Foods.
- ``backend/app/models/checkin.rb``: f408ee42 (2021-10-15) allows several check-ins a day;
  27b31f5c (2021-11-07) turns ``date`` from Date into DateTime, so the Date cell becomes
  ``2022-03-01T14:05:09+00:00``; ``backend/app/models/checkin/fiveable.rb``: condition and symptom
  values are integers 0..4; ``frontend/app/helpers/pip-label.js``: 0 "Not active" … 4 "Extremely active".
- ``backend/app/controllers/api/v1/checkins_controller.rb``: 27b31f5c saved a check-in made on the
  day itself as ``DateTime.new`` (-4712-01-01T00:00:00+00:00); 3563ab9e (2021-11-25) and cf40b1af
  save the picked year, month and day with the server clock's hour, minute and second (UTC).
- ``backend/app/mailers/user_data_mailer.rb``: attached as data.csv.
- Ruby's CSV writer (github.com/ruby/csv @ b36c16061ac14aa6ce2e6eb9c3cd60c07a688254,
  ``lib/csv/writer.rb`` ``quote``): nil is an empty unquoted field, an empty string ``""``, and a
  field with the separator, a quote or a line break is quoted with quotes doubled.

The fixture files in tests/fixtures/imports/flaredown-*.csv follow those three shapes.
"""

from __future__ import annotations

from datetime import date, time

import pytest

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.validate import Vocabulary
from osteotrack.domain.vocabulary import BUILTIN
from osteotrack.importers import flaredown
from osteotrack.importers.plan import scale_0_4
from osteotrack.importers.preview import plan_for
from tests.import_support import FIXTURES, local_zone

VOCAB = Vocabulary(BUILTIN)


def _plan(name: str):
    path = FIXTURES / name
    return plan_for("flaredown", path.read_bytes(), str(path), VOCAB)


def test_the_0_to_4_scale_maps_by_times_two_and_a_half_rounded_half_up():
    # 1 slightly active → 2.5 → 3 (mild), 2 → 5 (moderate), 3 → 7.5 → 8 (severe), 4 extremely → 10.
    assert [scale_0_4(v) for v in range(5)] == [0, 3, 5, 8, 10]


def test_the_2019_export_one_checkin_a_day_doses_or_empty_cells():
    with local_zone("Europe/Berlin"):
        plan = _plan("flaredown-2019.csv")
    assert plan.rows_read == 4
    assert [(s.line, s.reason) for s in plan.skipped] == [
        (4, "No condition or symptom is rated, so there is no pain to record.")]
    first, second, third = (p.entry for p in plan.entries)
    # Back pain 3 is the highest pain symptom: 3 × 2.5 = 7.5 → 8. Muscle spasms 1 → cramping.
    assert (first.at.date(), first.at.time(), first.pain) == (date(2019, 5, 1), time(12, 0), 8)
    assert first.qualities == ["cramping"]
    assert [(t.therapy, t.medication, t.dose) for t in first.therapies] == [
        ("otc-pain-medication", "Ibuprofen", "400 mg")]
    assert first.triggers == ["stairs"]
    assert first.note == ("Flaredown ratings (0–4): Osteoporosis 2; Back pain 3; Muscle spasms 1; Fatigue 1.\n\n"
                          "Treatments: Ibuprofen 400 mg.\n\nTags: gardening; Stairs.\n\n"
                          "Foods: Bread, whole-wheat, commercially prepared.")
    # "Back pain" names no place of ours (which part of the back?): offered as a new place, at 3 → 8.
    assert [(p.term.kind, p.term.slug, p.intensity) for p in plan.entries[0].pending] == [
        ("location", "back", 8), ("trigger", "gardening", None)]
    # Neck pain 2 is a place with its own intensity (2 → 5); a spasm rated 0 is not there.
    assert (second.pain, [(s.location, s.intensity) for s in second.sites], second.qualities) == (5, [("neck", 5)], [])
    # Every pain symptom at 0: no pain, even though Fatigue is 2.
    assert (third.pain, third.triggers) == (0, ["bending"])
    assert third.note.endswith("Foods: Cheese, cheddar; Milk, whole, 3.25% milkfat.")


def test_the_october_2021_export_taken_not_taken_weather_and_two_checkins_a_day():
    with local_zone("Europe/Berlin"):
        plan = _plan("flaredown-2021-10.csv")
    assert plan.skipped == []
    assert [p.key for p in plan.entries] == ["2021-10-15#0", "2021-10-15#1", "2021-10-16#0"]
    a, b, c = (p.entry for p in plan.entries)
    # Back pain 4 → 10; "Hip pain" has no side, so it is no place of ours (it stays in the note).
    assert (a.pain, a.sites) == (10, [])
    assert [(t.therapy, t.medication, t.dose) for t in a.therapies] == [
        ("prescription-pain-medication", "Tramadol", "50 mg"), ("physical-therapy", None, None)]
    assert "Treatments: Tramadol 50 mg; Physical therapy Taken; Yoga Not Taken." in a.note
    assert [(t.therapy, t.dose) for t in b.therapies] == [("prescription-pain-medication", None)]
    assert [(p.term.slug, p.term.group) for p in plan.entries[1].pending if p.term.kind == "therapy"] == [
        ("yoga", "physical")]
    assert [(p.term.name, p.intensity) for p in plan.entries[0].pending] == [("Back", 10), ("Hip", 5)]
    assert (b.pain, b.triggers) == (5, ["walking"])
    assert (c.pain, [t.therapy for t in c.therapies]) == (3, ["physical-therapy"])
    assert plan.left_out == ["The weather columns: Flaredown filled them in from a weather service."]
    assert all("Weather" not in p.entry.note and "cloudy" not in p.entry.note for p in plan.entries)


def test_the_2023_export_keeps_the_picked_day_and_turns_the_utc_clock_into_local_time():
    with local_zone("Europe/Berlin"):
        plan = _plan("flaredown-2023.csv")
    assert [(s.line, s.reason) for s in plan.skipped] == [
        (2, "Flaredown saved this check-in without its day ('-4712-01-01T00:00:00+00:00'); it cannot be placed.")]
    old, night, afternoon = (p.entry for p in plan.entries)
    # Midnight UTC exactly is a check-in from before times were kept: midday of its day.
    assert (old.at.date(), old.at.time(), old.pain) == (date(2021, 11, 1), time(12, 0), 3)
    # 03:00 and 14:05 UTC are 04:00 and 15:05 in Berlin (UTC+1 in March), on the day picked.
    assert (night.at.date(), night.at.time()) == (date(2022, 3, 1), time(4, 0))
    assert (afternoon.at.date(), afternoon.at.time()) == (date(2022, 3, 1), time(15, 5))
    assert [(s.location, s.intensity) for s in night.sites] == [("rib-left", 5), ("lower-back", 8)]
    assert night.pain == 8
    assert [(t.therapy, t.medication, t.dose) for t in night.therapies] == [
        ("otc-pain-medication", "Acetaminophen", "500 mg")]
    assert 'Tags: Coughing, "bad" day.' in night.note
    assert [p.term.name for p in plan.entries[1].pending] == ["Back", 'Coughing, "bad" day']


def test_a_late_checkin_in_new_york_stays_on_the_day_the_user_picked():
    # 22:00 on 1 March in New York is 03:00 UTC on 2 March; Flaredown wrote the picked day with the
    # UTC clock: 2022-03-01T03:00:00+00:00. Converting the whole instant would give 28 February.
    with local_zone("America/New_York"):
        day, clock = flaredown._when("2022-03-01T03:00:00+00:00")
    assert (day, clock) == (date(2022, 3, 1), time(22, 0))


@pytest.mark.parametrize("text", ["Date,Tags\n2020-01-01,\n", "date,Back pain,Tags,Foods\n", "a;b;c\n1;2;3\n", ""])
def test_a_file_that_is_not_a_flaredown_export_is_one_sentence(text):
    with pytest.raises(ValidationError) as caught:
        flaredown.read(text.encode(), "data.csv", VOCAB)
    assert str(caught.value) == ("data.csv is not a Flaredown export: its first row should start with 'Date' and hold "
                                 "'Tags' and 'Foods', as the data.csv Flaredown e-mails does.")


def test_rows_of_the_wrong_width_and_bad_dates_are_listed_not_fatal():
    text = ("Date,Back pain,Tags,Foods\n2020-01-01,2,\"\",\"\"\n2020-01-02,3\n2020-13-01,1,\"\",\"\"\n"
            "01/03/2020,1,\"\",\"\"\n")
    plan = plan_for("flaredown", text.encode(), "data.csv", VOCAB)
    assert [p.entry.pain for p in plan.entries] == [5]
    assert [(s.line, s.reason) for s in plan.skipped] == [
        (3, "The row has 2 cells where the header has 4."),
        (4, "The date '2020-13-01' is not a day like 2021-10-15 or 2021-11-25T14:05:09+00:00."),
        (5, "The date '01/03/2020' is not a day like 2021-10-15 or 2021-11-25T14:05:09+00:00."),
    ]

"""`osteotrack log`: the exact contract of issue 2, read back from the diary."""

from datetime import date, datetime, time, timedelta

import pytest

from osteotrack import i18n
from osteotrack.domain.records import Site, TherapyUse
from tests.functional.helpers import assert_refused_unchanged, entries

CONTRACT = ["log", "--pain", "6", "--where", "lower-back:7", "--where", "rib-left:4",
            "--trigger", "bending", "--trigger", "standing", "--therapy", "heat:60",
            "--therapy", "otc-pain-medication:40", "--med", "ibuprofen 400 mg", "--quality", "aching",
            "--note", "after gardening", "--doctor", "--at", "yesterday 19:00"]


def yesterday_at(hour: int) -> datetime:
    return datetime.combine(date.today() - timedelta(days=1), time(hour, 0)).astimezone()


def test_the_contract_stores_every_option_and_confirms_in_one_line(run_cli, db_path):
    result = run_cli(*CONTRACT)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Logged ") and result.stderr == ""
    [stored] = entries(db_path)
    assert stored.at == yesterday_at(19) and stored.at.utcoffset() == yesterday_at(19).utcoffset()
    assert stored.pain == 6
    assert stored.sites == [Site("lower-back", 7), Site("rib-left", 4)]
    assert stored.triggers == ["bending", "standing"]
    assert stored.therapies == [TherapyUse("heat", 60), TherapyUse("otc-pain-medication", 40, "ibuprofen", "400 mg")]
    assert stored.qualities == ["aching"]
    assert stored.note == "after gardening" and stored.for_doctor is True and stored.entered_by is None
    line, y = lines[0], yesterday_at(19)
    for words in ("pain 6/10 (moderate)", "Lower back 7", "Ribs, left 4", "bending", "standing", "aching",
                  "Heat (hot pack, warm shower) 60% relief", "(ibuprofen 400 mg) 40% relief", "For the doctor",
                  f"(id {stored.id[:8]})", f"{y:%a} {y.day} {y:%b %Y} 19:00"):
        assert words in line, words


def test_the_smallest_log_is_pain_now(run_cli, db_path):
    before = datetime.now().astimezone()
    assert run_cli("log", "--pain", "0").exit_code == 0
    [stored] = entries(db_path)
    assert stored.pain == 0 and stored.sites == [] and stored.note == "" and not stored.for_doctor
    assert before - timedelta(seconds=1) <= stored.at <= datetime.now().astimezone() + timedelta(seconds=1)


def test_levels_default_intensities_and_the_caregiver(run_cli, db_path):
    result = run_cli("log", "--pain", "5", "--where", "T8:6", "--where", "neck/C5", "--where", "hip-left",
                     "--therapy", "heat", "--by", "Anna", "--at", "2h ago")
    assert result.exit_code == 0, result.output
    [stored] = entries(db_path)
    assert stored.sites == [Site("mid-back", 6, "T8"), Site("neck", 5, "C5"), Site("hip-left", 5)]
    assert stored.therapies == [TherapyUse("heat", None)]
    assert stored.entered_by == "Anna" and "Logged by Anna" in result.stdout
    assert "(relief not rated)" in result.stdout


def test_med_names_its_therapy_when_there_are_two(run_cli, db_path):
    result = run_cli("log", "--pain", "7", "--therapy", "otc-pain-medication:40",
                     "--therapy", "prescription-pain-medication:60",
                     "--med", "prescription-pain-medication=tramadol 50 mg")
    assert result.exit_code == 0, result.output
    assert entries(db_path)[0].therapies[1] == TherapyUse("prescription-pain-medication", 60, "tramadol", "50 mg")


@pytest.mark.parametrize("args, message", [
    (["--pain", "11"], "Pain must be a whole number from 0 to 10; got '11'."),
    (["--pain", "six"], "Pain must be a whole number from 0 to 10; got 'six'."),
    (["--pain", "5", "--where", "lowerback:3"], "Unknown location 'lowerback'; did you mean lower-back"),
    (["--pain", "5", "--where", "lower-back:12"], "The intensity at lower-back must be a whole number from 0 to 10"),
    (["--pain", "5", "--where", "lower-back/T4:3"], "Vertebral level 'T4' does not belong to lower-back"),
    (["--pain", "5", "--where", "lower-back:3", "--where", "lower-back:4"], "is given twice"),
    (["--pain", "5", "--trigger", "gardening"], "Unknown trigger 'gardening'"),
    (["--pain", "5", "--quality", "spikey"], "Unknown pain quality 'spikey'"),
    (["--pain", "5", "--therapy", "heat:35"], "Relief must be a percentage from 0 to 100 in steps of 10; got '35'."),
    (["--pain", "5", "--therapy", "sauna:50"], "Unknown therapy 'sauna'"),
    (["--pain", "5", "--med", "ibuprofen 400 mg"], "needs a medication therapy in the same entry"),
    (["--pain", "5", "--therapy", "otc-pain-medication:40", "--therapy", "antidepressant",
      "--med", "ibuprofen 400 mg"], "more than one medication therapy"),
    (["--pain", "5", "--at", "tomorrow 9:00"], "The time 'tomorrow 9:00' is in the future"),
    (["--pain", "5", "--at", "2999-01-01T10:00"], "is in the future"),
    (["--pain", "5", "--at", "soonish"], "use an ISO date-time like 2026-11-23T19:00"),
])
def test_bad_input_is_one_sentence_exit_2_and_changes_nothing(run_cli, db_path, args, message):
    assert_refused_unchanged(run_cli, db_path, ["log", "--pain", "3"], ["log", *args], message)
    assert len(entries(db_path)) == 1


def test_an_unknown_profile_is_refused(run_cli, db_path):
    assert_refused_unchanged(run_cli, db_path, ["log", "--pain", "3"], ["--profile", "nobody", "log", "--pain", "4"],
                             "There is no profile named 'nobody'; the profiles are: me.")


def test_a_missing_pain_is_a_usage_error(run_cli):
    result = run_cli("log", "--where", "neck:3")
    assert result.exit_code == 2 and "Missing option '--pain'" in result.stderr


@pytest.fixture
def english_after():
    yield
    i18n.choose(None)  # a --lang read in-process (run_cli) must not reach the next test


# CLDR's abbreviated German weekday and month names (checked in tests/unit/test_dates.py), Monday and January first.
GERMAN_WEEKDAYS = ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."]
GERMAN_MONTHS = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."]


def test_log_reads_the_time_in_the_users_words_and_confirms_it_as_the_language_writes_it(run_process, db_path):
    # the quick path (a whole process, no click): German words, and the confirming line in German's date order
    done = run_process("log", "--pain", "4", "--at", "gestern 19 Uhr", env={"OSTEOTRACK_LANG": "de"})
    assert done.returncode == 0, done.stderr
    [stored] = entries(db_path)
    y = yesterday_at(19)
    assert stored.at == y and stored.at.utcoffset() == y.utcoffset()
    # "Di., 1. Dez. 2026, 19:00": CLDR's medium date-time in German joins the date and the time with ", "
    assert f"{GERMAN_WEEKDAYS[y.weekday()]}, {y.day}. {GERMAN_MONTHS[y.month - 1]} {y.year}, 19:00" in done.stdout


@pytest.mark.parametrize("lang, at, sentence", [
    ("es", "ayer 25:00", "No se pudo leer la hora «ayer 25:00»; use una fecha y hora ISO como 2026-11-23T19:00, o "
                         "«ahora», «hoy 8:30», «ayer 19:00», «ayer por la tarde», «lunes 9:00» o «hace 2 h»."),
    ("fr", "hier 25h", "Impossible de lire l’heure « hier 25h » ;"),
])
def test_a_time_not_understood_is_refused_in_the_users_language(run_cli, db_path, lang, at, sentence, english_after):
    assert_refused_unchanged(run_cli, db_path, ["log", "--pain", "3"],
                             ["--lang", lang, "log", "--pain", "5", "--at", at], sentence)


def test_click_reads_the_users_words_too(run_cli, db_path, english_after):
    assert run_cli("--lang", "es", "log", "--pain", "5", "--at", "ayer 19:00").exit_code == 0
    assert entries(db_path)[0].at == yesterday_at(19)

"""The command line speaks the language chosen: by --lang (before or after the command), OSTEOTRACK_LANG, the locale.

Each way of choosing is run as a real process (the quick ``log`` path and click's path alike): the refused input
gets its one sentence in that language, exit status 2, and nothing is stored.
"""

from __future__ import annotations

import pytest

from osteotrack import i18n
from osteotrack.store import Diary

GERMAN = "osteotrack: Die Schmerzstärke muss eine ganze Zahl von 0 bis 10 sein; Sie haben „11“ eingegeben.\n"
FRENCH = "osteotrack: La douleur doit être un nombre entier de 0 à 10 ; vous avez indiqué « 11 ».\n"
SPANISH = "osteotrack: El dolor debe ser un número entero del 0 al 10; ha indicado «11».\n"
ENGLISH = "osteotrack: Pain must be a whole number from 0 to 10; got '11'.\n"
NO_OWN_CHOICE = {"OSTEOTRACK_LANG": "", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}


def entries(db_path) -> int:
    with Diary.open(db_path) as diary:
        return len(diary.profile(diary.active_profile()).entries())


@pytest.fixture(autouse=True)
def english_again():
    yield
    i18n.choose(None)  # a --lang read in-process (run_cli) must not reach the next test


@pytest.mark.parametrize("args", [
    ["--lang", "de", "log", "--pain", "11"],  # the quick path
    ["log", "--pain", "11", "--lang", "de"],  # after the command, as --profile may be
    ["--lang", "de_DE.UTF-8", "log", "--pain", "11", "--note", "-x"],  # click's path (a value starting with -)
])
def test_lang_says_the_error_in_german(run_process, db_path, args):
    Diary.open(db_path).close()
    done = run_process(*args)
    assert (done.returncode, done.stderr, done.stdout) == (2, GERMAN, "")
    assert entries(db_path) == 0


def test_the_pseudo_language_wraps_the_sentence(run_process):
    done = run_process("--lang", "x-pseudo", "log", "--pain", "11")
    assert done.returncode == 2
    assert done.stderr == "osteotrack: ⟦Páíñ múst bé á whólé ñúmbér fróm 0 tó 10; gót '11'. " + "·" * 21 + "⟧\n"


@pytest.mark.parametrize("env, expected", [
    ({**NO_OWN_CHOICE, "LANG": "fr_FR.UTF-8"}, FRENCH),
    ({**NO_OWN_CHOICE, "LC_MESSAGES": "es_ES.UTF-8", "LANG": "de_DE.UTF-8"}, SPANISH),
    ({**NO_OWN_CHOICE, "LANGUAGE": "pt:de", "LANG": "fr_FR.UTF-8"}, GERMAN),
    ({**NO_OWN_CHOICE, "LC_ALL": "es_MX.UTF-8", "LANG": "fr_FR.UTF-8"}, SPANISH),
    ({"OSTEOTRACK_LANG": "es", "LANG": "de_DE.UTF-8"}, SPANISH),
    ({**NO_OWN_CHOICE, "LANG": "ja_JP.UTF-8"}, ENGLISH),
])
def test_the_environment_chooses_when_lang_is_not_given(run_process, env, expected):
    done = run_process("log", "--pain", "11", env=env)
    assert (done.returncode, done.stderr) == (2, expected)


def test_lang_wins_over_the_environment(run_process):
    done = run_process("--lang", "fr", "log", "--pain", "11", env={"OSTEOTRACK_LANG": "de", "LANG": "es_ES.UTF-8"})
    assert (done.returncode, done.stderr) == (2, FRENCH)


def test_every_command_takes_lang(run_cli):
    result = run_cli("list", "--since", "someday", "--lang", "es")
    assert result.exit_code == 2
    assert "No se pudo leer el día «someday»" in result.output


def test_a_language_not_shipped_is_one_sentence_and_exit_2(run_process, db_path):
    done = run_process("--lang", "tlh", "log", "--pain", "4")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "osteotrack: There is no translation into 'tlh'; choose one of en, es, de, fr.\n"
    assert not db_path.exists()

"""The command line says every word through the catalogs: run in the pseudo-language, no English shows through.

``--lang x-pseudo`` wraps every message in ``⟦…⟧`` (osteotrack/i18n.py). What is left of an output once the
wrapped parts are taken out may hold only what is not a message: the person's own data, numbers and dates'
digits, IDs, slugs, command and option names, metavars and the app's name. An English word left there is a
sentence, a heading or a label that was not marked for translation.

In-process (CliRunner) on a small diary, so the whole file runs in a few seconds.
"""

from __future__ import annotations

import re

import pytest

from osteotrack import i18n
from osteotrack.domain.bone import MEDICINES
from osteotrack.domain.vocabulary import BUILTIN, DXA_SITES, EVENT_KINDS, KINDS, PROCEDURES, THERAPY_GROUPS

WRAPPED = re.compile(r"⟦[^⟦⟧]*⟧")
WORD = re.compile(r"[A-Za-z]{2,}")
# What the person typed (a note, a name, a medicine as logged), kept as it is in every language.
DATA = "me Anna after the walk ibuprofen mg Can lift the shopping heartburn"  # "me": the first profile's name
# Contracts of the command line, the same in every language: the app's name ("cli" is CliRunner's name for it), a
# height's unit, --help and --version, the commands' and options' names (metavars, in capitals, are let through by
# ``english``).
SYNTAX = "osteotrack cli cm help version"
SLUGS = " ".join([t.slug for t in BUILTIN] + [*EVENT_KINDS, *PROCEDURES, *DXA_SITES, *MEDICINES, *KINDS,
                                               *THERAPY_GROUPS])


def _syntax(params) -> list[str]:
    """The names of options, the values a choice takes and the metavars: what is typed, the same in any language."""
    import click

    words = []
    for param in params:
        words += [*param.opts, *param.secondary_opts, param.metavar or ""]
        if isinstance(param.type, click.Choice):
            words += [str(choice) for choice in param.type.choices]
    return words


def _names(group) -> str:
    """Every command's name under ``group``, with its options' names, choices and metavars."""
    import click

    words = []
    for name, command in group.commands.items():
        words += [name, *_syntax(command.params)]
        if isinstance(command, click.Group):
            words.append(_names(command))
    return " ".join(words)


def _commands(group, prefix=()) -> list[tuple[str, ...]]:
    """The command line of every command and group under ``group``."""
    import click

    found = []
    for name, command in group.commands.items():
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found += _commands(command, (*prefix, name))
    return found


def _allowed() -> set[str]:
    from osteotrack.cli import cli

    names = _names(cli) + " " + " ".join(_syntax(cli.params))
    return {w.lower() for w in WORD.findall(" ".join((DATA, SYNTAX, SLUGS, names)))}


ALLOWED = _allowed()
CHART_MARKS = re.compile(r"^[ovx]+$")  # the markers of a terminal chart: o mean, v least, x …


def unwrapped(text: str) -> str:
    """``text`` without its messages (innermost first: a message may hold others, a date in a sentence)."""
    while True:
        shorter = WRAPPED.sub(" ", text)
        if shorter == text:
            return text
        text = shorter


def english(text: str) -> list[str]:
    """The words left outside the messages that are neither data nor syntax, nor an 8-character ID."""
    rest = re.sub(r"\b[0-9a-f]{8}\b", " ", unwrapped(text))
    return sorted({w for w in WORD.findall(rest)
                   if w.lower() not in ALLOWED and not w.isupper() and not CHART_MARKS.match(w)})


@pytest.fixture(autouse=True)
def english_again():
    yield
    i18n.choose(None)  # --lang read in-process must not reach the next test


@pytest.fixture
def diary(run_cli):
    """A few days of a diary: entries, an event, a check-in, a treatment late for its dose, a height, a question."""
    def ok(*args: str) -> str:
        result = run_cli(*args)
        assert result.exit_code == 0, result.output
        return result.output

    for ago, pain in (("3d ago", 5), ("2d ago", 7), ("1d ago", 4)):
        ok("log", "--pain", str(pain), "--where", "lower-back:6", "--where", "T8:5", "--quality", "aching",
           "--trigger", "bending", "--therapy", "heat:60", "--therapy", "otc-pain-medication:40",
           "--med", "ibuprofen 400 mg", "--note", "after the walk", "--by", "Anna", "--at", ago)
    ok("event", "fall", "--at", "2d ago")
    ok("event", "appointment", "--at", "tomorrow 10:30")
    ok("checkin", "--sleep", "6", "--mood", "7")
    ok("treatment", "add", "alendronate", "--since", "20d ago", "--dose", "70 mg")
    ok("height", "162.5", "--at", "30d ago")
    ok("question", "Can I lift the shopping?")
    ok("side-effect", "heartburn", "--medicine", "alendronate", "--severity", "3")
    return ok


COMMANDS = [
    ["log", "--pain", "6", "--where", "mid-back:5", "--trigger", "lifting", "--note", "after the walk"],
    ["list"],
    ["list", "--kind", "checkins"],
    ["list", "--kind", "events"],
    ["list", "--kind", "treatments"],
    ["overview"],
    ["trends", "--range", "2w"],
    ["remind"],
    ["treatment", "list"],
    ["dose", "alendronate"],
    ["height", "161.0"],
    ["falls-check", "--fell", "no", "--unsteady", "yes", "--worried", "yes"],
    ["question", "list"],
    ["profile", "list"],
    ["vocab", "list", "trigger"],
    ["--help"],
]


def test_every_word_of_the_main_outputs_and_help_is_a_message(diary, run_cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    leaks = {}
    for command in COMMANDS:
        result = run_cli("--lang", i18n.PSEUDO, *command)
        assert result.exit_code == 0, (command, result.output)
        assert "⟦" in result.output, command
        if found := english(result.output):
            leaks[" ".join(command)] = found
    assert leaks == {}


def test_the_import_previews_and_the_version_are_in_the_language(diary, run_cli, tmp_path):
    # Each format's preview (dry run): its lines, rules, rows skipped and new names are messages. What is left is the
    # file's own words (names, notes, the sheet's pain words, the path) and the version's digits.
    from tests.import_support import FIXTURES

    sheet = tmp_path / "pain.csv"
    sheet.write_text("Date,Pain,Where,Trigger,Therapy\n3/14/2026,moderate,T8; lower back:7,gardening,Alendronat 70 mg\n"
                     "2026-03-15,eleven,neck,,\n", encoding="utf-8")
    files = {
        "flaredown": (FIXTURES / "flaredown-2021-10.csv", []),
        "pain-diary": (FIXTURES / "paindiary-decrypted.json", []),
        "sheet": (sheet, ["--date", "Date", "--pain", "Pain", "--where", "Where", "--trigger", "Trigger",
                          "--therapy", "Therapy"]),
    }
    file_words = "Gardening Alendronat mg none mild moderate severe eleven pain csv"
    leaks = {}
    for source, (path, options) in files.items():
        result = run_cli("--lang", i18n.PSEUDO, "import", str(path), "--from", source, *options, "--dry-run")
        assert result.exit_code == 0, (source, result.output)
        assert result.output.count("⟦") >= 5, result.output
        rest = " ".join(w for w in english(result.output.replace(str(path), " "))
                        if w.lower() not in file_words.lower().split())
        if rest:
            leaks[source] = rest
    version = run_cli("--lang", i18n.PSEUDO, "--version")
    assert version.exit_code == 0 and "⟦" in version.output, version.output
    if found := english(version.output):
        leaks["--version"] = " ".join(found)
    assert leaks == {}


def test_every_commands_help_is_in_the_language(run_cli):
    from osteotrack.cli import cli

    leaks = {}
    for command in _commands(cli):
        result = run_cli("--lang", i18n.PSEUDO, *command, "--help")
        assert result.exit_code == 0, (command, result.output)
        if found := english(result.output):
            leaks[" ".join(command)] = found
    assert leaks == {}


def test_the_check_sees_an_english_word_outside_the_messages():
    # Guards the test above: a wrapped sentence passes; data, slugs and IDs pass; an unwrapped English word does not.
    assert english("⟦Lóggéd ⟦6/10⟧ (íd 1a2b3c4d)⟧ lower-back:7 Anna 1a2b3c4d") == []
    assert english("⟦Páíñ⟧ Nothing logged today") == ["Nothing", "logged", "today"]

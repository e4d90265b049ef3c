"""Errors carry their meaning: every code has a whole sentence, filled from the parameters its raise sites pass.

The source of ``osteotrack/`` is read as a syntax tree, so a code typed at a raise site
that has no template, or a template whose placeholder no raise site supplies, fails here
rather than in front of a patient.
"""

from __future__ import annotations

import ast
import pickle
import re
import warnings
from datetime import date, datetime, timedelta, timezone

import pytest

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.messages import FACE_MESSAGES, MESSAGES, PLACES, MessageWarning, place, placeholders, render
from tests.conftest import NOW, ROOT

SOURCE = ROOT / "osteotrack"
ERRORS = {"DiaryError", "ValidationError", "CliError"}
CODE = re.compile(r"^[a-z_0-9]+(\.[a-z_0-9]+)+$")
# Functions that take a code and add parameters of their own to the error they raise.
HELPERS = {
    "check_scale": {"value", "low", "high"},
    "_ask_pain": {"value", "low", "high"},
    "check_not_future": {"moment", "day"},
}
# Functions that raise the code given as their first argument "In {where}, …".
FAILS = {"fail", "_fail"}


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _sources():
    for path in sorted(SOURCE.rglob("*.py")):
        yield path.relative_to(SOURCE).as_posix(), ast.parse(path.read_text(encoding="utf-8"), str(path))


def _constant(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _codes_in(node) -> list[ast.Constant]:
    return [item for item in ast.walk(node) if _constant(item) and CODE.match(item.value)]


def _names(target) -> set[str]:
    return {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}


def _uses():
    """Every code named in the source: (where, code, the parameters the site passes, or None if unknown here).

    Codes are found at raise sites (``ValidationError("pain.range", …)``), as ``code=`` arguments and
    defaults, in tables named ``…_CODES``, and in values given to a variable named ``code``.
    """
    for rel, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, (ast.Assign, ast.For)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any("code" in _names(t) for t in targets):
                    for item in _codes_in(node.value if isinstance(node, ast.Assign) else node.iter):
                        yield f"{rel}:{item.lineno}", item.value, None
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                args = node.args.args + node.args.kwonlyargs
                defaults = [None] * (len(node.args.args) - len(node.args.defaults)) + node.args.defaults
                for arg, default in zip(args, defaults + node.args.kw_defaults):
                    if arg.arg == "code" and default is not None and _constant(default):
                        yield f"{rel}:{node.lineno}", default.value, None
            if isinstance(node, ast.Call):
                name = _name(node.func)
                passed = {k.arg for k in node.keywords if k.arg} if all(k.arg for k in node.keywords) else None
                where = f"{rel}:{node.lineno}"
                if name in ERRORS and node.args and _constant(node.args[0]) and CODE.match(node.args[0].value):
                    yield where, node.args[0].value, None if passed is None else passed - {"field"}
                if name in FAILS:
                    codes = [_constant(a) for a in node.args if _constant(a) and CODE.match(a.value)]
                    for code in codes:
                        yield where, code, None if passed is None else passed | {"where"}
                for keyword in node.keywords:
                    if keyword.arg == "code" and _constant(keyword.value):
                        extra = HELPERS.get(name, set())
                        yield where, keyword.value.value, None if passed is None else (passed | extra) - {"code"}
            if isinstance(node, ast.Assign) and any(t.endswith("_CODES") for t in _names(node.targets[0])):
                for item in _codes_in(node.value):
                    yield f"{rel}:{item.lineno}", item.value, None  # parameters: tested by calling them


USES = list(_uses())


def sample(name: str):
    """A value of the kind a placeholder ``name`` takes."""
    return {
        "moment": datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc),
        "day": date(2026, 11, 24),
        "cause": ValidationError("pain.range", field="pain", value=11, low=0, high=10),
        "where": place("place.csv_row", line=3, name="entries.csv"),
    }.get(name, f"<{name}>")


def test_the_source_names_codes_at_all():
    # Guards the test itself: if the syntax tree stopped finding raise sites, nothing below would check anything.
    assert len(USES) > 120
    assert {"pain.range", "when.future", "import.record", "file.exists", "profile.last"} <= {c for _, c, _ in USES}


@pytest.mark.parametrize("where, code", [(w, c) for w, c, _ in USES])
def test_every_code_raised_has_a_template(where, code):
    assert code in MESSAGES, f"{where}: the code {code!r} has no sentence in messages.MESSAGES"


def test_every_template_is_used():
    used = {code for _, code, _ in USES}
    assert set(MESSAGES) - used == set()


@pytest.mark.parametrize("where, code, passed", [u for u in USES if u[2] is not None and u[1] in MESSAGES])
def test_every_raise_site_passes_the_parameters_its_sentence_needs(where, code, passed):
    needed = placeholders(MESSAGES[code])
    for face in FACE_MESSAGES.values():
        needed |= placeholders(face.get(code, ""))
    assert needed <= passed, f"{where}: {code!r} needs {sorted(needed - passed)}"


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_template_renders_whole_with_its_parameters(code):
    params = {name: sample(name) for name in placeholders(MESSAGES[code])}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        text = str(ValidationError(code, field="x", **params))
    assert "{" not in text and "}" not in text, text
    # One sentence: it starts as a sentence does (or with an option, a quoted name, a path) and ends once.
    assert text[:1].isupper() or text.startswith(("--", "'", "<", "restore")), text
    assert text.endswith((".", "?")) and "\n" not in text, text


def test_face_wordings_replace_a_sentence_with_the_same_parameters():
    for face, templates in FACE_MESSAGES.items():
        for code, template in templates.items():
            assert code in MESSAGES, (face, code)
            assert placeholders(template) == placeholders(MESSAGES[code]), (face, code)


@pytest.mark.parametrize("code", sorted(PLACES))
def test_every_place_renders(code):
    params = {name: sample(name) for name in placeholders(PLACES[code])}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert "{" not in str(place(code, **params))


def test_places_named_in_the_source_exist_with_their_parameters():
    found = 0
    for rel, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) == "place" and node.args and _constant(node.args[0]):
                found += 1
                code = node.args[0].value
                assert code in PLACES, f"{rel}:{node.lineno}: {code}"
                assert placeholders(PLACES[code]) <= {k.arg for k in node.keywords}, f"{rel}:{node.lineno}"
    assert found >= 8


def test_no_sentence_is_raised_as_an_error():
    """``raise ValidationError(f"…")`` is gone: an error names a code, never a sentence."""
    sentences: dict[str, list[int]] = {}
    for rel, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in ERRORS and node.args:
                first = node.args[0]
                if isinstance(first, ast.JoinedStr) or (_constant(first) and not CODE.match(first.value)):
                    sentences.setdefault(rel, []).append(node.lineno)
    assert sentences == {}


def test_the_future_is_refused_by_one_rule():
    """Every "is in the future" code is raised through ``when.check_not_future``, and only it reads the grace."""
    future = {code for code in MESSAGES if "future" in MESSAGES[code] and "in the future" in MESSAGES[code]}
    assert future == {
        "when.future",
        "day.future",
        "entry.at_future",
        "event.at_future",
        "since.future",
        "until.future",
        "bone.day_future",
        "bone.at_future",
        "question.created_future",
    }
    for rel, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in ERRORS and node.args and _constant(node.args[0]):
                assert node.args[0].value not in future, f"{rel}:{node.lineno} refuses the future by itself"
            if isinstance(node, ast.Name) and node.id == "FUTURE_GRACE":
                assert rel == "domain/when.py", f"{rel}:{node.lineno} compares with the future by itself"


# -- the rendering itself --------------------------------------------------


def test_an_error_keeps_code_field_and_parameters_and_renders_its_sentence():
    error = ValidationError("pain.range", field="pain", value=11, low=0, high=10)
    assert (error.code, error.field, error.params) == ("pain.range", "pain", {"value": 11, "low": 0, "high": 10})
    assert str(error) == "Pain must be a whole number from 0 to 10; got '11'."


def test_an_error_inside_another_keeps_its_own_sentence_first_letter_lowered():
    inner = ValidationError("pain.range", field="pain", value=11, low=0, high=10)
    outer = ValidationError("import.record", field="file", where=place("place.entry", n=2, profile="Dad"), cause=inner)
    assert str(outer) == "In entry 2 of profile 'Dad': pain must be a whole number from 0 to 10; got '11'."


def test_errors_cross_process_boundaries_whole():
    error = ValidationError(
        "import.record",
        field="file",
        where=place("place.csv_row", line=3, name="e.csv"),
        cause=ValidationError("when.future", field="at", text="x", moment=NOW),
    )
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), copy.code, copy.field, str(copy)) == (ValidationError, error.code, "file", str(error))


def test_a_face_says_a_sentence_in_its_own_words_where_it_has_them():
    error = ValidationError("medication.no_therapy", field="medication")
    assert "--therapy" in str(error)
    assert "--therapy" not in error.sentence(face="app") and "therapies first" in error.sentence(face="app")
    assert ValidationError("pain.not_chosen").sentence(face="app") == MESSAGES["pain.not_chosen"]


def test_a_slip_warns_but_still_says_something_whole():
    with pytest.warns(MessageWarning):
        assert render("no.such_code", {}) == "no.such_code"
    with pytest.warns(MessageWarning):
        assert render("pain.range", {"value": 11}) == "Pain must be a whole number from {low} to {high}; got '11'."


# -- codes chosen at run time, from tables: call the functions that choose them ----------


def test_unknown_terms_name_their_kind_with_and_without_suggestions():
    from osteotrack.domain.validate import UNKNOWN_CODES, Vocabulary, unknown
    from osteotrack.domain.vocabulary import BUILTIN, DXA_SITES, EVENT_KINDS, PROCEDURES

    vocab = Vocabulary(BUILTIN)
    for kind in ("location", "quality", "trigger", "therapy"):
        some = next(iter(vocab.terms[kind]))
        with pytest.raises(ValidationError) as close:
            vocab.check(kind, some + "x")
        with pytest.raises(ValidationError) as far:
            vocab.check(kind, "qqqqqqqq")
        assert (close.value.code, far.value.code) == UNKNOWN_CODES[kind]
        assert "did you mean" in str(close.value) and "osteotrack vocab" in str(far.value)
    for kind, known in (("event_kind", EVENT_KINDS), ("procedure", PROCEDURES), ("dxa_site", DXA_SITES)):
        first = next(iter(known))
        close, far = unknown(kind, first[:-1], known, "x"), unknown(kind, "qqqq", known, "x")
        assert (close.code, far.code) == UNKNOWN_CODES[kind]
        assert f"did you mean {first}" in str(close)
        # Not vocabulary: 'osteotrack vocab' does not list them, so the sentence lists them itself.
        assert str(far).endswith(f"choose one of {', '.join(known)}.")


def test_times_of_records_refused_with_their_own_sentences():
    from osteotrack.domain.validate import MOMENT_CODES, check_moment

    for record, (no_zone, future, too_early) in MOMENT_CODES.items():
        cases = [
            (datetime(2026, 1, 1), no_zone),
            (NOW + timedelta(hours=1), future),
            (datetime(1899, 12, 31, 23, 0, tzinfo=timezone.utc), too_early),
        ]
        for moment, code in cases:
            with pytest.raises(ValidationError) as refused:
                check_moment(moment, NOW, record)
            assert (refused.value.code, refused.value.field) == (code, "at")
            starts = {"bone": "The time", "question": "The question's time"}.get(record, f"The {record} time")
            assert str(refused.value).startswith(starts)


def test_check_in_items_and_period_days_have_their_sentences():
    from osteotrack.analysis.ranges import FUTURE_CODES, resolve_range
    from osteotrack.domain.validate import CHECKIN_SCALE_CODES, check_scale

    for field, code in CHECKIN_SCALE_CODES.items():
        with pytest.raises(ValidationError) as refused:
            check_scale("11", code=code, field=field)
        assert refused.value.field == field and str(refused.value).endswith("from 0 to 10; got '11'.")
    for field, code in FUTURE_CODES.items():
        with pytest.raises(ValidationError) as refused:
            resolve_range(**{field: date(2027, 1, 1)}, today=date(2026, 11, 24))
        assert (refused.value.code, refused.value.field) == (code, field)
        assert (
            str(refused.value) == f"The day 2027-01-01 for {field} is in the future; only days up to today can be used."
        )


# Every sentence the app can show about its own fields: the forms (entry, event, check-in) and bringing
# history from a spreadsheet. The app has fields and choices, so none may name a command-line option.
APP_REACHABLE = ("site.missing", "procedure.missing", "procedure.not_procedure", "t_score.missing",
                 "medication.empty", "medication.twice", "medication.no_therapy", "medication.ambiguous",
                 "import.sheet_not_xlsx", "import.sheet_column", "import.sheet_column_twice",
                 "import.sheet_ambiguous_dates", "import.sheet_needs")


@pytest.mark.parametrize("code", APP_REACHABLE)
def test_the_app_speaks_of_its_fields_not_of_options(code):
    assert "--" in MESSAGES[code] or "e.g." in MESSAGES[code]  # the command line's sentence names an option
    assert "--" not in FACE_MESSAGES["app"][code]

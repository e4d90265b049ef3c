"""Whatever is typed after `osteotrack log`, the answer is a stored entry or one sentence and exit 2."""

import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from osteotrack.cli import cli
from osteotrack.cli.quick import run
from osteotrack.store import Diary
from tests.functional.helpers import digest

FOLDER = tempfile.TemporaryDirectory()
DIARY = Path(FOLDER.name) / "fuzz.db"
Diary.open(DIARY).close()

texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=25)
pieces = st.one_of(
    texts,
    st.sampled_from(["lower-back", "T8", "mid-back/T8", "heat", "otc-pain-medication", "bending", "aching",
                     "yesterday 19:00", "2h ago", "7pm", "prescription-pain-medication=", "ibuprofen 400 mg"]),
    st.integers(-5, 120).map(str),
    st.dates().map(lambda d: d.isoformat()),  # year 1 to 9999, for --at
    st.integers(1, 6000).map(lambda n: f"{'9' * n} min ago"),
)
values = st.builds(lambda a, sep, b: f"{a}{sep}{b}", pieces, st.sampled_from(["", ":", "/", "=", " "]), pieces)
options = st.lists(st.tuples(st.sampled_from(["--where", "--therapy", "--med", "--trigger", "--quality",
                                              "--at", "--note", "--by"]), values), max_size=5)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pain=values, rest=options)
def test_log_never_crashes(pain, rest):
    argv = ["--db", str(DIARY), "log", "--pain", pain]
    for option, value in rest:
        argv += [option, value]
    before = digest(DIARY)
    result = CliRunner().invoke(cli, argv)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 2:
        assert digest(DIARY) == before
        if result.stderr.startswith("osteotrack: "):
            assert len(result.stderr.strip().splitlines()) == 1
        else:  # click's own usage errors, e.g. a value that looks like an option
            assert "Error:" in result.stderr
    quick = run(argv)  # the quick path agrees on success or refusal (or hands the line to click)
    assert quick in (None, result.exit_code)

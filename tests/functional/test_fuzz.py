"""Fuzzing: random command lines and mangled import files never give a traceback; a refusal changes nothing."""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import zipfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from osteotrack.cli import cli
from osteotrack.domain.records import CheckIn, Entry, Event, Question, Site, TherapyUse
from osteotrack.store import Diary
from osteotrack.store.transfer import dumps, export_document
from tests.support import active

TZ = timezone(timedelta(hours=1))
# FUZZ_EXAMPLES=2000 for a longer hunt than the suite's.
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", 120)),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def diary_path(tmp_path_factory) -> Path:
    """One small diary for every example (valid examples add to it; refused ones must not)."""
    path = tmp_path_factory.mktemp("fuzz") / "diary.db"
    with Diary.open(path) as diary:
        active(diary).add_entry(
            Entry(
                at=datetime(2026, 3, 1, 19, 30, tzinfo=TZ),
                pain=7,
                sites=[Site("mid-back", 8, "T8")],
                triggers=["bending"],
                therapies=[TherapyUse("otc-pain-medication", 40, "ibuprofen", "400 mg")],
                note="after gardening",
                for_doctor=True,
            )
        )
        active(diary).save_checkin(
            CheckIn(day=datetime(2026, 3, 1).date(), peg_pain=6, peg_enjoyment=5, peg_activity=7)
        )
        active(diary).add_event(
            Event(kind="fracture", at=datetime(2026, 2, 1, 10, tzinfo=TZ), site="mid-back", level="T8")
        )
        active(diary).add_question(Question(text="Can I carry?", created=datetime(2026, 3, 1, 12, tzinfo=TZ)))
    return path


def _state(path: Path) -> str:
    with Diary.open(path, read_only=True) as diary:
        return dumps(export_document(diary))


def _run(diary_path: Path, args: list[str]):
    """Run a command; assert it ended as a user expects (0 or 2, never a traceback); return its exit code."""
    before = _state(diary_path)
    result = CliRunner().invoke(cli, ["--db", str(diary_path), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), f"{args!r} raised {result.exception!r}"
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 2), (args, result.exit_code, result.output)
    if result.exit_code == 2:
        assert result.stderr.strip(), args
        assert _state(diary_path) == before, f"{args!r} was refused but changed the diary"
    return result.exit_code


# -- command lines ------------------------------------------------------------

noise = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=12)
numbers = st.integers(-3, 120).map(str)
scale = st.one_of(st.integers(-2, 12).map(str), st.sampled_from(["5.5", "seven", "", " 6 ", "1e1"]), noise)
sites = st.one_of(
    st.builds(
        lambda s, n: f"{s}:{n}",
        st.sampled_from(
            ["lower-back", "mid-back/T8", "T8", "rib-left", "hip-right", "neck/C3", "mid-back/L4", "lowerback", "wrist"]
        ),
        scale,
    ),
    st.sampled_from(["lower-back", "T12", ":", "/", "mid-back/:3"]),
    noise,
)
therapies = st.one_of(
    st.builds(
        lambda t, r: f"{t}:{r}", st.sampled_from(["heat", "cold", "otc-pain-medication", "kyphoplasty", "hot"]), numbers
    ),
    st.sampled_from(["heat", "massage:", "heat:60:70"]),
    noise,
)
moments = st.one_of(
    st.sampled_from(
        [
            "now",
            "yesterday 19:00",
            "today 8:30",
            "2h ago",
            "45 min ago",
            "monday 9:00",
            "last night",
            "2026-11-23T19:00",
            "2026-11-23",
            "2099-01-01",
            "yesterday 25:00",
            "0 min ago",
            "-3h ago",
            "2026-02-30",
        ]
    ),
    noise,
)


def _options(**choices):
    """A list of option/value pairs in random order, each option from ``choices`` at most a few times."""
    pairs = [st.tuples(st.just(name), values) for name, values in choices.items()]
    return st.lists(st.one_of(*pairs), max_size=7).map(lambda ps: [x for p in ps for x in p])


log_args = _options(
    **{
        "--pain": scale,
        "--where": sites,
        "--trigger": st.sampled_from(["bending", "standing", "x"]) | noise,
        "--quality": st.sampled_from(["aching", "sharp", "fuzzy"]) | noise,
        "--therapy": therapies,
        "--med": st.sampled_from(["ibuprofen 400 mg", "prescription-pain-medication=tramadol 50 mg", "", "heat=x"])
        | noise,
        "--note": noise,
        "--at": moments,
        "--by": noise,
    }
)
checkin_args = _options(
    **{
        "--pain": scale,
        "--enjoyment": scale,
        "--activity": scale,
        "--sleep": scale,
        "--mood": scale,
        "--note": noise,
        "--day": st.sampled_from(["today", "yesterday", "2026-11-01", "2099-01-01", "monday"]) | noise,
    }
)
event_args = st.tuples(
    st.sampled_from(["fall", "fracture", "procedure", "imaging", "dxa", "appointment", "party"]),
    _options(
        **{
            "--at": moments,
            "--site": st.sampled_from(["mid-back", "hip-left", "moon"]) | noise,
            "--level": st.sampled_from(["T8", "L5", "C9", "t8"]) | noise,
            "--procedure": st.sampled_from(["kyphoplasty", "vertebroplasty", "surgery"]),
            "--t-score": st.sampled_from(["-2.7", "abc", "-12", "3"]) | noise,
            "--dxa-site": st.sampled_from(["lumbar-spine", "hip", "total-hip"]),
            "--note": noise,
        }
    ),
).map(lambda t: [t[0], *t[1]])


@FUZZ
@given(args=log_args, extra=st.lists(noise, max_size=1))
def test_fuzz_log(diary_path, args, extra):
    _run(diary_path, ["log", *args, *extra])


@FUZZ
@given(args=checkin_args)
def test_fuzz_checkin(diary_path, args):
    _run(diary_path, ["checkin", *args])


@FUZZ
@given(args=event_args)
def test_fuzz_event(diary_path, args):
    _run(diary_path, ["event", *args])


# -- the whole command line: every command and option --------------------------

# Left out, with the reason: demo writes a whole diary of years (seconds each; its refusals are in
# test_cli_process), breathe paces breaths in real time (its options are fuzzed in test_breathe_cli).
NOT_FUZZED = {"demo", "breathe"}
# The report is fuzzed as HTML and Markdown: a PDF takes seconds (it is laid out in test_report).
SLOW_CHOICES = {("report", "--format"): ["pdf"]}
# Per command: never a hang, nor minutes on one line (a refusal is immediate; the slowest success, an
# import or a report, takes well under a second on this diary).
TIME_LIMIT_S = 30


def _leaves(group, words=()):
    """Every command under ``group``, as (its words, the command)."""
    import click

    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from _leaves(command, (*words, name))
        elif name not in NOT_FUZZED:
            yield (*words, name), command


COMMANDS = list(_leaves(cli))
control = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00", max_codepoint=0x9F),
                  min_size=1, max_size=6)
odd_values = st.one_of(
    noise,
    control,
    st.dates().map(date.isoformat),  # year 1 to 9999
    st.datetimes(timezones=st.sampled_from([timezone.utc, timezone(timedelta(hours=14)),
                                            timezone(timedelta(hours=-12))])).map(datetime.isoformat),
    st.integers(-(10**40), 10**40).map(str),
    st.integers(1, 6000).map(lambda n: "9" * n),
    st.builds(lambda n, unit: f"{n} {unit} ago", st.integers(0, 10**12), st.sampled_from(["min", "h", "days", "d"])),
    st.sampled_from(["now", "today", "yesterday", "all", "3m", "1y", "9999y", "0d", "nan", "inf", "-0", "1e400",
                     "lower-back", "heat", "me", "-", "..", "/", "fall", "dxa", "alendronate", "T8"]),
)


@st.composite
def command_lines(draw):
    """A command with some of its options and arguments, each a valid choice or an odd value."""
    import click

    words, command = draw(st.sampled_from(COMMANDS))
    args = list(words)
    for param in command.params:
        if param.name in ("help",) or not draw(st.booleans()):
            if isinstance(param, click.Argument) and param.required:
                args.append(draw(odd_values))
            continue
        if isinstance(param, click.Option) and param.is_flag:
            args.append(param.opts[0])
            continue
        if isinstance(param.type, click.Choice):
            slow = SLOW_CHOICES.get((words[-1], param.opts[0] if param.opts else ""), [])
            value = draw(st.sampled_from([c for c in param.type.choices if c not in slow]) | noise)
        else:
            value = draw(odd_values)
        if isinstance(param, click.Option):
            args.append(param.opts[0])
        args.append(value)
    return args


@FUZZ
@given(args=command_lines())
def test_fuzz_every_command(diary_path, args):
    import tempfile
    import time

    here = os.getcwd()
    with tempfile.TemporaryDirectory() as folder:  # files an export or a report writes land in a fresh folder
        os.chdir(folder)
        try:
            start = time.monotonic()
            _run(diary_path, args)
            assert time.monotonic() - start < TIME_LIMIT_S, f"{args!r} took {time.monotonic() - start:.0f} s"
        finally:
            os.chdir(here)


# -- import files -------------------------------------------------------------

def _nested(depth: int):
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-20, 200) | st.floats() | noise
    | st.integers(-(10**80), 10**80) | st.integers(1, 300).map(_nested)
    | st.datetimes(timezones=st.just(timezone(timedelta(hours=14)))).map(datetime.isoformat)
    | st.sampled_from(["", "x", "Ann\x00Lee", "0001-01-01T00:00+14:00", "9999-12-31T23:59-12:00"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(noise, inner, max_size=3),
    max_leaves=6,
)


def _paths(node, prefix=()):
    """Every place in a JSON document: (path to it) for dict keys and list items."""
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, prefix + (i,))


@st.composite
def mangled_documents(draw, document):
    """A valid export with a few places replaced, deleted or duplicated."""
    doc = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(doc) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "delete", "duplicate"]))
        if action == "replace":
            parent[path[-1]] = draw(json_values)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
    return doc


@st.composite
def mangled_bytes(draw, data: bytes):
    """The file's bytes cut short, or with a few bytes changed."""
    data = bytearray(data)
    if draw(st.booleans()):
        return bytes(data[: draw(st.integers(0, len(data)))])
    for _ in range(draw(st.integers(1, 4))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


@pytest.fixture(scope="module")
def exports(diary_path, tmp_path_factory) -> dict:
    """The diary's own JSON export and CSV zip, as made by `osteotrack export` (with new ids, to import)."""
    folder = tmp_path_factory.mktemp("exports")
    source = folder / "source.db"
    with Diary.open(source) as diary:
        diary.add_profile("Ann")
        for i in range(3):
            diary.profile("Ann").add_entry(
                Entry(
                    at=datetime(2026, 4, 1 + i, 9, tzinfo=TZ),
                    pain=i + 3,
                    sites=[Site("lower-back", 5)],
                    therapies=[TherapyUse("heat", 50)],
                    note=f"day {i}; fine",
                )
            )
        active(diary).add_event(
            Event(kind="dxa", at=datetime(2026, 2, 1, 10, tzinfo=TZ), t_score=-2.5, dxa_site="lumbar-spine")
        )
    runner = CliRunner()
    runner.invoke(cli, ["--db", str(source), "export", "-o", str(folder / "e.json")], catch_exceptions=False)
    runner.invoke(
        cli, ["--db", str(source), "export", "--format", "csv", "-o", str(folder / "e.zip")], catch_exceptions=False
    )
    with zipfile.ZipFile(folder / "e.zip") as archive:
        tables = {name: archive.read(name).decode() for name in archive.namelist()}
    return Exports(
        json=json.loads((folder / "e.json").read_text()),
        json_bytes=(folder / "e.json").read_bytes(),
        zip_bytes=(folder / "e.zip").read_bytes(),
        tables=tables,
    )


class Exports(dict):
    """The export files, shown briefly when hypothesis reports a failing example."""

    def __repr__(self) -> str:
        return "<the export files>"


def _import(diary_path: Path, folder: Path, name: str, data: bytes) -> int:
    path = folder / name
    path.write_bytes(data)
    return _run(diary_path, ["import", str(path)])


@FUZZ
@given(data=st.data())
def test_fuzz_import_json_documents(diary_path, exports, tmp_path, data):
    document = data.draw(mangled_documents(exports["json"]))
    _import(diary_path, tmp_path, "mangled.json", json.dumps(document).encode())


@FUZZ
@given(data=st.data())
def test_fuzz_import_json_bytes(diary_path, exports, tmp_path, data):
    _import(diary_path, tmp_path, "mangled.json", data.draw(mangled_bytes(exports["json_bytes"])))


@st.composite
def mangled_tables(draw, tables: dict) -> dict:
    """The CSV files with cells replaced, columns dropped or rows cut."""
    out = {}
    for name, text in tables.items():
        rows = list(csv.reader(io.StringIO(text)))
        for _ in range(draw(st.integers(0, 3))):
            if not rows:
                break
            r = draw(st.integers(0, len(rows) - 1))
            if not rows[r]:
                continue
            c = draw(st.integers(0, len(rows[r]) - 1))
            action = draw(st.sampled_from(["cell", "cell", "drop-column", "cut-row"]))
            if action == "cell":
                rows[r][c] = draw(noise | st.sampled_from(["11", "-1", "", "2099-01-01", "lower-back:x", "yes", "no"]))
            elif action == "drop-column":
                rows = [row[:c] + row[c + 1 :] for row in rows]
            else:
                rows[r] = rows[r][:c]
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        out[name] = buffer.getvalue()
    return out


@FUZZ
@given(data=st.data())
def test_fuzz_import_csv_zip(diary_path, exports, tmp_path, data):
    tables = data.draw(mangled_tables(exports["tables"]))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in tables.items():
            if data.draw(st.integers(0, 9)):  # now and then a table goes missing
                archive.writestr(name, text)
    _import(diary_path, tmp_path, "mangled.zip", buffer.getvalue())


@FUZZ
@given(data=st.data())
def test_fuzz_import_entries_csv_and_zip_bytes(diary_path, exports, tmp_path, data):
    if data.draw(st.booleans()):
        text = data.draw(mangled_tables({"entries.csv": exports["tables"]["entries.csv"]}))["entries.csv"]
        _import(diary_path, tmp_path, "entries.csv", text.encode())
    else:
        _import(diary_path, tmp_path, "mangled.zip", data.draw(mangled_bytes(exports["zip_bytes"])))

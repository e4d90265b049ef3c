"""The quick path: ``osteotrack log`` without loading click.

A patient logs several times a day; PRODUCT.md asks that ``osteotrack log``
take at most twice a bare SQLite insert, and importing click alone costs more
than that. So ``main()`` reads a plain ``[--db/--profile/--read-only] log
[options]`` command line here, and hands anything else (help, an unknown or
incomplete option) to click, which handles it as usual. Both paths store the
entry through ``log_entry``, so they behave the same.
"""

from __future__ import annotations

import gc
import sys

# Option → (parameter, repeatable). They mirror the click commands exactly
# (tests/unit/test_quick_path.py checks it); any other option goes to click.
GLOBAL_OPTIONS = {"--db": ("db", False), "--profile": ("profile", False), "--lang": ("lang", False)}
GLOBAL_FLAGS = {"--read-only": "read_only"}
LOG_OPTIONS = {
    "--pain": ("pain", False),
    "--where": ("sites", True),
    "--quality": ("qualities", True),
    "--trigger": ("triggers", True),
    "--therapy": ("therapies", True),
    "--med": ("meds", True),
    "--note": ("note", False),
    "--by": ("entered_by", False),
    "--at": ("at", False),
    "--profile": ("profile", False),  # also accepted after the command, as on every data command
    "--lang": ("lang", False),  # likewise
}
LOG_FLAGS = {"--doctor": "doctor", "--read-only": "read_only"}
LIST_OPTIONS = {
    "--since": ("since", False),
    "--until": ("until", False),
    "--kind": ("kind", False),
    "--format": ("fmt", False),
    "--limit": ("limit", False),
    "--profile": ("profile", False),
    "--lang": ("lang", False),
}
LIST_FLAGS = {"--read-only": "read_only"}


def parse(argv: list[str]) -> dict | None:
    """The values of a plain ``log`` command line, or None when click should read it."""
    values: dict = {"db": None, "profile": None, "read_only": False, "sites": [], "qualities": [],
                    "triggers": [], "therapies": [], "meds": [], "note": "", "doctor": False,
                    "entered_by": None, "at": "now", "pain": None, "lang": None}
    i = _options(argv, 0, GLOBAL_OPTIONS, GLOBAL_FLAGS, values)
    if i is None or i >= len(argv) or argv[i] != "log":
        return None
    if _options(argv, i + 1, LOG_OPTIONS, LOG_FLAGS, values) != len(argv) or values["pain"] is None:
        return None
    return values


def parse_list(argv: list[str]) -> dict | None:
    """The values of a plain ``list --format json`` of entries (what scripts run), or None when click should
    read the command line: any other kind or format, a limit that is not a plain whole number from 1."""
    values: dict = {"db": None, "profile": None, "read_only": False, "lang": None, "since": None, "until": None,
                    "kind": "entries", "fmt": "table", "limit": None}
    i = _options(argv, 0, GLOBAL_OPTIONS, GLOBAL_FLAGS, values)
    if i is None or i >= len(argv) or argv[i] != "list":
        return None
    if _options(argv, i + 1, LIST_OPTIONS, LIST_FLAGS, values) != len(argv):
        return None
    limit = values["limit"]
    if values.pop("kind") != "entries" or values.pop("fmt") != "json":
        return None
    if limit is not None:
        if not (limit.isascii() and limit.isdigit() and int(limit) >= 1):
            return None
        values["limit"] = int(limit)
    return values


def _options(argv: list[str], i: int, options: dict, flags: dict, values: dict) -> int | None:
    """Read options from ``argv[i:]`` up to the first other word; None if any is unusual."""
    while i < len(argv) and argv[i].startswith("-"):
        name, eq, inline = argv[i].partition("=")
        if name in flags and not eq:
            values[flags[name]] = True
            i += 1
            continue
        if name not in options:
            return None
        if eq:
            value, i = inline, i + 1
        elif i + 1 < len(argv) and not argv[i + 1].startswith("-"):
            value, i = argv[i + 1], i + 2
        else:
            return None  # a missing value, or one click may read differently
        key, repeatable = options[name]
        if repeatable:
            values[key].append(value)
        else:
            values[key] = value
    return i


def log_entry(person, pain: str, sites=(), qualities=(), triggers=(), therapies=(),
              meds=(), note: str = "", doctor: bool = False, entered_by: str | None = None,
              at: str = "now") -> str:
    """Read, validate and store one pain entry given as command-line text; return the confirming line."""
    from osteotrack.domain.describe import entry_summary
    from osteotrack.domain.records import Entry
    from osteotrack.domain.validate import attach_medication, check_scale, parse_site, parse_therapy
    from osteotrack.domain.when import parse_when

    vocab = person.vocabulary()
    pain_value = check_scale(pain)
    uses = [parse_therapy(t, vocab) for t in therapies]
    for med in meds:
        uses = attach_medication(uses, med)
    entry = Entry(
        at=parse_when(at),
        pain=pain_value,
        sites=[parse_site(s, vocab, default_intensity=pain_value) for s in sites],
        qualities=list(qualities),
        triggers=list(triggers),
        therapies=uses,
        note=note,
        for_doctor=doctor,
        entered_by=entered_by,
    )
    stored = person.add_entry(entry)
    from osteotrack.i18n import _

    return _("Logged {entry} (id {id}).").format(entry=entry_summary(stored, vocab), id=stored.id[:8])


def run(argv: list[str]) -> int | None:
    """Log from a plain ``log`` command line, list every entry as JSON from a plain ``list --format json``, or
    open the app from a command line of global options only, and return the exit status; None: let click
    handle it."""
    values = parse(argv)
    if values is None:
        listing = parse_list(argv)
        return open_app(argv) if listing is None else list_json(listing)
    # A log is one short process that makes few objects: the cycle collector, run again and again by the
    # imports' allocations, would find nothing to free (a fortieth of the log's work).
    gc.disable()
    if not _speaking(values.pop("lang")):
        return None
    from osteotrack.store.diary import Diary

    path = _diary_path(values.pop("db"))

    def log() -> None:
        with Diary.open(path, read_only=values.pop("read_only")) as diary:
            profile = values.pop("profile")
            sys.stdout.write(log_entry(diary.profile(profile or diary.active_profile()), **values) + "\n")

    return _said(path, log)


def list_json(values: dict) -> int | None:
    """``list --format json`` of entries without loading click (scripts run it, on diaries of any length),
    as click's ``list`` writes it; None: let click say what it cannot read (a day, a language)."""
    if not _speaking(values.pop("lang")):
        return None
    from osteotrack.domain.errors import DiaryError
    from osteotrack.domain.when import parse_day

    try:
        since, until = (None if values[key] is None else parse_day(values[key]) for key in ("since", "until"))
    except DiaryError:
        return None
    if since and until and since > until:
        return None  # click's list refuses it in its own words
    from osteotrack.store.diary import Diary

    path = _diary_path(values["db"])
    gone = False

    def write() -> None:
        nonlocal gone
        with Diary.open(path, read_only=values["read_only"]) as diary:
            if diary.read_only_notice is not None:  # as click's session says it: once, on stderr
                sys.stderr.write(f"osteotrack: {diary.read_only_notice}\n")
            person = diary.profile(values["profile"] or diary.active_profile())
            try:
                write_entries_json(person, since, until, values["limit"])
            except BrokenPipeError:  # the reader of standard output has gone (`| head`)
                gone = True

    status = _said(path, write)
    if gone:  # end quietly with status 1, as click does: what is left to write goes nowhere
        sys.stdout = _Gone(sys.stdout)
        return 1
    return status


class _Gone:
    """Standard output once its reader has gone: flushing it at exit says nothing (as click's wrapper does)."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            pass

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def write_entries_json(person, since, until, limit: int | None) -> None:
    """The person's entries between two days (at most ``limit``), newest first, as JSON on standard output,
    straight from the stored rows and each written as it is read: the text the per-entry encoding writes of
    their records, without making them (a long diary is listed several times quicker)."""
    from osteotrack.domain import entry_json

    entry_json.write(sys.stdout.write, person.entry_rows(since, until, limit))
    sys.stdout.write("\n")
    sys.stdout.flush()


def _said(path, action) -> int:
    """Run ``action`` on the diary at ``path``: 0, or one sentence on stderr and 2 when it is refused or unusable."""
    from osteotrack.domain.errors import DiaryError
    from osteotrack.store.connection import StoreFailure, explain

    try:
        action()
    except DiaryError as error:
        say_error(str(error))
        return 2
    except StoreFailure as error:
        say_error(str(explain(path, error)))
        return 2
    except OSError as error:  # as the click group says it: the file named, no traceback
        reason = (error.strerror or str(error)).lower()
        say_error(str(DiaryError("file.unusable", field="file", path=error.filename, reason=reason)
                      if error.filename else DiaryError("file.unusable_unnamed", field="file", reason=reason)))
        return 2
    return 0


def open_app(argv: list[str]) -> int | None:
    """``osteotrack [--db PATH] [--profile NAME] [--read-only] [--lang CODE]``: open the app without
    loading click and every command (a third of a bare Textual app's start-up); None: let click read it."""
    from types import SimpleNamespace

    values: dict = {"db": None, "profile": None, "read_only": False, "lang": None}
    if _options(argv, 0, GLOBAL_OPTIONS, GLOBAL_FLAGS, values) != len(argv):
        return None
    if not _speaking(values["lang"]):
        return None
    from pathlib import Path

    from osteotrack.cli.app import open_app as open_on

    path = Path(_diary_path(values["db"] or None))
    return _said(path, lambda: open_on(SimpleNamespace(path=path, profile=values["profile"],
                                                        read_only=values["read_only"])))


def _speaking(lang: str | None) -> bool:
    """Speak ``lang`` from now on, when one is given; False when it names no language we have (click then says
    which there are)."""
    if lang is None:
        return True
    from osteotrack import i18n

    if i18n.normalize(lang) is None:
        return False
    i18n.choose(lang)
    return True


def _diary_path(given: str | None):
    """The diary ``--db`` names, else the default one (platformdirs is loaded only then)."""
    if given is not None:
        return given
    from osteotrack.store.files import default_db_path

    return default_db_path()


def say_error(message: str) -> None:
    """Write ``osteotrack: <message>`` on stderr as one line, whatever control characters the input held."""
    line = "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)
    sys.stderr.write(f"osteotrack: {line}\n")

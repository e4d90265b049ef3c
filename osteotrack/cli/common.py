"""What every subcommand shares: the diary it works on, and one way to fail.

Kept light on purpose: ``osteotrack log`` imports this and nothing heavier.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import click

from osteotrack.cli import click_words
from osteotrack.domain.errors import DiaryError
from osteotrack.i18n import N_, _, lazy

click_words.speak()


class CliError(click.ClickException):
    """One clear sentence on stderr and exit status 2.

    Like a ``DiaryError`` it carries a code (a key of ``messages.MESSAGES``), the field
    it is about and its parameters; its message is the code's sentence.
    """

    exit_code = 2

    def __init__(self, code: str, field: str | None = None, **params):
        from osteotrack.domain.messages import render

        self.code, self.field, self.params = code, field, params
        super().__init__(render(code, params))

    @classmethod
    def from_error(cls, error: DiaryError) -> CliError:
        """The command line's way to say ``error``: the same code, field and parameters."""
        return cls(error.code, error.field, **error.params)

    def show(self, file=None) -> None:
        from osteotrack.cli.quick import say_error

        say_error(self.message)


def _set_on_session(ctx: click.Context, param: click.Parameter, value) -> None:
    session = ctx.find_object(Session)
    if value and session is not None:  # None only while the shell completes a command line
        setattr(session, param.name, value)


def set_language(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """``--lang CODE``: speak that language from now on (before the command's other options are read)."""
    if value is None:
        return
    from osteotrack import i18n

    try:
        i18n.choose(value)
    except i18n.UnknownLanguage:
        known = ", ".join(code for code in i18n.LANGUAGES if code != i18n.PSEUDO)
        raise CliError("lang.unknown", field="lang", lang=value, known=known) from None


# Option help is marked here and translated when the help is written (``Speaking``).
LANG_HELP = N_("Language of what osteotrack says: en, es, de or fr (x-pseudo to test translations). "
               "Default: OSTEOTRACK_LANG, then LANGUAGE, LC_ALL, LC_MESSAGES, LANG.")
READ_ONLY_HELP = N_("Open the diary read-only: nothing can be changed.")
PROFILE_HELP = N_("Whose diary: a profile name. Default: the active one.")


def _early_language(args: list[str]) -> None:
    """Choose the ``--lang`` of ``args`` before any other option is read, so that ``log --help --lang de``
    (where click would write the help before reading --lang) is German too. A bad code is left to ``set_language``."""
    from osteotrack import i18n

    for i, arg in enumerate(args):
        if arg == "--":
            return
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else arg[7:] if arg.startswith("--lang=") else None
        if value is not None and i18n.normalize(value) is not None:
            i18n.choose(value)


@contextmanager
def _in_language(thing, *names: str) -> Iterator[None]:
    """``thing``'s help texts (attributes ``names``) in the language in force for the time of a ``with`` block."""
    before = {name: getattr(thing, name, None) for name in names}
    for name, text in before.items():
        if text:
            setattr(thing, name, _(inspect.cleandoc(str(text))))
    try:
        yield
    finally:
        for name, text in before.items():
            setattr(thing, name, text)


class Speaking:
    """A click command whose help is written in the language in force.

    Click reads a command's help (its docstring) and its options' help when they are declared, before
    ``--lang`` is known; they are looked up in the catalogs here, each time the help is written. The
    docstrings are extracted for the catalogs by ``cli.help_extract``, cleaned as click cleans them.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        _early_language(args)
        return super().parse_args(ctx, args)  # type: ignore[misc]

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_("Usage:") + " ")

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _in_language(self, "help"):
            super().format_help_text(ctx, formatter)  # type: ignore[misc]

    def get_short_help_str(self, limit: int = 45) -> str:
        # The English first paragraph is a message of its own (cli.help_extract): a translation cut at its first
        # sentence could lose its end, and the pseudo-language its closing bracket.
        return _(super().get_short_help_str(limit))  # type: ignore[misc]

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if isinstance(param, click.Argument):
                continue
            with _in_language(param, "help"):
                row = param.get_help_record(ctx)
            if row is not None:
                rows.append(row)
        if rows:
            with formatter.section(_("Options")):
                formatter.write_dl(rows)


class Command(Speaking, click.Command):
    """Every command of osteotrack: its help in the language in force."""


def lang_option() -> click.Option:
    return click.Option(["--lang"], metavar="CODE", expose_value=False, is_eager=True, callback=set_language,
                        help=LANG_HELP)


def _session_options() -> list[click.Option]:
    return [
        lang_option(),
        click.Option(["--profile"], metavar="NAME", expose_value=False, callback=_set_on_session,
                     help=PROFILE_HELP),
        click.Option(["--read-only"], is_flag=True, expose_value=False, callback=_set_on_session,
                     help=READ_ONLY_HELP),
    ]


# Commands about the whole diary file, where a profile or read-only means nothing.
WHOLE_DIARY_COMMANDS = frozenset({"backup", "restore", "overview", "demo"})


class Group(Speaking, click.Group):
    """A click group that turns diary errors into one sentence and exit 2, never a traceback.

    Every command added to it also takes ``--lang``, and (but ``WHOLE_DIARY_COMMANDS``) ``--profile``
    and ``--read-only``, so they can follow the command (``osteotrack list --read-only``) as well as
    come before it. A usage error is one ``osteotrack:`` sentence too, with a hint to ``--help``; a
    closed pipe (``osteotrack vocab | head``) ends quietly. Its help, and its commands', are in the language
    in force (``Speaking``).
    """

    command_class = Command
    group_class = type  # a group's groups are of its own class

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        import sys

        try:
            # click ends quietly (status 1) when the reader of standard output has gone.
            status = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as error:
            from osteotrack.cli.quick import say_error

            where = error.ctx.command_path if error.ctx is not None else "osteotrack"
            # TRANSLATORS: {problem} is click's sentence about a command line it could not read.
            say_error(_("{problem} See '{command} --help'.").format(problem=error.format_message(), command=where))
            sys.exit(2)
        except click.ClickException as error:
            error.show()
            sys.exit(error.exit_code)
        except click.Abort:
            click.echo(_("Aborted."), err=True)
            sys.exit(1)
        sys.exit(status if isinstance(status, int) else 0)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Each command's first sentence whole, wrapped over lines: never cut off mid-sentence.
        rows = [(name, command.get_short_help_str(limit=10_000)) for name in self.list_commands(ctx)
                if (command := self.get_command(ctx, name)) is not None and not command.hidden]
        if rows:
            with formatter.section(_("Commands")):
                formatter.write_dl(rows)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        # A group passes the options on to its commands (`vocab --read-only` runs `vocab list --read-only`).
        if not isinstance(cmd, click.Group):
            taken = {param.name for param in cmd.params}
            offered = [lang_option()] if (name or cmd.name) in WHOLE_DIARY_COMMANDS else _session_options()
            cmd.params.extend(option for option in offered if option.name not in taken)
        super().add_command(cmd, name)

    def invoke(self, ctx):
        from osteotrack.store.connection import StoreFailure, explain

        try:
            return super().invoke(ctx)
        except DiaryError as error:
            raise CliError.from_error(error) from None
        except StoreFailure as error:

            path = ctx.obj.path if isinstance(ctx.obj, Session) else _("the diary")
            raise CliError.from_error(explain(path, error)) from None
        except BrokenPipeError:
            raise  # the reader of standard output has gone (`| head`): click's ``main`` ends quietly
        except OSError as error:  # a file the command reads or writes: name it, no traceback
            reason = (error.strerror or str(error)).lower()
            if error.filename:
                raise CliError("file.unusable", field="file", path=error.filename, reason=reason) from None
            raise CliError("file.unusable_unnamed", field="file", reason=reason) from None


@dataclass
class Session:
    """The diary and profile a command works on, opened on first use."""

    db: Path | None = None
    profile: str | None = None
    read_only: bool = False
    _diary: object = field(default=None, repr=False)

    @property
    def path(self) -> Path:
        from osteotrack.store.files import default_db_path

        return self.db if self.db is not None else default_db_path()

    def diary(self, create: bool = True):
        if self._diary is None:
            from osteotrack.store.diary import Diary

            self._diary = Diary.open(self.path, read_only=self.read_only, create=create)
            notice = self._diary.read_only_notice
            if notice is not None:  # said once, on stderr, away from the command's output
                click.echo(f"osteotrack: {notice}", err=True)
        return self._diary

    def person(self, create: bool = True):
        """The diary seen through the profile this command is about: ``--profile``, else the active one."""
        diary = self.diary(create)
        return diary.profile(self.profile or diary.active_profile())

    def close(self) -> None:
        if self._diary is not None:
            self._diary.close()
            self._diary = None


pass_session = click.make_pass_decorator(Session)


def can_ask() -> bool:
    """Whether a person can answer a question on standard input (else a command needs ``--yes``)."""
    import sys

    return sys.stdin.isatty()


WHEN_HELP = N_("When it happened: ISO date-time, 'yesterday 19:00', 'today 8:30', '2h ago'.")


def when_option(help_text: str = WHEN_HELP):
    # The default is read as "now" in every language; the help shows it in the language in force.
    return click.option("--at", "at", default="now", show_default=lazy("now"), help=help_text)


class _Unseen:
    """The progress bar where nobody sees it (stderr is not a terminal): it does nothing, and Rich, a tenth of
    a second of a short command's start, is not loaded for it."""

    def __enter__(self) -> _Unseen:
        return self

    def __exit__(self, *_exc) -> None:
        return None

    def add_task(self, *_args, **_kwargs) -> int:
        return 0

    def update(self, *_args, **_kwargs) -> None:
        return None


@contextmanager
def no_cycle_collection():
    """Python's collector of reference cycles paused for a block (an import's or a sync's). Reading a file
    holds its whole document, a million objects for ten years and none of them in a cycle (each is freed
    when no longer used), that every pass of the collector would walk again: a sixth of an import's time."""
    import gc

    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def progress_bar():
    """A Rich progress bar on stderr, away from printed results; silent when stderr is not a terminal."""
    if not sys.stderr.isatty():
        return _Unseen()
    from rich.console import Console
    from rich.progress import Progress

    console = Console(stderr=True)
    return Progress(transient=True, console=console, disable=not console.is_terminal)


def day_option(name: str, help_text: str):
    return click.option(name, default=None, metavar="DATE", help=help_text)


def parse_day_option(value: str | None):
    """A --since/--until value as a date, or None."""
    if value is None:
        return None
    from osteotrack.domain.when import parse_day

    return parse_day(value)

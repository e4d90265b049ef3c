"""The click group: ``osteotrack`` opens the app, subcommands do the rest.

Subcommands that only read or write data never import Textual: each command
module imports what it needs inside its functions. A command module is imported
only when one of its commands is run (``--help`` lists them all, and imports
them all). Add a command module to ``MODULES`` (one line: its name and its
commands' names).
"""

from __future__ import annotations

from pathlib import Path

import click

from osteotrack import __version__
from osteotrack.cli.common import LANG_HELP, PROFILE_HELP, READ_ONLY_HELP, Group, Session, set_language
from osteotrack.i18n import N_


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``--version``: the program and its version, in the language ``--lang`` (read first) chose."""
    if not value or ctx.resilient_parsing:
        return
    from osteotrack.i18n import _

    # TRANSLATORS: what --version says: "osteotrack, version 0.9.0".
    click.echo(_("{program}, version {version}").format(program="osteotrack", version=__version__))
    ctx.exit()


@click.group(cls=Group, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", type=click.Path(path_type=Path), envvar="OSTEOTRACK_DB", default=None,
              help=N_("Diary file to use (also OSTEOTRACK_DB). Default: the platform's user data folder."))
@click.option("--profile", default=None, metavar="NAME", help=PROFILE_HELP)
@click.option("--read-only", is_flag=True, help=READ_ONLY_HELP)
@click.option("--lang", metavar="CODE", expose_value=False, is_eager=True, callback=set_language, help=LANG_HELP)
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_show_version,
              help=N_("Show the version and exit."))
@click.pass_context
def cli(ctx: click.Context, db: Path | None, profile: str | None, read_only: bool) -> None:
    """osteotrack: a private, offline pain diary for osteoporosis.

    Run without a command to open the app. Every action is also a command.
    """
    session = Session(db=db, profile=profile, read_only=read_only)
    ctx.obj = session
    ctx.call_on_close(session.close)
    if ctx.invoked_subcommand is None:
        from osteotrack.cli.app import open_app

        open_app(session)


# Each command module and the names of its commands (tests/functional/test_cli_lazy.py checks they match).
MODULES = {
    "entries": ("log", "list"),
    "edit": ("entry",),
    "records": ("checkin", "event", "question"),
    "transfer": ("export", "import"),
    "vocab": ("vocab",),
    "demo": ("demo",),
    "trends": ("trends",),
    "report": ("report",),
    "profiles": ("profile",),
    "overview": ("overview",),
    "remind": ("remind",),
    "backup": ("backup", "restore"),
    "breathe": ("breathe",),
    "bone": ("treatment", "dose", "height", "falls-check", "impression", "side-effect"),
    "sync": ("sync",),
}


class LazyCommands(dict):
    """The group's commands by name, each module imported when one of its commands is first looked up.

    Names alone (``list_commands``, ``in``) need no import; a command, or all of them (``items()``,
    ``values()``), import the modules that hold them.
    """

    def __init__(self, group: click.Group, modules: dict[str, tuple[str, ...]]) -> None:
        super().__init__()
        self._group = group
        self._pending = {name: module for module, names in modules.items() for name in names}

    def _load(self, name) -> None:
        module = self._pending.get(name)
        if module is None:
            return
        import importlib

        for command in importlib.import_module(f"osteotrack.cli.{module}").COMMANDS:
            self._pending.pop(command.name, None)
            self._group.add_command(command)
        self._pending = {n: m for n, m in self._pending.items() if m != module}

    def _load_all(self) -> None:
        while self._pending:
            self._load(next(iter(self._pending)))

    def get(self, name, default=None):
        self._load(name)
        return super().get(name, default)

    def __getitem__(self, name):
        self._load(name)
        return super().__getitem__(name)

    def __contains__(self, name) -> bool:
        return name in self._pending or super().__contains__(name)

    def __iter__(self):
        return iter(self.keys())

    def __len__(self) -> int:
        return len(self.keys())

    def keys(self):
        return [*super().keys(), *(n for n in self._pending if not dict.__contains__(self, n))]

    def values(self):
        self._load_all()
        return super().values()

    def items(self):
        self._load_all()
        return super().items()


cli.commands = LazyCommands(cli, MODULES)

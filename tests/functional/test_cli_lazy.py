"""The click group imports a command's module only when that command runs; ``--help`` still lists every one."""

import importlib
import subprocess
import sys

from click.testing import CliRunner

from osteotrack.cli.group import MODULES
from tests.conftest import ROOT


def test_the_table_names_exactly_the_commands_of_each_module():
    for module, names in MODULES.items():
        commands = importlib.import_module(f"osteotrack.cli.{module}").COMMANDS
        assert tuple(command.name for command in commands) == names, module


def test_a_data_command_imports_no_other_command_module(db_path):
    from osteotrack.store import Diary

    Diary.open(db_path).close()
    code = ("import sys; from osteotrack.cli import main; "
            f"sys.argv = ['osteotrack', '--db', {str(db_path)!r}, 'list', '--format', 'csv']\n"
            "try:\n    main()\nexcept SystemExit as done:\n    assert done.code == 0, done.code\n"
            "print(sorted(m.rpartition('.')[2] for m in sys.modules if m.rpartition('.')[0] == 'osteotrack.cli' "
            f"and m.rpartition('.')[2] in {sorted(MODULES)!r}), file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": ""})
    # (`list --format json` of entries takes the quick path, which loads no command module at all.)
    assert out.returncode == 0 and out.stdout == "", out.stderr  # no entries: no CSV lines
    assert out.stderr.strip() == "['entries']"


def test_help_lists_every_command_and_each_command_its_own_help():
    from osteotrack.cli import cli

    shown = CliRunner().invoke(cli, ["--help"]).output
    every = [name for names in MODULES.values() for name in names]
    assert all(f"\n  {name} " in shown for name in every), shown
    assert len(every) == 25 and len(cli.commands) == 25  # 2+1+3+2+1+1+1+1+1+1+1+2+1+6+1 over 15 modules
    listed = CliRunner().invoke(cli, ["list", "--help"])
    assert listed.exit_code == 0 and "--format [table|json|csv]" in listed.output

"""The architecture, written down in pyproject.toml and checked: import-linter's contracts hold."""

import os
import subprocess
import sys

from tests.conftest import ROOT


def test_import_contracts_hold():
    code = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_data_commands_do_not_import_textual_or_heavy_libraries():
    # `osteotrack log` runs on every quick log: it must not pay for the TUI or the report.
    code = (
        "import sys; from osteotrack.cli import cli; "
        "print(sorted(m for m in ('textual', 'matplotlib', 'fpdf', 'numpy', 'sqlite_utils', 'rich', 'openpyxl') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_only_the_sheet_import_loads_openpyxl(tmp_path):
    # openpyxl is for `import --from sheet` with an .xlsx file: logging and listing never pay for it.
    code = (
        "import sys; from click.testing import CliRunner; from osteotrack.cli import cli; "
        "db = sys.argv[1]; "
        "r = CliRunner().invoke(cli, ['--db', db, 'log', '--pain', '4', '--where', 'neck:4']); assert r.exit_code == "
        "0; "
        "r = CliRunner().invoke(cli, ['--db', db, 'list']); assert r.exit_code == 0; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('openpyxl', 'textual')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "d.db")], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def _source_outside_the_store():
    package = ROOT / "osteotrack"
    for path in sorted(package.rglob("*.py")):
        if (package / "store") not in path.parents:
            yield path, path.read_text(encoding="utf-8")


def test_only_the_store_touches_a_connection_or_writes_sql():
    # A schema change touches store/ only: nothing else holds the connection or names a table.
    import re

    connection = re.compile(r"\.(_?conn|_db)\b|\bexecute(many)?\(")
    sql = re.compile(r"\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|CREATE TABLE|PRAGMA)\b\s+\S")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path, text in _source_outside_the_store()
        for number, line in enumerate(text.splitlines(), 1)
        if connection.search(line) or sql.search(line)
    ]
    assert offenders == []


def test_no_store_method_falls_back_to_the_active_profile():
    # The person is part of the object called: a ProfileDiary, never a profile_id=None meaning "whoever is active".
    import inspect

    from osteotrack.store import Diary, ProfileDiary

    for cls in (Diary, ProfileDiary):
        for name, member in inspect.getmembers(cls, inspect.isfunction):
            params = inspect.signature(member).parameters
            assert "profile_id" not in params or params["profile_id"].default is inspect.Parameter.empty, (
                f"{cls.__name__}.{name}"
            )

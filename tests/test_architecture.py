"""The architecture, written down in pyproject.toml and checked: import-linter's contracts hold."""

import os
import subprocess
import sys

from tests.conftest import ROOT


def test_import_contracts_hold():
    code = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_data_commands_do_not_import_textual_or_heavy_libraries():
    # `osteotrack log` runs on every quick log: it must not pay for the TUI or the report.
    code = (
        "import sys; from osteotrack.cli import cli; "
        "print(sorted(m for m in ('textual', 'matplotlib', 'fpdf', 'numpy', 'sqlite_utils', 'rich') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

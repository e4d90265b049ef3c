"""The command line: ``osteotrack`` opens the app, subcommands do the rest.

This package's ``__init__`` stays free of click: ``main()`` first offers the
command line to the quick ``log`` path (``cli.quick``), and only loads the
click group (``cli.group``) for everything else.
"""

from __future__ import annotations

import gc
import os
import sys


def main() -> None:
    """Console-script entry point."""
    # Health data: everything this process creates is readable by its owner only.
    os.umask(0o077)
    from osteotrack.cli.quick import run

    try:
        status = run(sys.argv[1:])
        if status is None:
            from osteotrack.cli.group import cli

            cli.main(prog_name="osteotrack")  # exits with the command's status
    finally:
        # The process ends here, and nothing it made needs a finaliser to run (files and the diary are
        # closed explicitly): the collector's last rounds as the interpreter exits would walk every
        # object of every module loaded (2–6 % of a log's or a report's work) to free nothing of use.
        gc.freeze()
    sys.exit(status)


def __getattr__(name: str):
    # ``from osteotrack.cli import cli`` keeps working without loading click for ``main``.
    if name == "cli":
        from osteotrack.cli.group import cli

        return cli
    raise AttributeError(name)

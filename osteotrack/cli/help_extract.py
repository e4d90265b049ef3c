"""Babel's extraction of the command line's messages: those marked in the code, and each command's help.

A click command's help is its function's docstring, which no ``_()`` marks. This extraction
method (``scripts/catalogs`` and ``babel.cfg`` use it for ``osteotrack/cli/``) yields Babel's
usual messages plus the docstring of every function decorated with ``….command(…)`` or
``….group(…)``, cleaned as click cleans it (``inspect.cleandoc``), and its first paragraph, the
short help ``osteotrack --help`` lists: the messages the help is looked up by when it is shown
(``cli.common.Speaking``).
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Iterator
from typing import Any

DECORATORS = {"command", "group"}
COMMENT = ("The help of a command of osteotrack's command line: keep the command lines given as examples, "
           "and the lines marked \\b, as they are (only their words after # may be translated).")


def docstrings(source: str) -> Iterator[tuple[int, str]]:
    """(line, cleaned docstring) of every click command or group defined in ``source``."""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        called = [d.func for d in node.decorator_list if isinstance(d, ast.Call)]
        names = {f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None) for f in called}
        doc = ast.get_docstring(node, clean=False)
        if names & DECORATORS and doc:
            yield node.lineno, inspect.cleandoc(doc)
            yield node.lineno, short_help(inspect.cleandoc(doc))


def short_help(text: str) -> str:
    """The help of a command as a group's list of commands shows it: its first paragraph, whole."""
    from click.core import _make_default_short_help

    return _make_default_short_help(text, 10_000)


def extract(fileobj, keywords, comment_tags, options) -> Iterator[tuple[int, Any, Any, Any]]:
    """A Babel extraction method: ``extract_python``'s messages, then the commands' docstrings."""
    from babel.messages.extract import extract_python

    data = fileobj.read()
    import io

    yield from extract_python(io.BytesIO(data), keywords, comment_tags, options)
    for line, text in docstrings(data.decode(options.get("encoding", "utf-8"))):
        yield line, None, text, [COMMENT]

"""Write osteotrack/store/fresh_schema.py again from the schema steps: the schema a new diary is made in at once.

    python scripts/write_fresh_schema.py

Run it after adding a schema step (tests/unit/test_fresh_schema.py fails until then): it applies every step of
``osteotrack.store.schema.STEPS`` to a new database in memory, one by one, and writes down the tables, indexes
and triggers they leave, as SQLite keeps them, in its order.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from osteotrack.store import schema  # noqa: E402  (the checkout's own, not an installed one)
from osteotrack.store.connection import stepwise_schema  # noqa: E402

TARGET = ROOT / "osteotrack" / "store" / "fresh_schema.py"

HEAD = '''\
# ruff: noqa: E501
"""The schema a new diary is made in at once (``connection.make_new``): the tables, indexes and triggers that
the schema steps ``STEPS`` leave in a new database, as SQLite keeps them, in its order.

Written by scripts/write_fresh_schema.py from the steps themselves, never by hand: run it after adding a step.
tests/unit/test_fresh_schema.py makes a new diary both ways and compares them.
"""
'''


def literal(text: str) -> str:
    """``text`` as a Python string literal: triple-quoted where it reads as it is, else as repr() writes it."""
    plain = '"""' not in text and "\\" not in text and not text.endswith('"')
    return f'    """{text}""",' if plain else f"    {text!r},"


def main() -> None:
    statements = stepwise_schema(schema.MIGRATION_SET, schema.STEPS)
    lines = [HEAD, "STEPS = (", *(f'    "{step.__name__}",' for step in schema.STEPS), ")", "",
             "SCHEMA = (", *(literal(statement) for statement in statements), ")", ""]
    TARGET.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(statements)} statements, {len(schema.STEPS)} steps")


if __name__ == "__main__":
    main()

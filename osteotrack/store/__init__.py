"""Where the diary is kept: one SQLite file per diary.

``Diary`` is the only way in. It keeps a plain ``sqlite3`` connection for the
quick paths (a one-shot ``osteotrack log`` must not pay ~200 ms to import
sqlite-utils and numpy) and wraps it in ``sqlite_utils.Database`` for the
migrations and bulk work.
"""

from osteotrack.store.diary import Diary

__all__ = ["Diary"]

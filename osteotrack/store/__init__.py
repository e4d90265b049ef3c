"""Where the diary is kept: one SQLite file per diary, and the only code that speaks SQL.

``Diary`` opens a file; ``Diary.profile(name)`` gives the ``ProfileDiary`` that the faces
and the analysis work through. It keeps a plain ``sqlite3`` connection for the quick
paths (a one-shot ``osteotrack log`` must not pay ~200 ms to import sqlite-utils and
numpy) and wraps it in ``sqlite_utils.Database`` for the migrations.
"""

from osteotrack.store.diary import Diary
from osteotrack.store.profile_diary import ProfileDiary

__all__ = ["Diary", "ProfileDiary"]

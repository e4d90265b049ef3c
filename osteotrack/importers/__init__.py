"""Bringing history from another app or a spreadsheet: each format's reader, in plain Python.

Every reader turns a file into an ``ImportPlan`` (``importers.plan``): the entries it
would create, the rows it cannot read (with their line and reason), and the names it
does not know. Nothing here opens the diary or speaks SQL; the store writes a plan in
one transaction (``ProfileDiary.import_records``). Readers are imported on demand::

    flaredown   the CSV Flaredown e-mails to a user who asks for their data
    pain-diary  a backup of the Privacy Friendly Pain Diary (Android), as the backup app gives it out
    sheet       the user's own spreadsheet (.csv, or .xlsx through openpyxl)
"""

from __future__ import annotations

SOURCES = ("flaredown", "pain-diary", "sheet")

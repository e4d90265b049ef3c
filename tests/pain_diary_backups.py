"""Backups of the Privacy Friendly Pain Diary, built the way its code writes them (for the import tests).

Sources read (SecUSo repositories on GitHub; the commit each file was read at):
- privacy-friendly-pain-diary @ f612bd70fed767a1637bc159dad16b4e7c1d9cbd
  ``app/src/main/java/org/secuso/privacyfriendlypaindiary/backup/BackupCreator.kt``: one JSON object
  ``{"database": …, "preferences": {…}, "preferences2": {…}}`` through android.util.JsonWriter with
  ``setIndent("")`` (compact);
  ``…/database/PainDiaryDatabase.kt``: VERSION = 2 and MIGRATION_1_2, whose CREATE TABLE statements are
  the ``createSql`` below (tables ``diaryentries``, ``drugs``, ``drugintakes``, ``paindescriptions``, ``users``);
  ``…/database/utils/Converters.kt``: dates as ``yyyy-MM-dd``;
  ``…/database/utils/Utils.java``: body regions as comma-separated numbers, qualities and times as
  comma-separated words, null when none; ``…/entities/enums/*.java``: the numbers and words;
  ``…/backup/BackupRestorer.kt``: the preference keys.
- privacy-friendly-backup-api @ 14ee29f59bc7c3fbaa765cb1be0fcaab4f948b88
  ``BackupAPI/src/main/java/org/secuso/privacyfriendlybackup/api/backup/DatabaseUtil.kt``:
  ``{"version": N, "content": [{"tableName", "createSql", "values": [row, …]}]}``, android_metadata
  left out, integers as numbers, NULL as null.
- privacy-friendly-backup @ 8673948996a9fb22696c8bf94004a7543c6d555f
  ``app/src/main/java/org/secuso/privacyfriendlybackup/data/exporter/DataExporter.kt``: a single export is
  ``{"filename", "packageName", "timestamp", "encrypted", "data"}`` with ``setIndent("  ")``; several go
  in a zip (deflate level 5, comment "PFA Backup Export") named ``PfaBackup_yyyyMMdd'T'HHmmss'Z'.zip``,
  one entry per backup named as the backup (``…/util/BackupDataUtil.kt``:
  ``<package>_yyyy_MM_dd_HHmmss[_encrypted].backup``); ``…/worker/EncryptionWorker.kt``: encrypted data
  is OpenPGP with ASCII armour.
"""

from __future__ import annotations

import copy
import io
import json
import zipfile

PACKAGE = "org.secuso.privacyfriendlypaindiary"

CREATE = {
    "diaryentries": "CREATE TABLE `diaryentries` (`_id` INTEGER NOT NULL,`date` TEXT UNIQUE NOT NULL,"
                    "`painDescription_id` INTEGER NOT NULL,`condition` INTEGER,`notes` TEXT,PRIMARY KEY(`_id`))",
    "drugs": "CREATE TABLE `drugs` (`_id` INTEGER NOT NULL,`name` TEXT NOT NULL,`dose` TEXT,PRIMARY KEY(`_id`))",
    "drugintakes": "CREATE TABLE `drugintakes` (`_id` INTEGER NOT NULL,`morning` INTEGER NOT NULL DEFAULT 0,"
                   "`noon` INTEGER NOT NULL DEFAULT 0,`evening` INTEGER NOT NULL DEFAULT 0,"
                   "`night` INTEGER NOT NULL DEFAULT 0,`drug_id` INTEGER NOT NULL,"
                   "`diaryEntry_id` INTEGER NOT NULL,PRIMARY KEY(`_id`))",
    "paindescriptions": "CREATE TABLE `paindescriptions` (`_id` INTEGER NOT NULL,`painLevel` INTEGER NOT NULL,"
                        "`bodyRegions` TEXT,`painQualities` TEXT,`timesOfPain` TEXT,PRIMARY KEY(`_id`))",
    "users": "CREATE TABLE `users` (`_id` INTEGER NOT NULL,`firstname` TEXT,`lastname` TEXT,`gender` INTEGER,"
             "`dateOfBirth` TEXT,PRIMARY KEY(`_id`))",
}

# Three days of a patient's diary. Body regions (BodyRegion.java): 7 KNEE_RIGHT and 12 CHEST_LEFT on the
# front figure, 23 ABDOMEN_RIGHT_BACK and 34 CHEST_LEFT_BACK on the back one, 15 HEAD, 4 THIGH_LEFT.
DESCRIPTIONS = [
    {"_id": 1, "painLevel": 6, "bodyRegions": "7,12,23,34", "painQualities": "stabbing,dull",
     "timesOfPain": "morning,at night"},
    {"_id": 2, "painLevel": 3, "bodyRegions": "4,15", "painQualities": None, "timesOfPain": "all day"},
    {"_id": 3, "painLevel": 0, "bodyRegions": None, "painQualities": None, "timesOfPain": None},
]
ENTRIES = [
    {"_id": 1, "date": "2024-03-10", "painDescription_id": 1, "condition": 1,
     "notes": "Carried the shopping upstairs, \"never again\".\nSlept badly."},
    {"_id": 2, "date": "2024-03-11", "painDescription_id": 2, "condition": 3, "notes": None},
    {"_id": 3, "date": "2024-03-12", "painDescription_id": 3, "condition": None, "notes": ""},
    {"_id": 4, "date": "2024-03-13", "painDescription_id": 99, "condition": 2, "notes": "lost description"},
]
DRUGS = [
    {"_id": 1, "name": "Ibuprofen", "dose": "400mg"},
    {"_id": 2, "name": "Alendronat", "dose": "70 mg"},
    {"_id": 3, "name": "Paracetamol", "dose": None},
]
INTAKES = [
    {"_id": 1, "morning": 1, "noon": 0, "evening": 1, "night": 0, "drug_id": 1, "diaryEntry_id": 1},
    {"_id": 2, "morning": 1, "noon": 0, "evening": 0, "night": 0, "drug_id": 2, "diaryEntry_id": 1},
    {"_id": 3, "morning": 0, "noon": 0, "evening": 0, "night": 2, "drug_id": 3, "diaryEntry_id": 3},
]
USERS = [{"_id": 1, "firstname": "Ingrid", "lastname": "M.", "gender": 1, "dateOfBirth": "1948-06-02"}]


def backup(entries=None, descriptions=None, drugs=None, intakes=None, users=None) -> dict:
    """The app's backup object (BackupCreator + DatabaseUtil.writeDatabase), a fresh copy each call."""
    tables = [("users", USERS if users is None else users),
              ("drugs", DRUGS if drugs is None else drugs),
              ("diaryentries", ENTRIES if entries is None else entries),
              ("drugintakes", INTAKES if intakes is None else intakes),
              ("paindescriptions", DESCRIPTIONS if descriptions is None else descriptions)]
    return {
        "database": {"version": 2, "content": [
            {"tableName": name, "createSql": CREATE[name], "values": copy.deepcopy(rows)} for name, rows in tables
        ] + [{"tableName": "room_master_table",
              "createSql": "CREATE TABLE room_master_table (id INTEGER PRIMARY KEY,identity_hash TEXT)",
              "values": [{"id": 42, "identity_hash": "5d3c8b1f0e2a4d6c9b7a8e1f2d3c4b5a"}]}]},
        "preferences": {"pref_medication": True, "pref_reminder": False, "pref_reminder_time": 72000000},
        "preferences2": {"IsFirstTimeLaunch": False, "userID": 1},
    }


def raw(document: dict) -> str:
    """As BackupCreator writes it: compact JSON (setIndent(""))."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def wrapped(document: dict, stamp: str = "2024_03_12_101500", timestamp: int = 1710238500000,
            package: str = PACKAGE, encrypted: bool = False, data: str | None = None) -> str:
    """A single export from the backup app (DataExporter.exportData, setIndent("  "))."""
    name = f"{package}_{stamp}{'_encrypted' if encrypted else ''}.backup"
    return json.dumps({"filename": name, "packageName": package, "timestamp": timestamp, "encrypted": encrypted,
                       "data": raw(document) if data is None else data}, ensure_ascii=False, indent=2)


ARMOURED = ("-----BEGIN PGP MESSAGE-----\n\nhQEMA0mV3p6vV7pKAQf/Y2x1c3RlcmVkIGV4YW1wbGUgb25seQ==\n=Ab3x\n"
            "-----END PGP MESSAGE-----\n")


def zipped(*wrappers: str) -> bytes:
    """Several exports in one zip (DataExporter.exportDataZip): entries named by each backup's filename."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=5) as archive:
        archive.comment = b"PFA Backup Export"
        for text in wrappers:
            entry = zipfile.ZipInfo(json.loads(text)["filename"], date_time=(2024, 3, 12, 10, 16, 0))
            archive.writestr(entry, text, compress_type=zipfile.ZIP_DEFLATED, compresslevel=5)
    return out.getvalue()

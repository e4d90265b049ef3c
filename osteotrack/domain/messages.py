"""Every sentence an error can say, by code: the one place an error's text is made.

Templates take named placeholders only, never pieces glued together, so that a
translator sees whole sentences. ``N_`` marks a template for extraction into the
translation catalogs without translating it here; it is translated into the language
in force (``osteotrack.i18n``) when it is rendered.

A parameter may be a ``Phrase`` (a noun phrase from ``PLACES``, such as "row 3 of
entries.csv") or another error (``{cause:inner}`` puts its sentence inside this
one, first letter lowered); both are rendered when the sentence is.
"""

from __future__ import annotations

import string
import warnings
from dataclasses import dataclass, field
from typing import Any

from osteotrack.i18n import N_, _

MESSAGES: dict[str, str] = {
    # -- the diary file (store/diary.py) -------------------------------------
    "diary.read_only": N_("This diary is open read-only; nothing can be changed."),
    "diary.read_only_folder": N_("Reading {path} read-only: its folder {folder} cannot be written (a read-only "
                                 "share or drive), so nothing can be changed."),
    "diary.folder_unwritable": N_("Cannot save to {path}: its folder {folder} cannot be written, so the diary can "
                                  "only be read; copy it to a folder of yours to write to it."),
    "diary.cannot_open": N_("Cannot open {path}: {reason}; check that the file and its folder are yours."),
    "diary.folder": N_("{path} is a folder, not a diary file; give the path of a .db file."),
    "diary.not_file": N_("{path} is {kind}, not a diary file; give the path of a .db file."),
    "diary.dangling_link": N_("{path} is a symbolic link to {target}, which does not exist; "
                              "give the path of the diary file itself."),
    "diary.missing": N_("There is no diary at {path}."),
    "diary.disk_full": N_("The disk holding {path} is full, so nothing was saved; the diary is as it was. "
                          "Free some space there and try again."),
    "diary.cannot_create": N_("Cannot create a diary at {path}: {reason}."),
    "diary.needs_upgrade": N_("{path} needs upgrading to this version of osteotrack, which read-only mode cannot do; "
                              "open it once without --read-only."),
    "diary.not_osteotrack": N_("{path} is an SQLite database but not an osteotrack diary."),
    "diary.too_new": N_("{path} was written by a newer version of osteotrack (it has schema step '{step}'); "
                        "upgrade osteotrack to open it."),
    "diary.integrity": N_("{path} is damaged: it fails SQLite's integrity check ({problem}); "
                          "use a backup instead ('osteotrack restore FILE')."),
    "diary.not_sqlite": N_("{path} is not an osteotrack diary: it is not an SQLite database at all."),
    "diary.damaged": N_("{path} is damaged (SQLite says: {reason}); use a backup instead ('osteotrack restore FILE')."),
    "diary.busy": N_("{path} is busy in another program for more than {seconds} s; try again."),
    # -- records found by id (store/diary.py) --------------------------------
    "entry.not_found": N_("There is no entry with id '{id}'."),
    "entry.delete_needs_yes": N_("Deleting entry {id} needs a yes: add --yes when not asked in a terminal."),
    "event.delete_needs_yes": N_("Deleting event {id} needs a yes: add --yes when not asked in a terminal."),
    "entry.not_deleted": N_("There is no deleted entry with id '{id}' to bring back."),
    "event.not_found": N_("There is no event with id '{id}'."),
    "question.not_found": N_("There is no question with id '{id}'."),
    "entry.gone": N_("This entry no longer exists; it may have been deleted elsewhere."),
    "entry.id_too_short": N_("Give at least the first 4 characters of the entry id; got '{prefix}'."),
    "event.id_too_short": N_("Give at least the first 4 characters of the event id; got '{prefix}'."),
    "question.id_too_short": N_("Give at least the first 4 characters of the question id; got '{prefix}'."),
    "checkin.id_too_short": N_("Give at least the first 4 characters of the check-in id; got '{prefix}'."),
    "entry.id_unknown": N_("There is no entry with an id starting '{prefix}' in this profile."),
    "entry.deleted_id_unknown": N_("There is no deleted entry with an id starting '{prefix}' in this profile; "
                                   "deleted entries can be brought back for 30 days."),
    "event.id_unknown": N_("There is no event with an id starting '{prefix}' in this profile."),
    "question.id_unknown": N_("There is no question with an id starting '{prefix}' in this profile."),
    "checkin.id_unknown": N_("There is no check-in with an id starting '{prefix}' in this profile."),
    "entry.id_ambiguous": N_("More than one entry id starts with '{prefix}'; give more characters."),
    "event.id_ambiguous": N_("More than one event id starts with '{prefix}'; give more characters."),
    "question.id_ambiguous": N_("More than one question id starts with '{prefix}'; give more characters."),
    "checkin.id_ambiguous": N_("More than one check-in id starts with '{prefix}'; give more characters."),
    "dose.id_too_short": N_("Give at least the first 4 characters of the dose id; got '{prefix}'."),
    "dose.id_unknown": N_("There is no dose with an id starting '{prefix}' in this profile; "
                          "see the ids with 'osteotrack list --kind doses'."),
    "dose.id_ambiguous": N_("More than one dose id starts with '{prefix}'; give more characters."),
    "height.id_too_short": N_("Give at least the first 4 characters of the height id; got '{prefix}'."),
    "height.id_unknown": N_("There is no height with an id starting '{prefix}' in this profile; "
                            "see the ids with 'osteotrack list --kind heights'."),
    "height.id_ambiguous": N_("More than one height id starts with '{prefix}'; give more characters."),
    # -- the language (--lang) ----------------------------------------------
    "lang.unknown": N_("There is no translation into '{lang}'; choose one of {known}."),
    # -- profiles ------------------------------------------------------------
    "profile.unknown": N_("There is no profile named '{name}'; the profiles are: {known}."),
    "profile.name_empty": N_("A profile needs a name."),
    "profile.name_control": N_("A profile name cannot hold control characters (such as a NUL byte); "
                               "use letters, digits and spaces."),
    "profile.exists": N_("A profile named '{name}' already exists."),
    "profile.gone": N_("The profile shown here no longer exists (it was removed elsewhere); choose another with 's'."),
    "profile.last": N_("'{name}' is the only profile; a diary keeps at least one."),
    "profile.as_both": N_("Give either --as CAREGIVER or --as-patient, not both."),
    "profile.as_empty": N_("--as needs a caregiver's name; use --as-patient when the person logs for themself."),
    "profile.remove_needs_yes": N_("Removing profile '{name}' deletes {held}; "
                                   "run it in a terminal to confirm, or pass --yes."),
    # -- the vocabulary ------------------------------------------------------
    "vocab.kind_unknown": N_("A vocabulary kind is one of {kinds}; got '{kind}'."),
    "vocab.slug_form": N_("A slug is lower-case letters and digits joined by hyphens, like 'garden-work'; "
                          "got '{slug}'."),
    "vocab.slug_taken": N_("The {kind} '{slug}' already exists; slugs are never reused."),
    "vocab.name_empty": N_("A new term needs a display name."),
    "vocab.group_unknown": N_("A therapy's group is one of {groups}; got '{group}'."),
    "vocab.group_not_therapy": N_("Only therapies have a group."),
    "location.unknown": N_("Unknown location '{value}'; did you mean {close}?"),
    "location.unknown_no_close": N_("Unknown location '{value}'; run 'osteotrack vocab' to see them all."),
    "quality.unknown": N_("Unknown pain quality '{value}'; did you mean {close}?"),
    "quality.unknown_no_close": N_("Unknown pain quality '{value}'; run 'osteotrack vocab' to see them all."),
    "trigger.unknown": N_("Unknown trigger '{value}'; did you mean {close}?"),
    "trigger.unknown_no_close": N_("Unknown trigger '{value}'; run 'osteotrack vocab' to see them all."),
    "therapy.unknown": N_("Unknown therapy '{value}'; did you mean {close}?"),
    "therapy.unknown_no_close": N_("Unknown therapy '{value}'; run 'osteotrack vocab' to see them all."),
    # -- pain entries --------------------------------------------------------
    "pain.range": N_("Pain must be a whole number from {low} to {high}; got '{value}'."),
    "pain.not_chosen": N_("Choose the pain now: press a digit from 0 (no pain) to 10 (worst imaginable)."),
    "where.intensity_range": N_("The intensity at {location} must be a whole number from {low} to {high}; "
                                "got '{value}'."),
    "where.intensity_missing": N_("Give an intensity for '{location}' as {location}:N with N from 0 to 10."),
    "where.twice": N_("The location '{location}' is given twice; give each place once."),
    "where.level_twice": N_("The vertebral level {level} is given twice; give each level once."),
    "level.not_spine": N_("A vertebral level can only be given for the neck, upper, mid or lower back, "
                          "not '{location}'."),
    "level.wrong_region": N_("Vertebral level '{level}' does not belong to {location}; use one of {first}–{last}."),
    "level.no_site": N_("A vertebral level needs a spine site; '{level}' is not one of C1–L5."),
    "relief.range": N_("Relief must be a percentage from 0 to 100 in steps of 10; got '{value}'."),
    "therapy.twice": N_("The therapy '{therapy}' is given twice; give each therapy once."),
    "medication.empty": N_("A medication needs a name, e.g. --med \"ibuprofen 400 mg\"."),
    "medication.no_therapy": N_("A medication name needs a medication therapy in the same entry, "
                                "e.g. --therapy otc-pain-medication:40."),
    "medication.ambiguous": N_("This entry has more than one medication therapy; name the one meant, "
                               "e.g. --med \"prescription-pain-medication=tramadol 50 mg\"."),
    "medication.twice": N_("The therapy '{therapy}' already has a medication; give one --med for each."),
    "medication.wrong_therapy": N_("A medication name and dose only go with a medication therapy, not '{therapy}'."),
    "entry.at_no_zone": N_("The entry time needs a time zone."),
    "entry.at_future": N_("The entry time {moment:%Y-%m-%d %H:%M} is in the future; "
                          "only times up to now can be logged."),
    "entry.at_too_early": N_("The entry time {day} {moment:%H:%M} is before 1900; only times from 1900 on can be "
                             "logged."),
    # -- times and days typed ------------------------------------------------
    "when.unreadable": N_("Could not read the time '{text}'; use an ISO date-time like 2026-11-23T19:00, or 'now', "
                          "'today 8:30', 'yesterday 19:00', 'yesterday evening', 'monday 9:00' or '2h ago'."),
    "when.too_early": N_("The time '{text}' is before 1900; only times from 1900 on can be logged."),
    "when.future": N_("The time '{text}' is in the future ({moment:%Y-%m-%d %H:%M}); only times up to now can be "
                      "logged."),
    "day.unreadable": N_("Could not read the day '{text}'; use a date like 2026-11-23, 'today', 'yesterday' or a "
                         "weekday."),
    "when.skipped": N_("The time {clock} on {day} does not exist here: the clocks go forward over it; "
                       "give a time outside that hour, or add the offset, e.g. {day}T{clock}{before}."),
    "when.twice": N_("The time {clock} on {day} happens twice here, as the clocks go back; add the offset to say "
                     "which: {day}T{clock}{first} for the first, {day}T{clock}{second} for the second."),
    "day.too_early": N_("The day '{text}' is before 1900; only days from 1900 to today can be used."),
    "day.future": N_("The day {day} is in the future; only days up to today can be used."),
    # -- check-ins -----------------------------------------------------------
    "checkin.peg_weekly": N_("The PEG asks about the past 7 days, so it is asked once a week; it was answered on "
                             "{day}, next from {next}. Sleep and mood can be saved every day."),
    "checkin.empty": N_("A check-in needs at least one answer: average pain, enjoyment, activity, sleep or mood."),
    "checkin.peg_pain_range": N_("Average pain must be a whole number from {low} to {high}; got '{value}'."),
    "checkin.peg_enjoyment_range": N_("Interference with enjoyment of life must be a whole number from {low} to "
                                      "{high}; "
                                      "got '{value}'."),
    "checkin.peg_activity_range": N_("Interference with general activity must be a whole number from {low} to {high}; "
                                     "got '{value}'."),
    "checkin.sleep_range": N_("Sleep quality must be a whole number from {low} to {high}; got '{value}'."),
    "checkin.mood_range": N_("Mood must be a whole number from {low} to {high}; got '{value}'."),
    # -- events --------------------------------------------------------------
    "kind.unknown": N_("Unknown event kind '{value}'; did you mean {close}?"),
    "kind.unknown_no_close": N_("Unknown event kind '{value}'; choose one of {choices}."),
    "procedure.unknown": N_("Unknown procedure '{value}'; did you mean {close}?"),
    "procedure.unknown_no_close": N_("Unknown procedure '{value}'; choose one of {choices}."),
    "dxa_site.unknown": N_("Unknown DXA site '{value}'; did you mean {close}?"),
    "dxa_site.unknown_no_close": N_("Unknown DXA site '{value}'; choose one of {choices}."),
    "procedure.missing": N_("A procedure event needs --procedure: vertebroplasty, kyphoplasty or other."),
    "procedure.not_procedure": N_("--procedure only goes with a procedure event."),
    "t_score.missing": N_("A DXA result needs its T-score, e.g. --t-score -2.7."),
    "t_score.range": N_("A T-score is a number from -6.0 to 4.0; got {value}."),
    "t_score.unreadable": N_("A T-score is a number from -6.0 to 4.0; got '{text}'."),
    "t_score.not_dxa": N_("A T-score and DXA site only go with a dxa event."),
    "site.missing": N_("A fracture needs its site, e.g. --site mid-back --level T8 or --site wrist-left."),
    "event.at_no_zone": N_("The event time needs a time zone."),
    "appointment.too_far": N_("The appointment time {moment:%Y-%m-%d %H:%M} is more than two years ahead; "
                              "check the year."),
    "event.at_future": N_("The event time {moment:%Y-%m-%d %H:%M} is in the future; "
                          "only times up to now can be logged."),
    "event.at_too_early": N_("The event time {day} {moment:%H:%M} is before 1900; only times from 1900 on can be "
                             "logged."),
    # -- questions for the doctor --------------------------------------------
    "question.empty": N_("A question for the doctor cannot be empty."),
    "question.created_no_zone": N_("The question's time needs a time zone."),
    "question.created_future": N_("The question's time {moment:%Y-%m-%d %H:%M} is in the future; "
                                  "only times up to now can be kept."),
    "question.created_too_early": N_("The question's time {day} {moment:%H:%M} is before 1900; "
                                     "only times from 1900 on can be kept."),
    "record.id_form": N_("The id '{id}' is not a record id: 8 to 64 lower-case letters, digits and hyphens, "
                         "as the export writes them."),
    "question.status": N_("A question is open, asked or answered; got '{status}'."),
    # -- periods for trends and reports --------------------------------------
    "since.future": N_("The day {day} for since is in the future; only days up to today can be used."),
    "until.future": N_("The day {day} for until is in the future; only days up to today can be used."),
    "range.and_since": N_("Give either a range or a since day, not both; a range already sets the first day."),
    "range.since_after_until": N_("The since day ({since}) is after the until day ({until}); give the earlier day "
                                  "first."),
    "range.unknown": N_("Unknown range '{range}'; use 2w, 3m, 1y, all, or a number with d, w, m or y "
                        "such as 10d or 6m."),
    "range.too_early": N_("The range '{range}' reaches back before 1900; use 2w, 3m, 1y, all, or a number with "
                          "d, w, m or y such as 10d or 6m."),
    "list.since_after_until": N_("--since ({since}) is after --until ({until}); give the earlier day first."),
    # -- self-care sessions and breathing ------------------------------------
    "session.kind_unknown": N_("Unknown session kind '{slug}'; choose one of {kinds}."),
    "session.pain_before_range": N_("Pain before the session must be a whole number from {low} to {high}; "
                                    "got '{value}'."),
    "session.pain_after_range": N_("Pain after the session must be a whole number from {low} to {high}; "
                                   "got '{value}'."),
    "session.duration_range": N_("A session's duration is a whole number of seconds from 0 to 86400; got '{value}'."),
    "session.planned_range": N_("A session's planned length is a whole number of seconds from 0 to 86400; "
                                "got '{value}'."),
    "session.entry_other_profile": N_("Session {id} refers to entry {entry_id}, which is not in the same profile."),
    "session.read_only": N_("This diary is open read-only; a breathing session cannot be recorded."),
    "breathe.pain_now_range": N_("Pain now must be a whole number from {low} to {high}; got '{value}'."),
    "pattern.unknown": N_("Unknown breathing pattern '{text}'; a pattern is 2 to 4 whole numbers of seconds joined "
                          "by hyphens (in-out, in-hold-out or in-hold-out-hold), like 4-7-8, 4-4-4-4 or 5-5, "
                          "or one of the names box, slow."),
    "pattern.hold_range": N_("In the pattern '{text}', a hold lasts {seconds} s; each phase lasts {low} to "
                             "{high} seconds."),
    "pattern.phase_range": N_("In the pattern '{text}', '{phase}' lasts {seconds} s; each phase lasts {low} to "
                              "{high} seconds."),
    "minutes.range": N_("A session lasts a whole number of minutes from 1 to {high} (e.g. 2, 5 or 10); "
                        "got '{value}'."),
    # -- files read and written ----------------------------------------------
    "file.missing": N_("There is no file at {path}."),
    "file.folder": N_("{path} is a folder; give a file name to write to."),
    "file.exists": N_("{path} already exists; choose another name or pass --force to replace it."),
    "file.unreadable": N_("Cannot read {path}: {reason}."),
    "file.unwritable": N_("Cannot write {path}: {reason}."),
    "file.unusable": N_("Cannot use {path}: {reason}."),
    "file.unusable_unnamed": N_("Cannot use a file: {reason}."),
    # -- backup and restore --------------------------------------------------
    # -- sync and encrypted files (store/sync.py, store/sync_files.py, store/crypt.py) --
    "sync.unrelated": N_("{path} is another diary, started separately from this one; sync only brings together "
                         "copies of one diary (use 'osteotrack import' to add its records). Nothing was changed."),
    "sync.same_file": N_("{path} is this diary itself; give the other copy to sync with."),
    "sync.not_a_diary": N_("{path} is neither an osteotrack diary, a backup nor a JSON export."),
    "sync.no_conflict": N_("There is no kept conflict number {id}; 'osteotrack sync --conflicts' lists them."),
    "sync.dismiss_what": N_("Give a FILE to sync with, or --conflicts to list kept conflicts, or --dismiss ID."),
    "crypt.wrong_passphrase": N_("Cannot decrypt {path}: the passphrase is wrong (or the file is damaged). "
                                 "Nothing was changed."),
    "crypt.needs_passphrase": N_("This needs a passphrase: run it in a terminal to be asked, or give "
                                 "--passphrase-file PATH."),
    "crypt.needs_passphrase_app": N_("This file is encrypted: type its passphrase."),
    "crypt.passphrases_differ": N_("The two passphrases differ; type the same one twice."),
    "crypt.empty_passphrase": N_("The passphrase is empty; an encrypted file needs one."),
    "crypt.passphrase_file": N_("Cannot read the passphrase file {path}: {reason}."),
    "export.encrypt_needs_file": N_("An encrypted export is written to a file, not to standard output; "
                                    "give -o FILE."),
    "backup.folder": N_("{path} is a folder; give a file name for the backup."),
    "backup.exists": N_("{path} already exists; choose another name for the backup."),
    "backup.folder_unwritable": N_("Cannot write a backup into {folder}: {reason}."),
    "backup.unwritable": N_("Cannot write the backup {path}: {reason}."),
    "backup.disk_full": N_("The disk holding {path} is full, so the backup was not written; the diary is "
                           "unchanged. Free some space there or back up to another place."),
    "restore.folder": N_("{path} is a folder, not a diary file; give the path of a backup .db file."),
    "restore.empty_database": N_("{path} is an empty SQLite database, not an osteotrack diary."),
    "restore.same_file": N_("{path} is the diary itself; give a backup file to restore from."),
    "restore.read_only": N_("The diary is open read-only; restore replaces it, so run it without --read-only."),
    "restore.needs_yes": N_("restore replaces the diary and needs a yes: run it in a terminal, or pass --yes."),
    # -- export and import ---------------------------------------------------
    "report.pdf_to_stdout": N_("A PDF cannot go to standard output; give -o FILE.pdf, or use --format html or md."),
    "export.csv_needs_file": N_("CSV export writes a zip file; give -o FILE.zip."),
    "import.folder": N_("{path} is a folder; give the path of a file made by 'osteotrack export'."),
    "import.not_text": N_("{path} is not a text file; import takes a .json file made by 'osteotrack export'."),
    "import.not_json": N_("{path} is not valid JSON (line {line}, column {column}); "
                          "import takes a .json file made by 'osteotrack export'."),
    "import.not_export": N_("This file is not an osteotrack export (its 'format' is not 'osteotrack-diary')."),
    "import.too_new": N_("This export was made by a newer osteotrack (format version {version}); "
                         "this version reads up to {supported}. Upgrade osteotrack to import it."),
    "import.not_object": N_("In {where}, expected an object but found {found}."),
    "import.missing": N_("In {where}, '{key}' is missing."),
    "import.boolean": N_("In {where}, '{key}' should be {expected}, not true/false."),
    "import.wrong_type": N_("In {where}, '{key}' should be {expected}, not {found}."),
    "import.not_datetime": N_("In {where}, '{key}' is not an ISO date-time: '{text}'."),
    "import.no_offset": N_("In {where}, '{key}' has no UTC offset: '{text}'."),
    "import.not_date": N_("In {where}, '{key}' is not an ISO date: '{text}'."),
    "import.not_stamp": N_("In {where}, '{key}' is not a UTC time like 2026-11-23T18:00:00Z: '{text}'."),
    "import.term_kind": N_("In {where}, 'kind' must be one of {kinds}."),
    "import.term_group": N_("In {where}, a therapy's 'group' must be one of {groups}."),
    "import.term_twice": N_("In {where}, the {kind} '{slug}' is listed twice."),
    "import.not_slug": N_("In {where}, every item of '{key}' should be a slug (text)."),
    "import.id_twice": N_("In {where}, the id '{id}' is used twice in the file."),
    "import.record": N_("In {where}: {cause:inner}"),
    "import.one_profile": N_("The file holds {count} profiles; a file imported as one profile must hold exactly one."),
    "import.profile_empty": N_("A profile needs a name; the one given is empty."),
    "import.other_profile": N_("Record {id} already belongs to another profile in this diary; "
                               "import refuses to move records between profiles."),
    "csv.no_entries": N_("{path} is a zip file without entries.csv; "
                         "import takes the CSV files that 'osteotrack export --format csv' writes."),
    "csv.bad_zip": N_("{path} is a damaged zip file ({reason}); "
                      "import takes the CSV files that 'osteotrack export --format csv' writes."),
    "csv.not_utf8": N_("{path} is not UTF-8 text; import takes the CSV files that 'osteotrack export --format csv' "
                       "writes."),
    "csv.member_not_utf8": N_("{name} in {path} is not UTF-8 text; "
                              "import takes the CSV files that 'osteotrack export --format csv' writes."),
    "csv.missing_column": N_("{name} lacks the column {columns}; "
                             "import takes the CSV files that 'osteotrack export --format csv' writes."),
    "csv.missing_columns": N_("{name} lacks the columns {columns}; "
                              "import takes the CSV files that 'osteotrack export --format csv' writes."),
    "csv.unreadable": N_("{name} is not readable CSV (line {line}: {reason}); "
                         "import takes the CSV files that 'osteotrack export --format csv' writes."),
    "csv.moment": N_("In {where}, date, time and utc_offset '{text}' should be like '2026-11-23 19:00 +0100'."),
    "csv.not_whole": N_("In {where}, '{key}' should be a whole number; got '{text}'."),
    "csv.pain_empty": N_("In {where}, 'pain' is empty."),
    "csv.site": N_("In {where}, the site '{item}' should be SITE:N or SITE/LEVEL:N, like mid-back/T8:6."),
    "csv.therapy": N_("In {where}, the therapy '{item}' should be THERAPY:RELIEF, like heat:60."),
    "csv.medication": N_("In {where}, the medication '{item}' should be THERAPY=NAME DOSE for a therapy of the entry."),
    "csv.for_doctor": N_("In {where}, 'for_doctor' should be yes or empty; got '{text}'."),
    "csv.t_score": N_("In {where}, 't_score' should be a number like -2.7; got '{text}'."),
    "csv.height": N_("In {where}, 'height_cm' should be centimetres with at most one decimal, like 161.2; "
                     "got '{text}'."),
    "csv.yes_no": N_("In {where}, '{key}' should be yes or no; got '{text}'."),
    # -- the demo diary ------------------------------------------------------
    "demo.read_only": N_("The demo writes a diary file, which --read-only forbids; run it without --read-only."),
    "demo.is_diary": N_("{path} is your diary; the demo is always written to a file of its own."),
    "demo.not_demo": N_("{path} exists and is not a demo diary; choose another --db path."),
    "demo.not_demo_kept": N_("{path} exists and is not a demo diary; it was left alone."),
    "demo.exists": N_("A demo diary already exists at {path}; pass --force to make it again."),
    # -- bone care ----------------------------------------------------------------
    "bone.medicine": N_("A medicine is a name in lower-case letters and digits joined by hyphens, like "
                        "'alendronate' or 'vitamin-d'; got '{value}'. Built in: {known}."),
    "bone.interval": N_("How often is a number with d, w, m or y, like 1d, 1w, 2w, 1m, 3m, 6m or 1y; "
                        "got '{value}'."),
    "bone.interval_long": N_("How often is at most every 366 days, 104 weeks, 60 months or 10 years; "
                             "got '{value}'."),
    "bone.day_future": N_("The day {day} is in the future; only days up to today can be used."),
    "bone.every_needed": N_("Give how often you take {medicine} with --every, e.g. --every 1w or --every 6m."),
    "bone.height_once": N_("Give the height once: in centimetres (osteotrack height 162.5) or with --inches 64."),
    "import.dose_treatment_unknown": N_("In {where}, the treatment '{id}' is neither in the file nor in this "
                                        "profile's diary."),
    "bone.at_no_zone": N_("The time needs a time zone."),
    "bone.at_future": N_("The time {moment:%Y-%m-%d %H:%M} is in the future; only times up to now can be recorded."),
    "bone.at_too_early": N_("The time {day} {moment:%H:%M} is before 1900; only times from 1900 on can be recorded."),
    "bone.stop_before_start": N_("{name} cannot stop on {on}, before it started on {since}."),
    "bone.height_number": N_("A height is a number such as 162.5 (centimetres, or inches with --inches); "
                             "got '{value}'."),
    "bone.height_range": N_("A height must be from 50 to 250 cm (20 to 98 inches); got '{value}' {unit}."),
    "bone.yes_no": N_("--{option} takes yes or no; got '{value}'."),
    "bone.impression": N_("The impression of change is a whole number from 1 (very much improved) to "
                          "7 (very much worse); got '{value}'."),
    "bone.severity": N_("Severity is a whole number from 1 (barely noticed) to 10 (worst imaginable); "
                        "got '{value}'."),
    "bone.effect_empty": N_("A side effect needs a few words saying what it is, e.g. \"heartburn\"."),
    "bone.effect_medicine": N_("A side effect needs the medicine it goes with, e.g. --medicine alendronate."),
    "bone.no_treatment": N_("There is no treatment with {name} on {day}; add it first, e.g. "
                            "osteotrack treatment add {medicine} --every 1w --since {day}."),
    "bone.already_taking": N_("{name} is already a treatment since {since}; stop it first "
                              "(osteotrack treatment stop {medicine} --on DAY) to record a new one."),
    "bone.not_taking": N_("There is no current treatment with {name} to stop."),
    "bone.overlap": N_("{name} was already a treatment from {since} to {until}; a new one must start "
                       "after {until}."),
    "bone.unknown_treatment": N_("There is no treatment with {name} in this diary; --since-start-of takes "
                                 "one of: {known}."),
    "bone.not_found": N_("There is no {kind} with id '{id}'."),
    # -- history from another app or a spreadsheet (osteotrack import --from) -----
    # -- what an import will read (domain/limits.py) --------------------------
    "import.not_regular": N_("{path} is not a regular file (it may be a pipe or a device); "
                             "give the path of a file to import."),
    "import.too_big": N_("{path} is {size}, more than the {limit} an import reads; "
                         "export a shorter range or split the file."),
    "import.too_deep": N_("{path} nests more than {limit} levels deep, far more than any export; "
                          "it was not read."),
    "import.number_too_long": N_("{path} holds a number {chars} characters long (the limit is {limit}); "
                                 "it was not read."),
    "import.not_a_number": N_("{path} holds '{text}', which is not a number JSON allows; it was not read."),
    "import.zip_members": N_("{path} holds {count} files, more than the {limit} an import opens; "
                             "it was not read."),
    "import.zip_encrypted": N_("{path} is encrypted ({name} needs a password); "
                               "export it again without a password."),
    "import.zip_bomb": N_("{path} is refused: {name} unpacks to {size} from {packed}, beyond what an import "
                          "unpacks."),
    "import.nothing": N_("{path} holds no records an import can read; nothing was imported."),
    "import.none_readable": N_("No row of {path} could be read (each is listed above with the reason); "
                               "nothing was imported."),
    "import.no_file": N_("There is no file at {path}."),
    "import.from_folder": N_("{path} is a folder; give the path of the file to import."),
    "import.unreadable": N_("Cannot read {path}: {problem}."),
    "import.not_utf8": N_("{path} is not readable text; save it as UTF-8 (\"CSV UTF-8\") and import it again."),
    "import.bad_csv": N_("{path} is not readable CSV (line {line}: {problem})."),
    "import.damaged_zip": N_("{path} is a damaged zip file; export it again from the app it came from."),
    "import.row_width": N_("The row has {found} cells where the header has {expected}."),
    "import.flaredown_header": N_("{path} is not a Flaredown export: its first row should start with 'Date' "
                                  "and hold 'Tags' and 'Foods', as the data.csv Flaredown e-mails does."),
    "import.flaredown_date": N_("The date '{value}' is not a day like 2021-10-15 or 2021-11-25T14:05:09+00:00."),
    "import.flaredown_no_day": N_("Flaredown saved this check-in without its day ('{value}'); it cannot be placed."),
    "import.flaredown_no_rating": N_("No condition or symptom is rated, so there is no pain to record."),
    "import.pain_diary_encrypted": N_("{path} is an encrypted backup; export it again from the Privacy Friendly "
                                      "Backup app without encryption, or decrypt it first (gpg --decrypt)."),
    "import.pain_diary_shape": N_("{path} is not a backup of the Privacy Friendly Pain Diary; import takes the "
                                  ".backup or PfaBackup zip file the Privacy Friendly Backup app exports."),
    "import.pain_diary_other_app": N_("{path} is a backup of another app ({app}), not of the Privacy Friendly "
                                      "Pain Diary."),
    "import.pain_diary_not_in_zip": N_("{path} holds no backup of the Privacy Friendly Pain Diary."),
    "import.pain_diary_date": N_("The date '{value}' is not a day like 2024-03-11."),
    "import.pain_diary_no_pain": N_("The entry of {day} has no pain level."),
    "import.sheet_kind": N_("{path} is a {suffix} file; save it as .xlsx or .csv and import that."),
    "import.sheet_not_xlsx": N_("--sheet names a sheet of an .xlsx file; {path} is not one."),
    "import.sheet_empty": N_("{path} has no rows to import."),
    "import.sheet_binary": N_("{path} is not a text file; import takes a .csv or .xlsx file."),
    "import.bad_xlsx": N_("{path} is not a readable .xlsx file; open it in your spreadsheet program and save "
                          "it again as .xlsx or .csv."),
    "import.sheet_no_such_sheet": N_("There is no sheet named '{sheet}'; the sheets are: {sheets}."),
    "import.sheet_column": N_("There is no column '{name}' for --{option}; name one by its header or letter: "
                              "{columns}."),
    "import.sheet_column_twice": N_("More than one column is headed '{name}' (columns {letters}); name the one "
                                    "for --{option} by its letter."),
    "import.sheet_mixed_dates": N_("The dates mix orders: {where} {line_a} has '{date_a}' (day first) and "
                                   "{where} {line_b} has '{date_b}' (month first); make them alike and import "
                                   "again."),
    "import.sheet_ambiguous_dates": N_("Dates like '{value}' ({where} {line}) could be read day first or month "
                                       "first; add --day-first or --month-first to say which."),
    "import.sheet_no_date": N_("The date is empty."),
    "import.sheet_date": N_("The date '{value}' is not a date like 2026-03-11, 11.03.2026 or 3/11/2026."),
    "import.sheet_time": N_("The time '{value}' is not a time like 8:30, 20:30 or 8:30 pm."),
    "import.sheet_no_pain": N_("The pain is empty."),
    "import.sheet_pain": N_("The pain '{value}' is not a number from 0 to 10 (like 6 or 6/10) nor none, mild, "
                            "moderate or severe."),
    "import.sheet_options": N_("{options} only go with --from sheet."),
    "import.sheet_needs": N_("--from sheet needs --date COLUMN and --pain COLUMN (a header or a letter)."),
    "import.needs_from": N_("{options} go with --from flaredown, pain-diary or sheet; an osteotrack export is "
                            "imported without them."),
    "import.from_with_as_profile": N_("--as-profile goes with an osteotrack export; for --from, choose whose "
                                      "diary with --profile NAME."),
}

# Where a sentence says how to put the input right, a face may say it in its own terms:
# the command line names its options, the app's forms have none. Only the differences are here.
FACE_MESSAGES: dict[str, dict[str, str]] = {
    # The app's words where the command line's name an option: the app has fields, not --options.
    "app": {
        "site.missing": N_("A fracture needs its place: choose it under Where (and the vertebra for the spine, "
                           "e.g. T8)."),
        "procedure.missing": N_("A procedure event needs its procedure: choose vertebroplasty, kyphoplasty or "
                                "other under Procedure."),
        "t_score.missing": N_("A DXA result needs its T-score, e.g. -2.7."),
        "medication.empty": N_("A medication needs a name, e.g. ibuprofen 400 mg."),
        "medication.twice": N_("The therapy '{therapy}' already has a medication; name one medication for each."),
        "procedure.not_procedure": N_("A procedure only goes with a procedure event."),
        "import.sheet_not_xlsx": N_("A sheet name goes with an .xlsx file; {path} is not one."),
        "import.sheet_column": N_("There is no column '{name}' for the {option} column; name one by its header "
                                  "or letter: {columns}."),
        "import.sheet_column_twice": N_("More than one column is headed '{name}' (columns {letters}); give the "
                                        "{option} column by its letter."),
        "import.sheet_ambiguous_dates": N_("Dates like '{value}' ({where} {line}) could be read day first or month "
                                           "first; choose 'Slash dates: day first' or 'month first' to say which."),
        "import.sheet_needs": N_("A spreadsheet needs its Date column and Pain column (a header or a letter)."),
        "medication.no_therapy": N_("A medication name goes with a medication therapy: choose over-the-counter, "
                                    "prescription or antidepressant medication in the therapies first."),
        "medication.ambiguous": N_("This entry has more than one medication therapy; name the one meant, "
                                   "e.g. prescription-pain-medication=tramadol 50 mg."),
    },
}

# Noun phrases that name a place in a file, for sentences such as "In {where}, …".
PLACES: dict[str, str] = {
    "place.file": N_("the file"),
    "place.vocabulary_item": N_("vocabulary item {n}"),
    "place.profile": N_("a profile"),
    "place.entry": N_("entry {n} of profile '{profile}'"),
    "place.checkin": N_("check-in {n} of profile '{profile}'"),
    "place.event": N_("event {n} of profile '{profile}'"),
    "place.question": N_("question {n} of profile '{profile}'"),
    "place.session": N_("session {n} of profile '{profile}'"),
    "place.csv_row": N_("row {line} of {name}"),
}


class MessageWarning(UserWarning):
    """A code without a template, or a template missing a parameter: a programming slip (the tests make it fail)."""


@dataclass(frozen=True)
class Phrase:
    """A noun phrase of ``PLACES`` with its parameters, rendered where a sentence uses it."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return _fill(self.code, PLACES.get(self.code), self.params)


def place(code: str, **params: Any) -> Phrase:
    """The place ``code`` of ``PLACES`` (e.g. ``place("place.csv_row", line=3, name="entries.csv")``)."""
    return Phrase(code, params)


# The words a ``kind`` parameter holds (a vocabulary kind, a bone-care record, a kind of file), said in the language
# in force where a sentence names it: the catalogs put it in brackets ("Das Kürzel „x“ (Auslöser) gibt es schon").
# A bone-care record ("dose", "falls check") is said as the counted word of numbers.PLURALS, in the singular.
KIND_WORDS: dict[str, str] = {
    "location": N_("location"), "quality": N_("quality"), "trigger": N_("trigger"), "therapy": N_("therapy"),
    "a named pipe (FIFO)": N_("a named pipe (FIFO)"), "a socket": N_("a socket"), "a device": N_("a device"),
}


def render(code: str, params: dict[str, Any], face: str | None = None) -> str:
    """The sentence for error ``code`` with its ``params`` filled in, in the words of ``face`` if it has its own."""
    template = FACE_MESSAGES.get(face or "", {}).get(code) or MESSAGES.get(code)
    return _fill(code, template, params)


def _fill(code: str, template: str | None, params: dict[str, Any]) -> str:
    if template is None:  # a programming slip, never the user's: still say something whole
        warnings.warn(f"no template for the code {code!r}", MessageWarning, stacklevel=3)
        return f"{code}: {params}" if params else code
    kind = params.get("kind")
    if isinstance(kind, str) and kind in KIND_WORDS:
        params = {**params, "kind": _(KIND_WORDS[kind])}
    elif isinstance(kind, str):
        from osteotrack.domain.numbers import PLURALS, plural

        if kind in PLURALS:
            params = {**params, "kind": plural(1, kind)}
    try:
        return _(template).format(**params)
    except (KeyError, IndexError, ValueError, AttributeError) as error:
        warnings.warn(f"the template {code!r} cannot be filled from {sorted(params)}: {error!r}",
                      MessageWarning, stacklevel=3)
        try:
            return _(template).format_map(_Lenient(params))
        except (KeyError, IndexError, ValueError, AttributeError):
            return _(template)


class _Lenient(dict):
    """Leaves a placeholder as it is when its parameter is missing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def placeholders(template: str) -> set[str]:
    """The names a template needs: ``{moment:%H:%M}`` needs ``moment``."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}

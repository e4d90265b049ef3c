"""Every sentence an error can say, by code: the one place an error's text is made.

Templates take named placeholders only, never pieces glued together, so that a
translator sees whole sentences. ``N_`` marks a template for extraction into the
translation catalogs without translating it here.
"""

from __future__ import annotations

from typing import Any


def N_(text: str) -> str:
    """Mark ``text`` for the translation catalogs; it is translated when rendered."""
    return text


MESSAGES: dict[str, str] = {
    # -- the diary file ------------------------------------------------------
    "diary.read_only": N_("This diary is open read-only; nothing can be changed."),
    # -- profiles ---------------------------------------------------------------
    "profile.unknown": N_("There is no profile named '{name}'; the profiles are: {known}."),
    "profile.gone": N_("The profile shown here no longer exists (it was removed elsewhere); choose another with 's'."),
    "profile.empty_name": N_("A profile needs a name."),
    "profile.exists": N_("A profile named '{name}' already exists."),
    "profile.last": N_("'{name}' is the only profile; a diary keeps at least one."),
    # -- records by id ----------------------------------------------------------
    "entry.not_found": N_("There is no entry with id '{id}'."),
    "event.not_found": N_("There is no event with id '{id}'."),
    "question.not_found": N_("There is no question with id '{id}'."),
    "id.too_short": N_("Give at least the first 4 characters of the {kind} id; got '{prefix}'."),
    "id.not_found": N_("There is no {kind} with an id starting '{prefix}' in this profile."),
    "id.ambiguous": N_("More than one {kind} id starts with '{prefix}'; give more characters."),
    "session.entry_elsewhere": N_("Session {id} refers to entry {entry_id}, which is not in the same profile."),
    "import.other_profile": N_("Record {id} already belongs to another profile in this diary; "
                               "import refuses to move records between profiles."),
    # -- history from another app or a spreadsheet (osteotrack import --from) -----
    "import.no_file": N_("There is no file at {path}."),
    "import.folder": N_("{path} is a folder; give the path of the file to import."),
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
    # -- vocabulary -------------------------------------------------------------
    "vocab.kind": N_("A vocabulary kind is one of {kinds}; got '{kind}'."),
    "vocab.slug": N_("A slug is lower-case letters and digits joined by hyphens, like 'garden-work'; got '{slug}'."),
    "vocab.exists": N_("The {kind} '{slug}' already exists; slugs are never reused."),
    "vocab.empty_name": N_("A new term needs a display name."),
    "vocab.group": N_("A therapy's group is one of {groups}; got '{group}'."),
    "vocab.group_not_therapy": N_("Only therapies have a group."),
}


def render(code: str, params: dict[str, Any]) -> str:
    """The sentence for error ``code`` with its ``params`` filled in."""
    template = MESSAGES.get(code)
    if template is None:  # a programming slip, never the user's: still say something whole
        return f"{code}: {params}" if params else code
    return template.format(**params)

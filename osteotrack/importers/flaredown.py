"""Flaredown's data export: the CSV it e-mails (as data.csv) to a user who asks for their data.

Read from Flaredown's own code (rubyforgood/Flaredown, ``backend/app/jobs/data_export_job.rb``):
one row per check-in, oldest first. The header is ``Date``, then one column per condition,
per symptom and per treatment the user ever tracked (their names, in the user's language,
with nothing saying which kind a column is), then ``Tags`` and ``Foods`` (names joined by
"; "), and since October 2021 six weather columns. Conditions and symptoms hold the
0–4 rating (0 not active … 4 extremely active); a treatment holds its dose, and since
October 2021 "Taken" (no dose) or "Not Taken". Ruby's CSV writes nil as an empty cell,
an empty text as ``""``, and quotes a field with a comma, quote or line break.

The Date cell was a day (``2017-01-04``) until November 2021; since then a date-time
(``2022-03-01T14:05:09+00:00``): the day the user picked with the server's UTC clock time.

Mapping (stated in the preview):
- the day is the day written, never moved across time zones; the clock time, when there is
  one, is the UTC clock turned into this computer's local time of day on that same day
  (midnight UTC exactly means "no time": such rows were made before times were kept);
  rows with a day only get midday;
- overall pain is the highest rating of the check-in's pain symptoms (a name that speaks of
  pain or names a place), else the highest rating of all its conditions and symptoms, times
  2.5 rounded half up (1→3, 2→5, 3→8, 4→10);
- a rated symptom that names a place becomes that place with its own intensity, one that
  names a quality (spasms → cramping) that quality, and one that names another body part
  ("Hip pain", with no side) is offered as a new place; treatments become therapies (pain
  medicines with their name and dose); tags become triggers when the name matches;
- every condition, symptom, treatment, tag and food is also written in the note, word for
  word, so nothing is lost. Weather is left out: Flaredown filled it in from a weather service.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, time, timedelta, timezone

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.numbers import figure, whole
from osteotrack.domain.records import TherapyUse
from osteotrack.domain.validate import Vocabulary
from osteotrack.i18n import N_, _
from osteotrack.importers import names
from osteotrack.importers.plan import EntryDraft, ImportPlan, NewTerm, Pending, on_day, scale_0_4, shown

WEATHER = ("Weather summary", "Weather max temperature", "Weather min temperature", "Weather pressure",
           "Weather precipitation intensity", "Weather humidity")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MOMENT = re.compile(r"^(-?\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?([+-]\d{2}:\d{2}|Z)$")
_RATING = re.compile(r"^[0-4]$")


def decode(data: bytes, where: str) -> str:
    """The file's text (UTF-8, with or without a byte-order mark)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError("import.not_utf8", field="file", path=where) from None


def read(data: bytes, path: str, vocab: Vocabulary) -> ImportPlan:
    """The plan for a Flaredown ``data.csv``; a file that is not one gets one sentence."""
    text = decode(data, path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error:  # not even its first row is CSV
        header = None
    try:
        if not header or header[0].strip() != "Date" or "Tags" not in header or "Foods" not in header:
            raise ValidationError("import.flaredown_header", field="file", path=path)
        rows, start = [], reader.line_num + 1
        for row in reader:  # a row's line is where it starts (a quoted cell may hold line breaks)
            if any(cell.strip() for cell in row):
                rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as error:
        raise ValidationError("import.bad_csv", field="file", path=path, line=reader.line_num,
                              problem=str(error)) from None
    weather = tuple(header[-len(WEATHER):]) == WEATHER
    tags_at = len(header) - (len(WEATHER) if weather else 0) - 2
    if header[tags_at:tags_at + 2] != ["Tags", "Foods"]:
        raise ValidationError("import.flaredown_header", field="file", path=path)
    tracked = header[1:tags_at]
    plan = ImportPlan("flaredown", N_("Flaredown export"), rows_read=len(rows))
    treatments_from = _first_treatment(tracked, rows)
    plan.rules.append(_("Pain: Flaredown rates 0–4 (not active … extremely active); osteotrack takes the highest "
                        "rating of the check-in's pain symptoms (else of all its conditions and symptoms) times "
                        "{factor}, rounded half up: 1→3, 2→5, 3→8, 4→10.").format(factor=figure("2.5")))
    plan.rules.append(_("Days are kept as picked in Flaredown; check-ins with no time of day are put at midday."))
    if weather:
        plan.left_out.append(_("The weather columns: Flaredown filled them in from a weather service."))
    per_day: dict[date, int] = {}
    for line, row in rows:
        if len(row) != len(header):
            plan.skip(line, ValidationError("import.row_width", line=line, found=len(row), expected=len(header)))
            continue
        try:
            day, clock = _when(row[0])
        except ValidationError as error:
            plan.skip(line, error)
            continue
        index = per_day.get(day, 0)
        per_day[day] = index + 1
        cells = dict(enumerate(row))
        ratings = [(name, int(cells[i + 1])) for i, name in enumerate(tracked[:treatments_from])
                   if _RATING.match(cells[i + 1].strip())]
        treatments = [(name, cells[i + 1].strip()) for i, name in enumerate(tracked)
                      if i >= treatments_from and cells[i + 1].strip()]
        tags = [t.strip() for t in cells[tags_at].split(";") if t.strip()]
        foods = [f.strip() for f in cells[tags_at + 1].split(";") if f.strip()]
        if not ratings:
            plan.skip(line, ValidationError("import.flaredown_no_rating", line=line))
            continue
        draft = EntryDraft(vocab)
        pain = _pain(ratings, vocab)
        _map_ratings(draft, ratings, vocab)
        _map_treatments(draft, treatments, vocab)
        for tag in tags:
            slug = names.trigger(tag, vocab)
            if slug:
                draft.trigger(slug)
            else:
                draft.new(Pending(names.new_term("trigger", tag, vocab, "tag"), ""))  # the note lists the tags
        lines = []
        if ratings:
            lines.append(_("Flaredown ratings (0–4): {ratings}.").format(
                ratings="; ".join(f"{n} {whole(v)}" for n, v in ratings)))
        if treatments:  # the values as Flaredown wrote them: a dose, "Taken" or "Not Taken"
            lines.append(_("Treatments: {treatments}.").format(
                treatments="; ".join(f"{n} {v}" for n, v in treatments)))
        if tags:
            lines.append(_("Tags: {tags}.").format(tags="; ".join(tags)))
        if foods:
            lines.append(_("Foods: {foods}.").format(foods="; ".join(foods)))
        for text in lines:
            draft.note(text)
        at = on_day(day, clock)
        plan.entries.append(draft.entry(f"{day.isoformat()}#{index}", line, at, pain))
    return plan


def _first_treatment(tracked: list[str], rows) -> int:
    """Where the treatment columns start: the first column holding anything but a 0–4 rating.

    Conditions, symptoms and treatments come in that order, and the header does not say
    which is which; treatments hold a dose, "Taken" or "Not Taken".
    """
    for i in range(len(tracked)):
        for _line, row in rows:
            if len(row) > i + 1 and row[i + 1].strip() and not _RATING.match(row[i + 1].strip()):
                return i
    return len(tracked)


def _when(cell: str) -> tuple[date, time | None]:
    """The day picked in Flaredown and, when recorded, the local time of day."""
    text = cell.strip()
    m = _DAY.match(text)
    if m:
        return _day(text, *m.groups()), None
    m = _MOMENT.match(text)
    if not m:
        raise ValidationError("import.flaredown_date", field="date", value=shown(text))
    year, month, day_, hour, minute, second, offset = m.groups()
    day = _day(text, year, month, day_)
    if (hour, minute, second) == ("00", "00", "00"):
        return day, None
    if offset == "Z":
        offset = "+00:00"
    sign = -1 if offset[0] == "-" else 1
    shift = sign * timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6]))
    utc = (datetime(2000, 1, 1, int(hour), int(minute), int(second)) - shift).replace(tzinfo=timezone.utc)
    # The clock time of that UTC instant here, on the day as picked (the day itself never moves).
    local = datetime.combine(day, utc.time(), timezone.utc).astimezone()
    return day, local.time().replace(second=0, microsecond=0)


def _day(text: str, year: str, month: str, day: str) -> date:
    if int(year) < 1900:
        # Check-ins made on the day itself between 7 and 25 November 2021 were saved as DateTime.new:
        # -4712-01-01T00:00:00+00:00, with no trace of their day.
        raise ValidationError("import.flaredown_no_day", field="date", value=shown(text))
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise ValidationError("import.flaredown_date", field="date", value=shown(text)) from None


def _pain(ratings: list[tuple[str, int]], vocab: Vocabulary) -> int:
    painful = [v for n, v in ratings if names.is_pain_name(n) or names.place(n, vocab)[0]]
    return scale_0_4(max(painful) if painful else max(v for _, v in ratings))


def _map_ratings(draft: EntryDraft, ratings: list[tuple[str, int]], vocab: Vocabulary) -> None:
    for name, value in ratings:
        if value == 0:
            continue
        places, level = names.place(name, vocab)
        for slug in places:
            draft.site(slug, scale_0_4(value), level)
        if places:
            continue
        slug = names.quality(name, vocab)
        if slug:
            draft.quality(slug)
        elif (part := names.body_part(name)) is not None:  # "Hip pain": a place once the user confirms it
            known, _level = names.place(part, vocab)  # added by an earlier import, say
            for slug in known:
                draft.site(slug, scale_0_4(value))
            if not known:
                draft.new(Pending(names.new_term("location", part, vocab, "symptom"), "",
                                  intensity=scale_0_4(value)))


def _map_treatments(draft: EntryDraft, treatments: list[tuple[str, str]], vocab: Vocabulary) -> None:
    for name, value in treatments:
        if value == "Not Taken":
            continue
        dose = None if value == "Taken" else value
        found = names.medicine(name)
        if found:
            therapy, medication, _dose = found
            draft.therapy(TherapyUse(therapy, None, medication, dose), f"{name} {value}")
            continue
        slug = names.therapy(name, vocab)
        if slug:
            draft.therapy(TherapyUse(slug), f"{name} {value}")
            continue
        group = "medication" if dose else "physical"
        term: NewTerm = names.new_term("therapy", name, vocab, "treatment", group)
        draft.new(Pending(term, ""))  # the note lists the treatments

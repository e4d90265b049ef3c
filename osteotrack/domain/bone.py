"""Bone care: treatments and their doses, height, the falls check, the impression of change, side effects.

Records, never advice: a treatment is what was prescribed (the medicine, how often, since
when), a dose is what was taken or given, and the arithmetic here only says when the next
one falls due and how many days late a dose was. The schedule is the user's prescription;
the built-in list below only offers each medicine's usual choices to pick from.

Due dates: the first dose of a treatment is due on its start day; every later one is due one
interval after the dose before it, as the denosumab label says of a missed injection
("schedule injections every 6 months from the date of the last injection"). Months and years
count calendar months; a day that does not exist in the target month becomes that month's
last day (31 Aug + 6 months is 28 Feb, or 29 Feb in a leap year).
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.validate import whole_number
from osteotrack.i18n import N_, Nn_, _, ngettext

# -- the built-in medicines -------------------------------------------------------


@dataclass(frozen=True)
class Medicine:
    """A bone medicine the app knows: its name, usual intervals and codes from public classifications.

    ``atc``: the WHO ATC code (a substance, or a group where the entry is a class, such as
    calcium or hormone therapy); ``rxnorm``: the RxNorm ingredient, only where it was verified.
    """

    slug: str
    name: str
    intervals: tuple[str, ...]  # the usual choices, most usual first
    atc: str
    form: str  # tablet, injection, infusion or supplement: how a dose is named
    rxnorm: str | None = None


# Codes checked in tests/unit/test_bone_codes.py, which cites where each was read.
MEDICINES: dict[str, Medicine] = {m.slug: m for m in (
    Medicine("alendronate", N_("Alendronate"), ("1w", "1d"), "M05BA04", "tablet"),
    Medicine("risedronate", N_("Risedronate"), ("1w", "1m", "1d"), "M05BA07", "tablet"),
    Medicine("ibandronate", N_("Ibandronate"), ("1m", "3m"), "M05BA06", "tablet"),
    Medicine("zoledronic-acid", N_("Zoledronic acid"), ("1y",), "M05BA08", "infusion", rxnorm="77655"),
    Medicine("denosumab", N_("Denosumab"), ("6m",), "M05BX04", "injection"),
    Medicine("teriparatide", N_("Teriparatide"), ("1d",), "H05AA02", "injection"),
    Medicine("abaloparatide", N_("Abaloparatide"), ("1d",), "H05AA04", "injection"),
    Medicine("romosozumab", N_("Romosozumab"), ("1m",), "M05BX06", "injection"),
    Medicine("raloxifene", N_("Raloxifene"), ("1d",), "G03XC01", "tablet"),
    Medicine("hormone-therapy", N_("Hormone therapy"), ("1d",), "G03C", "tablet"),
    Medicine("calcium", N_("Calcium"), ("1d",), "A12A", "supplement"),
    Medicine("vitamin-d", N_("Vitamin D"), ("1d", "1w", "1m"), "A11CC", "supplement"),
)}

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def medicine_slug(text: str) -> str:
    """A medicine as stored: a built-in slug, or the user's own in the same form ("strontium")."""
    slug = "-".join((text or "").strip().lower().replace("_", "-").split())
    if not slug or len(slug) > 60 or not _SLUG.match(slug):
        raise ValidationError("bone.medicine", field="medicine", value=text,
                              known=", ".join(MEDICINES))
    return slug


def medicine_name(slug: str, own_name: str = "") -> str:
    """The display name of a medicine: the built-in one, the user's own, or the slug in words."""
    if own_name:
        return own_name
    known = MEDICINES.get(slug)
    return _(known.name) if known else slug.replace("-", " ").capitalize()


def dose_word(slug: str) -> str:
    """What one dose of a medicine is called: ``injection``, ``infusion``, or ``dose`` (a key, not words:
    sentences about a dose are whole messages, one per kind, as ``DOSE_NAMES``)."""
    known = MEDICINES.get(slug)
    return known.form if known and known.form in ("injection", "infusion") else "dose"


# A medicine with the name of its dose: "Denosumab injection", "Alendronate".
DOSE_NAMES = {
    # TRANSLATORS: a dose of a medicine given by injection: "Denosumab injection".
    "injection": N_("{medicine} injection"),
    # TRANSLATORS: a dose of a medicine given by infusion: "Zoledronic acid infusion".
    "infusion": N_("{medicine} infusion"),
}


def dose_name(slug: str, name: str) -> str:
    """``Denosumab injection``, ``Zoledronic acid infusion``, ``Alendronate``: a dose of the medicine ``slug``."""
    form = dose_word(slug)
    return name if form == "dose" else _(DOSE_NAMES[form]).format(medicine=name)


# -- intervals ----------------------------------------------------------------------

_EVERY = re.compile(r"^([0-9]{1,4})\s*([dwmy])$")
# More than this is a typing mistake, not a prescription.
MOST = {"d": 366, "w": 104, "m": 60, "y": 10}
_UNIT_WORDS = {
    "d": Nn_("every day", "every {n} days"),
    "w": Nn_("every week", "every {n} weeks"),
    "m": Nn_("every month", "every {n} months"),
    "y": Nn_("every year", "every {n} years"),
}


@dataclass(frozen=True)
class Interval:
    """How often: a count of days, weeks, calendar months or years (``1w``, ``6m``)."""

    count: int
    unit: str  # d, w, m or y

    @property
    def text(self) -> str:
        """The stored form: ``1w``, ``6m``."""
        return f"{self.count}{self.unit}"

    def words(self) -> str:
        """``every week``, ``every 6 months``."""
        from osteotrack.domain.numbers import whole

        return ngettext(*_UNIT_WORDS[self.unit], self.count).format(n=whole(self.count))

    def after(self, day: date) -> date:
        """The day one interval after ``day`` (month ends clamp: 31 Jan + 1 month is 28 or 29 Feb)."""
        if self.unit == "d":
            return day + timedelta(days=self.count)
        if self.unit == "w":
            return day + timedelta(days=7 * self.count)
        return months_after(day, self.count * (12 if self.unit == "y" else 1))

    @property
    def fhir_unit(self) -> str:
        """The UCUM unit FHIR's ``Timing.repeat.periodUnit`` takes for this unit."""
        return {"d": "d", "w": "wk", "m": "mo", "y": "a"}[self.unit]


def parse_interval(text: str) -> Interval:
    """Read ``1d``, ``1w``, ``2w``, ``1m``, ``3m``, ``6m``, ``1y`` or any ``Nd``, ``Nw``, ``Nm``, ``Ny``."""
    match = _EVERY.match((text or "").strip().lower())
    if not match or int(match[1]) == 0:
        raise ValidationError("bone.interval", field="every", value=text)
    count, unit = int(match[1]), match[2]
    if count > MOST[unit]:
        raise ValidationError("bone.interval_long", field="every", value=text)
    return Interval(count, unit)


def months_after(day: date, months: int) -> date:
    """The same date ``months`` calendar months later, clamped to that month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


# -- records ------------------------------------------------------------------------


@dataclass
class Treatment:
    """A bone treatment as prescribed: the medicine, how often, since when (and until when, once stopped)."""

    medicine: str  # a built-in slug or the user's own
    every: str  # an interval, e.g. "1w"
    since: date
    dose: str = ""  # as prescribed, e.g. "70 mg"
    name: str = ""  # the display name of the user's own medicine; empty for a built-in one
    stopped: date | None = None
    note: str = ""
    stop_note: str = ""
    id: str | None = None

    @property
    def interval(self) -> Interval:
        return parse_interval(self.every)

    @property
    def display_name(self) -> str:
        return medicine_name(self.medicine, self.name)

    def covers(self, day: date) -> bool:
        """Whether ``day`` falls in this treatment's period (its start day and stop day included)."""
        return self.since <= day and (self.stopped is None or day <= self.stopped)


@dataclass
class Dose:
    """One dose taken, or one injection or infusion given, of a treatment."""

    medicine: str
    at: datetime
    note: str = ""
    treatment_id: str | None = None
    id: str | None = None


@dataclass
class Height:
    """A height measurement, kept in whole millimetres (shown as centimetres with one decimal)."""

    at: datetime
    mm: int
    note: str = ""
    id: str | None = None

    @property
    def cm(self) -> float:
        return self.mm / 10


@dataclass
class FallsCheck:
    """The three yes/no questions of the falls check, answered at one time."""

    at: datetime
    fell: bool
    unsteady: bool
    worried: bool
    id: str | None = None

    @property
    def yes_count(self) -> int:
        return int(self.fell) + int(self.unsteady) + int(self.worried)


@dataclass
class Impression:
    """The patient's impression of change, 1 (very much improved) to 7 (very much worse)."""

    at: datetime
    score: int
    since_start_of: str | None = None  # a medicine slug; None: since the diary started
    note: str = ""
    id: str | None = None


@dataclass
class SideEffect:
    """A side effect the patient puts down to a medicine (a bone treatment or a pain medicine)."""

    effect: str
    medicine: str
    at: datetime
    severity: int | None = None  # 1 (barely noticed) to 10 (worst imaginable)
    note: str = ""
    id: str | None = None


# -- the falls check and the impression of change: our own words ---------------------

# The three questions of the CDC's falls screening (STEADI), asked in our own words.
FALLS_QUESTIONS = {
    "fell": N_("Have you fallen in the past 12 months?"),
    "unsteady": N_("Do you feel unsteady when you stand or walk?"),
    "worried": N_("Do you worry that you might fall?"),
}
FALLS_CHECK_DAYS = 30  # the app offers the check at most this often

# The Patient Global Impression of Change: seven points, 1 best and 7 worst (public domain).
IMPRESSIONS = {
    1: N_("very much improved"),
    2: N_("much improved"),
    3: N_("a little improved"),
    4: N_("no change"),
    5: N_("a little worse"),
    6: N_("much worse"),
    7: N_("very much worse"),
}


def impression_text(score: int) -> str:
    """The words of a score of the impression of change, in the language in force: ``a little improved``."""
    return _(IMPRESSIONS[score])
IMPRESSION_DAYS = 30  # the app offers it at most this often

SEVERITY_LOW, SEVERITY_HIGH = 1, 10

# Height loss the app points out (see tests/unit/test_bone.py for the sources).
TOTAL_LOSS_MM = 40  # below the tallest height recorded
YEAR_LOSS_MM = 20  # below a measurement about a year earlier
YEAR_WINDOW_DAYS = (300, 430)  # "about a year": an earlier measurement this many days before

HEIGHT_MM = (500, 2500)
INCH_MM = 25.4


# -- validation ----------------------------------------------------------------------


def _now(now: datetime | None) -> datetime:
    from osteotrack.domain.when import now_local

    return now or now_local()


def _moment(moment: datetime, now: datetime | None) -> datetime:
    from osteotrack.domain.validate import check_moment

    return check_moment(moment, _now(now), "bone")


def _day_not_future(day: date, now: datetime | None, field: str) -> date:
    from osteotrack.domain.when import check_not_future

    return check_not_future(day, _now(now), code="bone.day_future", field=field)  # and not before 1900


def validate_treatment(t: Treatment, now: datetime | None = None) -> Treatment:
    """Check a treatment's medicine, interval, start and stop; return it normalised or refuse."""
    slug = medicine_slug(t.medicine)
    every = parse_interval(t.every).text
    since = _day_not_future(t.since, now, "since")
    stopped = None
    if t.stopped is not None:
        stopped = _day_not_future(t.stopped, now, "on")
        if stopped < since:
            raise ValidationError("bone.stop_before_start", field="on", on=stopped.isoformat(),
                                  since=since.isoformat(), name=medicine_name(slug, t.name))
    name = " ".join((t.name or "").split())
    if slug in MEDICINES:
        name = ""
    return replace(t, medicine=slug, every=every, since=since, stopped=stopped, dose=" ".join((t.dose or "").split()),
                   name=name, note=t.note or "", stop_note=t.stop_note or "")


def validate_dose(d: Dose, now: datetime | None = None) -> Dose:
    return replace(d, medicine=medicine_slug(d.medicine), at=_moment(d.at, now), note=d.note or "")


def height_mm(value, inches: bool = False) -> int:
    """A height typed by a person (``162.5`` cm, or inches) as whole millimetres, or one sentence."""
    text = str(value).strip().replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        number = float("nan")
    if not re.fullmatch(r"[0-9]{1,3}(\.[0-9]+)?", text) or number != number:
        raise ValidationError("bone.height_number", field="height", value=value)
    mm = round_half_up(number * (INCH_MM if inches else 10))
    if not HEIGHT_MM[0] <= mm <= HEIGHT_MM[1]:
        raise ValidationError("bone.height_range", field="height", value=value,
                              unit="inches" if inches else "cm")
    return mm


def validate_height(h: Height, now: datetime | None = None) -> Height:
    if isinstance(h.mm, bool) or not isinstance(h.mm, int) or not HEIGHT_MM[0] <= h.mm <= HEIGHT_MM[1]:
        raise ValidationError("bone.height_range", field="height", value=h.mm, unit="mm")
    return replace(h, at=_moment(h.at, now), note=h.note or "")


def yes_no(value, field: str) -> bool:
    """``yes``/``no`` (or true/false, y/n) as a bool, or one sentence."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("yes", "y", "true", "1"):
        return True
    if text in ("no", "n", "false", "0"):
        return False
    raise ValidationError("bone.yes_no", field=field, value=value, option=field.replace("_", "-"))


def validate_falls_check(c: FallsCheck, now: datetime | None = None) -> FallsCheck:
    return replace(c, at=_moment(c.at, now), fell=yes_no(c.fell, "fell"),
                   unsteady=yes_no(c.unsteady, "unsteady"), worried=yes_no(c.worried, "worried"))


def check_impression(value) -> int:
    score = whole_number(value)
    if score is None or score not in IMPRESSIONS:
        raise ValidationError("bone.impression", field="score", value=value)
    return score


def validate_impression(i: Impression, now: datetime | None = None) -> Impression:
    since = medicine_slug(i.since_start_of) if i.since_start_of else None
    return replace(i, score=check_impression(i.score), since_start_of=since,
                   at=_moment(i.at, now), note=i.note or "")


def check_severity(value) -> int | None:
    if value is None or value == "":
        return None
    number = whole_number(value)
    if number is None or not SEVERITY_LOW <= number <= SEVERITY_HIGH:
        raise ValidationError("bone.severity", field="severity", value=value)
    return number


def validate_side_effect(s: SideEffect, now: datetime | None = None) -> SideEffect:
    effect = " ".join((s.effect or "").split())
    if not effect:
        raise ValidationError("bone.effect_empty", field="effect")
    medicine = " ".join((s.medicine or "").split())
    if not medicine:
        raise ValidationError("bone.effect_medicine", field="medicine")
    slug = medicine.lower().replace(" ", "-")
    if slug in MEDICINES:  # a bone medicine by its slug; a pain medicine keeps the name the user gave it
        medicine = slug
    return replace(s, effect=effect, medicine=medicine, severity=check_severity(s.severity),
                   at=_moment(s.at, now), note=s.note or "")


# -- due and late: plain arithmetic ----------------------------------------------------


@dataclass(frozen=True)
class DoseTiming:
    """One dose against the day it was due: on time (0 days late) or how many days late."""

    day: date
    due: date
    days_late: int


@dataclass(frozen=True)
class TreatmentStatus:
    """Where a treatment stands on a day: the last dose, the next one due and how late it is."""

    treatment: Treatment
    last_dose: date | None
    next_due: date | None  # None once the treatment is stopped
    days_late: int  # 0 when not yet due (or stopped)
    due_in: int  # days until the next dose is due; 0 when due today or late


def timings(treatment: Treatment, dose_days: list[date]) -> tuple[list[DoseTiming], date]:
    """Each dose of a treatment against its due day, oldest first, and the day the next one is due.

    The first dose is due on the treatment's start day, every later one one interval after
    the dose before it; a dose on or before its due day is on time (0 days late).
    """
    interval = treatment.interval
    due = treatment.since
    out = []
    for day in sorted(dose_days):
        out.append(DoseTiming(day, due, max(0, (day - due).days)))
        due = interval.after(day)
    return out, due


def status(treatment: Treatment, dose_days: list[date], today: date) -> TreatmentStatus:
    """The last dose, the next due day and the days late on ``today`` (nothing is due once stopped)."""
    _, due = timings(treatment, dose_days)
    last = max(dose_days) if dose_days else None
    if treatment.stopped is not None and treatment.stopped <= today:
        return TreatmentStatus(treatment, last, None, 0, 0)
    return TreatmentStatus(treatment, last, due, max(0, (today - due).days), max(0, (due - today).days))


# -- height ------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeightLoss:
    """A height measurement that crossed a threshold: how much lower than which earlier one."""

    kind: str  # "total" (below the tallest recorded) or "year" (below one about a year earlier)
    mm: int
    reference: Height
    measured: Height


def _year_earlier(earlier: list[Height], day: date) -> Height | None:
    low, high = YEAR_WINDOW_DAYS
    window = [h for h in earlier if low <= (day - h.at.date()).days <= high]
    return min(window, key=lambda h: (abs((day - h.at.date()).days - 365), -h.mm), default=None)


def losses(earlier: list[Height], measured: Height) -> list[HeightLoss]:
    """The thresholds ``measured`` is past, against the measurements taken before it."""
    before = [h for h in earlier if h.at < measured.at]
    out = []
    tallest = max(before, key=lambda h: (h.mm, h.at), default=None)
    if tallest is not None and tallest.mm - measured.mm >= TOTAL_LOSS_MM:
        out.append(HeightLoss("total", tallest.mm - measured.mm, tallest, measured))
    year = _year_earlier(before, measured.at.date())
    if year is not None and year.mm - measured.mm >= YEAR_LOSS_MM:
        out.append(HeightLoss("year", year.mm - measured.mm, year, measured))
    return out


def new_losses(earlier: list[Height], measured: Height) -> list[HeightLoss]:
    """The thresholds ``measured`` newly crossed: those the measurement just before it had not.

    So the app says so once, when a loss first shows, not again at every later measurement.
    """
    before = sorted((h for h in earlier if h.at < measured.at), key=lambda h: h.at)
    now = losses(before, measured)
    if not before:
        return now
    already = {loss.kind for loss in losses(before[:-1], before[-1])}
    return [loss for loss in now if loss.kind not in already]


def loss_question(loss: HeightLoss) -> str:
    """The question the app adds for the doctor when a height loss shows (the user may delete it)."""
    return _("My height went down by {loss} since {day} (from {before} to {now}). Should we look into it?").format(
        loss=cm_text(loss.mm), day=day_text(loss.reference.at.date()), before=cm_text(loss.reference.mm),
        now=cm_text(loss.measured.mm))


def loss_sentence(loss: HeightLoss) -> str:
    """What the app says when a height loss shows, with the threshold it crossed."""
    if loss.kind == "total":
        return _("This is {loss} below the tallest height recorded ({tallest} on {day}); a loss of {threshold} "
                 "or more is worth showing your doctor.").format(
            loss=cm_text(loss.mm), tallest=cm_text(loss.reference.mm), day=day_text(loss.reference.at.date()),
            threshold=cm_text(TOTAL_LOSS_MM))
    return _("This is {loss} below the height measured on {day} ({before}); a loss of {threshold} or more in about "
             "a year is worth showing your doctor.").format(
        loss=cm_text(loss.mm), day=day_text(loss.reference.at.date()), before=cm_text(loss.reference.mm),
        threshold=cm_text(YEAR_LOSS_MM))


# -- words for people: one helper per kind of number (to point at domain.numbers later) -----


def round_half_up(value: float) -> int:
    """A number rounded to the nearest whole one, halves up (162.45 cm → 1625 mm)."""
    from decimal import ROUND_HALF_UP, Decimal

    return int(Decimal(repr(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def cm_text(mm: int) -> str:
    """Millimetres as centimetres for people: ``162.5 cm``, ``-2.0 cm`` stays signed (``162,5 cm`` in German)."""
    from decimal import Decimal

    from osteotrack.domain.numbers import pain

    return f"{pain(Decimal(mm).scaleb(-1))} cm"


def days_text(n: int) -> str:
    """``1 day``, ``12 days``."""
    from osteotrack.domain.numbers import count

    return count(n, "day")


def day_text(day: date) -> str:
    """``3 Mar 2026``."""
    from osteotrack.domain.dates import day as written

    return written(day)


def due_line(s: TreatmentStatus, today: date) -> str | None:
    """Today's one line for a treatment: due today, late, or due soon; None when stopped.

    "Alendronate was due Mon 30 Nov — 2 days late"; "Denosumab injection due in 12 days (14 Dec 2026)".
    """
    from osteotrack.domain.dates import weekday_day
    from osteotrack.domain.numbers import whole

    if s.next_due is None:
        return None
    what = dose_name(s.treatment.medicine, s.treatment.display_name)
    if s.days_late:
        when = weekday_day(s.next_due) if s.days_late < 7 else day_text(s.next_due)
        return ngettext("{what} was due {when} — {n} day late", "{what} was due {when} — {n} days late",
                        s.days_late).format(what=what, when=when, n=whole(s.days_late))
    if s.due_in == 0:
        return _("{what} is due today").format(what=what)
    return ngettext("{what} due in {n} day ({day})", "{what} due in {n} days ({day})", s.due_in).format(
        what=what, n=whole(s.due_in), day=day_text(s.next_due))

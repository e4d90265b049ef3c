"""Figures as people read them: one rounding rule, one way to write digits, one table of plurals.

Every number the report, the terminal tables, the command line and the app show
goes through here, so a figure reads the same on every screen and page.

The rounding rule: a value is first made exact — a float through its shortest
``repr``, then cut to ``NOISE_PLACES`` decimals, so that a mean of 4.25 that
arrives as 4.249999999999999 is 4.25 again; ints, ``Fraction`` and ``Decimal``
are exact already (a ``Fraction`` of a sum and a count is the way to pass
a mean exactly) — and then rounded half up, that is half away from zero:
4.25 → 4.3, 12.5 → 13, -0.25 → -0.3 (a rise and a fall of the same size read
alike). Python's ``round`` and ``format`` round ties to even, and on the float's
binary value (``f"{4.25:.1f}"`` is ``4.2``); neither is used for text here.

Digits are written in one place (``_digits``) and plurals chosen in one place
(``plural``), both in the language in force (``osteotrack.i18n``): the decimal sign
is the language's own ("4,5" in German, French and Spanish, from Babel's CLDR data,
loaded only when a figure has decimals), and a counted word takes the form the
language's plural rules give (the catalog's ``Plural-Forms`` header, through gettext).
"""

from __future__ import annotations

from functools import cache

from osteotrack.i18n import Nn_, _, decimal_separator, ngettext

TYPE_CHECKING = False  # typing is for the type checker only: the quick log path does not load it
if TYPE_CHECKING:
    from decimal import Context, Decimal
    from numbers import Rational

    Number = int | float | Rational | Decimal

NOISE_PLACES = 9  # decimals kept before rounding: far below any shown digit, far above a float's noise
MINUS = "-"  # ASCII, as typed and as every report and table has always printed it
NO_FIGURE = "–"  # a figure with nothing to rest on (no entries, no ratings)
NO_CHANGE = "±"  # the sign of a change of zero: "±0.0"

# Every counted word with its plural, marked for the catalogs (a language may have more than two forms).
# A word missing here is a KeyError, not a guessed "s".
PLURALS = {
    "breath": Nn_("breath", "breaths"),
    "check-in": Nn_("check-in", "check-ins"),
    "conflict": Nn_("conflict", "conflicts"),
    "day": Nn_("day", "days"),
    "dose": Nn_("dose", "doses"),
    "entry": Nn_("entry", "entries"),
    "event": Nn_("event", "events"),
    "falls check": Nn_("falls check", "falls checks"),
    "height": Nn_("height", "heights"),
    "impression": Nn_("impression", "impressions"),
    "logged day": Nn_("logged day", "logged days"),
    "minute": Nn_("minute", "minutes"),
    "profile": Nn_("profile", "profiles"),
    "question": Nn_("question", "questions"),
    "rating": Nn_("rating", "ratings"),
    "record": Nn_("record", "records"),
    "second": Nn_("second", "seconds"),
    "self-care session": Nn_("self-care session", "self-care sessions"),
    "session": Nn_("session", "sessions"),
    "side effect": Nn_("side effect", "side effects"),
    "treatment": Nn_("treatment", "treatments"),
    "use": Nn_("use", "uses"),
    "week": Nn_("week", "weeks"),
}


@cache
def _context() -> Context:
    # decimal is imported on first use: `osteotrack log` prints only whole numbers and should not pay for it.
    from decimal import Context

    return Context(prec=60)  # room for NOISE_PLACES decimals on any count a diary can hold


def exact(value: Number) -> Decimal:
    """``value`` as a Decimal with float noise removed (``NOISE_PLACES`` decimals at most)."""
    from decimal import ROUND_HALF_UP, Decimal
    from numbers import Rational  # what a Fraction is, without importing fractions

    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Rational):  # a Fraction: divided out in Decimal, never through a float
        value = _context().divide(Decimal(int(value.numerator)), Decimal(int(value.denominator)))
    elif not isinstance(value, Decimal):
        value = Decimal(repr(float(value)))
    return value.quantize(Decimal(1).scaleb(-NOISE_PLACES), rounding=ROUND_HALF_UP, context=_context())


def rounded(value: Number, places: int = 1) -> Decimal:
    """``value`` rounded half up (away from zero) to ``places`` decimals, by the module's rule."""
    from decimal import ROUND_HALF_UP, Decimal

    result = exact(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=_context())
    return result + 0  # + 0 turns -0.0 into 0.0


def _rounded(value: Number, places: int) -> Decimal | int:
    """``rounded``, with whole numbers to no decimals passed straight through (decimal is not even loaded)."""
    return value if type(value) is int and places == 0 else rounded(value, places)


def _digits(number: Decimal | int) -> str:
    """The one place a number becomes text: its minus sign and decimal separator are chosen here."""
    text = str(number) if isinstance(number, int) else format(number, "f")
    if "." in text:
        text = text.replace(".", decimal_separator())
    return text.replace("-", MINUS)


def pain(value: Number | None, places: int = 1) -> str:
    """A figure on the 0–10 scales (a mean pain, an intensity, a PEG score): ``4.3``; ``–`` for None."""
    return NO_FIGURE if value is None else _digits(_rounded(value, places))


def signed(value: Number | None, places: int = 1) -> str:
    """A change with its sign: ``+0.5``, ``-1.0``, ``±0.0`` (``+3``, ``±0`` with places=0); ``–`` for None."""
    if value is None:
        return NO_FIGURE
    number = _rounded(value, places)
    return ("+" if number > 0 else NO_CHANGE if number == 0 else "") + _digits(number)


def change(now: Number | None, before: Number | None, places: int = 1) -> Decimal | None:
    """The difference of the two values as shown (each rounded first), so it adds up on the page; None if either is."""
    if now is None or before is None:
        return None
    return rounded(now, places) - rounded(before, places)


def percent(value: Number | None) -> str:
    """A value already in percent (a relief rating, a mean relief) as a whole percentage: ``13%``."""
    return NO_FIGURE if value is None else with_percent(_digits(_rounded(value, 0)))


def with_percent(number: str) -> str:
    """A number written already, with the percent sign as the language writes it: ``13%``, German ``13 %``."""
    # TRANSLATORS: a percentage. CLDR writes the sign after a no-break space in Spanish, German and French: "13 %".
    return _("{number}%").format(number=number)


def share(fraction: Number | None) -> str:
    """A share from 0 to 1 (days logged of days in range) as a whole percentage: 0.125 → ``13%``."""
    return NO_FIGURE if fraction is None else percent(exact(fraction) * 100)


def t_score(value: Number) -> str:
    """A DXA T-score with one decimal and always a sign, as the app has always shown it: ``+1.0``, ``-2.7``."""
    number = rounded(value, 1)
    return ("+" if number >= 0 else "") + _digits(number)


def plural(n: int, word: str) -> str:
    """The form of ``word`` (a key of ``PLURALS``) that goes with ``n``: the one place plural rules live."""
    forms = PLURALS[word]  # looked up for 1 too: an unlisted word fails on its first use, not its second
    return ngettext(*forms, n)


def count(n: int, word: str) -> str:
    """How many, in words: ``1 entry``, ``2 entries``, ``0 days``.

    A count with more words than these ("3 new entries", "in 3 days") is a whole message of its own,
    ``ngettext("in {n} day", "in {n} days", n).format(n=whole(n))``: never words glued to a count.
    """
    return f"{_digits(n)} {plural(n, word)}"


def whole(n: int) -> str:
    """A whole number (a count inside a sentence of its own): ``3``."""
    return _digits(n)


def figure(value: Number | str) -> str:
    """A figure as it is stored (a PEG score of ``4.33``, a height of ``"162.5"``) with the language's decimal sign,
    neither rounded nor padded: for tables that show the stored value."""
    from decimal import Decimal

    number = Decimal(value) if isinstance(value, str) else exact(value)
    return _digits(number.normalize())  # 4.330000000 → 4.33, 10.0 → 10


def duration(seconds: Number) -> str:
    """A length of time in words, to the whole second: ``4 minutes 45 seconds``, ``1 minute``, ``0 seconds``."""
    minutes, rest = divmod(int(_rounded(seconds, 0)), 60)
    parts = [count(minutes, "minute")] if minutes else []
    if rest or not minutes:
        parts.append(count(rest, "second"))
    return " ".join(parts)

"""The language osteotrack speaks: which one is chosen, and the words in it.

Messages are marked in the code and translated through gettext catalogs,
``osteotrack/locale/<lang>/LC_MESSAGES/osteotrack.po``, compiled to ``.mo``
(``scripts/catalogs`` extracts, updates, compiles and checks them)::

    _("Pain today")                       # translated now, in the chosen language
    ngettext("{n} entry", "{n} entries", n)  # by the language's plural rules (the catalog's header)
    N_("Pain today")                      # marked for the catalogs, translated where it is shown
    lazy("Pain today")                    # marked, and translated each time it is turned into text

The language is chosen, in this order, by ``--lang CODE`` (``choose``), then
``OSTEOTRACK_LANG``, then the usual locale variables ``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG`` (the first one set decides), then English. Nothing is
loaded until a message is first translated: ``osteotrack log`` pays for its
catalog only when it has something to say in it, and only stdlib ``gettext``.

``x-pseudo`` is a pseudo-language made at run time, not a catalog: every message
is wrapped in ``⟦…⟧``, its letters accented and lengthened by about a third, with
its placeholders intact, so that English that shows through unwrapped, or a label
cut short, is seen at once.
"""

from __future__ import annotations

import os

# typing is not imported at run time (annotations are strings here): `osteotrack log` does not otherwise load it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from contextvars import ContextVar, Token
    from typing import Any, Protocol

    class _Catalog(Protocol):
        def gettext(self, message: str) -> str: ...

        def ngettext(self, singular: str, plural: str, n: int) -> str: ...

        def pgettext(self, context: str, message: str) -> str: ...


DOMAIN = "osteotrack"
# os.path, not pathlib: this module is on the quick log path, which does not otherwise load pathlib.
LOCALE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")
ENGLISH = "en"
PSEUDO = "x-pseudo"
# The languages shipped, with their names in their own words. A new one is added here and by scripts/catalogs.
LANGUAGES = {"en": "English", "es": "Español", "de": "Deutsch", "fr": "Français", PSEUDO: "Pseudo"}
ENVIRONMENT = ("OSTEOTRACK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


class UnknownLanguage(ValueError):
    """``--lang`` named a language osteotrack does not ship."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


_requested: str | None = None  # from --lang; None: the environment decides
_language: str | None = None  # the language in force, once resolved
_catalog: _Catalog | None = None
_spoken: ContextVar[str | None] | None = None  # the language of a ``speaking`` block, per thread
_catalogs: dict[str, _Catalog] = {}  # the catalogs ``speaking`` blocks have loaded


def normalize(code: str) -> str | None:
    """The shipped language a code or locale names (``de_AT.UTF-8`` → ``de``), or None if none is."""
    code = code.strip()
    if code.lower() == PSEUDO:
        return PSEUDO
    if code in ("C", "POSIX") or code.startswith(("C.", "POSIX.")):
        return ENGLISH
    base = code.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return base if base in LANGUAGES else None


def from_environment(environ: dict[str, str] | os._Environ[str] | None = None) -> str:
    """The language the environment asks for: ``OSTEOTRACK_LANG``, then the locale variables, then English.

    ``OSTEOTRACK_LANG`` is used when it names a shipped language. Of the locale variables the
    first one set decides, as in gettext; ``LANGUAGE`` may list several (``de:fr``): the first
    shipped one is taken. A locale osteotrack does not ship falls back to English.
    """
    environ = os.environ if environ is None else environ
    own = normalize(environ.get("OSTEOTRACK_LANG", ""))
    if own:
        return own
    for name in ENVIRONMENT[1:]:
        value = environ.get(name, "")
        if value:
            for candidate in value.split(":"):
                found = normalize(candidate) if candidate else None
                if found:
                    return found
            return ENGLISH
    return ENGLISH


def choose(code: str | None) -> None:
    """Speak the language ``code`` (``--lang``) from now on; None: let the environment decide.

    Raises ``UnknownLanguage`` for a language that is not shipped. Loads nothing yet.
    """
    global _requested, _language, _catalog
    if code is not None:
        found = normalize(code)
        if found is None:
            raise UnknownLanguage(code)
        code = found
    _requested, _language, _catalog = code, None, None


def speaking(code: str | None) -> Speaking:
    """Speak ``code`` for the time of a ``with`` block, then the language in force before it again.

    ``with speaking("de"): write_report(...)`` writes the report in the doctor's language while
    the app speaks the patient's. The block's language holds in its own thread (its context) only:
    a report written in a worker thread leaves the app's screens in the patient's language meanwhile.
    None changes nothing. Raises ``UnknownLanguage`` as ``choose`` does, when the block starts.
    """
    return Speaking(code)


class Speaking:
    """The ``with`` block of ``speaking`` (a class, not ``@contextmanager``: the quick log does without
    ``contextlib``)."""

    __slots__ = ("_code", "_token")

    def __init__(self, code: str | None):
        self._code = code
        self._token: Token[str | None] | None = None

    def __enter__(self) -> None:
        global _spoken
        if self._code is None:
            return
        found = normalize(self._code)
        if found is None:
            raise UnknownLanguage(self._code)
        if _spoken is None:  # made on first use: the quick log path never speaks another language
            from contextvars import ContextVar

            _spoken = ContextVar("osteotrack_speaking", default=None)
        self._token = _spoken.set(found)

    def __exit__(self, kind, error, trace) -> None:
        if self._token is not None and _spoken is not None:
            _spoken.reset(self._token)


def _speaking() -> str | None:
    """The language of the ``speaking`` block this code runs in, if any."""
    return None if _spoken is None else _spoken.get()


def requested() -> str | None:
    """The language chosen with ``choose`` (``--lang``), or None while the environment decides."""
    return _requested


def language() -> str:
    """The language in force: ``en``, ``es``, ``de``, ``fr`` or ``x-pseudo``."""
    global _language
    spoken = _speaking()
    if spoken is not None:
        return spoken
    if _language is None:
        _language = _requested or from_environment()
    return _language


def catalog() -> _Catalog:
    """The translations of the language in force, loaded on first use."""
    global _catalog
    spoken = _speaking()
    if spoken is not None:
        if spoken not in _catalogs:
            _catalogs[spoken] = _load(spoken)
        return _catalogs[spoken]
    if _catalog is None:
        _catalog = _load(language())
    return _catalog


def _load(lang: str) -> _Catalog:
    if lang == PSEUDO:
        return Pseudo()
    if lang == ENGLISH:
        return English()
    # No Babel, and not even gettext's parse of every message: the quick log path says a few, and pays for
    # those (Compiled). The file is opened by its path, not through gettext.translation(), which would
    # load the locale module to search for it.
    try:
        with open(os.path.join(LOCALE_DIR, lang, "LC_MESSAGES", f"{DOMAIN}.mo"), "rb") as mo:
            return Compiled(mo.read())
    except (OSError, ValueError):  # an install without its catalogs: English rather than no sentence at all
        return English()


def _(message: str) -> str:
    """``message`` in the language in force (as it is if the catalog lacks it)."""
    return catalog().gettext(message) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message that goes with the number ``n``, by the plural rules of the language in force."""
    return catalog().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` as meant in ``context`` ("month", "weekday"): for short words that mean more than one thing."""
    return catalog().pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogs without translating it: it is translated where it is shown."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular and plural pair for the catalogs; ``ngettext(*pair, n)`` translates it."""
    return singular, plural


class lazy(str):
    """A message marked for the catalogs that is translated each time it is turned into text.

    For texts fixed at import time (labels, option help) that must follow the language chosen later.
    """

    def __str__(self) -> str:
        return _(str.__str__(self))

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __add__(self, other: Any) -> str:
        return str(self) + str(other)

    def __radd__(self, other: Any) -> str:
        return str(other) + str(self)

    def format(self, *args: Any, **kwargs: Any) -> str:
        return str(self).format(*args, **kwargs)


class English:
    """The messages as they are written (what gettext's NullTranslations does, without importing gettext)."""

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return singular if n == 1 else plural

    def pgettext(self, context: str, message: str) -> str:
        return message


MO_MAGIC, MO_MAGIC_SWAPPED = 0x950412DE, 0xDE120495  # a .mo file's first word, read in either byte order


class Compiled:
    """A compiled catalog (``.mo``) read where it lies: its originals are indexed as bytes and a translation is
    decoded only when asked for, instead of decoding every message up front as ``gettext.GNUTranslations``
    does (a cost that would grow with the catalog on every ``osteotrack log``). Gives what ``GNUTranslations``
    gives (tests/unit/test_i18n_compiled.py checks every message of every shipped catalog).
    """

    def __init__(self, data: bytes):
        words = memoryview(data)[:len(data) // 4 * 4].cast("I")  # the file as 32-bit words, in this machine's order
        if words and words[0] == MO_MAGIC_SWAPPED:  # written on a machine of the other byte order
            from array import array

            swapped = array("I", data[:len(data) // 4 * 4])
            swapped.byteswap()
            words = memoryview(swapped)
        if len(words) < 7 or words[0] != MO_MAGIC:  # (the header is seven words)
            raise ValueError("not a .mo file")
        count, originals, translations = words[2], words[3] // 4, words[4] // 4
        self._data = data
        # Each message's (length, offset): the originals' indexed by their bytes, the translations' by position.
        self._lengths = words[translations:translations + 2 * count:2]
        self._offsets = words[translations + 1:translations + 2 * count:2]
        self._index = {data[offset:offset + length]: i for i, (length, offset)
                       in enumerate(zip(words[originals:originals + 2 * count:2],
                                        words[originals + 1:originals + 2 * count:2]))}
        self._plural: Callable[[int], int] | None = None  # the header's Plural-Forms rule, read on first use

    def _find(self, key: bytes) -> str | None:
        i = self._index.get(key)
        if i is None:
            return None
        offset = self._offsets[i]
        return self._data[offset:offset + self._lengths[i]].decode()

    def _plural_index(self, n: int) -> int:
        if self._plural is None:
            import gettext  # its c2py reads the catalog's plural rule ("n != 1", "n > 1"…) safely

            rule = "n != 1"
            for line in (self._find(b"") or "").splitlines():
                name, _, value = line.partition(":")
                if name.strip().lower() == "plural-forms" and "plural=" in value:
                    rule = value.split("plural=", 1)[1].strip().rstrip(";")
            self._plural = gettext.c2py(rule)
        return int(self._plural(n))

    def gettext(self, message: str) -> str:
        found = self._find(message.encode())
        return message if found is None else found

    def pgettext(self, context: str, message: str) -> str:
        found = self._find(f"{context}\x04{message}".encode())
        return message if found is None else found

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        found = self._find(f"{singular}\x00{plural}".encode())
        if found is None:
            return singular if n == 1 else plural
        forms = found.split("\x00")
        index = self._plural_index(n)
        return forms[index] if index < len(forms) else (singular if n == 1 else plural)


# -- the pseudo-language ------------------------------------------------------------------

_ACCENTS = str.maketrans("aeiouyAEIOUYcnCN", "áéíóúýÁÉÍÓÚÝçñÇÑ")
OPEN, CLOSE = "⟦", "⟧"


def pseudo(message: str) -> str:
    """``message`` in the pseudo-language: ``⟦Páíñ {value} ·····⟧``, placeholders and ``{{``/``}}`` untouched.

    The text between the brackets is about a third longer than the original (rounded up).
    """
    import string

    try:
        parts = list(string.Formatter().parse(message))
    except ValueError:  # not a template at all: every brace is text
        parts = [(message, None, None, None)]
    out = []
    for literal, name, spec, conversion in parts:
        out.append(literal.translate(_ACCENTS).replace("{", "{{").replace("}", "}}"))
        if name is not None:
            out.append("{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}")
    padding = -(-len(message) // 3)  # a third longer, rounded up
    return OPEN + "".join(out) + (" " + "·" * (padding - 1) if padding > 1 else "·" * padding) + CLOSE


class Pseudo:
    """The pseudo-language's catalog: every message made by ``pseudo``."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return pseudo(singular if n == 1 else plural)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)


# -- figures in the language in force (for domain.numbers) -------------------------------

_DECIMAL: dict[str, str] = {ENGLISH: ".", PSEUDO: "."}


def decimal_separator() -> str:
    """The decimal sign of the language in force (``,`` in German, French and Spanish), from Babel's CLDR data.

    Babel is imported only here, the first time a figure with decimals is written in a language other than English.
    """
    lang = language()
    if lang not in _DECIMAL:
        from babel.numbers import get_decimal_symbol

        _DECIMAL[lang] = get_decimal_symbol(lang)
    return _DECIMAL[lang]

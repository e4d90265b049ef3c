"""How much an import will read: the limits that keep a hostile file from crashing or exhausting the machine.

Every import (``osteotrack import`` of a JSON export or a CSV zip, and ``import --from``
flaredown, pain-diary or sheet) reads its file through these functions. Beyond a limit
the file is refused with one sentence (``import.too_big`` …) before it is parsed:

- a file of at most ``MAX_FILE_BYTES`` (64 MiB; a decade of a busy diary exports to ~10 MB);
- JSON nested at most ``MAX_DEPTH`` levels deep (an export needs 6), with numbers of at
  most ``MAX_NUMBER_CHARS`` characters, and no NaN or Infinity;
- a zip of at most ``MAX_MEMBERS`` members, none encrypted, each unpacking to at most
  ``MAX_FILE_BYTES`` and all together to at most ``MAX_UNZIPPED_BYTES``, and none larger
  than ``RATIO_FLOOR_BYTES`` (16 MiB) that unpacks to more than ``MAX_RATIO`` times its packed
  size (a zip bomb: 1 MB that unpacks to gigabytes). Below 16 MiB any ratio is accepted: our own
  CSV export of a long repetitive note packs ~1000 to 1, as tightly as a bomb, and the sizes
  above already bound what a smaller member can cost.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import stat
import zipfile
from pathlib import Path
from typing import Any

from osteotrack.domain.errors import ValidationError

MAX_FILE_BYTES = 64 * 2**20
MAX_DEPTH = 64
MAX_NUMBER_CHARS = 40
MAX_MEMBERS = 1000
MAX_UNZIPPED_BYTES = 256 * 2**20
MAX_RATIO = 200
RATIO_FLOOR_BYTES = 16 * 2**20

# Bytes as they matter to the nesting (quotes and brackets, every other byte deleted), and the brackets
# as steps of the depth; digits, to find a run of them that could be a number beyond MAX_NUMBER_CHARS.
_NOT_QUOTES_OR_BRACKETS = bytes(sorted(set(range(256)) - set(b'"[]{}')))
_STEPS = bytes.maketrans(b"[{]}", b"\x01\x01\x02\x02")
_DIGITS = bytes.maketrans(b"0123456789", b"\x00" * 10)
_LONG_NUMBER = b"\x00" * MAX_NUMBER_CHARS


def read_limited(path: str | os.PathLike) -> bytes:
    """The bytes of the file to import, refused unopened when it is not a regular file or is too big.

    A FIFO or a device would block or never end; only a regular file is opened.
    Missing files, folders and unreadable files raise OSError for the caller's own sentence.
    """
    path = Path(path).expanduser()
    info = os.stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(21, "Is a directory", str(path))
    if not stat.S_ISREG(info.st_mode):
        raise ValidationError("import.not_regular", field="file", path=str(path))
    if info.st_size > MAX_FILE_BYTES:
        raise _too_big(path, info.st_size)
    with open(path, "rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:  # it grew while we looked
        raise _too_big(path, len(data))
    return data


def _too_big(path, size: int) -> ValidationError:
    return ValidationError("import.too_big", field="file", path=str(path), size=_mib(size),
                           limit=_mib(MAX_FILE_BYTES, 0))


def _mib(size: int, places: int = 1) -> str:
    from osteotrack.domain.numbers import pain as figure  # the one formatter of figures

    return f"{figure(size / 2**20 if places else size // 2**20, places)} MiB"


def _number(kind, path):
    def parse(text: str):
        if len(text) > MAX_NUMBER_CHARS:  # int() of 5,000 digits fails; of 4,000 it is slow
            raise ValidationError("import.number_too_long", field="file", path=str(path), chars=len(text),
                                  limit=MAX_NUMBER_CHARS)
        value = kind(text)
        if kind is float and not math.isfinite(value):  # 1e400 is read as infinity
            raise ValidationError("import.not_a_number", field="file", path=str(path), text=text)
        return value
    return parse


def loads(text: str, path: str | os.PathLike, data: bytes | None = None) -> Any:
    """Parse untrusted JSON within the limits; ``json.JSONDecodeError`` for text that is not JSON at all.
    ``data``: the UTF-8 bytes the text was decoded from, when the caller has them (not encoded again)."""

    def constant(word: str):
        raise ValidationError("import.not_a_number", field="file", path=str(path), text=word)

    if data is None:
        data = text.encode("utf-8", "surrogatepass")
    if nesting(data) > MAX_DEPTH:
        raise ValidationError("import.too_deep", field="file", path=str(path), limit=MAX_DEPTH)
    # A float is checked as it is read (1e400 is infinity): an export holds few. A whole number can only be too
    # long where the text has that many digits in a row (in a number, or in text where they do no harm);
    # only then is each one read through a check of its length, a call per number.
    whole = _number(int, path) if _LONG_NUMBER in data.translate(_DIGITS) else None
    try:
        return json.loads(text, parse_int=whole, parse_float=_number(float, path), parse_constant=constant)
    except RecursionError:  # cannot happen within MAX_DEPTH; kept as a sentence all the same
        raise ValidationError("import.too_deep", field="file", path=str(path), limit=MAX_DEPTH) from None


def nesting(data: bytes) -> int:
    """How deep the lists and objects of JSON text (its UTF-8 bytes) nest; brackets in strings do not count.

    Done with bytes' own C loops rather than a token at a time in Python. Once the escaped backslashes,
    then the escaped quotes, are gone, every quote opens or closes a string: a bracket is in one when an
    odd number of quotes comes before it. Only quotes and brackets are kept, two quotes side by side
    dropped (that changes no bracket's count of quotes before it), and what is left between the quotes
    of odd number (the brackets in strings) with them.
    """
    if b"\\" in data:  # (a file without a backslash, as most exports are, is not copied twice for nothing)
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    marks = data.translate(None, _NOT_QUOTES_OR_BRACKETS).replace(b'""', b"")
    steps = b"".join(marks.split(b'"')[::2]).translate(_STEPS)
    # Balanced brackets are told at once: each pass takes away the pairs that hold nothing (the deepest),
    # so a text MAX_DEPTH deep is empty after as many passes. Deeper or unbalanced ones are counted a step at a time.
    left = steps
    for passes in range(MAX_DEPTH + 1):
        if not left:
            return passes
        left = left.replace(b"\x01\x02", b"")
    return max(itertools.accumulate(map((0, 1, -1).__getitem__, steps)), default=0)


def check_zip(archive: zipfile.ZipFile, path: str | os.PathLike) -> None:
    """Refuse a zip beyond the limits (members, sizes, compression ratio) or with an encrypted member."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise ValidationError("import.zip_members", field="file", path=str(path), count=len(members),
                              limit=MAX_MEMBERS)
    total = 0
    for info in members:
        if info.flag_bits & 0x1:
            raise ValidationError("import.zip_encrypted", field="file", path=str(path), name=info.filename[:80])
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_FILE_BYTES or total > MAX_UNZIPPED_BYTES or (
                info.file_size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO):
            raise ValidationError("import.zip_bomb", field="file", path=str(path), name=info.filename[:80],
                                  size=_mib(info.file_size), packed=_mib(info.compress_size))


def read_member(archive: zipfile.ZipFile, name: str | zipfile.ZipInfo) -> bytes:
    """A member of a zip that ``check_zip`` passed, read no further than its stated size allows."""
    with archive.open(name) as handle:
        return handle.read(MAX_FILE_BYTES + 1)[:MAX_FILE_BYTES]


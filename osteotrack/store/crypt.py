"""Files encrypted with a passphrase, in the age format (https://age-encryption.org/v1).

Through pyrage, the Python binding of rage (age in Rust), imported only here and only when
a file is encrypted or decrypted: the quick log never loads it. An age file starts with the
line ``age-encryption.org/v1``; that is how import, restore and sync recognise one.
"""

from __future__ import annotations

import os
from pathlib import Path

from osteotrack.domain.errors import DiaryError

AGE_HEADER = b"age-encryption.org/v1\n"


def is_encrypted(path: Path) -> bool:
    """Whether the file at ``path`` is an age file (False for a missing or unreadable one, and for
    anything not a regular file, which is never opened: a FIFO would wait for a writer forever)."""
    import stat

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as handle:
            return handle.read(len(AGE_HEADER)) == AGE_HEADER
    except OSError:
        return False


def encrypt(data: bytes, passphrase: str) -> bytes:
    from pyrage import passphrase as scrypt

    return scrypt.encrypt(data, passphrase)


def decrypt(data: bytes, passphrase: str, path: Path) -> bytes:
    """The plain bytes of an age file; a wrong passphrase (or a damaged file) is one sentence."""
    import pyrage
    from pyrage import passphrase as scrypt

    try:
        return scrypt.decrypt(data, passphrase)
    except pyrage.DecryptError:
        raise DiaryError("crypt.wrong_passphrase", field="passphrase", path=path) from None


def decrypt_file(path: Path, passphrase: str) -> bytes:
    from osteotrack.store.transfer import read_import_file

    return decrypt(read_import_file(path), passphrase, path)


def write_new(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` (0600) through an exclusive temporary file renamed into place."""
    from osteotrack.store.files import atomic_write

    with atomic_write(Path(path), force=force, mode="wb") as handle:
        handle.write(data)


def database_bytes(diary) -> bytes:
    """A diary as one self-contained file's bytes (a checked backup, read and removed)."""
    from osteotrack.store.files import private_workdir

    with private_workdir(diary.path.parent) as folder:
        return diary.backup(folder / "copy.db").read_bytes()

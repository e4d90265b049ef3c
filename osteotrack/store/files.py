"""Where diaries live, and creating files that only their owner can read."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from osteotrack.domain.errors import DiaryError
from osteotrack.store.leftovers import SQLITE_SIDES, TEMP_MARK, TEMP_SUFFIX, clean_leftovers

__all__ = ["clean_leftovers"]

ENV_DB = "OSTEOTRACK_DB"


def data_dir() -> Path:
    import platformdirs  # not needed when --db or OSTEOTRACK_DB names the file

    return Path(platformdirs.user_data_dir("osteotrack", appauthor=False))


def default_db_path() -> Path:
    """The diary used when neither --db nor OSTEOTRACK_DB says otherwise."""
    env = os.environ.get(ENV_DB)
    return Path(env).expanduser() if env else data_dir() / "diary.db"


def demo_db_path() -> Path:
    return data_dir() / "demo.db"


def private_dir(path: Path) -> None:
    """Create a folder (and parents) readable by the owner only."""
    path = Path(path)
    if not path.exists():
        path.mkdir(parents=True, mode=0o700)
        os.chmod(path, 0o700)  # mkdir's mode is filtered by the umask


def private_file(path: Path) -> None:
    """Create an empty file that only its owner can read and write (0600)."""
    path = Path(path)
    private_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def check_target(path: Path, force: bool = False) -> None:
    """Refuse a folder, or an existing file unless ``force``: callers check before slow work."""
    if path.is_dir():
        raise DiaryError("file.folder", field="file", path=path)
    if path.exists() and not force:
        raise DiaryError("file.exists", field="file", path=path)


def remove_temp(tmp: Path) -> None:
    """Remove a temporary file of ours and whatever SQLite put beside it."""
    for side in SQLITE_SIDES:
        try:
            os.unlink(f"{tmp}{side}")
        except FileNotFoundError:
            pass


@contextmanager
def private_temp(target: Path):
    """A new, empty 0600 file beside ``target``, created exclusively (``O_EXCL``, an unpredictable
    name); yields its path. Removed on any exception, KeyboardInterrupt included; the caller
    renames it into place (``settle``) when it is complete.

    Leftovers of killed runs in that folder are removed first.
    """
    import tempfile

    target = Path(target)
    folder = target.parent
    if not folder.exists():
        private_dir(folder)
    clean_leftovers(folder)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}{TEMP_MARK}{os.getpid()}-", suffix=TEMP_SUFFIX,
                                dir=folder)
    os.close(fd)
    tmp = Path(name)
    try:
        os.chmod(tmp, 0o600)  # mkstemp makes 0600 already; said once more for any umask
        yield tmp
    except BaseException:
        remove_temp(tmp)
        raise
    else:
        if tmp.exists():  # not settled by the caller
            remove_temp(tmp)


def settle(tmp: Path, target: Path) -> None:
    """Make the complete temporary file ``tmp`` durable and rename it to ``target``."""
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, target)


@contextmanager
def atomic_write(path: Path, *, force: bool = False, mode: str = "w", encoding: str | None = "utf-8"):
    """Write ``path`` through a private temporary file (``private_temp``) renamed into place on success.

    THE way the app writes a file (exports, reports, settings). Refuses to replace an
    existing file unless ``force`` is given.
    """
    path = Path(path)
    check_target(path, force)
    binary = "b" in mode
    try:
        if not path.parent.exists():
            private_dir(path.parent)
        with private_temp(path) as tmp:
            fd = os.open(tmp, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(fd, mode, encoding=None if binary else encoding, newline=None if binary else "") as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            settle(tmp, path)
    except OSError as error:
        raise _cannot_write(path, error) from None


def _cannot_write(path: Path, error: OSError) -> DiaryError:
    return DiaryError("file.unwritable", field="file", path=path, reason=(error.strerror or str(error)).lower())


@contextmanager
def private_workdir(folder: Path):
    """A new 0700 folder inside ``folder`` for work files (a decrypted copy, a diary made from a
    file), removed afterwards; named like our temporary files, so a killed run's is removed next time."""
    import shutil
    import tempfile

    clean_leftovers(folder)
    work = Path(tempfile.mkdtemp(prefix=f".work{TEMP_MARK}{os.getpid()}-", suffix=TEMP_SUFFIX, dir=folder))
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` into a new file at ``path`` (0600, created exclusively), e.g. in a private workdir."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)

"""Where diaries live, and creating files that only their owner can read."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from osteotrack.domain.errors import DiaryError

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


@contextmanager
def atomic_write(path: Path, *, force: bool = False, mode: str = "w", encoding: str | None = "utf-8"):
    """Write ``path`` through a private temporary file renamed into place on success.

    Refuses to replace an existing file unless ``force`` is given.
    """
    path = Path(path)
    check_target(path, force)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        if not path.parent.exists():
            private_dir(path.parent)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as error:
        raise _cannot_write(path, error) from None
    try:
        with os.fdopen(fd, mode, encoding=encoding if "b" not in mode else None,
                       newline="" if "b" not in mode else None) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException as error:
        if tmp.exists():
            tmp.unlink()
        if isinstance(error, OSError):
            raise _cannot_write(path, error) from None
        raise


def _cannot_write(path: Path, error: OSError) -> DiaryError:
    return DiaryError("file.unwritable", field="file", path=path, reason=(error.strerror or str(error)).lower())

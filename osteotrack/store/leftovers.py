"""Recognising and removing the temporary files a killed run of ours left behind.

Kept apart from ``files`` (no pathlib, no tempfile): every writable open of a diary runs it.
"""

from __future__ import annotations

import os

# Every temporary file the app makes is called ``.<final name>.osteotrack-<pid>-<random>.tmp``
# (SQLite may add ``-journal``/``-wal``/``-shm`` to it): the mark tells our own leftovers from a
# user's file, and the process id tells a live writer's file from one a killed run left behind.
TEMP_MARK = ".osteotrack-"
TEMP_SUFFIX = ".tmp"
SQLITE_SIDES = ("", "-journal", "-wal", "-shm")


def _leftover_pid(name: str) -> int | None:
    """The writer's process id when ``name`` is one of our temporary files, else None."""
    if not name.startswith(".") or TEMP_MARK not in name:
        return None
    for side in SQLITE_SIDES:
        if side and name.endswith(side):
            name = name[: -len(side)]
            break
    if not name.endswith(TEMP_SUFFIX):
        return None
    tail = name[name.rindex(TEMP_MARK) + len(TEMP_MARK): -len(TEMP_SUFFIX)]
    pid, dash, rest = tail.partition("-")
    if not (pid.isdigit() and dash and rest and rest.replace("_", "").isalnum()):
        return None
    return int(pid)


def _legacy_leftover(name: str, path: str) -> bool:
    """Earlier versions' temporary files: ``.<name>.<pid>.tmp`` of a dead process, and
    ``.<diary>.db.restoring`` (``-2``…) untouched for an hour."""
    if not name.startswith("."):
        return False
    for side in SQLITE_SIDES:
        if side and name.endswith(side):
            name = name[: -len(side)]
            break
    if name.endswith(TEMP_SUFFIX):
        pid = name[: -len(TEMP_SUFFIX)].rpartition(".")[2]
        return pid.isdigit() and name.count(".") >= 3 and not _alive(int(pid))
    if name.endswith(".restoring") and ".db" in name:
        import time

        try:
            return time.time() - os.stat(path).st_mtime > 3600
        except OSError:
            return False
    return False


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's live process
        return True
    return True


def clean_leftovers(folder: str | os.PathLike) -> list[str]:
    """Remove the temporary files a killed run of ours left in ``folder``; return their names.

    Only names of our own pattern whose writer is no longer running are removed: a user's
    file, or a backup another osteotrack is writing right now, is never touched.
    """
    removed: list[str] = []
    folder = os.fspath(folder)
    try:
        with os.scandir(folder) as listing:
            items = [(str(item.name), item.is_dir(follow_symlinks=False)) for item in listing
                     if item.is_file(follow_symlinks=False) or item.is_dir(follow_symlinks=False)]
    except OSError:
        return removed
    for name, is_dir in items:
        pid = _leftover_pid(name)
        path = os.path.join(folder, name)
        if pid is None:
            if is_dir or not _legacy_leftover(name, path):
                continue
        elif _alive(pid):
            continue
        try:
            if is_dir:  # a private work folder (files.private_workdir) of a killed run
                import shutil

                shutil.rmtree(path)
            else:
                os.unlink(path)
            removed.append(name)
        except OSError:
            pass
    return removed

"""Several writers at once: command-line processes and an in-process writer all succeed, none is lost."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone

import pytest

from osteotrack.domain.records import Entry
from osteotrack.store import Diary
from tests.conftest import ROOT
from tests.support import active, integrity

PROCESSES = 6
IN_PROCESS = 40


def _start_log(db_path, i: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "osteotrack", "--db", str(db_path), "log", "--pain", str(i % 11),
         "--where", "lower-back:5", "--note", f"process {i}", "--at", "2026-11-01T09:00"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_log_processes_and_an_in_process_writer_all_succeed(db_path):
    Diary.open(db_path).close()
    errors: list[BaseException] = []
    started = threading.Event()

    def app_writer():
        # Like the app: its own connection on its own thread, saving entry after entry, with one
        # long save in the middle that holds the write lock while the processes queue behind it.
        try:
            with Diary.open(db_path) as diary:
                start = datetime(2026, 10, 1, 8, tzinfo=timezone.utc)
                for i in range(IN_PROCESS):
                    if i == 5:
                        with diary.writing():
                            started.set()
                            active(diary).add_entry(Entry(at=start + timedelta(hours=i), pain=4, note=f"app {i}"))
                            time.sleep(0.8)
                        continue
                    active(diary).add_entry(Entry(at=start + timedelta(hours=i), pain=4, note=f"app {i}"))
                    time.sleep(0.01)
        except BaseException as error:  # surfaced in the main thread below
            errors.append(error)
            started.set()

    thread = threading.Thread(target=app_writer)
    thread.start()
    started.wait(30)
    processes = [_start_log(db_path, i) for i in range(PROCESSES)]
    results = [(p.wait(timeout=60), p.stdout.read(), p.stderr.read()) for p in processes]
    thread.join(60)
    assert not errors, errors
    for code, out, err in results:
        assert code == 0, err
        assert out.startswith("Logged ")
    with Diary.open(db_path, read_only=True) as diary:
        notes = sorted(e.note for e in active(diary).entries())
    assert notes == sorted([f"process {i}" for i in range(PROCESSES)] + [f"app {i}" for i in range(IN_PROCESS)])
    assert integrity(db_path) == "ok"


@pytest.mark.slow
def test_the_app_saves_while_log_processes_write(db_path, tmp_path):
    """The app (driven by Pilot) saves entries while `osteotrack log` processes write and one holds the lock."""
    from osteotrack.tui.screens.today import TodayScreen
    from tests.functional.tui_support import app_for, pilot_test, settle

    Diary.open(db_path).close()
    processes: list[subprocess.Popen] = []

    def hold_the_lock(seconds: float, ready: threading.Event) -> None:
        with Diary.open(db_path) as other:
            with other.writing():
                ready.set()
                time.sleep(seconds)

    @pilot_test
    async def drive():
        app = app_for(db_path, tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            for pain in range(4):
                processes.extend(_start_log(db_path, 10 * pain + j) for j in range(2))
                await pilot.press("l")
                await settle(pilot)
                await pilot.press(str(pain))
                # Another writer holds the diary while the app saves: the save queues, then succeeds.
                ready = threading.Event()
                holder = threading.Thread(target=hold_the_lock, args=(0.5, ready))
                holder.start()
                ready.wait(10)
                await pilot.press("ctrl+s")
                await settle(pilot)
                holder.join()
                assert isinstance(app.screen, TodayScreen), "the form stayed open: the save failed"

    drive()
    for p in processes:
        assert p.wait(timeout=60) == 0, p.stderr.read()
    with Diary.open(db_path, read_only=True) as diary:
        entries = active(diary).entries()
    assert sorted(e.pain for e in entries if not e.note) == [0, 1, 2, 3]
    notes = sorted(f"process {10 * p + j}" for p in range(4) for j in range(2))
    assert sorted(e.note for e in entries if e.note) == notes
    assert integrity(db_path) == "ok"

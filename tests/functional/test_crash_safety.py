"""A writer killed at any instant leaves every committed entry and a clean integrity check."""

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT
from tests.support import entry_ids, integrity

KILLS = 60


def _kill(db_path, rng: random.Random) -> list[str]:
    """Start the writer, SIGKILL it at a random moment; return the ids it reported as committed."""
    writer = subprocess.Popen([sys.executable, str(ROOT / "tests" / "crash_writer.py"), str(db_path)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    first = b""
    if rng.random() < 0.2:
        # Any instant from the start: while it creates, migrates or opens the diary.
        time.sleep(rng.uniform(0.0, 0.3))
    else:
        # Any instant once it is writing (timed from its first commit, so a slow machine still kills mid-loop).
        first = writer.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.08))
    writer.send_signal(signal.SIGKILL)
    out, err = writer.communicate(timeout=30)
    assert writer.returncode == -signal.SIGKILL, err.decode()
    # A line cut short by the kill was never fully reported: only whole lines count.
    return (first + out).decode().split("\n")[:-1]


@pytest.mark.slow
def test_every_committed_entry_survives_sigkill_at_random_moments(db_path):
    seed = int(os.environ.get("CRASH_SEED", time.time_ns()))  # set CRASH_SEED to replay a failure
    rng = random.Random(seed)
    reported: list[str] = []
    for kill in range(KILLS):
        reported += _kill(db_path, rng)
        if not db_path.exists():
            continue
        assert integrity(db_path) == "ok", f"after kill {kill + 1} (CRASH_SEED={seed})"
        missing = set(reported) - entry_ids(db_path)
        assert not missing, f"after kill {kill + 1}, {len(missing)} committed entries were lost (CRASH_SEED={seed})"
    # The test means something only if the writers did commit entries before being killed.
    assert len(reported) >= KILLS // 2

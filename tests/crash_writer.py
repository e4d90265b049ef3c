"""A writer process for the crash-safety test: logs entries in a loop, printing each committed id.

    python tests/crash_writer.py DIARY [SEED]

The entries are drawn from SEED (from the system when it is left out). An id is
printed only after ``Diary.add_entry`` has returned, i.e. after its transaction
committed, so every printed id must survive a SIGKILL.
"""

import random
import sys
from datetime import datetime, timedelta, timezone

from osteotrack.domain.records import Entry, Site, TherapyUse
from osteotrack.store import Diary
from tests.support import active


def main(path: str, seed: int | None = None) -> None:
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, 8, 0, tzinfo=timezone(timedelta(hours=1)))
    with Diary.open(path) as diary:
        while True:
            entry = Entry(
                at=start + timedelta(minutes=rng.randrange(400_000)), pain=rng.randrange(11),
                sites=[Site("lower-back", rng.randrange(11)), Site("rib-left", rng.randrange(11))],
                triggers=["bending"], therapies=[TherapyUse("heat", rng.randrange(11) * 10)],
                # A long note spreads entries over many pages, so kills land mid-page-write too.
                note="x" * rng.randrange(3000),
            )
            stored = active(diary).add_entry(entry)
            sys.stdout.write(stored.id + "\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else None)

"""Self-care sessions: the per-therapy summary over ten years, against the therapies trend figure."""

from __future__ import annotations

import time
from datetime import timedelta

from bench import Row, below, fresh_copy  # bench/ is on sys.path when bench.py runs

SESSIONS_PER_DAY = 1  # a keen user: one session every day for the whole diary


def _diary_with_sessions(ctx):
    """A copy of the bench diary with a session a day added (built once per run)."""
    from osteotrack.domain.selfcare import SelfCareSession
    from osteotrack.store import Diary

    path = fresh_copy(ctx.diary, ctx.diary.with_name("selfcare-target.db"))
    diary = Diary.open(path)
    person = diary.profile(diary.active_profile())
    last = person.entries(limit=1)[0]
    days = int(ctx.years * 365)
    with diary.writing():
        for day in range(days * SESSIONS_PER_DAY):
            before = 3 + day % 6
            person.add_session(SelfCareSession("relaxation" if day % 3 else "guided-imagery", before,
                                               max(0, before - day % 3), 285, last.at - timedelta(days=day),
                                               planned_seconds=285, pattern="4-7-8" if day % 3 else None),
                               now=last.at)
    return person


def rows(ctx):
    from osteotrack.analysis.figures import therapies
    from osteotrack.analysis.ranges import period_for
    from osteotrack.analysis.sessions import session_summaries

    person = _diary_with_sessions(ctx)
    everything = period_for(person, "all")

    def timed(fn):
        def run() -> float:
            start = time.perf_counter()
            fn()
            return time.perf_counter() - start
        return run

    return [
        Row(
            name="self-care sessions by therapy, all years",
            target=timed(lambda: session_summaries(person, everything)),
            floor=timed(lambda: therapies(person, everything)),
            floor_name="therapies trend figure, all years",
            goal="< 50 ms (PRODUCT.md: any trend view)", met=below(0.050), sized=True,
        )
    ]

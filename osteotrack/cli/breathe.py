"""``osteotrack breathe``: the breathing pacer in plain text, one spoken-friendly line per phase.

For screen readers and terminals without the app. It asks pain before and
after (or takes ``--before``/``--after``) and records the session as the app
does. Ctrl-C stops early and still offers to save what was done.
"""

from __future__ import annotations

import time

import click

from osteotrack.cli.common import Command, pass_session
from osteotrack.i18n import N_, _

# The pacer's time source and wait, replaced by a fake clock in tests.
_now = time.monotonic
_sleep = time.sleep


@click.command(cls=Command)
@click.option("--pattern", default="4-7-8", show_default=True, metavar="N-N[-N[-N]]",
              help=N_("Seconds to breathe in, [hold,] breathe out[, hold]: 4-7-8, box (4-4-4-4), slow (5-5), "
                      "or your own."))
@click.option("--minutes", default="5", show_default=True, metavar="1-60",
              help=N_("Length in whole minutes (2, 5, 10 or any from 1 to 60); the pacer ends on a whole breath."))
@click.option("--before", default=None, metavar="0-10", help=N_("Pain now, before the session (else it asks)."))
@click.option("--after", default=None, metavar="0-10", help=N_("Pain after the session (else it asks)."))
@click.option("--note", default=None, help=N_("A note to keep with the session (else it asks, when it asks for pain)."))
@pass_session
def breathe(session, pattern, minutes, before, after, note):
    """Relaxation breathing with a paced count, recorded with your pain before and after.

    \b
    Example:
      osteotrack breathe --pattern 4-7-8 --minutes 5
      osteotrack breathe --pattern box --minutes 2 --before 6 --after 4   # for scripts
    """
    from osteotrack.domain.breathing import Timer, breathing_seconds, check_minutes, parse_pattern, spoken_duration
    from osteotrack.domain.numbers import count
    from osteotrack.domain.validate import check_scale

    # Everything is checked before the exercise starts: a typo must not cost a session.
    plan = parse_pattern(pattern)
    total = breathing_seconds(plan, check_minutes(minutes))
    pain_before = None if before is None else check_scale(before, code="session.pain_before_range",
                                                          field="pain_before")
    pain_after = None if after is None else check_scale(after, code="session.pain_after_range", field="pain_after")
    diary = session.diary()
    if diary.read_only:
        from osteotrack.domain.errors import DiaryError

        raise DiaryError("session.read_only")
    if pain_before is None:
        pain_before = _ask_pain(_("Pain now, before you start (0 to 10)"), code="session.pain_before_range",
                                field="pain_before")

    breaths = total // plan.cycle_seconds
    click.echo(_("Relaxation breathing, pattern {pattern}: {breaths}, {duration}. Press Control C to stop early.")
               .format(pattern=plan.text, breaths=count(breaths, "breath"), duration=spoken_duration(total)))
    timer = Timer(total, _now)
    try:
        _pace(plan, timer)
    except KeyboardInterrupt:
        timer.stop()
        click.echo("")
        click.echo(_("Stopped after {duration}.").format(duration=spoken_duration(timer.elapsed())))
        if pain_after is None and not click.confirm(_("Save this session?"), default=True):
            click.echo(_("Not saved."))
            return
    else:
        click.echo(_("Done: {duration}.").format(duration=spoken_duration(total)))

    if pain_after is None:
        pain_after = _ask_pain(_("Pain now, after the session (0 to 10)"), code="session.pain_after_range",
                               field="pain_after")
        if note is None:
            note = click.prompt(_("A note (press Enter for none)"), default="", show_default=False)
    _save(session, plan.text, total, timer, pain_before, pain_after, note or "")


def _pace(plan, timer) -> None:
    """Say each phase as it starts and wait it out, keeping time against the clock, not the sleeps."""
    from osteotrack.domain.breathing import spoken_phase

    timer.start()
    start = timer.clock()
    due = 0.0
    while due < timer.total_seconds:
        for word, seconds in plan.phases:
            click.echo(spoken_phase(word, seconds))
            due += seconds
            _sleep(max(0.0, start + due - timer.clock()))


def _ask_pain(question: str, *, code: str, field: str) -> int:
    from osteotrack.domain.errors import ValidationError
    from osteotrack.domain.validate import check_scale

    while True:
        answer = click.prompt(question)
        try:
            return check_scale(answer, code=code, field=field)
        except ValidationError as error:
            click.echo(str(error))


def _save(session, pattern: str, total: int, timer, before: int, after: int, note: str) -> None:
    from osteotrack.domain.breathing import spoken_duration
    from osteotrack.domain.selfcare import SelfCareSession
    from osteotrack.domain.when import now_local

    stored = session.person().add_session(SelfCareSession(
        therapy="relaxation", pain_before=before, pain_after=after, duration_seconds=round(timer.elapsed()),
        ended=now_local(), planned_seconds=total, pattern=pattern, completed=not timer.stopped, note=note,
    ))
    click.echo(_("Saved: relaxation breathing, {duration}, pain {before} then {after}, relief {relief} percent "
                 "(entry {id}).").format(duration=spoken_duration(stored.duration_seconds), before=before, after=after,
                                         relief=stored.relief, id=stored.entry_id[:8]))


COMMANDS = [breathe]

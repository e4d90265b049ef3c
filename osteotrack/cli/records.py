"""``osteotrack checkin``, ``event`` and ``question``: the other record kinds."""

from __future__ import annotations

import click
from click_default_group import DefaultGroup

from osteotrack.cli.common import Command, Group, pass_session, when_option
from osteotrack.domain.vocabulary import DXA_SITES, EVENT_KINDS, PROCEDURES
from osteotrack.i18n import N_, _


def _scale(name: str, help_text: str):
    return click.option(name, default=None, metavar="0-10", help=help_text)


@click.command(cls=Command)
@_scale("--pain", N_("Once a week: your pain on average over the past 7 days, 0 (none) to 10 (worst imaginable)."))
@_scale("--enjoyment", N_("Once a week: over the past 7 days, how much pain got in the way of enjoying life, "
                       "0 (not at all) to 10 (completely)."))
@_scale("--activity", N_("Once a week: over the past 7 days, how much pain got in the way of your everyday "
                      "activities, 0 (not at all) to 10 (completely)."))
@_scale("--sleep", N_("Every day: how well you slept, 0 (very badly) to 10 (very well)."))
@_scale("--mood", N_("Every day: your mood, 0 (very low) to 10 (very good)."))
@click.option("--note", default="", help=N_("A note for the day."))
@click.option("--day", default="today", show_default=True, help=N_("Which day: 2026-11-23, 'yesterday', a weekday."))
@pass_session
def checkin(session, pain, enjoyment, activity, sleep, mood, note, day):
    """Record a check-in: sleep and mood every day; the three PEG items, about the past 7 days, once a week.

    A second check-in for the same day replaces the first. PEG answers within 6 days of the last ones are
    refused: they ask about the whole past week.
    """
    from osteotrack.domain.describe import checkin_summary
    from osteotrack.domain.records import CheckIn
    from osteotrack.domain.validate import CHECKIN_SCALE_CODES, check_scale
    from osteotrack.domain.when import parse_day

    given = {"peg_pain": pain, "peg_enjoyment": enjoyment, "peg_activity": activity, "sleep": sleep, "mood": mood}
    values = {k: None if v is None else check_scale(v, code=CHECKIN_SCALE_CODES[k], field=k)
              for k, v in given.items()}
    record = session.person().save_checkin(CheckIn(day=parse_day(day), note=note, **values), weekly=True)
    click.echo(_("Checked in for {checkin}.").format(checkin=checkin_summary(record)))


class EventGroup(DefaultGroup, Group):
    pass


@click.group(cls=EventGroup, default="add", default_if_no_args=False)
def event():
    """Events: a fall, fracture, procedure, imaging, DXA result or appointment; delete one by its ID.

    \b
    osteotrack event fracture --site mid-back --level T8 --at 2026-03-02
    osteotrack event appointment --at "2026-12-03 10:30" --note "Dr Lee"
    osteotrack event delete 1a2b3c4d      # the ID `osteotrack list --kind events` shows
    """


@event.command("add")
@click.argument("kind", type=click.Choice(list(EVENT_KINDS)), metavar="KIND")
@when_option(N_("When it happened (or was diagnosed): ISO date or date-time, 'yesterday', '3d ago'."))
@click.option("--site", default=None, help=N_("Where: a location slug, e.g. mid-back, wrist-left, hip-right."))
@click.option("--level", default=None, help=N_("Vertebral level for the spine, C1–L5, e.g. T8."))
@click.option("--procedure", type=click.Choice(list(PROCEDURES)), default=None, help=N_("For a procedure."))
@click.option("--t-score", type=float, default=None, help=N_("For a DXA result, e.g. -2.7."))
@click.option("--dxa-site", type=click.Choice(list(DXA_SITES)), default=None, help=N_("Where the DXA was measured."))
@click.option("--note", default="", help=N_("A note."))
@pass_session
def event_add(session, kind, at, site, level, procedure, t_score, dxa_site, note):
    """Record an event (the default: `osteotrack event KIND …`).

    \b
    Examples:
      osteotrack event fracture --site mid-back --level T8 --at 2026-03-02
      osteotrack event procedure --procedure kyphoplasty --level T8 --at 2026-05-14
      osteotrack event dxa --t-score -2.7 --dxa-site lumbar-spine --at 2026-06-01
      osteotrack event appointment --at "2026-12-03 10:30" --note "Dr Lee"

    Only an appointment may be in the future ('tomorrow 10:30', 'in 3 days').
    """
    from osteotrack.domain.describe import event_summary
    from osteotrack.domain.records import Event
    from osteotrack.domain.validate import FUTURE_KINDS
    from osteotrack.domain.when import parse_when

    person = session.person()
    moment = parse_when(at, future=kind in FUTURE_KINDS)
    record = person.add_event(Event(kind=kind, at=moment, site=site, level=level, procedure=procedure,
                                    t_score=t_score, dxa_site=dxa_site, note=note))
    click.echo(_("Recorded {event} (id {id}).").format(event=event_summary(record, person.vocabulary()),
                                                      id=record.id[:8]))


@event.command("delete")
@click.argument("event_id", metavar="ID")
@click.option("--yes", is_flag=True, help=N_("Do not ask for confirmation (for scripts)."))
@pass_session
def event_delete(session, event_id, yes):
    """Delete an event by the ID that `list --kind events` shows."""
    from osteotrack.cli.common import CliError, can_ask
    from osteotrack.domain.describe import event_summary

    person = session.person()
    person.diary.check_writable()
    full_id = person.find_id("event", event_id)
    [found] = [e for e in person.events() if e.id == full_id]
    summary = event_summary(found, person.vocabulary())
    if not yes:
        if not can_ask():
            raise CliError("event.delete_needs_yes", field="yes", id=full_id[:8])
        if not click.confirm(_("Delete this event?\n{event}\n").format(event=summary), default=False):
            click.echo(_("Nothing was changed."))
            return
    person.delete_event(full_id)
    click.echo(_("Deleted {event} (id {id}).").format(event=summary, id=full_id[:8]))


class QuestionGroup(DefaultGroup, Group):
    pass


@click.group(cls=QuestionGroup, default="add", default_if_no_args=False)
def question():
    """Questions for my doctor: add, list, mark asked or answered.

    \b
    osteotrack question "Can I carry the shopping?"
    osteotrack question list
    osteotrack question answered 1a2b3c4d --answer "Up to 5 kg"
    """


@question.command("add")
@click.argument("text")
@pass_session
def question_add(session, text):
    """Add a question (the default: `osteotrack question "…"`)."""
    from osteotrack.domain.records import Question
    from osteotrack.domain.when import now_local

    record = session.person().add_question(Question(text=text, created=now_local()))
    click.echo(_("Added question {id}: {question}").format(id=record.id[:8], question=record.text))


@question.command("list")
@click.option("--all", "show_all", is_flag=True, help=N_("Include answered questions."))
@pass_session
def question_list(session, show_all):
    """List open questions, those not yet answered (all of them with --all)."""
    from osteotrack.domain.describe import question_line

    found = session.person().questions() if show_all else session.person().open_questions()
    if not found:
        click.echo(_("No open questions.") if not show_all else _("No questions yet."))
    from osteotrack.domain.dates import day

    for q in found:
        click.echo(f"{q.id[:8]}  {day(q.created.date())}  {question_line(q)}")


# What ``question asked|answered|open`` says it did, and its help.
MARKED = {
    "asked": N_("Marked asked: {question}"),
    "answered": N_("Marked answered: {question}"),
    "open": N_("Marked open again: {question}"),
}
MARK_HELP = {
    "asked": N_("Mark a question asked (ID: the first characters shown by `question list`)."),
    "answered": N_("Mark a question answered (ID: the first characters shown by `question list`)."),
    "open": N_("Mark a question open again (ID: the first characters shown by `question list`)."),
}


def _mark(status: str):
    @click.argument("question_id", metavar="ID")
    @click.option("--answer", default=None, help=N_("What the doctor said."))
    @pass_session
    def mark(session, question_id, answer):
        person = session.person()
        full_id = person.find_id("question", question_id)
        record = person.set_question_status(full_id, status, answer)
        click.echo(_(MARKED[status]).format(question=record.text))

    return mark


for _status in MARKED:
    question.command(_status, help=MARK_HELP[_status])(_mark(_status))

COMMANDS = [checkin, event, question]

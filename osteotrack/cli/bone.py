"""Bone care on the command line: ``treatment add|stop|list``, ``dose``, ``height``, ``falls-check``,
``impression`` and ``side-effect`` (near-falls are ``osteotrack event near-fall``).

Records, never advice: these commands store what was prescribed and done, and say dates and counts.
"""

from __future__ import annotations

import click
from click_default_group import DefaultGroup

from osteotrack.cli.common import CliError, Command, Group, pass_session, when_option
from osteotrack.i18n import N_, _, ngettext, pgettext


class TreatmentGroup(DefaultGroup, Group):
    pass


@click.group(cls=TreatmentGroup, default="list", default_if_no_args=True)
def treatment():
    """Bone treatments: add one as prescribed, stop it, list where each stands.

    \b
    osteotrack treatment add alendronate --every 1w --since 2026-01-05 --dose "70 mg"
    osteotrack treatment stop denosumab --on 2026-11-02
    osteotrack treatment list
    """


def _day(value: str | None, what: str):
    from osteotrack.domain.when import parse_day

    return parse_day(value) if value else None


@treatment.command("add")
@click.argument("medicine")
@click.option("--every", default=None, metavar="INTERVAL",
              help=N_("How often, from the prescription: 1d, 1w, 2w, 1m, 3m, 6m, 1y (or Nd, Nw, Nm, Ny). "
                   "Default: the medicine's usual one."))
@click.option("--since", default="today", show_default=True, metavar="DATE", help=N_("The day it started."))
@click.option("--dose", default="", metavar="TEXT", help=N_('The dose prescribed, e.g. "70 mg".'))
@click.option("--name", default="", metavar="TEXT", help=N_("A display name for a medicine of your own."))
@click.option("--note", default="", help=N_("A note."))
@pass_session
def treatment_add(session, medicine, every, since, dose, name, note):
    """Add a bone treatment as prescribed (MEDICINE: alendronate, denosumab, … or your own).

    Built in: alendronate, risedronate, ibandronate, zoledronic-acid, denosumab, teriparatide,
    abaloparatide, romosozumab, raloxifene, hormone-therapy, calcium, vitamin-d.
    """
    from osteotrack.domain.bone import MEDICINES, Treatment, day_text, medicine_slug

    slug = medicine_slug(medicine)
    if every is None:
        if slug not in MEDICINES:
            raise CliError("bone.every_needed", field="every", medicine=medicine)
        every = MEDICINES[slug].intervals[0]
    record = session.person().add_treatment(Treatment(slug, every, _day(since, "since"), dose=dose, name=name,
                                                      note=note))
    # TRANSLATORS: "Added Alendronate 70 mg every week since 5 Jan 2026 (id 1a2b3c4d)."
    click.echo(_("Added {medicine} {every} since {day} (id {id}).").format(
        medicine=f"{record.display_name} {record.dose}".strip(), every=record.interval.words(),
        day=day_text(record.since), id=record.id[:8]))


@treatment.command("stop")
@click.argument("medicine")
@click.option("--on", "on", default="today", show_default=True, metavar="DATE",
              help=N_("The last day of the treatment."))
@click.option("--note", default="", help=N_("Why, or what was said."))
@pass_session
def treatment_stop(session, medicine, on, note):
    """Record that a treatment stopped (its doses and history are kept)."""
    from osteotrack.domain.bone import day_text

    record = session.person().stop_treatment(medicine, _day(on, "on"), note)
    click.echo(_("Stopped {medicine} on {day} (taken since {since}).").format(
        medicine=record.display_name, day=day_text(record.stopped), since=day_text(record.since)))


@treatment.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help=N_("table to read; json for other programs."))
@pass_session
def treatment_list(session, fmt):
    """Each treatment with its last dose, the next due day and how many days late it is (0 when on time)."""
    import json

    from osteotrack.analysis.bone_today import treatment_statuses
    from osteotrack.domain.when import now_local
    from osteotrack.views.bone_tables import status_row

    person = session.person(create=False)
    rows = [status_row(s) for s in treatment_statuses(person, now_local().date())]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo(_("No bone treatments yet; add one with: osteotrack treatment add alendronate --every 1w"))
        return
    from datetime import date

    from rich import box
    from rich.console import Console
    from rich.table import Table

    from osteotrack.domain.dates import day

    def shown(iso: str, none: str = "—") -> str:
        return day(date.fromisoformat(iso)) if iso else none

    table = Table(title=_("Bone treatments — {name}").format(name=person.name), title_justify="left",
                  box=box.SIMPLE_HEAD, pad_edge=False, caption=_("late: days late today (0 when on time)"),
                  caption_justify="left")
    # In a narrow terminal a heading or a date wraps between words rather than being cut; "stopped" only when
    # a treatment has stopped.
    stopped = any(r["stopped"] for r in rows)
    table.add_column(pgettext("heading", "treatment"), overflow="fold")
    # TRANSLATORS: the headings of `osteotrack treatment list`; "late" is a number of days.
    for column in (_("every"), _("since"), *([_("stopped")] if stopped else []), _("last dose"), _("next due")):
        table.add_column(column, overflow="fold")
    table.add_column(_("late"), overflow="fold", justify="right")
    for r in rows:
        table.add_row(f"{r['name']} {r['dose']}".strip(), r["every"], shown(r["since"]),
                      *([shown(r["stopped"])] if stopped else []), shown(r["last_dose"], _("none yet")),
                      shown(r["next_due"]), str(r["days_late"]) if r["next_due"] else "—")
    Console().print(table)


# What `dose` says it recorded or deleted, by the name of the dose (``bone.dose_word``).
RECORDED = {
    "dose": N_("Recorded a dose of {medicine} on {when}: {timing}. Next due {due}."),
    "injection": N_("Recorded an injection of {medicine} on {when}: {timing}. Next due {due}."),
    "infusion": N_("Recorded an infusion of {medicine} on {when}: {timing}. Next due {due}."),
}
DELETED = {
    "dose": N_("Deleted the dose of {medicine} on {when} (id {id})."),
    "injection": N_("Deleted the injection of {medicine} on {when} (id {id})."),
    "infusion": N_("Deleted the infusion of {medicine} on {when} (id {id})."),
}


class RecordGroup(DefaultGroup, Group):
    """A record kind whose first word records one (``osteotrack dose alendronate``) and ``delete ID`` removes one."""


@click.group(cls=RecordGroup, default="add", default_if_no_args=True)
def dose():
    """Record a dose of a bone treatment, or delete one recorded by mistake.

    \b
    osteotrack dose alendronate
    osteotrack dose denosumab --at 2026-11-02 --note "left arm"
    osteotrack dose delete 1a2b            # ID: from 'osteotrack list --kind doses'
    """


@dose.command("add")
@click.argument("medicine")
@when_option(N_("When it was taken or given: ISO date-time, 'yesterday 8:00', 'monday', '2h ago'."))
@click.option("--note", default="", help=N_("A note."))
@pass_session
def dose_add(session, medicine, at, note):
    """Record a dose taken (or an injection or infusion given) of a bone treatment (the default).

    \b
    osteotrack dose alendronate
    osteotrack dose denosumab --at 2026-11-02 --note "left arm"
    """
    from osteotrack.domain.bone import Dose, day_text, dose_word, timings
    from osteotrack.domain.describe import when_text
    from osteotrack.domain.numbers import whole
    from osteotrack.domain.when import parse_when

    person = session.person()
    record = person.add_dose(Dose(medicine, parse_when(at), note=note))
    treatment = next(t for t in person.treatments() if t.id == record.treatment_id)
    found, next_due = timings(treatment, person.dose_days().get(treatment.id, []))
    this = next(x for x in found if x.day == record.at.date())
    timing = (_("on time") if not this.days_late else
              ngettext("{n} day late (due {day})", "{n} days late (due {day})", this.days_late).format(
                  n=whole(this.days_late), day=day_text(this.due)))
    click.echo(_(RECORDED[dose_word(treatment.medicine)]).format(
        medicine=treatment.display_name, when=when_text(record.at), timing=timing, due=day_text(next_due)))


@dose.command("delete")
@click.argument("dose_id", metavar="ID")
@pass_session
def dose_delete(session, dose_id):
    """Delete a dose recorded by mistake (ID: its first characters, from 'osteotrack list --kind doses')."""
    from osteotrack.domain.bone import dose_word, medicine_name
    from osteotrack.domain.describe import when_text

    person = session.person(create=False)
    full_id = person.find_id("dose", dose_id)
    record = next(d for d in person.doses() if d.id == full_id)
    person.delete_bone_record("dose", full_id)
    click.echo(_(DELETED[dose_word(record.medicine)]).format(
        medicine=medicine_name(record.medicine), when=when_text(record.at), id=full_id[:8]))


@click.group(cls=RecordGroup, default="add", default_if_no_args=True)
def height():
    """Record a height measurement, or delete one recorded by mistake.

    \b
    osteotrack height 162.5
    osteotrack height --inches 64 --at 2026-03-01
    osteotrack height delete 1a2b          # ID: from 'osteotrack list --kind heights'
    """


@height.command("add")
@click.argument("cm", required=False, metavar="[CM]")
@click.option("--inches", default=None, metavar="N", help=N_("The height in inches instead of centimetres."))
@when_option(N_("When it was measured: ISO date or date-time, 'yesterday', 'today 8:30'."))
@click.option("--note", default="", help=N_("A note (e.g. where it was measured)."))
@pass_session
def height_add(session, cm, inches, at, note):
    """Record a height measurement in centimetres (or --inches) (the default).

    \b
    osteotrack height 162.5
    osteotrack height --inches 64 --at 2026-03-01
    """
    from osteotrack.domain.bone import Height, cm_text, height_mm, loss_sentence
    from osteotrack.domain.describe import when_text
    from osteotrack.domain.when import parse_when

    if (cm is None) == (inches is None):
        raise CliError("bone.height_once", field="height")
    mm = height_mm(inches, inches=True) if inches is not None else height_mm(cm)
    record, crossed = session.person().add_height(Height(parse_when(at), mm, note=note))
    click.echo(_("Recorded height {height} on {when}.").format(height=cm_text(record.mm), when=when_text(record.at)))
    for loss in crossed:
        click.echo(loss_sentence(loss))
    if crossed:
        click.echo(_("Added a question for your doctor; see it with 'osteotrack question list' "
                     "(remove it with 'osteotrack question delete ID')."))


@height.command("delete")
@click.argument("height_id", metavar="ID")
@pass_session
def height_delete(session, height_id):
    """Delete a height measurement recorded by mistake (ID: from 'osteotrack list --kind heights').

    A question for the doctor the measurement added stays; remove it with 'osteotrack question delete ID'.
    """
    from osteotrack.domain.bone import cm_text
    from osteotrack.domain.describe import when_text

    person = session.person(create=False)
    full_id = person.find_id("height", height_id)
    record = next(h for h in person.heights() if h.id == full_id)
    person.delete_bone_record("height", full_id)
    click.echo(_("Deleted the height {height} measured on {when} (id {id}).").format(
        height=cm_text(record.mm), when=when_text(record.at), id=full_id[:8]))


@click.command("falls-check", cls=Command)
@click.option("--fell", required=True, metavar="yes|no", help=N_("Have you fallen in the past 12 months?"))
@click.option("--unsteady", required=True, metavar="yes|no", help=N_("Do you feel unsteady when you stand or walk?"))
@click.option("--worried", required=True, metavar="yes|no", help=N_("Do you worry that you might fall?"))
@when_option(N_("When it was answered (default now)."))
@pass_session
def falls_check(session, fell, unsteady, worried, at):
    """Answer the falls check: three yes/no questions (from the CDC's public-domain falls screening).

    \b
    osteotrack falls-check --fell no --unsteady yes --worried yes
    """
    from osteotrack.domain.bone import FallsCheck
    from osteotrack.domain.when import parse_when

    record = session.person().add_falls_check(FallsCheck(parse_when(at), fell, unsteady, worried))
    def answer(value: bool) -> str:
        return _("yes") if value else _("no")

    click.echo(_("Recorded the falls check: fallen in the past 12 months: {fell}; unsteady standing or walking: "
                 "{unsteady}; worried about falling: {worried} ({yes} of 3 answered yes).").format(
        fell=answer(record.fell), unsteady=answer(record.unsteady), worried=answer(record.worried),
        yes=record.yes_count))


@click.command(cls=Command)
@click.argument("score", metavar="N")
@click.option("--since-start-of", "since_start_of", default=None, metavar="MEDICINE",
              help=N_("Compare with the start of this treatment (default: the start of the diary)."))
@when_option(N_("When (default now)."))
@click.option("--note", default="", help=N_("A note."))
@pass_session
def impression(session, score, since_start_of, at, note):
    """Record how you feel things have changed overall, from 1 to 7.

    \b
    1 very much improved   2 much improved   3 a little improved   4 no change
    5 a little worse       6 much worse      7 very much worse
    osteotrack impression 3 --since-start-of denosumab
    """
    from osteotrack.domain.bone import Impression, impression_text, medicine_name
    from osteotrack.domain.when import parse_when

    record = session.person().add_impression(Impression(parse_when(at), score, since_start_of, note=note))
    if record.since_start_of:
        said = _("Recorded your impression of change since the start of {medicine}: {score} ({meaning}).")
    else:
        said = _("Recorded your impression of change since the start of the diary: {score} ({meaning}).")
    click.echo(said.format(medicine=medicine_name(record.since_start_of or ""), score=record.score,
                           meaning=impression_text(record.score)))


@click.command("side-effect", cls=Command)
@click.argument("effect")
@click.option("--medicine", required=True, metavar="NAME", help=N_("The bone treatment or pain medicine it goes with."))
@click.option("--severity", default=None, metavar="1-10", help=N_("How bad: 1 barely noticed … 10 worst imaginable."))
@when_option(N_("When it happened (default now)."))
@click.option("--note", default="", help=N_("A note."))
@pass_session
def side_effect(session, effect, medicine, severity, at, note):
    """Record a side effect of a medicine.

    \b
    osteotrack side-effect "heartburn" --medicine alendronate --severity 4
    """
    from osteotrack.domain.bone import SideEffect, medicine_name
    from osteotrack.domain.describe import when_text
    from osteotrack.domain.when import parse_when

    record = session.person().add_side_effect(SideEffect(effect, medicine, parse_when(at), severity, note=note))
    if record.severity is not None:
        said = _("Recorded {effect} with {medicine} on {when}, severity {severity} of 10 (id {id}).")
    else:
        said = _("Recorded {effect} with {medicine} on {when} (id {id}).")
    click.echo(said.format(effect=record.effect, medicine=medicine_name(record.medicine), when=when_text(record.at),
                           severity=record.severity, id=record.id[:8]))


def _question_delete():
    """``osteotrack question delete ID``: a question the app added (or any other) can be removed."""
    from osteotrack.cli.records import question

    @question.command("delete")
    @click.argument("question_id", metavar="ID")
    @pass_session
    def question_delete(session, question_id):
        """Delete a question (ID: the first characters shown by `question list`)."""
        person = session.person()
        full_id = person.find_id("question", question_id)
        text = next(q.text for q in person.questions() if q.id == full_id)
        person.delete_question(full_id)
        click.echo(_("Deleted the question: {question}").format(question=text))


_question_delete()

COMMANDS = [treatment, dose, height, falls_check, impression, side_effect]

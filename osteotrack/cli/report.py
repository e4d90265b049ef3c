"""``osteotrack report``: the physician report as PDF, HTML or Markdown."""

from __future__ import annotations

from pathlib import Path

import click

from osteotrack.cli.common import CliError, Command, day_option, pass_session, progress_bar
from osteotrack.i18n import N_, _


@click.command(cls=Command)
@day_option("--since", N_("First day of the report (ISO date, 'yesterday', '30d ago'). "
                       "Default: the 3 months ending on --until (as trends' 3m)."))
@day_option("--until", N_("Last day of the report. Default: today."))
@click.option("--format", "fmt", type=click.Choice(["pdf", "html", "md"]), default="pdf", show_default=True,
              help=N_("pdf for printing, html for any browser (self-contained), md for a patient-portal message."))
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True, help=N_("Paper size."))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help=N_("File to write ('-' for standard output, html and md only). "
                   "Default: osteotrack-report-PROFILE-SINCE-to-UNTIL.FORMAT in this folder."))
@click.option("--large-print", is_flag=True,
              help=N_("The patient's own copy: body text 14 pt and charts to match (PDF and HTML)."))
@click.option("--force", is_flag=True, help=N_("Replace the output file if it exists."))
@pass_session
def report(session, since, until, fmt, paper, output, large_print, force):
    """Write the physician report: one to two pages on how bad, where, what helps, and what to ask.

    \b
    Examples:
      osteotrack report                                  # the last 3 months as PDF
      osteotrack report --since 2026-09-01 --format html
      osteotrack report --paper letter -o for-dr-lee.pdf
      osteotrack report --large-print                    # my own copy, easy to read

    The first lines name the next appointment, if one is recorded
    (osteotrack event appointment --at "2026-12-03 10:30" --note "Dr Lee").
    """
    from osteotrack.report import output as out
    from osteotrack.report.model import build_report
    from osteotrack.store.files import check_target

    if output == Path("-") and fmt == "pdf":
        raise CliError("report.pdf_to_stdout", field="output")
    period = out.default_period(since, until)
    person = session.person(create=False)
    path = output or Path(out.default_filename(person.name, period, fmt, large_print))
    to_stdout = path == Path("-")
    if not to_stdout:
        check_target(path, force)  # before the work, not after it
    with progress_bar() as bar:
        task = bar.add_task(_("Gathering the figures"), total=None)
        model = build_report(person, period)
        bar.update(task, description=_("Laying out the report"))
        data = out.render(model, fmt, paper, progress=lambda done, total: bar.update(task, completed=done,
                                                                                      total=total),
                          large_print=large_print)
        if not to_stdout:
            out.write(path, data, force=force)
    if to_stdout:
        click.echo(data.decode("utf-8"), nl=False)
        return
    done = (_("Wrote the large-print {format} report for {name}, {period}, to {path}") if large_print and fmt != "md"
            else _("Wrote the {format} report for {name}, {period}, to {path}"))
    click.echo(done.format(format=fmt.upper(), name=model.profile, period=model.period_text, path=path))


COMMANDS = [report]

"""``osteotrack report``: the physician report as PDF, HTML or Markdown."""

from __future__ import annotations

from pathlib import Path

import click

from osteotrack.cli.common import CliError, day_option, pass_session, progress_bar


@click.command()
@day_option("--since", "First day of the report (ISO date, 'yesterday', '30d ago'). "
                       "Default: the 3 months ending on --until (as trends' 3m).")
@day_option("--until", "Last day of the report. Default: today.")
@click.option("--format", "fmt", type=click.Choice(["pdf", "html", "md"]), default="pdf", show_default=True,
              help="pdf for printing, html for any browser (self-contained), md for a patient-portal message.")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True, help="Paper size.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="File to write ('-' for standard output, html and md only). "
                   "Default: osteotrack-report-PROFILE-SINCE-to-UNTIL.FORMAT in this folder.")
@click.option("--large-print", is_flag=True,
              help="The patient's own copy: body text 14 pt and charts to match (PDF and HTML).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
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
        task = bar.add_task("Gathering the figures", total=None)
        model = build_report(person, period)
        bar.update(task, description="Laying out the report")
        data = out.render(model, fmt, paper, progress=lambda done, total: bar.update(task, completed=done,
                                                                                      total=total),
                          large_print=large_print)
        if not to_stdout:
            out.write(path, data, force=force)
    if to_stdout:
        click.echo(data.decode("utf-8"), nl=False)
        return
    kind = "large-print " if large_print and fmt != "md" else ""
    click.echo(f"Wrote the {kind}{fmt.upper()} report for {model.profile}, {model.period_text}, to {path}")


COMMANDS = [report]

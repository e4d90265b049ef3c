"""``osteotrack trends``: the Trends screen's charts and numbers on the command line."""

from __future__ import annotations

import click

from osteotrack.cli.common import Command, day_option, pass_session
from osteotrack.i18n import N_, _


@click.command(cls=Command)
@click.option("--range", "range_", default=None, metavar="2w|3m|1y|all",
              help=N_("How far back from --until: 2w, 3m, 1y, all (from the first entry), or e.g. 10d, 6m. "
                   "Default: 3m."))
@day_option("--since", N_("First day of a custom range (e.g. 2026-09-01, '30d ago'); instead of --range."))
@day_option("--until", N_("Last day included. Default: today."))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help=N_("text: charts and tables; json: every figure with its count."))
@pass_session
def trends(session, range_, since, until, fmt):
    """Charts and numbers of pain, locations, triggers, therapies, medication and PEG over a range.

    \b
    Examples:
      osteotrack trends                      # the last 3 months
      osteotrack trends --range 1y
      osteotrack trends --since 2026-09-01 --until 2026-10-31 --format json
    """
    from osteotrack.analysis import period_for
    from osteotrack.analysis import trends as compute

    person = session.person(create=False)
    if fmt == "json":
        import json

        from osteotrack.i18n import ENGLISH, speaking

        with speaking(ENGLISH):  # the JSON's names and texts are a contract, the same in every language
            result = compute(person, period_for(person, range_, since, until))
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    print_text(compute(person, period_for(person, range_, since, until)))


def print_text(result) -> None:
    """Every chart with its table, for a terminal, a pipe or a screen reader (charts fit 80 columns)."""
    from rich.console import Console
    from rich.text import Text

    from osteotrack.views import terminal_charts as charts
    from osteotrack.views import trend_tables as tables

    console = Console()
    colour = console.is_terminal and not console.no_color
    width = max(60, min(console.width, 100))

    def chart(name: str, height: int = 20) -> None:
        console.print(Text.from_ansi(charts.render(charts.CHARTS[name], result, width, height, colour)))

    # TRANSLATORS: the title of `osteotrack trends`: whose diary, and the period.
    console.print(Text(_("Trends — {name} — {period}").format(name=result.profile, period=result.period.label()),
                       style="bold"))
    console.print(tables.summary_table(result))
    if not result.summary.entries:
        console.print(_("No entries in this range: nothing to chart."))
    else:
        chart("pain")
        console.print(Text(_("Calendar of daily mean pain"), style="bold"))
        console.print(charts.heat_map(result, colour))
        for figure, names in (("locations", ["locations"]), ("triggers", ["triggers"]),
                              ("therapies", ["therapies", "relief"])):
            console.print(tables.TABLES[figure](result))
            if figure == "therapies" and result.sessions:
                console.print(tables.sessions_lines(result), end="\n\n")
            if getattr(result, figure):
                for name in names:
                    chart(name, 16)
        console.print(tables.medication_table(result))
    if result.peg_weeks:
        console.print(tables.peg_table(result))
        chart("peg", 14)
    if result.events:
        console.print(tables.events_table(result))
    if result.bone is not None and not result.bone.empty:  # bone care (issue 16)
        from osteotrack.views.bone_trends import bone_group

        console.print(bone_group(result.bone), end="\n\n")
    console.print(str(tables.CAUTION))


COMMANDS = [trends]

"""``osteotrack demo``: a realistic demo diary in a file of its own."""

from __future__ import annotations

from pathlib import Path

import click

from osteotrack.cli.common import CliError, Command, progress_bar
from osteotrack.i18n import N_, _


@click.command(cls=Command)
@click.option("--years", type=click.FloatRange(min=0.05, max=30), default=2, show_default=True,
              help=N_("How many years of diary to make."))
@click.option("--seed", type=int, default=1, show_default=True, help=N_("The same seed gives the same diary."))
@click.option("--db", "target", type=click.Path(path_type=Path), default=None,
              help=N_("Where to write it. Default: demo.db in the app's data folder (never your diary)."))
@click.option("--force", is_flag=True, help=N_("Replace an existing demo diary at that path."))
@click.pass_context
def demo(ctx, years, seed, target, force):
    """Write a demo diary to explore: Margaret, a thoracic compression fracture, a kyphoplasty, a fall."""
    from osteotrack.demo import write_demo
    from osteotrack.store.files import demo_db_path

    if ctx.obj.read_only:
        raise CliError("demo.read_only")
    target = (target or demo_db_path()).expanduser()
    real = ctx.obj.path
    if target.resolve() == real.expanduser().resolve() and not (target.exists() and _is_demo(target)):
        raise CliError("demo.is_diary", field="file", path=target)
    if target.exists():
        if not _is_demo(target):
            raise CliError("demo.not_demo", field="file", path=target)
        if not force:
            raise CliError("demo.exists", field="file", path=target)
    with progress_bar() as bar:
        task = bar.add_task(_("Writing the demo diary"), total=1)
        counts = write_demo(target, years, seed, progress=lambda done, total: bar.update(task, completed=done,
                                                                                          total=total))
    from osteotrack.domain.numbers import count, figure

    click.echo(
        # TRANSLATORS: "Wrote a 2-year demo diary to …"; {years} is a number of years (2, 0.5); {path} a file.
        _("Wrote a {years}-year demo diary to {path}: {entries}, {checkins}, {events}, {questions}.\n"
          "Explore it with: osteotrack --db {path}").format(
            years=figure(years), path=target, entries=count(counts["entries"], "entry"),
            checkins=count(counts["checkins"], "check-in"), events=count(counts["events"], "event"),
            questions=count(counts["questions"], "question"))
    )


def _is_demo(path: Path) -> bool:
    from osteotrack.domain.errors import DiaryError
    from osteotrack.store.diary import Diary

    try:
        with Diary.open(path, read_only=True) as diary:
            return diary.setting("demo") == "1"
    except DiaryError:
        return False


COMMANDS = [demo]

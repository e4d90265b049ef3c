"""``osteotrack sync``: two homes, one diary (issue 18).

``sync FILE`` brings the changes in FILE (a diary, a backup or a JSON export, encrypted
or not) into this diary; ``--both`` also writes this diary's changes into FILE.
``sync --conflicts`` lists the versions that lost a sync although they were edited;
``sync --dismiss ID`` forgets one.
"""

from __future__ import annotations

from pathlib import Path

import click

from osteotrack.cli.common import CliError, Command, no_cycle_collection, pass_session
from osteotrack.cli.secret import PASSPHRASE_FILE_HELP, asker
from osteotrack.i18n import N_, _


@click.command(cls=Command)
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option("--both", is_flag=True, help=N_("Also write this diary's changes into FILE (a diary or a JSON export)."))
@click.option("--encrypt", is_flag=True, help=N_("With --both: write FILE encrypted with a passphrase (age format)."))
@click.option("--passphrase-file", type=click.Path(path_type=Path), default=None, help=PASSPHRASE_FILE_HELP)
@click.option("--conflicts", "list_conflicts", is_flag=True, help=N_("List the kept versions that lost a sync."))
@click.option("--dismiss", type=int, default=None, metavar="ID", help=N_("Forget the kept conflict ID."))
@pass_session
def sync(session, file, both, encrypt, passphrase_file, list_conflicts, dismiss):
    """Bring the changes in FILE into this diary (and with --both, this diary's into FILE).

    FILE is another copy of this diary: a diary, a backup or a JSON export, perhaps
    encrypted. The later edit of a record wins; the other is kept (--conflicts).
    Deletions travel. This diary is backed up before its first sync with a new FILE.
    """
    if list_conflicts or dismiss is not None:
        diary = session.diary(create=False)
        if dismiss is not None:
            diary.dismiss_conflict(dismiss)
            click.echo(_("Dismissed conflict {id}.").format(id=dismiss))
            return
        _show_conflicts(diary.sync_conflicts())
        return
    if file is None:
        raise CliError("sync.dismiss_what", field="file")
    if encrypt and not both:
        raise CliError("sync.dismiss_what", field="encrypt")
    from osteotrack.store.sync_files import sync_file

    diary = session.diary(create=False)
    with no_cycle_collection():
        result = sync_file(diary, file, both=both, encrypt=encrypt, passphrase=asker(passphrase_file),
                           new_passphrase=asker(passphrase_file, confirm=True))
    if result.backup is not None:
        click.echo(_("First sync with {file}: this diary was backed up to {path}").format(file=file,
                                                                                          path=result.backup))
    click.echo(_("Here: {changes}").format(changes=result.here.sentence()))
    if result.there is not None:
        click.echo(_("In {file}: {changes}").format(file=file, changes=result.there.sentence()))


def _show_conflicts(found) -> None:
    from osteotrack.domain.sync import record_word, side_by_side

    if not found:
        click.echo(_("No kept conflicts."))
        return
    for c in found:
        click.echo(_("#{id} {kind} {record} (kept {when})").format(
            id=c.id, kind=record_word(c.kind), record=c.record_id, when=c.kept_at))
        rows = side_by_side(c.winner, c.loser)
        width = max((len(k) for k, _, _ in rows), default=0)
        # TRANSLATORS: the headings of a kept conflict's two versions: the one kept, and the one that lost.
        kept_heading, lost_heading = _("kept (won)"), _("lost")
        click.echo(f"  {'':{width}}  {kept_heading:30}  {lost_heading}")
        for key, kept, lost in rows:
            click.echo(f"  {key:{width}}  {_short(kept):30}  {_short(lost)}")


def _short(text: str) -> str:
    return text if len(text) <= 30 else text[:29] + "…"


COMMANDS = [sync]

"""The Bone care figures as Rich tables and lines, for ``osteotrack trends`` (and the app)."""

from __future__ import annotations

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from osteotrack.analysis.bone import BoneCareSummary
from osteotrack.domain.bone import cm_text, day_text, days_text, impression_text
from osteotrack.domain.numbers import whole
from osteotrack.i18n import _, lazy, ngettext

TITLE = lazy("Bone care")  # translated wherever it is turned into text


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, expand=False)
    for i, column in enumerate(columns):
        table.add_column(column, justify="left" if i == 0 else "right", overflow="fold", no_wrap=i > 0,
                         min_width=14 if i == 0 else None)
    return table


def lines(bone: BoneCareSummary) -> list[str]:
    """Height, falls, the falls check, the impression and side effects in sentences, each with its count."""
    out = []
    if bone.heights:
        first, last = bone.heights[0], bone.heights[-1]
        n = len(bone.heights)
        text = ngettext("Height: {n} measurement, last {height} on {day}",
                        "Height: {n} measurements, last {height} on {day}", n).format(
            n=whole(n), height=cm_text(last.mm), day=day_text(last.day))
        if bone.height_change_mm is not None:
            sign = "+" if bone.height_change_mm > 0 else ""
            text += _("; change {change} since {day}").format(change=sign + cm_text(bone.height_change_mm),
                                                              day=day_text(first.day))
        out.append(text + ".")
    out.append(_("Falls: {falls}; near-falls: {near_falls}.").format(falls=whole(bone.falls),
                                                                     near_falls=whole(bone.near_falls)))
    if bone.falls_checks:
        c = bone.falls_checks[-1]

        def yes(value: bool) -> str:
            return _("yes") if value else _("no")

        out.append(_("Falls check ({n} in the period), last on {day}: fallen in the past 12 months {fell}, unsteady "
                     "{unsteady}, worried about falling {worried}.").format(
            n=whole(len(bone.falls_checks)), day=day_text(c.day), fell=yes(c.fell), unsteady=yes(c.unsteady),
            worried=yes(c.worried)))
    if bone.impressions:
        scores = ", ".join(f"{i.score} ({day_text(i.day)})" for i in bone.impressions[-6:])
        latest = bone.impressions[-1]
        n = len(bone.impressions)
        out.append(ngettext("Impression of change ({n} answer; 1 very much improved … 7 very much worse): {scores}; "
                            "the last: {last}.",
                            "Impression of change ({n} answers; 1 very much improved … 7 very much worse): {scores}; "
                            "the last: {last}.", n).format(n=whole(n), scores=scores,
                                                           last=impression_text(latest.score)))
    for s in bone.side_effects:
        if s.worst is not None:
            said = ngettext("Side effect with {medicine}: {effect}, {n} time, worst severity {worst} of 10.",
                            "Side effect with {medicine}: {effect}, {n} times, worst severity {worst} of 10.", s.count)
        else:
            said = ngettext("Side effect with {medicine}: {effect}, {n} time.",
                            "Side effect with {medicine}: {effect}, {n} times.", s.count)
        out.append(said.format(medicine=s.name, effect=s.effect, n=whole(s.count), worst=s.worst))
    return out


def treatments_table(bone: BoneCareSummary) -> Table:
    """Each treatment of the period: doses, on time and late, the longest delay, the next due day."""
    table = _table(_("Bone treatments in the period"), _("treatment"), _("doses"), _("on time"), _("late"),
                   _("longest"), _("next due"))
    table.caption = _("late: doses after their due day; longest: the most days late; next due as of the period's "
                      "last day")
    table.caption_justify = "left"
    for t in bone.treatments:
        due = _("stopped") if t.next_due is None else day_text(t.next_due) + (
            "\n" + ngettext("{n} day late", "{n} days late", t.days_late).format(n=whole(t.days_late))
            if t.days_late else "")
        table.add_row(f"{t.name} {t.dose}, {t.every_words}".replace(" ,", ","), whole(t.doses), whole(t.on_time),
                      whole(t.late), days_text(t.longest_delay) if t.late else "—", due)
    return table


def bone_group(bone: BoneCareSummary) -> Group:
    """Everything of the Bone care section, for a console."""
    parts: list = [Text(str(TITLE), style="bold")]
    if bone.treatments:
        parts.append(treatments_table(bone))
    parts += [Text(line) for line in lines(bone)]
    return Group(*parts)

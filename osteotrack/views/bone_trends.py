"""The Bone care figures as Rich tables and lines, for ``osteotrack trends`` (and the app)."""

from __future__ import annotations

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from osteotrack.analysis.bone import BoneCareSummary
from osteotrack.domain.bone import IMPRESSIONS, cm_text, day_text, days_text

TITLE = "Bone care"


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
        text = (f"Height: {n} {'measurement' if n == 1 else 'measurements'}, last {cm_text(last.mm)} on "
                f"{day_text(last.day)}")
        if bone.height_change_mm is not None:
            sign = "+" if bone.height_change_mm > 0 else ""
            text += f"; change {sign}{cm_text(bone.height_change_mm)} since {day_text(first.day)}"
        out.append(text + ".")
    out.append(f"Falls: {bone.falls}; near-falls: {bone.near_falls}.")
    if bone.falls_checks:
        c = bone.falls_checks[-1]
        yes = lambda v: "yes" if v else "no"  # noqa: E731
        out.append(f"Falls check ({len(bone.falls_checks)} in the period), last on {day_text(c.day)}: fallen in the "
                   f"past 12 months {yes(c.fell)}, unsteady {yes(c.unsteady)}, worried about falling {yes(c.worried)}.")
    if bone.impressions:
        scores = ", ".join(f"{i.score} ({day_text(i.day)})" for i in bone.impressions[-6:])
        latest = bone.impressions[-1]
        n = len(bone.impressions)
        out.append(f"Impression of change ({n} {'answer' if n == 1 else 'answers'}; 1 very much improved … "
                   f"7 very much worse): {scores}; the last: {IMPRESSIONS[latest.score]}.")
    for s in bone.side_effects:
        worst = f", worst severity {s.worst} of 10" if s.worst is not None else ""
        out.append(f"Side effect with {s.name}: {s.effect}, {s.count} {'time' if s.count == 1 else 'times'}{worst}.")
    return out


def treatments_table(bone: BoneCareSummary) -> Table:
    """Each treatment of the period: doses, on time and late, the longest delay, the next due day."""
    table = _table("Bone treatments in the period", "treatment", "doses", "on time", "late", "longest", "next due")
    table.caption = ("late: doses after their due day; longest: the most days late; next due as of the period's "
                     "last day")
    table.caption_justify = "left"
    for t in bone.treatments:
        due = "stopped" if t.next_due is None else t.next_due.isoformat() + (
            f"\n{days_text(t.days_late)} late" if t.days_late else "")
        table.add_row(f"{t.name} {t.dose}, {t.every_words}".replace(" ,", ","), str(t.doses), str(t.on_time),
                      str(t.late), days_text(t.longest_delay) if t.late else "—", due)
    return table


def bone_group(bone: BoneCareSummary) -> Group:
    """Everything of the Bone care section, for a console."""
    parts: list = [Text(TITLE, style="bold")]
    if bone.treatments:
        parts.append(treatments_table(bone))
    parts += [Text(line) for line in lines(bone)]
    return Group(*parts)

"""The report's Bone care section: treatments on time or late, height, falls, impression, side effects.

Kept short (a table and two or three lines) so a 90-day report stays within two pages.
"""

from __future__ import annotations

from osteotrack.analysis.bone import BoneCareSummary
from osteotrack.domain.bone import IMPRESSIONS, cm_text, days_text
from osteotrack.report.model import Section, Table

TITLE = "Bone care"


def _day(day) -> str:
    return f"{day:%d %b %Y}"


def summary_lines(bone: BoneCareSummary) -> list[str]:
    """Height; falls, the falls check and the impression; side effects: each with its count."""
    out = []
    if bone.heights:
        last, n = bone.heights[-1], len(bone.heights)
        text = f"Height {cm_text(last.mm)} on {_day(last.day)} ({n} {'measurement' if n == 1 else 'measurements'}"
        if bone.height_change_mm is not None:
            sign = "+" if bone.height_change_mm > 0 else ""
            text += f"; change {sign}{cm_text(bone.height_change_mm)} since {_day(bone.heights[0].day)}"
        out.append(text + ").")
    parts = [f"Falls {bone.falls}, near-falls {bone.near_falls}"]
    if bone.falls_checks:
        c = bone.falls_checks[-1]
        yes = [word for word, value in (("fallen in the past year", c.fell), ("unsteady", c.unsteady),
                                        ("worried about falling", c.worried)) if value]
        parts.append(f"falls check {_day(c.day)}: {c_yes(yes)}")
    if bone.impressions:
        latest, n = bone.impressions[-1], len(bone.impressions)
        scores = ", ".join(str(i.score) for i in bone.impressions[-6:])
        parts.append(f"impression of change (1 very much improved … 7 very much worse): {scores} "
                     f"({n} {'answer' if n == 1 else 'answers'}; last {IMPRESSIONS[latest.score]})")
    out.append("; ".join(parts) + ".")
    if bone.side_effects:
        out.append("Side effects: " + "; ".join(
            f"{s.name}: {s.effect} ×{s.count}" + (f" (worst {s.worst}/10)" if s.worst is not None else "")
            for s in bone.side_effects) + ".")
    return out


def c_yes(words: list[str]) -> str:
    return "yes to " + ", ".join(words) if words else "no to all three questions"


def bone_section(bone: BoneCareSummary | None) -> Section:
    """The section for one period; one sentence when nothing of bone care was recorded."""
    if bone is None or bone.empty:
        return Section("bone", TITLE, ["No bone treatments, heights, falls checks or impressions were recorded in "
                                       "this period."])
    table = None
    if bone.treatments:
        rows = []
        for t in bone.treatments:
            due = "stopped" if t.next_due is None else _day(t.next_due) + (
                f" ({days_text(t.days_late)} late)" if t.days_late else "")
            rows.append([f"{t.name} {t.dose}".strip(), t.every_words, _day(t.since), str(t.doses), str(t.on_time),
                         str(t.late), days_text(t.longest_delay) if t.late else "–", due])
        table = Table(["Treatment", "Interval", "Since", "Doses", "On time", "Late", "Most late", "Next due"],
                      rows, [1.5, 1.2, 1.0, 0.55, 0.65, 0.5, 0.75, 1.5], align="lllrrrrl")
    after = ["Late: taken after its due day (the start day, then one interval after the dose before)."] if table else []
    return Section("bone", TITLE, summary_lines(bone), table=table, after=after)

"""The report's Bone care section: treatments on time or late, height, falls, impression, side effects."""

from __future__ import annotations

from osteotrack.analysis.bone import BoneCareSummary
from osteotrack.domain.bone import days_text
from osteotrack.report.model import Section, Table
from osteotrack.views.bone_trends import lines

TITLE = "Bone care"


def bone_section(bone: BoneCareSummary | None) -> Section:
    """The section for one period; one sentence when nothing of bone care was recorded."""
    if bone is None or bone.empty:
        return Section("bone", TITLE, ["No bone treatments, heights, falls checks or impressions were recorded in "
                                       "this period."])
    table = None
    if bone.treatments:
        rows = []
        for t in bone.treatments:
            due = "stopped" if t.next_due is None else f"{t.next_due:%d %b %Y}" + (
                f" ({days_text(t.days_late)} late)" if t.days_late else "")
            rows.append([f"{t.name} {t.dose}".strip(), t.every_words, f"{t.since:%d %b %Y}", str(t.doses),
                         f"{t.on_time} / {t.late}", days_text(t.longest_delay) if t.late else "–", due])
        table = Table(["Treatment", "Interval", "Since", "Doses", "On time / late", "Longest delay", "Next due"],
                      rows, [1.5, 1.2, 1.0, 0.6, 0.9, 0.9, 1.5], align="lllrrrl")
    after = ["A dose is due on the treatment's start day, then one interval after the dose before it; "
             "late means after that day. Records of what was prescribed and done, not advice."] if table else []
    return Section("bone", TITLE, lines(bone), table=table, after=after)

"""The report's Bone care section: treatments on time or late, height, falls, impression, side effects.

Kept short (a table and two or three lines) so a 90-day report stays within two pages.
"""

from __future__ import annotations

from fractions import Fraction

from osteotrack.analysis.bone import BoneCareSummary
from osteotrack.domain import dates, numbers
from osteotrack.domain.bone import IMPRESSIONS
from osteotrack.domain.describe import joined
from osteotrack.i18n import _, ngettext, pgettext
from osteotrack.report.model import SECTIONS, Section, Table


def _cm(mm: int, signed: bool = False) -> str:
    """Millimetres as centimetres, with the language's decimal sign: ``162,5 cm``; ``-2,0 cm`` with its sign."""
    value = Fraction(mm, 10)
    return f"{numbers.signed(value) if signed else numbers.pain(value)} cm"


def summary_lines(bone: BoneCareSummary) -> list[str]:
    """Height; falls, the falls check and the impression; side effects: each with its count."""
    out = []
    if bone.heights:
        last, first, n = bone.heights[-1], bone.heights[0], len(bone.heights)
        if bone.height_change_mm is None:
            out.append(ngettext("Height {height} on {day} ({n} measurement).",
                                "Height {height} on {day} ({n} measurements).", n).format(
                height=_cm(last.mm), day=dates.day(last.day), n=n))
        else:
            out.append(ngettext("Height {height} on {day} ({n} measurement; change {change} since {first}).",
                                "Height {height} on {day} ({n} measurements; change {change} since {first}).",
                                n).format(height=_cm(last.mm), day=dates.day(last.day), n=n,
                                          change=_cm(bone.height_change_mm, signed=True), first=dates.day(first.day)))
    parts = [_("Falls {falls}, near-falls {near_falls}").format(falls=bone.falls, near_falls=bone.near_falls)]
    if bone.falls_checks:
        c = bone.falls_checks[-1]
        yes = [word for word, value in ((_("fallen in the past year"), c.fell), (_("unsteady"), c.unsteady),
                                        (_("worried about falling"), c.worried)) if value]
        parts.append(_("falls check {day}: yes to {answers}").format(day=dates.day(c.day), answers=", ".join(yes))
                     if yes else _("falls check {day}: no to all three questions").format(day=dates.day(c.day)))
    if bone.impressions:
        latest, n = bone.impressions[-1], len(bone.impressions)
        parts.append(ngettext(
            "impression of change (1 very much improved … 7 very much worse): {scores} ({n} answer; last {last})",
            "impression of change (1 very much improved … 7 very much worse): {scores} ({n} answers; last {last})",
            n).format(scores=", ".join(str(i.score) for i in bone.impressions[-6:]), n=n,
                      last=_(IMPRESSIONS[latest.score])))
    out.append(joined(parts) + ".")
    if bone.side_effects:
        out.append(_("Side effects: {effects}.").format(effects=joined(
            _("{medicine}: {effect} ×{count} (worst {worst}/10)").format(
                medicine=s.name, effect=s.effect, count=s.count, worst=s.worst) if s.worst is not None else
            _("{medicine}: {effect} ×{count}").format(medicine=s.name, effect=s.effect, count=s.count)
            for s in bone.side_effects)))
    return out


def bone_section(bone: BoneCareSummary | None) -> Section:
    """The section for one period; one sentence when nothing of bone care was recorded."""
    title = str(SECTIONS["bone"])
    if bone is None or bone.empty:
        return Section("bone", title, [_("No bone treatments, heights, falls checks or impressions were recorded in "
                                         "this period.")])
    table = None
    if bone.treatments:
        rows = []
        for t in bone.treatments:
            if t.next_due is None:
                due = _("stopped")
            elif t.days_late:
                due = ngettext("{day} ({n} day late)", "{day} ({n} days late)", t.days_late).format(
                    day=dates.day(t.next_due), n=t.days_late)
            else:
                due = dates.day(t.next_due)
            rows.append([f"{t.name} {t.dose}".strip(), t.every_words, dates.day(t.since), str(t.doses),
                         str(t.on_time), str(t.late), numbers.count(t.longest_delay, "day") if t.late else "–", due])
        # TRANSLATORS: the columns of the bone treatments' table (short: eight columns share the page's width).
        header = [pgettext("treatment", "Treatment"), pgettext("treatment", "Interval"), pgettext("treatment", "Since"),
                  pgettext("treatment", "Doses"), pgettext("treatment", "On time"), pgettext("treatment", "Late"),
                  pgettext("treatment", "Most late"), pgettext("treatment", "Next due")]
        table = Table(header, rows, [1.5, 1.2, 1.0, 0.55, 0.65, 0.5, 0.75, 1.5], align="lllrrrrl")
    after = [_("Late: taken after its due day (the start day, then one interval after the dose before).")]
    return Section("bone", title, summary_lines(bone), table=table, after=after if table else [])

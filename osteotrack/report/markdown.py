"""The report as Markdown: tables and a text summary, for pasting into a patient-portal message."""

from __future__ import annotations

from osteotrack.domain import numbers
from osteotrack.report.model import Report, Section, Table


def render_markdown(report: Report, paper: str = "a4", progress=None) -> bytes:
    """The report as UTF-8 Markdown (``paper`` is accepted for a uniform signature and ignored)."""
    out = [
        f"# {report.title}: {_cell(report.profile)}",
        "",
        f"**Patient (profile):** {_cell(report.profile)}  ",
        f"**Period:** {report.period_text}" + ("  " if report.appointment else ""),
        *([f"**{report.appointment}**"] if report.appointment else []),
        "",
        "_Pain on the 0–10 numeric rating scale: 0 none, 1–3 mild, 4–6 moderate, 7–10 severe. "
        "Every figure gives the count it rests on._",
    ]
    for done, section in enumerate(report.sections, start=1):
        out += ["", *_section(report, section)]
        if progress:
            progress(done, len(report.sections))
    out += ["", "---", "", f"_{report.footer}_", ""]
    return "\n".join(out).encode("utf-8")


def _section(report: Report, section: Section) -> list[str]:
    out = [f"## {section.title}", ""]
    out += [f"- {line}" for line in section.lines] if section.bullets else [f"{line}  " for line in section.lines]
    if section.chart == "pain":
        out += _pain_in_words(report)
    if section.table:
        out += _gap(out) + _table(section.table)
    if section.after:
        out += _gap(out) + [f"_{line}_  " for line in section.after]
    return out


def _gap(lines: list[str]) -> list[str]:
    return [] if lines[-1] == "" else [""]


def _pain_in_words(report: Report) -> list[str]:
    """What the pain chart shows, as a sentence: the 7-day mean at the start and the end of the period."""
    daily = report.trends.daily
    first, last = daily[0], daily[-1]
    return [f"7-day mean pain {numbers.pain(first.rolling_mean)} on {first.day:%d %b %Y} "
            f"({numbers.count(first.rolling_days, 'logged day')}), {numbers.pain(last.rolling_mean)} on "
            f"{last.day:%d %b %Y} ({numbers.count(last.rolling_days, 'logged day')}). "
            "The PDF and HTML versions draw the whole period as a chart."]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(table: Table) -> list[str]:
    align = table.align or "l" + "r" * (len(table.header) - 1)
    rule = ["---:" if a == "r" else "---" for a in align]
    return ["| " + " | ".join(_cell(h) or " " for h in table.header) + " |", "| " + " | ".join(rule) + " |",
            *["| " + " | ".join(_cell(v) for v in row) + " |" for row in table.rows]]

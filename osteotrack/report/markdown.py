"""The report as Markdown: tables and a text summary, for pasting into a patient-portal message."""

from __future__ import annotations

import re

from osteotrack.domain import dates, numbers
from osteotrack.i18n import _
from osteotrack.report.model import Report, Section, Table


def render_markdown(report: Report, paper: str = "a4", progress=None) -> bytes:
    """The report as UTF-8 Markdown (``paper`` is accepted for a uniform signature and ignored)."""
    patient, period = _cell(_("Patient (profile):")), _cell(_("Period:"))
    out = [
        f"# {_cell(report.heading)}",
        "",
        f"**{patient}** {_cell(report.profile)}  ",
        f"**{period}** {_cell(report.period_text)}" + ("  " if report.appointment else ""),
        *([f"**{_cell(report.appointment)}**"] if report.appointment else []),
        "",
        f"_{report.header_note}_",
    ]
    for done, section in enumerate(report.sections, start=1):
        out += ["", *_section(report, section)]
        if progress:
            progress(done, len(report.sections))
    out += ["", "---", "", f"_{_cell(report.footer)}_", ""]
    return "\n".join(out).encode("utf-8")


def _section(report: Report, section: Section) -> list[str]:
    out = [f"## {_cell(section.title)}", ""]
    lines = [_text(line) for line in section.lines]
    out += [f"- {line}" for line in lines] if section.bullets else [f"{line}  " for line in lines]
    if section.chart == "pain":
        out += _pain_in_words(report)
    if section.table:
        out += _gap(out) + _table(section.table)
    if section.after:
        out += _gap(out) + [f"_{_cell(line)}_  " for line in section.after]
    return out


def _gap(lines: list[str]) -> list[str]:
    return [] if lines[-1] == "" else [""]


def _pain_in_words(report: Report) -> list[str]:
    """What the pain chart shows, as a sentence: the 7-day mean at the start and the end of the period."""
    daily = report.trends.daily
    first, last = daily[0], daily[-1]
    return [_("7-day mean pain {first} on {first_day} ({first_days}), {last} on {last_day} ({last_days}). "
              "The PDF and HTML versions draw the whole period as a chart.").format(
        first=numbers.pain(first.rolling_mean), first_day=dates.day(first.day),
        first_days=numbers.count(first.rolling_days, "logged day"), last=numbers.pain(last.rolling_mean),
        last_day=dates.day(last.day), last_days=numbers.count(last.rolling_days, "logged day"))]


# The report's text holds what the user typed (notes, questions, names of their own terms): it is
# written as literal text, never as Markdown or HTML a portal would render or run. HTML's specials
# become entities (as in the HTML report); Markdown's become backslash escapes (CommonMark 2.4).
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_INLINE = re.compile(r"[&<>\\`*_\[\]~|]")
_BLOCK_START = re.compile(r"^()([#+=-]|\d+(?=[.)]))")


def _cell(text: str) -> str:
    """Text as literal inline Markdown, on one line (a table cell, a heading, emphasis)."""
    return _INLINE.sub(lambda m: _ENTITIES.get(m[0], "\\" + m[0]), str(text)).replace("\r", " ").replace("\n", " ")


def _text(text: str) -> str:
    """Text as a literal paragraph: inline specials escaped, and no line of it starts a heading,
    a list, a rule or a quote; its line breaks kept as Markdown line breaks."""
    lines = [_cell(line) for line in str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    # Leading spaces would make an indented code block: a line starts at its first character.
    return "  \n".join(_BLOCK_START.sub(_escape_start, line.lstrip()) for line in lines)


def _escape_start(match: re.Match) -> str:
    marker = match[2]
    return f"{match[1]}{marker}\\" if marker.isdigit() else f"{match[1]}\\{marker}"


def _table(table: Table) -> list[str]:
    align = table.align or "l" + "r" * (len(table.header) - 1)
    rule = ["---:" if a == "r" else "---" for a in align]
    return ["| " + " | ".join(_cell(h) or " " for h in table.header) + " |", "| " + " | ".join(rule) + " |",
            *["| " + " | ".join(_cell(v) for v in row) + " |" for row in table.rows]]

"""The report as one self-contained HTML file: inline SVG charts, inline styles, a print stylesheet.

It loads nothing from anywhere, so it opens offline in any browser and prints
on one or two pages like the PDF. ``<html lang>`` names the report's language.
"""

from __future__ import annotations

from html import escape

from osteotrack.i18n import _
from osteotrack.report.charts import CHARTS
from osteotrack.report.model import Report, Section, Table

PAGE = {"a4": "A4", "letter": "letter"}
CHART_SCALE = 14 / 10  # large print: body text 14 pt instead of 10 pt
STYLE = """
body { font-family: "DejaVu Sans", Verdana, sans-serif; font-size: 10pt; color: #000; background: #fff;
       max-width: 48em; margin: 1.5em auto; padding: 0 1em; line-height: 1.35; }
h1 { font-size: 16pt; margin: 0 0 .2em; }
h2 { font-size: 11.5pt; border-bottom: 1px solid #777; margin: 1.1em 0 .35em; padding-bottom: .1em; }
p { margin: .25em 0; }
.meta, .small { color: #333; font-size: 8.5pt; }
table { border-collapse: collapse; width: 100%; margin: .3em 0; }
th, td { border-bottom: 1px solid #bbb; padding: .15em .4em; vertical-align: top; }
th { text-align: left; font-weight: bold; }
td.r, th.r { text-align: right; }
figure { margin: .4em 0; }
figure svg { width: 100%; height: auto; }
ul { margin: .25em 0; padding-left: 1.3em; }
footer { margin-top: 1.5em; border-top: 1px solid #777; padding-top: .3em; font-size: 8.5pt; color: #333; }
td { overflow-wrap: anywhere; }
@media print {
  @page { size: %PAGE%; margin: 14mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 8.5pt; }
  h2 { break-after: avoid; }
  figure, tr { break-inside: avoid; }
}
"""
# The patient's own copy: body text 14 pt on screen and on paper, the rest to match.
LARGE_STYLE = """
body { font-size: 14pt; max-width: 40em; line-height: 1.4; }
h1 { font-size: 22pt; }
h2 { font-size: 17pt; }
.meta, .small, footer { font-size: 12pt; }
figure { padding-left: 1em; }
figure svg { overflow: visible; }  /* the enlarged chart's axis label reaches past its drawing's edge */
@media print { body { font-size: 14pt; } }
"""


def render_html(report: Report, paper: str = "a4", progress=None, large_print: bool = False) -> bytes:
    """The report as UTF-8 HTML; ``progress(done, total)`` after each section. ``large_print``: body text 14 pt."""
    style = STYLE.replace("%PAGE%", PAGE[paper]) + (LARGE_STYLE if large_print else "")
    patient, period = escape(_("Patient (profile):")), escape(_("Period:"))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(report.language)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(report.heading)}, {escape(report.period_text)}</title>",
        f"<style>{style}</style></head><body>",
        f"<header><h1>{escape(report.heading)}</h1>",
        f"<p>{patient} <strong>{escape(report.profile)}</strong> · {period} {escape(report.period_text)}</p>",
        *([f"<p><strong>{escape(report.appointment)}</strong></p>"] if report.appointment else []),
        f'<p class="meta">{escape(report.header_note)}</p></header><main>',
    ]
    for done, section in enumerate(report.sections, start=1):
        parts.append(_section(report, section, large_print))
        if progress:
            progress(done, len(report.sections))
    parts.append(f"</main><footer>{escape(report.footer)}</footer></body></html>\n")
    return "\n".join(parts).encode("utf-8")


def _section(report: Report, section: Section, large_print: bool = False) -> str:
    out = [f'<section id="{section.key}"><h2>{escape(section.title)}</h2>']
    if section.bullets:
        out.append("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in section.lines) + "</ul>")
    else:
        out += [f"<p>{escape(line)}</p>" for line in section.lines]
    if section.chart:
        label = escape(" ".join(section.after) or section.title)
        # In large print the chart is drawn smaller and shown at full width: its text grows with the body text.
        if large_print:
            height = 2.5 if section.chart == "pain" else 1.7  # the charts' own default heights (in)
            svg = CHARTS[section.chart](report.trends, width_in=7.0 / CHART_SCALE, height_in=height / CHART_SCALE)
        else:
            svg = CHARTS[section.chart](report.trends)
        out.append(f'<figure role="img" aria-label="{label}">{svg}</figure>')
    if section.table:
        out.append(_table(section.table))
    out += [f'<p class="small">{escape(line)}</p>' for line in section.after]
    out.append("</section>")
    return "\n".join(out)


def _table(table: Table) -> str:
    align = table.align or "l" + "r" * (len(table.header) - 1)
    cls = [' class="r"' if a == "r" else "" for a in align]
    head = "".join(f"<th{c} scope=\"col\">{escape(h)}</th>" for c, h in zip(cls, table.header))
    body = "".join("<tr>" + "".join(f"<td{c}>{escape(v)}</td>" for c, v in zip(cls, row)) + "</tr>"
                   for row in table.rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

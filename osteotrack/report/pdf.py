"""The report as a PDF: fpdf2 page layout, matplotlib charts embedded as vector SVG.

Text is set in DejaVu Sans from matplotlib's bundled fonts, so names and notes
in any European script (accents, Greek, Cyrillic) print as written.
"""

from __future__ import annotations

import io
from datetime import datetime, time, timezone
from pathlib import Path

from osteotrack.report.charts import CHARTS
from osteotrack.report.model import Report, Section, Table

PAPERS = {"a4": "A4", "letter": "Letter"}
MARGIN = 14  # mm
FONT = "DejaVu Sans"  # the family name matplotlib writes into the charts' SVG text
BODY_PT, SMALL_PT, TITLE_PT, HEAD_PT = 8.5, 7, 15, 10.5
LINE = 3.8  # mm per body line
PAD = 0.45  # mm above and below a table row's text
CHART_HEIGHT = {"pain": 50.0, "peg": 26.0}  # mm
# A section title is never left alone at the foot of a page.
KEEP_WITH_TITLE = 22.0


def _font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def _document(report: Report, paper: str):
    from fpdf import FPDF

    class Document(FPDF):
        def footer(self) -> None:
            self.set_y(-11)
            self.set_font(FONT, size=SMALL_PT)
            self.set_text_color(60)
            self.cell(0, 4, report.footer, align="L")
            self.set_x(self.l_margin)
            self.cell(0, 4, f"{report.profile} · page {self.page_no()} of {{nb}}", align="R")
            self.set_text_color(0)

    pdf = Document(format=PAPERS[paper], unit="mm")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=16)
    pdf.set_title(f"{report.title}: {report.profile}, {report.period_text}")
    pdf.set_creator(f"osteotrack {report.version}")
    # The report's own date, not the clock's: the same diary and day give the same file.
    pdf.set_creation_date(datetime.combine(report.generated, time(), tzinfo=timezone.utc))
    fonts = _font_dir()
    pdf.add_font(FONT, "", fonts / "DejaVuSans.ttf")
    pdf.add_font(FONT, "B", fonts / "DejaVuSans-Bold.ttf")
    return pdf


def render_pdf(report: Report, paper: str = "a4", progress=None) -> bytes:
    """The report as PDF bytes on A4 or Letter paper; ``progress(done, total)`` after each section."""
    pdf = _document(report, paper)
    pdf.add_page()
    _header(pdf, report)
    for done, section in enumerate(report.sections, start=1):
        _section(pdf, report, section)
        if progress:
            progress(done, len(report.sections))
    return bytes(pdf.output())


def _header(pdf, report: Report) -> None:
    pdf.set_font(FONT, "B", TITLE_PT)
    pdf.cell(0, 8, f"{report.title}: {report.profile}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=BODY_PT + 0.5)
    pdf.cell(0, 5, f"Patient (profile): {report.profile}    Period: {report.period_text}",
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=SMALL_PT)
    pdf.set_text_color(60)
    _line(pdf, report.header_note, 3.4, pdf.epw)
    pdf.set_text_color(0)
    pdf.ln(1)


def _section(pdf, report: Report, section: Section) -> None:
    needed = KEEP_WITH_TITLE + (CHART_HEIGHT[section.chart] if section.chart else 0)
    if pdf.get_y() + needed > pdf.page_break_trigger:
        pdf.add_page()
    pdf.ln(1.5)
    pdf.set_font(FONT, "B", HEAD_PT)
    pdf.cell(0, 5.5, section.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(120)
    pdf.set_line_width(0.2)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(1)
    pdf.set_font(FONT, size=BODY_PT)
    indent = 4 if section.bullets else 0
    for line in section.lines:
        if section.bullets:
            pdf.cell(indent, LINE, "•")
        _line(pdf, line, LINE, pdf.epw - indent)
    if section.chart:
        # Chart text as PDF text in the document's own font: searchable, and cheaper than glyph outlines.
        svg = CHARTS[section.chart](report.trends, width_in=(pdf.epw / 25.4),
                                    height_in=CHART_HEIGHT[section.chart] / 25.4, text="text")
        pdf.image(io.BytesIO(svg.encode("utf-8")), x=pdf.l_margin, w=pdf.epw, h=CHART_HEIGHT[section.chart])
    if section.table:
        _table(pdf, section.table)
    if section.after:
        pdf.set_font(FONT, size=SMALL_PT)
        pdf.set_text_color(60)
        for line in section.after:
            _line(pdf, line, 3.4, pdf.epw)
        pdf.set_text_color(0)


def _line(pdf, text: str, height: float, width: float) -> None:
    """One paragraph; a single ``cell`` when it fits, which is far cheaper than ``multi_cell``."""
    if "\n" not in text and pdf.get_string_width(text) < width - 2 * pdf.c_margin:
        pdf.cell(width, height, text, new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.multi_cell(width, height, text, new_x="LMARGIN", new_y="NEXT")


def _table(pdf, table: Table) -> None:
    """A table drawn cell by cell: fpdf2's own table wraps every cell and costs ~1 ms each."""
    align = ["L" if a == "l" else "R" for a in (table.align or "l" + "r" * (len(table.header) - 1))]
    scale = pdf.epw / sum(table.widths)
    widths = [w * scale for w in table.widths]
    pdf.set_draw_color(170)
    pdf.set_line_width(0.2)
    _row(pdf, table.header, widths, align, bold=True)
    for cells in table.rows:
        _row(pdf, cells, widths, align, header=table.header)
    pdf.ln(0.8)


def _row(pdf, cells: list[str], widths: list[float], align: list[str], bold: bool = False,
         header: list[str] | None = None) -> None:
    """One table row with a rule under it; long cells wrap; a row that does not fit starts a page under ``header``."""
    pdf.set_font(FONT, "B" if bold else "", BODY_PT - 0.5 if bold else BODY_PT)
    lines = [1 if pdf.get_string_width(text) <= w - 2 * pdf.c_margin else
             len(pdf.multi_cell(w, LINE, text, dry_run=True, output="LINES"))
             for text, w in zip(cells, widths)]
    height = max(lines) * LINE + 2 * PAD
    if header and pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()
        _row(pdf, header, widths, align, bold=True)
        pdf.set_font(FONT, size=BODY_PT)
    x, y = pdf.l_margin, pdf.get_y()
    for text, w, a, n in zip(cells, widths, align, lines):
        pdf.set_xy(x, y + PAD)
        if n == 1:
            pdf.cell(w, LINE, text, align=a)
        else:
            pdf.multi_cell(w, LINE, text, align=a)
        x += w
    pdf.line(pdf.l_margin, y + height, pdf.l_margin + sum(widths), y + height)
    pdf.set_xy(pdf.l_margin, y + height)

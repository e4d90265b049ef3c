"""The report as a PDF: fpdf2 page layout, matplotlib charts embedded as vector SVG.

Text is set in DejaVu Sans from matplotlib's bundled fonts, so names and notes
in any European script (accents, Greek, Cyrillic) print as written.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime, time, timezone
from pathlib import Path

from fpdf import FPDF

from osteotrack.i18n import _
from osteotrack.report.charts import CHARTS
from osteotrack.report.model import Report, Section, Table

PAPERS = {"a4": "A4", "letter": "Letter"}
MARGIN = 14  # mm
FONT = "DejaVu Sans"  # the family name matplotlib writes into the charts' SVG text


@dataclass(frozen=True)
class Sizes:
    """Type sizes (pt) and the heights that go with them (mm)."""

    body: float = 8.5
    small: float = 7
    title: float = 15
    head: float = 10.5
    line: float = 3.8  # mm per body line
    small_line: float = 3.4
    pad: float = 0.45  # mm above and below a table row's text
    pain_chart: float = 50.0  # mm
    peg_chart: float = 26.0
    keep_with_title: float = 22.0  # a section title is never left alone at the foot of a page
    keep_with_table: float = 0.0  # ... nor with only its table's header (large print's headers take two lines)
    chart_scale: float = 1.0  # charts are drawn this many times smaller, then enlarged: their text grows with it

    def chart_height(self, chart: str) -> float:
        return self.pain_chart if chart == "pain" else self.peg_chart


REGULAR = Sizes()
# The patient's own copy: body text 14 pt, every other text at least 12 pt, charts enlarged to match.
LARGE = Sizes(body=14, small=12, title=22, head=17, line=6.2, small_line=5.4, pad=0.8, pain_chart=80.0,
              peg_chart=48.0, keep_with_title=26.0, keep_with_table=26.0, chart_scale=14 / 8.5)


def _font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


class Document(FPDF):
    """A report's pages, set in ``sizes``: the report's footer on each, and every text measured once."""

    def __init__(self, report: Report | None = None, sizes: Sizes = REGULAR, **page) -> None:
        super().__init__(**page)
        self.report = report  # None: pages without a footer
        self.sizes = sizes
        self.measured: dict[tuple[str, float, str], float] = {}  # text_width's memory

    def text_width(self, text: str) -> float:
        """``get_string_width`` remembered per style and size (one family): words and cells repeat, and
        fpdf2 copies its graphics state and runs the bidirectional algorithm on every call (a tenth of
        the PDF's time for ten years)."""
        key = (self.font_style, self.font_size_pt, text)
        width = self.measured.get(key)
        if width is None:
            width = self.measured[key] = self.get_string_width(text)
        return width

    def footer(self) -> None:
        report, sizes = self.report, self.sizes
        if report is None:
            return
        self.set_y(-11)
        self.set_font(FONT, size=sizes.small)
        self.set_text_color(60)
        # "{nb}" is fpdf2's alias for the number of pages, filled in when the document is written.
        page = f"{report.profile} · " + _("page {page} of {pages}").format(page=self.page_no(), pages="{nb}")
        line = 5 if sizes is LARGE else 4
        if sizes is not LARGE and self.get_string_width(f"{report.footer}    {page}") <= self.epw:
            self.cell(0, line, report.footer, align="L")
            self.set_x(self.l_margin)
            self.cell(0, line, page, align="R")
        else:  # the footer on lines of its own (large print; a long language), the page under it
            lines = self.multi_cell(0, line, report.footer, dry_run=True, output="LINES")
            assert isinstance(lines, list)
            self.set_y(-((5 if sizes is LARGE else 7) + line * (len(lines) + 1)))
            self.multi_cell(0, line, report.footer, align="L", new_x="LMARGIN", new_y="NEXT")
            self.cell(0, line, page, align="R")
        self.set_text_color(0)


def _document(report: Report, paper: str, sizes: Sizes) -> Document:
    pdf = Document(report, sizes, format=PAPERS[paper], unit="mm")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=16 if sizes is REGULAR else 20)
    pdf.set_title(f"{report.heading}, {report.period_text}")
    pdf.set_creator(f"osteotrack {report.version}")
    # The report's own date, not the clock's: the same diary and day give the same file.
    pdf.set_creation_date(datetime.combine(report.generated, time(), tzinfo=timezone.utc))
    fonts = _font_dir()
    pdf.add_font(FONT, "", fonts / "DejaVuSans.ttf")
    pdf.add_font(FONT, "B", fonts / "DejaVuSans-Bold.ttf")
    return pdf


def render_pdf(report: Report, paper: str = "a4", progress=None, large_print: bool = False) -> bytes:
    """The report as PDF bytes on A4 or Letter paper; ``progress(done, total)`` after each section.

    ``large_print``: the patient's own copy, body text 14 pt.
    """
    pdf = _document(report, paper, LARGE if large_print else REGULAR)
    pdf.add_page()
    _header(pdf, report)
    for done, section in enumerate(report.sections, start=1):
        _section(pdf, report, section)
        if progress:
            progress(done, len(report.sections))
    return bytes(pdf.output())


def _header(pdf, report: Report) -> None:
    sizes: Sizes = pdf.sizes
    pdf.set_font(FONT, "B", sizes.title)
    _line(pdf, report.heading, sizes.title * 0.53, pdf.epw)
    pdf.set_font(FONT, size=sizes.body + 0.5)
    patient, period = _("Patient (profile):"), _("Period:")
    _line(pdf, f"{patient} {report.profile}    {period} {report.period_text}", sizes.line * 1.3, pdf.epw)
    if report.appointment:
        pdf.set_font(FONT, "B", sizes.body + 0.5)
        _line(pdf, report.appointment, sizes.line * 1.3, pdf.epw)
    pdf.set_font(FONT, size=sizes.small)
    pdf.set_text_color(60)
    _line(pdf, report.header_note, sizes.small_line * 1.15, pdf.epw)
    pdf.set_text_color(0)
    pdf.ln(1)


def _section(pdf, report: Report, section: Section) -> None:
    sizes: Sizes = pdf.sizes
    needed = (sizes.keep_with_title + (sizes.chart_height(section.chart) if section.chart else 0)
              + (sizes.keep_with_table if section.table else 0))
    if pdf.get_y() + needed > pdf.page_break_trigger:
        pdf.add_page()
    pdf.ln(1.5)
    pdf.set_font(FONT, "B", sizes.head)
    pdf.cell(0, sizes.head * 0.53, section.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(120)
    pdf.set_line_width(0.2)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(1)
    pdf.set_font(FONT, size=sizes.body)
    indent = sizes.line if section.bullets else 0
    for line in section.lines:
        if section.bullets:
            pdf.cell(indent, sizes.line, "•")
        _line(pdf, line, sizes.line, pdf.epw - indent)
    if section.chart:
        # Chart text as PDF text in the document's own font: searchable, and cheaper than glyph outlines.
        # Drawn ``chart_scale`` times smaller and placed at full size, its text grows with the body text.
        height = sizes.chart_height(section.chart)
        svg = CHARTS[section.chart](report.trends, width_in=pdf.epw / 25.4 / sizes.chart_scale,
                                    height_in=height / 25.4 / sizes.chart_scale, text="text")
        pdf.image(io.BytesIO(svg.encode("utf-8")), x=pdf.l_margin, w=pdf.epw, h=height)
    if section.table:
        _table(pdf, section.table)
    if section.after:
        pdf.set_font(FONT, size=sizes.small)
        pdf.set_text_color(60)
        for line in section.after:
            _line(pdf, line, sizes.small_line, pdf.epw)
        pdf.set_text_color(0)


def _line(pdf, text: str, height: float, width: float) -> None:
    """One paragraph, ragged right, a ``cell`` a line. ``multi_cell`` measures its line again for every letter
    it adds (a sixth of the PDF's time when ten years of entries marked for the doctor fill a paragraph)."""
    x = pdf.get_x()
    for line in _lines(pdf, text, width - 2 * pdf.c_margin):
        pdf.set_x(x)
        pdf.cell(width, height, line, new_x="LMARGIN", new_y="NEXT")


def _lines(pdf, text: str, room: float) -> list[str]:
    """``text`` broken at spaces into lines within ``room`` (mm) in the font in force, each word measured once;
    a word wider than a line is cut where the line ends."""
    space = pdf.text_width(" ")
    lines = []
    for paragraph in text.split("\n"):
        line: list[str] = []
        used = 0.0
        for word in paragraph.split(" "):
            wide = pdf.text_width(word)
            while wide > room:  # no space to break at: as many letters as fit (at least one), found by halving
                fits, over = 1, len(word)
                while over - fits > 1:
                    middle = (fits + over) // 2
                    fits, over = (middle, over) if pdf.text_width(word[:middle]) <= room else (fits, middle)
                lines.extend([" ".join(line)] if line else [])
                lines.append(word[:fits])
                line, used, word = [], 0.0, word[fits:]
                wide = pdf.text_width(word)
            if line and used + space + wide > room:
                lines.append(" ".join(line))
                line, used = [], 0.0
            used += (space if line else 0.0) + wide
            line.append(word)
        lines.append(" ".join(line))
    return lines


def _table(pdf, table: Table) -> None:
    """A table drawn cell by cell: fpdf2's own table wraps every cell and costs ~1 ms each."""
    align = ["L" if a == "l" else "R" for a in (table.align or "l" + "r" * (len(table.header) - 1))]
    widths = _widths(pdf, table)
    pdf.set_draw_color(170)
    pdf.set_line_width(0.2)
    _row(pdf, table.header, widths, align, bold=True)
    for cells in table.rows:
        _row(pdf, cells, widths, align, header=table.header)
    pdf.ln(0.8)


def _widths(pdf, table: Table) -> list[float]:
    """Column widths in mm: the table's proportions, but never narrower than a column's longest word
    (in large print a header such as "Change" would otherwise break inside the word); a column whose cells
    would wrap takes room from columns wider than their cells ("48 von 90 Tagen" is longer than "48 of 90 days")."""
    scale = pdf.epw / sum(table.widths)
    wanted = [w * scale for w in table.widths]
    sizes: Sizes = pdf.sizes
    least, natural = [], []
    pad = 2 * pdf.c_margin + 0.5
    for column, header in enumerate(table.header):
        pdf.set_font(FONT, "B", sizes.body - 0.5)
        longest = max((pdf.text_width(word) for word in header.split()), default=0.0)
        pdf.set_font(FONT, size=sizes.body)
        whole = longest
        for row in table.rows:
            longest = max([longest, *(pdf.text_width(word) for word in row[column].split())])
            whole = max(whole, pdf.text_width(row[column]))
        least.append(min(longest + pad, pdf.epw / 2))
        natural.append(max(least[-1], min(whole + pad, pdf.epw / 2)))
    widths = [max(w, m) for w, m in zip(wanted, least)]
    excess = sum(widths) - pdf.epw
    slack = [w - m for w, m in zip(widths, least)]
    if excess > 0 and sum(slack) > 0:  # take it from the columns wider than their longest word
        share = min(1.0, excess / sum(slack))
        widths = [w - s * share for w, s in zip(widths, slack)]
    need = [max(0.0, n - w) for n, w in zip(natural, widths)]
    spare = [max(0.0, w - n) for n, w in zip(natural, widths)]
    if sum(need) > 0 and sum(spare) > 0:  # cells kept on one line where another column has room to give
        give = min(sum(need), sum(spare))
        widths = [w + give * n / sum(need) - give * s / sum(spare) for w, n, s in zip(widths, need, spare)]
    return widths


def _row(pdf, cells: list[str], widths: list[float], align: list[str], bold: bool = False,
         header: list[str] | None = None) -> None:
    """One table row with a rule under it; long cells wrap; a row that does not fit starts a page under ``header``."""
    sizes: Sizes = pdf.sizes
    pdf.set_font(FONT, "B" if bold else "", sizes.body - 0.5 if bold else sizes.body)
    lines = [1 if pdf.text_width(text) <= w - 2 * pdf.c_margin else
             len(pdf.multi_cell(w, sizes.line, text, dry_run=True, output="LINES"))
             for text, w in zip(cells, widths)]
    height = max(lines) * sizes.line + 2 * sizes.pad
    if header and pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()
        _row(pdf, header, widths, align, bold=True)
        pdf.set_font(FONT, size=sizes.body)
    x, y = pdf.l_margin, pdf.get_y()
    for text, w, a, n in zip(cells, widths, align, lines):
        pdf.set_xy(x, y + sizes.pad)
        if n == 1:
            pdf.cell(w, sizes.line, text, align=a)
        else:
            pdf.multi_cell(w, sizes.line, text, align=a)
        x += w
    pdf.line(pdf.l_margin, y + height, pdf.l_margin + sum(widths), y + height)
    pdf.set_xy(pdf.l_margin, y + height)

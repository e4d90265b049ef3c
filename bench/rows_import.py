"""Import of a 10-year spreadsheet (issue 19): about 11,000 rows, as .csv and as .xlsx, into a fresh diary.

The .xlsx is what Excel or LibreOffice saves: date and time cells, numbers as numbers, text in the
shared-strings table and the sheet's used range recorded (openpyxl itself writes text inline and
no range, which Excel does not, and which makes openpyxl read the sheet twice and slower). The
baseline is the same entries as osteotrack's own JSON export, imported the same way: what a lossless
import of that many entries costs in the same run.
Both are whole processes.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from datetime import date, datetime, timedelta

from bench import OUT, Row, below  # bench/ is on sys.path when bench.py runs

PLACES = ["lower back:7", "mid back", "T8:6; left hip", "neck", "ribs left:5", "lower back; pelvis", ""]
TRIGGERS = ["bending", "standing", "walking and stairs", "lifting", "", "", "gardening"]
THERAPIES = ["heat:60", "Ibuprofen 400 mg", "ice:40; rest", "paracetamol 500 mg:30", "", "physio"]
PAINS = ["6", "4", "7/10", "3", "moderate", "5", "8", "2", "mild", "6.5"]
COLUMNS = (
    "--from",
    "sheet",
    "--date",
    "Date",
    "--time",
    "Time",
    "--pain",
    "Pain",
    "--where",
    "Where",
    "--trigger",
    "Trigger",
    "--therapy",
    "Therapy",
    "--note",
    "Note",
    "--yes",
)


def write_sheets(years: float) -> tuple:
    """The 10-year sheet as .csv and .xlsx (built once, cached under bench/out/)."""
    csv_path, xlsx_path = OUT / f"sheet-{years:g}y.csv", OUT / f"sheet-{years:g}y.xlsx"
    if csv_path.exists() and xlsx_path.exists():
        return csv_path, xlsx_path
    import csv

    import openpyxl

    rng = random.Random(19)
    start = date(2026, 11, 1) - timedelta(days=int(365.25 * years))
    rows = []
    for day in range(int(365.25 * years)):
        when = start + timedelta(days=day)
        for time_text in ("08:10", "13:30", "21:00"):
            rows.append(
                [
                    when.strftime("%d.%m.%Y"),
                    time_text,
                    rng.choice(PAINS),
                    rng.choice(PLACES),
                    rng.choice(TRIGGERS),
                    rng.choice(THERAPIES),
                    rng.choice(["", "", "slept badly", 'after "gardening", sore', "walked to the shop"]),
                ]
            )
    header = ["Date", "Time", "Pain", "Where", "Trigger", "Therapy", "Note"]
    with open(csv_path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Diary")
    sheet.append(header)
    for day, clock, pain, *rest in rows:
        cells = [
            datetime.strptime(day, "%d.%m.%Y"),
            datetime.strptime(clock, "%H:%M").time(),
            int(pain) if pain.isdigit() else pain,
            *rest,
        ]
        sheet.append([cell if cell != "" else None for cell in cells])
    out = io.BytesIO()
    book.save(out)
    xlsx_path.write_bytes(shared_strings(out.getvalue()))
    return csv_path, xlsx_path


def shared_strings(data: bytes) -> bytes:
    """An openpyxl-written .xlsx with its inline text cells moved to a shared-strings table, as Excel saves."""
    source = zipfile.ZipFile(io.BytesIO(data))
    sheet = source.read("xl/worksheets/sheet1.xml").decode()
    table: dict[str, int] = {}

    def shared(match) -> str:
        return f'<c r="{match[1]}"{match[2]} t="s"><v>{table.setdefault(match[3], len(table))}</v></c>'

    inline = r'<c r="([A-Z]+\d+)"((?: s="\d+")?) t="inlineStr"><is><t(?: xml:space="preserve")?>(.*?)</t></is></c>'
    sheet = re.sub(inline, shared, sheet)
    # Excel records the used range; without it openpyxl reads the whole sheet once more to find it.
    cells = re.findall(r'<c r="([A-Z]+)(\d+)"', sheet)
    last = f"{max((c for c, _ in cells), key=lambda c: (len(c), c))}{max(int(r) for _, r in cells)}"
    sheet = sheet.replace("<sheetViews>", f'<dimension ref="A1:{last}"/><sheetViews>', 1)
    strings = "".join(f'<si><t xml:space="preserve">{text}</t></si>' for text in table)
    main = "http://schemas.openxmlformats.org"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = sheet.encode()
            elif item.filename == "[Content_Types].xml":
                body = body.replace(
                    b"</Types>",
                    (
                        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                        b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
                    ),
                )
            elif item.filename == "xl/_rels/workbook.xml.rels":
                body = body.replace(
                    b"</Relationships>",
                    (
                        f'<Relationship Id="rIdStrings" Type="{main}/officeDocument/2006/relationships/sharedStrings" '
                        'Target="sharedStrings.xml"/></Relationships>'
                    ).encode(),
                )
            target.writestr(item, body)
        target.writestr(
            "xl/sharedStrings.xml",
            (
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{main}/spreadsheetml/2006/main" '
                f'count="{len(table)}" uniqueCount="{len(table)}">{strings}</sst>'
            ),
        )
    return out.getvalue()


def rows(ctx):
    csv_path, xlsx_path = write_sheets(ctx.years)
    target = OUT / "import-target.db"
    export = OUT / f"sheet-{ctx.years:g}y.json"
    if not export.exists():
        _clean(target)
        ctx.run("import", str(csv_path), *COLUMNS, db=target)
        ctx.run("export", "-o", str(export), "--force", db=target)

    def fresh(*args):
        def run() -> float:
            _clean(target)
            return ctx.run(*args, db=target)

        return run

    json_floor = fresh("import", str(export))
    return [
        Row(
            name=f"import --from sheet: {ctx.years:g}-year .csv (~11k rows)",
            target=fresh("import", str(csv_path), *COLUMNS),
            floor=json_floor,
            floor_name="osteotrack import: same entries as JSON",
            goal="< 5 s (issue 19)", met=below(5.0),
            repeat=3, slow=True,
        ),
        Row(
            name=f"import --from sheet: {ctx.years:g}-year .xlsx (~11k rows)",
            target=fresh("import", str(xlsx_path), *COLUMNS),
            floor=json_floor,
            floor_name="osteotrack import: same entries as JSON",
            goal="< 5 s (issue 19)", met=below(5.0),
            repeat=3, slow=True,
        ),
    ]


def _clean(path) -> None:
    for leftover in path.parent.glob(f"{path.name}*"):
        leftover.unlink()

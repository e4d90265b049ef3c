"""Import of a 10-year spreadsheet (issue 19): about 11,000 rows, as .csv and as .xlsx, into a fresh diary.

The baseline is the same entries as osteotrack's own JSON export, imported the same way: what a
lossless import of that many entries costs in the same run. Both are whole processes.
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta

from bench import OUT, ROOT, Row  # bench/ is on sys.path when bench.py runs

PLACES = ["lower back:7", "mid back", "T8:6; left hip", "neck", "ribs left:5", "lower back; pelvis", ""]
TRIGGERS = ["bending", "standing", "walking and stairs", "lifting", "", "", "gardening"]
THERAPIES = ["heat:60", "Ibuprofen 400 mg", "ice:40; rest", "paracetamol 500 mg:30", "", "physio"]
PAINS = ["6", "4", "7/10", "3", "moderate", "5", "8", "2", "mild", "6.5"]
COLUMNS = ("--from", "sheet", "--date", "Date", "--time", "Time", "--pain", "Pain", "--where", "Where",
           "--trigger", "Trigger", "--therapy", "Therapy", "--note", "Note", "--yes")


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
            rows.append([when.strftime("%d.%m.%Y"), time_text, rng.choice(PAINS), rng.choice(PLACES),
                         rng.choice(TRIGGERS), rng.choice(THERAPIES),
                         rng.choice(["", "", "slept badly", 'after "gardening", sore', "walked to the shop"])])
    header = ["Date", "Time", "Pain", "Where", "Trigger", "Therapy", "Note"]
    with open(csv_path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Diary")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(xlsx_path)
    return csv_path, xlsx_path


def rows(ctx):
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
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
        Row(name=f"import --from sheet: {ctx.years:g}-year .csv (~11k rows)",
            target=fresh("import", str(csv_path), *COLUMNS), floor=json_floor,
            floor_name="osteotrack import: same entries as JSON", goal="< 5 s (issue 19)", repeat=3),
        Row(name=f"import --from sheet: {ctx.years:g}-year .xlsx (~11k rows)",
            target=fresh("import", str(xlsx_path), *COLUMNS), floor=json_floor,
            floor_name="osteotrack import: same entries as JSON", goal="< 5 s (issue 19)", repeat=3),
    ]


def _clean(path) -> None:
    for leftover in path.parent.glob(f"{path.name}*"):
        leftover.unlink()

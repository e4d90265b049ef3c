"""Regenerate the sample physician report in screenshots/ from the demo diary.

    python scripts/sample_report.py

Builds the one-year demo diary (seed 1, ending 24 Nov 2026) in a temporary
folder, writes the 90 days around Margaret's fall (1 Jul – 28 Sep 2026, so the
chart shows an event) as PDF, HTML and Markdown, and the patient's large-print
PDF, and the same report in German for a doctor who reads German (the app may speak
another language: ``i18n.speaking``), and renders the PDF pages (the large-print copy's and
the German report's first page) to PNG with poppler's ``pdftoppm`` when it is installed.
The same code and fonts give the same files.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from osteotrack import i18n  # noqa: E402
from osteotrack.analysis import Period  # noqa: E402
from osteotrack.demo import write_demo  # noqa: E402
from osteotrack.report.model import build_report  # noqa: E402
from osteotrack.report.output import render, write  # noqa: E402
from osteotrack.store import Diary  # noqa: E402

END = date(2026, 11, 24)
PERIOD = Period(date(2026, 7, 1), date(2026, 9, 28))
OUT = ROOT / "screenshots"


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.db"
        write_demo(path, years=1, seed=1, end=END)
        with Diary.open(path, read_only=True) as diary:
            report = build_report(diary.profile(diary.active_profile()), PERIOD, today=END)
            with i18n.speaking("de"):  # the doctor's language, whatever the app's
                german = build_report(diary.profile(diary.active_profile()), PERIOD, today=END)
    for fmt in ("pdf", "html", "md"):
        target = write(OUT / f"sample-report.{fmt}", render(report, fmt), force=True)
        print(f"wrote {target.relative_to(ROOT)}")
    large = write(OUT / "sample-report-large-print.pdf", render(report, "pdf", large_print=True), force=True)
    print(f"wrote {large.relative_to(ROOT)}")
    in_german = write(OUT / "sample-report-de.pdf", render(german, "pdf"), force=True)
    print(f"wrote {in_german.relative_to(ROOT)}")
    if shutil.which("pdftoppm"):
        for old in OUT.glob("sample-report-page-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(OUT / "sample-report.pdf"),
                        str(OUT / "sample-report-page")], check=True)
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(large),
                        str(OUT / "sample-report-large-print-page-1")], check=True)
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(in_german),
                        str(OUT / "sample-report-de-page-1")], check=True)
        for png in sorted(OUT.glob("sample-report*-page-*.png")):
            print(f"wrote {png.relative_to(ROOT)}")
    else:
        print("pdftoppm not found (apt-get install poppler-utils): no PNG pages", file=sys.stderr)


if __name__ == "__main__":
    main()

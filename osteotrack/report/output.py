"""Writing a report file: the formats, the default period and file name, the private atomic write.

Shared by ``osteotrack report`` and the app's Report screen.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from osteotrack.analysis import Period, resolve_range
from osteotrack.analysis.ranges import DEFAULT_RANGE
from osteotrack.report.model import Report
from osteotrack.store.files import atomic_write

FORMATS = ("pdf", "html", "md")
PAPERS = ("a4", "letter")


def default_period(since: date | str | None = None, until: date | str | None = None,
                   today: date | None = None) -> Period:
    """The period asked for; without ``since``, the 3 months ending on ``until`` (today by default).

    "3 months" is the trends' ``3m`` (analysis/ranges.py): one definition for the report and the trends.
    """
    return resolve_range(None if since else DEFAULT_RANGE, since, until, today=today)


def default_filename(profile: str, period: Period, fmt: str) -> str:
    """``osteotrack-report-Margaret-2026-08-27-to-2026-11-24.pdf``: the profile and the dates."""
    name = re.sub(r"[^\w.-]+", "-", profile, flags=re.UNICODE).strip("-.") or "profile"
    return f"osteotrack-report-{name}-{period.since}-to-{period.until}.{fmt}"


def render(report: Report, fmt: str, paper: str = "a4", progress=None) -> bytes:
    """The report's bytes in ``fmt``; ``progress(done, total)`` as sections are laid out."""
    if fmt == "pdf":
        from osteotrack.report.pdf import render_pdf as renderer
    elif fmt == "html":
        from osteotrack.report.html import render_html as renderer
    else:
        from osteotrack.report.markdown import render_markdown as renderer
    return renderer(report, paper, progress)


def write(path: Path, data: bytes, force: bool = False) -> Path:
    """Write the file readable by its owner only, atomically; refuse to replace one unless ``force``."""
    with atomic_write(path, force=force, mode="wb") as handle:
        handle.write(data)
    return path

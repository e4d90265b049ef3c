"""Writing a report file: the formats, the default period and file name, the private atomic write.

Shared by ``osteotrack report`` and the app's Report screen.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from osteotrack.analysis import Period, resolve_range
from osteotrack.analysis.ranges import DEFAULT_RANGE
from osteotrack.i18n import speaking
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


def default_filename(profile: str, period: Period, fmt: str, large_print: bool = False,
                     encrypted: bool = False) -> str:
    """``osteotrack-report-Margaret-2026-08-27-to-2026-11-24.pdf``: the profile and the dates
    (``…-large-print.pdf`` for the patient's own copy, ``….pdf.age`` encrypted with a passphrase)."""
    name = re.sub(r"[^\w.-]+", "-", profile, flags=re.UNICODE).strip("-.") or "profile"
    return (f"osteotrack-report-{name}-{period.since}-to-{period.until}{'-large-print' * large_print}.{fmt}"
            + ".age" * encrypted)


def render(report: Report, fmt: str, paper: str = "a4", progress=None, large_print: bool = False) -> bytes:
    """The report's bytes in ``fmt``; ``progress(done, total)`` as sections are laid out.

    ``large_print``: the patient's own copy, body text 14 pt (PDF and HTML; Markdown has no type size).
    Laid out in the language the report was built in (its labels, charts and page numbers too).
    """
    with speaking(report.language):
        if fmt == "pdf":
            from osteotrack.report.pdf import render_pdf

            return render_pdf(report, paper, progress, large_print=large_print)
        if fmt == "html":
            from osteotrack.report.html import render_html

            return render_html(report, paper, progress, large_print=large_print)
        from osteotrack.report.markdown import render_markdown

        return render_markdown(report, paper, progress)


def write(path: Path, data: bytes, force: bool = False, passphrase: str | None = None) -> Path:
    """Write the file readable by its owner only, atomically; refuse to replace one unless ``force``.

    With a ``passphrase`` the file is encrypted with it, in the age format (as ``export --encrypt``).
    """
    if passphrase is not None:
        from osteotrack.store.crypt import encrypt

        data = encrypt(data, passphrase)
    with atomic_write(path, force=force, mode="wb") as handle:
        handle.write(data)
    return path

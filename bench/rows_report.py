"""The physician report: whole-process time and peak memory of `osteotrack report`, against a one-chart PDF."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

from bench import OUT, Row, below  # bench/ is on sys.path when bench.py runs

# The least any report can cost: import matplotlib and fpdf2, draw one line as SVG, put it in a PDF.
ONE_CHART_PDF = """
import io
from matplotlib.figure import Figure
from fpdf import FPDF
fig = Figure(figsize=(7, 2.5)); fig.add_subplot().plot(range(90), [i % 7 for i in range(90)])
svg = io.BytesIO(); fig.savefig(svg, format="svg")
pdf = FPDF(); pdf.add_page(); pdf.image(io.BytesIO(svg.getvalue()), w=180); pdf.output(TARGET)
"""


def _peak_bytes(ctx, command: list[str]) -> float:
    """Peak resident memory of one child process, read by a wrapper that runs nothing else."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([ctx.python, "-c", probe, *command], check=True, capture_output=True, text=True,
                         env=ctx.env, cwd=OUT)
    return float(out.stdout.strip()) * (1 if sys.platform == "darwin" else 1024)  # KiB on Linux


def rows(ctx):
    out = ctx.diary.parent
    floor_pdf = str(out / "floor-one-chart.pdf")
    since_all = (date.today() - timedelta(days=int(ctx.years * 365.25))).isoformat()
    ninety = ["report", "-o", str(out / "report-90d.pdf"), "--force"]
    everything = ["report", "--since", since_all, "-o", str(out / "report-all.pdf"), "--force"]
    floor_code = ONE_CHART_PDF.replace("TARGET", repr(floor_pdf))
    command = [ctx.python, "-m", "osteotrack", "--db", str(ctx.diary)]
    return [
        Row(name="report PDF, last 90 days (whole process)", target=lambda: ctx.run(*ninety),
            floor=lambda: ctx.python_c(floor_code), floor_name="python -c: one-chart PDF (mpl + fpdf2)",
            goal="1–2 pages", repeat=max(3, ctx.repeat // 3)),
        Row(name="report PDF, all years (slowest run)", target=lambda: ctx.run(*everything),
            floor=lambda: ctx.python_c(floor_code), floor_name="python -c: one-chart PDF (mpl + fpdf2)",
            goal="< 1.5 s at 10 y (issue 15), every run", met=below(1.5) if ctx.years <= 10 else None,
            sized=True, every_run=True, repeat=max(5, ctx.repeat // 3)),
        Row(name="report PDF, all years: peak memory", unit="MiB",
            target=lambda: _peak_bytes(ctx, [*command, *everything]),
            floor=lambda: _peak_bytes(ctx, [ctx.python, "-c", floor_code]),
            floor_name="python -c: one-chart PDF (mpl + fpdf2)", goal="< 150 MB (PRODUCT.md)", repeat=3,
            met=lambda value, base: value < 150e6, sized=True),
    ]

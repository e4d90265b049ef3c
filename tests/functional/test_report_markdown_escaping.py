"""The Markdown report writes what the user typed as literal text (issue 12): patients paste it into
portals that render Markdown, so a note must not become a script, an image, a link or a heading."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "[click me](javascript:alert(3))",
    "![x](http://tracker.example/p.png)",
    "# not a heading",
    "**not bold** and _not em_ `not code`",
    "1. not a list\n- nor this\n    not code either",
    "a | pipe & an &amp; entity > quote",
]


def _report(run_cli, tmp_path) -> str:
    assert run_cli("vocab", "add", "trigger", "xss", "<b onmouseover=alert(4)>Gardening</b>").exit_code == 0
    for i, text in enumerate(HOSTILE):
        args = ["log", "--pain", str(i % 10), "--at", f"2026-11-{i + 1:02d} 09:00", "--note", text, "--doctor"]
        assert run_cli(*args, *(["--trigger", "xss"] if i == 0 else [])).exit_code == 0, text
        assert run_cli("event", "fall", "--at", f"2026-11-{i + 1:02d} 10:00", "--note", text).exit_code == 0
        assert run_cli("question", "add", text).exit_code == 0
    out = tmp_path / "r.md"
    result = run_cli("report", "--format", "md", "--since", "2026-11-01", "--until", "2026-11-20", "-o", str(out))
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_user_text_renders_as_literal_text(run_cli, tmp_path):
    text = _report(run_cli, tmp_path)
    # CommonMark with tables, HTML allowed: what a portal's renderer does at worst.
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    assert not re.search(r"<(script|img|b)\b", html), html
    assert "javascript:" not in re.sub(r"[^<]*", "", html) and 'href="javascript' not in html
    assert "<h1>not a heading" not in html and "<strong>not bold" not in html and "<code>not code" not in html
    assert "<ol>" not in html
    # ... and the words are all there, as typed, for the reader.
    visible = re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    visible = visible.replace("&amp;", "&")
    for typed in ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "[click me](javascript:alert(3))",
                  "# not a heading", "**not bold** and _not em_ `not code`", "a | pipe & an &amp; entity > quote",
                  "<b onmouseover=alert(4)>Gardening</b>"):
        assert typed in visible, typed


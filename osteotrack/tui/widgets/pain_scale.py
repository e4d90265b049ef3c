"""The 0–10 pain scale of the entry form: the shared scale, with the bands written under it."""

from __future__ import annotations

from rich.text import Text

from osteotrack.domain.describe import pain_band_text
from osteotrack.tui.widgets.scale import ScaleInput

CELL = 4  # columns per number, as ScaleInput draws them


def pain_words(value: int) -> str:
    return f"{value} — {pain_band_text(value)}"


class PainScale(ScaleInput):
    """Pain now: a digit sets it (1 then 0 for 10); none, mild, moderate and severe shown in words."""

    DEFAULT_CSS = """
    PainScale { height: 2; }
    """

    def __init__(self, value: int | None = None, *, id: str | None = None):
        super().__init__(pain_words, value, id=id)

    def render(self) -> Text:
        text = super().render()
        # The band words under their numbers: none at 0, mild 1–3, moderate 4–6, severe 7–10.
        text.append("\n" + pain_band_text(0).center(CELL) + pain_band_text(1).center(3 * CELL)
                    + pain_band_text(4).center(3 * CELL) + pain_band_text(7).center(4 * CELL), style="dim")
        return text

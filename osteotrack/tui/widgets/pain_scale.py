"""The 0–10 pain scale of the entry form: the shared scale, with the bands written under it."""

from __future__ import annotations

from rich.text import Text

from osteotrack.domain.vocabulary import pain_band
from osteotrack.i18n import pgettext
from osteotrack.tui.widgets.scale import ScaleInput

CELL = 4  # columns per number, as ScaleInput draws them


def band(value: int) -> str:
    """The word for a 0–10 pain rating in the language in force: none, mild (1–3), moderate (4–6), severe (7–10)."""
    return {
        # TRANSLATORS: how bad a pain rated 0 (none), 1–3 (mild), 4–6 (moderate), 7–10 (severe) is.
        "none": pgettext("pain", "none"), "mild": pgettext("pain", "mild"),
        "moderate": pgettext("pain", "moderate"), "severe": pgettext("pain", "severe"),
    }[pain_band(value)]


def pain_words(value: int) -> str:
    return f"{value} — {band(value)}"


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
        text.append("\n" + band(0).center(CELL) + band(1).center(3 * CELL) + band(4).center(3 * CELL)
                    + band(7).center(4 * CELL), style="dim")
        return text

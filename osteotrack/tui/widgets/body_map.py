"""The body map: front and back figures with a selectable region for every location.

Arrow keys move between regions by where they sit on the figure, typing a name
jumps to it, a click picks it. A digit sets the region's own 0–10 intensity;
``[`` and ``]`` step through vertebral levels on the spine.
"""

from __future__ import annotations

from dataclasses import dataclass
from time import monotonic

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

from osteotrack.domain.describe import labelled, pain_band_text
from osteotrack.domain.records import Site
from osteotrack.domain.vocabulary import LEVELS_BY_LOCATION
from osteotrack.i18n import _, pgettext
from osteotrack.tui.widgets.digits import DigitReader
from osteotrack.tui.widgets.toggle_list import folded, matches

FRONT, BACK = 20, 58  # centre columns of the two figures
# Where each built-in location sits: (row, centre column). The front
# figure faces the reader, so the patient's right is on the reader's left. Its short label
# (``label``) is kept short in every language, or the chips of a row run into each other.
PLACES: dict[str, tuple[int, int]] = {
    "shoulder-right": (3, FRONT - 9),
    "shoulder-left": (3, FRONT + 9),
    "rib-right": (4, FRONT - 6),
    "rib-left": (4, FRONT + 6),
    "wrist-right": (5, FRONT - 13),
    "pelvis": (5, FRONT),
    "wrist-left": (5, FRONT + 13),
    "hip-right": (6, FRONT - 7),
    "hip-left": (6, FRONT + 7),
    "knee-right": (7, FRONT - 7),
    "knee-left": (7, FRONT + 7),
    "foot-right": (8, FRONT - 7),
    "foot-left": (8, FRONT + 7),
    "neck": (2, BACK),
    "upper-back": (3, BACK),
    "mid-back": (4, BACK),
    "lower-back": (5, BACK),
    "tailbone": (6, BACK),
    "all-over": (8, BACK),
}


def label(slug: str) -> str:
    """The short label of a place on the figure, in the language in force."""
    labels = {
        # TRANSLATORS: short labels on the body figure (R = the patient's right, L = left); keep them as short.
        "shoulder-right": pgettext("body map", "Shoulder R"), "shoulder-left": pgettext("body map", "Shoulder L"),
        "rib-right": pgettext("body map", "Ribs R"), "rib-left": pgettext("body map", "Ribs L"),
        "wrist-right": pgettext("body map", "Wrist R"), "pelvis": pgettext("body map", "Pelvis"),
        "wrist-left": pgettext("body map", "Wrist L"),
        "hip-right": pgettext("body map", "Hip R"), "hip-left": pgettext("body map", "Hip L"),
        "knee-right": pgettext("body map", "Knee R"), "knee-left": pgettext("body map", "Knee L"),
        "foot-right": pgettext("body map", "Foot R"), "foot-left": pgettext("body map", "Foot L"),
        "neck": pgettext("body map", "Neck"), "upper-back": pgettext("body map", "Upper back"),
        "mid-back": pgettext("body map", "Mid back"), "lower-back": pgettext("body map", "Lower back"),
        "tailbone": pgettext("body map", "Tailbone"), "all-over": pgettext("body map", "All over"),
    }
    return labels[slug]


def decor() -> list[tuple[int, int, str]]:
    """The figures' headings and heads, in the language in force."""
    return [
        (0, FRONT, _("Front (facing you)")),
        (0, BACK, pgettext("body map", "Back")),  # the back of the body, not the key that goes back
        (1, FRONT, "( )"),
        (1, BACK, "( )"),
    ]
EXTRA_ROW = 10  # the user's own locations, which have no place on the figure
NAME_PAUSE = 1.0  # seconds after which typed letters start a new name


@dataclass
class Chip:
    slug: str
    name: str
    label: str
    row: int
    left: int

    @property
    def width(self) -> int:
        return len(self.label) + 5

    @property
    def centre(self) -> tuple[int, float]:
        return self.row, self.left + self.width / 2


class BodyMap(Widget, can_focus=True):
    """Pick where it hurts, each place with its own intensity and, on the spine, a level."""

    DEFAULT_CSS = """
    BodyMap { height: auto; width: auto; }
    """

    class Changed(Message):
        def __init__(self, body_map: BodyMap):
            super().__init__()
            self.body_map = body_map

        @property
        def control(self) -> BodyMap:
            return self.body_map

    def __init__(self, locations: list[tuple[str, str]], **kwargs):
        super().__init__(**kwargs)
        self.sites: dict[str, Site] = {}
        # Further levels of a spine region already in ``sites`` (a fracture at T8 and T9): kept and shown.
        self.more: list[Site] = []
        self.default_intensity = 5
        self.cursor = "lower-back"
        self._typed, self._typed_at = "", -10.0
        self._digits = DigitReader()
        self.set_locations(locations)

    # -- state -----------------------------------------------------------

    def set_locations(self, locations: list[tuple[str, str]]) -> None:
        """Lay out the visible locations (slug, name); the user's own go in a row below the figures."""
        self.chips: list[Chip] = []
        extra_left = 2
        for slug, name in locations:
            if slug in PLACES:
                row, centre = PLACES[slug]
                chip = Chip(slug, name, label(slug), row, 0)
                chip.left = centre - chip.width // 2
            else:
                chip = Chip(slug, name, name, EXTRA_ROW, extra_left)
                extra_left += chip.width + 1
            self.chips.append(chip)
        if self.chips and self.cursor not in self._by_slug():
            self.cursor = self.chips[0].slug
        self.refresh(layout=True)

    def set_sites(self, sites: list[Site]) -> None:
        self.sites, self.more = {}, []
        for s in sites:
            if s.location in self.sites:
                self.more.append(Site(s.location, s.intensity, s.level))
            else:
                self.sites[s.location] = Site(s.location, s.intensity, s.level)
        self._changed()

    def value(self) -> list[Site]:
        """The chosen sites, in the order of the vocabulary."""
        order = [c.slug for c in self.chips]
        return sorted([*self.sites.values(), *self.more],
                      key=lambda s: order.index(s.location) if s.location in order else 99)

    def _by_slug(self) -> dict[str, Chip]:
        return {c.slug: c for c in self.chips}

    def _changed(self) -> None:
        self.refresh()
        self.post_message(self.Changed(self))

    def choose(self, slug: str, intensity: int | None = None) -> None:
        site = self.sites.get(slug)
        if site is None:
            self.sites[slug] = Site(slug, self.default_intensity if intensity is None else intensity)
        elif intensity is not None:
            site.intensity = intensity
        self._changed()

    def toggle(self, slug: str) -> None:
        if slug in self.sites:
            del self.sites[slug]
            self.more = [s for s in self.more if s.location != slug]
            self._changed()
        else:
            self.choose(slug)

    def step_level(self, slug: str, step: int) -> None:
        levels = LEVELS_BY_LOCATION.get(slug)
        if not levels:
            return
        self.choose(slug)
        options = [None, *levels]
        site = self.sites[slug]
        site.level = options[(options.index(site.level) + step) % len(options)]
        self._changed()

    # -- drawing ---------------------------------------------------------

    def get_content_width(self, container, viewport) -> int:
        return max([BACK + 14] + [c.left + c.width for c in self.chips])

    def get_content_height(self, container, viewport, width) -> int:
        extra = any(c.row == EXTRA_ROW for c in self.chips)
        return (EXTRA_ROW + 1 if extra else EXTRA_ROW - 1) + 1

    def render(self) -> Text:
        height = self.get_content_height(None, None, 0) - 1
        width = self.get_content_width(None, None)
        # A grid of (character, style) cells, turned into one Text at the end.
        cells = [[(" ", "")] * width for _ in range(height)]

        def put(row: int, left: int, text: str, style: str) -> None:
            for offset, char in enumerate(text):
                if 0 <= left + offset < width:
                    cells[row][left + offset] = (char, style)

        for row, centre, heading in decor():
            put(row, centre - len(heading) // 2, heading, "dim")
        for chip in self.chips:
            site = self.sites.get(chip.slug)
            value = "·" if site is None else str(site.intensity)
            level = f" {site.level}" if site and site.level else ""
            if any(s.location == chip.slug for s in self.more):
                level += "+"
            style = "bold" if site else ""
            if chip.slug == self.cursor:
                style = "reverse bold" if self.has_focus else "underline"
            put(chip.row, chip.left, f" {chip.label}{level} {value:>2} ", style)
        out = Text(no_wrap=True, overflow="crop")
        for row in cells:
            for char, style in row:
                out.append(char, style=style or None)
            out.append("\n")
        out.append_text(self._detail())
        return out

    def _detail(self) -> Text:
        chip = self._by_slug().get(self.cursor)
        if chip is None:
            return Text("")
        site = self.sites.get(chip.slug)
        text = Text(f"› {labelled(chip.name)} ", style="bold", no_wrap=True, overflow="ellipsis")
        if site is None:
            text.append(_("not chosen — a digit sets its intensity, space chooses it"))
        else:
            text.append(f"{site.intensity} ({pain_band_text(site.intensity)})")
            if chip.slug in LEVELS_BY_LOCATION:
                text.append(_(", level {level} ([ ] to change)").format(level=site.level) if site.level
                            else _(", level not given ([ ] to change)"))
            for other in (s for s in self.more if s.location == chip.slug):
                text.append(_("; also {level} at {intensity}").format(level=other.level, intensity=other.intensity)
                            if other.level else _("; also with no level at {intensity}").format(
                                intensity=other.intensity))
        return text

    # -- input -----------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        key, char = event.key, event.character
        if not (char and char.isalpha()):
            self._typed = ""  # any other key ends a typed name
        if key in ("up", "down", "left", "right"):
            self._move(key)
        elif char and char.isdigit():
            current = self.sites.get(self.cursor)
            self.choose(self.cursor, self._digits.read(int(char), current.intensity if current else None))
        elif key in ("space", "enter"):
            self.toggle(self.cursor)
        elif key in ("backspace", "delete") and self.cursor in self.sites:
            self.toggle(self.cursor)
        elif char in ("[", "]"):
            self.step_level(self.cursor, -1 if char == "[" else 1)
        elif char and char.isalpha() and len(char) == 1:
            self._jump(char.lower())
        else:
            return
        event.stop()
        event.prevent_default()
        self.refresh()

    def _jump(self, letter: str) -> None:
        now = monotonic()
        self._typed = (self._typed if now - self._typed_at < NAME_PAUSE else "") + letter
        self._typed_at = now
        typed = folded(self._typed)
        # The name's start first (as shown, accents or not), then the start of any of its words or of the slug.
        starts = [c for c in self.chips if folded(c.name).startswith(typed) or folded(c.label).startswith(typed)]
        words = [c for c in self.chips if matches(typed, c.slug, c.name)]
        found = (starts or words)
        if found:
            self.cursor = found[0].slug

    def _move(self, direction: str) -> None:
        chips = self._by_slug()
        if self.cursor not in chips:
            return
        row, col = chips[self.cursor].centre
        best, best_score = None, None
        for chip in self.chips:
            r, c = chip.centre
            dr, dc = r - row, c - col
            primary, secondary = {"up": (-dr, dc), "down": (dr, dc), "left": (-dc, dr), "right": (dc, dr)}[direction]
            if primary <= 0:
                continue
            # Left and right stay on the row when they can; up and down go to the nearest row first.
            sideways = direction in ("left", "right")
            score = (abs(secondary) * 100 + primary) if sideways else (primary * 10 + abs(secondary))
            if best_score is None or score < best_score:
                best, best_score = chip, score
        if best is not None:
            self.cursor = best.slug

    def on_click(self, event: events.Click) -> None:
        self.focus()
        self._typed = ""
        for chip in self.chips:
            if event.y == chip.row and chip.left <= event.x < chip.left + chip.width:
                self.cursor = chip.slug
                self.toggle(chip.slug)
                return


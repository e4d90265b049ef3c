"""Quick toggles with type-to-filter: triggers, qualities, and therapies with their relief."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

from osteotrack.i18n import _

NOT_RATED = None


class ToggleList(Widget, can_focus=True):
    """A list of (slug, name) items to switch on and off.

    Letters filter by the start of any word of the name (as shown, in the language in force) or of the
    slug, accents or not ("lendenwirbelsaule" finds "Lendenwirbelsäule"); up/down move; space or enter toggle.
    With ``valued=True`` each chosen item carries a percent (relief): a digit sets
    its tens and chooses the item, ``+``/``-`` step by ten up to 100.
    """

    DEFAULT_CSS = """
    ToggleList { height: auto; }
    """

    class Changed(Message):
        def __init__(self, toggles: ToggleList):
            super().__init__()
            self.toggles = toggles

        @property
        def control(self) -> ToggleList:
            return self.toggles

    def __init__(self, items: list[tuple[str, str]], *, valued: bool = False, rows: int = 6, **kwargs):
        super().__init__(**kwargs)
        self.items = list(items)
        self.valued = valued
        self.rows = rows
        self.chosen: dict[str, int | None] = {}
        self.filter = ""
        self.cursor = 0
        self._top = 0

    # -- state -----------------------------------------------------------

    def set_items(self, items: list[tuple[str, str]]) -> None:
        """Replace the items (e.g. with the diary's own vocabulary), keeping what is chosen."""
        known = {slug for slug, _ in items}
        self.items = list(items) + [(s, s) for s in self.chosen if s not in known]
        self._clamp()
        self.refresh(layout=True)

    def set_chosen(self, chosen: dict[str, int | None]) -> None:
        self.chosen = dict(chosen)
        self.set_items([i for i in self.items])
        self.post_message(self.Changed(self))

    def visible(self) -> list[tuple[str, str]]:
        if not self.filter:
            return self.items
        return [(slug, name) for slug, name in self.items if matches(self.filter, slug, name)]

    @property
    def current(self) -> str | None:
        shown = self.visible()
        return shown[self.cursor][0] if shown else None

    def _clamp(self) -> None:
        shown = len(self.visible())
        self.cursor = max(0, min(self.cursor, shown - 1))
        if self.cursor < self._top:
            self._top = self.cursor
        elif self.cursor >= self._top + self.rows:
            self._top = self.cursor - self.rows + 1
        self._top = max(0, min(self._top, max(0, shown - self.rows)))

    def toggle(self, slug: str) -> None:
        if slug in self.chosen:
            del self.chosen[slug]
        else:
            self.chosen[slug] = NOT_RATED
        self._changed()

    def set_value(self, slug: str, value: int) -> None:
        self.chosen[slug] = max(0, min(100, value))
        self._changed()

    def _changed(self) -> None:
        self.refresh()
        self.post_message(self.Changed(self))

    # -- drawing ---------------------------------------------------------

    def get_content_height(self, container, viewport, width) -> int:
        return 1 + min(self.rows, max(1, len(self.items)))

    def render(self) -> Text:
        width = self.content_region.width or 40
        text = Text(no_wrap=True, overflow="ellipsis")
        if self.filter:
            typed = _("filter: {typed}").format(typed=self.filter) + "▏"
            text.append(typed, style="bold")
            hint = "  " + _("Backspace clears")
            if len(typed) + len(hint) <= width:  # the hint only where it fits: the line never wraps
                text.append(hint, style="dim")
        else:
            text.append(_("type to filter"), style="dim")
        shown = self.visible()
        if not shown:
            text.append("\n  " + _("nothing matches"), style="dim italic")
        value_width = 7 if self.valued else 0
        for index in range(self._top, min(len(shown), self._top + self.rows)):
            slug, name = shown[index]
            on = slug in self.chosen
            mark = "[x]" if on else "[ ]"
            pointer = "›" if index == self.cursor else " "
            label = f"{pointer}{mark} {name}"
            room = width - value_width
            if len(label) > room:
                label = label[: max(0, room - 1)] + "…"
            style = "reverse" if index == self.cursor and self.has_focus else ("bold" if on else "")
            text.append("\n")
            text.append(label.ljust(room), style=style)
            if self.valued:
                value = self.chosen.get(slug)
                shown_value = "" if not on else ("  ?  " if value is None else f"{value:>3} %")
                text.append(f"{shown_value:>{value_width}}", style=style)
        return text

    # -- input -----------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        key, char = event.key, event.character
        current = self.current
        if key in ("up", "down"):
            self.cursor += -1 if key == "up" else 1
        elif key in ("space", "enter") and current:
            self.toggle(current)
        elif key == "backspace" and self.filter:
            self.filter = self.filter[:-1]
            self.cursor = 0
        elif key == "escape" and self.filter:
            self.filter, self.cursor = "", 0
        elif self.valued and char and char.isdigit() and current:
            self.set_value(current, int(char) * 10)
        elif self.valued and char in ("+", "-") and current:
            value = self.chosen.get(current) or 0
            self.set_value(current, value + (10 if char == "+" else -10))
        elif char and (char.isalpha() or char == "-") and len(char) == 1:
            self.filter += char.lower()
            self.cursor = 0
        else:
            return
        event.stop()
        event.prevent_default()
        self._clamp()
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        self.focus()
        index = self._top + event.y - 1
        shown = self.visible()
        if event.y >= 1 and 0 <= index < len(shown):
            self.cursor = index
            self.toggle(shown[index][0])


def folded(text: str) -> str:
    """``text`` in lower case without accents, for matching what is typed: "Lendenwirbelsäule" → "lendenwirbelsaule"."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words_of(name: str) -> list[str]:
    """The words of a name a typed filter may start: "Cadera, izquierda (lado)" → cadera, izquierda, lado."""
    for mark in "(),/":
        name = name.replace(mark, " ")
    return folded(name).split()


def matches(typed: str, slug: str, name: str) -> bool:
    """Whether ``typed`` starts the slug or a word of the name, accents or not, "ae" for "ä" too."""
    typed = folded(typed)
    if slug.startswith(typed):
        return True
    # German readers may type ä, ö, ü, ß as ae, oe, ue, ss: "lendenwirbelsaeule".
    spelled = name.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return any(word.startswith(typed) for word in [*words_of(name), *words_of(spelled)])

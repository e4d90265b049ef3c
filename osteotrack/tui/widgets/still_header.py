"""Textual's header, whose title is laid out again only when it changes.

Textual's ``Header`` sets its title from four watchers (the app's and the screen's title and sub-title), each of
them once more after the screen is up, and each update lays the whole screen out again: a frame more after the
screen's first, for the same words (issue 15). This header looks and behaves the same; every screen has it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Header
from textual.widgets._header import HeaderClock, HeaderClockSpace, HeaderIcon, HeaderTitle


class _SteadyTitle(HeaderTitle):
    """The header's title: updated (and laid out) only when what it says changes."""

    _said: object = None

    def update(self, content: object = "", *, layout: bool = True) -> None:
        if content == self._said:
            return
        self._said = content
        super().update(content if isinstance(content, Content) else str(content), layout=layout)


class StillHeader(Header):
    """A ``Header`` whose title is drawn again only when it changes."""

    def compose(self) -> ComposeResult:
        yield HeaderIcon().data_bind(Header.icon)
        yield _SteadyTitle()
        yield HeaderClock().data_bind(Header.time_format) if self._show_clock else HeaderClockSpace()

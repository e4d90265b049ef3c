"""The command palette: every action of the app, found by typing part of its name."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from osteotrack.tui.app import OsteoApp


class DiaryCommands(Provider):
    """Log pain, check in, add an event or question, go to a screen, switch theme, refresh."""

    @property
    def osteo(self) -> OsteoApp:
        """The osteotrack app the palette belongs to."""
        return cast("OsteoApp", self.app)

    def _commands(self) -> list[tuple[str, str, object]]:
        app = self.osteo
        commands = [
            ("Switch profile", "Whose diary to show (key s)", app.action_switch_profile),
            ("Refresh", "Read the diary again (shows what another terminal logged)", app.action_refresh),
            ("Back up the diary", "A dated, checked copy beside the diary (key ctrl+b)", app.action_backup),
            ("Back up the diary, encrypted", "The same copy, encrypted with a passphrase (age): for a USB stick",
             app.action_backup_encrypted),
        ]
        if app.demo:
            commands.insert(0, ("Start my own diary", "Leave the demo for a diary of your own (key n on Today)",
                                app.action_start_own_diary))
        if not app.read_only:
            commands.insert(0, ("Log pain", "Open the entry form for a moment of pain", app.action_log_pain))
            commands.append((BRING[0], BRING[1], partial(bring_history, app)))
            commands.append((SYNC[0], SYNC[1], partial(sync_copies, app)))
        for name, place in app.places().items():
            commands.append((f"Go to {place.title}", f"Switch to the {place.title} screen (key {place.key})",
                             partial(app.action_show_screen, name)))
        for title, help_text, name, action in ADD_ACTIONS:
            if name in app.places() and not app.read_only:
                commands.append((title, help_text, partial(app.run_screen_action, name, action)))
        for theme in sorted(app.available_themes):
            commands.append((f"Theme: {theme}", "Switch the colour theme (remembered)",
                             partial(setattr, app, "theme", theme)))
        return commands

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            if not title.startswith("Theme:"):
                yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)


# Palette entries that open a screen and start its "add" action, when that screen exists.
ADD_ACTIONS = [
    ("Check in", "Today's check-in: PEG items, sleep and mood", "checkin", None),
    ("Add event", "A fall, fracture, procedure, DXA result or appointment", "events", "add_event"),
    ("Add question", "A question for my doctor", "questions", "add_question"),
    ("Record a bone treatment dose", "The highlighted treatment, taken now", "bone", "taken_now"),
]

BRING = ("Bring my history from another app or a spreadsheet",
         "Flaredown, the Privacy Friendly Pain Diary or your own sheet: see what it would import, then import")


SYNC = ("Sync with another copy of this diary",
        "Two homes, one diary: a copy on a USB stick or in a shared folder; see what would change, then sync "
        "(key y on Today)")


def sync_copies(app) -> None:
    """Open the sync screen (``tui.screens.sync``)."""
    from osteotrack.tui.screens.sync import open_sync

    open_sync(app)


def bring_history(app) -> None:
    """Open the import of history from another app or a spreadsheet; show the diary afresh after."""
    from osteotrack.tui.screens.bring_history import BringHistoryScreen

    app.push_screen(BringHistoryScreen(), lambda done: app.action_refresh() if done else None)

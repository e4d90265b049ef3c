"""The command palette: every action of the app, found by typing part of its name."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from osteotrack.i18n import N_, _
from osteotrack.tui.language import OFFERED

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
            (_("Switch profile"), _("Whose diary to show (key s)"), app.action_switch_profile),
            (_("Refresh"), _("Read the diary again (shows what another terminal logged)"), app.action_refresh),
            (_("Back up the diary"), _("A dated, checked copy beside the diary (key Ctrl+B)"), app.action_backup),
            (_("Back up the diary, encrypted"),
             _("The same copy, encrypted with a passphrase (age): for a USB stick"), app.action_backup_encrypted),
        ]
        if app.demo:
            commands.insert(0, (_("Start my own diary"), _("Leave the demo for a diary of your own (key n on Today)"),
                                app.action_start_own_diary))
        if not app.read_only:
            commands.insert(0, (_("Log pain"), _("Open the entry form for a moment of pain"), app.action_log_pain))
            commands.append((_(BRING[0]), _(BRING[1]), partial(bring_history, app)))
            commands.append((_(SYNC[0]), _(SYNC[1]), partial(sync_copies, app)))
        for name, place in app.places().items():
            commands.append((_("Go to {screen}").format(screen=place.title),
                             _("Switch to the {screen} screen (key {key})").format(screen=place.title, key=place.key),
                             partial(app.action_show_screen, name)))
        for title, help_text, name, action in ADD_ACTIONS:
            if name in app.places() and not app.read_only:
                commands.append((_(title), _(help_text), partial(app.run_screen_action, name, action)))
        commands.append((_("All keys"), _("List every key of this screen and of the app (key ?)"),
                         app.action_toggle_keys))
        commands.append((_("Quit"), _("Close osteotrack (key Ctrl+Q)"), app.action_quit))
        for code, language in OFFERED.items():
            # TRANSLATORS: a palette command; {language} is the language's own name (English, Español, Deutsch…).
            commands.append((_("Language: {language}").format(language=language),
                             _("Speak this language in the app (remembered)"), partial(app.choose_language, code)))
        for theme in sorted(app.available_themes):
            commands.append((_("Theme: {theme}").format(theme=theme), _("Switch the colour theme (remembered)"),
                             partial(setattr, app, "theme", theme)))
        return commands

    async def discover(self) -> Hits:
        # Every theme would crowd the list (typing "theme" finds them); the four languages are listed.
        themes = _("Theme: {theme}").format(theme="")
        for title, help_text, callback in self._commands():
            if not title.startswith(themes):
                yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)


# Palette entries that open a screen and start its "add" action, when that screen exists.
ADD_ACTIONS = [
    (N_("Check in"), N_("Today's check-in: PEG items, sleep and mood"), "checkin", None),
    (N_("Add event"), N_("A fall, fracture, procedure, DXA result or appointment"), "events", "add_event"),
    (N_("Add question"), N_("A question for my doctor"), "questions", "add_question"),
    (N_("Record a bone treatment dose"), N_("The highlighted treatment, taken now"), "bone", "taken_now"),
]

BRING = (N_("Bring my history from another app or a spreadsheet"),
         N_("Flaredown, the Privacy Friendly Pain Diary or your own sheet: see what it would import, then import"))


SYNC = (N_("Sync with another copy of this diary"),
        N_("Two homes, one diary: a copy on a USB stick or in a shared folder; see what would change, then sync "
           "(key y on Today)"))


def sync_copies(app) -> None:
    """Open the sync screen (``tui.screens.sync``)."""
    from osteotrack.tui.screens.sync import open_sync

    open_sync(app)


def bring_history(app) -> None:
    """Open the import of history from another app or a spreadsheet; show the diary afresh after."""
    from osteotrack.tui.screens.bring_history import BringHistoryScreen

    app.push_screen(BringHistoryScreen(), lambda done: app.action_refresh() if done else None)

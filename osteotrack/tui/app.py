"""The osteotrack app: the shell that holds the screens, the keys, themes and the diary it shows.

Screens are found through ``SCREENS``: a name, where the class lives, its key
and title. A screen whose module does not exist is simply not offered, so adding
one is one line here.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.theme import Theme

from osteotrack import i18n
from osteotrack.domain.errors import DiaryError
from osteotrack.domain.when import now_local
from osteotrack.i18n import N_, _, lazy
from osteotrack.tui.commands import DiaryCommands
from osteotrack.tui.config import default_config_path, load_config, save_config
from osteotrack.tui.language import CONFIG_KEY, apply_remembered
from osteotrack.tui.work import DiaryWork

if TYPE_CHECKING:
    from osteotrack.domain.records import Profile
    from osteotrack.tui.screens.today import TodayData

# Set by the benchmark: exit as soon as the Today screen has painted its data.
EXIT_AFTER_PAINT = "OSTEOTRACK_EXIT_AFTER_PAINT"
DEFAULT_THEME = "textual-dark"
DEMO_YEARS = 2.0


@dataclass(frozen=True)
class Place:
    """A main screen: where its class lives ("module:Class"), its key and its title."""

    target: str
    key: str
    title: str  # a lazy(...) message: str() gives it in the language in force

    @property
    def module(self) -> str:
        return self.target.partition(":")[0]

    def load(self):
        module, _, name = self.target.partition(":")
        return getattr(importlib.import_module(module), name)


# Keys are chosen not to clash with the screens' own (a add, d delete, u undo, r refresh, k/w/o questions).
def _unsaved(screen) -> bool:
    """Whether a screen holds input not yet saved; one still being built (a key pressed fast) holds none."""
    return screen.is_mounted and bool(getattr(screen, "dirty", False))


# In the order of the footer: the most used first (a narrow footer cuts the end; ``?`` lists them all).
SCREENS: dict[str, Place] = {
    "today": Place("osteotrack.tui.screens.today:TodayScreen", "t", lazy("Today")),
    "history": Place("osteotrack.tui.screens.history:HistoryScreen", "h", lazy("History")),
    "checkin": Place("osteotrack.tui.screens.checkin:CheckInScreen", "c", lazy("Check-in")),
    "report": Place("osteotrack.tui.screens.report:ReportScreen", "p", lazy("Report")),
    "trends": Place("osteotrack.tui.screens.trends:TrendsScreen", "g", lazy("Trends")),
    "questions": Place("osteotrack.tui.screens.questions:QuestionsScreen", "q", lazy("Questions")),
    "events": Place("osteotrack.tui.screens.events:EventsScreen", "e", lazy("Events")),
    "breathe": Place("osteotrack.tui.screens.breathe:BreatheScreen", "b", lazy("Breathe")),
    "bone": Place("osteotrack.tui.screens.bone:BoneCareScreen", "f", lazy("Bone care")),
    "overview": Place("osteotrack.tui.screens.overview:OverviewScreen", "v", lazy("Overview")),
}


def available_places() -> dict[str, Place]:
    """The main screens that exist in this installation (found without importing them)."""
    return {name: place for name, place in SCREENS.items() if importlib.util.find_spec(place.module)}


HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    warning="#ffaf00",
    error="#ff6060",
    success="#00ff00",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#202020",
    dark=True,
)


def _screen_bindings() -> list[Binding]:
    return [Binding(place.key, f"show_screen('{name}')", place.title, id=f"show-{name}")
            for name, place in available_places().items()]


class OsteoApp(DiaryWork, App):
    """The pain diary in the terminal.

    It resolves whose diary it shows once, on start (``--profile``, else the active
    profile), and keeps that profile's id: a rename from another terminal changes
    nothing but the name shown; switching profile (``s``) sets another id. Every
    screen reads and writes through ``DiaryWork`` with that id.
    """

    CSS_PATH = "app.tcss"
    TITLE = "osteotrack"
    # Only the diary's commands: Textual's own (in English only) are offered there in the app's words.
    COMMANDS = {DiaryCommands}
    BINDINGS = [
        # "?" is typed into a text box like any character there; F1 lists the keys from anywhere.
        Binding("question_mark,f1", "toggle_keys", lazy("All keys"), id="keys"),
        Binding("l", "log_pain", lazy("Log pain"), id="log-pain"),
        *_screen_bindings(),
        Binding("s", "switch_profile", lazy("Profile"), id="switch-profile"),
        Binding("ctrl+p", "command_palette", lazy("Find an action"), id="palette"),
        Binding("ctrl+r,f5", "refresh", lazy("Refresh"), id="refresh"),
        Binding("ctrl+b", "backup", lazy("Back up"), id="backup", show=False),
        Binding("f9", "next_theme", lazy("Theme"), id="next-theme", show=False),
        Binding("ctrl+q", "quit", lazy("Quit"), id="quit", priority=True),
    ]

    def __init__(self, diary_path: Path, profile: str | None = None, read_only: bool = False, *,
                 clock: Callable[[], datetime] | None = None, config_path: Path | None = None,
                 demo_path: Path | None = None):
        super().__init__()
        self.diary_path = Path(diary_path).expanduser()
        self._own = (self.diary_path, profile)  # the user's own diary, to go back to from the demo
        self.profile = profile  # the shown profile's name: asked for on start, then as last read
        self.profile_id: int | None = None  # whose diary the screens show, once resolved
        self.profile_problem: DiaryError | None = None  # why none could be resolved, if so
        from osteotrack.store.diary import unwritable_folder

        # A diary in a folder we may not write (a read-only share, a backup drive) can only be read.
        self.locked_folder = unwritable_folder(self.diary_path)
        self.read_only = read_only or self.locked_folder is not None
        self.demo = False
        self._clock = clock or now_local
        self.config_path = config_path or default_config_path()
        self._demo_path = demo_path
        # The language remembered in the app (unless --lang or OSTEOTRACK_LANG chose one): before any word is shown.
        apply_remembered(load_config(self.config_path))
        self.title = self._title()
        self.register_theme(HIGH_CONTRAST)
        self._held_keys: list = []  # keys typed while a form was still being built (see on_event)
        self._then: str | None = None  # the main screen to show again over Today once it is back (a new language)

    # -- the diary ---------------------------------------------------------

    def now(self) -> datetime:
        """The current local time (a fixed clock in tests and screenshots)."""
        return self._clock()

    def places(self) -> dict[str, Place]:
        return available_places()

    @property
    def demo_path(self) -> Path:
        if self._demo_path is None:
            from osteotrack.store.files import demo_db_path

            self._demo_path = demo_db_path()
        return self._demo_path

    # -- keys typed ahead ------------------------------------------------------------

    async def on_event(self, event) -> None:
        """Hold the keys typed while a form opens until it is ready for them, then hand them on in order.

        A key comes to the app first; Textual gives it to the widget in focus. While a form
        (``KEYS_WAIT_FOR_MOUNT``) is still being built nothing in it has the focus, and a digit
        or a Ctrl+S typed then would fall through to the screen and be lost.
        """
        from textual import events

        if isinstance(event, events.Key) and not event.is_forwarded and event.key != "ctrl+q" and (
                self._held_keys or not getattr(self.screen, "ready_for_keys", True)):
            self._held_keys.append(event)
            return
        await super().on_event(event)

    def release_keys(self) -> None:
        """Called by a form once it is ready: the keys held for it go on, in the order typed."""
        self.call_later(self._release_keys)

    async def _release_keys(self) -> None:
        while self._held_keys and getattr(self.screen, "ready_for_keys", True):
            await super().on_event(self._held_keys.pop(0))

    def on_mount(self) -> None:
        self._apply_saved_theme()
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.screen_change_signal.subscribe(self, self.mark_screen)
        if self.diary_path.exists():
            self._show_today()
        else:
            self._welcome()

    def _welcome(self) -> None:
        from osteotrack.tui.screens.welcome import WelcomeScreen

        self.push_screen(WelcomeScreen(read_only=self.read_only), self._welcomed)

    def _welcomed(self, choice: str | None) -> None:
        if choice == "demo":
            demo, now = self.demo_path, self.now()
            self.in_worker(lambda: (prepare_demo(demo, now), True), self._open_diary, group="prepare",
                           failed=self._welcome_failed)
        elif choice:
            own = self.diary_path
            self.in_worker(lambda: prepare_own(own), self._ask_name, group="prepare", failed=self._welcome_failed)

    def _ask_name(self, path: Path) -> None:
        """A diary just started: ask whose it is (the report for the doctor carries the name); it may be skipped."""
        from osteotrack.tui.dialogs.ask_text import AskTextDialog

        def named(name: str | None) -> None:
            if name and name.strip():
                self.in_worker(lambda: name_first_profile(path, name), lambda _: self._open_diary((path, False)),
                               group="prepare", failed=lambda error: self._name_refused(path, error))
            else:
                self._open_diary((path, False))

        self.push_screen(AskTextDialog(_(NAME_QUESTION), placeholder=_("e.g. Margaret Lee"), ok=_("Save my name")),
                         named)

    def _name_refused(self, path: Path, error: DiaryError) -> None:
        self.notify(error.sentence(face="app"), severity="error", timeout=10)
        self._open_diary((path, False))

    def action_start_own_diary(self) -> None:
        """From the demo: leave it for the user's own diary (started, with a name, if there is none yet)."""
        if not self.demo or self.read_only:
            return
        own, asked = self._own
        new = not own.exists()

        def leave(path: Path) -> None:
            while len(self.screen_stack) > 1:
                self.pop_screen()
            self.profile, self.profile_id = asked, None
            if new:
                self._ask_name(path)
            else:
                self._open_diary((path, False))

        self.in_worker(lambda: prepare_own(own), leave, group="prepare",
                       failed=lambda error: self.notify(error.sentence(face="app"), severity="error", timeout=10))

    def _welcome_failed(self, error: DiaryError) -> None:
        self.notify(str(error), severity="error", timeout=10)
        self._welcome()

    def _open_diary(self, opened: tuple[Path, bool]) -> None:
        self.diary_path, demo = opened
        self.set_demo(demo)
        self._show_today()

    def _show_today(self) -> None:
        """Resolve whose diary it is, once, and read today's data; then show Today with it.

        The first screen is drawn once, complete. Today is the base of the stack; every
        other main screen is pushed on it and returns to it.
        """
        from osteotrack.tui.screens.today import first_look

        asked, today = self.profile, self.now().date()
        self.read_diary(lambda diary: first_look(diary, asked, today), self._first_shown,
                        group="today-first", failed=self._first_failed)

    def _first_shown(self, found: tuple[int, TodayData]) -> None:
        from osteotrack.tui.screens.today import TodayScreen

        profile_id, data = found
        self.show_profile(profile_id, data.profile)
        self.set_demo(data.demo)  # before Today is built: its footer is composed with the demo's keys at once
        self.push_screen(TodayScreen(data))
        self.call_after_refresh(settle_memory)
        then, self._then = self._then, None
        if then:
            self.action_show_screen(then)

    def _first_failed(self, error: DiaryError) -> None:
        from osteotrack.tui.screens.today import TodayScreen

        self.profile_problem = error  # every screen says it, until a profile is chosen with s
        self.push_screen(TodayScreen(str(error)))

    def show_profile(self, profile_id: int, name: str) -> None:
        """From now on the screens show profile ``profile_id`` (named ``name`` when last read)."""
        self.profile_id, self.profile, self.profile_problem = profile_id, name, None

    def set_demo(self, demo: bool) -> None:
        """Mark the header clearly when the diary open is the demo, not the user's own."""
        self.demo = demo
        self.title = self._title()
        self.mark_screen(self.screen)

    def _title(self) -> str:
        marks = ["osteotrack"]
        if self.demo:
            marks.append(_("DEMO diary (not your data)"))
        if self.locked_folder:
            marks.append(_("read-only (its folder cannot be written)"))
        elif self.read_only:
            marks.append(_("read-only"))
        return " · ".join(marks)

    def mark_screen(self, screen) -> None:
        """Put the DEMO and read-only marks in ``screen``'s title (once). A screen may call it before it is first
        drawn, so that its header is not laid out again for the marks just after (issue 15)."""
        # Screens may set their own title; the DEMO and read-only marks must show on every one of them.
        # TRANSLATORS: the mark put before every screen's title while the demo diary is open.
        demo, read_only = _("DEMO"), _("read-only")
        if self.demo and screen.title and demo not in screen.title:
            screen.title = f"{demo} · {screen.title}"
        if self.read_only and screen.title and read_only not in screen.title:
            screen.title = f"{screen.title} · {read_only}"

    def painted(self) -> None:
        """Called by the Today screen once its data is on screen (the benchmark's finish line)."""
        if os.environ.get(EXIT_AFTER_PAINT):
            self.call_after_refresh(self.exit)

    # -- actions -----------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        # In a form or on the welcome screen, going elsewhere is not offered (nor shown in the footer).
        on_form = getattr(self.screen, "FORM", False) or isinstance(self.screen, ModalScreen)
        if action in ("log_pain", "show_screen", "refresh", "switch_profile") and on_form:
            return False
        if action == "show_screen" and parameters:
            # The screen already shown needs no key in the footer (compared by module: nothing is imported).
            place = SCREENS.get(str(parameters[0]))
            if place and type(self.screen).__module__ == place.module:
                return False
        if action == "start_own_diary" and not (self.demo and not self.read_only):
            return False  # only the demo is left for one's own diary
        # Read-only review offers no way to log at all (screens hide their own editing keys).
        return not (action == "log_pain" and self.read_only)

    def action_show_screen(self, name: str) -> None:
        """Go to a main screen: back to Today, then (unless it is Today) open that screen over it."""
        places = self.places()
        if name not in places or not self.diary_path.exists() or len(self.screen_stack) < 2:
            return
        target = places[name].load()
        if isinstance(self.screen, target):
            return
        above_today = self.screen_stack[2:]

        def go(leave: bool | None = True) -> None:
            if not leave:
                return
            for _screen in above_today:
                self.pop_screen()
            if name != "today":
                self.push_screen(target())

        if any(_unsaved(screen) for screen in above_today):
            from osteotrack.tui.dialogs.confirm import ConfirmDialog

            self.push_screen(ConfirmDialog(_("Leave without saving? What you typed here will be lost."),
                                           yes=_("Leave"), no=_("Stay")), go)
        else:
            go()

    def run_screen_action(self, name: str, action: str | None) -> None:
        """Go to screen ``name`` and start its ``action`` (e.g. "add") if it has one."""
        self.action_show_screen(name)
        if action:
            self.call_after_refresh(self._run_on_screen, action)

    def _run_on_screen(self, action: str) -> None:
        method = getattr(self.screen, f"action_{action}", None)
        if method is not None:
            method()

    def action_toggle_keys(self) -> None:
        """Show (or hide again) the panel listing every key of this screen and of the app."""
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def action_log_pain(self) -> None:
        from osteotrack.tui.screens.entry import EntryScreen

        if isinstance(self.screen, EntryScreen) or not self.diary_path.exists():
            return
        if self.read_only:
            self.notify(_("This diary is open read-only; nothing can be logged."), severity="warning")
            return
        self.push_screen(EntryScreen())

    def action_switch_profile(self) -> None:
        """Choose whose diary the screens show (for this session; `osteotrack profile use` makes it last)."""
        from osteotrack.tui.dialogs.profile_switcher import ProfileSwitcher

        if self.diary_path.exists():
            self.push_screen(ProfileSwitcher(), self._profile_chosen)

    def _profile_chosen(self, chosen: Profile | None) -> None:
        if chosen is not None and chosen.id != self.profile_id:
            self.show_profile(chosen.id, chosen.name)
            self.action_refresh()

    def action_refresh(self) -> None:
        """Read the diary again, e.g. after an ``osteotrack log`` in another terminal."""
        for name in ("refresh_data", "action_refresh"):
            method = getattr(self.screen, name, None)
            if callable(method):
                method()
                return

    def action_backup(self) -> None:
        """Write a dated, checked copy of the diary beside it (safe while anything else writes)."""
        from osteotrack.store.backup import backup_diary

        if self.diary_path.exists():
            path = self.diary_path
            self.in_worker(lambda: backup_diary(path), self._backed_up, group="backup", failed=self._backup_failed)

    def action_backup_encrypted(self) -> None:
        """A backup encrypted with a passphrase (age), asked twice in fields that show nothing."""
        from osteotrack.tui.dialogs.passphrase import ask_new_passphrase

        if not self.diary_path.exists():
            return
        path = self.diary_path

        def back_up(secret: str) -> None:
            from osteotrack.store.backup import backup_encrypted

            self.in_worker(lambda: backup_encrypted(path, None, lambda: secret)[0], self._backed_up,
                           group="backup", failed=self._backup_failed)

        ask_new_passphrase(self, _("A passphrase for the encrypted backup (keep it safe: it cannot be recovered):"),
                           _("Back up"), back_up)

    def _backed_up(self, written: Path) -> None:
        self.notify(_("Backup written to {path}").format(path=written), title=_("Backed up"))

    def _backup_failed(self, error: DiaryError) -> None:
        self.notify(str(error), title=_("Backup failed"), severity="error")

    def action_next_theme(self) -> None:
        """The next colour theme, named in a notice (F9 gives no other sign of which one it is)."""
        names = sorted(self.available_themes)
        self.theme = names[(names.index(self.theme) + 1) % len(names)] if self.theme in names else names[0]
        self.notify(_("Theme: {theme} (F9 for the next one; remembered)").format(theme=self.theme), title=_("Theme"))

    def action_command_palette(self) -> None:
        """The command palette, its prompt in the app's language."""
        from textual.command import CommandPalette

        if not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=_("Type part of an action's name…"), id="--command-palette"))

    def action_help_quit(self) -> None:
        """Ctrl+C copies in a text box; said once how to quit instead (Textual's own notice is in English)."""
        self.notify(_("Press Ctrl+Q to quit."), title=_("Quit?"))

    def choose_language(self, code: str) -> None:
        """Speak ``code`` from now on (remembered for the next start) and show the screens afresh in it.

        The screens are built again: Today, and over it the main screen that was shown. With input
        not yet saved, ask first.
        """
        if any(_unsaved(screen) for screen in self.screen_stack):
            from osteotrack.tui.dialogs.confirm import ConfirmDialog

            def answered(yes: bool | None) -> None:
                if yes:
                    self._speak(code)

            self.push_screen(ConfirmDialog(_("Change the language now? What you typed here will be lost."),
                                           yes=_("Change it"), no=_("Stay")), answered)
            return
        self._speak(code)

    def _speak(self, code: str) -> None:
        i18n.choose(code)
        self._remember(CONFIG_KEY, code)
        self.title = self._title()
        shown = next((name for name, place in SCREENS.items() if type(self.screen).__module__ == place.module), None)
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if not self.diary_path.exists():
            self._welcome()
            return
        self._then = shown if shown != "today" else None
        self._show_today()
        self.notify(_("The app now speaks {language}.").format(language=i18n.LANGUAGES[code]),
                    title=_("Language"))

    def _remember(self, key: str, value: str) -> None:
        """Keep one of the app's settings (the theme, the language) for the next start."""
        config = load_config(self.config_path)
        if config.get(key) != value:
            try:
                save_config(self.config_path, {**config, key: value})
            except (OSError, DiaryError) as error:
                self.notify(_("Could not remember this setting: {error}").format(error=error), severity="warning")

    async def action_quit(self) -> None:
        if any(_unsaved(screen) for screen in self.screen_stack):
            from osteotrack.tui.dialogs.confirm import ConfirmDialog

            def answered(yes: bool | None) -> None:
                if yes:
                    self.exit()

            self.push_screen(ConfirmDialog(_("Quit without saving this entry? What you typed will be lost."),
                                           yes=_("Quit, discard it"), no=_("Keep editing")), answered)
            return
        self.exit()

    # -- themes ------------------------------------------------------------

    def _apply_saved_theme(self) -> None:
        saved = load_config(self.config_path).get("theme")
        if saved in self.available_themes:
            self.theme = saved
        else:
            # NO_COLOR: Textual already draws in monochrome; the high-contrast theme keeps it crisp.
            self.theme = HIGH_CONTRAST.name if self.no_color else DEFAULT_THEME
        self._startup_theme = self.theme

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name == self._startup_theme and "theme" not in load_config(self.config_path):
            return  # the default needs no file
        self._remember("theme", theme.name)


def prepare_own(path: Path) -> Path:
    """Create the user's own diary (in a worker); return its path."""
    from osteotrack.store.diary import Diary

    Diary.open(path).close()
    return path


NAME_QUESTION = N_("Whose diary is this?\n\nYour name goes on the report for your doctor. Leave it empty to skip; "
                 "'osteotrack profile rename' changes it later.")


def settle_memory() -> None:
    """Once the first screen is up: what the app holds for good (modules, styles, the screen) is left out of
    Python's full garbage collections from now on.

    Each full collection looked at every object of the app, hundreds of thousands: 20 to 150 ms each, during
    which nothing is drawn, and History held to the end ran a dozen of them (issue 15).
    """
    gc.freeze()


def name_first_profile(path: Path, name: str) -> None:
    """Give the profile of a diary just started (in a worker) its owner's name."""
    from osteotrack.store.diary import Diary

    with Diary.open(path) as diary:
        diary.rename_profile(diary.active_profile(), name)


def prepare_demo(path: Path, now: datetime) -> Path:
    """Write the demo diary, once, ending at the moment ``now`` (in a worker); refuse a file that is not a demo."""
    from osteotrack.store.diary import Diary

    if path.exists():
        with Diary.open(path, read_only=True) as diary:
            if diary.setting("demo") != "1":
                raise DiaryError("demo.not_demo_kept", field="file", path=path)
    else:
        from osteotrack.demo import write_demo

        write_demo(path, years=DEMO_YEARS, seed=1, end=now)
    return path


def make_app(db_path: Path, profile: str | None = None, read_only: bool = False, **options) -> OsteoApp:
    """Build the app for a diary file: used by the command line, the tests and the screenshot script."""
    return OsteoApp(db_path, profile, read_only, **options)

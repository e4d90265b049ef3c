"""Regenerate the README's screenshots: every main screen of the app (Trends too) on a demo diary, at 80×24.

Today and the entry form are shot in Spanish too (``today-es``, ``entry-es``).

    python scripts/screenshots.py [--out screenshots]

The demo diary is built fresh in a temporary folder with a fixed seed and a
fixed last day, and the app runs with a fixed clock, so the pictures only
change when the app does.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from osteotrack import i18n  # noqa: E402
from osteotrack.demo import write_demo  # noqa: E402
from osteotrack.tui.app import available_places, make_app  # noqa: E402

SIZE = (80, 24)
# The demo's last day and the app's "now": an evening, so the day's entries are all in the past.
NOW = datetime(2026, 11, 24, 21, 30).astimezone()


# The entry form: pain 6, the mid back at 7 with a level (T8), a trigger chosen by typing its first letter.
ENTRY_KEYS = ("l", "6", "tab", "m", "7", "]", "]", "]", "]", "]", "]", "]", "]", "tab", "b", "enter")


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def shoot(app, out: Path, name: str, *keys: str) -> None:
    """Press ``keys`` (waiting for the diary after each) and save the screen as ``out/name.svg``."""
    pilot = app._pilot
    for key in keys:
        await pilot.press(key)
        await settle(pilot)
    app.save_screenshot(str(out / f"{name}.svg"))
    print(f"  {out / name}.svg", file=sys.stderr)


async def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    i18n.choose("en")  # the README's pictures are in English whatever the machine's locale
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        demo = tmp / "demo.db"
        write_demo(demo, years=2, seed=1, end=NOW.date())
        options = dict(clock=lambda: NOW, config_path=tmp / "tui.json", demo_path=tmp / "unused-demo.db")

        welcome = make_app(tmp / "no-diary-yet.db", **options)
        async with welcome.run_test(size=SIZE) as pilot:
            welcome._pilot = pilot
            await settle(pilot)
            await shoot(welcome, out, "welcome")
            await shoot(welcome, out, "whose-diary", "s")  # the first start asks whose diary it is

        app = make_app(demo, **options)
        async with app.run_test(size=SIZE) as pilot:
            app._pilot = pilot
            await settle(pilot)
            await shoot(app, out, "today")
            await shoot(app, out, "entry", *ENTRY_KEYS)
            await shoot(app, out, "entry-therapies", "tab", "h", "6", "tab")
            await shoot(app, out, "leave-unsaved", "escape")
            await pilot.press("y")
            await settle(pilot)
            for name in available_places():
                if name != "today":
                    # Straight to the screen: a key could land in the previous screen's text field.
                    app.action_show_screen(name)
                    await settle(pilot)
                    await shoot(app, out, name)
                if name == "bone":  # the monthly falls check and impression of change Today offers
                    await shoot(app, out, "bone-monthly", "m")
                    await pilot.press("escape")
                    await settle(pilot)
            await shoot(app, out, "keys", "t", "question_mark")  # ? lists every key of the screen and the app
            await shoot(app, out, "palette", "question_mark", "ctrl+p", "a", "d", "d")

        # Today and the entry form in Spanish (as `--lang es`, or the palette's "Language: Español").
        i18n.choose("es")
        spanish = make_app(demo, **options)
        async with spanish.run_test(size=SIZE) as pilot:
            spanish._pilot = pilot
            await settle(pilot)
            await shoot(spanish, out, "today-es")
            await shoot(spanish, out, "entry-es", *ENTRY_KEYS)
        i18n.choose("en")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    asyncio.run(main(parser.parse_args().out))

"""The app's own small settings (the chosen theme and language), kept apart from any diary.

A 0600 JSON file in the platform's user config folder; plain Python, no Textual.
"""

from __future__ import annotations

import json
from pathlib import Path

from osteotrack.store.files import atomic_write


def default_config_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("osteotrack", appauthor=False)) / "tui.json"


def load_config(path: Path) -> dict:
    """The saved settings, or none when the file is missing or unreadable (never fatal)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_config(path: Path, data: dict) -> None:
    with atomic_write(path, force=True) as handle:
        json.dump(data, handle, indent=2, sort_keys=True)

"""No licensed instrument's name or wording in what the app, the report or the README says."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_attribution_to_the_brief_pain_inventory_anywhere():
    # The relief rating is our own: "percent relief, 0–100 in steps of 10". The Brief Pain Inventory is a
    # licensed instrument; nothing the app, the report or the README says names or quotes it.
    files = [ROOT / "README.md", *(ROOT / "osteotrack").rglob("*.py"), *(ROOT / "osteotrack").rglob("*.tcss")]
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "brief pain" not in text.lower() and "BPI" not in text, path

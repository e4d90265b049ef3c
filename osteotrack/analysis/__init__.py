"""Numbers computed from stored entries, each with the count it rests on (no Textual, no CLI)."""

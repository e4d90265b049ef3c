"""Widgets reused across screens."""

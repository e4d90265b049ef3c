"""One screen per file; the app finds them through its SCREENS registry."""

"""Ways out of the diary: tables, CSV, charts, reports. No Textual here."""

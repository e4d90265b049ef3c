"""The patient's world in plain Python: vocabulary, records, validation, times.

Nothing here touches SQLite, Textual or the command line.
"""

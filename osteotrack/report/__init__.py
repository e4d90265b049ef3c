"""The physician report: a model built from the analysis figures, and renderers.

``model.build_report`` gathers the figures; ``pdf``, ``html`` and ``markdown``
lay the same content out. matplotlib and fpdf2 are imported only here, never
by the command line's quick paths.
"""

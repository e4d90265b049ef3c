"""Trends: honest numbers from stored entries, each with the count it rests on.

Plain Python over the store's named queries, through the ``ProfileDiary`` of the
person the figures are about; no Textual, no plotting (the charts live in
``osteotrack.views``). The figures describe what
was logged and never claim a cause: "mean pain on days with bending" is a fact,
"bending causes pain" is not said.

    person = diary.profile("Margaret")
    period = period_for(person, "3m")
    result = trends(person, period)      # every figure, .to_dict() for JSON
    week = what_changed(person)          # this week against last week

The names below are loaded the first time one of them is asked for: the figure dataclasses
and every figure function cost a tenth of the app's start, and Today's first look needs
none of them (it reads ``analysis.glance``).
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from osteotrack.analysis.changes import what_changed
    from osteotrack.analysis.figures import (
        MEAN_PAIN_DEFINITION,
        PAIN_FALL_BANDS,
        average_daily_pain,
        change,
        daily_pain,
        events,
        fall_band_text,
        locations,
        medication_use,
        pain_summary,
        peg_weeks,
        relief_over_time,
        therapies,
        triggers,
    )
    from osteotrack.analysis.ranges import (
        DEFAULT_RANGE,
        RANGES,
        Period,
        diary_signature,
        first_entry_day,
        period_for,
        resolve_range,
    )
    from osteotrack.analysis.results import (
        Change,
        DayPain,
        EventMark,
        LocationStat,
        MedicationRun,
        MedicationStat,
        MedicationUse,
        PainFigures,
        PainSummary,
        PegWeek,
        ReliefDrop,
        ReliefPoint,
        TherapyStat,
        Trends,
        TriggerStat,
        WhatChanged,
    )
    from osteotrack.analysis.trends import pain_figures, trends

# Each name and the module it comes from.
_SOURCES = {
    "osteotrack.analysis.changes": ("what_changed",),
    "osteotrack.analysis.figures": (
        "MEAN_PAIN_DEFINITION", "PAIN_FALL_BANDS", "average_daily_pain", "change", "daily_pain", "events",
        "fall_band_text", "locations", "medication_use", "pain_summary", "peg_weeks", "relief_over_time",
        "therapies", "triggers"),
    "osteotrack.analysis.ranges": (
        "DEFAULT_RANGE", "RANGES", "Period", "diary_signature", "first_entry_day", "period_for", "resolve_range"),
    "osteotrack.analysis.results": (
        "Change", "DayPain", "EventMark", "LocationStat", "MedicationRun", "MedicationStat", "MedicationUse",
        "PainFigures", "PainSummary", "PegWeek", "ReliefDrop", "ReliefPoint", "TherapyStat", "Trends", "TriggerStat",
        "WhatChanged"),
    "osteotrack.analysis.trends": ("pain_figures", "trends"),
}
__all__ = [
    "DEFAULT_RANGE", "MEAN_PAIN_DEFINITION", "PAIN_FALL_BANDS", "RANGES", "Change", "DayPain", "EventMark",
    "LocationStat", "MedicationRun", "MedicationStat", "MedicationUse", "average_daily_pain", "fall_band_text",
    "PainFigures", "PainSummary", "PegWeek", "Period", "ReliefDrop", "ReliefPoint", "TherapyStat", "TriggerStat",
    "Trends", "WhatChanged", "change", "daily_pain", "diary_signature", "events", "first_entry_day", "locations",
    "medication_use", "pain_figures", "pain_summary", "peg_weeks", "period_for", "relief_over_time", "resolve_range",
    "therapies", "trends", "triggers", "what_changed",
]


def __getattr__(name: str):
    """Load every name at once, the first time one is asked for."""
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    for module, names in _SOURCES.items():
        loaded = importlib.import_module(module)
        globals().update((each, getattr(loaded, each)) for each in names)
    return globals()[name]


class _Package(types.ModuleType):
    """This package, whose names stay what ``__all__`` says they are.

    Python names each submodule on its package once loaded: ``import osteotrack.analysis.trends``
    would turn ``analysis.trends``, the function, into the module. A name of ``__all__`` is never
    given a submodule here.
    """

    def __setattr__(self, name: str, value) -> None:
        if isinstance(value, types.ModuleType) and name in __all__:
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

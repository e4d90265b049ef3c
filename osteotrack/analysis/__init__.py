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
"""

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
    PainSummary,
    PegWeek,
    ReliefDrop,
    ReliefPoint,
    TherapyStat,
    Trends,
    TriggerStat,
    WhatChanged,
)
from osteotrack.analysis.trends import trends

__all__ = [
    "DEFAULT_RANGE", "MEAN_PAIN_DEFINITION", "PAIN_FALL_BANDS", "RANGES", "Change", "DayPain", "EventMark",
    "LocationStat", "MedicationRun", "MedicationStat", "MedicationUse", "average_daily_pain", "fall_band_text",
    "PainSummary", "PegWeek", "Period", "ReliefDrop", "ReliefPoint", "TherapyStat", "TriggerStat", "Trends",
    "WhatChanged", "change", "daily_pain", "diary_signature", "events", "first_entry_day", "locations",
    "medication_use", "pain_summary", "peg_weeks", "period_for", "relief_over_time", "resolve_range", "therapies",
    "trends", "triggers", "what_changed",
]

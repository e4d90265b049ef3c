"""The bone-care parts of a diary, made on first use so that a quick log never imports them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from osteotrack.store.doses import Doses
from osteotrack.store.falls_checks import FallsChecks
from osteotrack.store.heights import Heights
from osteotrack.store.impressions import Impressions
from osteotrack.store.side_effects import SideEffects
from osteotrack.store.treatments import Treatments

if TYPE_CHECKING:
    from osteotrack.store.diary import Diary


class BoneCare:
    """Treatments, doses, heights, falls checks, impressions and side effects over one diary's connection."""

    def __init__(self, diary: Diary):
        self.treatments = Treatments(diary)
        self.doses = Doses(diary)
        self.heights = Heights(diary)
        self.falls_checks = FallsChecks(diary)
        self.impressions = Impressions(diary)
        self.side_effects = SideEffects(diary)

    def parts(self) -> dict:
        """Each record kind's part by its export key (treatments first: doses name them)."""
        return {"treatments": self.treatments, "doses": self.doses, "heights": self.heights,
                "falls_checks": self.falls_checks, "impressions": self.impressions, "side_effects": self.side_effects}

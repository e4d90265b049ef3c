"""How two copies of a diary agree on one record (issue 18), without SQL.

Every copy holds, for a record, either a version (its change time, the change time of the
shared version it was edited from, and its content as canonical text) or a tombstone (the
time it was deleted), or nothing. The copies agree by taking the greatest of what they hold,
compared by change time, then a tombstone before a version at the same time, then the
content's text: the same answer on every computer, whichever side runs the sync.

A deletion and a later edit: the later of the two wins (an edit made after the deletion
brings the record back; an edit made before it is deleted with it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from osteotrack.domain.numbers import count, whole
from osteotrack.i18n import N_, Nn_, _, ngettext

LOCAL, REMOTE, DELETED = "local", "remote", "deleted"

# Record kinds as tombstones and counts name them, and the word for one of them.
# What a sync brought of each kind, a whole message each: "3 new entries" (never "new" glued to a counted word).
NEW = {
    "profile": Nn_("{n} new profile", "{n} new profiles"),
    "entry": Nn_("{n} new entry", "{n} new entries"),
    "checkin": Nn_("{n} new check-in", "{n} new check-ins"),
    "event": Nn_("{n} new event", "{n} new events"),
    "question": Nn_("{n} new question", "{n} new questions"),
    "treatment": Nn_("{n} new treatment", "{n} new treatments"),
    "dose": Nn_("{n} new dose", "{n} new doses"),
    "height": Nn_("{n} new height", "{n} new heights"),
    "falls_check": Nn_("{n} new falls check", "{n} new falls checks"),
    "impression": Nn_("{n} new impression", "{n} new impressions"),
    "side_effect": Nn_("{n} new side effect", "{n} new side effects"),
    "record": Nn_("{n} new record", "{n} new records"),
}
# The word for one record of a kind, where a kept conflict is listed ("entry 3f2a…").
RECORD_WORDS = {
    "profile": N_("profile"), "entry": N_("entry"), "checkin": N_("check-in"), "event": N_("event"),
    "question": N_("question"), "treatment": N_("treatment"), "dose": N_("dose"), "height": N_("height"),
    "falls_check": N_("falls check"), "impression": N_("impression"), "side_effect": N_("side effect"),
}


def record_word(kind: str) -> str:
    """The word for one record of ``kind`` in the language in force (``entry``, ``Eintrag``); the kind if unknown."""
    return _(RECORD_WORDS[kind]) if kind in RECORD_WORDS else kind


@dataclass(frozen=True, slots=True)
class Version:
    """One copy's version of a record: when it changed, what it was edited from, what it says."""

    changed: str
    base: str | None
    content: str


def winner(local: Version | None, remote: Version | None, deleted: str | None) -> str:
    """Which of the local version, the remote one and the latest tombstone both copies keep."""
    candidates: list[tuple[tuple[str, int, str], str]] = []
    if local is not None:
        candidates.append(((local.changed, 0, local.content), LOCAL))
    if remote is not None:
        candidates.append(((remote.changed, 0, remote.content), REMOTE))
    if deleted is not None:
        candidates.append(((deleted, 1, ""), DELETED))
    return max(candidates)[1] if candidates else LOCAL


def is_conflict(loser: Version, winner_version: Version | None) -> bool:
    """Whether a losing version was an edit the winner never saw (kept for the user, not dropped).

    A version unedited since it was shared (``base`` None) is merely older; a winner edited
    from the loser itself (its ``base`` is the loser's change time) has seen it. A deletion
    (``winner_version`` None) beats an edit it never saw.
    """
    if loser.base is None:
        return False
    return winner_version is None or winner_version.base != loser.changed


@dataclass(slots=True)
class SyncCounts:
    """What a sync did to one diary."""

    new: dict[str, int] = field(default_factory=dict)
    changed: int = 0
    deleted: int = 0
    conflicts: int = 0

    def add_new(self, kind: str) -> None:
        self.new[kind] = self.new.get(kind, 0) + 1

    @property
    def anything(self) -> bool:
        return bool(sum(self.new.values()) or self.changed or self.deleted or self.conflicts)

    def sentence(self) -> str:
        """``3 new entries, 1 new check-in, 1 changed, 1 deleted, 0 conflicts``."""
        new = [ngettext(*NEW[kind], n).format(n=whole(n)) for kind, n in self.new.items() if n]
        # TRANSLATORS: records of a sync: "1 changed", "0 deleted" (records).
        parts = (new or [ngettext(*NEW["record"], 0).format(n=whole(0))]) + [
            ngettext("{n} changed", "{n} changed", self.changed).format(n=whole(self.changed)),
            ngettext("{n} deleted", "{n} deleted", self.deleted).format(n=whole(self.deleted)),
            count(self.conflicts, "conflict")]
        return ", ".join(parts)


HIDDEN_FIELDS = ("id", "profile_id", "created_utc")


def side_by_side(kept: dict | None, lost: dict) -> list[tuple[str, str, str]]:
    """The fields in which a kept conflict's two versions differ: (field, kept, lost); kept None: deleted."""
    import json

    def text(value) -> str:
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)

    if kept is None:
        return [("", _("(deleted)"), "")] + [(k, "", text(v)) for k, v in sorted(lost.items())
                                          if k not in HIDDEN_FIELDS]
    keys = sorted(k for k in set(kept) | set(lost) if k not in HIDDEN_FIELDS)
    return [(k, text(kept.get(k)), text(lost.get(k))) for k in keys if kept.get(k) != lost.get(k)]

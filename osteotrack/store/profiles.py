"""Profiles (one per person whose diary it is) and the diary's settings."""

from __future__ import annotations

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.validate import check_profile_name
from osteotrack.i18n import pgettext
from osteotrack.store import schema
from osteotrack.store.connection import now_utc
from osteotrack.store.part import Part

TYPE_CHECKING = False  # a quick log never lists the profiles: it does not define their record
if TYPE_CHECKING:
    from osteotrack.domain.records import Profile

ACTIVE = "active_profile"


def _logger_key(profile_id: int) -> str:
    return f"default_logger:{profile_id}"


def tidy_name(name: str) -> str:
    """A profile name as stored: inner runs of white space folded, the ends trimmed."""
    return " ".join(name.split())


class Profiles(Part):
    """The ``profiles`` and ``settings`` tables."""

    # -- settings -------------------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        """The diary's setting ``key``, or ``default`` when it is not set."""
        row = self._one("SELECT value FROM settings WHERE key = ?", [key])
        return default if row is None else row["value"]

    def set_setting(self, key: str, value: str | None) -> None:
        """Store the diary's setting ``key``."""
        with self._diary.writing():
            self._conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [key, value])

    # -- profiles -------------------------------------------------------

    def all(self) -> list[Profile]:
        """Every profile, in the order they were made."""
        from osteotrack.domain.records import Profile

        return [Profile(r["id"], r["name"], r["created_utc"])
                for r in self._rows("SELECT id, name, created_utc FROM profiles ORDER BY id")]

    def find(self, name: str) -> int | None:
        """The id of the profile named ``name`` (case does not matter), or None."""
        return self._value("SELECT id FROM profiles WHERE name = ?", [tidy_name(name)])

    def id_of(self, name: str) -> int:
        """The id of the profile named ``name``; a sentence naming the profiles when there is none."""
        found = self.find(name)
        if found is None:
            known = ", ".join(p.name for p in self.all()) or pgettext("an empty list", "none")
            raise ValidationError("profile.unknown", field="profile", name=name, known=known)
        return found

    def name_of(self, profile_id: int) -> str:
        """The name of profile ``profile_id``; a sentence when it no longer exists."""
        name = self._value("SELECT name FROM profiles WHERE id = ?", [profile_id])
        if name is None:
            raise ValidationError("profile.gone", field="profile", id=profile_id)
        return name

    def active_name(self) -> str:
        """The name of the profile commands and the app use when none is given (a setting only the faces read)."""
        return self.setting(ACTIVE) or schema.DEFAULT_PROFILE

    def add(self, name: str, created_utc: str | None = None) -> int:
        """Make a new profile; return its id."""
        name = check_profile_name(name)
        if self.find(name) is not None:
            raise ValidationError("profile.exists", field="name", name=name)
        with self._diary.writing():
            cursor = self._conn.execute("INSERT INTO profiles (name, created_utc) VALUES (?, ?)",
                                        [name, created_utc or now_utc()])
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def find_or_add(self, name: str, created_utc: str) -> int:
        """The id of profile ``name``, made (created at ``created_utc``) when missing; backdated otherwise."""
        found = self.find(name)
        if found is None:
            return self.add(name, created_utc)
        self.backdate(found, created_utc)
        return found

    def backdate(self, profile_id: int, created_utc: str) -> None:
        """Move a profile's creation time earlier (never later): an import or the demo may know an older one."""
        with self._diary.writing():
            self._conn.execute("UPDATE profiles SET created_utc = min(created_utc, ?) WHERE id = ?",
                               [created_utc, profile_id])

    def rename(self, old: str, new: str) -> None:
        """Rename a profile; the active profile stays active under its new name."""
        pid = self.id_of(old)
        new = check_profile_name(new)
        clash = self.find(new)
        if clash is not None and clash != pid:
            raise ValidationError("profile.exists", field="name", name=new)
        active = self.find(self.active_name())
        with self._diary.writing():
            self._conn.execute("UPDATE profiles SET name = ? WHERE id = ?", [new, pid])
            # Names match without regard to case, so compare ids: 'dad' renames the active 'Dad'.
            if active == pid:
                self._conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [ACTIVE, new])

    def use(self, name: str) -> int:
        """Make profile ``name`` the active one; return its id."""
        pid = self.id_of(name)
        self.set_setting(ACTIVE, self.name_of(pid))
        return pid

    def remove(self, name: str) -> None:
        """Delete a profile and every record of it (never the last profile); callers back up first."""
        pid = self.id_of(name)
        others = [p for p in self.all() if p.id != pid]
        if not others:
            raise ValidationError("profile.last", field="profile", name=self.name_of(pid))
        active = self.find(self.active_name())
        with self._diary.writing():
            # entries, check-ins, events and questions go with it: ON DELETE CASCADE.
            self._conn.execute("DELETE FROM profiles WHERE id = ?", [pid])
            # Profile ids can be reused by SQLite: a stale setting would follow the next new profile.
            self._conn.execute("DELETE FROM settings WHERE key = ?", [_logger_key(pid)])
            if active is None or active == pid:
                self._conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                                   [ACTIVE, others[0].name])

    def default_logger(self, profile_id: int) -> str | None:
        """Who logs for this profile when an entry does not say: a caregiver's name, or None (the patient)."""
        return self.setting(_logger_key(profile_id))

    def set_default_logger(self, profile_id: int, name: str | None) -> None:
        """Remember "I am <name>" for entries logged for this profile; None: the patient logs."""
        name = tidy_name(name or "") or None
        with self._diary.writing():
            if name is None:
                self._conn.execute("DELETE FROM settings WHERE key = ?", [_logger_key(profile_id)])
            else:
                self._conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                                   [_logger_key(profile_id), name])

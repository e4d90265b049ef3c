"""A small hand-built diary whose trend figures are worked out by hand in the tests.

Period 10–16 Nov 2026 (Tue–Mon), profile "me", mostly at UTC+01:00:

| local day | time and offset | pain | sites                       | triggers           | therapies                              |
|-----------|-----------------|------|-----------------------------|--------------------|----------------------------------------|
| Mon 09    | 12:00 +01:00    | 9    | lower-back 9                |                    | heat 90                                | (the week before)
| Tue 10    | 08:00 +01:00    | 4    | lower-back 5                | bending            | heat 60                                |
| Tue 10    | 20:00 +01:00    | 6    | lower-back 7, mid-back 6    | bending, standing  | otc 40                                 |
| Wed 11    | (no entry)      |      |                             |                    |                                        |
| Thu 12    | 23:30 -05:00    | 2    | rib-left 2                  |                    | heat 80                                | (13 Nov 04:30 UTC)
| Fri 13    | 00:30 +01:00    | 8    | lower-back 8                | lifting            | otc 20, prescription (unrated)         | (12 Nov 23:30 UTC)
| Sat 14    | 09:00 +01:00    | 3    |                             |                    | otc (unrated)                          |
| Sun 15    | (no entry)      |      |                             |                    |                                        |
| Mon 16    | 10:00 +01:00    | 5    | lower-back 4                | standing           | heat 50, otc 30                        |
| Tue 17    | 12:00 +01:00    | 10   |                             |                    |                                        | (after the period)

Another profile, "Ann", has one entry of pain 10 on Tue 10 that must never count.
Check-ins: Tue 10 PEG 3/4/5, Thu 12 PEG 6/6/6, Sun 15 PEG 2/-/4 (incomplete), Mon 16 PEG 1/2/3.
Events: a fall on Fri 13 at 00:15 +01:00 (12 Nov 23:15 UTC), a fracture of the mid back at T8
on Fri 13 10:00, an appointment on Fri 20 (after the period).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from osteotrack.analysis import Period
from osteotrack.domain.records import CheckIn, Entry, Event, Site, TherapyUse

CET = timezone(timedelta(hours=1))
EST = timezone(timedelta(hours=-5))
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=CET)
TODAY = NOW.date()
PERIOD = Period(date(2026, 11, 10), date(2026, 11, 16))


def at(day: int, hour: int, minute: int = 0, tz=CET) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=tz)


def log(diary, moment: datetime, pain: int, sites=(), triggers=(), therapies=(), profile_id=None) -> Entry:
    """Store an entry for profile ``profile_id`` (else the active one); ``sites`` as (location, intensity),
    ``therapies`` as (therapy, relief or None)."""
    entry = Entry(at=moment, pain=pain, sites=[Site(loc, n) for loc, n in sites], triggers=list(triggers),
                  therapies=[TherapyUse(t, r) for t, r in therapies])
    person = diary.profile(diary.active_profile()) if profile_id is None else diary.profile_by_id(profile_id)
    return person.add_entry(entry, now=NOW)


def build(diary) -> None:
    """Fill ``diary`` with the table above."""
    log(diary, at(9, 12), 9, [("lower-back", 9)], therapies=[("heat", 90)])
    log(diary, at(10, 8), 4, [("lower-back", 5)], ["bending"], [("heat", 60)])
    log(diary, at(10, 20), 6, [("lower-back", 7), ("mid-back", 6)], ["bending", "standing"],
        [("otc-pain-medication", 40)])
    log(diary, at(12, 23, 30, EST), 2, [("rib-left", 2)], therapies=[("heat", 80)])
    log(diary, at(13, 0, 30), 8, [("lower-back", 8)], ["lifting"],
        [("otc-pain-medication", 20), ("prescription-pain-medication", None)])
    log(diary, at(14, 9), 3, therapies=[("otc-pain-medication", None)])
    log(diary, at(16, 10), 5, [("lower-back", 4)], ["standing"], [("heat", 50), ("otc-pain-medication", 30)])
    log(diary, at(17, 12), 10)
    ann = diary.add_profile("Ann")
    log(diary, at(10, 12), 10, [("neck", 10)], ["bending"], [("heat", 0)], profile_id=ann)
    me = diary.profile(diary.active_profile())
    for day, items in ((10, (3, 4, 5)), (12, (6, 6, 6)), (15, (2, None, 4)), (16, (1, 2, 3))):
        me.save_checkin(CheckIn(date(2026, 11, day), *items), today=TODAY)
    me.add_event(Event("fall", at(13, 0, 15)), now=NOW)
    me.add_event(Event("fracture", at(13, 10), site="mid-back", level="T8"), now=NOW)
    me.add_event(Event("appointment", at(20, 14)), now=NOW)

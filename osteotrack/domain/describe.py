"""Records in words, the same on the command line, in the app and in reports."""

from __future__ import annotations

from datetime import datetime

from osteotrack.domain import dates, numbers
from osteotrack.domain.records import Entry, Site, TherapyUse
from osteotrack.domain.validate import Vocabulary
from osteotrack.domain.vocabulary import DXA_SITES, EVENT_KINDS, PROCEDURES, pain_band, shown
from osteotrack.i18n import N_, _, language, ngettext, pgettext

TYPE_CHECKING = False  # the quick log path defines only the records it makes
if TYPE_CHECKING:
    from osteotrack.domain.records import CheckIn, Event, Question

# How much of a note (or a question, an event's note) a report or a table shows; the diary keeps it all.
REPORT_TEXT_CHARS = 600
TABLE_TEXT_CHARS = 200

# The words of ``vocabulary.pain_band`` (kept in English in the CSV export: a contract), as people read them.
# A question's status, as people read it.
STATUSES = {"open": N_("open"), "asked": N_("asked"), "answered": N_("answered")}


def beginning(text: str, limit: int) -> str:
    """``text`` whole when it has at most ``limit`` characters; else its beginning and how much more there is.

    ``beginning("word " * 3000, 20)`` → ``"word word word word… (14980 more characters in the diary)"``:
    the cut falls at a space when one is near, so a word is not broken.
    """
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ", limit // 2)
    cut = (cut[:space] if space > 0 else cut).rstrip()
    more = len(text) - len(cut)
    # TRANSLATORS: the beginning of a long note, cut short in a table or a report; the diary keeps the whole note.
    return ngettext("{text}… ({n} more character in the diary)", "{text}… ({n} more characters in the diary)",
                    more).format(text=cut, n=numbers.whole(more))


def when_text(moment: datetime) -> str:
    """``Mon 23 Nov 2026 19:00`` (``lun 23 nov 2026, 19:00``…) in the offset the moment was entered in."""
    return dates.moment(moment)


def whose_diary(profile: str) -> str:
    """``Dad's diary``; the default profile "me" is ``your diary (profile 'me')``, not "me's diary"."""
    if profile.casefold() == "me":  # the profile a new diary starts with (store.schema.DEFAULT_PROFILE)
        return _("your diary (profile '{name}')").format(name=profile)
    # TRANSLATORS: the diary of the person {name} ("Dad's diary"): "el diario de {name}", "das Tagebuch von {name}".
    return _("{name}'s diary").format(name=profile)


def and_list(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``: a list in a sentence, joined as the language in force joins one."""
    if len(items) <= 1:
        return "".join(items)
    # TRANSLATORS: the last item of a list joined to the others: "Mon 30 Nov, Tue 1 Dec and Wed 2 Dec".
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def band_text(band: str) -> str:
    """A word of ``vocabulary.pain_band`` (``moderate``) in the language in force."""
    words = {
        # TRANSLATORS: how bad a pain rated 0 (none), 1–3 (mild), 4–6 (moderate), 7–10 (severe) is.
        "none": pgettext("pain", "none"), "mild": pgettext("pain", "mild"),
        "moderate": pgettext("pain", "moderate"), "severe": pgettext("pain", "severe"),
    }
    return words.get(band, band)


def pain_band_text(pain: int) -> str:
    """The word for a 0–10 rating in the language in force: none, mild (1–3), moderate (4–6), severe (7–10)."""
    return band_text(pain_band(pain))


def joined(items) -> str:
    """Items of a list in a sentence, between semicolons as the language sets them (French: " ; ")."""
    # TRANSLATORS: what stands between the items of a list in a sentence ("Falls 1; falls check …"). French: " ; ".
    return pgettext("list", "; ").join(items)


def labelled(label: str) -> str:
    """A label before what it names, with the colon as the language writes it: ``Where:``, French ``Lieu :``."""
    # TRANSLATORS: a label before its value ("Where: Mid back 5"). French puts a no-break space before the colon.
    return _("{label}:").format(label=label)


def pain_text(pain: int) -> str:
    """``6/10 (moderate)``."""
    # TRANSLATORS: a pain rating and its band, e.g. "6/10 (moderate)".
    return _("{pain}/10 ({band})").format(pain=pain, band=pain_band_text(pain))


def in_a_list(name: str, kind: str = "") -> str:
    """A vocabulary name inside a sentence (``Felt: aching; sharp``): lower case, but a German noun (a place, a
    trigger, an event: all but the qualities, which are adjectives) keeps its capital."""
    return name if language() == "de" and kind != "quality" else name.lower()


def one_stop(sentence: str) -> str:
    """A sentence whose last word is an abbreviation ("… am Mo., 30. Nov.."): its period is the full stop too."""
    return sentence[:-1] if sentence.endswith("..") else sentence


def site_text(site: Site, vocab: Vocabulary) -> str:
    level = f" {site.level}" if site.level else ""
    return f"{vocab.display('location', site.location)}{level} {site.intensity}"


def therapy_text(use: TherapyUse, vocab: Vocabulary) -> str:
    text = vocab.display("therapy", use.therapy)
    if use.medication:
        text += f" ({use.medication}{' ' + use.dose if use.dose else ''})"
    if use.relief is None:
        # TRANSLATORS: a therapy tried, whose relief was not rated: "Heat (relief not rated)".
        return _("{therapy} (relief not rated)").format(therapy=text)
    # TRANSLATORS: a therapy tried and the relief it gave: "Heat 60% relief".
    return _("{therapy} {relief} relief").format(therapy=text, relief=numbers.percent(use.relief))


def entry_summary(entry: Entry, vocab: Vocabulary) -> str:
    """One line: when, pain, where, what set it off, what was tried."""
    # TRANSLATORS: an entry in one line: "Tue 1 Dec 2026 19:00: pain 6/10 (moderate). Where: …".
    return _("{when}: {details}").format(when=when_text(entry.at), details=entry_details(entry, vocab))


def entry_details(entry: Entry, vocab: Vocabulary) -> str:
    """An entry in words without its time: pain, where, what set it off, what was tried.

    Its parts are sentences, and the items of a list are separated by "; ": place names
    hold commas ("Hip, left 5; Shoulder, right 3").
    """
    parts = [_("pain {pain}").format(pain=pain_text(entry.pain))]
    if entry.sites:
        parts.append(_("Where: {places}").format(places=joined(site_text(s, vocab) for s in entry.sites)))
    if entry.qualities:
        parts.append(_("Felt: {qualities}").format(
            qualities=joined(in_a_list(vocab.display("quality", q), "quality") for q in entry.qualities)))
    if entry.triggers:
        # TRANSLATORS: what set the pain off: "After: bending; lifting".
        parts.append(_("After: {triggers}").format(
            triggers=joined(in_a_list(vocab.display("trigger", t)) for t in entry.triggers)))
    if entry.therapies:
        parts.append(_("Tried: {therapies}").format(
            therapies=joined(therapy_text(t, vocab) for t in entry.therapies)))
    if entry.for_doctor:
        parts.append(_("For the doctor"))
    if entry.entered_by:
        parts.append(_("Logged by {name}").format(name=entry.entered_by))
    return ". ".join(parts)


def entry_lines(entry: Entry, vocab: Vocabulary) -> list[tuple[str, str]]:
    """Every part of an entry as (label, value) lines, for showing one entry whole."""
    def listed(items: list[str]) -> str:
        return "; ".join(items) if items else _("not given")

    return [
        (_("ID"), entry.id or ""),
        (_("When"), when_text(entry.at)),
        (_("Pain"), pain_text(entry.pain)),
        (_("Where"), listed([site_text(s, vocab) for s in entry.sites])),
        (_("Felt"), listed([in_a_list(vocab.display("quality", q), "quality") for q in entry.qualities])),
        (_("After"), listed([in_a_list(vocab.display("trigger", t)) for t in entry.triggers])),
        (_("Tried"), listed([therapy_text(t, vocab) for t in entry.therapies])),
        (_("Note"), entry.note or pgettext("note", "none")),
        (_("For the doctor"), _("yes") if entry.for_doctor else _("no")),
        (_("Logged by"), entry.entered_by or _("the patient")),
    ]


def checkin_summary(c: CheckIn) -> str:
    """``Tue 1 Dec 2026: sleep 6, mood 7``: the day, then each answer given (the day and the rest split at ": ")."""
    items = [(_("average pain {value}"), c.peg_pain), (_("enjoyment of life {value}"), c.peg_enjoyment),
             (_("general activity {value}"), c.peg_activity), (_("sleep {value}"), c.sleep),
             (_("mood {value}"), c.mood)]
    text = ", ".join(item.format(value=value) for item, value in items if value is not None)
    score = c.peg_score
    if score is not None:
        text += "; " + _("PEG {score}").format(score=numbers.pain(score))
    return _("{when}: {details}").format(when=dates.weekday_day_year(c.day), details=text or _("note only"))


def event_summary(ev: Event, vocab: Vocabulary) -> str:
    text = shown(EVENT_KINDS, ev.kind)
    if ev.procedure:
        text = shown(PROCEDURES, ev.procedure)
    details = []
    if ev.site:
        details.append(in_a_list(vocab.display("location", ev.site)) + (f" {ev.level}" if ev.level else ""))
    elif ev.level:
        details.append(ev.level)
    if ev.t_score is not None and ev.dxa_site:
        # TRANSLATORS: a bone density result: "T-score -2.7 at lumbar spine".
        details.append(_("T-score {score} at {site}").format(score=numbers.t_score(ev.t_score),
                                                             site=in_a_list(shown(DXA_SITES, ev.dxa_site))))
    elif ev.t_score is not None:
        details.append(_("T-score {score}").format(score=numbers.t_score(ev.t_score)))
    if ev.note:
        details.append(ev.note)
    return _("{when}: {details}").format(when=when_text(ev.at),
                                         details=text + (f" ({'; '.join(details)})" if details else ""))


def days_until(day, today) -> str:
    """``today``, ``tomorrow`` or ``in 3 days``: how far ahead ``day`` is."""
    ahead = (day - today).days
    if ahead == 0:
        return _("today")
    if ahead == 1:
        return _("tomorrow")
    return ngettext("in {n} day", "in {n} days", ahead).format(n=numbers.whole(ahead))


def appointment_text(ev: Event, today) -> str:
    """``Next appointment: Dr Lee in 3 days (Thu 3 Dec 2026 10:30)``: the note names who it is with."""
    if ev.note:
        # TRANSLATORS: {who} is the note of the appointment (often the doctor's name); {when} is "today",
        # "tomorrow" or "in 3 days"; {moment} its date and time.
        return _("Next appointment: {who} {when} ({moment})").format(
            who=ev.note, when=days_until(ev.at.date(), today), moment=when_text(ev.at))
    return _("Next appointment: {when} ({moment})").format(when=days_until(ev.at.date(), today),
                                                            moment=when_text(ev.at))


def question_summary(q: Question) -> str:
    """``[open] Can I carry the shopping?``, with the answer once there is one."""
    text = f"[{q.status}] {q.text}"
    return text + (_(" — answer: {answer}").format(answer=q.answer) if q.answer else "")


def question_line(q: Question) -> str:
    """``question_summary`` with the status in the language in force, for the command line's list."""
    text = f"[{_(STATUSES[q.status]) if q.status in STATUSES else q.status}] {q.text}"
    return text + (_(" — answer: {answer}").format(answer=q.answer) if q.answer else "")


# A difference in mean pain smaller than this is "about the same": single ratings
# wobble by a point, and a trend line should not alarm anyone over noise.
TREND_MARGIN = 0.5


def trend_text(today: tuple[float | None, int], before: tuple[float | None, int], days: int = 7) -> str:
    """Today's mean pain against the average daily pain of the ``days`` before, in one line, with the counts."""
    (today_mean, today_count), (before_mean, before_count) = today, before
    if before_count:
        before_part = ngettext("the {days} day before: average daily pain {pain} ({entries})",
                               "the {days} days before: average daily pain {pain} ({entries})", days).format(
            days=numbers.whole(days), pain=numbers.pain(before_mean), entries=numbers.count(before_count, "entry"))
    else:
        before_part = ngettext("nothing logged in the {days} day before", "nothing logged in the {days} days before",
                               days).format(days=numbers.whole(days))
    if not today_count:
        # TRANSLATORS: {before} is "the 7 days before: average daily pain 4.5 (12 entries)" or "nothing logged …".
        return _("Nothing logged today; {before}.").format(before=before_part)
    today_part = _("Pain today: {pain} on average ({entries})").format(
        pain=numbers.pain(today_mean), entries=numbers.count(today_count, "entry"))
    if not before_count:
        return _("{today}; {before}.").format(today=today_part, before=before_part)
    assert today_mean is not None and before_mean is not None  # a count means a mean
    change = today_mean - before_mean
    if abs(change) < TREND_MARGIN:
        return _("{today}; {before} — about the same.").format(today=today_part, before=before_part)
    if change > 0:
        return _("{today}; {before} — higher.").format(today=today_part, before=before_part)
    return _("{today}; {before} — lower.").format(today=today_part, before=before_part)

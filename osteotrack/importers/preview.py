"""Reading a file into a plan, and the preview both faces show before anything is written."""

from __future__ import annotations

from dataclasses import dataclass

from osteotrack.domain.validate import Vocabulary
from osteotrack.i18n import N_
from osteotrack.importers.plan import ImportPlan

SHOWN_SKIPPED = 50  # rows listed one by one; more are counted

# What a place in the file is called (ImportPlan.where: line, row or entry), in each line of the preview that names it.
READ = {"line": N_("lines read: {n}"), "row": N_("rows read: {n}"), "entry": N_("entries read: {n}")}
NOT_IMPORTED = {"line": N_("lines not imported: {n}"), "row": N_("rows not imported: {n}"),
                "entry": N_("entries not imported: {n}")}
AT = {"line": N_("line {line}: {reason}"), "row": N_("row {line}: {reason}"), "entry": N_("entry {line}: {reason}")}
# Where in the file a new name was found (NewTerm.came_from; a Flaredown treatment: see _source).
CAME_FROM = {
    # TRANSLATORS: where a new name was found: a Flaredown tag.
    "tag": N_("tag"),
    # TRANSLATORS: where a new name was found: a Flaredown symptom.
    "symptom": N_("symptom"),
    # TRANSLATORS: where a new name was found: the body map of the Pain Diary app.
    "body map": N_("body map"),
    # TRANSLATORS: where a new name was found: the medicines of the Pain Diary app.
    "medication": N_("medication"),
    # TRANSLATORS: where a new name was found: the spreadsheet's column given as --where (the places of pain).
    "where": N_("where"),
    "trigger": N_("trigger"),
    "therapy": N_("therapy"),
}
# A new therapy's group, as the vocabulary's groups are called.
GROUP_WORDS = {
    # TRANSLATORS: a group of therapies: medicines.
    "medication": N_("medication"),
    # TRANSLATORS: a group of therapies: heat, exercise, physiotherapy…
    "physical": N_("physical"),
}


def _source(came_from: str) -> str:
    """Where in the file a new name was found, in words."""
    from osteotrack.i18n import _, ngettext

    if came_from == "treatment":  # the catalogs have "treatment" as a counted word (numbers.PLURALS)
        return ngettext("treatment", "treatments", 1)
    return _(CAME_FROM.get(came_from, came_from))


def read_file(path) -> bytes:
    """The bytes of the file to import; a missing, folder or unreadable path gets one sentence."""
    from pathlib import Path

    from osteotrack.domain.errors import ValidationError
    from osteotrack.domain.limits import read_limited

    try:
        return read_limited(Path(path))
    except FileNotFoundError:
        raise ValidationError("import.no_file", field="file", path=str(path)) from None
    except IsADirectoryError:
        raise ValidationError("import.from_folder", field="file", path=str(path)) from None
    except OSError as error:
        raise ValidationError("import.unreadable", field="file", path=str(path),
                              problem=(error.strerror or str(error)).lower()) from None


def plan_for(source: str, data: bytes, path: str, vocab: Vocabulary, *, columns=None, sheet: str | None = None,
             day_first: bool | None = None) -> ImportPlan:
    """Read ``data`` (the file at ``path``) as ``source`` and validate it: the plan, or one sentence."""
    if source == "flaredown":
        from osteotrack.importers import flaredown

        plan = flaredown.read(data, path, vocab)
    elif source == "pain-diary":
        from osteotrack.importers import pain_diary

        plan = pain_diary.read(data, path, vocab)
    elif source == "sheet":
        from osteotrack.importers import sheet as sheet_reader

        plan = sheet_reader.read(data, path, columns, vocab, sheet=sheet, day_first=day_first)
    else:
        raise ValueError(source)
    return plan.finish(vocab)


@dataclass
class Preview:
    """What the preview says, in lines, and the numbers a face asks about."""

    lines: list[str]
    new_entries: int
    new_checkins: int
    new_terms: int


def preview(plan: ImportPlan, path: str, whose: str, known: set[str] | None = None,
            entry_ids: list[str] | None = None, checkin_ids: list[str] | None = None) -> Preview:
    """The preview of ``plan``: rows read, what would be created, rows skipped and why, names unknown.

    ``known``: the ids the diary has already, of ``entry_ids`` and ``checkin_ids`` (the plan's records).
    """
    from osteotrack.domain.messages import KIND_WORDS
    from osteotrack.domain.numbers import whole
    from osteotrack.i18n import _, ngettext

    known = known or set()
    present = sum(1 for i in entry_ids or [] if i in known)
    new_entries = len(plan.entries) - present
    new_checkins = len(plan.checkins) - sum(1 for i in checkin_ids or [] if i in known)
    # TRANSLATORS: the preview's first line: "Flaredown export data.csv → Anna's diary".
    lines = [_("{source} {path} → {diary}").format(source=_(plan.label), path=path, diary=whose),
             "  " + _(READ[plan.where]).format(n=whole(plan.rows_read))]
    if present:
        lines.append("  " + _("entries to create: {n} ({present} already in the diary)").format(
            n=whole(new_entries), present=whole(present)))
    else:
        lines.append("  " + _("entries to create: {n}").format(n=whole(new_entries)))
    if new_checkins:
        lines.append("  " + _("check-ins to create (how you felt, as mood): {n}").format(n=whole(new_checkins)))
    if plan.skipped:
        lines.append("  " + _(NOT_IMPORTED[plan.where]).format(n=whole(len(plan.skipped))))
        for s in plan.skipped[:SHOWN_SKIPPED]:
            lines.append("    " + _(AT[plan.where]).format(line=whole(s.line), reason=s.reason))
        if len(plan.skipped) > SHOWN_SKIPPED:
            more = len(plan.skipped) - SHOWN_SKIPPED
            lines.append("    " + ngettext("… and {n} more.", "… and {n} more.", more).format(n=whole(more)))
    terms = plan.new_terms()
    if terms:
        lines.append("  " + _("names not in your vocabulary: {n}").format(n=whole(len(terms))))
        for t in terms:
            uses = plan.uses(t)
            words = {"name": t.name, "source": _source(t.came_from),
                     "kind": _(KIND_WORDS[t.kind]), "slug": t.slug, "n": whole(uses)}
            if t.group:
                # TRANSLATORS: a name of the file the vocabulary lacks: "'Alendronat' (therapy, 2 entries) → new
                # therapy 'alendronat', medication, or kept in the note"; {source}: where in the file it was found.
                line = ngettext("'{name}' ({source}, {n} entry) → new {kind} '{slug}', {group}, or kept in the note",
                                "'{name}' ({source}, {n} entries) → new {kind} '{slug}', {group}, or kept in the "
                                "note", uses).format(group=_(GROUP_WORDS.get(t.group, t.group)), **words)
            else:
                # TRANSLATORS: "'Gardening' (trigger, 1 entry) → new trigger 'gardening', or kept in the note".
                line = ngettext("'{name}' ({source}, {n} entry) → new {kind} '{slug}', or kept in the note",
                                "'{name}' ({source}, {n} entries) → new {kind} '{slug}', or kept in the note",
                                uses).format(**words)
            lines.append("    " + line)
    for text in plan.left_out:
        lines.append("  " + _("not imported: {what}").format(what=text))
    for text in plan.rules:
        lines.append(f"  {text}")
    lines.append("  " + _("Everything else the file says about an entry is kept in its note."))
    return Preview(lines, new_entries, new_checkins, len(terms))

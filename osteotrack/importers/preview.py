"""Reading a file into a plan, and the preview both faces show before anything is written."""

from __future__ import annotations

from dataclasses import dataclass

from osteotrack.domain.validate import Vocabulary
from osteotrack.importers.plan import ImportPlan

SHOWN_SKIPPED = 50  # rows listed one by one; more are counted


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
    known = known or set()
    present = sum(1 for i in entry_ids or [] if i in known)
    new_entries = len(plan.entries) - present
    new_checkins = len(plan.checkins) - sum(1 for i in checkin_ids or [] if i in known)
    many = {"line": "lines", "row": "rows", "entry": "entries"}.get(plan.where, plan.where)
    lines = [f"{plan.label} {path} → {whose}", f"  {many} read: {plan.rows_read}"]
    again = f" ({present} already in the diary)" if present else ""
    lines.append(f"  entries to create: {new_entries}{again}")
    if new_checkins:
        lines.append(f"  check-ins to create (how you felt, as mood): {new_checkins}")
    if plan.skipped:
        lines.append(f"  {many} not imported: {len(plan.skipped)}")
        for s in plan.skipped[:SHOWN_SKIPPED]:
            lines.append(f"    {plan.where} {s.line}: {s.reason}")
        if len(plan.skipped) > SHOWN_SKIPPED:
            lines.append(f"    … and {len(plan.skipped) - SHOWN_SKIPPED} more.")
    terms = plan.new_terms()
    if terms:
        lines.append(f"  names not in your vocabulary: {len(terms)}")
        for t in terms:
            group = f", {t.group}" if t.group else ""
            uses = plan.uses(t)
            lines.append(f"    '{t.name}' ({t.came_from}, {uses} {'entry' if uses == 1 else 'entries'}) → "
                         f"new {t.kind} '{t.slug}'{group}, or kept in the note")
    for text in plan.left_out:
        lines.append(f"  not imported: {text}")
    for text in plan.rules:
        lines.append(f"  {text}")
    lines.append("  Everything else the file says about an entry is kept in its note.")
    return Preview(lines, new_entries, new_checkins, len(terms))

"""The vocabulary: built-in and the user's own locations, qualities, triggers and therapies."""

from __future__ import annotations

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.validate import Vocabulary, check_slug
from osteotrack.domain.vocabulary import KINDS, THERAPY_GROUPS, Term
from osteotrack.store.part import Part


class Terms(Part):
    """The ``vocabulary`` table, read once and kept until it changes."""

    _cached: Vocabulary | None = None

    def read(self) -> Vocabulary:
        """Every term of the diary, hidden ones included (they mark them)."""
        if self._cached is None:
            rows = self._rows("SELECT kind, slug, name, grp, region, laterality, snomed, builtin, hidden"
                              " FROM vocabulary ORDER BY rowid")
            self._cached = Vocabulary([
                Term(kind=r["kind"], slug=r["slug"], name=r["name"], group=r["grp"], region=r["region"],
                     laterality=r["laterality"], snomed=r["snomed"], builtin=bool(r["builtin"]),
                     hidden=bool(r["hidden"]))
                for r in rows
            ])
        return self._cached

    def forget(self) -> None:
        """Read the table afresh next time (after a write elsewhere)."""
        self._cached = None

    def add(self, kind: str, slug: str, name: str, group: str | None = None) -> Term:
        """Add a user's own location, quality, trigger or therapy; return the new term."""
        if kind not in KINDS:
            raise ValidationError("vocab.kind_unknown", field="kind", kind=kind, kinds=", ".join(KINDS))
        slug = check_slug(slug)
        if slug in self.read().terms[kind]:
            raise ValidationError("vocab.slug_taken", field="slug", kind=kind, slug=slug)
        if not name.strip():
            raise ValidationError("vocab.name_empty", field="name")
        if kind == "therapy":
            if group not in THERAPY_GROUPS:
                raise ValidationError(
                    "vocab.group_unknown", field="group", group=group, groups=", ".join(THERAPY_GROUPS)
                )
        elif group:
            raise ValidationError("vocab.group_not_therapy", field="group")
        term = Term(kind, slug, name.strip(), group=group, builtin=False)
        with self._diary.writing():
            self._conn.execute(
                "INSERT INTO vocabulary (kind, slug, name, grp, builtin, hidden) VALUES (?, ?, ?, ?, 0, 0)",
                [kind, slug, term.name, group],
            )
        self.forget()
        return term

    def set_hidden(self, kind: str, slug: str, hidden: bool) -> None:
        """Hide a term from pick lists (or show it again); stored entries keep it."""
        slug = self.read().check(kind, slug)
        with self._diary.writing():
            self._conn.execute("UPDATE vocabulary SET hidden = ? WHERE kind = ? AND slug = ?",
                               [int(hidden), kind, slug])
        self.forget()

    def merge(self, terms: list[Term]) -> None:
        """Add the given terms this diary lacks; never rename existing ones, and hide those hidden there.

        A term hidden in the file is hidden here too: hiding never changes what an entry means,
        and it lets export → import give back the same diary. Call within ``Diary.writing()``.
        """
        existing = self.read().terms
        for t in terms:
            if t.slug in existing[t.kind]:
                if t.hidden:
                    self._conn.execute("UPDATE vocabulary SET hidden = 1 WHERE kind = ? AND slug = ?",
                                       [t.kind, t.slug])
                continue
            self._conn.execute(
                "INSERT INTO vocabulary (kind, slug, name, grp, region, laterality, snomed, builtin, hidden)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)",
                [t.kind, t.slug, t.name, t.group, t.region, t.laterality, t.snomed, int(t.hidden)],
            )
        self.forget()

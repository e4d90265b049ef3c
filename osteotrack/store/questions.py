"""Questions for the doctor: open until answered."""

from __future__ import annotations

from osteotrack.domain.errors import ValidationError
from osteotrack.domain.records import Question
from osteotrack.domain.validate import validate_question
from osteotrack.domain.when import from_storage, offset_minutes, to_utc_text
from osteotrack.store.connection import new_id, now_utc
from osteotrack.store.part import Part, Stored


class Questions(Part):
    """The ``questions`` table."""

    TABLE = "questions"

    def add(self, question: Question, profile_id: int) -> Question:
        """Validate and store a question for the profile; return it with its id."""
        question = validate_question(question)
        question.id = question.id or new_id()
        with self._diary.writing():
            self.insert(question, profile_id, now_utc())
        return question

    def insert(self, q: Question, profile_id: int, updated: str) -> None:
        """Insert an already validated question as it is (for import and the demo)."""
        self._conn.execute(
            "INSERT INTO questions (id, profile_id, text, created_utc, utc_offset_min, status, answer, updated_utc)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [q.id, profile_id, q.text, to_utc_text(q.created), offset_minutes(q.created), q.status, q.answer,
             updated],
        )

    def set_status(self, question_id: str, profile_id: int, status: str, answer: str | None = None) -> Question:
        """Mark the profile's question open, asked or answered (with the answer, if given)."""
        question = self.get(question_id, profile_id)
        if question is None:
            raise ValidationError("question.not_found", field="id", id=question_id)
        question.status = status
        if answer is not None:
            question.answer = answer.strip()
        question = validate_question(question)
        with self._diary.writing():
            self._conn.execute("UPDATE questions SET status = ?, answer = ?, updated_utc = ? WHERE id = ?",
                               [question.status, question.answer, now_utc(), question_id])
        return question

    def get(self, question_id: str, profile_id: int) -> Question | None:
        """The profile's question with this id, or None."""
        found = self.stored(profile_id, "q.id = ?", [question_id])
        return found[0].record if found else None

    def delete(self, question_id: str, profile_id: int) -> None:
        """Delete the profile's question ``question_id``."""
        with self._diary.writing():
            if self._conn.execute("DELETE FROM questions WHERE id = ? AND profile_id = ?",
                                  [question_id, profile_id]).rowcount == 0:
                raise ValidationError("question.not_found", field="id", id=question_id)

    def stored(self, profile_id: int, where: str = "1", params: list | None = None) -> list[Stored[Question]]:
        """The profile's questions (narrowed by ``where`` over ``questions q``), oldest first, with stamps."""
        rows = self._rows(
            "SELECT id, profile_id, text, created_utc, utc_offset_min, status, answer, updated_utc FROM questions q"
            f" WHERE q.profile_id = ? AND ({where}) ORDER BY created_utc, rowid", [profile_id, *(params or [])],
        )
        return [
            Stored(Question(text=r["text"], created=from_storage(r["created_utc"], r["utc_offset_min"]),
                            status=r["status"], answer=r["answer"], id=r["id"]),
                   r["profile_id"], r["created_utc"], r["updated_utc"])
            for r in rows
        ]

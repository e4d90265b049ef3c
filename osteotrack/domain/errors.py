"""The one kind of error a user sees: a stable code, the field it is about, its parameters.

The sentence is rendered from them in one place (``osteotrack.domain.messages``),
so a face can mark the field an error names without reading its words, and the
sentence can be translated::

    raise ValidationError("pain.range", field="pain", value=11)
    str(error)  # "Pain must be a whole number from 0 to 10; got '11'."
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is for the type checker only: the quick log path does not load it
if TYPE_CHECKING:
    from typing import Any


class DiaryError(Exception):
    """Bad input or an unusable diary.

    ``code`` names the rule (a key of ``messages.MESSAGES``), ``field`` the part of the
    input it is about (``"pain"``, ``"at"``, ``"where"`` …, or None for the whole),
    ``params`` the values its sentence names. ``str(error)`` is that sentence.
    """

    def __init__(self, code: str, field: str | None = None, **params: Any):
        super().__init__(code)
        self.code = code
        self.field = field
        self.params = params

    def __str__(self) -> str:
        return self.sentence()

    def sentence(self, face: str | None = None) -> str:
        """The error's sentence; ``face`` ("app") picks that face's wording where it has its own."""
        from osteotrack.domain.messages import render

        return render(self.code, self.params, face)

    def __format__(self, spec: str) -> str:
        # ``{cause:inner}`` in a template: this sentence inside another, its first letter lowered.
        if spec == "inner":
            text = str(self)
            return text[:1].lower() + text[1:]
        return format(str(self), spec)

    def __reduce__(self):  # picklable across worker processes, with its field and parameters
        return (_rebuild, (type(self), self.code, self.field, self.params))


class ValidationError(DiaryError):
    """Input that the domain refuses; nothing is stored."""


def _rebuild(cls: type[DiaryError], code: str, field: str | None, params: dict) -> DiaryError:
    return cls(code, field, **params)

"""The one kind of error a user sees: a single clear sentence."""


class DiaryError(Exception):
    """Bad input or an unusable diary; ``str(error)`` is the sentence to show."""


class ValidationError(DiaryError):
    """Input that the domain refuses; nothing is stored."""

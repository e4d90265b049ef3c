"""What ``@dataclass`` writes for a record, written once by hand for the records a quick log uses.

``@dataclass`` compiles each class's ``__init__``, ``__repr__`` and ``__eq__`` from text when its module is
imported, and ``dataclasses`` loads ``re``, ``enum`` and ``copy``: together about a quarter of the work of an
``osteotrack log`` (issue 15; counted with callgrind). The records on that path (Entry, Site, TherapyUse, the
vocabulary's Term, the store's Stored) derive from ``Record`` instead: each names its fields in ``FIELDS`` and
writes its ``__init__``; ``Record`` gives the comparison and the text. To ``dataclasses.fields``, ``replace``,
``asdict`` and ``is_dataclass`` they still are dataclasses: their ``__dataclass_fields__`` is made, by
``dataclasses`` itself, the first time it is asked for (tests/unit/test_record_base.py).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is for the type checker only: the quick log path does not load it
if TYPE_CHECKING:
    from dataclasses import Field
    from typing import Any, ClassVar, TypeVar

    T = TypeVar("T")


class _Fields:
    """A Record class's ``__dataclass_fields__``: the fields of a dataclass made from ``FIELDS``, the class's
    annotations and its ``__init__``'s defaults, kept on the class once made."""

    def __get__(self, record: object, kind: type) -> dict:
        import dataclasses

        names: tuple[str, ...] = kind.FIELDS  # type: ignore[attr-defined]
        defaults = kind.__init__.__defaults__ or ()  # type: ignore[misc]
        given = dict(zip(names[len(names) - len(defaults):], defaults))
        annotations: dict = {}
        for cls in reversed(kind.__mro__):
            annotations.update(vars(cls).get("__annotations__", {}))
        shadow = dataclasses.make_dataclass(
            kind.__name__,
            [(name, annotations.get(name, "object"), dataclasses.field(default=given[name]))
             if name in given else (name, annotations.get(name, "object")) for name in names],
            init=False, repr=False, eq=False)
        fields = shadow.__dataclass_fields__  # type: ignore[attr-defined]
        type.__setattr__(kind, "__dataclass_fields__", fields)
        return fields


class Record:
    """A record with fields ``FIELDS`` (in ``__init__``'s order): equal to another of its class with equal fields,
    shown as ``Kind(field=value, …)``, and not hashable (as a dataclass that is not frozen)."""

    __slots__ = ()
    FIELDS: ClassVar[tuple[str, ...]] = ()
    if TYPE_CHECKING:
        __dataclass_fields__: ClassVar[dict[str, Field[Any]]]
    else:
        __dataclass_fields__ = _Fields()

    def _values(self) -> tuple:
        return tuple([getattr(self, name) for name in self.FIELDS])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values() == other._values()
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS)
        return f"{type(self).__qualname__}({shown})"


class FrozenRecord(Record):
    """A Record whose fields cannot change once made (as a frozen dataclass), so it can be hashed.

    Its ``__init__`` sets the fields with ``_set``."""

    __slots__ = ()

    def _set(self, **values: object) -> None:
        self.__dict__.update(values)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self._values())


def field_names(kind: type) -> tuple[str, ...]:
    """The names of the fields of a Record or a dataclass, in order (a Record's without loading ``dataclasses``)."""
    if issubclass(kind, Record):
        return kind.FIELDS
    return tuple(kind.__dataclass_fields__)  # type: ignore[attr-defined]


def replace(record: T, **changes: Any) -> T:
    """``dataclasses.replace`` for a Record, without loading ``dataclasses``, and for any dataclass."""
    if isinstance(record, Record):
        values = {name: getattr(record, name) for name in record.FIELDS}
        values.update(changes)  # a name that is not a field: TypeError from __init__, as dataclasses.replace
        return type(record)(**values)
    import dataclasses

    return dataclasses.replace(record, **changes)  # type: ignore[type-var]

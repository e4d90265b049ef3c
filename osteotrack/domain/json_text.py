"""JSON text written as it is produced: the same characters as ``json.dumps(value, ensure_ascii=False,
indent=2)``, without holding the whole document.

Lists may be given as iterators (generators from the store): their items are written as they
come, so writing a diary of sixty years takes no more memory than writing one day. The text of
each item is built in one piece by a small encoder for what records hold (text, numbers, booleans,
None, lists and dicts), several times quicker than ``json``'s indenting encoder, written in Python:
the text around the values of a dict of a given set of keys (a record's) is made once and filled in
with ``%``; strings and keys are escaped by ``json``'s own C function.

Records (dataclasses) and dates are written as ``records.record_dict`` spells them (fields in
order, dates and times as ISO text), without making that dict first: ``json.dumps`` would refuse them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from itertools import islice
from json.encoder import encode_basestring  # the C escaper when available, as json.dumps uses

from osteotrack.domain.record_base import field_names

INDENT = "  "
_SPECIAL_FLOATS = {float("inf"): "Infinity", float("-inf"): "-Infinity"}


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    return _SPECIAL_FLOATS.get(value) or float.__repr__(value)


def _null(_value) -> str:
    return "null"


def _moment(value: date) -> str:
    return f'"{value.isoformat()}"'  # ISO text is ASCII digits and signs: nothing to escape


# The text of a value that holds no other, by its exact type (subclasses take the slower path).
_SCALARS: dict[type, Callable] = {
    str: encode_basestring, int: int.__repr__, float: _float, bool: {True: "true", False: "false"}.__getitem__,
    type(None): _null, datetime: _moment, date: _moment,
}
# The text around a dict's values (``%s`` for each), by its keys and indentation; or a record's, by its type.
_TEMPLATES: dict[tuple, str] = {}
_MAX_TEMPLATES = 512  # arbitrary dicts (another program's keys) must not fill the memory


def encode(value, pad: str = "") -> str:
    """``value`` as indented JSON text; ``pad`` is the indentation of the line it starts on."""
    scalar = _SCALARS.get(type(value))
    if scalar is not None:
        return scalar(value)
    kind = type(value)
    if kind is dict:
        return _dict(value, pad) if value else "{}"
    if kind is list or kind is tuple:
        return _list(value, pad) if value else "[]"
    if hasattr(kind, "__dataclass_fields__"):
        return _record(value, pad)
    # Subclasses (an enum of text, a named tuple) are rare: read them as json does.
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, dict):
        return encode(dict(value), pad)
    if isinstance(value, (list, tuple)):
        return encode(list(value), pad)
    if isinstance(value, date):
        return _moment(value)
    raise TypeError(f"Object of type {kind.__name__} is not JSON serializable")


def _values(values, inner: str) -> tuple:
    scalars = _SCALARS.get
    return tuple([text(v) if (text := scalars(type(v))) is not None else encode(v, inner) for v in values])


def _list(value, pad: str) -> str:
    inner = pad + INDENT
    return f"[\n{inner}" + f",\n{inner}".join(_values(value, inner)) + f"\n{pad}]"


def _dict(value: dict, pad: str) -> str:
    keys = tuple(value)
    template = _TEMPLATES.get((keys, pad))
    if template is None:
        template = _template(keys, pad, cache=all(type(k) is str for k in keys))
    return template % _values(value.values(), pad + INDENT)


def _record(record, pad: str) -> str:
    kind = type(record)
    template = _TEMPLATES.get((kind, pad))
    fields = field_names(kind)
    if template is None:
        template = _template(tuple(fields), pad, cache=True, key=(kind, pad))
    return template % _values([getattr(record, name) for name in fields], pad + INDENT)


def record_template(kind: type, pad: str) -> str:
    """The text of a record of type ``kind`` (a dataclass) at ``pad``, ``%s`` for each of its fields' values in
    order (each given as its JSON text): for writers that have the values without the record."""
    return _TEMPLATES.get((kind, pad)) or _template(field_names(kind), pad, cache=True, key=(kind, pad))


def _template(keys: tuple, pad: str, cache: bool, key: tuple | None = None) -> str:
    """The text of a dict of ``keys`` at ``pad``, ``%s`` for each value. Only dicts whose keys are all text
    are kept (a tuple of text is never equal to one holding a number, so no other dict finds one)."""
    inner = pad + INDENT
    template = ("{\n" + ",\n".join(f"{inner}{_key(k)}: ".replace("%", "%%") + "%s" for k in keys)
                + f"\n{pad}}}".replace("%", "%%"))
    if cache and len(_TEMPLATES) < _MAX_TEMPLATES:
        _TEMPLATES[key or (keys, pad)] = template
    return template


def _key(key) -> str:
    if isinstance(key, str):
        return encode_basestring(key)
    if key is True or key is False or key is None:
        return f'"{encode(key)}"'
    if isinstance(key, (int, float)):
        return f'"{encode(key)}"'
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def write(out: Callable[[str], object], value, pad: str = "") -> None:
    """Write ``value`` as indented JSON through ``out`` (a file's ``write``), iterators item by item.

    An iterator is written as it gives its items (a few hundred to a call of ``out``), and so is a dict
    holding one; anything else is written as one piece of text.
    """
    if _streamed(value):
        inner = pad + INDENT
        opened = False
        batch: list[str] = []

        def flush() -> None:
            nonlocal opened
            if batch:
                out(f"{',' if opened else '['}\n{inner}" + f",\n{inner}".join(batch))
                opened = True
                batch.clear()

        for item in value:
            if _streamed(item) or (type(item) is dict and any(map(_streamed, item.values()))):
                flush()
                out(f"{',' if opened else '['}\n{inner}")
                opened = True
                write(out, item, inner)
            else:
                batch.append(encode(item, inner))
                if len(batch) == _BATCH:
                    flush()
        flush()
        out(f"\n{pad}]" if opened else "[]")
    elif type(value) is dict and any(map(_streamed, value.values())):
        inner = pad + INDENT
        first = True
        for key, item in value.items():
            out(f"{'{' if first else ','}\n{inner}{_key(key)}: ")
            write(out, item, inner)
            first = False
        out(f"\n{pad}}}")
    else:
        out(encode(value, pad))


def write_items(out: Callable[[str], object], texts: Iterable[str], pad: str = "") -> None:
    """Write a list whose items come as their JSON text already (each made at ``pad`` + INDENT, as ``encode``
    would make it), as ``write`` writes an iterator: a batch of items to a call of ``out``."""
    inner = pad + INDENT
    between = f",\n{inner}"
    opened = False
    items = iter(texts)
    for batch in iter(lambda: list(islice(items, _BATCH)), []):
        out(f"{',' if opened else '['}\n{inner}" + between.join(batch))
        opened = True
    out(f"\n{pad}]" if opened else "[]")


_BATCH = 256  # items of a list written at once: fewer calls of ``out``, and still little held
_PLAIN = (str, int, float, list, tuple, dict, type(None), date)


def _streamed(value) -> bool:
    """Whether ``value`` is an iterator (a list written as it is read); plain values are told quickly."""
    return not isinstance(value, _PLAIN) and isinstance(value, Iterator)

"""JSON text written as it is produced: the same characters as ``json.dumps(value, ensure_ascii=False,
indent=2)``, without holding the whole document.

Lists may be given as iterators (generators from the store): their items are written as they
come, so writing a diary of sixty years takes no more memory than writing one day. The text of
each item is built in one piece by a small encoder for what records hold (text, numbers, booleans,
None, lists and dicts), which is several times quicker than ``json``'s indenting encoder, written
in Python; the text of strings and keys is escaped by ``json``'s own C function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from json.encoder import encode_basestring  # the C escaper when available, as json.dumps uses

INDENT = "  "
_CONSTANTS = {True: "true", False: "false"}
_SPECIAL_FLOATS = {float("inf"): "Infinity", float("-inf"): "-Infinity"}


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    return _SPECIAL_FLOATS.get(value) or float.__repr__(value)


def encode(value, pad: str = "") -> str:
    """``value`` as indented JSON text; ``pad`` is the indentation of the line it starts on."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if kind is bool:
        return _CONSTANTS[value]
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        return _float(value)
    if kind is dict:
        if not value:
            return "{}"
        inner = pad + INDENT
        return ("{\n" + ",\n".join(f"{inner}{encode_basestring(k) if type(k) is str else _key(k)}: {encode(v, inner)}"
                                    for k, v in value.items())
                + f"\n{pad}}}")
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        inner = pad + INDENT
        return "[\n" + ",\n".join(inner + encode(v, inner) for v in value) + f"\n{pad}]"
    # Subclasses (an enum of text, a named tuple) are rare: read them as json does.
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, dict):
        return encode(dict(value), pad)
    if isinstance(value, (list, tuple)):
        return encode(list(value), pad)
    raise TypeError(f"Object of type {kind.__name__} is not JSON serializable")


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

    An iterator is written item by item, and so is a dict holding one; anything else is written
    as one piece of text.
    """
    if isinstance(value, Iterator):
        inner = pad + INDENT
        first = True
        for item in value:
            out(f"{'[' if first else ','}\n{inner}")
            write(out, item, inner)
            first = False
        out("[]" if first else f"\n{pad}]")
    elif isinstance(value, dict) and any(isinstance(item, Iterator) for item in value.values()):
        inner = pad + INDENT
        first = True
        for key, item in value.items():
            out(f"{'{' if first else ','}\n{inner}{_key(key)}: ")
            write(out, item, inner)
            first = False
        out(f"\n{pad}}}")
    else:
        out(encode(value, pad))

"""Read payload files for ``graphdoc validate``: strict JSON, bounded."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .usage import UsageError


class PayloadError(UsageError):
    """A payload file that can't be checked at all (exit 2)."""


class _Duplicate(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Duplicate(key)
        result[key] = value
    return result


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse(text: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except _Duplicate as error:
        raise PayloadError(f"not JSON: the key {str(error)!r} appears twice in one object") from None
    except RecursionError:
        raise PayloadError("not JSON this tool can read: nested too deeply") from None
    except json.JSONDecodeError as error:
        raise PayloadError(f"not JSON: {error.msg} at line {error.lineno} column {error.colno}") from None
    except ValueError as error:
        raise PayloadError(f"not JSON: {error}") from None


def load(path: Path) -> Any:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise PayloadError(f"can't be read: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PayloadError(f"not UTF-8 text (byte {error.start})") from None
    return parse(text)


def odata_type(payload: Any) -> str:
    written = payload.get("@odata.type") if isinstance(payload, dict) else None
    if not isinstance(written, str) or not written.strip():
        raise PayloadError("no @odata.type in the payload; give --type")
    return written

"""Settings from ``[tool.graphdoc]`` in the nearest pyproject.toml.

As with ruff, the settings are those of the nearest ``pyproject.toml`` upward
from the working folder that has a ``[tool.graphdoc]`` table, and the folders
it names are relative to that file's folder. Keys: ``specs`` (the docs root),
``out`` (the output folder) and ``readings-off`` (the codes of readings not to apply,
``generator.model.readings``). Command-line arguments win over these, and these
over the built-in defaults (``specs`` and ``generated`` in the working folder, every
reading on).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from .base.choices import ALL, Readings
from .model import readings as reading_table

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

DEFAULT_SPECS = "specs"
DEFAULT_OUT = "generated"
KEYS = ("specs", "out")
READINGS_OFF = "readings-off"


class ConfigError(Exception):
    """pyproject.toml can't be read, or its [tool.graphdoc] table is wrong (exit 2)."""


@dataclass(frozen=True)
class Settings:
    specs: str = DEFAULT_SPECS
    out: str = DEFAULT_OUT
    readings: Readings = ALL


def load(folder: Path | None = None) -> Settings:
    """The settings that apply in ``folder`` (default: the working folder)."""
    start = Path(os.path.abspath(folder or Path.cwd()))
    for candidate in (start, *start.parents):
        path = candidate / "pyproject.toml"
        table = _table(path)
        if table is not None:
            return _settings(path, table, start)
    return Settings()


def _table(path: Path) -> dict[str, object] | None:
    """The [tool.graphdoc] table of ``path``; None when there is no such file or table."""
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: can't be read: {error}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: is not valid TOML: {error}") from None
    tool = data.get("tool", {})
    table = tool.get("graphdoc") if isinstance(tool, dict) else None
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.graphdoc] must be a table")
    return table


def _settings(path: Path, table: dict[str, object], start: Path) -> Settings:
    unknown = sorted(set(table) - {*KEYS, READINGS_OFF})
    if unknown:
        raise ConfigError(f"{path}: unknown [tool.graphdoc] key(s): {', '.join(unknown)}")
    values: dict[str, str] = {}
    readings = readings_off(table.get(READINGS_OFF, []), f"{path}: [tool.graphdoc] {READINGS_OFF}")
    for key in KEYS:
        if key not in table:
            continue
        value = table[key]
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{path}: [tool.graphdoc] {key} must be a folder path")
        values[key] = _relative_to(start, path.parent / value)
    if path.parent != start:  # the defaults are folders beside the settings file too
        for key, default in (("specs", DEFAULT_SPECS), ("out", DEFAULT_OUT)):
            values.setdefault(key, _relative_to(start, path.parent / default))
    return Settings(**values, readings=readings)


def readings_off(codes: object, where: str) -> Readings:
    """The readings to apply with ``codes`` (a list of reading codes) off; ``where`` begins
    the one-line error an unknown code or a value of another kind is."""
    if not isinstance(codes, list) or not all(isinstance(code, str) for code in codes):
        raise ConfigError(f"{where} must be a list of reading codes (graphdoc conventions lists them)")
    named = {code.strip().upper() for code in codes if code.strip()}
    unknown = reading_table.unknown(named)
    if unknown:
        raise ConfigError(f"{where}: unknown reading code(s) {', '.join(unknown)}; graphdoc conventions lists them")
    return Readings(frozenset(named))


def _relative_to(start: Path, target: Path) -> str:
    """``target`` as short as it can be written from ``start``: relative below it, absolute elsewhere."""
    absolute = os.path.normpath(target)
    relative = os.path.relpath(absolute, start)
    return absolute if relative.split(os.sep)[0] == os.pardir else relative

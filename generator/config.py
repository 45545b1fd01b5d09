"""Settings from ``[tool.graphdoc]`` in the working folder's pyproject.toml.

Keys: ``specs`` (the docs root) and ``out`` (the output folder). Command-line
arguments win over these, and these over the built-in defaults.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

DEFAULT_SPECS = "specs"
DEFAULT_OUT = "generated"


class ConfigError(Exception):
    """pyproject.toml can't be read, or its [tool.graphdoc] table is wrong (exit 2)."""


@dataclass(frozen=True)
class Settings:
    specs: str = DEFAULT_SPECS
    out: str = DEFAULT_OUT


def load(folder: Path | None = None) -> Settings:
    path = (folder or Path.cwd()) / "pyproject.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: can't be read: {error}") from None
    table = data.get("tool", {}).get("graphdoc", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.graphdoc] must be a table")
    unknown = sorted(set(table) - {"specs", "out"})
    if unknown:
        raise ConfigError(f"{path}: unknown [tool.graphdoc] key(s): {', '.join(unknown)}")
    values = {}
    for key in ("specs", "out"):
        if key in table:
            if not isinstance(table[key], str) or not table[key]:
                raise ConfigError(f"{path}: [tool.graphdoc] {key} must be a folder path")
            values[key] = table[key]
    return Settings(**values)

"""Format generated Python with black, the way ``black --check`` will judge it."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _mode() -> Any:
    import black

    return black.Mode(target_versions={black.TargetVersion.PY310})


def format_source(source: str) -> str:
    import black

    try:
        return black.format_str(source, mode=_mode())
    except black.NothingChanged:  # pragma: no cover - format_str returns the text as is
        return source

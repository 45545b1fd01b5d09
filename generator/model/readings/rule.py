"""A reading's switch: each reading is a function of the index, applied unless the run
turns its code off (``[tool.graphdoc] readings-off``), when it concludes nothing."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from ..index import Index

_Reading = TypeVar("_Reading", bound=Callable[..., Any])


def reading(code: str, off: object) -> Callable[[_Reading], _Reading]:
    """The reading reported by ``code``: the function it decorates (whose first argument is
    the index) runs when the index's run applies the reading, and ``off`` (nothing
    concluded: None, no rows) stands for what it returns when not. ``off`` is shared by
    every call, so it is immutable (a tuple, a frozenset)."""

    def switch(conclude: _Reading) -> _Reading:
        @wraps(conclude)
        def applied(index: Index, /, *args: Any, **kwargs: Any) -> Any:
            return conclude(index, *args, **kwargs) if index.readings.on(code) else off

        applied.code = code  # type: ignore[attr-defined]
        return cast(_Reading, applied)

    return switch

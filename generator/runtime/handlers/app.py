"""The mock service: every documented operation, served from memory.

Run it with ``graphdoc serve``, or any ASGI server: ``uvicorn <package>.handlers.app:app``.
It starts with the docs' examples in its store (``seed.json``); pass ``empty=True``
to ``create_app`` to start without them, ``me`` to choose the user ``/me`` stands
for, and your own handler objects to replace the in-memory defaults.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from starlette.applications import Starlette

from ._service import Table, build_app, load_table

TABLE: Table = load_table(Path(__file__).parent)


def create_app(
    handlers: Mapping[str, object] | None = None,
    *,
    empty: bool = False,
    me: str | None = None,
) -> Starlette:
    """The ASGI app; ``handlers`` maps a resource key (a module of this package, e.g.
    ``"synchronization_job"``) to your handler object."""
    return build_app(TABLE, handlers, empty=empty, me=me)


app = create_app()

"""The mock service: every documented operation, served from memory.

Run it with ``graphdoc serve``, or any ASGI server: ``uvicorn <package>.handlers.app:app``.
Pass your own handler objects to ``create_app`` to replace the in-memory defaults.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from starlette.applications import Starlette

from ._service import InMemory, Table, build_app, load_table
from .synchronization import SynchronizationInMemory
from .synchronization_job import SynchronizationJobInMemory
from .synchronization_schema import SynchronizationSchemaInMemory
from .synchronization_template import SynchronizationTemplateInMemory

TABLE: Table = load_table(Path(__file__).with_name("operations.json"))


def create_app(handlers: Mapping[str, object] | None = None) -> Starlette:
    """The ASGI app; ``handlers`` maps a resource key (e.g. ``"synchronization_job"``) to your handler object."""
    memory = InMemory(TABLE.operations)
    defaults: dict[str, object] = {
        "synchronization": SynchronizationInMemory(memory),
        "synchronization_job": SynchronizationJobInMemory(memory),
        "synchronization_schema": SynchronizationSchemaInMemory(memory),
        "synchronization_template": SynchronizationTemplateInMemory(memory),
    }
    return build_app(TABLE, {**defaults, **(handlers or {})})


app = create_app()

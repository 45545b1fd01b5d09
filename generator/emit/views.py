"""One model's derived views, each made when a target first asks for it and then shared.

``emit_all`` makes one ``Views`` per model and hands it to every target: the Python
names, the JSON Schema view, the mock data (the docs' examples fitted to the schemas)
and the handlers' view are each computed once, for as long as the ``Views`` lives, and
nothing is remembered between models. The targets this module builds views of (and
those they import) don't import it back: each names what it reads of a ``Views`` in a
Protocol of its own.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.ir import Model
from ..model.names import PythonNames, python_names
from ..payloads.mockdata import MockData, mock_data
from . import handlers, jsonschema, mock_cache

if TYPE_CHECKING:
    from ..payloads.validation import SchemaSet


class Views:
    def __init__(self, model: Model, workers: int | None = None) -> None:
        """``workers``: the processes a view may use (default: one per core)."""
        self.model = model
        self.workers = workers

    @cached_property
    def names(self) -> PythonNames:
        """Every Python name of the types, and the collisions that renamed some."""
        return python_names(self.model)

    @cached_property
    def schemas(self) -> jsonschema.SchemaView:
        return jsonschema.SchemaView(self.model)

    @cached_property
    def schema_set(self) -> SchemaSet:
        """The emitted schemas, loaded to check payloads with (jsonschema is imported
        here: a run whose mock data is cached never checks a payload)."""
        from ..payloads.validation import SchemaSet

        return SchemaSet.from_texts(self.schemas.texts())

    @cached_property
    def mock_entry(self) -> Path | None:
        """Where the mock data is kept between runs (``mock_cache``); None without a cache."""
        return mock_cache.entry(self.model)

    @property
    def mock_is_kept(self) -> bool:
        """Whether the mock data can be read back, so the schemas need not be loaded to make it."""
        return self.mock_entry is not None and self.mock_entry.is_file()

    @cached_property
    def mock(self) -> MockData:
        """The docs' examples as the mock and OpenAPI use them, checked against the schemas
        (kept between runs: ``mock_cache``)."""
        return mock_cache.cached(self.mock_entry, lambda: mock_data(self.model, self.schema_set, self.workers))

    @cached_property
    def handlers(self) -> handlers.HandlersView:
        return handlers.HandlersView(self)

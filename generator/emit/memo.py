"""One view per model, shared by the targets that need it.

Several targets read the same view (OpenAPI reuses the JSON Schema documents and
the handlers' operations); computing it once per model keeps that work from
being done twice. Only the last model is remembered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from ..model import Model

V = TypeVar("V")


def per_model(factory: Callable[[Model], V]) -> Callable[[Model], V]:
    last: list[tuple[Model, V]] = []

    def get(model: Model) -> V:
        if not last or last[0][0] is not model:
            last[:] = [(model, factory(model))]
        return last[0][1]

    return get


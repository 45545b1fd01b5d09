"""The microsoft.graph.entity type."""

from __future__ import annotations

import dataclasses as _dc
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class Entity(_Model):
    """Abstract base type for the entity types described here. It carries nothing but the
    key; every type that derives from it gets its id from this type.
    """

    id: str | None = None
    """Unique identifier of the entity; it serves as the key. Not nullable. Read-only."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.entity"
    _ABSTRACT: _ClassVar[bool] = True
    _POLYMORPHIC: _ClassVar[bool] = True
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("id", "id", "str", "", False, nullable=False),
    )

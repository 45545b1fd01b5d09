"""The microsoft.graph.objectDefinition type."""

from __future__ import annotations

import dataclasses as _dc
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .attribute_definition import AttributeDefinition
    from .metadata_entry import MetadataEntry


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class ObjectDefinition(_Model):
    """Describes one kind of object that a directoryDefinition exposes, such as a user or a
    group, and lists the attributes that objects of this kind have.
    """

    attributes: list[AttributeDefinition] | None = None
    """The attributes that objects of this kind have."""

    metadata: list[MetadataEntry] | None = None
    """Extra extension settings. Leave them as they are unless instructed otherwise."""

    name: str | None = None
    """Name of the object kind; no other object in the same directory definition may use
    it. Not nullable.
    """

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.objectDefinition"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field(
            "attributes",
            "attributes",
            "model",
            "attribute_definition.AttributeDefinition",
            True,
        ),
        _Field("metadata", "metadata", "model", "metadata_entry.MetadataEntry", True),
        _Field("name", "name", "str", "", False, nullable=False),
    )

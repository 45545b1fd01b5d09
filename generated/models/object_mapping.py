"""The microsoft.graph.objectMapping type."""

from __future__ import annotations

import dataclasses as _dc
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .attribute_mapping import AttributeMapping
    from .filter import Filter
    from .metadata_entry import MetadataEntry
    from .object_flow_types import ObjectFlowTypes


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class ObjectMapping(_Model):
    """Says how objects of one kind in the source directory become objects of a kind in the
    target directory.
    """

    attribute_mappings: list[AttributeMapping] | None = None
    """Which source attributes feed which target attributes, and how values flow. Functions
    can be used to transform source values.
    """

    enabled: bool | None = None
    """When true, the mapping is applied during synchronization; when false, it is ignored."""

    flow_types: frozenset[ObjectFlowTypes] | None = None
    """Which kinds of change the mapping carries to the target directory. Defaults to Add,
    Update, Delete.
    """

    metadata: list[MetadataEntry] | None = None
    """Extra extension settings. Leave them as they are unless instructed otherwise."""

    name: str | None = None
    """Friendly name of the mapping."""

    scope: Filter | None = None
    """Filter deciding whether an object is provisioned at all; for example, only users
    located in one country.
    """

    source_object_name: str | None = None
    """Name of the object kind in the source directory; it must match an object of the
    source directoryDefinition.
    """

    target_object_name: str | None = None
    """Name of the object kind in the target directory; it must match an object of the
    target directoryDefinition.
    """

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.objectMapping"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field(
            "attribute_mappings",
            "attributeMappings",
            "model",
            "attribute_mapping.AttributeMapping",
            True,
        ),
        _Field("enabled", "enabled", "bool", "", False),
        _Field(
            "flow_types",
            "flowTypes",
            "flags",
            "object_flow_types.ObjectFlowTypes",
            False,
        ),
        _Field("metadata", "metadata", "model", "metadata_entry.MetadataEntry", True),
        _Field("name", "name", "str", "", False),
        _Field("scope", "scope", "model", "filter.Filter", False),
        _Field("source_object_name", "sourceObjectName", "str", "", False),
        _Field("target_object_name", "targetObjectName", "str", "", False),
    )

"""The microsoft.graph.attributeMapping type."""

from __future__ import annotations

import dataclasses as _dc
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .attribute_flow_behavior import AttributeFlowBehavior
    from .attribute_flow_type import AttributeFlowType
    from .attribute_mapping_source import AttributeMappingSource


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class AttributeMapping(_Model):
    """Says how the value of one attribute of the target object is produced from the source
    object.
    """

    default_value: str | None = None
    """Value to write when the source evaluates to null. Optional."""

    export_missing_references: bool | None = None
    """Reserved for internal use."""

    flow_behavior: AttributeFlowBehavior | None = None
    """Decides when the attribute is written to the target directory. Defaults to
    FlowWhenChanged.
    """

    flow_type: AttributeFlowType | None = None
    """Decides in which situations the attribute is updated in the target directory.
    Defaults to Always.
    """

    matching_priority: int | None = None
    """When above 0, the attribute is used to pair up existing source and target objects.
    The engine tries the attribute with the lowest priority number first and moves on to
    the next one until it finds a match or runs out of matching attributes. Use only
    attributes whose values are unique, such as an email address.
    """

    source: AttributeMappingSource | None = None
    """How the value is read from, or computed out of, the source object."""

    target_attribute_name: str | None = None
    """Name of the attribute on the target object."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.attributeMapping"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("default_value", "defaultValue", "str", "", False),
        _Field(
            "export_missing_references", "exportMissingReferences", "bool", "", False
        ),
        _Field(
            "flow_behavior",
            "flowBehavior",
            "enum",
            "attribute_flow_behavior.AttributeFlowBehavior",
            False,
        ),
        _Field(
            "flow_type",
            "flowType",
            "enum",
            "attribute_flow_type.AttributeFlowType",
            False,
        ),
        _Field("matching_priority", "matchingPriority", "int32", "", False),
        _Field(
            "source",
            "source",
            "model",
            "attribute_mapping_source.AttributeMappingSource",
            False,
        ),
        _Field("target_attribute_name", "targetAttributeName", "str", "", False),
    )

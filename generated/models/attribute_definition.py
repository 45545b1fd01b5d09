"""The microsoft.graph.attributeDefinition type."""

from __future__ import annotations

import dataclasses as _dc
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .attribute_type import AttributeType
    from .metadata_entry import MetadataEntry
    from .mutability import Mutability
    from .referenced_object import ReferencedObject


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class AttributeDefinition(_Model):
    """Describes one attribute of an object in a directory: its data type and how the
    synchronization engine should treat it.
    """

    anchor: bool | None = None
    """true when this attribute identifies the object for synchronization. An anchor value
    must be unique and must never change. Every object needs exactly one anchor
    attribute. Defaults to false.
    """

    case_exact: bool | None = None
    """true when letter case matters when comparing values; this affects how changes to the
    attribute are detected.
    """

    default_value: str | None = None
    """Value to use when a required attribute has no value."""

    flow_null_values: bool | None = None
    """true when a null value may be written to the attribute."""

    metadata: list[MetadataEntry] | None = None
    """Extra extension settings. Leave them as they are unless instructed otherwise."""

    multivalued: bool | None = None
    """true when the attribute can hold more than one value. Defaults to false."""

    mutability: Mutability | None = None
    """Whether, and how, the attribute can be changed. Defaults to ReadWrite."""

    name: str | None = None
    """Name of the attribute; no other attribute of the same object definition may use it.
    Not nullable.
    """

    referenced_objects: list[ReferencedObject] | None = None
    """For attributes of the Reference type, the kinds of objects they can point to; for
    example, a manager attribute points to User.
    """

    required: bool | None = None
    """true when objects can't be created without this attribute. When a required attribute
    is empty during synchronization, its default value is used; if there is no default,
    an error is recorded.
    """

    type: AttributeType | None = None
    """Data type of the attribute's values. Defaults to String."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.attributeDefinition"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("anchor", "anchor", "bool", "", False),
        _Field("case_exact", "caseExact", "bool", "", False),
        _Field("default_value", "defaultValue", "str", "", False),
        _Field("flow_null_values", "flowNullValues", "bool", "", False),
        _Field("metadata", "metadata", "model", "metadata_entry.MetadataEntry", True),
        _Field("multivalued", "multivalued", "bool", "", False),
        _Field("mutability", "mutability", "enum", "mutability.Mutability", False),
        _Field("name", "name", "str", "", False, nullable=False),
        _Field(
            "referenced_objects",
            "referencedObjects",
            "model",
            "referenced_object.ReferencedObject",
            True,
        ),
        _Field("required", "required", "bool", "", False),
        _Field("type", "type", "enum", "attribute_type.AttributeType", False),
    )

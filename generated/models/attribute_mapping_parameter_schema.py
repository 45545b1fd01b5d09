"""The microsoft.graph.attributeMappingParameterSchema type."""

from __future__ import annotations

import dataclasses as _dc
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .attribute_type import AttributeType


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class AttributeMappingParameterSchema(_Model):
    """Describes one parameter of a function used in attribute mapping expressions."""

    allow_multiple_occurrences: bool | None = None
    """true when the parameter can be passed more than once, as the values of a function
    that joins any number of strings.
    """

    name: str | None = None
    """Name of the parameter."""

    required: bool | None = None
    """true when the parameter must be supplied."""

    type: AttributeType | None = None
    """Data type the parameter expects. Defaults to String."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.attributeMappingParameterSchema"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field(
            "allow_multiple_occurrences", "allowMultipleOccurrences", "bool", "", False
        ),
        _Field("name", "name", "str", "", False),
        _Field("required", "required", "bool", "", False),
        _Field("type", "type", "enum", "attribute_type.AttributeType", False),
    )

"""The microsoft.graph.attributeMappingFunctionSchema type."""

from __future__ import annotations

import dataclasses as _dc
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .attribute_mapping_parameter_schema import AttributeMappingParameterSchema


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class AttributeMappingFunctionSchema(_Model):
    """Describes a function that can be used in attribute mapping expressions."""

    name: str | None = None
    """Name of the function."""

    parameters: list[AttributeMappingParameterSchema] | None = None
    """The parameters the function accepts."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.attributeMappingFunctionSchema"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("name", "name", "str", "", False),
        _Field(
            "parameters",
            "parameters",
            "model",
            "attribute_mapping_parameter_schema.AttributeMappingParameterSchema",
            True,
        ),
    )

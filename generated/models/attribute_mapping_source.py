"""The microsoft.graph.attributeMappingSource type."""

from __future__ import annotations

import dataclasses as _dc
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .attribute_mapping_source_type import AttributeMappingSourceType
    from .string_key_attribute_mapping_source_value_pair import (
        StringKeyAttributeMappingSourceValuePair,
    )


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class AttributeMappingSource(_Model):
    """The source side of an attributeMapping. It is either an attribute of the source
    object, a constant, or a function whose parameters are in turn attribute mapping
    sources, so expressions of any depth can be built.
    """

    expression: str | None = None
    """The same source written as an expression string."""

    name: str | None = None
    """Depending on type: the function name, the source attribute name, or the constant
    value.
    """

    parameters: list[StringKeyAttributeMappingSourceValuePair] | None = None
    """The arguments of the function, each itself an attributeMappingSource. Empty unless
    type is Function.
    """

    type: AttributeMappingSourceType | None = None
    """What kind of source this is. Defaults to Attribute."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.attributeMappingSource"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("expression", "expression", "str", "", False),
        _Field("name", "name", "str", "", False),
        _Field(
            "parameters",
            "parameters",
            "model",
            "string_key_attribute_mapping_source_value_pair.StringKeyAttributeMappingSourceValuePair",
            True,
        ),
        _Field(
            "type",
            "type",
            "enum",
            "attribute_mapping_source_type.AttributeMappingSourceType",
            False,
        ),
    )

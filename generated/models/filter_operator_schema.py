"""The microsoft.graph.filterOperatorSchema type."""

from __future__ import annotations

import dataclasses as _dc
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .attribute_type import AttributeType
    from .scope_operator_multi_valued_comparison_type import (
        ScopeOperatorMultiValuedComparisonType,
    )
    from .scope_operator_type import ScopeOperatorType


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class FilterOperatorSchema(_Model):
    """Describes an operator that can be used in the clauses of scoping filters."""

    arity: ScopeOperatorType | None = None
    """How many operands the operator takes. Defaults to Binary."""

    multivalued_comparison_type: ScopeOperatorMultiValuedComparisonType | None = None
    """For attributes with several values, whether all of them or just one must satisfy the
    condition. Defaults to All.
    """

    name: str | None = None
    """Name of the operator."""

    supported_attribute_types: list[AttributeType] | None = None
    """The attribute data types the operator can be used with."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.filterOperatorSchema"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field(
            "arity", "arity", "enum", "scope_operator_type.ScopeOperatorType", False
        ),
        _Field(
            "multivalued_comparison_type",
            "multivaluedComparisonType",
            "enum",
            "scope_operator_multi_valued_comparison_type.ScopeOperatorMultiValuedComparisonType",
            False,
        ),
        _Field("name", "name", "str", "", False),
        _Field(
            "supported_attribute_types",
            "supportedAttributeTypes",
            "enum",
            "attribute_type.AttributeType",
            True,
        ),
    )

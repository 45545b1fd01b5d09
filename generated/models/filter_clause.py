"""The microsoft.graph.filterClause type."""

from __future__ import annotations

import dataclasses as _dc
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .filter_operand import FilterOperand


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class FilterClause(_Model):
    """A single condition in a scoping filter: an attribute of the source object compared
    with one or more values.
    """

    operator_name: str | None = None
    """Name of the operator that compares the source operand with the target operand. It
    has to be one of the operators returned by List filter operators.
    """

    source_operand_name: str | None = None
    """Name of the attribute being tested; it must be an attribute of the source object."""

    target_operand: FilterOperand | None = None
    """The values the source attribute is compared with."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.filterClause"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("operator_name", "operatorName", "str", "", False),
        _Field("source_operand_name", "sourceOperandName", "str", "", False),
        _Field(
            "target_operand",
            "targetOperand",
            "model",
            "filter_operand.FilterOperand",
            False,
        ),
    )

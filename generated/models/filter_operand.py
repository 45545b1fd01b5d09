"""The microsoft.graph.filterOperand type."""

from __future__ import annotations

import dataclasses as _dc
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class FilterOperand(_Model):
    """The values that a filter clause compares a source attribute with."""

    values: list[str] | None = None
    """The values to compare with."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.filterOperand"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("values", "values", "str", "", True),
    )

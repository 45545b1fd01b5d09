"""The microsoft.graph.filterGroup type."""

from __future__ import annotations

import dataclasses as _dc
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .filter_clause import FilterClause


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class FilterGroup(_Model):
    """A named set of filter clauses that all have to hold for the group to match."""

    clauses: list[FilterClause] | None = None
    """The conditions of the group. The group evaluates to true only when every clause
    holds.
    """

    name: str | None = None
    """Human-readable name of the group."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.filterGroup"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("clauses", "clauses", "model", "filter_clause.FilterClause", True),
        _Field("name", "name", "str", "", False),
    )

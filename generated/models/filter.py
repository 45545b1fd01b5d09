"""The microsoft.graph.filter type."""

from __future__ import annotations

import dataclasses as _dc
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .filter_group import FilterGroup


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class Filter(_Model):
    """A scoping filter that decides which objects an objectMapping handles. Each property
    holds a set of filter groups; an object passes a set when at least one group in it
    evaluates to true.
    """

    category_filter_groups: list[FilterGroup] | None = None
    """Experimental. Groups that decide whether an object belongs to this mapping and is
    processed by it.
    """

    groups: list[FilterGroup] | None = None
    """Groups that decide whether an object is in scope for provisioning; this is the set
    to use in most cases. An object that was in scope and later stops matching, because
    the object or the filter changed, is deprovisioned.
    """

    input_filter_groups: list[FilterGroup] | None = None
    """Experimental. Groups applied as objects are read from the directory; objects that
    don't match are dropped early. An object that stops matching later is not
    deprovisioned.
    """

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.filter"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field(
            "category_filter_groups",
            "categoryFilterGroups",
            "model",
            "filter_group.FilterGroup",
            True,
        ),
        _Field("groups", "groups", "model", "filter_group.FilterGroup", True),
        _Field(
            "input_filter_groups",
            "inputFilterGroups",
            "model",
            "filter_group.FilterGroup",
            True,
        ),
    )

"""The microsoft.graph.attributeMappingSourceType values."""

from __future__ import annotations

import enum as _enum


class AttributeMappingSourceType(_enum.Enum):
    """The kind of an attribute mapping source."""

    ATTRIBUTE = "Attribute"
    """The value of an attribute of the source object."""

    CONSTANT = "Constant"
    """A fixed value."""

    FUNCTION = "Function"
    """The result of a function applied to other sources."""

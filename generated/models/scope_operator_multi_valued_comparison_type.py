"""The microsoft.graph.scopeOperatorMultiValuedComparisonType values."""

from __future__ import annotations

import enum as _enum


class ScopeOperatorMultiValuedComparisonType(_enum.Enum):
    """How a filter operator treats attributes that have several values."""

    ALL = "All"
    """Every value must satisfy the condition."""

    ANY = "Any"
    """One value satisfying the condition is enough."""

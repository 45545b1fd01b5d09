"""The microsoft.graph.scopeOperatorType values."""

from __future__ import annotations

import enum as _enum


class ScopeOperatorType(_enum.Enum):
    """How many operands a filter operator takes."""

    BINARY = "Binary"
    """The operator compares the attribute with target values."""

    UNARY = "Unary"
    """The operator only looks at the attribute, for example to test whether it is empty."""

"""The microsoft.graph.attributeType values."""

from __future__ import annotations

import enum as _enum


class AttributeType(_enum.Enum):
    """The data type of an attribute value."""

    STRING = "String"
    """Text."""

    INTEGER = "Integer"
    """Whole number."""

    REFERENCE = "Reference"
    """Points to another object."""

    BINARY = "Binary"
    """Raw bytes."""

    BOOLEAN = "Boolean"
    """true or false."""

    DATE_TIME = "DateTime"
    """Date and time."""

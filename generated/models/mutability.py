"""The microsoft.graph.mutability values."""

from __future__ import annotations

import enum as _enum


class Mutability(_enum.Enum):
    """Whether, and how, the value of an attribute can be changed."""

    READ_WRITE = "ReadWrite"
    """The value can be read and written."""

    READ_ONLY = "ReadOnly"
    """The value can be read but not written."""

    IMMUTABLE = "Immutable"
    """The value is set when the object is created and never changes afterward."""

    WRITE_ONLY = "WriteOnly"
    """The value can be written but not read back."""

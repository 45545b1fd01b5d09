"""The microsoft.graph.directoryDefinitionDiscoverabilities values."""

from __future__ import annotations

import enum as _enum


class DirectoryDefinitionDiscoverabilities(_enum.Enum):
    """Which parts of a directory's schema an application lets the service discover. This
    is a flags enumeration: a value may combine several members, written as a
    comma-separated list of member names.
    """

    NONE = "None"
    """Nothing can be discovered."""

    ATTRIBUTE_NAMES = "AttributeNames"
    """Attribute names can be discovered."""

    ATTRIBUTE_DATA_TYPES = "AttributeDataTypes"
    """Attribute data types can be discovered."""

    ATTRIBUTE_READ_ONLY = "AttributeReadOnly"
    """Whether attributes are read-only can be discovered."""

    REFERENCE_ATTRIBUTES = "ReferenceAttributes"
    """Reference attributes can be discovered."""

    UNKNOWN_FUTURE_VALUE = "UnknownFutureValue"
    """Marker for members added in the future."""

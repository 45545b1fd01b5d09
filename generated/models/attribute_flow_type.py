"""The microsoft.graph.attributeFlowType values."""

from __future__ import annotations

import enum as _enum


class AttributeFlowType(_enum.Enum):
    """In which situations an attribute mapping updates the target attribute."""

    ALWAYS = "Always"
    """Whenever the object is created or updated."""

    OBJECT_ADD_ONLY = "ObjectAddOnly"
    """Only when the object is created in the target directory."""

    MULTI_VALUE_ADD_ONLY = "MultiValueAddOnly"
    """Only when values are added to a multivalued attribute."""

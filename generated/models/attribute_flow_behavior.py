"""The microsoft.graph.attributeFlowBehavior values."""

from __future__ import annotations

import enum as _enum


class AttributeFlowBehavior(_enum.Enum):
    """When an attribute value is written to the target directory."""

    FLOW_WHEN_CHANGED = "FlowWhenChanged"
    """Only when the value differs from the one last written."""

    FLOW_ALWAYS = "FlowAlways"
    """Every time the object is exported."""

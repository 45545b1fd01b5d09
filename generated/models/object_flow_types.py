"""The microsoft.graph.objectFlowTypes values."""

from __future__ import annotations

import enum as _enum


class ObjectFlowTypes(_enum.Enum):
    """The kinds of change that an object mapping carries to the target directory. This is
    a flags enumeration: a value may combine several members, written as a
    comma-separated list of member names.
    """

    NONE = "None"
    """No changes flow."""

    ADD = "Add"
    """New objects are created in the target directory."""

    UPDATE = "Update"
    """Existing objects are modified."""

    DELETE = "Delete"
    """Objects are deprovisioned."""

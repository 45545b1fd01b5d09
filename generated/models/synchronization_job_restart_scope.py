"""The microsoft.graph.synchronizationJobRestartScope values."""

from __future__ import annotations

import enum as _enum


class SynchronizationJobRestartScope(_enum.Enum):
    """The parts of a synchronization job's state that can be reset when the job restarts.
    This is a flags enumeration: a value may combine several members, written as a
    comma-separated list of member names.
    """

    CONNECTOR_DATA_STORE = "ConnectorDataStore"
    """Clear the data the job stored about the target directory."""

    ESCROWS = "Escrows"
    """Clear the entries that are in error."""

    WATERMARK = "Watermark"
    """Forget where the last incremental run stopped, so everything is read again."""

    QUARANTINE_STATE = "QuarantineState"
    """Lift the quarantine."""

    FULL = "Full"
    """Reset all of the above."""

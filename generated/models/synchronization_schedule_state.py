"""The microsoft.graph.synchronizationScheduleState values."""

from __future__ import annotations

import enum as _enum


class SynchronizationScheduleState(_enum.Enum):
    """Whether the schedule of a synchronization job is in force."""

    ACTIVE = "Active"
    """The job runs at every interval."""

    DISABLED = "Disabled"
    """The schedule is switched off and the job doesn't run."""

    PAUSED = "Paused"
    """Runs are suspended for now; the job keeps its state."""

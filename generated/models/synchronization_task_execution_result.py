"""The microsoft.graph.synchronizationTaskExecutionResult values."""

from __future__ import annotations

import enum as _enum


class SynchronizationTaskExecutionResult(_enum.Enum):
    """How a single run of a synchronization job ended."""

    SUCCEEDED = "Succeeded"
    """The run finished without errors."""

    FAILED = "Failed"
    """The run stopped because of an error."""

    ENTRY_LEVEL_ERRORS = "EntryLevelErrors"
    """The run finished, but some entries could not be processed."""

"""The microsoft.graph.synchronizationStatusCode values."""

from __future__ import annotations

import enum as _enum


class SynchronizationStatusCode(_enum.Enum):
    """Values of synchronizationStatus.code."""

    NOT_CONFIGURED = "NotConfigured"

    NOT_RUN = "NotRun"

    ACTIVE = "Active"

    PAUSED = "Paused"

    QUARANTINE = "Quarantine"

"""The microsoft.graph.quarantineReason values."""

from __future__ import annotations

import enum as _enum


class QuarantineReason(_enum.Enum):
    """Why a synchronization job was put in quarantine."""

    ENCOUNTERED_BASE_ESCROW_THRESHOLD = "EncounteredBaseEscrowThreshold"
    """The number of failed entries passed the base threshold."""

    ENCOUNTERED_TOTAL_ESCROW_THRESHOLD = "EncounteredTotalEscrowThreshold"
    """The total number of failed entries passed its threshold."""

    ENCOUNTERED_ESCROW_PROPORTION_THRESHOLD = "EncounteredEscrowProportionThreshold"
    """Failed entries made up too large a share of all entries."""

    ENCOUNTERED_QUARANTINE_EXCEPTION = "EncounteredQuarantineException"
    """The job hit an error that always leads to quarantine, such as credentials that are
    no longer valid.
    """

    UNKNOWN = "Unknown"
    """The cause could not be determined."""

    QUARANTINED_ON_DEMAND = "QuarantinedOnDemand"
    """Someone asked for the job to be quarantined."""

    TOO_MANY_DELETES = "TooManyDeletes"
    """A run would have deleted more objects than the configured limit allows."""

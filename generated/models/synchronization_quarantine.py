"""The microsoft.graph.synchronizationQuarantine type."""

from __future__ import annotations

import dataclasses as _dc
import datetime as _dt
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .quarantine_reason import QuarantineReason
    from .synchronization_error import SynchronizationError


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class SynchronizationQuarantine(_Model):
    """Explains why a synchronizationJob was put in quarantine. While in quarantine, a job
    runs less often; the service re-evaluates the quarantine at intervals and lifts it
    once the cause is gone.
    """

    current_began: _dt.datetime | None = None
    """When the quarantine was most recently evaluated and applied, as an ISO 8601
    timestamp in UTC.
    """

    error: SynchronizationError | None = None
    """The error or errors that caused the quarantine."""

    next_attempt: _dt.datetime | None = None
    """When the service will next check whether the quarantine can be lifted, as an ISO
    8601 timestamp in UTC.
    """

    reason: QuarantineReason | None = None
    """Why the quarantine was applied."""

    series_began: _dt.datetime | None = None
    """When the current series of quarantines started. A series begins the first time the
    job is quarantined and ends when the quarantine is lifted.
    """

    series_count: int | None = None
    """How many times in the current series the quarantine was re-evaluated and kept in
    place.
    """

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.synchronizationQuarantine"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("current_began", "currentBegan", "datetime", "", False),
        _Field(
            "error",
            "error",
            "model",
            "synchronization_error.SynchronizationError",
            False,
        ),
        _Field("next_attempt", "nextAttempt", "datetime", "", False),
        _Field("reason", "reason", "enum", "quarantine_reason.QuarantineReason", False),
        _Field("series_began", "seriesBegan", "datetime", "", False),
        _Field("series_count", "seriesCount", "int64", "", False),
    )

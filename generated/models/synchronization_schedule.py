"""The microsoft.graph.synchronizationSchedule type."""

from __future__ import annotations

import dataclasses as _dc
import datetime as _dt
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .synchronization_schedule_state import SynchronizationScheduleState


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class SynchronizationSchedule(_Model):
    """Describes when a synchronizationJob runs: how long to wait between runs, whether the
    schedule is in force, and when it ends.
    """

    expiration: _dt.datetime | None = None
    """Point in time after which the job is no longer scheduled, as an ISO 8601 timestamp
    in UTC, for example 2026-01-15T00:00:00Z.
    """

    interval: _dt.timedelta | None = None
    """Time between the start of two consecutive runs, as an ISO 8601 duration such as
    PT40M.
    """

    state: SynchronizationScheduleState | None = None
    """Whether the schedule is currently in force."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.synchronizationSchedule"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("expiration", "expiration", "datetime", "", False),
        _Field("interval", "interval", "duration", "", False),
        _Field(
            "state",
            "state",
            "enum",
            "synchronization_schedule_state.SynchronizationScheduleState",
            False,
        ),
    )

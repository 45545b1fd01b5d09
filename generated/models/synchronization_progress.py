"""The microsoft.graph.synchronizationProgress type."""

from __future__ import annotations

import dataclasses as _dc
import datetime as _dt
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class SynchronizationProgress(_Model):
    """One observation of how far a synchronization job has progressed, expressed as a
    ratio of work units.
    """

    completed_units: int | None = None
    """Units of change already handled; the top of the progress ratio."""

    progress_observation_date_time: _dt.datetime | None = None
    """When this observation was made, as an ISO 8601 timestamp."""

    total_units: int | None = None
    """Units of change to handle before synchronization is complete; the bottom of the
    progress ratio.
    """

    units: str | None = None
    """Optional label saying what a unit is."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.synchronizationProgress"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("completed_units", "completedUnits", "int32", "", False),
        _Field(
            "progress_observation_date_time",
            "progressObservationDateTime",
            "datetime",
            "",
            False,
        ),
        _Field("total_units", "totalUnits", "int32", "", False),
        _Field("units", "units", "str", "", False),
    )

"""The microsoft.graph.synchronizationTaskExecution type."""

from __future__ import annotations

import dataclasses as _dc
import datetime as _dt
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .synchronization_error import SynchronizationError
    from .synchronization_task_execution_result import (
        SynchronizationTaskExecutionResult,
    )


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class SynchronizationTaskExecution(_Model):
    """Describes a single run of a synchronization job: when it happened, what it
    processed, and how it ended.
    """

    activity_identifier: str | None = None
    """Identifier of the run."""

    count_entitled: int | None = None
    """Number of processed entries that are assigned to the application."""

    count_entitled_for_provisioning: int | None = None
    """Number of processed entries that are assigned for provisioning."""

    count_escrowed: int | None = None
    """Number of entries that ended in error (escrow)."""

    count_escrowed_raw: int | None = None
    """Number of entries in escrow, counting escrows created by the system as well."""

    count_exported: int | None = None
    """Number of entries actually exported."""

    count_exports: int | None = None
    """Number of entries that were due to be exported."""

    count_imported: int | None = None
    """Number of entries imported."""

    count_imported_deltas: int | None = None
    """Number of incremental changes imported."""

    count_imported_reference_deltas: int | None = None
    """Number of imported incremental changes that affect references."""

    error: SynchronizationError | None = None
    """What went wrong, when the run ran into an error."""

    state: SynchronizationTaskExecutionResult | None = None
    """How the run ended."""

    time_began: _dt.datetime | None = None
    """When the run started, as an ISO 8601 timestamp in UTC."""

    time_ended: _dt.datetime | None = None
    """When the run finished, as an ISO 8601 timestamp in UTC."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.synchronizationTaskExecution"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("activity_identifier", "activityIdentifier", "str", "", False),
        _Field("count_entitled", "countEntitled", "int64", "", False),
        _Field(
            "count_entitled_for_provisioning",
            "countEntitledForProvisioning",
            "int64",
            "",
            False,
        ),
        _Field("count_escrowed", "countEscrowed", "int64", "", False),
        _Field("count_escrowed_raw", "countEscrowedRaw", "int64", "", False),
        _Field("count_exported", "countExported", "int64", "", False),
        _Field("count_exports", "countExports", "int64", "", False),
        _Field("count_imported", "countImported", "int64", "", False),
        _Field("count_imported_deltas", "countImportedDeltas", "int64", "", False),
        _Field(
            "count_imported_reference_deltas",
            "countImportedReferenceDeltas",
            "int64",
            "",
            False,
        ),
        _Field(
            "error",
            "error",
            "model",
            "synchronization_error.SynchronizationError",
            False,
        ),
        _Field(
            "state",
            "state",
            "enum",
            "synchronization_task_execution_result.SynchronizationTaskExecutionResult",
            False,
        ),
        _Field("time_began", "timeBegan", "datetime", "", False),
        _Field("time_ended", "timeEnded", "datetime", "", False),
    )

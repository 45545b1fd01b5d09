"""The microsoft.graph.synchronizationStatus type."""

from __future__ import annotations

import dataclasses as _dc
import datetime as _dt
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .string_key_long_value_pair import StringKeyLongValuePair
    from .synchronization_progress import SynchronizationProgress
    from .synchronization_quarantine import SynchronizationQuarantine
    from .synchronization_task_execution import SynchronizationTaskExecution


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class SynchronizationStatus(_Model):
    """Summarizes the state of a synchronization job: its recent runs, its progress, and
    whether it is in quarantine.
    """

    code: str | None = None
    """Overall status of the job. Possible values are: NotConfigured, NotRun, Active,
    Paused, Quarantine.
    """

    count_successive_complete_failures: int | None = None
    """How many runs in a row have failed completely."""

    escrows_pruned: bool | None = None
    """true when object-level errors (escrows) were discarded during the initial cycle.
    This happens when the initial cycle hits the error threshold that would normally
    quarantine the job: the errors are cleared, the cycle runs to completion, and the
    job then pauses until an administrator has dealt with the errors.
    """

    last_execution: SynchronizationTaskExecution | None = None
    """Details of the most recent run."""

    last_successful_execution: SynchronizationTaskExecution | None = None
    """Details of the most recent run that finished without any error."""

    last_successful_execution_with_exports: SynchronizationTaskExecution | None = None
    """Details of the most recent run that wrote objects to the target directory."""

    progress: list[SynchronizationProgress] | None = None
    """Progress observations that show how far the job is from being complete."""

    quarantine: SynchronizationQuarantine | None = None
    """Quarantine details; only set when the job is in quarantine."""

    steady_state_first_achieved_time: _dt.datetime | None = None
    """When the job first reached steady state, meaning no changes were left to process.
    ISO 8601 timestamp in UTC.
    """

    steady_state_last_achieved_time: _dt.datetime | None = None
    """When the job most recently reached steady state. ISO 8601 timestamp in UTC."""

    synchronized_entry_count_by_type: list[StringKeyLongValuePair] | None = None
    """Number of objects synchronized so far, grouped by object type."""

    troubleshooting_url: str | None = None
    """Address of guidance for fixing the error the job ran into, if any."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.synchronizationStatus"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("code", "code", "str", "", False),
        _Field(
            "count_successive_complete_failures",
            "countSuccessiveCompleteFailures",
            "int64",
            "",
            False,
        ),
        _Field("escrows_pruned", "escrowsPruned", "bool", "", False),
        _Field(
            "last_execution",
            "lastExecution",
            "model",
            "synchronization_task_execution.SynchronizationTaskExecution",
            False,
        ),
        _Field(
            "last_successful_execution",
            "lastSuccessfulExecution",
            "model",
            "synchronization_task_execution.SynchronizationTaskExecution",
            False,
        ),
        _Field(
            "last_successful_execution_with_exports",
            "lastSuccessfulExecutionWithExports",
            "model",
            "synchronization_task_execution.SynchronizationTaskExecution",
            False,
        ),
        _Field(
            "progress",
            "progress",
            "model",
            "synchronization_progress.SynchronizationProgress",
            True,
        ),
        _Field(
            "quarantine",
            "quarantine",
            "model",
            "synchronization_quarantine.SynchronizationQuarantine",
            False,
        ),
        _Field(
            "steady_state_first_achieved_time",
            "steadyStateFirstAchievedTime",
            "datetime",
            "",
            False,
        ),
        _Field(
            "steady_state_last_achieved_time",
            "steadyStateLastAchievedTime",
            "datetime",
            "",
            False,
        ),
        _Field(
            "synchronized_entry_count_by_type",
            "synchronizedEntryCountByType",
            "model",
            "string_key_long_value_pair.StringKeyLongValuePair",
            True,
        ),
        _Field("troubleshooting_url", "troubleshootingUrl", "str", "", False),
    )

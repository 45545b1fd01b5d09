"""The microsoft.graph.synchronizationJob type."""

from __future__ import annotations

import dataclasses as _dc
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from .entity import Entity

if TYPE_CHECKING:
    from .key_value_pair import KeyValuePair
    from .synchronization_schedule import SynchronizationSchedule
    from .synchronization_schema import SynchronizationSchema
    from .synchronization_status import SynchronizationStatus


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class SynchronizationJob(Entity):
    """A background process that runs on a schedule, picks up the changes made in a source
    directory since its last run, and writes them to a target directory. A job always
    belongs to a single application instance (service principal) in the tenant. To set a
    job up, you authorize it to read and write objects in the target directory and, if
    needed, adjust its synchronization schema.
    """

    schedule: SynchronizationSchedule | None = None
    """When and how often the job runs. Read-only."""

    status: SynchronizationStatus | None = None
    """Where the job stands: its last runs, its overall status code and any errors it hit."""

    synchronization_job_settings: list[KeyValuePair] | None = None
    """Settings that apply to this job. Part of them are copied from the template the job
    was created from.
    """

    template_id: str | None = None
    """Identifier of the synchronizationTemplate the job was created from."""

    schema: SynchronizationSchema | None = None
    """The synchronization schema that the job currently uses."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.synchronizationJob"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = True
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field(
            "schedule",
            "schedule",
            "model",
            "synchronization_schedule.SynchronizationSchedule",
            False,
        ),
        _Field(
            "status",
            "status",
            "model",
            "synchronization_status.SynchronizationStatus",
            False,
        ),
        _Field(
            "synchronization_job_settings",
            "synchronizationJobSettings",
            "model",
            "key_value_pair.KeyValuePair",
            True,
        ),
        _Field("template_id", "templateId", "str", "", False),
        _Field(
            "schema",
            "schema",
            "model",
            "synchronization_schema.SynchronizationSchema",
            False,
        ),
    )

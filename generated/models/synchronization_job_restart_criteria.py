"""The microsoft.graph.synchronizationJobRestartCriteria type."""

from __future__ import annotations

import dataclasses as _dc
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .synchronization_job_restart_scope import SynchronizationJobRestartScope


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class SynchronizationJobRestartCriteria(_Model):
    """Says which parts of a synchronization job's stored state are cleared when the job is
    restarted.
    """

    reset_scope: frozenset[SynchronizationJobRestartScope] | None = None
    """The parts of the job's state to reset. Use Full to reset all of them."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.synchronizationJobRestartCriteria"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field(
            "reset_scope",
            "resetScope",
            "flags",
            "synchronization_job_restart_scope.SynchronizationJobRestartScope",
            False,
        ),
    )

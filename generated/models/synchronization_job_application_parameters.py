"""The microsoft.graph.synchronizationJobApplicationParameters type."""

from __future__ import annotations

import dataclasses as _dc
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .synchronization_job_subject import SynchronizationJobSubject


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class SynchronizationJobApplicationParameters(_Model):
    """Names the objects to provision on demand and the synchronization rule to apply to
    them.
    """

    rule_id: str | None = None
    """Identifier of the synchronizationRule to apply."""

    subjects: list[SynchronizationJobSubject] | None = None
    """The objects to apply the rule to."""

    _ODATA_TYPE: _ClassVar[str] = (
        "microsoft.graph.synchronizationJobApplicationParameters"
    )
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("rule_id", "ruleId", "str", "", False),
        _Field(
            "subjects",
            "subjects",
            "model",
            "synchronization_job_subject.SynchronizationJobSubject",
            True,
        ),
    )

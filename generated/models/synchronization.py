"""The microsoft.graph.synchronization type."""

from __future__ import annotations

import dataclasses as _dc
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from .entity import Entity

if TYPE_CHECKING:
    from .synchronization_job import SynchronizationJob
    from .synchronization_secret_key_string_value_pair import (
        SynchronizationSecretKeyStringValuePair,
    )
    from .synchronization_template import SynchronizationTemplate


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class Synchronization(Entity):
    """**TODO: Add Description**"""

    secrets: list[SynchronizationSecretKeyStringValuePair] | None = None

    jobs: list[SynchronizationJob] | None = None

    templates: list[SynchronizationTemplate] | None = None

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.synchronization"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = True
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field(
            "secrets",
            "secrets",
            "model",
            "synchronization_secret_key_string_value_pair.SynchronizationSecretKeyStringValuePair",
            True,
        ),
        _Field(
            "jobs",
            "jobs",
            "model",
            "synchronization_job.SynchronizationJob",
            True,
            nullable=False,
        ),
        _Field(
            "templates",
            "templates",
            "model",
            "synchronization_template.SynchronizationTemplate",
            True,
            nullable=False,
        ),
    )

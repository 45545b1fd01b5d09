"""The microsoft.graph.synchronizationSchema type."""

from __future__ import annotations

import dataclasses as _dc
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from .entity import Entity

if TYPE_CHECKING:
    from .directory_definition import DirectoryDefinition
    from .synchronization_rule import SynchronizationRule


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class SynchronizationSchema(Entity):
    """Describes which objects take part in synchronization and how they are carried from
    one directory to the other. Most of a job's setup lives in its schema: the directory
    definitions list what each directory contains, and the synchronization rules say how
    objects and attributes are mapped. Typical customizations are changing attribute
    mappings or adding a scoping filter so that only some objects are provisioned.
    """

    synchronization_rules: list[SynchronizationRule] | None = None
    """The rules configured for the synchronizationJob or synchronizationTemplate this
    schema belongs to.
    """

    version: str | None = None
    """Version of the schema. The service changes it automatically each time the schema is
    modified.
    """

    directories: list[DirectoryDefinition] | None = None
    """The directories that take part in synchronization, together with the objects they
    expose.
    """

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.synchronizationSchema"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = True
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field(
            "synchronization_rules",
            "synchronizationRules",
            "model",
            "synchronization_rule.SynchronizationRule",
            True,
        ),
        _Field("version", "version", "str", "", False),
        _Field(
            "directories",
            "directories",
            "model",
            "directory_definition.DirectoryDefinition",
            True,
            nullable=False,
        ),
    )

"""The microsoft.graph.directoryDefinition type."""

from __future__ import annotations

import dataclasses as _dc
import datetime as _dt
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from .entity import Entity

if TYPE_CHECKING:
    from .directory_definition_discoverabilities import (
        DirectoryDefinitionDiscoverabilities,
    )
    from .metadata_entry import MetadataEntry
    from .object_definition import ObjectDefinition


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class DirectoryDefinition(Entity):
    """Describes one directory that takes part in synchronization: its name, the kinds of
    objects it holds and the attributes of those objects. A synchronizationSchema
    contains one directory definition per directory.
    """

    discoverabilities: frozenset[DirectoryDefinitionDiscoverabilities] | None = None
    """Which parts of the directory schema the application can discover. Read-only."""

    discovery_date_time: _dt.datetime | None = None
    """When the directory was last discovered, as an ISO 8601 timestamp in UTC, for example
    2026-01-15T00:00:00Z.
    """

    metadata: list[MetadataEntry] | None = None
    """Extra extension settings. Leave them as they are unless instructed otherwise."""

    name: str | None = None
    """Name of the directory; no other directory in the synchronizationSchema may use it.
    Not nullable.
    """

    objects: list[ObjectDefinition] | None = None
    """The kinds of objects that the directory supports."""

    version: str | None = None
    """Version found by the last discovery; null while no discovery has run. Read-only."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.directoryDefinition"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = True
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field(
            "discoverabilities",
            "discoverabilities",
            "flags",
            "directory_definition_discoverabilities.DirectoryDefinitionDiscoverabilities",
            False,
        ),
        _Field("discovery_date_time", "discoveryDateTime", "datetime", "", False),
        _Field("metadata", "metadata", "model", "metadata_entry.MetadataEntry", True),
        _Field("name", "name", "str", "", False, nullable=False),
        _Field(
            "objects", "objects", "model", "object_definition.ObjectDefinition", True
        ),
        _Field("version", "version", "str", "", False),
    )

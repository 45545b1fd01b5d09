"""The microsoft.graph.synchronizationTemplate type."""

from __future__ import annotations

import dataclasses as _dc
import uuid as _uuid
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from .entity import Entity

if TYPE_CHECKING:
    from .metadata_entry import MetadataEntry
    from .synchronization_schema import SynchronizationSchema


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class SynchronizationTemplate(Entity):
    """A ready-made configuration, published for an application, that new synchronization
    jobs start from. It holds default settings and a default synchronizationSchema; a
    job created from the template receives a copy of that schema. Templates are normally
    supplied by the application's publisher.
    """

    application_id: _uuid.UUID | None = None
    """Identifier of the application that owns the template."""

    default: bool | None = None
    """true when this template is the one suggested for new jobs of the application."""

    description: str | None = None
    """Human-readable explanation of what the template is for."""

    discoverable: bool | None = None
    """true when the template shows up among the templates an application instance (service
    principal) can choose from.
    """

    factory_tag: str | None = None
    """A well-known tag that tells the synchronization engine which implementation to use
    for jobs built on this template.
    """

    metadata: list[MetadataEntry] | None = None
    """Extra extension settings. Leave them as they are unless instructed otherwise."""

    schema: SynchronizationSchema | None = None
    """The schema that jobs created from this template start with."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.synchronizationTemplate"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = True
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("application_id", "applicationId", "uuid", "", False),
        _Field("default", "default", "bool", "", False),
        _Field("description", "description", "str", "", False),
        _Field("discoverable", "discoverable", "bool", "", False),
        _Field("factory_tag", "factoryTag", "str", "", False),
        _Field("metadata", "metadata", "model", "metadata_entry.MetadataEntry", True),
        _Field(
            "schema",
            "schema",
            "model",
            "synchronization_schema.SynchronizationSchema",
            False,
        ),
    )

"""The microsoft.graph.synchronizationRule type."""

from __future__ import annotations

import dataclasses as _dc
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .object_mapping import ObjectMapping
    from .string_key_string_value_pair import StringKeyStringValuePair


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class SynchronizationRule(_Model):
    """Links a source directory to a target directory in a synchronizationSchema and holds
    the object mappings that say which objects flow from one to the other.
    """

    editable: bool | None = None
    """true when the rule may be customized; false when it must be left alone."""

    id: str | None = None
    """Identifier of the rule. It has to be one of the identifiers the synchronization
    engine knows; the template returned by the API lists the supported ones.
    """

    metadata: list[StringKeyStringValuePair] | None = None
    """Extra extension settings. Don't change them unless support asks you to."""

    name: str | None = None
    """Human-readable name of the rule. Not nullable."""

    object_mappings: list[ObjectMapping] | None = None
    """The object mappings of the rule, telling the engine which objects to synchronize."""

    priority: int | None = None
    """Order in which the rule is processed relative to the other rules of the
    synchronizationSchema; lower numbers go first.
    """

    source_directory_name: str | None = None
    """Name of the directory objects are read from; must match a directory definition of
    the synchronizationSchema.
    """

    target_directory_name: str | None = None
    """Name of the directory objects are written to; must match a directory definition of
    the synchronizationSchema.
    """

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.synchronizationRule"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("editable", "editable", "bool", "", False),
        _Field("id", "id", "str", "", False),
        _Field(
            "metadata",
            "metadata",
            "model",
            "string_key_string_value_pair.StringKeyStringValuePair",
            True,
        ),
        _Field("name", "name", "str", "", False, nullable=False),
        _Field(
            "object_mappings",
            "objectMappings",
            "model",
            "object_mapping.ObjectMapping",
            True,
        ),
        _Field("priority", "priority", "int32", "", False),
        _Field("source_directory_name", "sourceDirectoryName", "str", "", False),
        _Field("target_directory_name", "targetDirectoryName", "str", "", False),
    )

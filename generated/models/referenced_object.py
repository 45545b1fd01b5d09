"""The microsoft.graph.referencedObject type."""

from __future__ import annotations

import dataclasses as _dc
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class ReferencedObject(_Model):
    """Names the kind of object that a reference attribute points to."""

    referenced_object_name: str | None = None
    """Name of the object kind being referenced; it must be one of the objects of the
    directoryDefinition.
    """

    referenced_property: str | None = None
    """Name of the property of the referenced object whose value is used as the reference.
    Not supported yet.
    """

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.referencedObject"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("referenced_object_name", "referencedObjectName", "str", "", False),
        _Field("referenced_property", "referencedProperty", "str", "", False),
    )

"""The microsoft.graph.synchronizationJobSubject type."""

from __future__ import annotations

import dataclasses as _dc
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class SynchronizationJobSubject(_Model):
    """Identifies one object that a synchronization job is asked to process on demand."""

    object_id: str | None = None
    """Identifier of the object."""

    object_type_name: str | None = None
    """Kind of the object, for example User or Group."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.synchronizationJobSubject"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("object_id", "objectId", "str", "", False),
        _Field("object_type_name", "objectTypeName", "str", "", False),
    )

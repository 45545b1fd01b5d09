"""The microsoft.graph.metadataEntry type."""

from __future__ import annotations

import dataclasses as _dc
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class MetadataEntry(_Model):
    """A named piece of extension metadata attached to a schema element."""

    key: str | None = None
    """Name of the metadata item."""

    value: str | None = None
    """Value of the metadata item."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.metadataEntry"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("key", "key", "str", "", False),
        _Field("value", "value", "str", "", False),
    )

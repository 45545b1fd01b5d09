"""The microsoft.graph.keyValuePair type."""

from __future__ import annotations

import dataclasses as _dc
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class KeyValuePair(_Model):
    """A general-purpose pair made of a string name and a string value."""

    name: str | None = None
    """Name of the setting."""

    value: str | None = None
    """Value of the setting."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.keyValuePair"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("name", "name", "str", "", False),
        _Field("value", "value", "str", "", False),
    )

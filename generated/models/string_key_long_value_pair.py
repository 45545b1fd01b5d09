"""The microsoft.graph.stringKeyLongValuePair type."""

from __future__ import annotations

import dataclasses as _dc
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class StringKeyLongValuePair(_Model):
    """A pair made of a string key and a 64-bit integer value."""

    key: str | None = None
    """The key of the pair."""

    value: int | None = None
    """The number stored under the key."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.stringKeyLongValuePair"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("key", "key", "str", "", False),
        _Field("value", "value", "int64", "", False),
    )

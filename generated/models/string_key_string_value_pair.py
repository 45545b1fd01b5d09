"""The microsoft.graph.stringKeyStringValuePair type."""

from __future__ import annotations

import dataclasses as _dc
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class StringKeyStringValuePair(_Model):
    """A pair made of a string key and a string value."""

    key: str | None = None
    """The key of the pair."""

    value: str | None = None
    """The text stored under the key."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.stringKeyStringValuePair"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("key", "key", "str", "", False),
        _Field("value", "value", "str", "", False),
    )

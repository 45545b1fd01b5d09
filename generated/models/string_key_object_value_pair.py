"""The microsoft.graph.stringKeyObjectValuePair type."""

from __future__ import annotations

import dataclasses as _dc
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class StringKeyObjectValuePair(_Model):
    """A pair made of a string key and a value of any JSON type: a string, a number, a
    Boolean, an array or an object. Because the value has no fixed type, it is not
    declared; this is an open type, and the value is sent as a dynamic property named
    value next to key.
    """

    key: str | None = None
    """The key of the pair."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.stringKeyObjectValuePair"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _OPEN: _ClassVar[bool] = True
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (_Field("key", "key", "str", "", False),)

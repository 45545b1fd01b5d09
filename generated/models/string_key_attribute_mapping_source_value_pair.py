"""The microsoft.graph.stringKeyAttributeMappingSourceValuePair type."""

from __future__ import annotations

import dataclasses as _dc
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .attribute_mapping_source import AttributeMappingSource


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class StringKeyAttributeMappingSourceValuePair(_Model):
    """A named argument of a function in an attribute mapping expression."""

    key: str | None = None
    """Name of the function parameter."""

    value: AttributeMappingSource | None = None
    """The argument passed for the parameter."""

    _ODATA_TYPE: _ClassVar[str] = (
        "microsoft.graph.stringKeyAttributeMappingSourceValuePair"
    )
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("key", "key", "str", "", False),
        _Field(
            "value",
            "value",
            "model",
            "attribute_mapping_source.AttributeMappingSource",
            False,
        ),
    )

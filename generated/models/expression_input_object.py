"""The microsoft.graph.expressionInputObject type."""

from __future__ import annotations

import dataclasses as _dc
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .object_definition import ObjectDefinition
    from .string_key_object_value_pair import StringKeyObjectValuePair


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class ExpressionInputObject(_Model):
    """A sample object used to try out an attribute mapping expression."""

    definition: ObjectDefinition | None = None
    """Describes the kind of the sample object."""

    properties: list[StringKeyObjectValuePair] | None = None
    """The attribute values of the sample object."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.expressionInputObject"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field(
            "definition",
            "definition",
            "model",
            "object_definition.ObjectDefinition",
            False,
        ),
        _Field(
            "properties",
            "properties",
            "model",
            "string_key_object_value_pair.StringKeyObjectValuePair",
            True,
        ),
    )

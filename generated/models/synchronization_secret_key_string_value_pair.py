"""The microsoft.graph.synchronizationSecretKeyStringValuePair type."""

from __future__ import annotations

import dataclasses as _dc
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .synchronization_secret import SynchronizationSecret


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class SynchronizationSecretKeyStringValuePair(_Model):
    """One credential or connection setting, stored as a key and a string value, that
    synchronization uses to reach an application.
    """

    key: SynchronizationSecret | None = None
    """Which secret or setting this pair holds."""

    value: str | None = None
    """The secret or setting itself."""

    _ODATA_TYPE: _ClassVar[str] = (
        "microsoft.graph.synchronizationSecretKeyStringValuePair"
    )
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field(
            "key", "key", "enum", "synchronization_secret.SynchronizationSecret", False
        ),
        _Field("value", "value", "str", "", False),
    )

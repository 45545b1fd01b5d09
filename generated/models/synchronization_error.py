"""The microsoft.graph.synchronizationError type."""

from __future__ import annotations

import dataclasses as _dc
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class SynchronizationError(_Model):
    """Describes an error that the synchronization service ran into."""

    code: str | None = None
    """Machine-readable code for the error."""

    message: str | None = None
    """Explanation of the error meant for people."""

    tenant_actionable: bool | None = None
    """true when an administrator of the tenant can fix the cause, for example by supplying
    fresh credentials.
    """

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.synchronizationError"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("code", "code", "str", "", False),
        _Field("message", "message", "str", "", False),
        _Field("tenant_actionable", "tenantActionable", "bool", "", False),
    )

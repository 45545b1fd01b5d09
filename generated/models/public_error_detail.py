"""The microsoft.graph.publicErrorDetail type."""

from __future__ import annotations

import dataclasses as _dc
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class PublicErrorDetail(_Model):
    """Additional detail about an error."""

    code: str | None = None
    """Machine-readable code for the detail."""

    message: str | None = None
    """Explanation of the detail."""

    target: str | None = None
    """What the detail applies to."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.publicErrorDetail"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("code", "code", "str", "", False),
        _Field("message", "message", "str", "", False),
        _Field("target", "target", "str", "", False),
    )

"""The microsoft.graph.publicInnerError type."""

from __future__ import annotations

import dataclasses as _dc
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .public_error_detail import PublicErrorDetail


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class PublicInnerError(_Model):
    """A more specific error nested inside an error."""

    code: str | None = None
    """Machine-readable code for the inner error."""

    details: list[PublicErrorDetail] | None = None
    """Further details of the inner error."""

    message: str | None = None
    """Explanation of the inner error."""

    target: str | None = None
    """What the inner error applies to."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.publicInnerError"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("code", "code", "str", "", False),
        _Field(
            "details", "details", "model", "public_error_detail.PublicErrorDetail", True
        ),
        _Field("message", "message", "str", "", False),
        _Field("target", "target", "str", "", False),
    )

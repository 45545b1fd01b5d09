"""The microsoft.graph.publicError type."""

from __future__ import annotations

import dataclasses as _dc
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .public_error_detail import PublicErrorDetail
    from .public_inner_error import PublicInnerError


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class PublicError(_Model):
    """Describes an error returned by a service operation."""

    code: str | None = None
    """Machine-readable code for the error."""

    details: list[PublicErrorDetail] | None = None
    """Further errors that explain this one."""

    inner_error: PublicInnerError | None = None
    """A more specific error underneath this one."""

    message: str | None = None
    """Explanation of the error meant for developers; not localized."""

    target: str | None = None
    """What the error applies to."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.publicError"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("code", "code", "str", "", False),
        _Field(
            "details", "details", "model", "public_error_detail.PublicErrorDetail", True
        ),
        _Field(
            "inner_error",
            "innerError",
            "model",
            "public_inner_error.PublicInnerError",
            False,
        ),
        _Field("message", "message", "str", "", False),
        _Field("target", "target", "str", "", False),
    )

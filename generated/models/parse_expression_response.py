"""The microsoft.graph.parseExpressionResponse type."""

from __future__ import annotations

import dataclasses as _dc
from typing import TYPE_CHECKING
from typing import ClassVar as _ClassVar

from ._runtime import Field as _Field
from ._runtime import Model as _Model

if TYPE_CHECKING:
    from .attribute_mapping_source import AttributeMappingSource
    from .public_error import PublicError


@_dc.dataclass(kw_only=True, slots=True, repr=False)
class ParseExpressionResponse(_Model):
    """The outcome of parsing, and optionally evaluating, an attribute mapping expression."""

    error: PublicError | None = None
    """What went wrong, when evaluating the expression failed."""

    evaluation_result: list[str] | None = None
    """The values the expression produced for the test object."""

    evaluation_succeeded: bool | None = None
    """true when the expression was evaluated without error."""

    parsed_expression: AttributeMappingSource | None = None
    """The expression converted into an attributeMappingSource."""

    parsing_succeeded: bool | None = None
    """true when the expression could be parsed."""

    _ODATA_TYPE: _ClassVar[str] = "microsoft.graph.parseExpressionResponse"
    _ABSTRACT: _ClassVar[bool] = False
    _POLYMORPHIC: _ClassVar[bool] = False
    _FIELDS: _ClassVar[tuple[_Field, ...]] = (
        _Field("error", "error", "model", "public_error.PublicError", False),
        _Field("evaluation_result", "evaluationResult", "str", "", True),
        _Field("evaluation_succeeded", "evaluationSucceeded", "bool", "", False),
        _Field(
            "parsed_expression",
            "parsedExpression",
            "model",
            "attribute_mapping_source.AttributeMappingSource",
            False,
        ),
        _Field("parsing_succeeded", "parsingSucceeded", "bool", "", False),
    )

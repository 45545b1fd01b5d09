"""The model dump: ``model.json``, the same JSON ``graphdoc inspect`` prints."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.ir import Model
from . import jsontext

if TYPE_CHECKING:
    from .views import Views


def dumps(model: Model) -> str:
    return jsontext.dumps(model.to_json())


def files(views: Views) -> dict[str, str | bytes]:
    return {"model.json": jsontext.encoded(views.model.to_json())}

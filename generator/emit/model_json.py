"""The model dump: ``model.json``, the same JSON ``graphdoc inspect`` prints."""

from __future__ import annotations

from .. import jsontext
from ..model import Model


def dumps(model: Model) -> str:
    return jsontext.dumps(model.to_json())


def emit(model: Model) -> dict[str, str]:
    return {"model.json": dumps(model)}

"""The model dump: ``model.json``, the same JSON ``graphdoc inspect`` prints."""

from __future__ import annotations

import json

from ..model import Model


def dumps(model: Model) -> str:
    return json.dumps(model.to_json(), indent=2, ensure_ascii=False) + "\n"


def emit(model: Model) -> dict[str, str]:
    return {"model.json": dumps(model)}

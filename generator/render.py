"""The Jinja environment every emitter renders through.

Templates live in the top-level ``templates/`` folder, installed as the
``generator.templates`` package. Values reach JSON templates through
``tojson`` (configured here to keep key order and non-ASCII text), so no page
text can break the output's syntax.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2


def _templates_dir() -> Path:
    try:
        found = Path(str(resources.files("generator.templates")))
        if found.is_dir():
            return found
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "templates"  # a source checkout, not installed


def _tojson(value: Any, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent)


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_templates_dir())),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters["tojson"] = _tojson
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)

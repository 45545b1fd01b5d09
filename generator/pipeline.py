"""The pipeline in one place: parse, resolve, emit, write."""

from __future__ import annotations

from pathlib import Path

from .emit import emit_all
from .load import read_pages
from .model import Model
from .resolve import resolve
from .write import write_tree


def build_model(docs: Path) -> Model:
    """Parse every page under ``docs`` and resolve them into the model."""
    return resolve(read_pages(docs))


def generate(docs: Path, out: Path) -> Model:
    model = build_model(docs)
    write_tree(out, emit_all(model))
    return model

"""The pipeline in one place: parse, resolve, emit, write.

``generate`` and ``check`` first hash their inputs: when an earlier run with
the same inputs left the output folder as it is now, there is nothing to do
(``runs``).
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .base import cache
from .base.choices import ALL, Readings
from .base.diagnostics import ERROR, Diagnostic, Shown
from .base.progress import QUIET, Progress
from .emit import emit_all, emit_into
from .emit.views import Views
from .model import incremental
from .model.ir import Model
from .output import runs
from .output.check import Change, compare
from .output.runs import Record, Report
from .output.write import clean_leftovers, previous_manifest, staging_for
from .parse.load import DocsRootError, Source, page_keys, read_sources


@contextmanager
def _batch() -> Iterator[None]:
    """No cyclic garbage collection during a run: the pipeline makes few cycles, and
    collections that walk the whole model again and again cost a third of a run."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def type_summary(model: Model) -> str:
    """``3160 types (1162 entity, 1195 complex, 803 enum)``."""
    kinds = Counter(t.kind for t in model.types)
    kind_text = ", ".join(f"{kinds[k]} {k}" for k in ("entity", "complex", "enum"))
    return f"{len(model.types)} types ({kind_text})"


def report(model: Model, more: Sequence[Diagnostic] = ()) -> Report:
    """The summary and the errors of a run: the model's diagnostics and ``more`` (the
    emitters', such as the Python names' collisions). A run prints its errors only; the
    summary says so, and which command shows the rest."""
    shown = Shown.of((*model.diagnostics, *more), ERROR)
    return Report(f"{type_summary(model)}; {shown.summary('graphdoc lint --severity info shows them')}", tuple(shown.diagnostics))


def _model(docs: Path, sources: list[Source], keys: dict[str, str], progress: Progress = QUIET, readings: Readings = ALL) -> Model:
    return incremental.model(docs, sources, keys, progress, readings=readings)


def require_pages(docs: Path, model: Model) -> Model:
    """``model``, unless its docs root holds no Graph page at all (nothing read, and no page
    error that says why): a usage error that says what graphdoc reads, before any output."""
    if not model.types and not model.operations and not model.examples and not any(d.severity == ERROR for d in model.diagnostics):
        raise DocsRootError(
            f"{docs}: no Graph reference pages here; graphdoc reads resources/*.md pages that document a type "
            "(a Properties, Relationships or Members table, a JSON representation) and api/*.md pages that document "
            "a request (an HTTP request block)"
        )
    return model


def build_model(docs: Path, readings: Readings = ALL) -> Model:
    """Parse every page under ``docs`` and resolve them into the model, applying ``readings``."""
    with _batch():
        sources = read_sources(docs)
        return _model(docs, sources, page_keys(sources), readings=readings)


def _last_run(docs: Path, out: Path, readings: Readings = ALL) -> tuple[list[Source], dict[str, str], str, Record | None]:
    """The pages, their keys, the hash of the run's inputs, and the record of an earlier
    run with those inputs when ``out`` is still exactly what it wrote (else None)."""
    sources = read_sources(docs)
    keys = page_keys(sources)
    key = runs.key(sources, keys, readings)
    record = runs.load(key)
    return sources, keys, key, record if record is not None and runs.current(out, record) else None


@dataclass(frozen=True)
class Generated:
    report: Report
    changed: bool  # False when ``out`` held exactly this output already


def generate(docs: Path, out: Path, progress: Progress = QUIET, readings: Readings = ALL) -> Generated:
    """Write every output for ``docs`` into ``out``, applying ``readings``; skipped when it is current already."""
    with _batch():
        sources, keys, key, record = _last_run(docs, out, readings)
        if record is not None:
            clean_leftovers(out)
            return Generated(record.report, changed=False)
        model = require_pages(docs, _model(docs, sources, keys, progress, readings))
        views = Views(model)
        with staging_for(out) as staging:
            written = staging.finish(emit_into(views, lambda files, main: staging.add(files, progress if main else QUIET)))
        result = report(model, views.names.diagnostics)
        runs.save(key, Record(written.hashes, result))
        cache.trim()
        return Generated(result, written.changed)


def check(docs: Path, out: Path, progress: Progress = QUIET, readings: Readings = ALL) -> tuple[list[Change], Report]:
    """How ``out`` differs from what ``generate`` would write (with ``readings``)."""
    with _batch():
        sources, keys, key, record = _last_run(docs, out, readings)
        if record is not None:
            return [], record.report
        model = require_pages(docs, _model(docs, sources, keys, progress, readings))
        views = Views(model)
        changes = compare(out, emit_all(model, views=views))
        result = report(model, views.names.diagnostics)
        if not changes:  # out holds exactly what generate would write: its manifest lists the hashes
            runs.save(key, Record(previous_manifest(out), result))
        cache.trim()
        return changes, result

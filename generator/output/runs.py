"""Records of earlier runs, so a run whose inputs are unchanged costs little more than reading them.

A run's inputs are the pages (paths and bytes) and graphdoc itself: its code,
its templates, and the versions of the libraries that shape the output. The
record kept under the hash of those inputs holds the SHA-256 of every file the
run wrote and its report. When the output folder still holds exactly those
files, ``generate`` has nothing to write and ``check`` nothing to report.
Records live in the cache folder; deleting them costs one full run, never a
different result.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..base import cache
from ..base.choices import ALL, Readings
from ..base.diagnostics import Diagnostic
from ..parse.load import Source
from .write import MANIFEST, digest, existing_files, file_digest, manifest_text


@dataclass(frozen=True)
class Report:
    """What a run tells its user: the summary line and the error diagnostics."""

    summary: str
    errors: tuple[Diagnostic, ...] = ()


@dataclass(frozen=True)
class Record:
    hashes: dict[str, str]  # file -> SHA-256, the manifest left out
    report: Report


def key(sources: list[Source], keys: Mapping[str, str], readings: Readings = ALL) -> str:
    """The hash of a run's inputs: graphdoc itself, the readings it applies and the pages
    (``keys``: the readable pages' keys, ``load.page_keys``)."""
    digest_ = hashlib.sha256(cache.tool_fingerprint().encode())
    if readings.stamp:  # the default run's key is what it always was
        digest_.update(b"readings-off\0" + readings.stamp.encode() + b"\0")
    for rel, _ in sources:
        digest_.update(rel.encode() + b"\0" + keys.get(rel, "unreadable").encode() + b"\0")
    return digest_.hexdigest()


def _folder() -> Path | None:
    where = cache.folder()
    return where / "runs" if where else None


def load(run_key: str) -> Record | None:
    folder = _folder()
    if folder is None:
        return None
    path = folder / f"{run_key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        report = Report(str(data["summary"]), tuple(Diagnostic.from_json(item) for item in data["errors"]))
        hashes = {str(name): str(value) for name, value in data["hashes"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # missing or unreadable: a full run
    cache.used(path)
    return Record(hashes, report)


def save(run_key: str, record: Record) -> None:
    folder = _folder()
    if folder is None:
        return
    errors = [d.to_json() for d in record.report.errors]
    text = json.dumps({"summary": record.report.summary, "errors": errors, "hashes": record.hashes})
    cache.write_atomically(folder / f"{run_key}.json", text.encode("utf-8"))


def current(out: Path, record: Record) -> bool:
    """Whether ``out`` holds exactly the files of ``record``, byte for byte."""
    on_disk = existing_files(out)
    if set(on_disk) != {*record.hashes, MANIFEST}:
        return False
    if file_digest(out / MANIFEST) != digest(manifest_text(record.hashes).encode("utf-8")):
        return False
    return all(file_digest(on_disk[name]) == hashed for name, hashed in record.hashes.items())

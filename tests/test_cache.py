"""Caches and workers save time and never change a result."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SPECS
from generator.emit import emit_all
from generator.load import read_pages
from generator.pipeline import generate
from generator.resolve import resolve


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_cold_warm_edited_and_deleted_cache_give_identical_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "specs"
    shutil.copytree(SPECS, docs)
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", "")
    generate(docs, tmp_path / "reference")  # no cache at all
    reference = snapshot(tmp_path / "reference")
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", str(cache_dir))
    generate(docs, tmp_path / "cold")
    assert snapshot(tmp_path / "cold") == reference
    assert any(cache_dir.iterdir())
    generate(docs, tmp_path / "warm")
    assert snapshot(tmp_path / "warm") == reference
    page = docs / "resources/synchronizationschedule.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Whether the schedule is currently in force.", "On or off."), encoding="utf-8")
    generate(docs, tmp_path / "edited")
    edited = snapshot(tmp_path / "edited")
    assert edited != reference
    shutil.rmtree(cache_dir)
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", "")
    generate(docs, tmp_path / "edited-no-cache")
    assert snapshot(tmp_path / "edited-no-cache") == edited
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", str(cache_dir))
    generate(docs, tmp_path / "edited-fresh-cache")
    assert snapshot(tmp_path / "edited-fresh-cache") == edited


def test_a_damaged_cache_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", str(cache_dir))
    read_pages(SPECS)
    for file in cache_dir.glob("*.pickle"):
        file.write_bytes(b"not a pickle")
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", "")
    expected = emit_all(resolve(read_pages(SPECS)))
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", str(cache_dir))
    assert emit_all(resolve(read_pages(SPECS))) == expected


def test_worker_count_does_not_change_records(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("generator.load.PARALLEL_FROM", 1)
    one = read_pages(SPECS, use_cache=False, workers=1)
    two = read_pages(SPECS, use_cache=False, workers=2)
    assert one == two

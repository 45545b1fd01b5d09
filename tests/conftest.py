"""Shared test helpers: tiny docs trees, the repo's specs, the real corpus."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from generator.model import Model
from generator.pipeline import build_model

if TYPE_CHECKING:
    import httpx

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "specs"
GENERATED = ROOT / "generated"
CORPUS = ROOT.parent / "shared" / "graph-docs" / "beta"

needs_corpus = pytest.mark.skipif(
    not (CORPUS / "resources").is_dir(),
    reason=f"the real Graph docs corpus is not at {CORPUS} (../shared beside the repo)",
)


@pytest.fixture(scope="session", autouse=True)
def _cache_of_the_tests(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The tests never write into the user's own cache (``~/.cache/graphdoc``): every run
    of the pipeline, in this process or in the commands it starts, uses a folder of the
    test session's. Tests of the cache itself set one of their own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GRAPHDOC_CACHE_DIR", str(tmp_path_factory.mktemp("graphdoc-cache")))
        yield


def write_docs(root: Path, pages: dict[str, str | bytes]) -> Path:
    """Write pages (relative path -> text) into a docs root and return it."""
    for name, content in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    (root / "resources").mkdir(exist_ok=True)
    return root


def snapshot(folder: Path) -> dict[str, bytes]:
    """graphdoc's files in an output folder, by relative path (not the caches tools leave there)."""
    from generator.write import existing_files

    return {name: Path(path).read_bytes() for name, path in existing_files(folder).items()}


def model_of(tmp_path: Path, pages: dict[str, str | bytes]) -> Model:
    return build_model(write_docs(tmp_path / "docs", pages))


def codes(model: Model) -> list[str]:
    return [d.code for d in model.diagnostics]


@pytest.fixture
def project(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the specs with its output generated, and a cache of its own
    (outside the project, which some tests make a git repository)."""
    from generator.cli import main

    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    shutil.copytree(SPECS, tmp_path / "specs")
    assert main(["generate", str(tmp_path / "specs"), "--out", str(tmp_path / "generated"), "-q"]) == 0
    return tmp_path


@pytest.fixture(scope="session")
def spec_model() -> Model:
    return build_model(SPECS)


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    """The specs' mock service, live on a loopback port for one test module."""
    from live_service import app_from, running

    with running(app_from(GENERATED)) as url:
        yield url


@pytest.fixture
def client(base_url: str) -> Iterator[httpx.Client]:
    import httpx

    with httpx.Client(base_url=base_url, timeout=30) as c:
        yield c

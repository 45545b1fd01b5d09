"""Shared test helpers: tiny docs trees, the repo's specs, the real corpus."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from generator.model.ir import Model
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


@pytest.fixture(scope="session")
def corpus_model() -> Model:
    """The whole corpus's model, built once for the session's corpus tests."""
    return build_model(CORPUS)


@pytest.fixture(scope="session", autouse=True)
def _cache_of_the_tests(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The tests never write into the user's own cache (``~/.cache/graphdoc``): every run
    of the pipeline, in this process or in the commands it starts, uses a folder of the
    test session's. Tests of the cache itself set one of their own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GRAPHDOC_CACHE_DIR", str(tmp_path_factory.mktemp("graphdoc-cache")))
        yield


# The corpus's output through the tools users feed it to (tests/tool_checks.py) takes minutes
# of one core, so it runs as a process beside the other tests, from the first test on, when
# a test that reads its results is among those collected; those tests run last. It shares
# the session's cache, so the corpus tests that come later find its pages parsed.
CORPUS_CHECKS = "corpus_checks"


@dataclass
class CorpusChecks:
    out: Path  # the corpus's output, as graphdoc generate wrote it
    results: dict[str, dict[str, Any]]  # by check: its returncode and the end of its output


@dataclass
class _Running:
    process: subprocess.Popen[bytes]
    folder: Path


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{CORPUS_CHECKS}: reads what tests/tool_checks.py found on the corpus's output; runs last")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    late = [item for item in items if item.get_closest_marker(CORPUS_CHECKS)]
    items[:] = [item for item in items if not item.get_closest_marker(CORPUS_CHECKS)] + late


@pytest.fixture(scope="session", autouse=True)
def _corpus_checks_beside(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, _cache_of_the_tests: None) -> Iterator[_Running | None]:
    if not (CORPUS / "resources").is_dir() or not any(item.get_closest_marker(CORPUS_CHECKS) for item in request.session.items):
        yield None
        return
    folder = tmp_path_factory.mktemp("corpus-checks")  # pytest's own retention removes it, even after a kill
    with (folder / "output").open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("tool_checks.py")), str(CORPUS), str(folder / "out"), str(folder / "results.json")],
            cwd=folder,
            env={**os.environ, "PYTHONPATH": str(ROOT)},  # this checkout's graphdoc, whatever the environment installed
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=output,
            start_new_session=True,  # its own process group, stopped whole if the session ends first
        )
    try:
        yield _Running(process, folder)
    finally:
        with contextlib.suppress(ProcessLookupError):  # what is still running of it, if anything
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        shutil.rmtree(folder / "out", ignore_errors=True)


@pytest.fixture(scope="session")
def corpus_checks(_corpus_checks_beside: _Running | None) -> CorpusChecks:
    if _corpus_checks_beside is None:
        pytest.fail(f"the corpus checks were not started: mark the test {CORPUS_CHECKS}")
    process, folder = _corpus_checks_beside.process, _corpus_checks_beside.folder
    process.wait(timeout=1800)
    results = folder / "results.json"
    if not results.exists():
        said = (folder / "output").read_text(encoding="utf-8", errors="replace")[-3000:]
        pytest.fail(f"tests/tool_checks.py wrote no results (exit {process.returncode}): {said}")
    return CorpusChecks(folder / "out", json.loads(results.read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def corpus_output(_corpus_checks_beside: _Running | None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The corpus's output, as graphdoc generate writes it: the one tests/tool_checks.py
    makes beside the session when it runs (as soon as its generate step is done; the gates
    are reading it, so leave it as it is), else one generated here for the session."""
    from tool_checks import corpus_commands, generated_mark

    if _corpus_checks_beside is not None:
        process, out = _corpus_checks_beside.process, _corpus_checks_beside.folder / "out"
        mark, deadline = generated_mark(out), time.monotonic() + 1800
        while not mark.exists():
            if process.poll() is not None or time.monotonic() > deadline:
                if mark.exists():  # written just before the process ended
                    break
                said = (_corpus_checks_beside.folder / "output").read_text(encoding="utf-8", errors="replace")[-3000:]
                pytest.fail(f"tests/tool_checks.py did not generate the corpus's output (exit {process.returncode}): {said}")
            time.sleep(0.2)
        generate = json.loads(mark.read_text(encoding="utf-8"))["generate"]
        mine = None
    else:
        mine = tmp_path_factory.mktemp("corpus-output")
        out = mine / "out"
        _, command = corpus_commands(CORPUS, out)[0]
        ran = subprocess.run(command, cwd=mine, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdin=subprocess.DEVNULL, capture_output=True, text=True)
        generate = {"returncode": ran.returncode, "output": (ran.stdout + ran.stderr)[-3000:]}
    try:
        if generate["returncode"]:
            pytest.fail(f"graphdoc generate failed on the corpus (exit {generate['returncode']}): {generate['output']}")
        yield out
    finally:
        if mine is not None:
            shutil.rmtree(mine, ignore_errors=True)


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
    from generator.output.write import existing_files

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

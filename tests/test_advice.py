"""What graphdoc tells a user to do works: the command ``check`` gives fixes what it found,
a folder graphdoc can't use is one line naming it, and nothing is left behind."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT, SPECS


def graphdoc(*args: str, cwd: Path = ROOT, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*prefix, sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=600)


def test_check_names_the_command_that_fixes_a_stray_file(project: Path) -> None:
    out = project / "generated"
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    (project / "specs" / "resources" / "synchronizationschedule.md").write_text(
        (SPECS / "resources" / "synchronizationschedule.md").read_text(encoding="utf-8").replace("Describes when", "Says when"), encoding="utf-8"
    )
    found = graphdoc("check", "specs", "--out", "generated", cwd=project)
    assert found.returncode == 1 and "stray: generated/notes.txt" in found.stdout
    advice = found.stderr.strip().splitlines()[-1]
    command = advice.split("; run: ", 1)[1]
    assert command == "rm -- generated/notes.txt && graphdoc generate specs --out generated"
    assert graphdoc("generate", "specs", "--out", "generated", "-q", cwd=project).returncode == 2  # the advice generate alone would be
    ran = subprocess.run(
        command.replace("graphdoc", shlex.join([sys.executable, "-m", "generator"])),
        shell=True,
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert ran.returncode == 0, ran.stderr
    assert graphdoc("check", "specs", "--out", "generated", cwd=project).returncode == 0


def test_check_of_a_missing_output_folder_is_a_usage_error(tmp_path: Path) -> None:
    found = graphdoc("check", "specs", "--out", str(tmp_path / "missing"))
    assert found.returncode == 2 and found.stdout == ""
    assert found.stderr.strip().splitlines() == [f"graphdoc: error: {tmp_path / 'missing'}: does not exist; graphdoc generate specs --out {tmp_path / 'missing'} writes it"]


def _without_root_powers() -> tuple[str, ...]:
    """A command prefix under which permissions hold: none for a user, and for root its
    powers over them dropped (root writes through read-only folders)."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root, and setpriv is not here to drop root's power over permissions")
    drop = "-dac_override,-dac_read_search"
    return (setpriv, "--bounding-set", drop, "--inh-caps", drop)


@pytest.mark.parametrize("read_only", ["out", "out/models", "."])
def test_a_read_only_output_or_parent_is_one_line_naming_it_and_leaves_nothing(tmp_path: Path, read_only: str) -> None:
    prefix = _without_root_powers()
    docs = tmp_path / "specs"
    shutil.copytree(SPECS, docs)
    parent = tmp_path / "p"
    parent.mkdir()
    assert graphdoc("generate", str(docs), "--out", str(parent / "out"), "-q").returncode == 0
    page = docs / "resources" / "synchronizationschedule.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Describes when", "Says when"), encoding="utf-8")  # the output changes
    locked = (parent / read_only).resolve()
    before = sorted(os.listdir(parent))
    locked.chmod(0o555)
    try:
        found = graphdoc("generate", str(docs), "--out", str(parent / "out"), prefix=prefix)
        listed = sorted(os.listdir(parent))
    finally:
        locked.chmod(0o755)
    assert found.returncode == 2, found.stderr
    (line,) = found.stderr.strip().splitlines()
    assert line.startswith(f"graphdoc: error: {locked}: read-only; graphdoc generate ")
    assert ".graphdoc-" not in line  # never graphdoc's own staging folder
    assert listed == before == ["out"]  # nothing left beside the output


def test_a_docs_folder_without_graph_pages_is_a_usage_error(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "resources").mkdir(parents=True)
    (docs / "api").mkdir()
    (docs / "resources" / "notes.md").write_text("# Notes\n\nSome text.\n\n## Section\n\nMore text.\n", encoding="utf-8")
    (docs / "api" / "howto.md").write_text("# How to\n\nDo things.\n", encoding="utf-8")
    found = graphdoc("generate", str(docs), "--out", str(tmp_path / "out"))
    assert found.returncode == 2
    (line,) = found.stderr.strip().splitlines()
    assert line.startswith(f"graphdoc: error: {docs}: no Graph reference pages here; graphdoc reads resources/*.md pages")
    assert "api/*.md pages that document a request" in line
    assert not (tmp_path / "out").exists()


def test_an_output_folder_of_any_name_imports_as_the_readme_shows(tmp_path: Path) -> None:
    assert graphdoc("generate", str(SPECS), "--out", str(tmp_path / "out-beta"), "-q").returncode == 0
    script = textwrap.dedent(
        """
        import importlib
        models = importlib.import_module("out-beta.models")
        job = models.SynchronizationJob.from_dict({"id": "j", "templateId": "Box"})
        handlers = importlib.import_module("out-beta.handlers")
        assert handlers.SynchronizationJobHandlers.__module__ == "out-beta.handlers.synchronization_job"
        from starlette.testclient import TestClient
        app = importlib.import_module("out-beta.handlers.app").app  # what uvicorn out-beta.handlers.app:app imports
        answer = TestClient(app).get("/synchronizations")
        print(answer.status_code, type(job).__name__)
        """
    )
    ran = subprocess.run([sys.executable, "-W", "ignore", "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.split() == ["200", "SynchronizationJob"]

"""Deterministic, atomic output and ``graphdoc check``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import GENERATED, ROOT, snapshot
from generator import write
from generator.cli import main


def graphdoc(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )


def test_output_is_byte_identical_across_runs_seeds_and_folders(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    first = snapshot(project / "generated")
    assert main(["generate", str(project / "specs"), "--out", str(project / "generated"), "-q"]) == 0
    assert snapshot(project / "generated") == first
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    for seed in ("1", "4242"):
        out = elsewhere / f"out-{seed}"
        result = graphdoc("generate", str(project / "specs"), "--out", str(out), "-q", cwd=elsewhere, env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        assert snapshot(out) == first
    # Relative paths from the project folder give the same bytes as absolute ones.
    result = graphdoc("generate", "specs", "--out", "again", "-q", cwd=project)
    assert result.returncode == 0 and snapshot(project / "again") == first
    assert not [name for name, data in first.items() if str(project).encode() in data]


def test_check_passes_on_current_output(project: Path) -> None:
    result = graphdoc("check", "specs", "--out", "generated", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_changed_spec_is_named_with_a_diff(project: Path) -> None:
    page = project / "specs/resources/synchronizationschedule.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Whether the schedule is currently in force.", "Is it on?"), encoding="utf-8")
    result = graphdoc("check", "specs", "--out", "generated", "--diff", cwd=project)
    assert result.returncode == 1
    assert "changed: generated/schemas/microsoft.graph.synchronizationSchedule.json" in result.stdout.splitlines()
    assert "changed: generated/model.json" in result.stdout.splitlines()
    assert '+          "description": "Is it on?",' in result.stdout
    assert "run graphdoc generate" in result.stderr


def test_added_removed_and_stray_files(project: Path) -> None:
    (project / "specs/resources/mutability.md").unlink()
    os.remove(project / "generated/schemas/microsoft.graph.filter.json")
    (project / "generated/notes.txt").write_text("mine", encoding="utf-8")
    result = graphdoc("check", "specs", "--out", "generated", cwd=project)
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert "added: generated/schemas/microsoft.graph.filter.json" in lines
    assert "removed: generated/schemas/microsoft.graph.mutability.json" in lines
    assert "stray: generated/notes.txt" in lines
    # generate refuses to touch a folder holding files it did not write, and says which.
    result = graphdoc("generate", "specs", "--out", "generated", cwd=project)
    assert result.returncode == 2 and "notes.txt" in result.stderr
    assert (project / "generated/notes.txt").read_text() == "mine"
    (project / "generated/notes.txt").unlink()
    assert graphdoc("generate", "specs", "--out", "generated", cwd=project).returncode == 0
    assert not (project / "generated/schemas/microsoft.graph.mutability.json").exists()
    assert graphdoc("check", "specs", "--out", "generated", cwd=project).returncode == 0


def test_failure_halfway_leaves_the_old_output(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(project / "generated")
    page = project / "specs/resources/filter.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Properties", "Properties "), encoding="utf-8")
    calls = {"n": 0}
    real = write.safe_relative

    def failing(name: str):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 20:
            raise RuntimeError("injected failure")
        return real(name)

    monkeypatch.setattr(write, "safe_relative", failing)
    with pytest.raises(RuntimeError):
        from generator.pipeline import generate

        generate(project / "specs", project / "generated")
    assert calls["n"] == 20
    assert snapshot(project / "generated") == before
    assert not list(project.glob(".generated.graphdoc-*"))  # no staging folder left behind


def test_usage_errors_exit_2(project: Path) -> None:
    result = graphdoc("check", "nowhere", cwd=project)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1


def test_settings_from_pyproject(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.graphdoc]\nspecs = "specs"\nout = "build/out"\n', encoding="utf-8")
    assert graphdoc("generate", "-q", cwd=project).returncode == 0
    assert (project / "build/out/model.json").is_file()
    assert graphdoc("check", cwd=project).returncode == 0
    # Command-line flags win over the settings.
    assert graphdoc("check", "--out", "generated", cwd=project).returncode == 0
    (project / "pyproject.toml").write_text("[tool.graphdoc]\nspec = 1\n", encoding="utf-8")
    result = graphdoc("check", cwd=project)
    assert result.returncode == 2 and "unknown [tool.graphdoc] key" in result.stderr


def test_lint_formats(tmp_path: Path) -> None:
    docs = tmp_path / "docs" / "resources"
    docs.mkdir(parents=True)
    (docs / "bad.md").write_text("---\ndoc_type: resourcePageType\n---\n# bad resource type\n\nText, no tables.\n")
    (docs / "dup.md").write_text("---\ndoc_type: resourcePageType\n---\n# bad resource type\n\n|Property|Type|Description|\n|-|-|-|\n|a|Int32|x|\n")
    text = graphdoc("lint", str(tmp_path / "docs"))
    assert text.returncode == 1
    assert "resources/dup.md:4: DUPLICATE_TYPE" in text.stdout or "resources/bad.md:4: DUPLICATE_TYPE" in text.stdout
    as_json = json.loads(graphdoc("lint", str(tmp_path / "docs"), "--format", "json").stdout)
    assert {"severity", "code", "message", "path", "line"} == set(as_json[0])
    github = graphdoc("lint", str(tmp_path / "docs"), "--format", "github").stdout.splitlines()
    assert any(line.startswith("::error file=resources/") and ",line=4,title=DUPLICATE_TYPE::" in line for line in github)
    assert graphdoc("lint", "specs").returncode == 0


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_hook_in_a_throwaway_repo(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    pre_commit = shutil.which("pre-commit")
    if pre_commit is None:
        pytest.skip("pre-commit is not installed (pip install '.[test]')")
    repo = project
    env = {"PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}  # fmt: skip
    run = lambda *a: subprocess.run(a, cwd=repo, capture_output=True, text=True, env={**os.environ, **env})  # noqa: E731
    assert run("git", "init", "-q").returncode == 0
    assert run("git", "add", ".").returncode == 0
    ok = run(pre_commit, "try-repo", str(ROOT), "graphdoc-check", "--all-files")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    page = repo / "specs/resources/synchronizationschedule.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("Whether the schedule is currently in force.", "Is it on?"), encoding="utf-8")
    stale = run(pre_commit, "try-repo", str(ROOT), "graphdoc-check", "--all-files")
    assert stale.returncode == 1 and "changed: generated/model.json" in stale.stdout


def test_generated_files_pass_the_output_checks() -> None:
    """The committed output: Python compiles, every JSON file is laid out as one
    printed document (templates that nest printed parts included), schemas are valid."""
    from output_checks import check_files

    files = {name: (GENERATED / name).read_text(encoding="utf-8") for name in write.existing_files(GENERATED) if name != write.MANIFEST}
    assert any(name.endswith("openapi.json") for name in files)
    check_files(files)

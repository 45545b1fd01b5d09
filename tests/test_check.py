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
from generator.output import write
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
    assert "run: graphdoc generate specs --out generated" in result.stderr


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
    page = project / "specs/resources/synchronizationschedule.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Whether the schedule is currently in force.", "On?"), encoding="utf-8")
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
    (docs / "a.md").write_text("---\ndoc_type: resourcePageType\n---\n# a resource type\n\n|Property|Type|Description|\n|-|-|-|\n|a|String|x|\n")
    (docs / "dup.md").write_text("---\ndoc_type: resourcePageType\n---\n# a resource type\n\n|Property|Type|Description|\n|-|-|-|\n|a|Int32|x|\n")
    # Paths read from the working folder: relative below it, absolute elsewhere.
    text = graphdoc("lint", "docs", cwd=tmp_path)
    assert text.returncode == 1
    assert "docs/resources/dup.md:4: error: DUPLICATE_TYPE " in text.stdout
    assert "docs/resources/bad.md:4: warning: NO_TABLES " in text.stdout
    elsewhere = graphdoc("lint", str(tmp_path / "docs"))
    assert f"{(tmp_path / 'docs').as_posix()}/resources/dup.md:4: error: DUPLICATE_TYPE " in elsewhere.stdout
    as_json = json.loads(graphdoc("lint", "docs", "--format", "json", cwd=tmp_path).stdout)
    assert {"severity", "code", "message", "path", "line"} == set(as_json[0])
    assert {d["path"] for d in as_json} == {"docs/resources/bad.md", "docs/resources/dup.md"}
    github = graphdoc("lint", "docs", "--format", "github", cwd=tmp_path).stdout.splitlines()
    assert "::error file=docs/resources/dup.md,line=4,title=DUPLICATE_TYPE::" in "\n".join(github)
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
    # graphdoc-diff, against the base branch as the hook's arguments name it: prose changes no contract
    assert run("git", "add", ".").returncode == 0
    assert run("git", "commit", "-qm", "specs").returncode == 0
    assert run("git", "update-ref", "refs/remotes/origin/main", "HEAD").returncode == 0
    page.write_text(page.read_text(encoding="utf-8").replace("Is it on?", "Whether it is on."), encoding="utf-8")
    same = run(pre_commit, "try-repo", str(ROOT), "graphdoc-diff", "--all-files")
    assert same.returncode == 0, same.stdout + same.stderr
    kept = [line for line in page.read_text(encoding="utf-8").splitlines() if "interval" not in line]  # its row and its JSON
    page.write_text("\n".join(kept) + "\n", encoding="utf-8")
    broken = run(pre_commit, "try-repo", str(ROOT), "graphdoc-diff", "--all-files")
    assert broken.returncode == 1 and "breaking: property-removed microsoft.graph.synchronizationSchedule has no property interval" in broken.stdout


def test_generated_files_pass_the_output_checks() -> None:
    """The committed output: Python compiles, every JSON file is laid out as one
    printed document (templates that nest printed parts included), schemas are valid."""
    from output_checks import check_files

    files = {name: (GENERATED / name).read_text(encoding="utf-8") for name in write.existing_files(GENERATED) if name != write.MANIFEST}
    assert any(name.endswith("openapi.json") for name in files)
    check_files(files)


def test_tools_caches_in_the_output_are_neither_stray_nor_kept(project: Path) -> None:
    """With bytecode writing on, as on users' machines: importing the generated code,
    then check and generate, treat the caches Python and the checkers leave as theirs."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    imported = subprocess.run(
        [sys.executable, "-c", "import generated.models, generated.handlers.app"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert imported.returncode == 0, imported.stderr
    out = project / "generated"
    assert list(out.glob("**/__pycache__/*.pyc")), "importing wrote no bytecode: the test proves nothing"
    for cache in (".mypy_cache", ".ruff_cache", ".pytest_cache", "models/.mypy_cache"):
        (out / cache).mkdir(parents=True, exist_ok=True)
        (out / cache / "CACHEDIR.TAG").write_text("a tool's cache", encoding="utf-8")
    (out / "models/old.pyc").write_bytes(b"\0")
    result = graphdoc("check", "specs", "--out", "generated", cwd=project)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr
    result = graphdoc("generate", "specs", "--out", "generated", cwd=project)
    assert result.returncode == 0 and "generated is already current" in result.stderr, result.stderr
    # A change replaces the folder: the caches, which belong to no file of the new output, go with it.
    page = project / "specs/resources/synchronizationschedule.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Whether the schedule is currently in force.", "On?"), encoding="utf-8")
    result = graphdoc("generate", "specs", "--out", "generated", cwd=project)
    assert result.returncode == 0 and "wrote generated" in result.stderr, result.stderr
    assert not list(out.glob("**/__pycache__")) and not (out / ".mypy_cache").exists()
    assert graphdoc("check", "specs", "--out", "generated", cwd=project).returncode == 0
    # Anything else unknown is still the user's, and refused.
    (out / "models/notes.py").write_text("# mine\n", encoding="utf-8")
    assert graphdoc("generate", "specs", "--out", "generated", cwd=project).returncode == 2


def test_the_output_folder_gets_the_permissions_mkdir_gives(project: Path) -> None:
    old = os.umask(0o022)
    try:
        fresh = project / "fresh"
        assert main(["generate", str(project / "specs"), "--out", str(fresh), "-q"]) == 0
        assert oct(fresh.stat().st_mode & 0o777) == oct(0o755)
    finally:
        os.umask(old)
    result = subprocess.run(["stat", "-c", "%a", str(project / "generated")], capture_output=True, text=True, check=False)
    assert result.stdout.strip() in ("755", ""), result.stdout  # "" where stat has no -c


def test_check_diff_shows_the_files_and_not_the_manifest_hashes(project: Path) -> None:
    page = project / "specs/resources/synchronizationschedule.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Whether the schedule is currently in force.", "Is it on?"), encoding="utf-8")
    result = graphdoc("check", "specs", "--out", "generated", "--diff", cwd=project)
    assert result.returncode == 1
    assert write.MANIFEST not in result.stdout  # its hash lines restate the other changes
    # Alone, a changed manifest is news, and shown.
    graphdoc("generate", "specs", "--out", "generated", "-q", cwd=project)
    manifest = project / "generated" / write.MANIFEST
    manifest.write_text(manifest.read_text(encoding="utf-8") + "0" * 64 + "  gone.txt\n", encoding="utf-8")
    result = graphdoc("check", "specs", "--out", "generated", "--diff", cwd=project)
    assert result.returncode == 1 and result.stdout.startswith(f"changed: generated/{write.MANIFEST}")


def test_generate_says_when_nothing_changed(project: Path) -> None:
    first = graphdoc("generate", "specs", "--out", "generated", cwd=project)
    assert first.returncode == 0 and first.stderr.rstrip().endswith("generated is already current"), first.stderr
    no_record = graphdoc("generate", "specs", "--out", "generated", cwd=project, env={"GRAPHDOC_CACHE_DIR": ""})
    assert no_record.stderr.rstrip().endswith("generated is already current"), no_record.stderr  # found by comparing, too
    inode = (project / "generated").stat().st_ino
    assert (project / "generated").stat().st_ino == inode  # not replaced

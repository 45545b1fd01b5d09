"""The command line as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import GENERATED, ROOT, SPECS, write_docs
from generator.cli import main
from generator.emit import emit_all
from generator.pipeline import build_model
from generator.output.write import encode, existing_files


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True)


def test_inspect_json_on_specs() -> None:
    result = run("inspect", "specs", "--format", "json")
    assert result.returncode == 0, result.stderr
    dump = json.loads(result.stdout)
    assert set(dump) == {"types", "operations", "examples", "diagnostics"}
    start = next(op for op in dump["operations"] if op["id"] == "synchronizationJob.start")
    assert start["kind"] == "action" and start["item"] == "microsoft.graph.synchronizationJob"
    assert {"path": ["status", "code"], "value": "Active"} in start["effects"]
    names = {t["fullName"] for t in dump["types"]}
    assert len(names) >= 35
    assert not [d for d in dump["diagnostics"] if d["severity"] == "error"]
    sync = next(t for t in dump["types"] if t["fullName"] == "microsoft.graph.synchronization")
    assert sync["kind"] == "entity" and sync["baseType"] == "microsoft.graph.entity"
    assert [p["name"] for p in sync["properties"]] == ["secrets"]
    assert [n["name"] for n in sync["navigationProperties"]] == ["jobs", "templates"]
    assert [m["name"] for m in sync["methods"]] == [
        "List synchronizations",
        "Create synchronization",
        "Get synchronization",
        "Update synchronization",
        "Delete synchronization",
        "acquireAccessToken",
        "Ping",
        "List jobs",
        "Create synchronizationJob",
        "List templates",
        "Create synchronizationTemplate",
    ]
    for method in sync["methods"]:
        assert method["httpMethod"] in ("GET", "POST", "PUT", "PATCH", "DELETE")
        assert method["path"].startswith("/")
    for spec_type in dump["types"]:
        expected = {
            "fullName", "name", "namespace", "kind", "baseType", "abstract", "openType", "keyProperty",
            "properties", "navigationProperties", "members", "methods", "source", "description",
        }  # fmt: skip
        assert expected <= set(spec_type)
        assert spec_type["kind"] in ("entity", "complex", "enum")


def test_every_spec_page_yields_its_type(spec_model) -> None:  # type: ignore[no-untyped-def]
    sources = {t.source.path for t in spec_model.types}
    for page in (SPECS / "resources").glob("*.md"):
        assert f"resources/{page.name}" in sources, page.name


def test_specs_exercise_every_format_feature(spec_model) -> None:  # type: ignore[no-untyped-def]
    types = spec_model.types
    assert any(t.kind == "enum" and t.source.path.endswith(t.name.lower() + ".md") for t in types)  # enum page
    assert any(p.values for t in types for p in t.properties)  # "Possible values are: ..." on a String
    assert any(t.abstract for t in types)
    assert any(t.base_type for t in types)
    assert any(t.open_type for t in types)
    assert any(p.collection and spec_model.get(p.type) and spec_model.get(p.type).kind == "complex" for t in types for p in t.properties)
    assert any(t.navigation_properties for t in types)


def test_inspect_text_summarises() -> None:
    result = run("inspect", "specs")
    assert result.returncode == 0
    assert "types (" in result.stdout.splitlines()[-1]


def test_generated_folder_is_current() -> None:
    expected, _ = encode(emit_all(build_model(SPECS)))
    on_disk = set(existing_files(GENERATED))  # bytecode that importing it left is not graphdoc's
    assert on_disk == set(expected), "generated/ has missing or stray files: run graphdoc generate"
    for name, data in expected.items():
        assert (GENERATED / name).read_bytes() == data, f"generated/{name} is stale: run graphdoc generate"


def test_generate_writes_model_json(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["generate", str(SPECS), "--out", str(out), "--quiet"]) == 0
    dump = json.loads((out / "model.json").read_text(encoding="utf-8"))
    assert any(t["name"] == "synchronizationJob" for t in dump["types"])


@pytest.mark.parametrize(
    "args, message",
    [
        (["inspect", "no/such/folder"], "does not exist"),
        (["inspect", "README.md"], "not a folder"),
        (["inspect", "tests"], "no resources/ or api/ folder"),
        (["inspect", "--format", "yaml"], "invalid choice"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_refuses_to_overwrite_foreign_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("keep me")
    result = run("generate", str(SPECS), "--out", str(out))
    assert result.returncode == 2 and "mine.txt" in result.stderr
    assert (out / "mine.txt").read_text() == "keep me"


def test_readme_lists_every_diagnostic_code() -> None:
    from generator.base.diagnostics import CODES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code, (severity, _) in CODES.items():
        assert f"| `{code}` | {severity} |" in readme, code


def _run_on_terminal(args: list[str], tmp_path: Path) -> tuple[str, str]:
    """Run graphdoc with stderr on a pseudo-terminal; return (terminal text, stdout)."""
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a 100-column terminal
    env = {**os.environ, "GRAPHDOC_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.Popen([sys.executable, "-m", "generator", *args], stderr=follower, stdout=subprocess.PIPE, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    stdout = proc.communicate()[0]
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace"), stdout.decode()


def test_progress_bar_only_on_a_terminal_and_never_when_quiet(tmp_path: Path) -> None:
    from pages import resource

    docs = write_docs(tmp_path / "docs", {f"resources/t{i}.md": resource(f"t{i}", [("name", "String", "A name.")]) for i in range(250)})
    shown, _ = _run_on_terminal(["generate", str(docs), "--out", str(tmp_path / "a")], tmp_path)
    assert "parse" in shown and "%|" in shown and "250 types" in shown
    quiet, _ = _run_on_terminal(["generate", str(docs), "--out", str(tmp_path / "b"), "--quiet"], tmp_path)
    assert quiet == ""
    piped = subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(docs), "--out", str(tmp_path / "c")],
        capture_output=True, text=True, env={**os.environ, "GRAPHDOC_CACHE_DIR": ""},
    )
    assert piped.returncode == 0 and "%|" not in piped.stderr and "250 types" in piped.stderr


def test_version_and_bare_graphdoc() -> None:
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("graphdoc ")
    bare = run()
    assert bare.returncode == 2
    for command in ("generate", "check", "lint", "validate", "serve", "inspect"):
        assert f"    {command} " in bare.stderr, command


@pytest.mark.parametrize("command", ["", "generate", "check", "lint", "validate", "serve", "inspect"])
def test_help_is_plain_text_and_every_talkative_command_can_be_quiet(command: str) -> None:
    result = run(*([command] if command else []), "--help")
    assert result.returncode == 0
    assert "``" not in result.stdout and ":func:" not in result.stdout
    if command:
        assert "-q, --quiet" in result.stdout


def test_select_and_severity_filter_inspect_and_lint(tmp_path: Path) -> None:
    from pages import resource

    docs = write_docs(
        tmp_path / "docs",
        {
            "resources/widget.md": resource("widget", [("size", "Int32", "Not yet documented")]),
            "resources/gadget.md": "# gadget resource type\n\nNo tables at all.\n",
        },
    )
    everything = run("lint", str(docs), "--severity", "info", "-q").stdout.splitlines()
    assert any(": warning: NO_TABLES " in line for line in everything)
    assert any(": info: PLACEHOLDER_TEXT " in line for line in everything)
    warnings = run("lint", str(docs), "-q").stdout.splitlines()  # lint's default: warnings and errors
    assert warnings and all(": warning: " in line or ": error: " in line for line in warnings)
    selected = run("inspect", str(docs), "--select", "placeholder_text", "-q")
    assert selected.returncode == 0
    assert [line.split(": ")[2].split()[0] for line in selected.stdout.splitlines()] == ["PLACEHOLDER_TEXT"]
    both = run("lint", str(docs), "--select", "NO_TABLES,PLACEHOLDER_TEXT", "--format", "json", "-q")
    assert {d["code"] for d in json.loads(both.stdout)} == {"NO_TABLES", "PLACEHOLDER_TEXT"}
    unknown = run("lint", str(docs), "--select", "NO_SUCH_CODE")
    assert unknown.returncode == 2 and "NO_SUCH_CODE" in unknown.stderr and len(unknown.stderr.splitlines()) == 1
    summary = run("lint", str(docs))
    assert "examples:" in summary.stderr and "examples:" not in run("lint", str(docs), "-q").stderr


def test_missing_folders_say_they_do_not_exist(tmp_path: Path) -> None:
    for args in (["inspect", "no/such/docs"], ["serve", "--out", "no/such/out"], ["validate", "x.json", "--schemas", "no/such"]):
        result = run(*args)
        assert result.returncode == 2 and "does not exist" in result.stderr, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1


def test_settings_come_from_the_nearest_pyproject_upward(tmp_path: Path) -> None:
    import shutil

    project = tmp_path / "project"
    shutil.copytree(SPECS, project / "docs" / "graph")
    (project / "pyproject.toml").write_text('[tool.graphdoc]\nspecs = "docs/graph"\nout = "build/api"\n', encoding="utf-8")
    deeper = project / "src" / "pkg"
    deeper.mkdir(parents=True)
    (project / "src" / "pyproject.toml").write_text("[tool.black]\nline-length = 100\n", encoding="utf-8")  # no [tool.graphdoc]: passed over
    result = run("generate", "-q", cwd=deeper)
    assert result.returncode == 0, result.stderr
    assert (project / "build/api/model.json").is_file()  # the settings' folders are relative to their file
    assert run("check", cwd=deeper).returncode == 0
    lint = run("lint", "--format", "github", "-q", cwd=project)
    assert lint.returncode == 0


def test_serve_on_a_busy_port_is_a_usage_error() -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("serve", "--port", str(port))
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == f"graphdoc: error: port {port} is already in use; pick another with --port"

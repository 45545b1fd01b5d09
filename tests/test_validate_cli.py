"""``graphdoc validate``: one line per error, and exit codes 0, 1, 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "validate", *args], cwd=ROOT, capture_output=True, text=True)


def write(tmp_path: Path, name: str, content: object) -> str:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return str(path)


def test_valid_payload_exits_0(tmp_path: Path) -> None:
    good = write(tmp_path, "good.json", {"@odata.type": "#microsoft.graph.synchronizationSchedule", "state": "Active"})
    result = run(good)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_invalid_payload_exits_1_with_a_line_per_error(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.json", {"interval": "soon", "state": "Sleeping", "colour": "red"})
    result = run(bad, "--type", "synchronizationSchedule")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert all(line.startswith(bad + ": /") for line in lines)
    assert any("/interval: expected a duration string, found string \"soon\"" in line for line in lines)


def test_mixed_files(tmp_path: Path) -> None:
    good = write(tmp_path, "good.json", {"state": "Active"})
    bad = write(tmp_path, "bad.json", {"state": 1})
    result = run(good, bad, "--type", "microsoft.graph.synchronizationSchedule")
    assert result.returncode == 1 and "1 valid, 1 invalid" in result.stderr


def test_exit_2_cases_are_one_line_each(tmp_path: Path) -> None:
    cases = {
        "not-json.json": "{not json",
        "no-type.json": {"state": "Active"},
        "deep.json": "[" * 100000 + "]" * 100000,
        "dup.json": '{"state": "Active", "state": "Paused"}',
        "nan.json": '{"x": NaN}',
    }
    for name, content in cases.items():
        path = write(tmp_path, name, content)
        result = run(path)
        assert result.returncode == 2, name
        assert "Traceback" not in result.stderr
        error_lines = [line for line in result.stderr.splitlines() if not line.startswith("0 valid")]
        assert len(error_lines) == 1 and error_lines[0].startswith(path + ": "), (name, result.stderr)
    assert run(str(tmp_path / "missing.json")).returncode == 2
    assert run(write(tmp_path, "x.json", {}), "--type", "noSuchType").returncode == 2
    assert run(write(tmp_path, "y.json", {}), "--schemas", str(tmp_path)).returncode == 2
    assert run().returncode == 2


def test_large_payload(tmp_path: Path) -> None:
    payload = {"@odata.type": "#microsoft.graph.synchronizationTemplate", "description": "x" * 5_000_000}
    result = run(write(tmp_path, "big.json", payload))
    assert result.returncode == 0, result.stderr


def test_many_files_and_standard_input_in_one_run(tmp_path: Path) -> None:
    good = write(tmp_path, "good.json", {"state": "Active"})
    result = subprocess.run(
        [sys.executable, "-m", "generator", "validate", good, "-", "--type", "synchronizationSchedule"],
        cwd=ROOT,
        input='{"state": "Sleeping"}',
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stdout.startswith("<stdin>: /state: expected one of")
    assert "1 valid, 1 invalid" in result.stderr


def test_a_payload_without_a_type_is_a_usage_error_that_says_pass_type(tmp_path: Path) -> None:
    result = run(write(tmp_path, "untyped.json", {"state": "Active"}))
    assert result.returncode == 2
    assert "pass --type" in result.stderr and "unreadable" not in result.stderr
    assert "0 valid, 0 invalid, 1 without a type" in result.stderr


def test_an_array_root_is_reported_once(tmp_path: Path) -> None:
    payload = write(tmp_path, "array.json", [{"state": "Active"}])
    result = run(payload, "--type", "synchronizationSchedule")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [f"{payload}: (root): expected object, found array"]
    untyped = run(payload)
    assert untyped.returncode == 2 and "is an array" in untyped.stderr


def test_schemas_may_name_the_output_folder(tmp_path: Path) -> None:
    good = write(tmp_path, "good.json", {"state": "Active"})
    for folder in ("generated", "generated/schemas"):
        result = run(good, "--type", "synchronizationSchedule", "--schemas", folder)
        assert result.returncode == 0, (folder, result.stderr)


def test_the_default_schema_folder_follows_the_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    import generator

    payload = {"state": "Active"}
    monkeypatch.chdir(ROOT)
    assert generator.validate(payload, "synchronizationSchedule") == []
    elsewhere = tmp_path / "other"
    shutil.copytree(ROOT / "generated" / "schemas", elsewhere / "generated" / "schemas")
    bundle = elsewhere / "generated" / "schemas" / "bundle.json"
    bundle.write_text(bundle.read_text(encoding="utf-8").replace('"Active"', '"Running"'), encoding="utf-8")
    monkeypatch.chdir(elsewhere)
    assert generator.validate(payload, "synchronizationSchedule") != []  # that folder's schemas, not the first ones

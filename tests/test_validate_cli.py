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


def test_a_collection_response_is_checked_item_by_item(tmp_path: Path) -> None:
    page = {
        "@odata.context": "https://graph.microsoft.com/beta/$metadata#pairs",
        "@odata.nextLink": "https://graph.microsoft.com/beta/pairs?$skiptoken=2",
        "value": [{"key": "a"}, {"key": 5}],
    }
    path = write(tmp_path, "page.json", page)
    # the type is open: as one payload, the page is a valid pair with a property "value"
    assert run(path, "--type", "stringKeyObjectValuePair").returncode == 0
    result = run(path, "--type", "stringKeyObjectValuePair", "--collection")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [f'{path}: /value/1/key: expected string or null, found number 5']
    typed = write(tmp_path, "typed.json", {"value": [{"@odata.type": "#microsoft.graph.synchronizationSchedule", "state": "Sleeping"}]})
    result = run(typed, "--collection")  # each item's own @odata.type
    assert result.returncode == 1 and "/value/0/state: expected one of" in result.stdout
    shapes = {
        "not-a-page.json": ({"key": "a"}, "(root): expected an array of the items (a collection response), found an object without value"),
        "bad-link.json": ({"value": [], "@odata.nextLink": 3}, "/@odata.nextLink: expected a URL string, found number"),
        "stray.json": ({"value": [], "items": []}, "/items: expected no such property (a collection response holds value and @odata annotations)"),
    }
    for name, (payload, said) in shapes.items():
        result = run(write(tmp_path, name, payload), "--type", "stringKeyObjectValuePair", "--collection")
        assert result.returncode == 1 and said in result.stdout, (name, result.stdout)


def test_the_library_checks_a_collection_too() -> None:
    import generator

    issues = generator.validate({"value": [{"state": "Active"}, {"state": 1}]}, type="synchronizationSchedule", schemas=ROOT / "generated", collection=True)
    assert {i.pointer for i in issues} == {"/value/1/state"}


def test_a_flags_error_names_the_members(tmp_path: Path) -> None:
    result = run(write(tmp_path, "flags.json", "\"Add, Bogus\""), "--type", "objectFlowTypes")
    assert result.returncode == 1
    assert result.stdout.strip().endswith(
        'expected a comma-separated combination of "None", "Add", "Update", "Delete", found string "Add, Bogus" ("Bogus" is no member)'
    )
    assert "\\s" not in result.stdout  # no raw regular expression


def test_an_unknown_type_is_its_own_outcome(tmp_path: Path) -> None:
    good = write(tmp_path, "good.json", {"@odata.type": "#microsoft.graph.synchronizationSchedule", "state": "Active"})
    stranger = write(tmp_path, "stranger.json", {"@odata.type": "#microsoft.graph.noSuchType"})
    result = run(good, stranger)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{stranger}: type 'microsoft.graph.noSuchType' is not among the schemas", "1 valid, 0 invalid, 1 of an unknown type"]


def test_schemas_may_name_the_bundle_and_a_file_that_is_none_says_so(tmp_path: Path) -> None:
    good = write(tmp_path, "good.json", {"state": "Active"})
    assert run(good, "--type", "synchronizationSchedule", "--schemas", "generated/schemas/bundle.json").returncode == 0
    other = write(tmp_path, "x.json", {"type": "object"})
    result = run(good, "--type", "synchronizationSchedule", "--schemas", other)
    assert result.returncode == 2
    assert result.stderr.strip() == f"graphdoc: error: {other}: not a graphdoc schema bundle; give the schema folder graphdoc generate wrote"


def test_the_library_keeps_a_folders_schemas_until_its_bundle_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import shutil
    import time

    import generator
    from generator.payloads import validation

    shutil.copytree(ROOT / "generated" / "schemas", tmp_path / "generated" / "schemas")
    monkeypatch.chdir(tmp_path)
    loads: list[Path] = []
    read = validation.SchemaSet.from_bundle.__func__  # type: ignore[attr-defined]
    monkeypatch.setattr(validation.SchemaSet, "from_bundle", classmethod(lambda cls, bundle: loads.append(bundle) or read(cls, bundle)))
    for _ in range(200):
        assert generator.validate({"state": "Active"}, type="synchronizationSchedule") == []
        time.sleep(0.0002)  # past the recheck now and then: the bundle's file is looked at again
    assert len(loads) == 1
    bundle = tmp_path / "generated" / "schemas" / "bundle.json"
    bundle.write_text(bundle.read_text(encoding="utf-8").replace('"Active"', '"Running"'), encoding="utf-8")
    os.utime(bundle, ns=(time.time_ns(), time.time_ns() + 10**9))  # a clock that ticks coarsely still shows a change
    time.sleep(2 * validation.RECHECK)
    assert generator.validate({"state": "Active"}, type="synchronizationSchedule") != []
    assert len(loads) == 2

"""The validator against hostile payloads: deep nesting, 50 MB, huge numbers, lone surrogates.

Each gets a clear one-line answer (exit 1 for an invalid payload, 2 for one that
can't be read), never a traceback, in bounded time and memory.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import GENERATED, ROOT

import generator
from generator.payloads import files as payloads
from generator.payloads.validation import MAX_ISSUES

SCHEMAS = GENERATED / "schemas"
SCHEDULE = "#microsoft.graph.synchronizationSchedule"
MIB = 1024 * 1024


def typed(rest: str, odata_type: str = SCHEDULE) -> str:
    """A payload's text: ``@odata.type`` first, then ``rest`` as written."""
    return '{"@odata.type": "' + odata_type + '", ' + rest + "}"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "validate", *args, "--schemas", str(SCHEMAS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def peak_memory(*args: str) -> tuple[int, subprocess.CompletedProcess[str]]:
    """Run ``graphdoc validate`` in a child of a fresh interpreter; its peak resident size in bytes."""
    probe = (
        "import json, resource, subprocess, sys\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "print(json.dumps([resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode, r.stdout, r.stderr]))\n"
    )
    command = [sys.executable, "-m", "generator", "validate", *args, "--schemas", str(SCHEMAS)]
    outer = subprocess.run(
        [sys.executable, "-c", probe, *command], cwd=ROOT, capture_output=True, text=True, check=True
    )
    kib, code, stdout, stderr = json.loads(outer.stdout)
    return kib * 1024, subprocess.CompletedProcess(command, code, stdout, stderr)


def one_error_line(result: subprocess.CompletedProcess[str], path: Path) -> str:
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith(str(path))]
    assert len(lines) == 1, result.stderr
    return lines[0]


def deep(levels: int) -> str:
    """An attributeMappingSource nested ``levels`` times through its own parameters."""
    return '{"parameters": [{"value": ' * levels + "{}" + "}]}" * levels


UNREADABLE = {
    "deep.json": (deep(3_400), "nested too deeply"),  # over 10,000 containers deep
    "overflow.json": (typed('"x": 1e400'), "the number 1e400 is past the range of a double"),
    "negative.json": (typed('"x": -2E+999'), "-2E+999 is past the range"),
    "long-int.json": (typed('"x": ' + "7" * 5000), "an integer longer than 4300 digits"),
    "surrogate.json": (
        typed('"state": "\\ud800"'),
        "the string or key at /state holds half",
    ),
    "surrogate-key.json": (typed('"a\\udfffb": 1'), "/a\\udfffb holds half"),
    "duplicate.json": (typed('"state": "Active", "state": "Paused"'), "appears twice"),
}


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_unreadable_payloads_exit_2_with_one_clear_line(tmp_path: Path, name: str) -> None:
    text, says = UNREADABLE[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = run("--type", "attributeMappingSource", str(path)) if name == "deep.json" else run(str(path))
    assert result.returncode == 2, result.stdout + result.stderr
    assert says in one_error_line(result, path)
    with pytest.raises(payloads.PayloadError, match="JSON|Unicode"):
        payloads.parse(text)


def test_numbers_that_fit_are_checked_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "wide.json"
    big = "9" * 400  # an integer Python reads exactly, far past Int32
    path.write_text(typed('"matchingPriority": ' + big, "#microsoft.graph.attributeMapping"))
    result = run(str(path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (line,) = result.stdout.splitlines()
    assert (
        line.startswith(f"{path}: /matchingPriority: expected a number <= 2147483647")
        and len(line) < len(str(path)) + 200
    )
    pair = tmp_path / "pair.json"
    pair.write_text(typed('"state": "\\ud83d\\ude00"'))  # a whole pair: an emoji
    assert "half of a surrogate pair" not in run(str(pair)).stderr


def test_the_api_never_raises_on_what_python_can_hold() -> None:
    schedule = {"state": "\ud800", "\udc00": 1, "interval": float("inf")}
    issues = generator.validate(schedule, type="synchronizationSchedule", schemas=SCHEMAS)
    assert {i.pointer for i in issues} == {"/state", "/\\udc00", "/interval"}
    for issue in issues:
        str(issue).encode("utf-8")  # printable: lone surrogates come back escaped
    nested: dict[str, Any] = {}
    node = nested
    for _ in range(10_000):
        node["parameters"] = [{"value": {}}]
        node = node["parameters"][0]["value"]
    (issue,) = generator.validate(nested, type="attributeMappingSource", schemas=SCHEMAS)
    assert issue.found == "nesting too deep to check"


def test_issues_are_capped_per_payload() -> None:
    operand = {"values": list(range(100_000))}  # a collection of strings, every value wrong
    issues = generator.validate(operand, type="filterOperand", schemas=SCHEMAS)
    assert len(issues) == MAX_ISSUES + 1
    assert issues[-2].pointer == f"/values/{MAX_ISSUES - 1}"
    assert str(issues[-1]) == f"(root): expected at most {MAX_ISSUES} issues listed, found more"


@pytest.mark.parametrize("shape", ["one string", "many values"])
def test_50_mb_payload_in_bounded_memory(tmp_path: Path, shape: str) -> None:
    path = tmp_path / "big.json"
    with open(path, "w", encoding="utf-8") as handle:
        if shape == "one string":  # a 50 MB value where an enum member belongs
            handle.write(typed('"state": "' + "x" * (50 * MIB) + '"'))
        else:  # 25 million numbers where strings belong
            handle.write('{"@odata.type": "#microsoft.graph.filterOperand", "values": [')
            chunk = "1," * MIB
            handle.writelines(chunk for _ in range(25))
            handle.write("1")
            handle.write("]}")
    assert path.stat().st_size >= 50 * 1000 * 1000
    peak, result = peak_memory(str(path))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert 1 <= len(lines) <= MAX_ISSUES + 1 and all(len(line) < 400 for line in lines)
    assert peak < 1024 * MIB, f"peak resident memory {peak // MIB} MiB"


def test_an_unreadable_payload_is_not_counted_valid(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    result = run(str(path))
    assert result.returncode == 2
    assert "1 valid" not in result.stderr

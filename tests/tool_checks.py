"""The tools users feed generated code to, as commands: black, the pinned ruff and
``mypy --strict`` over Python, the OpenAPI 3.1 validator over ``openapi.json``.

Run as a script, it checks the whole corpus's output, as one process:

    python tests/tool_checks.py DOCS OUT RESULTS

generates DOCS into OUT as a user does (``graphdoc generate``), says so in
``generated_mark(OUT)`` (the generate step's result, JSON), then runs each check one after
another and writes each one's exit code and the end of its output to RESULTS (JSON).
The checks take up to a minute of one core each on the corpus, so the test session starts
this beside the other tests (conftest) and asserts the results at its end; tests that only
need the output (the SDK's calls to its mock) start as soon as the mark is there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

VALIDATE_OPENAPI = "import json, sys; from openapi_spec_validator import validate; validate(json.load(open(sys.argv[1], encoding='utf-8')))"


def gate_commands(target: Path, mypy_cache: Path) -> list[tuple[str, list[str]]]:
    """The code gates over a folder of Python (a generated output folder, or graphdoc's
    runtime modules), each a name and a command."""
    python = sys.executable
    return [
        ("black", [python, "-m", "black", "--check", "--quiet", str(target)]),
        *(
            (f"ruff {version}", [python, "-m", "ruff", "check", "--isolated", "--no-cache", "--target-version", version, "--output-format", "concise", str(target)])
            for version in ("py310", "py313")  # the oldest Python the code runs on, and a recent one
        ),
        ("mypy", [python, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", str(mypy_cache), str(target)]),
    ]


def corpus_commands(docs: Path, out: Path) -> list[tuple[str, list[str]]]:
    python = sys.executable
    return [
        ("generate", [python, "-m", "generator", "generate", str(docs), "--out", str(out), "-q"]),
        *gate_commands(out, out.parent / ".mypy"),
        ("openapi", [python, "-c", VALIDATE_OPENAPI, str(out / "openapi.json")]),
    ]


def generated_mark(out: Path) -> Path:
    """Where the generate step's result is written once OUT is complete."""
    return out.with_name(out.name + ".generated.json")


def _write(path: Path, found: dict[str, dict[str, object]]) -> None:
    written = path.with_suffix(".partial")
    written.write_text(json.dumps(found), encoding="utf-8")
    written.replace(path)


def main(docs: Path, out: Path, results: Path) -> None:
    parent = os.getppid()
    found: dict[str, dict[str, object]] = {}
    for name, command in corpus_commands(docs, out):
        with subprocess.Popen(command, cwd=out.parent, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as step:
            while True:
                try:
                    said, _ = step.communicate(timeout=2)
                    break
                except subprocess.TimeoutExpired:
                    if os.getppid() != parent:  # the test session is gone (killed): so is the point
                        step.kill()
                        sys.exit(1)
        found[name] = {"returncode": step.returncode, "output": said[-3000:]}
        if name == "generate":
            _write(generated_mark(out), found)
            if step.returncode:
                break  # nothing to check
    _write(results, found)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))

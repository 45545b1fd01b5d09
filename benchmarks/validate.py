"""Payload validation speed: SchemaSet.validate and generator.validate(payload, type=...) with
its default folder, in a loop, against a prebuilt jsonschema validator and jsonschema-rs called
directly, on the same payloads, in one process; today's code (the branch point, or
--baseline-ref) measured the same way in a process of its own; and `graphdoc validate` on
10,000 payload files, new against old.

Payloads: every documented example of the specs and of the corpus (../shared/graph-docs/beta,
or DOCS) that passes its schema, and a valid synchronizationJob payload; the invalid ones are
the valid ones with a property their (closed) type does not have.

    python benchmarks/validate.py [DOCS] [--corpus-out DIR] [--baseline-ref REF] [--files 10000]

--corpus-out reuses an output folder `graphdoc generate DOCS` wrote (otherwise one is
generated into a temporary folder, with a cache of its own).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DOCS = ROOT.parent / "shared" / "graph-docs" / "beta"
JOB = {
    "@odata.type": "#microsoft.graph.synchronizationJob",
    "id": "job",
    "templateId": "t",
    "schedule": {"interval": "PT40M", "state": "Active", "expiration": "2026-01-01T00:00:00Z"},
    "status": {"code": "Active", "countSuccessiveCompleteFailures": 3},
}
Payloads = list[tuple[str, Any]]  # (full type name, payload)


def examples(docs: Path, schemas: Path) -> tuple[Payloads, Payloads]:
    """(valid, invalid) typed examples of the docs, checked against the schemas in ``schemas``."""
    from generator.payloads.validation import SchemaError, SchemaSet
    from generator.pipeline import build_model
    from generator.service.lint import _request_types, _values, example_type

    model = build_model(docs)
    schema_set = SchemaSet.from_dir(schemas)
    request_types = _request_types(model)
    valid: Payloads = []
    invalid: Payloads = []
    for example in model.examples:
        type_name = example_type(example, request_types)
        if type_name is None or example.body is None:
            continue
        for _, value in _values(example, type_name) or ():
            try:
                full_name = schema_set.full_name(type_name)
            except SchemaError:
                continue
            if full_name not in schema_set.by_name or schema_set.validate(value, full_name):
                continue
            valid.append((full_name, value))
            if isinstance(value, dict):
                broken = {**value, "notAProperty": 1}
                if schema_set.validate(broken, full_name):
                    invalid.append((full_name, broken))
    return valid, invalid


def rates(calls: dict[str, Callable[[str, Any], object]], payloads: Payloads, seconds: float = 0.3, rounds: int = 7) -> dict[str, float]:
    """Payloads per second of each call: after a warm-up pass, ``rounds`` rounds, each running
    every call in turn for about ``seconds`` over all the payloads; the median round of each
    (taken in alternation, so noise that hits one round hits every call)."""
    passes = {name: max(1, int(seconds / max(_once(call, payloads), 1e-9))) for name, call in calls.items()}
    found: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(rounds):
        for name, call in calls.items():
            start = time.perf_counter()
            for _ in range(passes[name]):
                for type_name, payload in payloads:
                    call(type_name, payload)
            found[name].append(passes[name] * len(payloads) / (time.perf_counter() - start))
    return {name: sorted(values)[len(values) // 2] for name, values in found.items()}


def _once(call: Callable[[str, Any], object], payloads: Payloads) -> float:
    start = time.perf_counter()
    for type_name, payload in payloads:
        call(type_name, payload)
    return time.perf_counter() - start


def measure(schemas: Path, sets: dict[str, tuple[Payloads, Payloads]], new: bool, home: Path) -> dict[str, dict[str, float]]:
    """Rates for each payload set: SchemaSet.validate (valid, invalid), generator.validate with
    its default folder (run in ``home``, where generated/schemas is ``schemas``) and, with the
    new code, the prebuilt jsonschema validator, jsonschema-rs called directly, and graphdoc's
    compiled validator called directly."""
    import generator
    from generator.payloads.validation import SchemaSet

    loaded = SchemaSet.from_dir(schemas)  # as a caller checking many payloads holds it
    os.chdir(home)

    def ours(type_name: str, payload: Any) -> object:
        return loaded.validate(payload, type_name)

    def library(type_name: str, payload: Any) -> object:
        return generator.validate(payload, type=type_name)  # the default folder, generated/schemas

    results: dict[str, dict[str, float]] = {}
    for label, (valid, invalid) in sets.items():
        found = results[label] = {"count": len(valid), "count invalid": len(invalid)}
        found["validate invalid"] = rates({"ours": ours}, invalid, 1.0)["ours"] if invalid else 0.0
        if not new:
            found["validate"] = rates({"ours": ours}, valid)["ours"]
            # today's generator.validate reads the whole bundle at each call: a few payloads, three rounds
            found["library"] = rates({"library": library}, valid[:3], 0.0, rounds=3)["library"]
            continue
        import jsonschema_rs
        from jsonschema import Draft202012Validator

        from generator.runtime.handlers._validate import _Plan

        schema_set = SchemaSet.from_dir(schemas)
        prebuilt = {
            t: Draft202012Validator({"$ref": schema_set.by_name[t]}, registry=schema_set.registry, format_checker=Draft202012Validator.FORMAT_CHECKER)
            for t, _ in valid
        }
        fast = {t: loaded.check(t).fast for t, _ in valid}
        found.update(
            rates(
                {
                    "validate": ours,
                    "library": library,
                    "prebuilt jsonschema": lambda t, p: list(prebuilt[t].iter_errors(p)),
                    "compiled, called directly": lambda t, p: fast[t](p),  # type: ignore[misc]
                },
                valid,
            )
        )
        # jsonschema-rs as its users call it: one registry of the schemas, formats on, no
        # graphdoc in between. It compiles a $ref once per path to it, so on the corpus only
        # types whose schema reaches few others compile in bounded memory (user took 24 GB).
        large = _Plan(schema_set.by_id).large if len(schema_set.by_id) > 100 else set()
        small = [(t, p) for t, p in valid if schema_set.by_name[t] not in large]
        registry = jsonschema_rs.Registry(list(schema_set.by_id.items()))
        plain = {t: jsonschema_rs.Draft202012Validator({"$ref": schema_set.by_name[t]}, registry=registry, validate_formats=True) for t, _ in small}
        found["count small"] = len(small)
        if small:
            both = rates({"plain": lambda t, p: plain[t].is_valid(p), "ours": ours}, small)
            found["plain jsonschema-rs (small types)"] = both["plain"]
            found["validate (small types)"] = both["ours"]
    return results


def write_files(folder: Path, valid: Payloads, count: int) -> list[str]:
    """``count`` payload files, each with its @odata.type, cycling through ``valid``."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    typed = [{"@odata.type": "#" + t, **p} for t, p in valid if isinstance(p, dict)]
    for n in range(count):
        path = folder / f"p{n:05d}.json"
        path.write_text(json.dumps(typed[n % len(typed)], indent=2, ensure_ascii=False), encoding="utf-8")
        names.append(str(path))
    return names


def cli_seconds(code: Path, files: list[str], schemas: Path, rounds: int = 3) -> tuple[float, int]:
    """Wall time of `python -m generator validate FILES` with the graphdoc at ``code``; the median of ``rounds``.
    It runs in the files' folder: `python -m` puts the working folder first on the path."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    times, code_seen = [], 0
    for _ in range(rounds):
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "generator", "validate", *files, "--schemas", str(schemas), "-q"],
            env=env, capture_output=True, text=True, check=False, cwd=Path(files[0]).parent,
        )  # fmt: skip
        times.append(time.perf_counter() - start)
        code_seen = result.returncode
    return sorted(times)[rounds // 2], code_seen


def baseline(ref: str, into: Path) -> Path:
    """Today's code: a copy of ``ref`` (default: where this branch left main), outside the repository."""
    if not ref:
        ref = subprocess.run(["git", "-C", str(ROOT), "merge-base", "HEAD", "main"], capture_output=True, text=True, check=True).stdout.strip()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], capture_output=True, check=True).stdout
    into.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", nargs="?", default=str(DEFAULT_DOCS))
    parser.add_argument("--corpus-out", help="an output folder graphdoc generate DOCS wrote")
    parser.add_argument("--baseline-ref", default="", help="git ref of today's code (default: merge-base with main)")
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--child", help=argparse.SUPPRESS)  # run measure() on a payload file, print JSON
    args = parser.parse_args()
    if args.child:
        spec = json.loads(Path(args.child).read_text(encoding="utf-8"))
        sets = {label: (value[0], value[1]) for label, value in spec["sets"].items()}
        print(json.dumps(measure(Path(spec["schemas"]), sets, new=spec["new"], home=Path(spec["home"]))))
        return
    work = Path(tempfile.mkdtemp(prefix="graphdoc-validate-bench-"))
    try:
        run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def child(code: Path, schemas: Path, sets: dict[str, tuple[Payloads, Payloads]], new: bool, work: Path) -> dict[str, dict[str, float]]:
    spec = work / f"spec-{len(list(work.glob('spec-*')))}.json"
    home = work / f"home-{len(list(work.glob('home-*')))}"  # where generated/schemas is ``schemas``
    (home / "generated").mkdir(parents=True)
    (home / "generated" / "schemas").symlink_to(schemas.resolve(), target_is_directory=True)
    spec.write_text(json.dumps({"schemas": str(schemas), "sets": sets, "new": new, "home": str(home)}), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(code)}
    script = str(Path(__file__).resolve())
    result = subprocess.run([sys.executable, script, "--child", str(spec)], env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def run(args: argparse.Namespace, work: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["GRAPHDOC_CACHE_DIR"] = str(work / "cache")  # never the user's own cache
    docs = Path(args.docs)
    spec_schemas = ROOT / "generated" / "schemas"
    spec_valid, spec_invalid = examples(ROOT / "specs", spec_schemas)
    job = [("microsoft.graph.synchronizationJob", JOB)]
    job_invalid = [("microsoft.graph.synchronizationJob", {**JOB, "notAProperty": 1})]
    per_folder: dict[Path, dict[str, tuple[Payloads, Payloads]]] = {spec_schemas: {"specs examples": (spec_valid, spec_invalid), "synchronizationJob": (job, job_invalid)}}
    corpus_valid: Payloads = []
    if (docs / "resources").is_dir():
        out = Path(args.corpus_out) if args.corpus_out else work / "corpus-out"
        if not args.corpus_out:
            env = {**os.environ, "PYTHONPATH": str(ROOT)}
            subprocess.run([sys.executable, "-m", "generator", "generate", str(docs), "--out", str(out), "-q"], env=env, check=True)
        corpus_valid, corpus_invalid = examples(docs, out / "schemas")
        per_folder[out / "schemas"] = {"corpus examples": (corpus_valid, corpus_invalid)}
    old = baseline(args.baseline_ref, work / "old")
    results: dict[str, dict[str, float]] = {}
    before: dict[str, dict[str, float]] = {}
    for folder, sets in per_folder.items():
        results.update(child(ROOT, folder, sets, True, work))
        before.update(child(old, folder, sets, False, work))

    print(f"{'payloads':<20}{'validator':<40}{'valid/s':>12}{'invalid/s':>12}")
    for label, found in results.items():
        counts = f"{int(found['count'])} valid, {int(found['count invalid'])} invalid"
        print(f"{label} ({counts})")
        rows = [
            ("SchemaSet.validate", found["validate"], found["validate invalid"]),
            ("SchemaSet.validate, today's code", before[label]["validate"], before[label]["validate invalid"]),
            ("generator.validate, default folder", found["library"], None),
            ("generator.validate, today's code", before[label]["library"], None),
            ("prebuilt jsonschema validator", found["prebuilt jsonschema"], None),
            ("graphdoc's compiled validator, directly", found["compiled, called directly"], None),
        ]
        for name, valid_rate, invalid_rate in rows:
            shown = f"{invalid_rate:>12.0f}" if invalid_rate is not None else f"{'':>12}"
            print(f"{'':<20}{name:<40}{valid_rate:>12.0f}{shown}")
        if found["count small"]:
            print(f"{'':<20}{'plain jsonschema-rs, ' + str(int(found['count small'])) + ' small-type payloads':<40}{found['plain jsonschema-rs (small types)']:>12.0f}")
            print(f"{'':<20}{'SchemaSet.validate, same payloads':<40}{found['validate (small types)']:>12.0f}")
        print(
            f"{'':<20}generator.validate / prebuilt jsonschema {found['library'] / found['prebuilt jsonschema']:.0f}x (target >= 50x), "
            f"today's {before[label]['library'] / found['prebuilt jsonschema']:.2f}x; "
            f"validate / prebuilt jsonschema {found['validate'] / found['prebuilt jsonschema']:.0f}x (target >= 50x); "
            f"plain jsonschema-rs / validate {found['plain jsonschema-rs (small types)'] / max(found['validate (small types)'], 1):.2f}x (target <= 2x); "
            f"invalid: new / today {found['validate invalid'] / max(before[label]['validate invalid'], 1):.2f}x (target >= 1x)"
        )
    if args.files:
        file_sets = [("specs", spec_valid + job, spec_schemas)]
        if corpus_valid:
            file_sets.append(("corpus", corpus_valid, next(f for f in per_folder if f != spec_schemas)))
        for label, payloads, folder in file_sets:
            files = write_files(work / f"files-{label}", payloads, args.files)
            types = len({t for t, _ in payloads})
            new_seconds, new_code = cli_seconds(ROOT, files, folder)
            old_seconds, old_code = cli_seconds(old, files, folder)
            print(f"graphdoc validate, {len(files)} {label} payload files of {types} types (exit {new_code}/{old_code}): "
                  f"{new_seconds:.2f} s, today's code {old_seconds:.2f} s ({old_seconds / new_seconds:.1f}x)")

if __name__ == "__main__":
    main()

"""Whole-corpus speed against the parsing floor, in one run on one machine.

Measures, on a docs root (default ../shared/graph-docs/beta) or a fraction of it:
  floor   markdown-it-py parsing every page once, single process; measured seven times
          in a run (once first, once before each edit), and cold, warm and check are
          held to the median: one measure of it swings by a fifth on a shared machine
  cold    graphdoc generate of every target into an empty folder, empty cache
  warm    generate again, nothing changed
  edit    generate after one page's description changed, three times, each beside a floor
          run of its own: the median of the three ratios (the machine's speed drifts
          between the first floor and the edits, a minute later)
  lines   the same, after a paragraph was added to a page (its lines move: resolved in full)
  check   graphdoc check, nothing changed
  memory  peak resident memory of the cold run
  validate  payloads/s: SchemaSet.validate vs a prebuilt jsonschema validator vs jsonschema.validate per call
Each generate/check runs as its own process (`python -m generator`), the way users run it.

    python benchmarks/corpus.py [DOCS] [--fraction 0.25]
    python benchmarks/corpus.py [DOCS] --scaling     # cold generate on 10%, 25%, 50% and 100%
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DOCS = ROOT.parent / "shared" / "graph-docs" / "beta"


def pages_of(docs: Path) -> list[Path]:
    return sorted(p for folder in ("resources", "api") for p in (docs / folder).glob("*.md"))


def subset(docs: Path, fraction: float, into: Path) -> Path:
    """Every n-th page of each folder, copied (a benchmark copy, outside the repository)."""
    for folder in ("resources", "api"):
        pages = sorted((docs / folder).glob("*.md"))
        keep = pages[:: max(1, round(1 / fraction))] if fraction < 1 else pages
        (into / folder).mkdir(parents=True)
        for page in keep:
            shutil.copyfile(page, into / folder / page.name)
    return into


def floor(docs: Path) -> float:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark", {"html": True}).enable("table").use(front_matter_plugin)
    texts = [p.read_bytes().decode("utf-8", "replace") for p in pages_of(docs)]
    start = time.perf_counter()
    for text in texts:
        md.parse(text)
    return time.perf_counter() - start


def edit_description(docs: Path, round_: int) -> str:
    """Change the description of the first resource page's type, as a writer would:
    its schema, model module, model.json, the bundle and OpenAPI all change."""
    for page in sorted((docs / "resources").glob("*.md")):
        lines = page.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
        title = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
        if title is None:
            continue
        for i in range(title + 1, len(lines)):
            text = lines[i].strip()
            if text and not text.startswith(("Namespace", "[!", ">", "<", "#", "|")):
                lines[i] = lines[i].rstrip("\n") + f" Edited by the benchmark ({round_}).\n"
                page.write_text("".join(lines), encoding="utf-8")
                return page.name
    raise SystemExit(f"no resource page with a description under {docs}")


def add_paragraph(docs: Path, round_: int) -> str:
    """Add a paragraph of its own under the last resource page's title: the page's lines
    below it move, so more than its prose changed and the run resolves in full."""
    for page in sorted((docs / "resources").glob("*.md"), reverse=True):
        lines = page.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
        title = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
        if title is not None:
            lines[title + 1 : title + 1] = ["\n", f"A paragraph added by the benchmark ({round_}).\n"]
            page.write_text("".join(lines), encoding="utf-8")
            return page.name
    raise SystemExit(f"no resource page with a title under {docs}")


def graphdoc(*args: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", *args], check=False, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def validation(out: Path) -> tuple[float, float, float, float, float]:
    import json

    import jsonschema
    from jsonschema import Draft202012Validator

    from generator.payloads.validation import SchemaSet

    schemas = SchemaSet.from_dir(out / "schemas")
    from validate import JOB  # the same payload benchmarks/validate.py measures with

    payload = JOB
    type_name = "microsoft.graph.synchronizationJob"
    if type_name not in schemas.by_name:  # a fraction of the corpus without it: any object type
        type_name = next(n for n, i in sorted(schemas.by_name.items()) if schemas.by_id[i].get("type") == "object")
        payload = {}
    prebuilt = Draft202012Validator(
        {"$ref": schemas.by_name[type_name]}, registry=schemas.registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    n = 1000

    def rate(call: object, count: int) -> float:
        start = time.perf_counter()
        for _ in range(count):
            call()  # type: ignore[operator]
        return count / (time.perf_counter() - start)

    def ours_call() -> object:  # as a caller checking many payloads holds it: one SchemaSet
        return schemas.validate(payload, type_name)

    def theirs_call() -> object:
        return list(prebuilt.iter_errors(payload))

    # Both warmed up, then measured in alternating rounds, each round's two rates taken
    # back to back: the median ratio is free of first-call costs and of noise that hits
    # one round; the rates shown are the medians.
    rate(ours_call, 200), rate(theirs_call, 200)
    rounds = [(rate(ours_call, n), rate(theirs_call, n)) for _ in range(9)]
    ours = sorted(r[0] for r in rounds)[4]
    theirs = sorted(r[1] for r in rounds)[4]
    ratio = sorted(r[0] / r[1] for r in rounds)[4]
    # What a caller without graphdoc writes: jsonschema.validate per payload, with the same
    # registry (so no schema is fetched) but a validator made, and its schema checked, each call.
    ref = {"$ref": schemas.by_name[type_name]}
    per_call = rate(
        lambda: jsonschema.validate(
            payload, ref, cls=Draft202012Validator, registry=schemas.registry, format_checker=Draft202012Validator.FORMAT_CHECKER
        ),
        200,
    )
    # Without a registry the schemas' $refs can only be met by handing over the whole bundle.
    bundle = {**json.loads((out / "schemas" / "bundle.json").read_text(encoding="utf-8")), **ref}
    whole = rate(lambda: jsonschema.validate(payload, bundle, format_checker=Draft202012Validator.FORMAT_CHECKER), 3)
    return ours, theirs, ratio, per_call, whole


def scaling(docs_root: Path) -> None:
    """Cold generate on growing shares of the corpus: time per page should not grow."""
    print(f"{'share':>6}{'pages':>8}{'floor s':>10}{'cold s':>10}{'x floor':>9}{'ms/page':>9}")
    for fraction in (0.1, 0.25, 0.5, 1.0):
        work = Path(tempfile.mkdtemp(prefix="graphdoc-bench-"))
        try:
            docs = subset(docs_root, fraction, work / "docs")
            env = {**os.environ, "GRAPHDOC_CACHE_DIR": str(work / "cache"), "PYTHONPATH": str(ROOT)}
            pages = len(pages_of(docs))
            base = floor(docs)
            cold = graphdoc("generate", str(docs), "--out", str(work / "out"), "-q", env=env)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print(f"{fraction:>6.0%}{pages:>8}{base:>10.2f}{cold:>10.2f}{cold / base:>9.2f}{cold / pages * 1000:>9.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", nargs="?", default=str(DEFAULT_DOCS))
    parser.add_argument("--fraction", type=float, default=1.0)
    parser.add_argument("--scaling", action="store_true", help="cold generate on 10%%, 25%%, 50%% and 100%% of the pages")
    args = parser.parse_args()
    if args.scaling:
        scaling(Path(args.docs))
        return
    work = Path(tempfile.mkdtemp(prefix="graphdoc-bench-"))
    try:
        docs = subset(Path(args.docs), args.fraction, work / "docs")
        out = work / "out"
        env = {**os.environ, "GRAPHDOC_CACHE_DIR": str(work / "cache"), "PYTHONPATH": str(ROOT)}
        pages = len(pages_of(docs))
        base = floor(docs)
        cold = graphdoc("generate", str(docs), "--out", str(out), "-q", env=env)
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        warm = graphdoc("generate", str(docs), "--out", str(out), "-q", env=env)
        check = graphdoc("check", str(docs), "--out", str(out), env=env)
        edits, floors, changed = [], [], []  # three edits, each right after a floor run: the median ratio is the measure
        for round_ in range(1, 4):
            before = set((out / ".graphdoc-manifest").read_text(encoding="utf-8").splitlines())
            edited = edit_description(docs, round_)
            floors.append(floor(docs))
            seconds = graphdoc("generate", str(docs), "--out", str(out), "-q", env=env)
            changed.append(len(set((out / ".graphdoc-manifest").read_text(encoding="utf-8").splitlines()) - before))
            edits.append(seconds)
        edit_ratio = sorted(e / f for e, f in zip(edits, floors))[1]
        added, added_floors = [], []  # the same for an edit beyond prose
        for round_ in range(1, 4):
            grown = add_paragraph(docs, round_)
            added_floors.append(floor(docs))
            added.append(graphdoc("generate", str(docs), "--out", str(out), "-q", env=env))
        added_ratio = sorted(e / f for e, f in zip(added, added_floors))[1]
        ours, prebuilt, ratio, per_call, whole = validation(out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"corpus: {args.docs} at {args.fraction:.0%}: {pages} pages, {os.cpu_count()} cores")
    print(f"{'measure':<34}{'seconds':>10}{'x floor':>10}{'target':>10}")
    every_floor = sorted([base, *floors, *added_floors])
    median_floor = every_floor[len(every_floor) // 2]
    print(f"{'floor (markdown-it-py parse)':<34}{median_floor:>10.2f}{1:>10.2f}")
    print(f"  (the median of {len(every_floor)} floor runs: {', '.join(f'{f:.2f}' for f in [base, *floors, *added_floors])} s)")
    for label, seconds, measured, target in (
        ("cold generate, every target", cold, cold / median_floor, 2.0),
        ("warm generate, nothing changed", warm, warm / median_floor, 0.2),
        ("generate after one page changed", sorted(edits)[1], edit_ratio, 0.3),  # the ratio: its own floors
        ("check, nothing changed", check, check / median_floor, 0.2),
    ):
        verdict = "met" if measured <= target else "MISSED"
        print(f"{label:<34}{seconds:>10.2f}{measured:>10.2f}{'<= ' + str(target):>10}  {verdict}")
    pairs = ", ".join(f"{e:.2f} s / {f:.2f} s = {e / f:.3f}" for e, f in zip(edits, floors))
    print(f"  (one page changed: {edited}'s description, three times, each after its own floor run: {pairs}; "
          f"the median ratio above; output files changed: {', '.join(map(str, changed))})")
    pairs = ", ".join(f"{e:.2f} s / {f:.2f} s = {e / f:.3f}" for e, f in zip(added, added_floors))
    print(f"{'... a paragraph added (lines move)':<34}{sorted(added)[1]:>10.2f}{added_ratio:>10.2f}{'no target':>10}")
    print(f"  ({grown}, three times, each after its own floor run: {pairs})")
    print(f"{'peak memory of the cold run':<34}{peak_kib / 1024:>9.0f}M{'':>10}{'< 1024M':>10}  {'met' if peak_kib < 1024 * 1024 else 'MISSED'}")
    print(f"validate: SchemaSet.validate {ours:.0f}/s; prebuilt validator {prebuilt:.0f}/s "
          f"(median ratio of 9 rounds {ratio:.2f}x, target >= 0.8x: {'met' if ratio >= 0.8 else 'MISSED'})")
    print(f"  jsonschema.validate per call: with the bundle {whole:.2f}/s ({ours / whole:.0f}x, target >= 10x); "
          f"with a shared registry {per_call:.0f}/s ({ours / per_call:.1f}x)")


if __name__ == "__main__":
    main()

"""One cache, several docs roots: generate the specs, the corpus and a copy of the corpus
with one page changed, in turn, three rounds, each into its own output folder, with one
empty cache folder under its cap. Prints each run's seconds and the cache's size after it.

    python benchmarks/cache_roots.py [DOCS] [--cap-mb 512]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DOCS = ROOT.parent / "shared" / "graph-docs" / "beta"


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("docs", nargs="?", type=Path, default=DEFAULT_DOCS)
    parser.add_argument("--cap-mb", type=float, default=512)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="graphdoc-cache-roots-"))
    try:
        copy = work / "copy"
        shutil.copytree(args.docs, copy)
        page = next(p for p in sorted((copy / "resources").glob("*.md")))
        page.write_text(page.read_text(encoding="utf-8", errors="replace") + "\nEdited by the benchmark.\n", encoding="utf-8")
        cache = work / "cache"
        env = {**os.environ, "GRAPHDOC_CACHE_DIR": str(cache), "GRAPHDOC_CACHE_MAX_MB": str(args.cap_mb)}
        roots = {"specs": ROOT / "specs", "corpus": args.docs, "corpus, one page changed": copy}
        print(f"cap {args.cap_mb:.0f} MB; each root into its own output folder")
        print(f"{'round':>5}  {'docs':<26}{'seconds':>9}{'cache MB':>10}")
        for round_ in range(1, 4):
            for label, docs in roots.items():
                out = work / f"out-{label.replace(' ', '-').replace(',', '')}"
                start = time.perf_counter()
                subprocess.run([sys.executable, "-m", "generator", "generate", str(docs), "--out", str(out), "-q"], check=True, env=env, cwd=ROOT)
                seconds = time.perf_counter() - start
                print(f"{round_:>5}  {label:<26}{seconds:>9.2f}{size(cache) / 2**20:>10.1f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

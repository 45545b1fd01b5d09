"""graphdoc diff of two docs trees beside graphdoc generate of them, cold and warm, in one run.

Measures, on OLD and NEW (default ../shared/graph-docs/beta-2021-01-04 and .../beta):
  generate cold   graphdoc generate NEW into an empty folder, empty cache
  generate warm   generate NEW again, nothing changed
  both warm       generate OLD and NEW again, one after the other, nothing changed (the two
                  trees a diff reads, as generate reads them)
  diff cold       graphdoc diff OLD NEW, empty cache: both trees parsed and resolved
  diff models     diff again with the comparison's kept result deleted: both models from
                  the cache (the kept models, as generate keeps them), compared again
  diff warm       diff again, nothing changed: the pages hashed, the kept comparison read
Every run is its own process (``python -m generator``), the way users run it; each warm
figure is the median of five runs. Ratios are against generate in the same run.

    python benchmarks/diff.py [OLD NEW]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "graph-docs"
REPEATS = 5


def timed(arguments: list[str], cache: Path, allowed: tuple[int, ...] = (0,)) -> float:
    env = {**os.environ, "GRAPHDOC_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "generator", *arguments, "-q"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    took = time.perf_counter() - start
    if done.returncode not in allowed:
        raise SystemExit(f"{' '.join(arguments)} exited {done.returncode}: {done.stderr.strip()}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old", nargs="?", type=Path, default=SHARED / "beta-2021-01-04")
    parser.add_argument("new", nargs="?", type=Path, default=SHARED / "beta")
    args = parser.parse_args()
    diff = ["diff", str(args.old), str(args.new), "--format", "json"]
    with tempfile.TemporaryDirectory(prefix="graphdoc-diff-bench-") as work:
        folder = Path(work)
        out = folder / "out"
        generate_cold = timed(["generate", str(args.new), "--out", str(out)], folder / "cache-generate")
        generate_warm = statistics.median(timed(["generate", str(args.new), "--out", str(out)], folder / "cache-generate") for _ in range(REPEATS))
        old_out = folder / "old-out"
        timed(["generate", str(args.old), "--out", str(old_out)], folder / "cache-generate")
        both_warm = statistics.median(
            timed(["generate", str(args.old), "--out", str(old_out)], folder / "cache-generate")
            + timed(["generate", str(args.new), "--out", str(out)], folder / "cache-generate")
            for _ in range(REPEATS)
        )
        cache = folder / "cache-diff"
        diff_cold = timed(diff, cache, allowed=(0, 1))
        models: list[float] = []
        for _ in range(REPEATS):
            shutil.rmtree(cache / "diffs")
            models.append(timed(diff, cache, allowed=(0, 1)))
        diff_models = statistics.median(models)
        diff_warm = statistics.median(timed(diff, cache, allowed=(0, 1)) for _ in range(REPEATS))
    print(f"old: {args.old}\nnew: {args.new}")
    print(f"generate NEW cold   {generate_cold:7.2f} s")
    print(f"generate NEW warm   {generate_warm:7.2f} s")
    print(f"generate both warm  {both_warm:7.2f} s")
    print(f"diff cold           {diff_cold:7.2f} s   {diff_cold / generate_cold:5.2f}x generate cold (two trees against one)")
    print(f"diff models warm    {diff_models:7.2f} s   {diff_models / generate_warm:5.2f}x generate warm, {diff_models / both_warm:5.2f}x both (both models from the cache, compared again)")
    print(f"diff warm           {diff_warm:7.2f} s   {diff_warm / generate_warm:5.2f}x generate warm, {diff_warm / both_warm:5.2f}x both (the kept comparison)")


if __name__ == "__main__":
    main()

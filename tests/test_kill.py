"""A kill at any moment leaves the output folder old or new, never a mix."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT, SPECS

SWAPS = 50


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def generate(project: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "generate", "specs", "--out", "generated", "-q"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_sigkill_at_random_moments(tmp_path: Path) -> None:
    project = tmp_path
    shutil.copytree(SPECS, project / "specs")
    page = project / "specs/resources/synchronizationschedule.md"
    texts = [page.read_text(encoding="utf-8")]
    texts.append(texts[0].replace("Whether the schedule is currently in force.", "On or off."))
    states = []
    for text in texts:
        page.write_text(text, encoding="utf-8")
        start = time.monotonic()
        assert generate(project).wait() == 0
        took = time.monotonic() - start
        states.append(snapshot(project / "generated"))
    assert states[0] != states[1]
    rng = random.Random(20261126)
    killed = finished = 0
    for n in range(SWAPS):
        page.write_text(texts[n % 2], encoding="utf-8")
        process = generate(project)
        time.sleep(rng.uniform(0, took * 1.2))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed += 1
        else:
            finished += 1
        process.wait()
        now = snapshot(project / "generated")
        assert now in states, f"after run {n} the output is neither the old nor the new one"
        check = subprocess.run(
            [sys.executable, "-m", "generator", "check", "specs", "--out", "generated"],
            cwd=project,
            capture_output=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert check.returncode == (0 if now == states[n % 2] else 1)
    print(f"\n{killed} of {SWAPS} runs killed mid-way, {finished} finished first")
    assert killed >= SWAPS // 4, (killed, finished)
    assert generate(project).wait() == 0
    assert not list(project.glob(".generated.graphdoc-*"))  # leftovers of killed runs are cleaned up

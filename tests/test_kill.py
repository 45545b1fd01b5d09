"""A kill at any moment leaves the output folder old or new, never a mix."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

from conftest import ROOT, SPECS, snapshot
from generator.output import write
from generator.cli import main

SWAPS = 50


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
        checked = main(["check", str(project / "specs"), "--out", str(project / "generated"), "-q"])  # here: a process start per round is most of the time
        assert checked == (0 if now == states[n % 2] else 1)
    print(f"\n{killed} of {SWAPS} runs killed mid-way, {finished} finished first")
    assert killed >= SWAPS // 4, (killed, finished)
    assert generate(project).wait() == 0
    assert not list(project.glob(".generated.graphdoc-*"))  # leftovers of killed runs are cleaned up


def leftover(project: Path) -> Path:
    folder = project / ".generated.graphdoc-killed"
    (folder / "schemas").mkdir(parents=True)
    (folder / "schemas/half.json").write_text("{")
    return folder


def generate_in_process(project: Path) -> bool:
    """Run ``generate`` on the project; whether it swapped in a new output folder."""
    before = (project / "generated").stat().st_ino
    assert main(["generate", str(project / "specs"), "--out", str(project / "generated"), "-q"]) == 0
    return (project / "generated").stat().st_ino != before


def test_a_run_with_nothing_to_write_still_removes_leftovers(project: Path) -> None:
    folder = leftover(project)
    assert not generate_in_process(project)
    assert not folder.exists()


@pytest.mark.skipif(write.fcntl is None, reason="this system has no flock")
def test_a_staging_folder_another_run_holds_is_left_alone(project: Path) -> None:
    folder = leftover(project)
    page = project / "specs/resources/synchronizationschedule.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Whether the schedule is currently in force.", "On or off."), encoding="utf-8")
    held, handle = write._lock(folder)
    assert held
    try:
        assert generate_in_process(project)  # the edit is written
        assert (folder / "schemas/half.json").exists()
        assert not generate_in_process(project)  # nothing to write
        assert (folder / "schemas/half.json").exists()
        assert write._lock(folder) == (False, None)
    finally:
        write._unlock(handle)
    generate_in_process(project)
    assert not folder.exists()


@pytest.mark.skipif(write.fcntl is None, reason="this system has no flock")
def test_a_run_racing_another_runs_cleanup_still_writes_its_output(project: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another run's cleanup takes the first staging folder this run makes (it locks it
    first) and removes the second between this run's open and its lock: the run writes
    its whole output all the same, from a third, and leaves the other run's folder alone."""
    import fcntl

    page = project / "specs/resources/synchronizationschedule.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Whether the schedule is currently in force.", "On or off."), encoding="utf-8")
    expected = tmp_path_factory.mktemp("expected") / "generated"
    assert main(["generate", str(project / "specs"), "--out", str(expected), "-q"]) == 0
    real_mkdtemp, real_flock = write.tempfile.mkdtemp, fcntl.flock
    made: list[Path] = []
    others: list[int] = []

    def mkdtemp(*args, **kwargs):  # type: ignore[no-untyped-def]
        made.append(Path(real_mkdtemp(*args, **kwargs)))
        if len(made) == 1:  # the other run's cleanup locks the first folder before this run does
            others.append(os.open(made[0], os.O_RDONLY))
            real_flock(others[0], fcntl.LOCK_EX | fcntl.LOCK_NB)
        return str(made[-1])

    def flock(handle: int, operation: int) -> None:
        if len(made) == 2 and made[1].exists():  # and removes the second between its open and its lock
            shutil.rmtree(made[1])
        real_flock(handle, operation)

    monkeypatch.setattr(write.tempfile, "mkdtemp", mkdtemp)
    monkeypatch.setattr(write, "fcntl", types.SimpleNamespace(flock=flock, LOCK_EX=fcntl.LOCK_EX, LOCK_NB=fcntl.LOCK_NB, LOCK_UN=fcntl.LOCK_UN))
    try:
        assert generate_in_process(project)
        assert snapshot(project / "generated") == snapshot(expected)
        assert len(made) >= 3 and made[0].is_dir()  # a third folder was made; the other run's is still its own
    finally:
        os.close(others[0])


def test_the_two_rename_swap_gives_the_same_output(project: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the system can't exchange two folders in one step, two renames do it."""
    page = project / "specs/resources/synchronizationschedule.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Whether the schedule is currently in force.", "On or off."), encoding="utf-8")
    expected = tmp_path_factory.mktemp("expected") / "generated"
    assert main(["generate", str(project / "specs"), "--out", str(expected), "-q"]) == 0
    monkeypatch.setattr(write, "_renameat2", None)
    assert main(["generate", str(project / "specs"), "--out", str(project / "generated"), "-q"]) == 0
    assert snapshot(project / "generated") == snapshot(expected)
    assert not list(project.glob(".generated.graphdoc-*"))

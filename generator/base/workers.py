"""How many processes a step uses, and how two halves of a step run on two cores: one
rule for the page pool, the two-core emit, the mock data's fitting and black's pool. A
step runs in parallel only when it has cores to spare and enough work that starting
processes pays; each step states what "enough" is in its own unit."""

from __future__ import annotations

import os
import pickle
import signal
import sys
import tempfile
from collections.abc import Callable
from typing import IO, NoReturn, TypeVar

PAGES_FROM = 64  # pages to parse
FORMAT_FROM = 64  # texts to format with black
EMIT_FROM = 500  # types in the model: a smaller one is emitted faster than a process starts
FIT_FROM = 500  # examples to fit to their schemas

Here = TypeVar("Here")
There = TypeVar("There")


def count(asked: int | None = None) -> int:
    """The processes a step may use: ``asked``, else one per core."""
    return asked if asked is not None else (os.cpu_count() or 1)


def parallel(processes: int, work: int, least: int) -> bool:
    """Whether ``work`` items are worth ``processes`` processes."""
    return processes > 1 and work >= least


def on_two_cores(here: Callable[[], Here], there: Callable[[], There]) -> tuple[Here, There]:
    """``here()`` in this process and ``there()`` in a forked copy of it, which leaves its
    result pickled in an unnamed temporary file. Should the copy fail in any way, or not
    start, ``there()`` runs here, where an error shows as it would without the copy.
    Without fork (not POSIX), both run here."""
    if not hasattr(os, "fork"):
        return here(), there()
    with tempfile.TemporaryFile() as spool:
        pid = _fork()
        if pid == 0:
            _run_and_exit(there, spool)
        try:
            mine = here()
        except BaseException:
            if pid is not None:
                _stop(pid)
            raise
        if pid is not None and _finished(pid):
            spool.seek(0)
            theirs: There = pickle.load(spool)
        else:
            theirs = there()
    return mine, theirs


def _fork() -> int | None:
    """The copy's pid (0 in the copy), or None when none could be started. Buffered
    output is flushed first so the copy never prints it a second time, and an
    interrupt reaching the copy ends it quietly."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:  # None when the process was started without them
            stream.flush()
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pid = os.fork()
    except OSError:
        pid = None
    if pid == 0:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    return pid


def _run_and_exit(there: Callable[[], object], spool: IO[bytes]) -> NoReturn:
    """In the copy: never returns into the caller's code."""
    try:
        pickle.dump(there(), spool, protocol=pickle.HIGHEST_PROTOCOL)
        spool.flush()
        os._exit(0)
    except BaseException:  # noqa: BLE001 - in the copy, any failure ends it; the caller does its part itself
        os._exit(1)


def _finished(pid: int) -> bool:
    """Wait for the copy; True if it finished its part."""
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:  # reaped by the system (SIGCHLD ignored): its part is redone here
        return False
    except BaseException:  # interrupted while waiting: the copy stops before this process goes on
        _stop(pid)
        raise
    return os.waitstatus_to_exitcode(status) == 0


def _stop(pid: int) -> None:
    """Kill the copy and reap it."""
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass

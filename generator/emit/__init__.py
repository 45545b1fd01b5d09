"""Emit stage: the model in, file texts out (relative path -> text).

Each target is a function ``emit(model) -> dict[str, str]``; ``TARGETS`` lists
them in the order ``graphdoc generate`` runs them. A large model is emitted on
two cores: a forked process takes the Python models while this one writes the
rest. Each target's output is the same wherever it runs.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import tempfile
from collections.abc import Callable
from typing import IO, NoReturn

from ..model import Model
from ..workers import EMIT_FROM, count, parallel
from . import csdl, handlers, jsonschema, model_json, openapi, python_models
from .views import Views

Target = Callable[[Views], dict[str, str]]

TARGETS: dict[str, Target] = {
    "model": model_json.files,
    "schemas": jsonschema.files,
    "models": python_models.files,
    "handlers": handlers.files,
    "openapi": openapi.files,
    "csdl": csdl.files,
}

# Two groups of about equal cost; targets that share a view (schemas, handlers and
# OpenAPI share the schema documents and the mock data) stay together. CSDL reads only the model.
SIDE_GROUP = ("model", "models", "csdl")


def _emit(views: Views, names: list[str]) -> dict[str, str]:
    files: dict[str, str] = {}
    for name in names:
        files.update(TARGETS[name](views))
    return files


def _emit_on_two_cores(views: Views, side: list[str], main: list[str]) -> dict[str, str]:
    """``main`` here and ``side`` in a forked copy of this process, which leaves its
    files pickled in an unnamed temporary file. Should the copy fail in any way, or
    not start, its part is emitted here, where an error shows as it would without it."""
    with tempfile.TemporaryFile() as spool:
        pid = _fork()
        if pid == 0:
            _emit_side_and_exit(views, side, spool)
        try:
            files = _emit(views, main)
        except BaseException:
            if pid is not None:
                _stop(pid)
            raise
        if pid is not None and _finished(pid):
            spool.seek(0)
            files.update(pickle.load(spool))
        else:
            files.update(_emit(views, side))
    return files


def _fork() -> int | None:
    """The copy's pid (0 in the copy), or None when none could be started. Buffered
    output is flushed first so the copy never prints it a second time, and an
    interrupt reaching the copy ends it quietly."""
    sys.stdout.flush()
    sys.stderr.flush()
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pid = os.fork()
    except OSError:
        pid = None
    if pid == 0:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    return pid


def _emit_side_and_exit(views: Views, side: list[str], spool: IO[bytes]) -> NoReturn:
    """In the copy: never returns into the caller's code."""
    try:
        pickle.dump(_emit(views, side), spool, protocol=pickle.HIGHEST_PROTOCOL)
        spool.flush()
        os._exit(0)
    except BaseException:  # noqa: BLE001 - in the copy, any failure ends it; the caller emits its part itself
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


def emit_all(model: Model, targets: list[str] | None = None, workers: int | None = None, views: Views | None = None) -> dict[str, str]:
    """Every target's files (or ``targets``'), from one ``Views`` of the model (``views``
    when the caller wants the views afterwards, e.g. for the names' diagnostics)."""
    views = views if views is not None else Views(model)
    names = [name for name in TARGETS if targets is None or name in targets]
    side = [name for name in names if name in SIDE_GROUP]
    main = [name for name in names if name not in SIDE_GROUP]
    if not side or not main or not parallel(count(workers), len(model.types), EMIT_FROM) or not hasattr(os, "fork"):
        return dict(sorted(_emit(views, names).items()))
    views.names  # both groups name Python things: decided once, before the copy  # noqa: B018
    return dict(sorted(_emit_on_two_cores(views, side, main).items()))

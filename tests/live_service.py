"""Run a generated service on a free loopback port for the length of a test."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from generator.service.serve import load_app


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running(app: Any) -> Iterator[str]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the service did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def served(out: Path, log: Path, *options: str) -> Iterator[str]:
    """``graphdoc serve`` of ``out`` as users run it, a process of its own on a free loopback
    port, until the block ends; what it says (its log, a handler's traceback) goes to ``log``."""
    port = free_port()
    root = Path(__file__).resolve().parents[1]
    with log.open("wb") as said:
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--out", str(out), "--port", str(port), "--quiet", *options],
            env={**os.environ, "PYTHONPATH": str(root)},  # this checkout's graphdoc, whatever the environment installed
            stdin=subprocess.DEVNULL,
            stdout=said,
            stderr=said,
        )
    try:
        url, deadline = f"http://127.0.0.1:{port}", time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{url}/", timeout=5)  # any answer: it is serving
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError(f"graphdoc serve did not start: {log.read_text(errors='replace')[-2000:]}") from None
                time.sleep(0.1)
        yield url
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def app_from(out: Path) -> Any:
    return load_app(out)


def graph_error(response: httpx.Response, status: int) -> dict[str, Any]:
    """The error of a response in Graph's shape, after checking its status."""
    assert response.status_code == status, (response.status_code, response.text[:300])
    body = response.json()
    assert set(body) == {"error"} and {"code", "message"} <= set(body["error"])
    return body["error"]  # type: ignore[no-any-return]

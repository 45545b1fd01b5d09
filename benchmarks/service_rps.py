"""Requests per second the generated mock service sustains for GET and POST of a job.

Starts `graphdoc serve` on a free loopback port in its own process, drives it
with a bounded number of requests from an async httpx client (this process),
and prints requests per second and the count of failed requests.

    python benchmarks/service_rps.py [--requests 3000] [--concurrency 32] [--out generated]
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def drive(base: str, method: str, path: str, total: int, concurrency: int, body: dict | None) -> tuple[float, int]:
    failures = 0
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(total):
        queue.put_nowait(n)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def worker() -> None:
            nonlocal failures
            while True:
                try:
                    queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                response = await client.request(method, path, json=body)
                if response.status_code >= 400:
                    failures += 1

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - start
    return total / elapsed, failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--out", default=str(ROOT / "generated"))
    args = parser.parse_args()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--out", args.out, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(base + "/synchronizations", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise SystemExit("the service did not start")
                time.sleep(0.1)
        jobs = "/servicePrincipals/bench/synchronization/jobs"
        job = httpx.post(base + jobs, json={"templateId": "warmup"}).json()
        post_rps, post_failed = asyncio.run(drive(base, "POST", jobs, args.requests, args.concurrency, {"templateId": "t"}))
        get_rps, get_failed = asyncio.run(drive(base, "GET", f"{jobs}/{job['id']}", args.requests, args.concurrency, None))
        print(f"requests per kind: {args.requests}, concurrency: {args.concurrency}, one server process, loopback")
        print(f"GET  job: {get_rps:8.0f} requests/s, {get_failed} failed")
        print(f"POST job: {post_rps:8.0f} requests/s, {post_failed} failed")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()

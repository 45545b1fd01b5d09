"""Requests per second the generated mock service sustains for GET and POST of a job.

Starts `graphdoc serve` on a free loopback port in its own process and drives it
twice: with a bounded number of requests from an async httpx client (this
process), and, when the `wrk` load generator is installed, with `wrk` for a
bounded time (its C client costs far less than httpx, so it shows more of the
server). Prints requests per second and the count of failed requests.

    python benchmarks/service_rps.py [--requests 3000] [--concurrency 32] [--seconds 10] [--out generated] [--body JSON]

--body is the job each POST creates (default {"templateId": "t"}); a fuller one makes
the request-body check a larger share of the work.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import shutil
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


WRK_POST = """wrk.method = "POST"
wrk.body = '{body}'
wrk.headers["Content-Type"] = "application/json"
"""


def run_wrk(url: str, seconds: int, concurrency: int, script: Path | None) -> tuple[float, int]:
    command = ["wrk", "-t2", f"-c{concurrency}", f"-d{seconds}s", "--latency"]
    if script is not None:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", output).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    failed = int(errors.group(1)) if errors else 0
    failed += sum(int(n) for n in socket_errors.groups()) if socket_errors else 0
    return rps, failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    parser.add_argument("--out", default=str(ROOT / "generated"))
    parser.add_argument("--body", default='{"templateId": "t"}', help="the JSON body of each POST")
    args = parser.parse_args()
    body = json.loads(args.body)
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
        post_rps, post_failed = asyncio.run(drive(base, "POST", jobs, args.requests, args.concurrency, body))
        get_rps, get_failed = asyncio.run(drive(base, "GET", f"{jobs}/{job['id']}", args.requests, args.concurrency, None))
        print(f"httpx client: {args.requests} requests per kind, concurrency {args.concurrency}, one server process, loopback")
        print(f"  GET  job: {get_rps:8.0f} requests/s, {get_failed} failed")
        print(f"  POST job: {post_rps:8.0f} requests/s, {post_failed} failed")
        if shutil.which("wrk"):
            script = Path(__file__).resolve().parent / ".wrk_post.lua"
            script.write_text(WRK_POST.replace("{body}", json.dumps(body).replace("'", "\\'")), encoding="utf-8")
            try:
                get_rps, get_failed = run_wrk(f"{base}{jobs}/{job['id']}", args.seconds, args.concurrency, None)
                post_rps, post_failed = run_wrk(f"{base}{jobs}", args.seconds, args.concurrency, script)
            finally:
                script.unlink()
            print(f"wrk: {args.seconds} s per kind, 2 threads, {args.concurrency} connections")
            print(f"  GET  job: {get_rps:8.0f} requests/s, {get_failed} failed")
            print(f"  POST job: {post_rps:8.0f} requests/s, {post_failed} failed")
        else:
            print("wrk: not installed (apt-get install wrk), skipped")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()

"""The mock service beside Prism: requests per second for a list and a create, and startup.

Serves one output folder's `openapi.json` twice on loopback: with `graphdoc serve`
(the stateful mock) and, when npm is there, with Prism 5 (`@stoplight/prism-cli`,
installed by this script into a temporary folder), and drives both with the same
load tool, a small keep-alive HTTP/1.1 client on asyncio in this process, through
the same requests:

- list:   GET  /servicePrincipals/{id}/synchronization/jobs
- create: POST /servicePrincipals/{id}/synchronization/jobs  {"templateId": "..."}

It prints requests per second and failed requests (status >= 400 or no answer) for
each, and the mock-to-Prism ratio. With `--docs`, it also generates that docs
folder (the beta corpus by default, when `../shared` is there) and times how long
`graphdoc serve` of it takes to answer its first request, and whether Prism loads
that folder's `openapi.json` at all.

    python benchmarks/service_rps.py [--out generated] [--requests 3000] [--concurrency 32]
                                     [--body JSON] [--docs ../shared/graph-docs/beta | --no-docs]
    python benchmarks/service_rps.py --baseline OTHER_OUT [--out generated] [--requests 1500]

With --baseline, it compares two output folders' mocks instead (an earlier version's
`generated/` against today's): both served at once, driven in alternating rounds, the
median ratio per kind; Prism and the startup are skipped.

--body is the job each create sends (default {"templateId": "bench"}); a fuller one
makes the request-body check a larger share of the work.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "graph-docs" / "beta"
PRISM = "@stoplight/prism-cli@5"
JOBS = "/servicePrincipals/{id}/synchronization/jobs"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(base: str, process: subprocess.Popen[bytes], limit: float) -> float:
    """Seconds until ``base`` answers any HTTP request; raises when it dies or takes too long."""
    start = time.monotonic()
    while True:
        try:
            httpx.get(base + "/", timeout=1)
            return time.monotonic() - start
        except httpx.TransportError:
            if process.poll() is not None:
                raise RuntimeError(f"exited with {process.returncode} before answering") from None
            if time.monotonic() - start > limit:
                raise RuntimeError(f"did not answer within {limit:.0f} s") from None
            time.sleep(0.05)


@contextmanager
def running(command: list[str], base: str, limit: float, log: Path) -> Iterator[float]:
    """Runs a server, yields the seconds it took to answer, stops it."""
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
        try:
            yield wait_until_up(base, process, limit)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> int:
    """One HTTP/1.1 request on a kept-alive connection: the status of its answer."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    fields = {k.strip().lower(): v.strip() for k, _, v in (line.partition(b":") for line in head.split(b"\r\n")[1:]) if k}
    if fields.get(b"transfer-encoding", b"").lower() == b"chunked":
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        await reader.readexactly(int(fields.get(b"content-length", b"0")))
    return status


async def drive(base: str, method: str, path: str, total: int, concurrency: int, body: dict[str, Any] | None) -> tuple[float, int]:
    """``total`` requests over ``concurrency`` kept-alive connections: requests per second
    and failures. A small HTTP/1.1 client on asyncio streams: it costs the machine far
    less than a full client library, so more of what is measured is the server."""
    host, port = base.removeprefix("http://").split(":")
    content = json.dumps(body).encode() if body is not None else b""
    request = (
        f"{method} {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: application/json\r\n"
        # as every Graph client sends one: Prism answers 401 to an operation whose security a request lacks
        + "Authorization: Bearer graphdoc-benchmark\r\n"
        + (f"Content-Type: application/json\r\nContent-Length: {len(content)}\r\n" if body is not None else "")
        + "\r\n"
    ).encode() + content
    failures = 0
    remaining = iter(range(total))

    async def worker() -> None:
        nonlocal failures
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            for _ in remaining:
                try:
                    if await _exchange(reader, writer, request) >= 400:
                        failures += 1
                except (OSError, asyncio.IncompleteReadError, ValueError):
                    failures += 1
                    writer.close()
                    reader, writer = await asyncio.open_connection(host, int(port))
        finally:
            writer.close()

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return total / (time.perf_counter() - start), failures


def measure(name: str, base: str, key: str, args: argparse.Namespace) -> dict[str, tuple[float, int]]:
    path = JOBS.format(id=key)
    # a short warm-up, so neither server is timed while it compiles or caches; it also
    # gives the stateful mock ten jobs to list (Prism answers its example whatever)
    asyncio.run(drive(base, "POST", path, 10, 1, {"templateId": "warm"}))
    asyncio.run(drive(base, "GET", path, 100, 8, None))
    found = {
        "list": asyncio.run(drive(base, "GET", path, args.requests, args.concurrency, None)),
        "create": asyncio.run(drive(base, "POST", path, args.requests, args.concurrency, json.loads(args.body))),
    }
    for kind, (rps, failed) in found.items():
        print(f"  {name:<14} {kind:<7} {rps:8.0f} requests/s, {failed} failed")
    return found


def install_prism(folder: Path) -> Path | None:
    npm = shutil.which("npm")
    if npm is None:
        print("prism: npm is not installed; skipped")
        return None
    done = subprocess.run(
        [npm, "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(folder), PRISM],
        capture_output=True,
        text=True,
    )
    binary = folder / "node_modules" / ".bin" / "prism"
    if done.returncode != 0 or not binary.exists():
        print(f"prism: npm install {PRISM} failed; skipped: {(done.stderr or done.stdout).strip()[-300:]}")
        return None
    return binary


def mock_command(out: Path, port: int) -> list[str]:
    return [sys.executable, "-m", "generator", "serve", "--out", str(out), "--port", str(port), "-q"]


def prism_command(prism: Path, spec: Path, port: int) -> list[str]:
    return [str(prism), "mock", str(spec), "-p", str(port), "-h", "127.0.0.1", "--errors"]


def throughput(out: Path, prism: Path | None, work: Path, args: argparse.Namespace) -> None:
    print(f"{args.requests} requests per kind over {args.concurrency} connections, loopback, one server process each")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with running(mock_command(out, port), base, 60, work / "mock.log"):
        ours = measure("graphdoc serve", base, "bench", args)
    if prism is None:
        return
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    try:
        with running(prism_command(prism, out / "openapi.json", port), base, 120, work / "prism.log"):
            theirs = measure("prism mock", base, "bench", args)
    except RuntimeError as error:
        print(f"  prism mock: {error}; see {work / 'prism.log'}")
        return
    for kind in ("list", "create"):
        print(f"  mock / prism, {kind}: {ours[kind][0] / theirs[kind][0]:.2f}x")


def against(out: Path, baseline: Path, work: Path, args: argparse.Namespace, rounds: int = 8) -> None:
    """Both outputs' mocks served at once and driven in alternating rounds (the order
    swapped each round), so a busy machine slows both alike: the median ratio of
    requests per second, this output's to the baseline's, for each kind."""
    print(f"{out} against {baseline}: {rounds} rounds of {args.requests} requests per kind, the order swapped each round")
    bases: dict[str, str] = {}
    with contextlib.ExitStack() as stack:
        for name, folder in (("baseline", baseline), ("this", out)):
            port = free_port()
            bases[name] = f"http://127.0.0.1:{port}"
            stack.enter_context(running(mock_command(folder, port), bases[name], 60, work / f"{name}.log"))
            path = JOBS.format(id="bench")
            asyncio.run(drive(bases[name], "POST", path, 10, 1, {"templateId": "warm"}))
            asyncio.run(drive(bases[name], "GET", path, 100, 8, None))
        for kind, method in (("list", "GET"), ("create", "POST")):
            ratios = []
            for round_ in range(rounds):
                got = {}
                for name in ("baseline", "this") if round_ % 2 else ("this", "baseline"):
                    body = json.loads(args.body) if method == "POST" else None
                    got[name], _ = asyncio.run(drive(bases[name], method, JOBS.format(id="bench"), args.requests, args.concurrency, body))
                ratios.append(got["this"] / got["baseline"])
            shown = ", ".join(f"{r:.2f}" for r in ratios)
            print(f"  {kind:<7} this / baseline: median {statistics.median(ratios):.2f}x ({shown})")


def startup(docs: Path, prism: Path | None, work: Path) -> None:
    out = work / "corpus"
    print(f"generating {docs} ...")
    subprocess.run([sys.executable, "-m", "generator", "generate", str(docs), "--out", str(out), "-q"], check=True, cwd=ROOT)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with running(mock_command(out, port), base, 120, work / "mock-corpus.log") as seconds:
        print(f"graphdoc serve of {docs.name}: first answer after {seconds:.2f} s")
    if prism is None:
        return
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = work / "prism-corpus.log"
    try:
        with running(prism_command(prism, out / "openapi.json", port), base, 600, log) as seconds:
            print(f"prism mock of {docs.name}'s openapi.json: first answer after {seconds:.2f} s")
    except RuntimeError as error:
        said = [line for line in log.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
        print(f"prism mock of {docs.name}'s openapi.json: {error}: {said[-1][:200] if said else ''}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "generated", help="an output folder with openapi.json")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--body", default='{"templateId": "bench"}', help="the job each create sends")
    parser.add_argument("--docs", type=Path, default=CORPUS, help="a docs folder whose mock's startup is timed")
    parser.add_argument("--no-docs", action="store_true", help="skip the startup measurement")
    parser.add_argument("--baseline", type=Path, help="another output folder (an earlier version's) to compare with, paired")
    args = parser.parse_args()
    os.environ.setdefault("GRAPHDOC_CACHE_DIR", str(Path(tempfile.gettempdir()) / "graphdoc-bench-cache"))
    with tempfile.TemporaryDirectory(prefix="graphdoc-rps-") as temporary:
        work = Path(temporary)
        if args.baseline is not None:
            against(args.out, args.baseline, work, args)
            return
        prism = install_prism(work / "prism")
        throughput(args.out, prism, work, args)
        if args.no_docs or not args.docs.is_dir():
            print(f"startup: {args.docs} is not there; skipped" if not args.no_docs else "startup: skipped (--no-docs)")
        else:
            startup(args.docs, prism, work)


if __name__ == "__main__":
    main()

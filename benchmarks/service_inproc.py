"""The mock's own cost per request, without a socket or an HTTP client: two output
folders' apps called in this process, paired, as ``service_rps.py --baseline`` drives
them over loopback.

Each app is called as an ASGI server calls it (a scope, a receive that gives the body,
a send that drops the answer), on one event loop, so what is timed is the app alone:
routing, reading and checking the body, the store, shaping the answer. The two apps
take turns, the order swapped each round, and the median ratio of their requests per
second of this process's CPU time (a busy machine's other processes slow it less than
they slow the clock) is printed per kind, this output's to the baseline's:

- list:   GET  /servicePrincipals/bench/synchronization/jobs   (``--items`` jobs stored)
- create: POST /servicePrincipals/made/synchronization/jobs    {"templateId": "bench"}
- page:   GET  /servicePrincipals/large/synchronization/jobs?$top=5 over ``--large`` jobs
  (one page of many; that collection is filled after the other kinds are timed)

    python benchmarks/service_inproc.py --baseline OTHER_OUT [--out generated]
        [--requests 300] [--rounds 16] [--items 10] [--large 3000] [--kinds list,create,page]
        [--profile KIND [--which this|baseline] [--sort tottime|cumulative] [--top 25]]

--profile KIND runs cProfile over one round of that kind on this output's app (or the
baseline's, with --which baseline) and prints its most costly functions (--sort, --top).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.service.serve import load_app

JOBS = "/servicePrincipals/{id}/synchronization/jobs"


class Caller:
    """One app, called directly: ``call`` answers one request, returning its status."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.loop = asyncio.new_event_loop()

    async def _call(self, method: str, path: str, query: str, body: bytes) -> int:
        headers = [(b"host", b"graph.localhost"), (b"accept", b"application/json")]
        if body:
            headers += [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": method,
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "root_path": "",
            "query_string": query.encode(),
            "headers": headers,
            "server": ("graph.localhost", 80),
            "client": ("127.0.0.1", 5000),
        }
        sent = False
        status = 0

        async def receive() -> dict[str, Any]:
            nonlocal sent
            if sent:
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]

        await self.app(scope, receive, send)
        return status

    def call(self, method: str, path: str, query: str = "", body: Any = None) -> int:
        raw = json.dumps(body).encode() if body is not None else b""
        return self.loop.run_until_complete(self._call(method, path, query, raw))

    def run(self, method: str, path: str, query: str, body: Any, total: int) -> float:
        """``total`` requests in a row on one coroutine: requests per second of this
        process's CPU time (another process on a busy machine slows it less than the clock)."""
        raw = json.dumps(body).encode() if body is not None else b""

        async def many() -> None:
            for _ in range(total):
                status = await self._call(method, path, query, raw)
                if status >= 400:
                    raise RuntimeError(f"{method} {path}?{query} answered {status}")

        start = time.process_time()
        self.loop.run_until_complete(many())
        return total / (time.process_time() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "generated")
    parser.add_argument("--baseline", type=Path, required=True)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=16)
    parser.add_argument("--items", type=int, default=10, help="jobs stored before the list is timed")
    parser.add_argument("--large", type=int, default=3000, help="jobs in the collection the page kind reads")
    parser.add_argument("--kinds", default="list,create,page")
    parser.add_argument("--profile", choices=("list", "create", "page"))
    parser.add_argument("--sort", default="tottime", help="the profile's order (tottime, cumulative)")
    parser.add_argument("--top", type=int, default=25, help="the profile's rows")
    parser.add_argument("--which", choices=("this", "baseline"), default="this", help="the app profiled")
    args = parser.parse_args()
    apps = {"baseline": Caller(load_app(args.baseline)), "this": Caller(load_app(args.out))}
    small, large = JOBS.format(id="bench"), JOBS.format(id="large")
    for caller in apps.values():
        for index in range(args.items):
            caller.call("POST", small, body={"templateId": f"warm{index}"})

    def fill() -> None:
        # the large collection only before the page kind: the baseline's store may look
        # at every item it holds for a list, and the loopback benchmark's lists come first
        for caller in apps.values():
            for index in range(args.large):
                caller.call("POST", large, body={"templateId": f"large{index}"})
    kinds = {
        "list": ("GET", small, "", None, args.requests),
        "create": ("POST", JOBS.format(id="made"), "", {"templateId": "bench"}, args.requests),
        "page": ("GET", large, "$top=5", None, max(args.requests // 20, 5)),
    }
    if args.profile:
        method, path, query, body, total = kinds[args.profile]
        if args.profile == "page":
            fill()
        apps[args.which].run(method, path, query, body, total)  # warm
        profile = cProfile.Profile()
        profile.enable()
        apps[args.which].run(method, path, query, body, total)
        profile.disable()
        pstats.Stats(profile).sort_stats(args.sort).print_stats(args.top)
        return
    for kind in args.kinds.split(","):
        method, path, query, body, total = kinds[kind]
        if kind == "page":
            fill()
        for caller in apps.values():
            caller.run(method, path, query, body, max(total // 10, 1))  # warm
        ratios, speeds = [], {"baseline": [], "this": []}
        for round_ in range(args.rounds):
            got = {}
            for name in ("baseline", "this") if round_ % 2 else ("this", "baseline"):
                got[name] = apps[name].run(method, path, query, body, total)
                speeds[name].append(got[name])
            ratios.append(got["this"] / got["baseline"])
        shown = ", ".join(f"{r:.2f}" for r in ratios)
        print(
            f"{kind:<7} this {statistics.median(speeds['this']):7.0f}/s, baseline "
            f"{statistics.median(speeds['baseline']):7.0f}/s: median {statistics.median(ratios):.2f}x ({shown})"
        )


if __name__ == "__main__":
    main()

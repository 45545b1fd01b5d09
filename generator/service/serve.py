"""``graphdoc serve``: run the generated mock service."""

from __future__ import annotations

import errno
import importlib
import importlib.util
import socket
import sys
from pathlib import Path
from typing import Any

from ..base.usage import UsageError

PACKAGE = "graphdoc_service"


def load_app(out: Path, empty: bool = False, me: str | None = None) -> Any:
    """The ASGI app generated into ``out`` (whatever the folder is called); ``empty``
    starts it without the docs' examples, ``me`` names the user /me stands for."""
    if not out.exists():
        raise UsageError(f"{out}: does not exist; run graphdoc generate first")
    app_file = out / "handlers" / "app.py"
    if not app_file.is_file():
        raise UsageError(f"{out}: no generated service here; run graphdoc generate first")
    # a package of its own each time: a second output loaded in one process (replay,
    # tests) never picks up the modules of the first
    name, counter = PACKAGE, 1
    while name in sys.modules:
        name, counter = f"{PACKAGE}_{counter}", counter + 1
    spec = importlib.util.spec_from_loader(name, loader=None, is_package=True)
    assert spec is not None and spec.submodule_search_locations is not None
    spec.submodule_search_locations.append(str(out.resolve()))
    package = importlib.util.module_from_spec(spec)
    sys.modules[name] = package
    module = importlib.import_module(f"{name}.handlers.app")
    return module.create_app(empty=empty, me=me) if empty or me else module.app


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port``; a port in use is a usage error, said in one line."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
    except socket.gaierror as error:
        raise UsageError(f"can't listen on {host}: {error.strerror}") from None
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            raise UsageError(f"port {port} is already in use; pick another with --port") from None
        raise UsageError(f"can't listen on {host}:{port}: {error.strerror or error}") from None
    sock.set_inheritable(True)
    return sock


def serve(out: Path, host: str, port: int, quiet: bool = False, empty: bool = False, me: str | None = None) -> None:
    import uvicorn

    app = load_app(out, empty, me)
    sock = listen(host, port)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning" if quiet else "info"))
    if not quiet:
        shown = f"[{host}]" if ":" in host else host
        print(f"graphdoc: serving {out} on http://{shown}:{port} (Ctrl+C to stop)", file=sys.stderr)
    server.run(sockets=[sock])

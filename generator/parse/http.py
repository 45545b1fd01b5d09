"""HTTP request lines and example messages inside code fences."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from ..base.diagnostics import Collector
from .records import HttpRequest as Request

_REQUEST = re.compile(r"^\s*(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)(?:\s+|(?=/))(\S.*?)\s*(?:HTTP/\d(?:\.\d)?)?\s*$", re.IGNORECASE)
_STATUS = re.compile(r"^\s*HTTP/\d(?:\.\d)?\s+(\d{3})\b")
_HOST = re.compile(r"^https?://[^/]+(?:/(?:beta|v1\.0))?", re.IGNORECASE)
_VERSION = re.compile(r"^/(?:beta|v1\.0)(?=/|$)", re.IGNORECASE)


def _squeeze(text: str) -> str:
    """Drop spaces inside ``{...}`` and ``(...)``: ``{id | userPrincipalName}`` is one segment."""
    return re.sub(r"\{[^{}]*\}|\([^()]*\)", lambda m: re.sub(r"\s+", "", m.group()), text)


def normalize_path(url: str) -> str:
    """``https://graph.microsoft.com/beta/x/{id}/?$select=a`` -> ``/x/{id}``."""
    path = _HOST.sub("", url.strip())
    path = path.split("?", 1)[0].split("#", 1)[0].strip()
    path = path[1:] if path.startswith("~/") else path  # "~/" writes the service root
    if not path.startswith("/"):
        path = "/" + path
    path = _VERSION.sub("", path)
    path = re.sub(r"/{2,}", "/", path)
    return path.rstrip("/") or "/"


# A path is made of URL characters; "GET ** Collection URI ... not found" names none.
_PATH = re.compile(r"^(?:/(?:[A-Za-z0-9_\-.~$@:'(),=|%!+]|\{[^{}]*\})*)+$")
_ANGLE = re.compile(r"<([A-Za-z_][\w\-]*)>")  # "range(address='<address>')": a placeholder written <x>
# "rowsBelow(count=n)": a function's argument given as a bare name is a placeholder too
_BARE = re.compile(r"(?<=[(,])(\s*[A-Za-z_]\w*\s*=\s*)(?!(?:true|false|null)\s*[,)])([A-Za-z_]\w*)(?=\s*[,)])")


def _climbs(path: str) -> bool:
    """A ``.`` or ``..`` segment, spelt out or percent-encoded: no API path has one."""
    return any(unquote(segment).strip() in (".", "..") for segment in path.split("/"))


def request_lines(content: str, first_line: int, diags: Collector) -> list[Request]:
    """Every ``METHOD /path`` line of an HTTP request block."""
    found: list[Request] = []
    for offset, text in enumerate(content.split("\n")):  # lines as markdown counts them, not splitlines()
        if not text.strip() or text.lstrip().startswith(("#", "//", "<!--")) or text.strip().lower() in ("or", "and"):
            continue
        match = _REQUEST.match(text)
        if match is None:
            if ":" in text and not text.lstrip().startswith("/"):
                continue  # a header line
            diags.add("BAD_HTTP_REQUEST", f"not an HTTP request line: {text.strip()[:80]!r}", first_line + offset)
            continue
        path = normalize_path(_BARE.sub(r"\1{\2}", _ANGLE.sub(r"{\1}", _squeeze(match.group(2)).split()[0])))
        if _climbs(path):
            diags.add("BAD_HTTP_REQUEST", f"path has a '.' or '..' segment: {path[:80]!r}; ignored", first_line + offset)
            continue
        if not _PATH.match(path):
            diags.add("BAD_HTTP_REQUEST", f"not a method and a path: {text.strip()[:80]!r}; ignored", first_line + offset)
            continue
        found.append(Request(method=match.group(1).upper(), path=path, line=first_line + offset))
    return found


def _target(text: str) -> str:
    """A request example's URL as written: the path without the spaces the docs put inside
    ``{...}`` and ``(...)``, and the query whole (``$filter=state eq 'x'`` is one option)."""
    path, mark, query = text.strip().partition("?")
    path = _squeeze(path).split()[0] if path.strip() else ""
    return path + mark + query.strip()


@dataclass(frozen=True)
class Message:
    method: str | None
    url: str | None
    status: int | None
    body: str
    body_offset: int  # line of the body within the fence (0-based)
    is_json: bool
    location: str | None = None  # a response's Location header


def split_message(content: str, info: str) -> Message:
    """Split an example fence into start line, headers and body."""
    lines = content.split("\n")
    first = next((i for i, text in enumerate(lines) if text.strip()), None)
    if first is None:
        return Message(None, None, None, "", 0, False)
    start = lines[first]
    request = _REQUEST.match(start)
    status = _STATUS.match(start)
    if request is None and status is None:
        is_json = info.lower().startswith("json") or start.lstrip()[:1] in ("{", "[")
        return Message(None, None, None, content, 0, is_json)
    content_type = ""
    location = None
    index = first + 1
    while index < len(lines) and lines[index].strip():
        header = lines[index]
        if header.lstrip()[:1] in ("{", "["):
            break  # no blank line before the body
        name, _, value = header.partition(":")
        if name.strip().lower() == "content-type":
            content_type = value.strip().lower()
        elif name.strip().lower() == "location" and status is not None:
            location = value.strip() or None
        index += 1
    body = "\n".join(lines[index:])
    stripped = body.strip()
    is_json = "json" in content_type or stripped[:1] in ("{", "[")
    if content_type and "json" not in content_type:
        is_json = False
    return Message(
        method=request.group(1).upper() if request else None,
        url=_target(request.group(2)) if request else None,
        status=int(status.group(1)) if status else None,
        body=body,
        body_offset=index,
        is_json=is_json,
        location=location,
    )

"""Read type cells and links as written on pages."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

from .blocks import Inline, Link
from .records import PageKey, TypeRef

_WORD = re.compile(r"[A-Za-z_][\w.]*")
_COLLECTION = re.compile(r"\bcollection\b|\[\]", re.IGNORECASE)
_WRAPPED = re.compile(r"^\s*collection\s*\(\s*(.*?)\s*\)\s*$", re.IGNORECASE | re.DOTALL)
_NOISE = {"collection", "of", "a", "an", "the"}
_EITHER = re.compile(r"\bor\b", re.IGNORECASE)  # "[a](a.md) or [b](b.md)"


def page_key(href: str, here: str) -> PageKey | None:
    """The page a link points at, or None for links off the reference tree.

    ``here`` is the folder of the linking page ("resources" or "api").
    Handles ``x.md``, ``../resources/x.md``, ``/graph/api/resources/x?view=...``.
    """
    href = href.strip()
    if not href or href.startswith(("mailto:", "#")):
        return None
    if "://" in href and "docs.microsoft.com" not in href:
        return None
    fragment = ""
    if "#" in href:
        href, fragment = href.split("#", 1)
    href = unquote(href.split("?", 1)[0]).rstrip("/")
    parts = [p for p in href.split("/") if p and p != "."]
    if not parts:
        return None
    last = parts[-1]
    stem = (posixpath.splitext(last)[0] if last.lower().endswith(".md") else last).lower()
    parents = [p.lower() for p in parts[:-1] if p != ".."]
    if not parents:
        folder = here
    elif parents[-1] in ("resources", "api"):
        folder = parents[-1]
    else:
        return None
    return PageKey(folder, stem, fragment.lower())


def _linked(link: Link, here: str, collection: bool) -> TypeRef | None:
    name = link.text.strip().strip("`*_ ")
    key = page_key(link.href, here)
    words = _WORD.findall(name)
    if not words:
        return None
    return TypeRef(name=words[0] if len(words) > 1 else name, collection=collection, link=key)


def type_ref(cell: Inline, here: str) -> TypeRef | None:
    """A type cell such as ``Int32``, ``[x](x.md) collection``, ``Collection(x)``."""
    text = cell.text.strip()
    if not text:
        return None
    collection = bool(_COLLECTION.search(text))
    wrapped = _WRAPPED.match(text)
    if wrapped:
        text = wrapped.group(1)
    linked = [_linked(link, here, collection) for link in cell.links] if _EITHER.search(text) else []
    options = [option for option in linked if option is not None and option.link is not None and option.link.folder == "resources"]
    if len(options) > 1:  # "[a](a.md) or [b](b.md)": either type
        return TypeRef(name=options[0].name, collection=collection, link=options[0].link, alternatives=tuple(options))
    for link in cell.links:
        name = link.text.strip().strip("`*_ ")
        key = page_key(link.href, here)
        words = _WORD.findall(name)
        if len(words) == 1 and words[0] == name:
            return TypeRef(name=name, collection=collection, link=key)
        if key is not None:
            return TypeRef(name=words[0] if words else key.stem, collection=collection, link=key)
    for word in _WORD.findall(text):
        if word.lower() not in _NOISE:
            return TypeRef(name=word.rstrip("."), collection=collection)
    return None

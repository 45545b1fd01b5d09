"""Flatten markdown-it-py's token stream into the few block kinds pages use.

A page is read as a sequence of blocks: headings, paragraphs, tables, HTML
blocks (annotation comments live there), code fences and front matter. Each
block carries its 1-based source line. Inline content is kept as ``Inline``:
plain text for descriptions, the raw markdown for phrase matching, and links.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    """The parser, made on first use: a run whose pages all come from the cache never loads it."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark", {"html": True}).enable("table").use(front_matter_plugin)
    # A link's target is percent-encoded anew at each use, a twentieth of a page's parse; the
    # corpus links each target five times on average, and the encoding depends on the target alone.
    md.normalizeLink = lru_cache(maxsize=16384)(md.normalizeLink)  # type: ignore[method-assign]
    return md


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Inline:
    text: str  # plain text, whitespace folded
    raw: str  # the markdown source
    links: tuple[Link, ...] = ()
    codes: tuple[str, ...] = ()  # contents of `code spans`


@dataclass(frozen=True)
class Heading:
    level: int
    inline: Inline
    line: int


@dataclass(frozen=True)
class Paragraph:
    inline: Inline
    line: int
    quoted: bool = False  # inside a blockquote (notes, disclaimers)
    listed: bool = False  # an item of a bulleted or numbered list


@dataclass(frozen=True)
class Row:
    cells: tuple[Inline, ...]
    line: int


@dataclass(frozen=True)
class Table:
    header: tuple[Inline, ...]
    rows: tuple[Row, ...]
    line: int


@dataclass(frozen=True)
class Html:
    content: str
    line: int


@dataclass(frozen=True)
class Code:
    info: str
    content: str
    line: int  # line of the opening fence


@dataclass(frozen=True)
class FrontMatter:
    content: str
    line: int


Block = Heading | Paragraph | Table | Html | Code | FrontMatter


@dataclass
class _TableBuilder:
    line: int
    header: list[Inline] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    current: list[Inline] | None = None
    current_line: int = 0
    in_head: bool = False


def _line(token: Any) -> int:
    return token.map[0] + 1 if token.map else 0


def inline_of(token: Any) -> Inline:
    """Plain text, raw source, links and code spans of an inline token."""
    parts: list[str] = []
    links: list[Link] = []
    codes: list[str] = []
    link_href: str | None = None
    link_text: list[str] = []
    for child in token.children or ():
        kind = child.type
        if kind == "text" or kind == "code_inline":
            parts.append(child.content)
            if kind == "code_inline":
                codes.append(child.content)
            if link_href is not None:
                link_text.append(child.content)
        elif kind in ("softbreak", "hardbreak") or kind == "html_inline":
            parts.append(" ")
        elif kind == "link_open":
            link_href = str(child.attrGet("href") or "")
            link_text = []
        elif kind == "link_close":
            if link_href is not None:
                links.append(Link(" ".join("".join(link_text).split()), link_href))
            link_href = None
        elif kind == "image":
            parts.append(child.content)
    text = " ".join("".join(parts).split())
    return Inline(text=text, raw=token.content, links=tuple(links), codes=tuple(codes))


def blocks(text: str) -> list[Block]:
    """The page's blocks in source order (nested ones, e.g. in lists, included)."""
    out: list[Block] = []
    tokens = _markdown().parse(text)
    table: _TableBuilder | None = None
    pending_heading: tuple[int, int] | None = None
    pending_paragraph: int | None = None
    quote_depth = 0
    list_depth = 0
    for token in tokens:
        kind = token.type
        if table is not None:
            if kind == "table_close":
                out.append(Table(tuple(table.header), tuple(table.rows), table.line))
                table = None
            elif kind == "thead_open":
                table.in_head = True
            elif kind == "thead_close":
                table.in_head = False
            elif kind == "tr_open":
                table.current = []
                table.current_line = _line(token)
            elif kind == "tr_close" and table.current is not None:
                if table.in_head:
                    table.header = table.current
                else:
                    table.rows.append(Row(tuple(table.current), table.current_line))
                table.current = None
            elif kind == "inline" and table.current is not None:
                table.current.append(inline_of(token))
            continue
        if kind == "heading_open":
            pending_heading = (int(token.tag[1:]), _line(token))
        elif kind == "paragraph_open":
            pending_paragraph = _line(token)
        elif kind == "inline":
            if pending_heading is not None:
                out.append(Heading(pending_heading[0], inline_of(token), pending_heading[1]))
                pending_heading = None
            elif pending_paragraph is not None:
                out.append(Paragraph(inline_of(token), pending_paragraph, quote_depth > 0, list_depth > 0))
                pending_paragraph = None
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "table_open":
            table = _TableBuilder(line=_line(token))
        elif kind == "html_block":
            out.append(Html(token.content, _line(token)))
        elif kind in ("fence", "code_block"):
            out.append(Code(token.info.strip(), token.content, _line(token)))
        elif kind == "front_matter":
            out.append(FrontMatter(token.content, _line(token)))
    return out

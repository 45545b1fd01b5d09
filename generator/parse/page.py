"""Parse one page into a PageRecord.

A pure function of the page's bytes and its path: it reads markdown-it-py
blocks (headings, paragraphs, tables, annotation comments, fences) and knows
nothing about other pages. Everything it could not read as meant becomes a
diagnostic with the page's path and line.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..base.choices import ALL, Readings
from ..base.diagnostics import Collector
from . import http
from .blocks import (
    Code,
    FrontMatter,
    Heading,
    Html,
    Inline,
    Link,
    Paragraph,
    Table,
    blocks,
)
from .lenient_json import JsonError, loads
from .records import (
    ApiRecord,
    ExampleRecord,
    Facet,
    HeaderRow,
    HttpRequest,
    JsonBlock,
    MemberRow,
    Mention,
    MethodRow,
    PageKey,
    PageRecord,
    PermissionRow,
    PropertyRow,
    TypeRecord,
    TypeRef,
    truthy,
)
from .types import page_key, type_ref

_NAME = re.compile(r"[@\w$][\w@.$\-]*")
_IDENT = re.compile(r"[A-Za-z_][\w\-]*\Z", re.ASCII)
_QUALIFIED = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\Z", re.ASCII)
# A phrase naming an ancestor; the base is the link right after it ("Inherited from [entity](entity.md)").
_BASE_PHRASE = re.compile(
    r"\b(?:inherits|inherited|derives|derived)\s+from\s+|\bsub-?(?:class|type)\s+(?:of|from)\s+|\bderivative\s+of\s+|\ban?\s+type\s+of\s+",
    re.IGNORECASE,
)
_LINK_ANY = re.compile(r"\[([^\]]+)\]\(([^)\s]+)[^)]*\)")
_LINK_NEXT = re.compile(
    r"(?:(?:the|an?)\s+)?(?:abstract\s+)?(?:base\s+)?(?:(?:type|class|resource|entity)\s+)?[*_`]*\[([^\]]+)\]\(([^)\s]+)[^)]*\)",
    re.IGNORECASE,
)
# ... or a reference link right after it ("inherited from **[baseItem][]**"), whose target the page defines below.
_REF_NEXT = re.compile(
    r"(?:(?:the|an?)\s+)?(?:abstract\s+)?(?:base\s+)?(?:(?:type|class|resource|entity)\s+)?[*_`]*\[([^\]]+)\](?:\[[^\]]*\])?(?!\()",
    re.IGNORECASE,
)
# ... or a type's name, unlinked, right after it ("Inherits from directoryObject"); resolve keeps it only if documented.
_NAME_NEXT = re.compile(r"(?:the\s+)?[*_`]*((?:microsoft\.graph\.)?[a-z]+[A-Z]\w*|microsoft\.graph\.\w+)[*_`]*(?![\w(\[])")
# A phrase on a base type's page before the types that derive from it (in the sentence, or the list after it).
_DERIVED_PHRASE = re.compile(
    r"\bderived\s+(?:types?|classes|resources|entities)\b|\bbase\s+(?:type|class|resource|entity)\s+(?:for|of)\b"
    r"|\bare\s+derived\s+from\b|\b(?:derive|inherit)\s+from\s+(?:this|it)\b|\binherited\s+by\b",
    re.IGNORECASE,
)
# A sentence whose subject is other types: "The following types are derived from X", "A [b](b.md)
# is derived from X". X is their base (the page's own type), not the page type's.
_OTHERS_DERIVE = re.compile(
    r"(?:\bfollowing\s+(?:types?|classes|resources|entities)\b.*|\]\([^)]*\)[*_`]*\s+(?:is|are)\s+)\Z", re.IGNORECASE | re.DOTALL
)
# "The following types are derived from [x]:" names the base right after it: the derived ones are in the list below.
_LIST_FOLLOWS = re.compile(r"\bare\s+derived\s+from\b", re.IGNORECASE)
# "An abstract base class for ...", "This complex type is abstract": the type itself, not a linked
# ancestor ("derived from the abstract [x] type") nor another type ("inherits from an abstract type").
_ABSTRACT = re.compile(r"\babstract\b(?!\s+(?:base\s+)?(?:(?:type|class|resource|entity)\s+)?[*_`]*\[)", re.IGNORECASE)
_NOT_OWN = re.compile(r"\b(?:from|of|by|to|for|and|or)\s+(?:the\s+|an?\s+)?[*_`]*\Z", re.IGNORECASE)
# "The `bundle` facet on a [driveItem][]": the type is that property of the linked type.
_FACET = re.compile(r"`([A-Za-z_]\w*)`\s+facet\s+(?:on|of)\s+(?:an?|the)\s+[*_`]*\[([^\]]+)\]", re.IGNORECASE)
# "inherits from base policy type": the base named in words, policyBase.
_BASE_WORDS = re.compile(r"(?:the\s+)?base\s+([a-z][a-z0-9]*)\s+(?:type|class)\b", re.IGNORECASE)
_EXPAND = re.compile(r"\$expand=([A-Za-z_]\w*)")
_OPEN_TYPE = re.compile(r"\b(?:is|as)\s+an?\s+(?:OData\s+)?open\s+type\b", re.IGNORECASE)
# Headings below level 2 that start a section of an API page as their level-2 form does
# (today's pages nest them: "### Request", "### Response", "### Example 2: ...").
_SECTION_HEADING = re.compile(r"^(?:http request|request headers|request body|request|responses?|examples?\b.*)$", re.IGNORECASE)
_NAMESPACE = re.compile(r"^Namespace:\s*([\w.]+)", re.IGNORECASE)
_URL_HOST = re.compile(r"^https?://([^/\s]+)", re.IGNORECASE)
_GRAPH_HOSTS = ("graph.microsoft.com", "graph.microsoft.us", "microsoftgraph.chinacloudapi.cn", "graph.microsoft.de")


def _blanked(path: str) -> str:
    """A request path with its placeholders blanked, in lower case: one request however named."""
    return re.sub(r"\{[^{}]*\}", "{}", path.lower())
_POSSIBLE = re.compile(r"possible values (?:are|include|is)\b[^:`]*:?(.*)", re.IGNORECASE | re.DOTALL)
_SENTENCE_END = re.compile(r"\.(?:\s|$)|\n|<br", re.IGNORECASE)
_ENUM_HEADING = re.compile(
    r"^`?([A-Za-z_][\w.]*)`?\s+(?:enum(?:eration)?\s+)?(?:type\s+)?values?\b", re.IGNORECASE | re.ASCII
)
_TITLE_SUFFIX = re.compile(
    r"\s+(?:resource|complex|entity|enum(?:eration)?|object)?\s*(?:type|resource|object)s?\b.*$",
    re.IGNORECASE,
)
# Text that stands where a description is yet to be written: alone, or as a first sentence.
_PLACEHOLDER = re.compile(
    r"^\s*(?:"
    r"(?:not yet documented|tbd|to be determined|add (?:a )?description|description|\.{2,}|\u2026)\s*(?:\.\s+|\.?\s*$)"
    r"|todo:\s*add (?:a )?description\s*(?:[.:]\s*|\s+(?=[A-Z])|$)"  # the template's placeholder, text may follow
    r"|todo\b.*$"  # any other note to self stands for no description at all
    r")",
    re.IGNORECASE,
)
# A permission's name: dotted words, each after the first capitalized ("Directory.AccessAsUser.All",
# "eDiscovery.Read.All"), so that "e.g." and host names are not read as one.
_PERMISSION = re.compile(r"\b[A-Za-z][A-Za-z0-9_]*(?:\.[A-Z][A-Za-z0-9_]*)+")
_NOT_SUPPORTED = re.compile(r"\bnot supported\b", re.IGNORECASE)
_HEADER_NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
# Tables under a Properties section that describe something else than the type's properties.
_SIDE_TABLE = re.compile(r"definition|attributes", re.IGNORECASE)


@lru_cache(maxsize=1)
def _yaml() -> tuple[Any, Any]:
    """pyyaml and its fastest safe loader (libyaml's, when built with it), loaded on first use."""
    import yaml

    return yaml, getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_page(data: bytes | str, path: str, readings: Readings = ALL) -> PageRecord:
    """Read one page. ``path`` is relative to the docs root ("resources/x.md"); ``readings``:
    those of the page's words this run applies (``generator.model.readings``)."""
    diags = Collector(path)
    key = key_of_path(path)
    folder = key.folder
    text = _decode(data, diags)
    if not text.strip():
        diags.add("EMPTY_PAGE", "the page is empty", 1)
        return PageRecord(path=path, key=key, diagnostics=tuple(diags.items))
    page = _Page(blocks(text), folder, diags, readings)
    is_api = folder == "api" if folder in ("api", "resources") else page.doc_type == "apipagetype"
    if is_api:
        return PageRecord(path=path, key=key, api=page.api(), diagnostics=tuple(diags.items))
    fallback = re.sub(r"\W", "_", key.stem.rsplit("-", 1)[-1], flags=re.ASCII)
    types = page.types(default_name=fallback if _QUALIFIED.match(fallback) else "_" + fallback)
    return PageRecord(path=path, key=key, types=types, diagnostics=tuple(diags.items))


def key_of_path(path: str) -> PageKey:
    """The key links use for the page at ``path`` ("resources/x.md")."""
    folder, _, name = path.rpartition("/")
    stem = name[:-3] if name.lower().endswith(".md") else name
    return PageKey(folder.rsplit("/", 1)[-1], stem.lower())


def _decode(data: bytes | str, diags: Collector) -> str:
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            diags.add("NOT_UTF8", f"byte 0x{data[error.start]:02x} is not UTF-8; read with replacements", line)
            text = data.decode("utf-8-sig", errors="replace")
    else:
        text = data.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")


def _cell(row_cells: tuple[Inline, ...], index: int | None) -> Inline | None:
    if index is None or index >= len(row_cells):
        return None
    return row_cells[index]


def _syntax_block(code: Code, where: str) -> bool:
    """An ``http`` block outside the examples and the request and response sections:
    where a page with no "HTTP request" heading gives its syntax."""
    section = where.split("\n", 1)[0].strip()
    return (
        code.info.strip().lower().startswith("http")
        and "example" not in where
        and not _SECTION_HEADING.match(section)
    )


def _column(header: tuple[Inline, ...], *words: str) -> int | None:
    for index, cell in enumerate(header):
        text = cell.text.lower()
        if any(word in text for word in words):
            return index
    return None


def _name_of(cell: Inline | None) -> str:
    if cell is None:
        return ""
    match = _NAME.search(cell.text.replace("\\", ""))
    return match.group().rstrip(".-") if match else ""


def possible_values(raw: str, codes: tuple[str, ...]) -> tuple[str, ...]:
    """Members listed in a description as "Possible values are: `a`, `b`"."""
    match = _POSSIBLE.search(raw)
    if match is None:
        return ()
    rest = _outside_code_end(match.group(1))
    spans = re.findall(r"`([^`]+)`", rest)
    if spans:
        values = [s.strip() for s in spans]
    else:
        values = [v.strip(" *_'\"") for v in re.split(r",|\bor\b|\band\b", rest)]
    seen: list[str] = []
    for value in values:
        if _IDENT.match(value) and value not in seen:
            seen.append(value)
    return tuple(seen)


def _outside_code_end(text: str) -> str:
    """``text`` up to the end of its first sentence, not counting dots in `code`."""
    in_code = False
    for index, char in enumerate(text):
        if char == "`":
            in_code = not in_code
        elif not in_code and _SENTENCE_END.match(text, index):
            return text[:index]
    return text


class _Page:
    """Walks a page's blocks once, sorting what it finds by section."""

    def __init__(self, items: list[Any], folder: str, diags: Collector, readings: Readings = ALL) -> None:
        self.folder = folder
        self.readings = readings
        self.diags = diags
        self.front: dict[str, Any] = {}
        self.title: Heading | None = None
        self.namespace: str | None = None
        self.description: str | None = None
        self.inherits: tuple[TypeRef, int] | None = None
        self.base_mentions: list[Mention] = []  # ancestors named elsewhere on the page
        self.derived: list[Mention] = []
        self.open_said: int | None = None  # line of "This is an open type"
        self.abstract_said: int | None = None  # line of "an abstract base type for ..."
        self.facets: list[Facet] = []
        self.nested: list[PropertyRow] = []  # rows named by a path from the type: "file/localizations"
        # (h2 title, nearest heading title, table)
        self.tables: list[tuple[str, str, Table]] = []
        # (annotation, annotation line, code block, h2 title + nearest heading)
        self.annotated: list[tuple[dict[str, Any], int, Code, str]] = []
        self.codes: list[tuple[Code, str]] = []
        self.paragraphs: list[tuple[Paragraph, str]] = []
        self._walk(items)
        doc_type = self.front.get("doc_type")
        self.doc_type = str(doc_type).strip().strip('"').lower() if doc_type else ""

    # -- walking ---------------------------------------------------------
    def _walk(self, items: list[Any]) -> None:
        section = ""
        nearest = ""
        example_level = 0  # level of the "Example ..." heading the blocks are under; 0 outside examples
        pending: tuple[dict[str, Any], int] | None = None
        derived_list = False  # the blocks just after a "derived types:" sentence may list them
        for block in items:
            if isinstance(block, FrontMatter):
                self._front_matter(block)
                continue
            if isinstance(block, Heading):
                if _is_tab(block):
                    continue  # "# [HTTP](#tab/http)": a tab label, not a section
                # "## Derived types" heads a table or list of them, as such a sentence does
                pending, derived_list = None, _DERIVED_PHRASE.search(block.inline.text) is not None
                if block.level == 1 and self.title is None:
                    self.title = block
                    continue
                nearest = block.inline.text
                if block.level <= 2 or _SECTION_HEADING.match(nearest.strip()):
                    section = nearest.lower()
                if example_level and block.level <= example_level:
                    example_level = 0
                if nearest.lower().startswith("example") and not example_level:
                    example_level = block.level
                continue
            if isinstance(block, Html):
                pending = self._annotation(block) or pending
                continue
            if isinstance(block, Code):
                where = f"{section}\n{nearest.lower()}" + ("\nexample" if example_level else "")
                if pending is not None:
                    self.annotated.append((pending[0], pending[1], block, where))
                else:
                    self.codes.append((block, where))
                pending = None
                continue
            if isinstance(block, Table) or _annotates_no_code(pending, block):
                pending = None  # it annotated this block, not the next code block
            if isinstance(block, Table):
                if derived_list:
                    self._derived_links([row.cells[0] for row in block.rows if row.cells], [row.line for row in block.rows])
                derived_list = False
                self.tables.append((section, nearest, block))
            elif isinstance(block, Paragraph):
                if derived_list and block.listed:
                    self._derived_links([block.inline], [block.line], first_only=True)
                    continue
                derived_list = self._paragraph(block, section)

    def _front_matter(self, block: FrontMatter) -> None:
        yaml, loader = _yaml()
        try:
            data = yaml.load(block.content, Loader=loader)  # a safe loader (_yaml)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = block.line + 1 + (mark.line if mark else 0)
            self.diags.add("BAD_FRONT_MATTER", f"front matter is not valid YAML: {_first_line(error)}", line)
            return
        if isinstance(data, dict):
            self.front = data
        elif data is not None:
            self.diags.add("BAD_FRONT_MATTER", "front matter is not a mapping", block.line)

    def _paragraph(self, block: Paragraph, section: str) -> bool:
        """Read what a paragraph says of the type; True when it announces a list of derived types."""
        self.paragraphs.append((block, section))
        text = block.inline.text
        if not section and self.abstract_said is None and _says_abstract(block.inline.raw):
            self.abstract_said = block.line
        if block.quoted:
            return False
        if not section:
            namespace = _NAMESPACE.match(text)
            if namespace:
                self.namespace = namespace.group(1).rstrip(".")
                return False
            if text.startswith("[!"):
                return False
        if _OPEN_TYPE.search(text) and self.open_said is None and not section:
            self.open_said = block.line
        for facet in _FACET.finditer(block.inline.raw):
            target = _link_named(block.inline, facet.group(2))
            ref = type_ref(Inline(target.text, target.text, (target,)), self.folder) if target is not None else None
            if ref is not None and all(f.name != facet.group(1) for f in self.facets):
                self.facets.append(Facet(facet.group(1), ref, block.line))
        mentions = self._bases_named(block.inline, block.line)
        if mentions and self.inherits is None and not section:
            self.inherits = (mentions[0], block.line)
        else:
            self.base_mentions.extend(Mention(ref, block.line, "a paragraph") for ref in mentions)
        announces = self._derived_links([block.inline], [block.line], after_phrase=True)
        if not section and self.title is not None and self.description is None and not text.startswith("[!"):
            starts_with_base = bool(mentions) and _BASE_PHRASE.match(text) is not None
            if not starts_with_base:
                self.description = self._prose(text, block.line)
        return announces

    def _bases_named(self, inline: Inline, line: int) -> list[TypeRef]:
        """``_bases_named``, reporting each base read from words."""
        found, worded = _bases_named(inline, self.folder)
        if not self.readings.on("BASE_FROM_WORDS"):
            return [ref for ref in found if all(ref is not each for each in worded)]
        for ref in worded:
            self.diags.add("BASE_FROM_WORDS", f"'base {ref.name[:-4]} type' read as {ref.name}", line)
        return found

    def _derived_links(self, cells: list[Inline], lines: list[int], after_phrase: bool = False, first_only: bool = False) -> bool:
        """Record the resource links in ``cells`` as types derived from this page's. With
        ``after_phrase``, only links after the last derived-types phrase count, and the
        answer says whether there was such a phrase (a list may follow it)."""
        found = False
        for cell, line in zip(cells, lines):
            raw = cell.raw
            if after_phrase:
                phrases = list(_DERIVED_PHRASE.finditer(raw))
                if not phrases:
                    continue
                found = True
                raw = "" if _LIST_FOLLOWS.match(phrases[-1].group()) else raw[phrases[-1].end() :]
            for match in _LINK_ANY.finditer(raw):
                key = page_key(match.group(2), self.folder)
                if key is None or key.folder != "resources":
                    continue
                self.derived.append(Mention(TypeRef(name=match.group(1).strip("`*_ "), collection=False, link=key), line, "a list"))
                if first_only:
                    break
        return found

    def _annotation(self, block: Html) -> tuple[dict[str, Any], int] | None:
        content = block.content
        start = content.find("<!--")
        if start < 0:
            return None
        end = content.find("-->", start)
        inner = content[start + 4 : end if end >= 0 else len(content)].strip()
        if not inner.startswith("{"):
            return None
        line = block.line + content.count("\n", 0, start)
        try:
            value, repairs = loads(inner)
        except JsonError as error:
            if "blocktype" in inner.lower():
                self.diags.add("ANNOTATION_INVALID", f"annotation is not JSON: {error.message}", line + error.line)
            return None
        if not isinstance(value, dict):
            return None
        lowered = {str(k).lower(): v for k, v in value.items()}
        if "blocktype" not in lowered:
            return None
        if repairs:
            self.diags.add("ANNOTATION_REPAIRED", "annotation read as meant: " + "; ".join(repairs), line)
        normalized = {_ANNOTATION_KEYS.get(k, k): v for k, v in lowered.items()}
        return normalized, line

    def _prose(self, text: str, line: int) -> str:
        """A description without the placeholder a page may hold instead of one
        ("Not yet documented", "TODO: ...", "..."), which is reported, not copied."""
        found = _PLACEHOLDER.match(text)
        if found is None:
            return text
        self.diags.add("PLACEHOLDER_TEXT", f"placeholder {found.group().strip()[:60]!r} is not a description; left out", line)
        return text[found.end() :].strip()

    # -- resource pages --------------------------------------------------
    def title_name(self) -> str | None:
        text = self.title.inline.text if self.title else str(self.front.get("title") or "")
        text = _TITLE_SUFFIX.sub("", text.strip().strip("`*"))
        match = re.match(r"`?([A-Za-z_][\w.]*)`?\s*$", text, re.ASCII)
        return match.group(1).rsplit(".", 1)[-1] if match and _QUALIFIED.match(match.group(1)) else None

    def types(self, default_name: str) -> tuple[TypeRecord, ...]:
        if self.doc_type == "conceptualpagetype":
            return ()
        is_enum_page = self.doc_type in ("enumpagetype", "enumtypes") or bool(
            self.title and re.search(r"\benum", self.title.inline.text, re.IGNORECASE)
        )
        enums = self._enum_sections()
        resources = [a for a in self.annotated if str(a[0].get("blockType", "")).lower() == "resource"]
        title_name = self.title_name()
        main_tables = self._main_tables(is_enum_page and not enums)
        if not resources and not any(main_tables.values()):
            if not enums and self.doc_type != "enumtypes":
                self.diags.add("NO_TABLES", "no Properties, Relationships or Members table", self._line())
            if enums or not self._titled_type():
                return tuple(enums)
        annotation: dict[str, Any] = resources[0][0] if resources else {}
        odata_type = str(annotation.get("@odata.type") or "").lstrip("#").strip()
        if odata_type and not _QUALIFIED.match(odata_type):
            self.diags.add("BAD_TYPE_NAME", f"@odata.type {odata_type[:80]!r} is not a qualified type name; ignored", resources[0][1])
            odata_type = ""
        annotated_name = odata_type.rsplit(".", 1)[-1] if odata_type else None
        name = annotated_name or title_name or default_name
        if annotated_name and title_name and annotated_name.lower() != title_name.lower():
            self.diags.add(
                "TYPE_NAME_MISMATCH",
                f"annotation says {odata_type!r} but the title names {title_name!r}; the annotation wins",
                resources[0][1],
            )
        namespace = self.namespace if self.namespace and _QUALIFIED.match(self.namespace) else None
        namespace = namespace or (odata_type.rsplit(".", 1)[0] if "." in odata_type else "microsoft.graph")
        full_name = odata_type if "." in odata_type else None
        json_block = None
        if resources:
            json_block = self._json_block(resources[0])
        base = str(annotation.get("baseType") or "").lstrip("#").strip() or None
        members = main_tables["members"]
        open_type = truthy(annotation.get("openType"))
        if self.open_said is not None and not open_type and self.readings.on("OPEN_TYPE_FROM_TEXT"):
            self.diags.add("OPEN_TYPE_FROM_TEXT", "the page says this is an open type; read as one", self.open_said)
            open_type = True
        abstract = truthy(annotation.get("abstract"))
        if self.abstract_said is not None and not abstract and not (members and not main_tables["properties"]) and self.readings.on("ABSTRACT_FROM_TEXT"):
            self.diags.add("ABSTRACT_FROM_TEXT", "the page says this type is abstract; read as abstract", self.abstract_said)
            abstract = True
        record = TypeRecord(
            name=name,
            namespace=namespace,
            full_name=full_name,
            is_enum=bool(members) and not main_tables["properties"],
            description=self.description or self._prose(str(self.front.get("description") or ""), 1),
            line=self.title.line if self.title else 1,
            base_type=base,
            says_no_base="baseType" in annotation and annotation["baseType"] is None,
            inherits=self.inherits[0] if self.inherits else None,
            inherits_line=self.inherits[1] if self.inherits else 0,
            base_mentions=tuple(self.base_mentions),
            derived=tuple(self.derived),
            facets=tuple(self.facets),
            nested=tuple(self.nested),
            abstract=abstract,
            open_type=open_type,
            key_property=str(annotation["keyProperty"]) if annotation.get("keyProperty") else None,
            properties=tuple(main_tables["properties"]),
            navigation=tuple(main_tables["navigation"]),
            members=tuple(members),
            methods=tuple(main_tables["methods"]),
            json=json_block,
            examples=tuple(e for e in (self._example(item) for item in self.annotated) if e is not None),
        )
        return (record, *enums)

    def _titled_type(self) -> bool:
        """The H1 says "x resource type" (or complex, entity): a type page, tables or not."""
        title = self.title.inline.text if self.title else ""
        return bool(re.search(r"\b(?:resource|complex|entity)\s+type\s*$", title, re.IGNORECASE)) and bool(self.title_name())

    def _line(self) -> int:
        return self.title.line if self.title else 1

    def _main_tables(self, members_anywhere: bool) -> dict[str, list[Any]]:
        found: dict[str, list[Any]] = {"properties": [], "navigation": [], "members": [], "methods": []}
        for section, nearest, table in self.tables:
            if not table.header:
                continue
            first = table.header[0].text.lower().strip()
            has_type = _column(table.header, "type") is not None
            if "method" in section and ("method" in first or _links_to_api(table)):
                found["methods"].extend(self._method_rows(table))
            elif "relationship" in section or (first.startswith("relationship") and "propert" not in section):
                # a Properties section's table is one of properties, whatever its first column says
                if has_type:
                    found["navigation"].extend(self._property_rows(table))
            elif ("propert" in section or not section) and has_type and (first in _PROPERTY_HEADERS or first.startswith("relationship")):
                if not _SIDE_TABLE.search(nearest) or nearest.lower() == section:
                    found["properties"].extend(self._property_rows(table))
            elif (members_anywhere or "member" in section) and first in _MEMBER_HEADERS and (not _ENUM_HEADING.match(nearest) or "member" in section):
                found["members"].extend(self._member_rows(table))
        return found

    def _enum_sections(self) -> list[TypeRecord]:
        """Enums documented as "### name values" sections, several to a page."""
        records: list[TypeRecord] = []
        stated = self.namespace if self.namespace and _QUALIFIED.match(self.namespace) else None
        namespace = stated or "microsoft.graph"
        for section, nearest, table in self.tables:
            match = _ENUM_HEADING.match(nearest)
            if not match or not table.header or "member" in section:
                continue
            if table.header[0].text.lower().strip() not in _MEMBER_HEADERS:
                continue
            name = match.group(1).rsplit(".", 1)[-1]
            records.append(
                TypeRecord(
                    name=name,
                    namespace=namespace,
                    full_name=None,
                    is_enum=True,
                    description="",
                    line=table.line,
                    members=tuple(self._member_rows(table)),
                    namespace_stated=stated is not None,
                )
            )
        return records

    def _property_rows(self, table: Table) -> list[PropertyRow]:
        type_col = _column(table.header, "type")
        desc_col = _column(table.header, "description", "notes")
        rows: list[PropertyRow] = []
        raws: list[str] = []  # each row's description as written, for a wrapped row's rest to join
        for row in table.rows:
            if _is_group_label(row.cells):
                continue  # a bold row that groups the rows below it
            name = _name_of(_cell(row.cells, 0))
            type_cell = _cell(row.cells, type_col)
            first_cell = _cell(row.cells, 0)
            wrapped = first_cell is not None and len(first_cell.text.split()) > 1 and not (type_cell and type_cell.text)
            if wrapped and rows and first_cell is not None:  # the previous row's text, wrapped onto a line of its own
                raws[-1] += " " + first_cell.raw
                previous = rows[-1]
                text = f"{previous.description} {self._prose(first_cell.text, row.line)}".strip()
                values = possible_values(raws[-1], ())
                rows[-1] = replace(previous, description=text, possible_values=values)
                self.diags.add("ROW_JOINED", f"row is the rest of {previous.name!r}'s description, wrapped onto a line of its own", row.line)
                continue
            if not name or type_cell is None or name.startswith("@"):
                if any(c.text for c in row.cells) and not name.startswith("@"):
                    self.diags.add("BAD_TABLE_ROW", "table row has no name or no type", row.line)
                continue
            if first_cell is not None and "/" in first_cell.text.strip():
                # "file/localizations/{id}/versions": a property of the type that path reaches, not of this one
                ref = type_ref(type_cell, self.folder)
                desc = _cell(row.cells, desc_col)
                if ref is not None:
                    self.nested.append(PropertyRow(name=first_cell.text.strip(), type=ref, description=self._prose(desc.text, row.line) if desc else "", line=row.line))
                continue
            if wrapped:
                self.diags.add("BAD_TABLE_ROW", "row has no type, and no row before it to belong to", row.line)
                continue
            ref = type_ref(type_cell, self.folder)
            if ref is None:
                self.diags.add("BAD_TYPE", f"property {name!r}: type cell {type_cell.text!r} names no type", row.line)
            desc = _cell(row.cells, desc_col)
            if desc is not None:
                self.base_mentions.extend(Mention(ref, row.line, f"the {name} row") for ref in self._bases_named(desc, row.line))
            rows.append(
                PropertyRow(
                    name=name,
                    type=ref,
                    description=self._prose(desc.text, row.line) if desc else "",
                    line=row.line,
                    possible_values=possible_values(desc.raw, desc.codes) if desc else (),
                )
            )
            raws.append(desc.raw if desc else "")
        return rows

    def _method_rows(self, table: Table) -> list[MethodRow]:
        type_col = _column(table.header, "return", "type")
        desc_col = _column(table.header, "description")
        rows: list[MethodRow] = []
        for row in table.rows:
            cell = _cell(row.cells, 0)
            if cell is None or not cell.text:
                continue
            if not cell.links and not any(c.text for c in row.cells[1:]):
                continue  # a label that groups the rows below it
            link = next((page_key(l.href, self.folder) for l in cell.links), None)
            type_cell = _cell(row.cells, type_col)
            ref = type_ref(type_cell, self.folder) if type_cell is not None else None
            if ref is not None and ref.name.lower() in ("none", "no", "not", "void", "n/a", "nothing"):
                ref = None
            desc = _cell(row.cells, desc_col)
            name = cell.links[0].text if cell.links else cell.text
            description = self._prose(desc.text, row.line) if desc else ""
            rows.append(MethodRow(name=name, link=link, return_type=ref, description=description, line=row.line))
        return rows

    def _member_rows(self, table: Table) -> list[MemberRow]:
        value_col = _column(table.header[1:], "value")
        value_col = None if value_col is None else value_col + 1
        desc_col = _column(table.header, "description")
        rows: list[MemberRow] = []
        for row in table.rows:
            cell = _cell(row.cells, 0)
            name = _name_of(cell)
            if not name:
                continue
            if cell is not None and cell.text.strip(" `*") != name:
                self.diags.add("BAD_TABLE_ROW", f"member {cell.text.strip()[:60]!r} is not a name; skipped", row.line)
                continue
            value_cell = _cell(row.cells, value_col)
            value = _int(value_cell.text) if value_cell else None
            desc = _cell(row.cells, desc_col)
            description = self._prose(desc.text, row.line) if desc else ""
            rows.append(MemberRow(name=name, value=value, description=description, line=row.line))
        return rows

    def _json_block(self, item: tuple[dict[str, Any], int, Code, str]) -> JsonBlock:
        annotation, _, code, _ = item
        value = self._json(code.content, code.line + 1)
        return JsonBlock(annotation=annotation, value=value, line=code.line)

    def _json(self, text: str, first_line: int) -> Any:
        """Parse JSON text starting at ``first_line``; report what it took."""
        try:
            value, repairs = loads(text)
        except JsonError as error:
            self.diags.add("JSON_INVALID", f"JSON block is not JSON: {error.message}", first_line + error.line)
            return None
        if repairs:
            blank = len(text) - len(text.lstrip("\n"))  # the note goes on the block's first line of JSON
            self.diags.add("JSON_REPAIRED", "JSON read as meant: " + "; ".join(repairs), first_line + blank)
        return value

    # -- API pages -------------------------------------------------------
    def api(self) -> ApiRecord:
        fences = [code for code, where in self.codes if "http request" in where]
        fences += [
            code
            for annotation, _, code, where in self.annotated
            if "http request" in where and str(annotation.get("blockType")).lower() in ("ignored", "request")
        ]
        if not fences:  # no "HTTP request" heading: the syntax blocks stand under other ones
            fences = [code for code, where in self.codes if _syntax_block(code, where)]
            fences += [
                code
                for annotation, _, code, where in self.annotated
                if str(annotation.get("blockType")).lower() == "ignored" and _syntax_block(code, where)
            ]
        requests: list[HttpRequest] = []
        for code in sorted(fences, key=lambda c: c.line):
            requests.extend(http.request_lines(code.content, code.line + 1, self.diags))
        requests += self._templates(requests)
        if not requests:
            self.diags.add("NO_HTTP_REQUEST", "no HTTP request block", self._line())
        parameters: list[PropertyRow] = []
        for section, _, table in self.tables:
            if "request body" in section and table.header and _column(table.header, "type") is not None and (
                table.header[0].text.lower().strip() in _PROPERTY_HEADERS
            ):
                parameters.extend(self._property_rows(table))
        headers = [row for section, _, table in self.tables if section.strip() == "request headers" for row in self._header_rows(table)]
        permissions = [row for section, _, table in self.tables if section.strip() == "permissions" for row in self._permission_rows(table)]
        written = [self._example(item) for item in self.annotated]
        written += [self._example(({}, code.line, code, where)) for code, where in self.codes if "example" in where]
        examples = _answers_read(sorted((e for e in written if e is not None), key=lambda e: e.line))
        return ApiRecord(
            title=self.title.inline.text if self.title else "",
            description=self.description or self._prose(str(self.front.get("description") or ""), 1),
            requests=tuple(requests),
            parameters=tuple(parameters),
            body_type=self._section_type("request body"),
            success_status=self._success_status(),
            examples=tuple(examples),
            line=self._line(),
            expands=self._expands(examples),
            headers=tuple(headers),
            permissions=tuple(permissions),
        )

    def _header_rows(self, table: Table) -> list[HeaderRow]:
        """The Request headers table's rows: each header's name and what the page says of it."""
        rows: list[HeaderRow] = []
        for row in table.rows:
            cell = _cell(row.cells, 0)
            name = _HEADER_NAME.match(cell.text.strip(" `*")) if cell is not None else None
            if name is None:
                continue
            said = " ".join(c.text for c in row.cells[1:])
            rows.append(HeaderRow(name=name.group(), description=said, line=row.line))
        return rows

    def _permission_rows(self, table: Table) -> list[PermissionRow]:
        """The Permissions table's rows of the three kinds, each with the permissions its cell
        names; a row whose cell names none and says nothing of support is not read."""
        rows: list[PermissionRow] = []
        for row in table.rows:
            kind = _permission_kind(row.cells[0].text) if len(row.cells) > 1 else None
            if kind is None:
                continue
            text = " ".join(c.text for c in row.cells[1:])
            names = tuple(dict.fromkeys(_PERMISSION.findall(text)))
            if names or _NOT_SUPPORTED.search(text):
                rows.append(PermissionRow(kind=kind, names=names, line=row.line))
        return rows

    def _templates(self, requests: list[HttpRequest]) -> list[HttpRequest]:
        """Request examples that are templates of requests the request lines leave out: all
        of them where the page writes its HTTP request section as an example (``drive-list.md``
        shows ``GET /me/drives`` under a heading of its own), and any other whose path holds a
        placeholder (``GET /sites/{site-id}``)."""
        written = [
            (code, where)
            for annotation, _, code, where in self.annotated
            if str(annotation.get("blockType")).lower() == "request"
        ]
        as_examples = any("http request" in where for _, where in written)
        known = {(r.method, _blanked(r.path)) for r in requests}
        found: list[HttpRequest] = []
        for code, _ in written:
            first = next((text for text in code.content.split("\n") if text.strip()), "")
            host = _URL_HOST.match(first.split(maxsplit=1)[-1].strip()) if first.strip() else None
            if host and not host.group(1).lower().endswith(_GRAPH_HOSTS):
                continue  # a request to another service (a notification to an app)
            quiet = Collector(self.diags.path)  # an example that is no request line is lint's to report
            for request in http.request_lines(first.split("?", 1)[0], code.line + 1, quiet):
                if (as_examples or "{" in request.path) and (request.method, _blanked(request.path)) not in known:
                    known.add((request.method, _blanked(request.path)))
                    found.append(request)
        return found

    def _expands(self, examples: list[ExampleRecord]) -> tuple[str, ...]:
        """The names the page's prose and example requests ``$expand``, in order, once each."""
        texts = [paragraph.inline.raw for paragraph, _ in self.paragraphs]
        texts += [e.url for e in examples if e.kind == "request" and e.url]
        found = (name for text in texts if "$expand=" in text for name in _EXPAND.findall(text))
        return tuple(dict.fromkeys(found))

    def _section_type(self, section_name: str) -> TypeRef | None:
        for paragraph, section in self.paragraphs:
            if section.strip() != section_name:
                continue
            for link in paragraph.inline.links:
                key = page_key(link.href, self.folder)
                if key is not None and key.folder == "resources":
                    collection = "collection" in paragraph.inline.text.lower()
                    return TypeRef(name=link.text.strip("` "), collection=collection, link=key)
        return None

    def _success_status(self) -> int | None:
        """The status the Response section says success is: the first 2xx or 3xx it names
        (a page may name the error it answers first: "507 Insufficient Storage" when ...)."""
        for paragraph, section in self.paragraphs:
            if section.strip() == "response":
                for match in re.finditer(r"\b([1-5]\d\d),?\s+[A-Z][A-Za-z-]*", paragraph.inline.text):
                    if 200 <= int(match.group(1)) < 400:
                        return int(match.group(1))
        return None

    def _example(self, item: tuple[dict[str, Any], int, Code, str]) -> ExampleRecord | None:
        annotation, line, code, _ = item
        message = http.split_message(code.content, code.info)
        kind = str(annotation.get("blockType", "")).lower()
        if not annotation:  # an example without annotation: its first line tells what it is
            kind = "request" if message.method else "response" if message.status else ""
            if not kind and message.is_json and "response" in item[3].split("\n")[1]:
                kind = "response"  # a bare JSON block under a Response heading
            elif not kind and message.is_json:
                kind = _MAYBE_RESPONSE  # a bare JSON block: an answer if it follows a request that is complete
        if kind not in ("request", "response", "example", _MAYBE_RESPONSE):
            return None
        body = None
        if message.is_json and message.body.strip():
            value = self._json(message.body, code.line + 1 + message.body_offset)
            if value is not None:  # canonical and compact, once per page rather than once per run
                body = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        return ExampleRecord(
            kind=kind,
            annotation=annotation,
            http_method=message.method,
            url=message.url,
            status=message.status,
            body=body,
            line=line,
            location=message.location,
        )


_MAYBE_RESPONSE = "response?"


def _answers_read(examples: list[ExampleRecord]) -> list[ExampleRecord]:
    """The examples in page order, with what older pages leave to the reader read: a bare
    JSON fence right after a POST, PATCH or PUT whose own fence holds no body is that
    request's body (an annotated ``example`` fence there is kept as well); a bare JSON
    fence after a request that is complete without it (a GET or DELETE, or one with its
    body) is its response ("**Response**" in bold over an unlabelled fence). Any other
    bare fence is left out."""
    read: list[ExampleRecord] = []
    for example in examples:
        before = read[-1] if read and read[-1].kind == "request" else None
        bare = example.kind in (_MAYBE_RESPONSE, "example") and example.http_method is None and example.status is None
        if bare and example.body and before is not None and not before.body and before.http_method in ("POST", "PATCH", "PUT"):
            read[-1] = replace(before, body=example.body)
            if example.kind == _MAYBE_RESPONSE:
                continue
        elif example.kind == _MAYBE_RESPONSE:
            if before is None or not (before.http_method in ("GET", "DELETE") or before.body):
                continue
            example = replace(example, kind="response")
        read.append(example)
    return read


# Annotations of blocks that are not code: a permissions table pulled in by [!INCLUDE], for one.
_NOT_CODE_BLOCKS = {"permissions"}


def _annotates_no_code(pending: tuple[dict[str, Any], int] | None, block: Any) -> bool:
    """Whether a pending annotation was for ``block`` (or a block it stands for), not a code block."""
    if pending is None:
        return False
    if str(pending[0].get("blockType", "")).lower() in _NOT_CODE_BLOCKS:
        return True
    return isinstance(block, Paragraph) and block.inline.text.lower().startswith("[!include")


def _link_named(inline: Inline, text: str) -> Link | None:
    """The link of ``inline`` whose text is ``text`` (a reference link's target is resolved there)."""
    wanted = text.strip("`*_ ")
    return next((link for link in inline.links if link.text.strip("`*_ ") == wanted), None)


def _bases_named(inline: Inline, folder: str) -> tuple[list[TypeRef], list[TypeRef]]:
    """The types a text names as ancestors: each link right after "inherits from",
    "inherited from", "derived from", "subclass of". A link further on is not one.
    Second, those of them named in words ("base policy type": policyBase)."""
    found: list[TypeRef] = []
    worded: list[TypeRef] = []
    for phrase in _BASE_PHRASE.finditer(inline.raw):
        if _OTHERS_DERIVE.search(_sentence_before(inline.raw, phrase.start())):
            continue
        link = _LINK_NEXT.match(inline.raw, phrase.end())
        if link is not None:
            text, href = link.group(1).strip("`*_ "), link.group(2)
        else:
            reference = _REF_NEXT.match(inline.raw, phrase.end())
            text = reference.group(1).strip("`*_ ") if reference else ""
            target = _link_named(inline, text) if text else None
            href = target.href if target is not None else ""
            if not href:
                name = _NAME_NEXT.match(inline.raw, phrase.end())
                words = _BASE_WORDS.match(inline.raw, phrase.end())
                if name is not None:
                    found.append(TypeRef(name=name.group(1), collection=False))
                elif words is not None and words.group(1).lower() not in ("type", "class", "resource", "entity"):
                    worded.append(TypeRef(name=words.group(1).lower() + "Base", collection=False))
                    found.append(worded[-1])
                continue
        key = page_key(href, folder)
        if key is None or key.folder != "resources":
            continue
        ref = type_ref(Inline(text, text, (Link(text, href),)), folder)
        if ref is not None:
            found.append(ref)
    return found, worded


def _sentence_before(raw: str, end: int) -> str:
    """The text of ``raw``'s sentence up to ``end``."""
    start = max(raw.rfind(". ", 0, end), raw.rfind("\n", 0, end))
    return raw[start + 1 : end]


def _says_abstract(raw: str) -> bool:
    """A sentence calls the page's own type abstract."""
    return any(_NOT_OWN.search(raw[max(0, m.start() - 24) : m.start()]) is None for m in _ABSTRACT.finditer(raw))


def _permission_kind(text: str) -> str | None:
    """A Permissions row's kind: "Delegated (work or school account)" -> ``delegated-work``."""
    lowered = text.lower()
    if lowered.startswith("application"):
        return "application"
    if lowered.startswith("delegated"):
        return "delegated-personal" if "personal" in lowered else "delegated-work"
    return None


def _is_tab(block: Heading) -> bool:
    links = block.inline.links
    return bool(links) and all(link.href.startswith("#tab/") for link in links)


def _links_to_api(table: Table) -> bool:
    return any(
        link.href.endswith(".md") and "api/" in link.href or link.href.startswith("../api")
        for row in table.rows
        for link in (row.cells[0].links if row.cells else ())
    )


def _is_group_label(cells: tuple[Inline, ...]) -> bool:
    filled = [c for c in cells if c.text]
    return len(filled) == 1 and filled[0].raw.strip().startswith(("**", "__", "*", "_"))


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _int(text: str) -> int | None:
    text = text.strip().strip("`")
    try:
        return int(text, 0) if text.lower().startswith("0x") else int(text)
    except ValueError:
        return None



_PROPERTY_HEADERS = {"property", "properties", "name", "property name", "field", "parameter"}
_MEMBER_HEADERS = {"member", "members", "name", "value", "member name", "enum value"}
_ANNOTATION_KEYS = {
    "blocktype": "blockType",
    "@odata.type": "@odata.type",
    "@type": "@odata.type",
    "odata.type": "@odata.type",
    "basetype": "baseType",
    "keyproperty": "keyProperty",
    "opentype": "openType",
    "abstract": "abstract",
    "optionalproperties": "optionalProperties",
    "iscollection": "isCollection",
    "truncated": "truncated",
    "name": "name",
    "expectederror": "expectedError",
}

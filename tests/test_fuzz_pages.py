"""Property-based: pages built from the real grammar, then broken, through the whole pipeline.

Each example is a docs root of resource, enum and API pages in the Graph format
(front matter, title, Namespace line, Methods / Properties / Relationships /
Members tables, the resource annotation and its JSON representation, HTTP
request blocks and examples), damaged in the ways real files are: truncated,
mixed line endings, BOMs, tabs, very long lines, bytes that are not UTF-8, NULs,
deeply nested JSON, huge tables. For every example nothing may escape as an
exception, every diagnostic names a page and a line inside it, and the output
compiles, imports and holds valid JSON Schemas.

CI runs a fixed, derandomized set of examples. ``GRAPHDOC_FUZZ=long`` runs
many more, with fresh random ones each time (see the README).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context
from models_helpers import import_models
from output_checks import (
    check_definitions_only,
    check_diagnostics,
    check_files,
    import_in_subprocess,
    run_pipeline,
    write_pages,
)

LONG = os.environ.get("GRAPHDOC_FUZZ", "").lower() == "long"


def fuzz_settings(examples: int) -> settings:
    """CI: ``examples`` fixed cases. Long run: 25 times as many, random each run."""
    return settings(
        max_examples=examples * 25 if LONG else examples,
        derandomize=not LONG,
        database=None,
        deadline=None,
        print_blob=True,
        phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    )


@pytest.fixture(scope="module", autouse=True)
def private_cache() -> Iterator[None]:
    """Page and black caches in a folder of this module's own, never ~/.cache."""
    with tempfile.TemporaryDirectory(prefix="graphdoc-fuzz-cache-") as folder:
        before = os.environ.get("GRAPHDOC_CACHE_DIR")
        os.environ["GRAPHDOC_CACHE_DIR"] = folder
        try:
            yield
        finally:
            if before is None:
                del os.environ["GRAPHDOC_CACHE_DIR"]
            else:
                os.environ["GRAPHDOC_CACHE_DIR"] = before


# -- the grammar ------------------------------------------------------------

HOSTILE_NAMES = [
    "__init__", "os.system", "../../x", 'a"b', "a'b", "class", "from", "None", "self", "_runtime",
    "str", "additional_data", "3dModel", "x/y", "id", "ID", "caf\u00e9", "\u65e5\u672c", "TYPE_CHECKING",
    "__class__", "a-b", "a_b", "fooBar", "foo_bar", "to_dict", "Model", "enum", "@odata.type", "$ref",
]  # fmt: skip
PRIMITIVES = [
    "String", "Int32", "Int64", "Int16", "Byte", "Boolean", "Double", "Single", "Decimal", "DateTimeOffset",
    "Date", "TimeOfDay", "Duration", "Guid", "Binary", "Stream", "Edm.Untyped", "String collection", "Int32 collection",
]  # fmt: skip
HOSTILE_TEXT = [
    '"""', "'''", "\\", "\\\\n", "{{ x }}", "{% if x %}", "</script>", "<!--", "-->", "\x00", "\u2028", "\t",
    "`code`", "**bold**", "[link](x.md)", "<br/>", "&amp;", "\\|", "${x}", "%s", "\r",
]  # fmt: skip

identifiers = st.from_regex(r"[a-z][A-Za-z0-9]{0,10}", fullmatch=True)
names = st.one_of(identifiers, identifiers, st.sampled_from(HOSTILE_NAMES))
words = st.text(st.characters(codec="utf-8", exclude_characters="\n\r|"), max_size=30)
texts = st.one_of(
    words,
    st.sampled_from(HOSTILE_TEXT),
    st.lists(st.one_of(words, st.sampled_from(HOSTILE_TEXT)), max_size=4).map(" ".join),
)


@st.composite
def descriptions(draw: st.DrawFn) -> str:
    parts = [draw(texts)]
    if draw(st.booleans()):
        values = draw(st.lists(st.one_of(identifiers, st.sampled_from(HOSTILE_NAMES)), min_size=1, max_size=4))
        parts.append("Possible values are: " + ", ".join(f"`{v}`" for v in values) + ".")
    parts += draw(
        st.lists(st.sampled_from(["Read-only.", "Not nullable.", "Required.", "Supports $filter."]), max_size=2)
    )
    return " ".join(parts)


@st.composite
def type_cells(draw: st.DrawFn, known: list[str]) -> str:
    other = draw(st.sampled_from(known)) if known else "ghost"
    choice = draw(st.integers(0, 6))
    if choice == 0:
        return f"[{other}]({other.lower()}.md)"
    if choice == 1:
        return f"[{other}]({other.lower()}.md) collection"
    if choice == 2:
        return f"Collection(microsoft.graph.{other})"
    if choice == 3:
        return f"microsoft.graph.{other}"
    if choice == 4:
        return draw(texts)
    return draw(st.sampled_from(PRIMITIVES))


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["|" + "|".join(header) + "|", "|" + "|".join(":---" for _ in header) + "|"]
    return lines + ["|" + "|".join(row) + "|" for row in rows] + [""]


@st.composite
def property_rows(draw: st.DrawFn, known: list[str], most: int = 6) -> list[list[str]]:
    count = draw(st.integers(0, most))
    return [[draw(names), draw(type_cells(known)), draw(descriptions())] for _ in range(count)]


@st.composite
def annotations(draw: st.DrawFn, name: str, known: list[str]) -> str:
    value: dict[str, object] = {"blockType": "resource"}
    written = draw(
        st.sampled_from(
            [f"microsoft.graph.{name}", f"#microsoft.graph.{name}", f"other.ns.{name}", "../../x", name, ""]
        )
    )
    if written:
        value["@odata.type"] = written
    if draw(st.booleans()) and known:
        value["baseType"] = "microsoft.graph." + draw(st.sampled_from([*known, "ghost", "../../etc"]))
    if draw(st.booleans()):
        value["keyProperty"] = draw(st.sampled_from(["id", "name", ""]))
    if draw(st.booleans()):
        value["openType"] = draw(st.sampled_from([True, False, "true", 1]))
    if draw(st.booleans()):
        value["abstract"] = True
    text = json.dumps(value, ensure_ascii=False)
    damage = draw(st.integers(0, 5))
    if damage == 1:
        text = text[: draw(st.integers(0, len(text)))]  # cut short
    elif damage == 2:
        text = text.replace('"', "", draw(st.integers(1, 4)))  # unquoted keys
    elif damage == 3:
        text = text.replace("}", ",}")  # a trailing comma
    return f"<!-- {text} -->"


@st.composite
def json_blocks(draw: st.DrawFn, name: str, rows: list[list[str]]) -> str:
    placeholders = st.sampled_from(
        ['"String"', "1024", "true", '"String (timestamp)"', "{}", '[{"@odata.type": "x"}]', "null"]
    )
    value = {"@odata.type": f"#microsoft.graph.{name}"}
    lines = (
        ["{"]
        + [f'  "{r[0]}": {draw(placeholders)},' for r in rows]
        + [f'  "@odata.type": "{value["@odata.type"]}"', "}"]
    )
    text = "\n".join(lines)
    damage = draw(st.integers(0, 6))
    if damage == 1:
        text = text.replace(",\n", "\n", 1)  # a missing comma
    elif damage == 2:
        text = text.replace("{\n", "{\n  // a comment\n  ...\n", 1)
    elif damage == 3:
        depth = draw(st.sampled_from([50, 199, 201, 1000, 20_000]))
        text = '{"a": ' * depth + "1" + "}" * depth
    elif damage == 4:
        depth = draw(st.sampled_from([10, 500, 20_000]))
        text = "[" * depth  # deep and never closed
    elif damage == 5:
        text = text[: draw(st.integers(0, len(text)))]
    return f"```json\n{text}\n```"


@st.composite
def resource_pages(draw: st.DrawFn, name: str, known: list[str]) -> str:
    lines: list[str] = []
    front = draw(st.integers(0, 3))
    if front == 0:
        lines += [
            "---",
            f'title: "{name} resource type"',
            f'description: "{draw(words)}"',
            "doc_type: resourcePageType",
            "---",
            "",
        ]
    elif front == 1:
        lines += ["---", "title: [unclosed", "---", ""]
    elif front == 2:
        lines += ["---", "- a list", "---", ""]
    if draw(st.integers(0, 5)):
        suffix = draw(st.sampled_from(["resource type", "complex type", "entity type", "object", ""]))
        lines += [f"# {name} {suffix}".rstrip(), ""]
    if draw(st.booleans()):
        lines += [
            f"Namespace: {draw(st.sampled_from(['microsoft.graph', 'microsoft.graph.callRecords', '../../evil', 'a..b']))}",
            "",
        ]
    lines += [draw(descriptions()), ""]
    if draw(st.booleans()) and known:
        base = draw(st.sampled_from([*known, "ghost"]))
        lines += [f"Inherits from [{base}]({base.lower()}.md).", ""]
    methods = draw(
        st.lists(
            st.sampled_from(["List", "Get", "Create", "Update", "Delete", "start", "pause", "os.system"]), max_size=3
        )
    )
    if methods:
        rows = [
            [f"[{m} {name}](../api/{api_stem(name, m)}.md)", f"[{name}]({name.lower()}.md)", draw(texts)]
            for m in methods
        ]
        lines += ["## Methods", "", *table(["Method", "Return type", "Description"], rows)]
    rows = draw(property_rows(known))
    lines += ["## Properties", "", *table(["Property", "Type", "Description"], rows)]
    if draw(st.booleans()):
        lines += [
            "## Relationships",
            "",
            *table(["Relationship", "Type", "Description"], draw(property_rows(known, 3))),
        ]
    if draw(st.integers(0, 4)):
        lines += ["## JSON representation", "", draw(annotations(name, known)), draw(json_blocks(name, rows)), ""]
    return "\n".join(lines)


@st.composite
def enum_pages(draw: st.DrawFn, name: str) -> str:
    members = draw(st.lists(st.one_of(identifiers, st.sampled_from(HOSTILE_NAMES)), max_size=5))
    rows = [[m, draw(st.sampled_from(["0", "1", "0x4", "x", ""])), draw(texts)] for m in members]
    heading = draw(st.sampled_from(["## Members", f"### {name} values", "## Properties"]))
    return "\n".join(
        [
            f"# {name} enum type",
            "",
            "Namespace: microsoft.graph",
            "",
            heading,
            "",
            *table(["Member", "Value", "Description"], rows),
        ]
    )


def api_stem(name: str, method: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", f"{name}-{method}".lower()).strip("-") or "api"


@st.composite
def api_pages(draw: st.DrawFn, name: str, method: str, known: list[str]) -> str:
    verb = draw(st.sampled_from(["GET", "POST", "PATCH", "PUT", "DELETE", "FETCH", ""]))
    path = draw(
        st.sampled_from(
            [
                f"/{name}",
                f"/{name}/{{id}}",
                f"/{name}/{{{name}-id}}/{method}",
                "/x/../../etc/passwd",
                "/a//b",
                "/{}",
                "/%2F/{id%}",
            ]
        )
    )
    body = draw(st.sampled_from(["", '{"a": 1}', "{not json", "[" * 3000]))
    lines = [
        "---",
        f'title: "{name}: {method}"',
        "doc_type: apiPageType",
        "---",
        "",
        f"# {name}: {method}",
        "",
        "Namespace: microsoft.graph",
        "",
        draw(texts),
        "",
        "## HTTP request",
        '<!-- { "blockType": "ignored" } -->',
        "```http",
        f"{verb} {path}".strip(),
        "```",
        "",
        "## Request body",
        "",
        *table(["Parameter", "Type", "Description"], draw(property_rows(known, 3))),
        "## Response",
        "",
        f"If successful, this method returns a `{draw(st.sampled_from(['200 OK', '201 Created', '204 No Content', '999 Odd']))}` response code.",
        "",
        "## Examples",
        "",
        "### Request",
        f'<!-- {{ "blockType": "request", "name": "{draw(words)}" }} -->',
        "```http",
        f"{verb or 'POST'} https://graph.microsoft.com/beta{path}",
        "Content-type: application/json",
        "",
        body,
        "```",
        "",
        "### Response",
        f'<!-- {{ "blockType": "response", "@odata.type": "{draw(st.sampled_from([f"microsoft.graph.{name}", "../../x", "Collection(x)"]))}" }} -->',
        "```http",
        "HTTP/1.1 200 OK",
        "Content-type: application/json",
        "",
        draw(st.sampled_from(["{}", '{"value": []}', '{"a": ', "[" * 300 + "]" * 300])),
        "```",
    ]
    return "\n".join(lines)


# -- breaking ---------------------------------------------------------------


@st.composite
def broken(draw: st.DrawFn, text: str, huge: bool = True) -> bytes:
    """``text`` damaged the ways real files are, as bytes."""
    kinds = draw(
        st.lists(
            st.sampled_from(["truncate", "endings", "bom", "tabs", "long", "bytes", "nul", "huge", "cut_bytes"]),
            max_size=3,
            unique=True,
        )
    )
    for kind in kinds:
        event(f"damage: {kind}")
    lines = text.split("\n")
    if "huge" in kinds and huge:
        at = draw(st.integers(0, len(lines)))
        count = draw(st.sampled_from([200, 1000]))
        header = ["## Properties", "|Property|Type|Description|", "|:---|:---|:---|"]
        lines[at:at] = header + [f"|p{n}|String|Row {n}.|" for n in range(count)]
    if "long" in kinds:
        at = draw(st.integers(0, len(lines)))
        lines.insert(at, draw(st.sampled_from(["x", "|a", "`", "word "])) * draw(st.sampled_from([5_000, 200_000])))
    if "tabs" in kinds:
        lines = [line.replace(" ", "\t") if n % 2 else "\t" + line for n, line in enumerate(lines)]
    if "endings" in kinds:
        endings = draw(st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=1, max_size=8))
        text = "".join(line + endings[n % len(endings)] for n, line in enumerate(lines))
    else:
        text = "\n".join(lines)
    if "truncate" in kinds:
        text = text[: draw(st.integers(0, len(text)))]
    if "nul" in kinds:
        at = draw(st.integers(0, len(text)))
        text = text[:at] + "\x00" + text[at:]
    data = text.encode("utf-8", errors="surrogatepass")
    if "bom" in kinds:
        data = b"\xef\xbb\xbf" + data
    if "bytes" in kinds:
        at = draw(st.integers(0, len(data)))
        data = (
            data[:at] + draw(st.sampled_from([b"\xff", b"\x80\x80", b"\xc3", b"\xed\xa0\x80", b"\xfe\xff"])) + data[at:]
        )
    if "cut_bytes" in kinds:
        data = data[: draw(st.integers(0, len(data)))]  # may split a multibyte character
    return data


def file_stem(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip(".").lower() or "page"


@st.composite
def docs_roots(draw: st.DrawFn, huge: bool = True) -> dict[str, bytes]:
    type_names = draw(st.lists(names, min_size=1, max_size=4, unique_by=lambda n: file_stem(n)))
    pages: dict[str, str] = {}
    for name in type_names:
        page = draw(resource_pages(name, type_names))
        pages[f"resources/{file_stem(name)}.md"] = page
        for match in re.finditer(r"\]\(\.\./api/([a-z0-9-]+)\.md\)", page):
            if draw(st.booleans()):
                method = match.group(1).rpartition("-")[2]
                pages[f"api/{match.group(1)}.md"] = draw(api_pages(name, method, type_names))
    if draw(st.booleans()):
        enum_name = draw(names)
        pages.setdefault(f"resources/{file_stem(enum_name)}-enum.md", draw(enum_pages(enum_name)))
    return {path: draw(broken(text, huge)) for path, text in pages.items()}


# -- the properties -----------------------------------------------------------


def pipeline_holds(pages: dict[str, bytes], where: Path) -> dict[str, str]:
    docs = write_pages(where / "docs", pages)
    out = where / "out"
    model, files = run_pipeline(docs, out)
    check_diagnostics(model, pages)
    if currently_in_test_context():
        for code in sorted({d.code for d in model.diagnostics}):
            event(f"diagnostic: {code}")
    check_files(files)
    check_definitions_only(files)
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert written == set(files) | {".graphdoc-manifest"}
    assert {p.name for p in where.iterdir()} == {"docs", "out"}  # nothing written beside the output
    return files


@fuzz_settings(100)
@given(docs_roots())
def test_broken_pages_never_break_the_pipeline(pages: dict[str, bytes]) -> None:
    """Every output file compiles or parses, every schema is valid, and the models import."""
    with tempfile.TemporaryDirectory(prefix="graphdoc-fuzz-") as folder:
        pipeline_holds(pages, Path(folder))
        import_models(Path(folder) / "out" / "models")


@fuzz_settings(8)
@given(docs_roots(huge=False))
def test_generated_service_imports_in_a_fresh_interpreter(pages: dict[str, bytes]) -> None:
    """Fewer cases, each imported the way a user would: models and the service app, in a new process."""
    with tempfile.TemporaryDirectory(prefix="graphdoc-fuzz-") as folder:
        pipeline_holds(pages, Path(folder))
        import_in_subprocess(Path(folder) / "out")


def test_json_nested_past_the_limit_is_a_diagnostic_and_the_cache_still_saves(tmp_path: Path) -> None:
    """Found by the fuzz test: strict JSON 1000 deep was accepted, then pickling the page's record
    for the cache raised RecursionError. Now any block deeper than the tolerant reader's limit is
    JSON_INVALID, the same whichever reader took it."""
    deep = '{"a": ' * 1000 + "1" + "}" * 1000
    page = "\n".join(
        [
            "# deep resource type",
            "",
            "## Properties",
            "",
            *table(["Property", "Type", "Description"], [["a", "String", "A."]]),
        ]
    )
    page += '\n## JSON representation\n\n<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.deep" } -->\n'
    page += f"```json\n{deep}\n```\n"
    pages = {"resources/deep.md": page.encode()}
    files = pipeline_holds(pages, tmp_path)
    assert "schemas/microsoft.graph.deep.json" in files
    model, _ = run_pipeline(tmp_path / "docs", tmp_path / "out")  # a second run reads the cache
    invalid = [d for d in model.diagnostics if d.code == "JSON_INVALID"]
    assert [d.line for d in invalid] == [page.splitlines().index(deep) + 1]
    assert any(Path(os.environ["GRAPHDOC_CACHE_DIR"]).iterdir())

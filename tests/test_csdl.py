"""``metadata.xml``: the model as an OData CSDL XML 4.0 document, read back with an
XML parser and, when npm can install it, with the OASIS CSDL-to-OpenAPI converter."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from conftest import GENERATED, SPECS, model_of, needs_corpus
from generator.emit import csdl, emit_all
from generator.model.ir import COMPLEX, ENTITY, ENUM, Model, Property, Source, Type
from pages import api_page, enum_page, resource
from test_models import HOSTILE_PAGES

EDMX = "{http://docs.oasis-open.org/odata/ns/edmx}"
EDM = "{http://docs.oasis-open.org/odata/ns/edm}"
DESCRIPTION = "Org.OData.Core.V1.Description"
ELEMENTS = {ENTITY: "EntityType", COMPLEX: "ComplexType", ENUM: "EnumType"}
TYPE_ELEMENTS = tuple(EDM + name for name in ELEMENTS.values())

# The OASIS OData TC's converter (CLI odata-openapi3) and the CSDL XML reader it is
# built on (odata-csdl, CLI odata-csdl-xml2json), pinned so the check is reproducible.
ODATA_OPENAPI = "odata-openapi@0.29.0"

# What XML 1.0 forbids; the document carries U+FFFD in its place.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def parse(text: str) -> ET.Element:
    """The document as the writer stores it (UTF-8 bytes), parsed."""
    return ET.fromstring(text.encode("utf-8"))


def emitted(model: Model) -> str:
    return emit_all(model, ["csdl"])[csdl.FILE]


def schema_types(root: ET.Element) -> dict[str, ET.Element]:
    """Every type element by its qualified name; a name twice fails."""
    found: dict[str, ET.Element] = {}
    for schema in root.iter(EDM + "Schema"):
        for element in schema:
            if element.tag in TYPE_ELEMENTS:
                name = f"{schema.get('Namespace')}.{element.get('Name')}"
                assert name not in found, f"{name} appears twice"
                found[name] = element
    return found


def described(element: ET.Element) -> str:
    """The element's own Core.Description ('' when it has none)."""
    texts = [a.get("String") or "" for a in element.findall(EDM + "Annotation") if a.get("Term") == DESCRIPTION]
    assert len(texts) <= 1, texts
    return texts[0] if texts else ""


def type_text(type_name: str, collection: bool) -> str:
    return f"Collection({type_name})" if collection else type_name


def bound(root: ET.Element, element: str, name: str, binding: str) -> ET.Element:
    """The one bound action or function ``name`` whose binding parameter is ``binding``."""
    found = [
        op
        for op in root.iter(EDM + element)
        if op.get("Name") == name and op.get("IsBound") == "true" and op.find(EDM + "Parameter").get("Type") == binding  # type: ignore[union-attr]
    ]
    assert len(found) == 1, f"{element} {name} bound to {binding}: {len(found)} found"
    return found[0]


# -- the specs ----------------------------------------------------------------


@pytest.fixture(scope="module")
def spec_root() -> ET.Element:
    return parse((GENERATED / csdl.FILE).read_text(encoding="utf-8"))


def test_the_document_is_csdl_4_0(spec_root: ET.Element) -> None:
    text = (GENERATED / csdl.FILE).read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n<edmx:Edmx Version="4.0" ')
    assert spec_root.tag == EDMX + "Edmx" and spec_root.get("Version") == "4.0"
    reference, services = list(spec_root)
    # the Core vocabulary its descriptions use is referenced, as CSDL wants of every term
    assert reference.tag == EDMX + "Reference" and reference.get("Uri", "").endswith("/Org.OData.Core.V1.xml")
    assert [(i.get("Namespace"), i.get("Alias")) for i in reference] == [("Org.OData.Core.V1", None)]
    assert services.tag == EDMX + "DataServices"
    namespaces = [schema.get("Namespace") for schema in services]
    assert namespaces == sorted(namespaces) and len(set(namespaces)) == len(namespaces)
    assert all(schema.tag == EDM + "Schema" for schema in services)


def test_every_type_with_its_shape(spec_root: ET.Element, spec_model: Model) -> None:
    types = schema_types(spec_root)
    assert set(types) == {t.full_name for t in spec_model.types}
    assert list(types) == [t.full_name for t in spec_model.types]  # model order within the one namespace
    for t in spec_model.types:
        element = types[t.full_name]
        where = t.full_name
        assert element.tag == EDM + ELEMENTS[t.kind], where
        assert described(element) == t.description, where
        if t.kind == ENUM:
            assert element.get("IsFlags") == ("true" if t.flags else None), where
            members = [(m.get("Name"), m.get("Value"), described(m)) for m in element.findall(EDM + "Member")]
            assert members == [(m.name, str(m.value), m.description) for m in t.members], where
            continue
        assert element.get("BaseType") == t.base_type, where
        assert element.get("Abstract") == ("true" if t.abstract else None), where
        assert element.get("OpenType") == ("true" if t.open_type else None), where
        keys = [ref.get("Name") for ref in element.findall(f"{EDM}Key/{EDM}PropertyRef")]
        assert keys == ([t.key_property] if t.kind == ENTITY and t.base_type is None else []), where
        properties = [(p.get("Name"), p.get("Type"), p.get("Nullable"), described(p)) for p in element.findall(EDM + "Property")]
        assert properties == [
            (p.name, type_text(p.type, p.collection), None if p.nullable else "false", p.description) for p in t.properties
        ], where
        navigation = [(n.get("Name"), n.get("Type"), described(n)) for n in element.findall(EDM + "NavigationProperty")]
        assert navigation == [(n.name, type_text(n.type, n.collection), n.description) for n in t.navigation_properties], where
    entity = types["microsoft.graph.entity"]
    assert entity.get("Abstract") == "true" and entity.find(f"{EDM}Key/{EDM}PropertyRef").get("Name") == "id"  # type: ignore[union-attr]
    assert types["microsoft.graph.synchronizationJob"].get("BaseType") == "microsoft.graph.entity"
    assert types["microsoft.graph.directoryDefinitionDiscoverabilities"].get("IsFlags") == "true"
    assert types["microsoft.graph.stringKeyObjectValuePair"].get("OpenType") == "true"


def test_bound_actions_and_functions_of_the_specs(spec_root: ET.Element) -> None:
    job, sync, schema = (f"microsoft.graph.{name}" for name in ("synchronizationJob", "synchronization", "synchronizationSchema"))
    for name in ("start", "pause", "restart", "validateCredentials", "provisionOnDemand"):
        bound(spec_root, "Action", name, job)
    parameters = [(p.get("Name"), p.get("Type")) for p in bound(spec_root, "Action", "restart", job).findall(EDM + "Parameter")]
    assert parameters == [("bindingParameter", job), ("criteria", "microsoft.graph.synchronizationJobRestartCriteria")]
    token = bound(spec_root, "Action", "acquireAccessToken", sync)
    assert token.findall(EDM + "Parameter")[1].get("Type") == "Collection(microsoft.graph.synchronizationSecretKeyStringValuePair)"
    assert token.find(EDM + "ReturnType") is None
    on_demand = bound(spec_root, "Action", "provisionOnDemand", job)
    assert on_demand.find(EDM + "ReturnType").get("Type") == "microsoft.graph.stringKeyStringValuePair"  # type: ignore[union-attr]
    ping = bound(spec_root, "Function", "ping", sync)
    assert [p.get("Name") for p in ping.findall(EDM + "Parameter")] == ["bindingParameter"]
    assert ping.find(EDM + "ReturnType").get("Type") == "Edm.String"  # type: ignore[union-attr]
    functions = bound(spec_root, "Function", "functions", schema)
    assert functions.find(EDM + "ReturnType").get("Type") == "Collection(microsoft.graph.attributeMappingFunctionSchema)"  # type: ignore[union-attr]
    bound(spec_root, "Action", "parseExpression", schema)
    # each (name, binding type, kind) once
    seen = [(op.tag, op.get("Name"), op.find(EDM + "Parameter").get("Type")) for op in spec_root.iter() if op.tag in (EDM + "Action", EDM + "Function")]  # type: ignore[union-attr]
    assert len(seen) == len(set(seen)) == 10


def test_the_container_lists_the_top_level_collections(spec_root: ET.Element) -> None:
    (container,) = spec_root.iter(EDM + "EntityContainer")
    assert container.get("Name") == "GraphService"
    assert [(s.tag, s.get("Name"), s.get("EntityType")) for s in container] == [
        (EDM + "EntitySet", "synchronizations", "microsoft.graph.synchronization")
    ]


# -- what CSDL cannot say as the model does -----------------------------------

KEYED = '{"blockType": "resource", "@odata.type": "microsoft.graph.%s", "keyProperty": "id"}'
SMALL_PAGES: dict[str, str | bytes] = {
    "resources/widget.md": resource(
        "widget",
        [("id", "String", "Id."), ("weird@name", "String", "Not an identifier."), ("size", "Int32", "Size.")],
        relationships=[
            ("parts", "[part](part.md) collection", "Entities."),
            ("shape", "[color](color.md)", "A relationship to an enum."),
        ],
        methods=[
            ("[List widgets](../api/widget-list.md)", "[widget](widget.md) collection", "List."),
            ("[Get me](../api/widget-me.md)", "[widget](widget.md)", "Get."),
            ("[Spin](../api/widget-spin.md)", "None", "Spin."),
            ("[Shape](../api/widget-shape.md)", "[shape](shape.md)", "Named like a type."),
            ("[Ping](../api/widget-ping.md)", "None", "A function the page gives no return type."),
            ("[Delta](../api/widget-delta.md)", "String", "A function called with parentheses."),
            ("[Count](../api/widget-count.md)", "Int32", "A qualified name is not an identifier."),
        ],
        annotation=KEYED % "widget",
    ),
    "resources/part.md": resource("part", [("id", "String", "Id.")], annotation=KEYED % "part"),
    "resources/shape.md": resource("shape", [("sides", "Int32", "Sides.")]),
    "resources/color.md": enum_page("color", [("red", "0", "Red."), ("not valid", "1", "Not an identifier.")]),
    "api/widget-list.md": api_page("List widgets", "GET /widgets", response='{"value": []}'),
    "api/widget-me.md": api_page("Get me", "GET /me"),
    "api/widget-spin.md": api_page("Spin", "POST /widgets/{id}/spin", status="204 No Content"),
    "api/widget-shape.md": api_page("Shape", "POST /widgets/{id}/shape"),
    "api/widget-ping.md": api_page("Ping", "GET /widgets/{id}/ping"),
    "api/widget-delta.md": api_page("Delta", "GET /widgets/{id}/delta(token='{a/b}')"),
    "api/widget-count.md": api_page("Count", "GET /widgets/{id}/microsoft.graph.count"),
}


def test_what_csdl_cannot_say_follows_csdl(tmp_path: Path) -> None:
    root = parse(emitted(model_of(tmp_path, SMALL_PAGES)))
    types = schema_types(root)
    widget = types["microsoft.graph.widget"]
    properties = {p.get("Name"): p.get("Type") for p in widget.findall(EDM + "Property")}
    # a name that is not an identifier is left out; a relationship to an enum is a property
    assert properties == {"id": "Edm.String", "size": "Edm.Int32", "shape": "microsoft.graph.color"}
    assert [n.get("Name") for n in widget.findall(EDM + "NavigationProperty")] == ["parts"]
    assert [m.get("Name") for m in types["microsoft.graph.color"].findall(EDM + "Member")] == ["red"]
    operations = {(op.tag.removeprefix(EDM), op.get("Name")) for op in root.iter() if op.tag in (EDM + "Action", EDM + "Function")}
    # 'shape' is a type's name, 'microsoft.graph.count' no identifier; delta's parentheses (and the '/' in them) go
    assert operations == {("Action", "spin"), ("Function", "ping"), ("Function", "delta")}
    ping = bound(root, "Function", "ping", "microsoft.graph.widget")
    assert ping.find(EDM + "ReturnType").get("Type") == "Edm.Untyped"  # type: ignore[union-attr]
    (container,) = root.iter(EDM + "EntityContainer")
    assert [(s.tag.removeprefix(EDM), s.get("Name")) for s in container] == [("EntitySet", "widgets"), ("Singleton", "me")]


def test_inherited_names_and_nullable_keys_follow_csdl() -> None:
    """Models the pages rarely make: a derived type declaring its base's property again,
    and a key the model leaves nullable (the Graph corpus has both)."""
    source = Source("resources/x.md", 1)
    base = Type(
        "microsoft.graph.base",
        "base",
        "microsoft.graph",
        ENTITY,
        source,
        key_property="id",
        properties=(Property("id", "Edm.String"), Property("name", "Edm.String", nullable=False)),
    )
    derived = Type(
        "microsoft.graph.derived",
        "derived",
        "microsoft.graph",
        ENTITY,
        source,
        base_type="microsoft.graph.base",
        key_property="id",
        properties=(Property("name", "Edm.String"), Property("extra", "Edm.Int32")),
    )
    types = schema_types(parse(emitted(Model(types=(base, derived)))))
    assert [(p.get("Name"), p.get("Nullable")) for p in types["microsoft.graph.base"].findall(EDM + "Property")] == [
        ("id", "false"),
        ("name", "false"),
    ]
    assert types["microsoft.graph.derived"].find(EDM + "Key") is None
    assert [p.get("Name") for p in types["microsoft.graph.derived"].findall(EDM + "Property")] == ["extra"]


def test_members_that_lead_to_entities_navigate_and_keys_are_primitive() -> None:
    """A Properties row typed with an entity is a NavigationProperty (CSDL lets only those
    lead to an entity), and a key names a primitive property (``print`` is keyed by its
    ``settings`` on its page: no Key, as the service's own metadata has it)."""
    source = Source("resources/x.md", 1)
    settings = Type("microsoft.graph.printSettings", "printSettings", "microsoft.graph", COMPLEX, source)
    printer = Type(
        "microsoft.graph.printer", "printer", "microsoft.graph", ENTITY, source, key_property="id", properties=(Property("id", "Edm.String"),)
    )
    print_ = Type(
        "microsoft.graph.print",
        "print",
        "microsoft.graph",
        ENTITY,
        source,
        key_property="settings",
        properties=(
            Property("settings", "microsoft.graph.printSettings"),
            Property("default", "microsoft.graph.printer"),
            Property("all", "microsoft.graph.printer", collection=True),
        ),
    )
    types = schema_types(parse(emitted(Model(types=(settings, printer, print_)))))
    element = types["microsoft.graph.print"]
    assert element.find(EDM + "Key") is None
    assert [(p.get("Name"), p.get("Type")) for p in element.findall(EDM + "Property")] == [("settings", "microsoft.graph.printSettings")]
    assert [(n.get("Name"), n.get("Type")) for n in element.findall(EDM + "NavigationProperty")] == [
        ("default", "microsoft.graph.printer"),
        ("all", "Collection(microsoft.graph.printer)"),
    ]
    assert [k.get("Name") for k in types["microsoft.graph.printer"].iter(EDM + "PropertyRef")] == ["id"]


def test_a_namespace_spelt_in_two_cases_is_one_schema(tmp_path: Path) -> None:
    """termStore and termstore (both in the Graph corpus): one Schema, spelt as most of its
    types spell it, every reference spelt so."""
    pages = {
        "resources/set.md": resource("set", [("id", "String", "Key."), ("kind", "[kind](kind.md)", "Kind.")], namespace="microsoft.graph.termStore"),
        "resources/term.md": resource("term", [("id", "String", "Key.")], namespace="microsoft.graph.termStore"),
        "resources/group.md": resource("group", [("name", "String", "Name."), ("set", "[set](set.md)", "A set.")], namespace="microsoft.graph.termstore"),
        "resources/kind.md": resource("kind", [("label", "String", "Label.")], namespace="microsoft.graph.termstore"),
    }
    model = model_of(tmp_path, pages)
    assert {t.namespace for t in model.types} >= {"microsoft.graph.termStore", "microsoft.graph.termstore"}
    root = parse(emitted(model))
    namespaces = [schema.get("Namespace") for schema in root.iter(EDM + "Schema")]
    assert "microsoft.graph.termstore" not in namespaces and "microsoft.graph.termStore" in namespaces
    types = schema_types(root)
    assert {"microsoft.graph.termStore.group", "microsoft.graph.termStore.kind"} <= set(types)
    kinds = [p.get("Type") for p in types["microsoft.graph.termStore.set"].findall(EDM + "Property") if p.get("Name") == "kind"]
    assert kinds == ["microsoft.graph.termStore.kind"]


# -- hostile text --------------------------------------------------------------

HOSTILE = 'a "quote", 1 < 2 & 3 > 2 ]]> \'single\' nul\x00 unit\x1f nonchar\uffff lone\ud800 ls\u2028 end'


def readable(text: str) -> str:
    """What the document should read back as: the text, with what XML forbids as U+FFFD."""
    return FORBIDDEN.sub("\ufffd", text)


def test_hostile_page_text_stays_readable(tmp_path: Path) -> None:
    hostile = HOSTILE.replace("\ud800", "")  # a page is UTF-8: it cannot hold a lone surrogate
    pages: dict[str, str | bytes] = {
        **HOSTILE_PAGES,
        "resources/thing.md": resource(
            "thing",
            [("id", "String", hostile), ("colour", "[color](color.md)", hostile)],
            relationships=[("parts", "[thing](thing.md) collection", hostile)],
            annotation=KEYED % "thing",
        ).replace("Describes thing.", hostile),
        "resources/color.md": enum_page("color", [("red", "0", hostile)]),
    }
    model = model_of(tmp_path, pages)
    text = emitted(model)
    root = parse(text)
    types = schema_types(root)
    thing = model.get("microsoft.graph.thing")
    assert thing is not None
    # the parser already tidies some of it (NUL becomes U+FFFD, control and separator characters spaces)
    assert 'a "quote", 1 < 2 & 3 > 2 ]]> \'single\'' in thing.description and "\uffff" in thing.description
    element = types["microsoft.graph.thing"]
    assert described(element) == readable(thing.description)
    assert [described(p) for p in element.findall(EDM + "Property")] == [readable(p.description) for p in thing.properties]
    assert described(element.find(EDM + "NavigationProperty")) == readable(thing.navigation_properties[0].description)  # type: ignore[arg-type]
    color = model.get("microsoft.graph.color")
    assert color is not None
    assert described(types["microsoft.graph.color"].find(EDM + "Member")) == readable(color.members[0].description)  # type: ignore[arg-type]
    # the test_models hostile types: names that are no identifiers are left out, the rest kept
    assert [p.get("Name") for p in types["microsoft.graph.class"].findall(EDM + "Property")] == ["from", "self", "str", "additional_data", "kind"]
    assert [m.get("Name") for m in types["microsoft.graph.None"].findall(EDM + "Member")] == ["__init__"]
    assert "]]>" not in text and "\uffff" not in text


def test_text_no_page_can_carry_stays_readable() -> None:
    """Every character class, through the model directly: a lone surrogate, C0 controls,
    U+FFFE/U+FFFF, and tabs and line breaks, which must survive as character references."""
    text = HOSTILE + " <tag/> \ufffe tab\t lf\n crlf\r\n"
    thing = Type(
        "microsoft.graph.thing",
        "thing",
        "microsoft.graph",
        COMPLEX,
        Source("resources/thing.md", 1),
        description=text,
        properties=(Property("p", "Edm.String", description=text),),
    )
    document = emitted(Model(types=(thing,)))
    document.encode("utf-8")  # what the writer does: no lone surrogate left to fail it
    element = schema_types(parse(document))["microsoft.graph.thing"]
    assert described(element) == described(element.find(EDM + "Property")) == readable(text)  # type: ignore[arg-type]


def test_hostile_output_passes_the_output_checks(tmp_path: Path) -> None:
    from output_checks import check_files

    files = emit_all(model_of(tmp_path, HOSTILE_PAGES))
    assert csdl.FILE in files
    check_files(files)


# -- determinism ---------------------------------------------------------------

EMIT_SPECS = (
    "import sys; from pathlib import Path; from generator.emit import csdl, emit_all; from generator.pipeline import build_model; "
    "sys.stdout.buffer.write(emit_all(build_model(Path(sys.argv[1])), ['csdl'])[csdl.FILE].encode())"
)


def test_byte_identical_across_runs_and_hash_seeds(tmp_path: Path, spec_model: Model) -> None:
    committed = (GENERATED / csdl.FILE).read_bytes()
    assert emitted(spec_model).encode() == committed
    outputs = set()
    for seed in ("0", "1", "4242"):
        result = subprocess.run(
            [sys.executable, "-c", EMIT_SPECS, str(SPECS)],
            cwd=tmp_path,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr.decode()[-2000:]
        outputs.add(result.stdout)
    assert outputs == {committed}
    hostile = model_of(tmp_path, HOSTILE_PAGES)
    assert emitted(hostile) == emitted(model_of(tmp_path / "again", HOSTILE_PAGES))


# -- the Graph corpus ----------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_metadata(corpus_model: Model) -> tuple[Model, str]:
    model = corpus_model
    start = time.perf_counter()
    text = emitted(model)
    elapsed = time.perf_counter() - start
    size = len(text.encode("utf-8"))
    print(f"\ncorpus metadata.xml: {len(model.types)} types, {size:,} bytes, emitted in {elapsed:.2f}s")
    return model, text


@needs_corpus
def test_corpus_metadata_holds_every_type(corpus_metadata: tuple[Model, str]) -> None:
    model, text = corpus_metadata
    root = parse(text)
    types = schema_types(root)
    assert len(types) == len(model.types)
    spelt = csdl.CsdlView(model).spelt
    assert set(types) == {spelt(t.full_name) for t in model.types}
    bound(root, "Action", "start", "microsoft.graph.synchronizationJob")
    (container,) = root.iter(EDM + "EntityContainer")
    assert {"users", "servicePrincipals"} <= {s.get("Name") for s in container.iter(EDM + "EntitySet")}


# -- a real OData tool ---------------------------------------------------------


@pytest.fixture(scope="module")
def odata_tools(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder of the converter's command-line tools, installed from npm into a folder
    of the test's (with an npm cache of its own). Skips when npm can't install it."""
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        pytest.skip("npm and node are needed to install the OData tool (odata-openapi); one is not on PATH")
    where = tmp_path_factory.mktemp("odata-tools")
    options = ["--prefix", str(where), "--cache", str(where / ".npm-cache"), "--no-audit", "--no-fund", "--ignore-scripts", "--fetch-retries", "1"]
    command = [npm, "install", *options, ODATA_OPENAPI]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    except subprocess.TimeoutExpired:
        pytest.skip(f"npm install {ODATA_OPENAPI} took over 5 minutes: is the npm registry reachable?")
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or ["(no message)"]
        why = next((line for line in lines if line.startswith("npm error code")), lines[-1])  # ECONNREFUSED, E404, ...
        pytest.skip(f"npm could not install {ODATA_OPENAPI} (is the npm registry reachable?): {why}")
    tools = where / "node_modules" / ".bin"
    assert (tools / "odata-openapi3").exists() and (tools / "odata-csdl-xml2json").exists(), sorted(os.listdir(tools))
    return tools


def run(tool: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(tool), *args], capture_output=True, text=True, timeout=300, check=False)


def read_with_odata_csdl(tools: Path, source: Path) -> Any:
    """odata-csdl's reading of the document as CSDL JSON. It checks CSDL's rules as it reads
    (elements and children allowed, required attributes, names unique in a schema) and
    prints each one broken as a warning on stderr, which the test treats as a failure."""
    target = source.with_suffix(".csdl.json")
    result = run(tools / "odata-csdl-xml2json", "--target", str(target), str(source))
    assert result.returncode == 0 and result.stderr == "", result.stderr[-3000:]
    return json.loads(target.read_text(encoding="utf-8"))


def test_odata_openapi_converts_the_spec_metadata(odata_tools: Path, tmp_path: Path, spec_model: Model) -> None:
    source = tmp_path / csdl.FILE
    shutil.copyfile(GENERATED / csdl.FILE, source)
    read = read_with_odata_csdl(odata_tools, source)
    assert read["$Version"] == "4.0" and read["$EntityContainer"] == "microsoft.graph.GraphService"
    graph = read["microsoft.graph"]
    assert graph["synchronizationJob"]["$Kind"] == "EntityType" and graph["entity"]["$Key"] == ["id"]
    (start,) = graph["start"]
    assert start["$Kind"] == "Action" and start["$IsBound"] and start["$Parameter"][0]["$Type"] == "microsoft.graph.synchronizationJob"
    (ping,) = graph["ping"]
    assert ping["$Kind"] == "Function" and "$Type" not in ping["$ReturnType"]  # CSDL JSON leaves out the default, Edm.String

    target = tmp_path / "openapi.json"
    result = run(odata_tools / "odata-openapi3", "--pretty", "--target", str(target), str(source))
    # it prints the target's name, then any messages about the document (unknown types, ...)
    assert result.returncode == 0 and result.stderr == "", result.stderr[-3000:]
    assert result.stdout.strip() == str(target), result.stdout[-3000:]
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["openapi"].startswith("3.")
    entities = {t.full_name for t in spec_model.types if t.kind == ENTITY and not t.abstract}
    assert len(entities) == 5 and entities <= document["components"]["schemas"].keys()
    paths = document["paths"]
    assert "/synchronizations" in paths and "/synchronizations('{id}')/jobs" in paths
    assert "/synchronizations('{id}')/microsoft.graph.ping()" in paths  # the bound function, as the tool reads it


def test_odata_csdl_reads_hostile_text_intact(odata_tools: Path, tmp_path: Path) -> None:
    hostile = HOSTILE.replace("\ud800", "")
    model = model_of(tmp_path, {**HOSTILE_PAGES, "resources/color.md": enum_page("color", [("red", "0", hostile)])})
    source = tmp_path / csdl.FILE
    source.write_bytes(emitted(model).encode("utf-8"))
    read = read_with_odata_csdl(odata_tools, source)
    color = model.get("microsoft.graph.color")
    assert color is not None
    assert read["microsoft.graph"]["color"]["red@" + DESCRIPTION] == readable(color.members[0].description)


@needs_corpus
def test_odata_csdl_reads_the_corpus_metadata(odata_tools: Path, tmp_path: Path, corpus_metadata: tuple[Model, str]) -> None:
    model, text = corpus_metadata
    source = tmp_path / csdl.FILE
    source.write_bytes(text.encode("utf-8"))
    read = read_with_odata_csdl(odata_tools, source)
    kinds = ("EntityType", "ComplexType", "EnumType")
    schemas = [value for key, value in read.items() if not key.startswith("$")]
    count = sum(1 for schema in schemas for child in schema.values() if isinstance(child, dict) and child.get("$Kind") in kinds)
    assert count == len(model.types)

"""The outputs as the tools users feed them to read them: what those tools need of the
OpenAPI description and the JSON Schemas, on the specs and on tiny pages made for one
point each. The tools themselves run on the specs here when they take seconds
(openapi-python-client, schemathesis's stateful phase); on the whole corpus they run in
``benchmarks/consumers.py``."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from conftest import GENERATED, model_of
from hypothesis import HealthCheck, settings
from live_service import app_from
from pages import ENTITY, api_page, resource
from starlette.testclient import TestClient

from generator.emit import emit_all
from generator.model.ir import Model
from generator.model.primitives import primitive_schema
from generator.payloads.validation import SchemaSet

OPENAPI_CLIENT = shutil.which("openapi-python-client") or str(Path(sys.executable).parent / "openapi-python-client")

PERMISSIONS = """## Permissions
One of the following permissions is required to call this API.

|Permission type      | Permissions (from least to most privileged)              |
|:--------------------|:---------------------------------------------------------|
|Delegated (work or school account) | Widget.Read, Widget.ReadWrite.All    |
|Delegated (personal Microsoft account) | Widget.Read, Not supported.    |
|Application | Widget.Read.All <br/> (see graph.microsoft.com notes) |
"""


def openapi(model: Model) -> dict[str, Any]:
    return json.loads(emit_all(model, ["openapi"])["openapi.json"])  # type: ignore[no-any-return]


def walk(value: Any) -> Iterator[dict[str, Any]]:
    """Every object in a JSON value, depth first."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)


@pytest.fixture(scope="module")
def spec_openapi() -> dict[str, Any]:
    return json.loads((GENERATED / "openapi.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


# -- a complete description --------------------------------------------------------


def test_servers_license_and_the_identity_platform(spec_openapi: dict[str, Any]) -> None:
    (graph, mock) = spec_openapi["servers"]
    assert graph["url"] == "https://graph.microsoft.com/{version}"
    assert graph["variables"]["version"] == {"default": "beta", "enum": ["v1.0", "beta"]}  # the specs' examples call beta
    assert mock["url"] == "http://127.0.0.1:8000"
    assert spec_openapi["info"]["license"]["identifier"] == "CC-BY-4.0"
    schemes = spec_openapi["components"]["securitySchemes"]
    assert schemes["delegated"]["flows"]["authorizationCode"]["tokenUrl"].startswith("https://login.microsoftonline.com/")
    assert "Application.ReadWrite.OwnedBy" in schemes["application"]["flows"]["clientCredentials"]["scopes"]
    assert spec_openapi["security"] == [{"delegated": []}, {"application": []}]


def test_each_operation_carries_its_pages_permissions(spec_openapi: dict[str, Any]) -> None:
    start = spec_openapi["paths"]["/servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/start"]["post"]
    page = (Path(GENERATED).parent / "specs" / "api" / "synchronizationjob-start.md").read_text(encoding="utf-8")
    delegated = re.search(r"^\|\s*Delegated \(work or school account\)\s*\|([^|]*)\|", page, re.MULTILINE)
    application = re.search(r"^\|\s*Application\s*\|([^|]*)\|", page, re.MULTILINE)
    assert delegated and application
    expected = [{"delegated": [n.strip()]} for n in delegated.group(1).split(",") if "." in n] + [
        {"application": [n.strip()]} for n in application.group(1).split(",") if "." in n
    ]
    assert start["security"] == expected
    operations = [op for methods in spec_openapi["paths"].values() for op in methods.values()]
    assert all(op.get("security") for op in operations)  # every specs page has its table


def test_the_permissions_table_is_read_by_kind_of_account(tmp_path: Path) -> None:
    pages = {
        "resources/entity.md": ENTITY,
        "resources/widget.md": resource("widget", [("id", "String", "Key.")], inherits="entity"),
        "api/widget-get.md": api_page("Get widget", "GET /widgets/{id}", extra=PERMISSIONS),
        "api/widget-list.md": api_page("List widgets", "GET /widgets"),
    }
    model = model_of(tmp_path, pages)
    (found,) = [op for op in model.operations if op.permissions]
    assert found.source is not None and found.source.path == "api/widget-get.md"
    assert [(p.kind, p.names) for p in found.permissions] == [
        ("delegated-work", ("Widget.Read", "Widget.ReadWrite.All")),
        ("delegated-personal", ("Widget.Read",)),
        ("application", ("Widget.Read.All",)),  # "Not supported." and a host name are no permissions
    ]
    document = openapi(model)
    get = document["paths"]["/widgets/{id}"]["get"]
    assert get["security"] == [
        {"delegated": ["Widget.Read"]},
        {"delegated": ["Widget.ReadWrite.All"]},
        {"application": ["Widget.Read.All"]},
    ]
    assert "security" not in document["paths"]["/widgets"]["get"]  # no table: the document's own (any token)
    assert set(document["components"]["securitySchemes"]["delegated"]["flows"]["authorizationCode"]["scopes"]) == {
        "Widget.Read",
        "Widget.ReadWrite.All",
    }


# -- names, unions, values ---------------------------------------------------------

TWO_MEDIA = {
    "resources/entity.md": ENTITY,
    "resources/media.md": resource("media", [("id", "String", "Key."), ("label", "String", "Label.")], inherits="entity"),
    "resources/callrecords-media.md": resource(
        "media", [("calleeDevice", "String", "Device."), ("free", "Unknownish", "A type no page documents.")], namespace="microsoft.graph.callRecords"
    ),
    "resources/session.md": resource(
        "session",
        [("id", "String", "Key."), ("media", "[microsoft.graph.callRecords.media](callrecords-media.md)", "Media."), ("took", "Duration", "How long.")],
        inherits="entity",
    ),
    "api/session-get.md": api_page("Get session", "GET /sessions/{id}"),
    "api/media-get.md": api_page("Get media", "GET /media/{id}"),
}


def test_titles_never_meet_across_namespaces(tmp_path: Path) -> None:
    model = model_of(tmp_path, TWO_MEDIA)
    files = emit_all(model, ["schemas", "openapi"])
    schemas = {name: json.loads(text)["title"] for name, text in files.items() if name.startswith("schemas/") and name != "schemas/bundle.json"}
    assert schemas["schemas/microsoft.graph.media.json"] == "media"
    assert schemas["schemas/microsoft.graph.callRecords.media.json"] == "callRecordsMedia"
    titles = [c["title"].lower() for c in json.loads(files["openapi.json"])["components"]["schemas"].values() if "title" in c]
    assert len(titles) == len(set(titles))


def test_unknown_types_are_any_value_and_durations_as_graph_writes_them(tmp_path: Path) -> None:
    model = model_of(tmp_path, TWO_MEDIA)
    document = openapi(model)
    free = document["components"]["schemas"]["microsoft.graph.callRecords.media"]["properties"]["free"]
    assert "anyOf" not in free and "type" not in free  # {} (with its description): any value, null too
    took = document["components"]["schemas"]["microsoft.graph.session"]["allOf"][1]["properties"]["took"]
    assert "format" not in json.dumps(took)
    schemas = SchemaSet.from_texts({n: t for n, t in emit_all(model, ["schemas"]).items() if n != "schemas/bundle.json"})
    for value in ("-PT17.1357909S", "PT40M", "P1Y2M", "P2W"):  # the docs' own values, as Graph writes them
        assert schemas.validate({"took": value}, "microsoft.graph.session") == [], value
    assert schemas.validate({"took": "forty minutes"}, "microsoft.graph.session")
    assert "format" not in primitive_schema("Edm.Duration")


def test_the_client_generator_keeps_every_schema_and_names_each_once(tmp_path: Path) -> None:
    """openapi-python-client names a model class after a schema's title: two titled
    ``media`` once dropped one of them, and everything that referred to it."""
    if not Path(OPENAPI_CLIENT).exists():
        pytest.skip("openapi-python-client is not installed (pip install -e '.[test]' installs it)")
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(openapi(model_of(tmp_path / "docs", TWO_MEDIA))), encoding="utf-8")
    out = tmp_path / "client"
    done = subprocess.run([OPENAPI_CLIENT, "generate", "--path", str(spec), "--meta", "none", "--output-path", str(out)], capture_output=True, text=True, timeout=300)
    said = done.stdout + done.stderr
    assert done.returncode == 0 and not re.search(r"warning|unable|could not", said, re.IGNORECASE), said
    modules = {path.stem for path in (out / "models").glob("*.py")}
    assert {"media", "call_records_media", "session"} <= modules, sorted(modules)


def test_function_arguments_are_parameters(tmp_path: Path) -> None:
    pages = {
        "resources/entity.md": ENTITY,
        "resources/report.md": resource("report", [("id", "String", "Key.")], inherits="entity"),
        "api/report-activities.md": api_page(
            "Get activities", "GET /reports/getActivitiesByInterval(startDateTime='2017-01-01',endDateTime='2017-01-04',interval='day')"
        ),
        "api/report-top.md": api_page("Top", "GET /reports/top(count=10)"),
        "api/report-team.md": api_page("Team", "GET /teams/(team-id)/report"),
    }
    paths = openapi(model_of(tmp_path, pages))["paths"]
    activities = "/reports/getActivitiesByInterval(startDateTime=%27{startDateTime}%27,endDateTime=%27{endDateTime}%27,interval=%27{interval}%27)"
    assert {activities, "/reports/top(count={count})", "/teams/{team_id}/report"} <= set(paths), sorted(paths)
    parameters = [(p["name"], p["in"]) for p in paths[activities]["get"]["parameters"] if p["in"] == "path"]
    assert parameters == [("startDateTime", "path"), ("endDateTime", "path"), ("interval", "path")]


def request_checker(document: dict[str, Any], schema: dict[str, Any]) -> Any:
    """A validator of request bodies against ``schema`` (with the document's components), for
    which a read-only property present is an error, as tools read a request's schema."""
    from jsonschema import Draft202012Validator, ValidationError
    from jsonschema.validators import extend
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    def read_only(validator: Any, value: Any, instance: Any, schema: Any) -> Iterator[ValidationError]:
        if value:
            yield ValidationError("a read-only property in a request")

    registry = Registry().with_resource("urn:openapi", Resource.from_contents(document, default_specification=DRAFT202012))
    rooted = json.loads(json.dumps(schema).replace('"#/components/', '"urn:openapi#/components/'))
    return extend(Draft202012Validator, {"readOnly": read_only})(rooted, registry=registry)


def test_request_examples_leave_read_only_properties_out(spec_openapi: dict[str, Any]) -> None:
    """A request never sets a read-only property (the mock ignores one): the examples a tool
    checks against the request's schema show none, at any depth (the specs' create of a
    job showed the job's id)."""
    checked = 0
    for methods in spec_openapi["paths"].values():
        for op in methods.values():
            content = op.get("requestBody", {}).get("content", {}).get("application/json", {})
            for name, example in content.get("examples", {}).items():
                errors = [e.message for e in request_checker(spec_openapi, content["schema"]).iter_errors(example["value"])]
                assert not errors, (op["operationId"], name, errors)
                checked += 1
    assert checked >= 10
    create = spec_openapi["paths"]["/servicePrincipals/{servicePrincipalId}/synchronization/jobs"]["post"]
    examples = create["requestBody"]["content"]["application/json"]["examples"]
    assert examples and all("id" not in example["value"] for example in examples.values())


def test_unions_are_any_of_without_a_discriminator(tmp_path: Path) -> None:
    """``@odata.type`` is optional in Graph's payloads: a discriminator on it is what
    openapi-generator and Redocly trip on, and ``oneOf`` fails a payload that fits a base
    type and a derived one alike. A union only where something refers to it, of two or more."""
    pages = {
        "resources/entity.md": ENTITY,
        "resources/shape.md": resource("shape", [("id", "String", "Key."), ("area", "Double", "Area.")], inherits="entity"),
        "resources/circle.md": resource("circle", [("radius", "Double", "Radius.")], inherits="shape"),
        "resources/square.md": resource("square", [("side", "Double", "Side.")], inherits="shape"),
        "resources/drawing.md": resource("drawing", [("id", "String", "Key."), ("first", "[shape](shape.md)", "The first shape.")], inherits="entity"),
        "api/drawing-get.md": api_page("Get drawing", "GET /drawings/{id}"),
    }
    document = openapi(model_of(tmp_path, pages))
    text = json.dumps(document)
    assert '"discriminator"' not in text and '"oneOf"' not in text
    schemas = document["components"]["schemas"]
    assert schemas["microsoft.graph.shape.polymorphic"]["anyOf"] == [
        {"$ref": f"#/components/schemas/microsoft.graph.{name}"} for name in ("shape", "circle", "square")
    ]
    assert "microsoft.graph.entity.polymorphic" not in schemas  # nothing refers to any entity
    assert set(name for name in schemas if name.endswith(".polymorphic")) == {"microsoft.graph.shape.polymorphic"}


def test_a_create_links_to_its_item(spec_openapi: dict[str, Any]) -> None:
    jobs = "/servicePrincipals/{servicePrincipalId}/synchronization/jobs"
    links = spec_openapi["paths"][jobs]["post"]["responses"]["201"]["links"]
    get = spec_openapi["paths"][jobs + "/{jobId}"]["get"]["operationId"]
    assert links["getItem"] == {
        "operationId": get,
        "parameters": {"servicePrincipalId": "$request.path.servicePrincipalId", "jobId": "$response.body#/id"},
    }
    assert {"getItem", "deleteItem"} <= set(links)


# -- the JSON Schemas as code generators read them ----------------------------------


def test_closed_types_name_what_they_admit(spec_openapi: dict[str, Any]) -> None:
    """``additionalProperties: false`` beside ``patternProperties`` makes
    datamodel-code-generator's models refuse every annotation; a closed type says instead
    which names it admits (``propertyNames``), and ``graphdoc validate`` still refuses the rest."""
    texts = {path.name: path.read_text(encoding="utf-8") for path in (GENERATED / "schemas").glob("*.json")}
    assert all('"additionalProperties": false' not in text for text in texts.values())
    job = json.loads(texts["microsoft.graph.synchronizationJob.json"])["$defs"]["exact"]
    assert job["additionalProperties"] is True and {"enum", "pattern"} <= {key for alt in job["propertyNames"]["anyOf"] for key in alt}
    schemas = SchemaSet.from_dir(GENERATED / "schemas")
    job_type = "microsoft.graph.synchronizationJob"
    annotated = {"@odata.etag": "W/1", "templateId": "scim", "templateId@odata.type": "#String", "schedule": {"@odata.type": "#microsoft.graph.synchronizationSchedule", "x@odata.y": 1}}
    assert schemas.validate(annotated, job_type) == []
    issues = sorted(str(i) for i in schemas.validate({"templateId": "scim", "colour": "red", "schedule": {"size": 1}}, job_type))
    assert issues == [
        "/colour: expected no such property (the type is closed), found property 'colour'",
        "/schedule/size: expected no such property (the type is closed), found property 'size'",
    ]


def test_the_description_admits_the_null_collections_the_mock_accepts(spec_openapi: dict[str, Any]) -> None:
    """The mock checks bodies against the JSON Schemas, which admit a null collection where
    the page doesn't say "not nullable": OpenAPI says the same (it typed them as arrays only,
    and schemathesis found the mock accepting what the description refused)."""
    schemas = SchemaSet.from_dir(GENERATED / "schemas")
    assert schemas.validate({"synchronizationJobSettings": None}, "microsoft.graph.synchronizationJob") == []
    job = spec_openapi["components"]["schemas"]["microsoft.graph.synchronizationJob"]["allOf"][1]["properties"]
    assert job["synchronizationJobSettings"]["type"] == ["array", "null"]
    with TestClient(app_from(GENERATED)) as client:
        answer = client.post("/servicePrincipals/sp-null/synchronization/jobs", json={"templateId": "scim", "synchronizationJobSettings": None})
        assert answer.status_code == 201, answer.text


# -- schemathesis, following the links --------------------------------------------

stateful = schemathesis.openapi.from_path(str(GENERATED / "openapi.json"))
stateful.config.generation.update(modes=[schemathesis.GenerationMode.POSITIVE], allow_extra_parameters=False)


class Workflow(stateful.as_state_machine()):  # type: ignore[misc]
    """schemathesis's stateful phase against the mock: a create, then the item's operations
    through the links (no server errors, answers as described, the item there)."""

    base_url = ""

    def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
        return {"base_url": Workflow.base_url}


@pytest.fixture(autouse=True)
def _workflow_base_url(base_url: str) -> None:
    Workflow.base_url = base_url


TestWorkflow = Workflow.TestCase
TestWorkflow.settings = settings(
    max_examples=10, stateful_step_count=5, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True
)


def test_the_stateful_tester_follows_the_descriptions_links() -> None:
    """The links the description states (a create to its item) are steps the stateful tester
    takes, beside the ones it infers."""
    steps = [name for name in dir(Workflow) if "_201_" in name]
    jobs, templates = "servicePrincipals_servicePrincipalId_synchronization_jobs", "servicePrincipals_servicePrincipalId_synchronization_templates"
    for wanted in (f"getItem__GET_{jobs}_jobId_", f"deleteItem__DELETE_{jobs}_jobId_", f"getItem__GET_{templates}_templateId_"):
        assert any(step.endswith(wanted) for step in steps), (wanted, steps)
